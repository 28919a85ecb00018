# SYNTHETIC CHILD for the allocation example: invented, no name or address, a reference only.
format: atl-profile/1
reference: SYN-A02
synthetic: yes
primary-need: ASD moderate
nc-year: 6
placement-year: 7
home-postcode: TF7 4HH
max-journey: 15 miles
