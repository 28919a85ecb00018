# SYNTHETIC CHILD for the allocation example: its home postcode is outside the lookup, so no list can be built.
format: atl-profile/1
reference: SYN-X01
synthetic: yes
primary-need: ASD moderate
nc-year: 6
placement-year: 7
home-postcode: NE1 4ST
