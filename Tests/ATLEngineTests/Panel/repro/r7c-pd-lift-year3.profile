# SYNTHETIC CHILD (issue 17 reproduction 7c): wheelchair user (physical disability, moderate), Year 3, Wellington, Telford (TF1).
format: atl-profile/1
reference: REPRO-7C
synthetic: yes
primary-need: PD moderate
must-have: lift
desirable: step-free
nc-year: 2
placement-year: 3
home-postcode: TF1 1YZ
