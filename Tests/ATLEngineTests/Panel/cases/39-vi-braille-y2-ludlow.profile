# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Vision impairment (severe), braille user, Year 2, Ludlow (SY8), far from every VI setting.
format: atl-profile/1
reference: PANEL-39
synthetic: yes
primary-need: VI severe
must-have: braille
desirable: qtvi
nc-year: 1
placement-year: 2
home-postcode: SY8 1XZ
