# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Wheelchair user (physical disability, severe), transfer to Year 7, Ludlow (SY8); EHCP requires hoist, changing places and step-free access.
format: atl-profile/1
reference: PANEL-17
synthetic: yes
primary-need: PD severe
must-have: hoist, changing-places, step-free
desirable: physio-onsite, ot-onsite
nc-year: 6
placement-year: 7
home-postcode: SY8 1AA
