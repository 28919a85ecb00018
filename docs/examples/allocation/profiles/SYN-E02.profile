# SYNTHETIC CHILD for the allocation example: invented, no name or address, a reference only.
format: atl-profile/1
reference: SYN-E02
synthetic: yes
primary-need: SEMH moderate
secondary-needs: SLCN mild
nc-year: 6
placement-year: 7
home-postcode: TF1 1YZ
max-journey: 20 miles
