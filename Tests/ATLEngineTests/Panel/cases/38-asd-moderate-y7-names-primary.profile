# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Autism (moderate), transfer to Year 7, Wellington (TF1); the family names the primary school the child
# attends now, which has no Year 7.
format: atl-profile/1
reference: PANEL-38
synthetic: yes
primary-need: ASD moderate
desirable: quiet-space
nc-year: 6
placement-year: 7
home-postcode: TF1 1YZ
preferred-settings: 9000001
