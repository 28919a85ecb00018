# SYNTHETIC CHILD, for the REAL catalogue: a child with social, emotional and mental health needs and mild
# speech and language needs, now in Year 2 in Walsall, for a placement from Year 3 (junior phase).
# Invented child; real settings. Home given as a postcode district only (approximate location).
# Worked example 2 of issue 13. siblings-at and fit are the parent criteria of issue 13.
format: atl-profile/1
reference: EX-1302
synthetic: yes
primary-need: SEMH moderate
secondary-needs: SLCN mild
desirable: nurture-group, small-classes, quiet-space
nc-year: 2
placement-year: 3
home-postcode: WS3
max-journey: 6 miles
mainstream-first: yes
siblings-at: 104214
fit: small-setting, time-with-mainstream-peers
