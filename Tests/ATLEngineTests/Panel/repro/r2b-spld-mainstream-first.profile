# SYNTHETIC CHILD (issue 17 reproduction 2b): dyslexia, Year 7, family wants mainstream first.
format: atl-profile/1
reference: REPRO-2B
synthetic: yes
primary-need: SPLD moderate
nc-year: 6
placement-year: 7
home-postcode: TF4 2AA
mainstream-first: yes
