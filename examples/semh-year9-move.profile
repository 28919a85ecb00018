# SYNTHETIC CHILD for demonstration: a Year 8 pupil with social, emotional and mental health needs (anxiety,
# dysregulation, two fixed-term suspensions) whose mainstream placement has broken down; the annual review
# asks for a mid-phase move at the start of Year 9 to a setting with small classes and on-site counselling.
# Mild speech, language and communication needs. No name or address: a reference only.
format: atl-profile/1
reference: EX-0003
synthetic: yes
primary-need: SEMH severe
secondary-needs: SLCN mild
desirable: small-classes, counselling, quiet-space, high-staffing
nc-year: 8
placement-year: 9
home-postcode: TF12 5AD
max-journey: 15 miles
