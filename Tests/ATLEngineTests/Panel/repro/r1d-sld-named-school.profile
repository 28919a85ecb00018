# SYNTHETIC CHILD (issue 17 reproduction 1d): as 1a, and the family names the maintained SLD/PMLD special school.
format: atl-profile/1
reference: REPRO-1D
synthetic: yes
primary-need: SLD severe
secondary-needs: SLCN moderate
desirable: makaton, small-classes, sensory-room
nc-year: 7
placement-year: 8
home-postcode: TF9 3AA
preferred-settings: 9000006
