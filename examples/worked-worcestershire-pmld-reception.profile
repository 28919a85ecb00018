# SYNTHETIC CHILD, for the REAL catalogue: a child with profound and multiple learning difficulties, a physical
# disability and a vision impairment, now in nursery in Worcestershire, starting school in Reception.
# Invented child; real settings. Home given as a postcode district only (approximate location).
# Worked example 3 of issue 13. siblings-at and fit are the parent criteria of issue 13.
format: atl-profile/1
reference: EX-1303
synthetic: yes
primary-need: PMLD profound
secondary-needs: PD severe, VI moderate
must-have: hoist
desirable: physio-onsite, hydrotherapy, sensory-room, changing-places
date-of-birth: 2023-01-15
placement-year: 0
home-postcode: WR9
max-journey: 15 miles
allowed-types: special, non-maintained-special, independent-special, mainstream-resourced, early-years
fit: peers-similar-needs
