# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Speech, language and communication needs (moderate), Year 1, Oswestry (SY11).
format: atl-profile/1
reference: PANEL-04
synthetic: yes
primary-need: SLCN moderate
desirable: salt-onsite, small-classes
nc-year: 0
placement-year: 1
home-postcode: SY11 1AA
