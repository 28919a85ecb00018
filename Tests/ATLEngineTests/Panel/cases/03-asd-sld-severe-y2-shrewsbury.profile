# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Autism with severe learning difficulty, Year 2, Shrewsbury (SY3).
format: atl-profile/1
reference: PANEL-03
synthetic: yes
primary-need: ASD severe
secondary-needs: SLD severe
desirable: makaton, sensory-room, small-classes
nc-year: 1
placement-year: 2
home-postcode: SY3 5AA
