# SYNTHETIC CHILD (issue 17 reproduction 1b): blind braille user, Year 7, Telford.
format: atl-profile/1
reference: REPRO-1B
synthetic: yes
primary-need: VI severe
must-have: braille, qtvi
desirable: step-free
nc-year: 6
placement-year: 7
home-postcode: TF3 1LA
