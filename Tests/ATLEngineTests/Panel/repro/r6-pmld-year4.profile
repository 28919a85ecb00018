# SYNTHETIC CHILD (issue 17 reproduction 6): profound and multiple learning difficulties with medical needs, Year 4, Telford (TF2).
format: atl-profile/1
reference: REPRO-6
synthetic: yes
primary-need: PMLD profound
secondary-needs: PD severe
desirable: hoist, nurse-onsite, changing-places, sensory-room
nc-year: 3
placement-year: 4
home-postcode: TF2 7LA
mainstream-first: no
