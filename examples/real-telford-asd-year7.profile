# SYNTHETIC CHILD, for use with the REAL catalogue (provision-catalogue/west-midlands): an autistic child with
# speech, language and communication needs in Year 6 in Telford, transferring to secondary school (Year 7).
# The child is invented; the settings on its list are real, and the list says only what the catalogue knows
# about them (today: location, phase and Ofsted; type, designated needs and facilities are not yet imported,
# so they are shown as unknown and become questions to ask). No name or address: a reference only.
format: atl-profile/1
reference: EX-0006
synthetic: yes
primary-need: ASD severe
secondary-needs: SLCN moderate
desirable: sensory-room, quiet-space, small-classes
nc-year: 6
placement-year: 7
home-postcode: TF3 1AB
max-journey: 10 miles
