# SYNTHETIC CHILD (issue 17 reproduction 2a): mild autism, Year 7, Telford (TF7).
format: atl-profile/1
reference: REPRO-2A
synthetic: yes
primary-need: ASD mild
desirable: quiet-space
nc-year: 6
placement-year: 7
home-postcode: TF7 5AA
