# SYNTHETIC CHILD for the allocation example: invented, no name or address, a reference only.
format: atl-profile/1
reference: SYN-M02
synthetic: yes
primary-need: MLD severe
secondary-needs: SLCN moderate
nc-year: 6
placement-year: 7
home-postcode: TF9 1LB
max-journey: 30 miles
