/// A need's name as readers who do not know the codes meet it on reports: a capitalised name with no bracket
/// inside, so it can be followed by its code once ("Autism (ASD)") without doubled brackets.
extension NeedCode {
    public var plainName: String {
        switch self {
        case .SLCN: "Speech, language and communication needs"
        case .ASD: "Autism"
        case .SPLD: "Specific learning difficulty"
        case .MLD: "Moderate learning difficulty"
        case .SLD: "Severe learning difficulty"
        case .PMLD: "Profound and multiple learning difficulty"
        case .SEMH: "Social, emotional and mental health needs"
        case .HI: "Hearing impairment"
        case .VI: "Visual impairment"
        case .MSI: "Multi-sensory impairment"
        case .PD: "Physical disability"
        case .OTH: "Other difficulty or disability"
        case .NSA: "SEN support, no specialist assessment of need"
        }
    }

    /// The name with the code after it, for tables, charts and sentences: "Autism (ASD)".
    public var plainLabel: String { "\(plainName) (\(rawValue))" }
}
