# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Autism (moderate), Year 3, Cleobury Mortimer (DY14), at the south-east edge of the LA.
format: atl-profile/1
reference: PANEL-26
synthetic: yes
primary-need: ASD moderate
desirable: quiet-space, small-classes
nc-year: 2
placement-year: 3
home-postcode: DY14 8AA
