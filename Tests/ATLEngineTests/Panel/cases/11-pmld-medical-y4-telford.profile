# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Profound and multiple learning difficulties with medical needs (nursing), Year 4, Telford (TF2).
format: atl-profile/1
reference: PANEL-11
synthetic: yes
primary-need: PMLD profound
secondary-needs: PD severe
desirable: hoist, nurse-onsite, changing-places, sensory-room
nc-year: 3
placement-year: 4
home-postcode: TF2 7LA
