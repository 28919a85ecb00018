# SYNTHETIC CHILD for demonstration: a young person with profound and multiple learning difficulties (PMLD)
# and a severe physical disability, moving from primary to secondary (Year 7). Uses a wheelchair and is moved
# with a hoist; section F of the plan specifies daily physiotherapy and a nurse for gastrostomy feeding.
# No name or address: a reference only. The home is a postcode used only to measure journeys.
format: atl-profile/1
reference: EX-0002
synthetic: yes
primary-need: PMLD profound
secondary-needs: PD severe, VI mild
must-have: hoist, physio-onsite
desirable: nurse-onsite, changing-places, hydrotherapy, sensory-room
nc-year: 6
placement-year: 7
home-postcode: TF2 0AB
max-journey: 15 miles
