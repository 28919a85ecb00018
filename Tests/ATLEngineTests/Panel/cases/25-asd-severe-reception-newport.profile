# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Autism (severe), starting Reception, Newport (TF10).
format: atl-profile/1
reference: PANEL-25
synthetic: yes
primary-need: ASD severe
secondary-needs: SLCN severe
desirable: salt-onsite, sensory-room, small-classes
nc-year: -1
placement-year: 0
home-postcode: TF10 7AA
