# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Dyslexia (mild), in-year move to Year 10, Ludlow (SY8).
format: atl-profile/1
reference: PANEL-20
synthetic: yes
primary-need: SPLD mild
desirable: small-classes
nc-year: 9
placement-year: 10
home-postcode: SY8 1AA
