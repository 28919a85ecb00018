# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Moderate learning difficulty with mild autism, moving to post-16 (Year 12), Telford (TF4).
format: atl-profile/1
reference: PANEL-22
synthetic: yes
primary-need: MLD moderate
secondary-needs: ASD mild
desirable: small-classes, quiet-space
nc-year: 11
placement-year: 12
home-postcode: TF4 2AD
max-journey: 20 miles
