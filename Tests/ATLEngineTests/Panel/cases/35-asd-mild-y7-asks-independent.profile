# SYNTHETIC CHILD for the ATL evaluation panel (issue 17). No name or address: a reference only.
# Autism (mild), transfer to Year 7, Shrewsbury (SY3); the family asks to see independent schools too.
# When the engine supports it, the proposed field 'prefers-independent: yes' would state a preference;
# allowed-types below only asks to include them (today's field).
format: atl-profile/1
reference: PANEL-35
synthetic: yes
primary-need: ASD mild
desirable: quiet-space, small-classes
nc-year: 6
placement-year: 7
home-postcode: SY3 8AA
allowed-types: mainstream, mainstream-resourced, independent, independent-special
