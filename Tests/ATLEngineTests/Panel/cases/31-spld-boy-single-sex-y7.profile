# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Dyslexia (mild), boy, transfer to Year 7, rural west of Shrewsbury (SY5); the family would prefer a single-sex school.
format: atl-profile/1
reference: PANEL-31
synthetic: yes
primary-need: SPLD mild
nc-year: 6
placement-year: 7
home-postcode: SY5 8AA
sex: male
single-sex: prefer
