# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Autism (severe) with speech and language needs, transfer to Year 7, Telford; EHCP requires on-site SaLT.
format: atl-profile/1
reference: PANEL-01
synthetic: yes
primary-need: ASD severe
secondary-needs: SLCN moderate
must-have: salt-onsite
desirable: sensory-room, quiet-space, small-classes
nc-year: 6
placement-year: 7
home-postcode: TF3 1LA
max-journey: 12 miles
