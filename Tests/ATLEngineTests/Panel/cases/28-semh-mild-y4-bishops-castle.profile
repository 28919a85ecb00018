# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Social, emotional and mental health needs (mild), Year 4, Bishop's Castle (SY9), rural south-west Shropshire.
format: atl-profile/1
reference: PANEL-28
synthetic: yes
primary-need: SEMH mild
desirable: nurture-group, counselling
nc-year: 3
placement-year: 4
home-postcode: SY9 5AA
