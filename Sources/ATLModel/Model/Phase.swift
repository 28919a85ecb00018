/// GIAS phase of education. Where a setting's statutory age range is not published, the phase gives an
/// approximate range for the phase-fit rule, and the explanation says the range is approximate.
public enum Phase: String, CaseIterable, Sendable, Codable, Comparable {
    case nursery
    case primary
    case middleDeemedPrimary = "middle-deemed-primary"
    case middleDeemedSecondary = "middle-deemed-secondary"
    case secondary
    case allThrough = "all-through"
    case sixteenPlus = "16-plus"
    case notApplicable = "not-applicable"

    public var title: String {
        switch self {
        case .nursery: "Nursery"
        case .primary: "Primary"
        case .middleDeemedPrimary: "Middle deemed primary"
        case .middleDeemedSecondary: "Middle deemed secondary"
        case .secondary: "Secondary"
        case .allThrough: "All-through"
        case .sixteenPlus: "16 plus"
        case .notApplicable: "Not applicable"
        }
    }

    /// Typical national curriculum years a phase covers (Reception = 0, nursery = -1). nil when the phase
    /// says nothing (special schools, PRUs and most independents are "Not applicable" in GIAS).
    public var typicalYears: ClosedRange<Int>? {
        switch self {
        case .nursery: -1 ... -1
        case .primary: 0 ... 6
        case .middleDeemedPrimary: 3 ... 6
        case .middleDeemedSecondary: 4 ... 8
        case .secondary: 7 ... 13
        case .allThrough: 0 ... 13
        case .sixteenPlus: 12 ... 14
        case .notApplicable: nil
        }
    }

    public static func < (a: Phase, b: Phase) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Parses the GIAS name ("Middle deemed secondary") or the catalogue key ("middle-deemed-secondary").
    public init?(parsing raw: String) {
        let key = String(raw.trimmedSpaces.lowercased().map { $0 == " " ? "-" : $0 })
        switch key {
        case "16-plus", "16plus", "sixteen-plus": self = .sixteenPlus
        default:
            guard let p = Phase(rawValue: key) else { return nil }
            self = p
        }
    }
}

/// Who a setting admits.
public enum Gender: String, CaseIterable, Sendable, Codable {
    case mixed, boys, girls

    public init?(parsing raw: String) {
        switch raw.trimmedSpaces.lowercased() {
        case "mixed": self = .mixed
        case "boys": self = .boys
        case "girls": self = .girls
        default: return nil
        }
    }
}

/// Latest Ofsted overall effectiveness judgement as published (absent when never inspected or not given).
public enum OfstedJudgement: String, CaseIterable, Sendable, Codable {
    case outstanding = "Outstanding"
    case good = "Good"
    case requiresImprovement = "Requires improvement"
    case inadequate = "Inadequate"

    public init?(parsing raw: String) {
        let key = raw.trimmedSpaces.lowercased()
        guard let j = OfstedJudgement.allCases.first(where: { $0.rawValue.lowercased() == key }) else { return nil }
        self = j
    }
}

/// Indicative cost band an LA may record (A lowest … E highest). Never inferred.
public enum CostBand: String, CaseIterable, Sendable, Codable {
    case A, B, C, D, E
}

/// The kind of specialist provision attached to a mainstream school (GIAS `TypeOfResourcedProvision`).
public enum SpecialistProvisionKind: String, CaseIterable, Sendable, Codable {
    case resourcedProvision = "resourced-provision"
    case senUnit = "sen-unit"
    case both = "resourced-provision-and-sen-unit"
    case none

    public var title: String {
        switch self {
        case .resourcedProvision: "resourced provision"
        case .senUnit: "SEN unit"
        case .both: "resourced provision and SEN unit"
        case .none: "no resourced provision"
        }
    }
}
