# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Moderate learning difficulty, Year 5 (mid-phase move), Wellington, Telford (TF1).
format: atl-profile/1
reference: PANEL-08
synthetic: yes
primary-need: MLD moderate
desirable: small-classes
nc-year: 4
placement-year: 5
home-postcode: TF1 5AA
