# SYNTHETIC CHILD for the allocation example: invented, no name or address, a reference only.
format: atl-profile/1
reference: SYN-A04
synthetic: yes
primary-need: ASD severe
nc-year: 6
placement-year: 7
home-postcode: TF4 2HR
max-journey: 15 miles
