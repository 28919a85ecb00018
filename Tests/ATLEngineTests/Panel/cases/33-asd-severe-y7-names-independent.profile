# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Autism (severe), transfer to Year 7, Newport (TF10); the family names an independent special school (full).
format: atl-profile/1
reference: PANEL-33
synthetic: yes
primary-need: ASD severe
desirable: salt-onsite, sensory-room, quiet-space
nc-year: 6
placement-year: 7
home-postcode: TF10 7AA
preferred-settings: 9000271
