# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Deaf BSL user (severe), transfer to Year 7, Market Drayton (TF9); EHCP requires signing and a teacher of the deaf.
format: atl-profile/1
reference: PANEL-14
synthetic: yes
primary-need: HI severe
must-have: signing, qtod
desirable: radio-aids
nc-year: 6
placement-year: 7
home-postcode: TF9 3AA
