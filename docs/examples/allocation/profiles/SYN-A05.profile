# SYNTHETIC CHILD for the allocation example: invented, no name or address, a reference only.
format: atl-profile/1
reference: SYN-A05
synthetic: yes
primary-need: ASD mild
secondary-needs: SLCN mild
nc-year: 6
placement-year: 7
home-postcode: TF1 1YZ
max-journey: 12 miles
mainstream-first: yes
