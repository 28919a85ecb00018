# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Dyslexia (moderate), transfer to Year 7, Shrewsbury (SY3); the family asks for a Catholic school.
format: atl-profile/1
reference: PANEL-29
synthetic: yes
primary-need: SPLD moderate
nc-year: 6
placement-year: 7
home-postcode: SY3 8AA
faith: Roman Catholic
