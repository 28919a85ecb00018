# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Autism (moderate) with anxiety, transfer to Year 7, Bridgnorth (WV16); the family names the SEMH special school.
format: atl-profile/1
reference: PANEL-34
synthetic: yes
primary-need: ASD moderate
secondary-needs: SEMH moderate
desirable: small-classes, quiet-space
nc-year: 6
placement-year: 7
home-postcode: WV16 4AA
preferred-settings: 9000007
