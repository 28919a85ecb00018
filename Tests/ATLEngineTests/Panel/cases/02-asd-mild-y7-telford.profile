# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Autism (mild), no learning difficulty, transfer to Year 7, Telford (TF7).
format: atl-profile/1
reference: PANEL-02
synthetic: yes
primary-need: ASD mild
desirable: quiet-space
nc-year: 6
placement-year: 7
home-postcode: TF7 5AA
