# SYNTHETIC CHILD, for the REAL catalogue (provision-catalogue/west-midlands): an autistic child with speech,
# language and communication needs, now in Year 6 in Telford, transferring to secondary school (Year 7).
# Invented child; real settings. No name or address: a case reference and a postcode only.
# Worked example 1 of issue 13 (docs/examples/real-data/worked-examples.md); fit is a parent criterion of issue 13.
format: atl-profile/1
reference: EX-1301
synthetic: yes
primary-need: ASD severe
secondary-needs: SLCN moderate
desirable: quiet-space, small-classes, sensory-room
nc-year: 6
placement-year: 7
home-postcode: TF3 1AB
max-journey: 10 miles
fit: small-setting, peers-similar-needs
