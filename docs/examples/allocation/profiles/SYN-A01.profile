# SYNTHETIC CHILD for the allocation example: invented, no name or address, a reference only.
format: atl-profile/1
reference: SYN-A01
synthetic: yes
primary-need: ASD severe
secondary-needs: SLCN moderate
nc-year: 6
placement-year: 7
home-postcode: TF3 1LA
max-journey: 15 miles
