# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Autism (severe) with speech and language needs, transfer to Year 7, Telford; the family would like
# independent schools considered (prefers-independent).
format: atl-profile/1
reference: PANEL-37
synthetic: yes
primary-need: ASD severe
secondary-needs: SLCN moderate
desirable: sensory-room, quiet-space, small-classes
nc-year: 6
placement-year: 7
home-postcode: TF3 1LA
max-journey: 12 miles
prefers-independent: yes
