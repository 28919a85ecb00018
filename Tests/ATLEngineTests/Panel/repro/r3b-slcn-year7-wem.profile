# SYNTHETIC CHILD (issue 17 reproduction 3b): speech, language and communication needs, Year 7, rural north Shropshire (SY4).
format: atl-profile/1
reference: REPRO-3B
synthetic: yes
primary-need: SLCN moderate
desirable: salt-onsite, small-classes
nc-year: 6
placement-year: 7
home-postcode: SY4 3HE
