# SYNTHETIC CHILD (issue 17 reproduction 4): speech, language and communication needs, starting Reception, Telford (TF4).
format: atl-profile/1
reference: REPRO-4
synthetic: yes
primary-need: SLCN moderate
secondary-needs: ASD mild
desirable: salt-onsite, makaton
nc-year: -1
placement-year: R
home-postcode: TF4 3BX
