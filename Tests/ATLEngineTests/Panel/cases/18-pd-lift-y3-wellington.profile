# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Wheelchair user (physical disability, moderate), Year 3, Wellington, Telford (TF1); EHCP asks for access to all floors (lift).
format: atl-profile/1
reference: PANEL-18
synthetic: yes
primary-need: PD moderate
must-have: lift
desirable: step-free
nc-year: 2
placement-year: 3
home-postcode: TF1 1YZ
