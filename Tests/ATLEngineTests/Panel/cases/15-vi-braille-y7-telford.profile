# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Blind braille user, transfer to Year 7, Telford (TF3); EHCP requires braille and a QTVI.
format: atl-profile/1
reference: PANEL-15
synthetic: yes
primary-need: VI severe
must-have: braille, qtvi
desirable: step-free
nc-year: 6
placement-year: 7
home-postcode: TF3 1LA
