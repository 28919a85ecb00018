/// The group of establishment types a list illustrates choice across (domain primer, "Settings").
///
/// Finer GIAS "type of establishment" names map onto these groups in ``SettingType/init(giasTypeName:resourced:)``.
/// `unknown` is a real value: the setting's type has not been published in the data the catalogue was built
/// from. It is never treated as if it were any particular type.
public enum SettingType: String, CaseIterable, Sendable, Comparable, Hashable, Codable {
    case mainstream
    case mainstreamResourced = "mainstream-resourced"
    case special
    case nonMaintainedSpecial = "non-maintained-special"
    case independentSpecial = "independent-special"
    case independent
    case alternativeProvision = "alternative-provision"
    case post16 = "post-16"
    case earlyYears = "early-years"
    case unknown

    /// Bit position for masks in the compiled index: the case's place in `allCases` (a switch, not a search of
    /// `allCases`; it sorts types and tests pairs in the hot loops; a test checks it against `allCases`).
    public var bit: Int {
        switch self {
        case .mainstream: 0
        case .mainstreamResourced: 1
        case .special: 2
        case .nonMaintainedSpecial: 3
        case .independentSpecial: 4
        case .independent: 5
        case .alternativeProvision: 6
        case .post16: 7
        case .earlyYears: 8
        case .unknown: 9
        }
    }

    public var title: String {
        switch self {
        case .mainstream: "Mainstream school"
        case .mainstreamResourced: "Mainstream school with resourced provision or SEN unit"
        case .special: "Special school"
        case .nonMaintainedSpecial: "Non-maintained special school"
        case .independentSpecial: "Independent special school"
        case .independent: "Independent school"
        case .alternativeProvision: "Alternative provision"
        case .post16: "Post-16 college or sixth form"
        case .earlyYears: "Early years setting"
        case .unknown: "Type not known"
        }
    }

    /// Short plural label used in list headings and charts.
    public var shortTitle: String {
        switch self {
        case .mainstream: "Mainstream"
        case .mainstreamResourced: "Mainstream + resourced provision"
        case .special: "Special"
        case .nonMaintainedSpecial: "Non-maintained special"
        case .independentSpecial: "Independent special"
        case .independent: "Independent"
        case .alternativeProvision: "Alternative provision"
        case .post16: "Post-16"
        case .earlyYears: "Early years"
        case .unknown: "Unknown type"
        }
    }

    /// Outside LA maintenance and usually far costlier; lists label these settings.
    public var isIndependentSector: Bool {
        self == .independentSpecial || self == .independent || self == .nonMaintainedSpecial
    }

    /// Specialist settings whose designated need codes say which children they are for.
    public var isSpecialist: Bool {
        switch self {
        case .special, .nonMaintainedSpecial, .independentSpecial, .alternativeProvision: true
        default: false
        }
    }

    /// A mainstream school (Children and Families Act 2014 s83(2)): maintained or academy, not special. Never an
    /// independent school, even a fee-paying mainstream one. See ``Setting/isMainstreamInLaw`` for post-16
    /// institutions and nursery schools.
    public var isMainstream: Bool { self == .mainstream || self == .mainstreamResourced }

    public static func < (a: SettingType, b: SettingType) -> Bool { a.bit < b.bit }

    /// Maps a GIAS `TypeOfEstablishment (name)` onto a group. `resourced` is true when
    /// `TypeOfResourcedProvision` names a resourced provision or SEN unit. Returns nil for names this
    /// engine does not place children in: establishments outside England ("Welsh establishment",
    /// "British schools overseas", "Offshore schools", and "Service children's education", the MOD schools
    /// overseas), "Higher education institutions", "Secure units" and "Academy secure 16 to 19" (custody, not
    /// a family's preference), "Online provider", "Institution funded by other government department",
    /// "Miscellaneous", children's centres, and any name not listed here.
    /// Matching ignores case, surrounding spaces, a typographic apostrophe and "16-19" vs "16 to 19".
    ///
    /// Older spellings (EduBase, before 2017) are read too: "Free Schools - Alternative Provision",
    /// "Free Schools - 16-19", "Non-Maintained Special School", "LA Nursery School" (``normalisedGIASName(_:)``).
    public init?(giasTypeName raw: String, resourced: Bool) {
        guard case .placed(let group) = SettingType.giasGroup(raw) else { return nil }
        switch group {
        case .mainstream: self = resourced ? .mainstreamResourced : .mainstream
        case .independent: self = resourced ? .independentSpecial : .independent
        default: self = group
        }
    }

