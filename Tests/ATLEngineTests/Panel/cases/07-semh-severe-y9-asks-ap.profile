# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# As PANEL-06, but the family and the LA ask to see alternative provision (allowed-types names it).
format: atl-profile/1
reference: PANEL-07
synthetic: yes
primary-need: SEMH severe
desirable: small-classes, counselling, quiet-space
nc-year: 8
placement-year: 9
home-postcode: TF4 2HR
allowed-types: mainstream, mainstream-resourced, special, independent-special, alternative-provision
