# SYNTHETIC CHILD for the allocation example: invented, no name or address, a reference only.
format: atl-profile/1
reference: SYN-H01
synthetic: yes
primary-need: HI moderate
nc-year: 6
placement-year: 7
home-postcode: TF10 7NE
max-journey: 15 miles
