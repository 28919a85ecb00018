# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# As PANEL-09, and the family names the Outstanding SLD/PMLD special school in Telford (full, 18 miles).
format: atl-profile/1
reference: PANEL-10
synthetic: yes
primary-need: SLD severe
secondary-needs: SLCN moderate
desirable: makaton, small-classes, sensory-room
nc-year: 7
placement-year: 8
home-postcode: TF9 3AA
preferred-settings: 9000006
