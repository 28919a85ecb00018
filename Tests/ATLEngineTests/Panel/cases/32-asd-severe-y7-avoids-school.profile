# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# As PANEL-01 without the SaLT requirement and with the default journey; the family asks not to list the resourced provision at Brackenridge.
format: atl-profile/1
reference: PANEL-32
synthetic: yes
primary-need: ASD severe
secondary-needs: SLCN moderate
desirable: salt-onsite, sensory-room, quiet-space, small-classes
nc-year: 6
placement-year: 7
home-postcode: TF3 1LA
avoid-settings: 9000004
