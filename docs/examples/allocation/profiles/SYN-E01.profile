# SYNTHETIC CHILD for the allocation example: invented, no name or address, a reference only.
format: atl-profile/1
reference: SYN-E01
synthetic: yes
primary-need: SEMH severe
nc-year: 6
placement-year: 7
home-postcode: TF4 2HR
max-journey: 20 miles
