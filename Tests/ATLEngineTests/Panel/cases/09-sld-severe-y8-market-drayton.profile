# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Severe learning difficulty, Year 8, rural Market Drayton (TF9): no SLD school within the default 25 km.
format: atl-profile/1
reference: PANEL-09
synthetic: yes
primary-need: SLD severe
secondary-needs: SLCN moderate
desirable: makaton, small-classes, sensory-room
nc-year: 7
placement-year: 8
home-postcode: TF9 3AA
