# SYNTHETIC CHILD (issue 17 reproduction 1a): severe learning difficulty, Year 8, rural Market Drayton (TF9).
format: atl-profile/1
reference: REPRO-1A
synthetic: yes
primary-need: SLD severe
secondary-needs: SLCN moderate
must-have: small-classes
desirable: makaton, sensory-room
nc-year: 7
placement-year: 8
home-postcode: TF9 3AA
