# SYNTHETIC CHILD for the allocation example: invented, no name or address, a reference only.
format: atl-profile/1
reference: SYN-M01
synthetic: yes
primary-need: MLD moderate
nc-year: 6
placement-year: 7
home-postcode: TF3 1LA
max-journey: 25 miles
