# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Severe learning difficulty, moving to post-16 (Year 12), Whitchurch (SY13).
format: atl-profile/1
reference: PANEL-23
synthetic: yes
primary-need: SLD severe
desirable: makaton, sensory-room, small-classes
nc-year: 11
placement-year: 12
home-postcode: SY13 1AA
