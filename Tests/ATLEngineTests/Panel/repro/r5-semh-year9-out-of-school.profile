# SYNTHETIC CHILD (issue 17 reproduction 5): social, emotional and mental health needs, Year 9, out of school, Telford (TF4).
format: atl-profile/1
reference: REPRO-5
synthetic: yes
primary-need: SEMH severe
desirable: small-classes, counselling, quiet-space
nc-year: 8
placement-year: 9
home-postcode: TF4 2HR
