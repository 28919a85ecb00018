# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Social, emotional and mental health needs (severe), out of school, Year 9, Telford (TF4); no request for alternative provision.
format: atl-profile/1
reference: PANEL-06
synthetic: yes
primary-need: SEMH severe
desirable: small-classes, counselling, quiet-space
nc-year: 8
placement-year: 9
home-postcode: TF4 2HR
