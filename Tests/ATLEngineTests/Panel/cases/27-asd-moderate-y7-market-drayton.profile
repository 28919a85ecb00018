# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Autism (moderate), transfer to Year 7, Market Drayton (TF9): the only nearby secondary is judged Inadequate.
format: atl-profile/1
reference: PANEL-27
synthetic: yes
primary-need: ASD moderate
desirable: quiet-space
nc-year: 6
placement-year: 7
home-postcode: TF9 3AA
