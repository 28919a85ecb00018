# SYNTHETIC CHILD for demonstration: an autistic child with speech, language and communication needs,
# transferring from primary to secondary school (Year 7). No name or address: a reference only.
format: atl-profile/1
reference: EX-0001
synthetic: yes
primary-need: ASD severe
secondary-needs: SLCN moderate
must-have: salt-onsite
desirable: sensory-room, quiet-space, small-classes
nc-year: 6
placement-year: 7
home-postcode: TF3 1LA
max-journey: 12 miles
mainstream-first: no
