# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Autistic girl (mild), transfer to Year 7, rural west of Shrewsbury (SY5).
format: atl-profile/1
reference: PANEL-30
synthetic: yes
primary-need: ASD mild
desirable: quiet-space
nc-year: 6
placement-year: 7
home-postcode: SY5 8AA
sex: female
