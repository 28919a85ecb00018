# SYNTHETIC CHILD (issue 17 reproduction 1c): wheelchair user, Year 7, Ludlow (SY8).
format: atl-profile/1
reference: REPRO-1C
synthetic: yes
primary-need: PD severe
must-have: hoist, changing-places, step-free
desirable: physio-onsite, ot-onsite
nc-year: 6
placement-year: 7
home-postcode: SY8 1AA
