# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Profoundly deaf BSL user, Year 3, Shrewsbury (SY2); EHCP requires signing staff.
format: atl-profile/1
reference: PANEL-13
synthetic: yes
primary-need: HI profound
must-have: signing
desirable: qtod, radio-aids, quiet-space
nc-year: 2
placement-year: 3
home-postcode: SY2 5AD
max-journey: 8 miles
