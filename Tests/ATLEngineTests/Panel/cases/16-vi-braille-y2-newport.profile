# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Blind braille user, Year 2, Newport (TF10); EHCP requires braille and a QTVI.
format: atl-profile/1
reference: PANEL-16
synthetic: yes
primary-need: VI severe
must-have: braille, qtvi
nc-year: 1
placement-year: 2
home-postcode: TF10 7AA
