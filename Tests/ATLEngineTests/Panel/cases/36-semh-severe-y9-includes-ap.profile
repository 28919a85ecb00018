# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# As PANEL-06, but the profile asks for alternative provision with the field made for it (no allowed-types).
format: atl-profile/1
reference: PANEL-36
synthetic: yes
primary-need: SEMH severe
desirable: small-classes, counselling, quiet-space
nc-year: 8
placement-year: 9
home-postcode: TF4 2HR
include-alternative-provision: yes
