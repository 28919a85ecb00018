# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Hearing impairment (severe), oral communication, Year 3, Shrewsbury (SY3); the plan requires a qualified
# teacher of the deaf, which the LA's sensory service can provide in a mainstream school.
format: atl-profile/1
reference: PANEL-40
synthetic: yes
primary-need: HI severe
must-have: qtod
desirable: radio-aids
nc-year: 2
placement-year: 3
home-postcode: SY3 8AA
