# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Dyslexia (moderate), transfer to Year 7, Telford (TF4); the family wants mainstream first.
format: atl-profile/1
reference: PANEL-19
synthetic: yes
primary-need: SPLD moderate
nc-year: 6
placement-year: 7
home-postcode: TF4 2AA
mainstream-first: yes
