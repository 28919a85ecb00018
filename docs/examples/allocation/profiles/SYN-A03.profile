# SYNTHETIC CHILD for the allocation example: invented, no name or address, a reference only.
format: atl-profile/1
reference: SYN-A03
synthetic: yes
primary-need: ASD moderate
secondary-needs: SEMH mild
nc-year: 6
placement-year: 7
home-postcode: TF2 7LA
max-journey: 20 miles
