# SYNTHETIC CHILD for demonstration: a profoundly deaf child who uses British Sign Language, in Year 2 of an
# infant school, needing a junior placement for Year 3. Section F specifies staff who sign and a qualified
# teacher of the deaf; radio aids help in class. No name or address: a reference only.
format: atl-profile/1
reference: EX-0004
synthetic: yes
primary-need: HI profound
must-have: signing
desirable: qtod, radio-aids, quiet-space
nc-year: 2
placement-year: 3
home-postcode: SY2 5AD
max-journey: 8 miles
