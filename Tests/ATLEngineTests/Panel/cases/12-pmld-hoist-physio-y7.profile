# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# PMLD with physical disability and mild vision impairment, Year 7; EHCP requires hoist and on-site physiotherapy; Telford (TF2).
format: atl-profile/1
reference: PANEL-12
synthetic: yes
primary-need: PMLD profound
secondary-needs: PD severe, VI mild
must-have: hoist, physio-onsite
desirable: nurse-onsite, changing-places, hydrotherapy, sensory-room
nc-year: 6
placement-year: 7
home-postcode: TF2 0AB
max-journey: 15 miles
