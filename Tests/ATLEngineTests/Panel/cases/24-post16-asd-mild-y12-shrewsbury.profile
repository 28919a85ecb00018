# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Autism (mild), no learning difficulty, moving to post-16 (Year 12), Shrewsbury (SY1).
format: atl-profile/1
reference: PANEL-24
synthetic: yes
primary-need: ASD mild
desirable: quiet-space
nc-year: 11
placement-year: 12
home-postcode: SY1 2AA
