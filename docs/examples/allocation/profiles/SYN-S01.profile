# SYNTHETIC CHILD for the allocation example: invented, no name or address, a reference only.
format: atl-profile/1
reference: SYN-S01
synthetic: yes
primary-need: SLCN moderate
nc-year: 6
placement-year: 7
home-postcode: TF7 4HH
max-journey: 12 miles
