# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Multi-sensory impairment (deafblind), Year 4, Telford (TF3); EHCP requires a QTVI and a teacher of the deaf.
format: atl-profile/1
reference: PANEL-21
synthetic: yes
primary-need: MSI severe
must-have: qtvi
desirable: signing, sensory-room
nc-year: 3
placement-year: 4
home-postcode: TF3 1LA
