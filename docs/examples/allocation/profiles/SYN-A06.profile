# SYNTHETIC CHILD for the allocation example: invented, no name or address, a reference only.
format: atl-profile/1
reference: SYN-A06
synthetic: yes
primary-need: ASD moderate
nc-year: 6
placement-year: 7
home-postcode: TF3 2BP
max-journey: 25 miles