    /// What a GIAS type of establishment name says about a setting's group.
    public enum GIASGroup: Sendable, Hashable {
        /// A setting the LA may place children in, in this group (mainstream, never mainstream-resourced: the
        /// resourced provision is a separate fact).
        case placed(SettingType)
        /// A type the engine does not place children in (universities, Welsh schools, secure units, …).
        case notPlaced
        /// A name not in the table: never guessed.
        case unknownName
    }

    /// The group of a GIAS type of establishment name, after ``normalisedGIASName(_:)``.
    public static func giasGroup(_ raw: String) -> GIASGroup {
        switch normalisedGIASName(raw) {
        case "community school", "voluntary aided school", "voluntary controlled school", "foundation school",
             "academy converter", "academy sponsor led", "free schools", "university technical college",
             "studio schools", "city technology college":
            return .placed(.mainstream)
        case "community special school", "foundation special school", "academy special converter",
             "academy special sponsor led", "free schools special":
            return .placed(.special)
        case "non maintained special school":
            return .placed(.nonMaintainedSpecial)
        case "other independent special school":
            return .placed(.independentSpecial)
        case "other independent school":
            return .placed(.independent)
        case "pupil referral unit", "academy alternative provision converter",
             "academy alternative provision sponsor led", "free schools alternative provision":
            return .placed(.alternativeProvision)
        case "further education", "sixth form centres", "academy 16 to 19 converter", "academy 16 to 19 sponsor led",
             "free schools 16 to 19", "special post 16 institution", "other independent special post 16 institution":
            return .placed(.post16)
        case "local authority nursery school", "la nursery school":
            return .placed(.earlyYears)
        case "welsh establishment", "british schools overseas", "offshore schools", "service childrens education",
             "higher education institutions", "secure units", "academy secure 16 to 19", "online provider",
             "institution funded by other government department", "miscellaneous", "childrens centre",
             "childrens centre linked site":
            return .notPlaced
        default:
            return .unknownName
        }
    }

    /// A GIAS type name folded for lookup: lower case, apostrophes dropped (typographic or not), "16-19" and
    /// "16 - 19" → "16 to 19", dashes → spaces, runs of spaces → one. So today's "Free schools alternative
    /// provision" and 2016's "Free Schools - Alternative Provision" are the same name.
    public static func normalisedGIASName(_ raw: String) -> String {
        if let fast = normalisedPlainASCIIName(raw) { return fast }
        return slowNormalisedGIASName(raw)
    }

    /// The common case of ``normalisedGIASName(_:)`` without Foundation's NSString bridge: a name of printable
    /// ASCII (0x20...0x7E) with no dash or apostrophe only needs lower-casing and runs of spaces folded, which
    /// is exactly what the general path does to it. Nil for any other name (it takes the general path).
    static func normalisedPlainASCIIName(_ raw: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(raw.utf8.count)
        var pendingSpace = false
        for b in raw.utf8 {
            guard b >= 0x20, b <= 0x7E, b != 0x2D, b != 0x27 else { return nil }
            if b == 0x20 { pendingSpace = !out.isEmpty; continue }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The general ``normalisedGIASName(_:)`` (any text).
    static func slowNormalisedGIASName(_ raw: String) -> String {
        var s = raw.trimmedSpaces.lowercased()
            .replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "'", with: "")
        s = s.replacingOccurrences(of: "16 - 19", with: "16 to 19").replacingOccurrences(of: "16-19", with: "16 to 19")
        s = s.replacingOccurrences(of: " - ", with: " ").replacingOccurrences(of: "-", with: " ")
        return s.split(separator: " ").joined(separator: " ")
    }

    /// True for a resourced provision, an SEN unit or both (not `none`, not unknown).
    public static func isKnownUnit(_ kind: SpecialistProvisionKind?) -> Bool {
        switch kind {
        case .resourcedProvision?, .senUnit?, .both?: true
        default: false
        }
    }

    /// The type the engine matches on, from the establishment group and the resourced provision, each a fact
    /// with its own source: a mainstream school with a known resourced provision or SEN unit is
    /// `mainstream-resourced`; every other group is itself.
    public static func effective(group: SettingType, provision: SpecialistProvisionKind?) -> SettingType {
        group == .mainstream && isKnownUnit(provision) ? .mainstreamResourced : group
    }
}

/// Whether a setting is open to new placements.
public enum SettingStatus: String, CaseIterable, Sendable, Codable {
    case open, closed, proposed
}
