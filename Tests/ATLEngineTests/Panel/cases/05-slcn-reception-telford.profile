# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Speech, language and communication needs with mild autistic traits, starting Reception, Telford (TF4).
format: atl-profile/1
reference: PANEL-05
synthetic: yes
primary-need: SLCN moderate
secondary-needs: ASD mild
desirable: salt-onsite, makaton
nc-year: -1
placement-year: 0
home-postcode: TF4 3BX
