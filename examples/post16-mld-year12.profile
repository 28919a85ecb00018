# SYNTHETIC YOUNG PERSON for demonstration: a Year 11 student with moderate learning difficulties and mild
# autism, preparing for adulthood, looking for a post-16 place for Year 12 (study programme with supported
# employability). The EHCP must name the post-16 institution by 31 March. No name or address: a reference only.
format: atl-profile/1
reference: EX-0005
synthetic: yes
primary-need: MLD moderate
secondary-needs: ASD mild
desirable: small-classes, quiet-space
nc-year: 11
placement-year: 12
home-postcode: TF4 2AD
max-journey: 20 miles
