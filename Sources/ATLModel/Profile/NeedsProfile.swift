import Foundation

/// How much a need affects the child's learning, as recorded in the EHCP. Severity decides how much credit a
/// mainstream setting's ordinarily available provision earns for that need.
public enum Severity: String, CaseIterable, Sendable, Comparable, Codable {
    case mild, moderate, severe, profound

    public static func < (a: Severity, b: Severity) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A child's needs profile: what an ATL is tailored to. It holds a reference id, never a name or address;
/// the home location is used only to measure journeys and is not printed (lists show the postcode district).
///
/// Files use the `.profile` format documented in `docs/profile-format.md`.
public struct NeedsProfile: Sendable, Hashable {
    public struct SecondaryNeed: Sendable, Hashable {
        public var code: NeedCode
        public var severity: Severity
        public init(_ code: NeedCode, _ severity: Severity) {
            self.code = code
            self.severity = severity
        }
    }

    /// Where the child lives, as given: a postcode (resolved with the lookup) or grid coordinates.
    public enum Home: Sendable, Hashable {
        case postcode(String)
        case grid(GridPoint)
    }

    public enum SingleSex: String, CaseIterable, Sendable { case prefer, avoid, noPreference = "no-preference" }
    public enum Sex: String, CaseIterable, Sendable { case female, male }

    /// The child's reference in the LA's case system (e.g. "EX-0007"); the only identifier outputs carry.
    public var reference: String
    /// True for invented children (examples, synthetic cohorts); outputs say so.
    public var synthetic: Bool
    public var primaryNeed: NeedCode
    public var primarySeverity: Severity
    public var secondaryNeeds: [SecondaryNeed]
    /// Provision the plan requires: a setting known to lack one is not eligible.
    public var mustHave: FacilitySet
    /// Provision that would be good to have: earns points, never excludes.
    public var desirable: FacilitySet
    public var dateOfBirth: DateComponents?
    /// National curriculum year the placement is for (Reception = 0, Year 7 = 7, Year 12 = first post-16 year).
    public var placementYear: Int
    public var sex: Sex?
    public var home: Home
    /// Longest acceptable journey in kilometres (road estimate); nil means the weights file's default.
    public var maxJourneyKm: Double?
    /// Setting types the family and officer will consider; nil means all.
    public var allowedTypes: Set<SettingType>?
    public var preferredSettings: [Int]
    public var avoidSettings: [Int]
    /// Religious character the family would like (matched against the setting's, ignoring case).
    public var faith: String?
    public var singleSex: SingleSex
    /// The family wants mainstream settings considered first (Children and Families Act 2014 s.33).
    public var mainstreamFirst: Bool
    /// Exclude settings with no vacancies rather than flagging them.
    public var excludeFull: Bool
    /// The profile asks for alternative provision to be listed (policy R8). Naming `alternative-provision` in
    /// ``allowedTypes`` asks too.
    public var includeAlternativeProvision = false
    /// The family would like independent schools considered: fee-paying independent schools are listed, and an
    /// independent setting is not ordered after maintained ones (policy R6, R12). Naming `independent` in
    /// ``allowedTypes`` lists fee-paying schools too.
    public var prefersIndependent = false
    /// URNs of settings a brother or sister will attend when the placement starts (`siblings-at`). Only where
    /// they are is recorded: no sibling's name, age or any other detail.
    public var siblingsAt: [Int] = []
    /// Social and emotional fit preferences the family stated (`fit`), in the order given.
    public var fit: [FitPreference] = []
    /// Line of each field in the file it was read from (for errors found after parsing, e.g. an unknown
    /// postcode). Empty for profiles built in code.
    public var lineOf: [String: Int] = [:]

    public init(reference: String, synthetic: Bool = false, primaryNeed: NeedCode, primarySeverity: Severity = .moderate,
                secondaryNeeds: [SecondaryNeed] = [], mustHave: FacilitySet = [], desirable: FacilitySet = [],
                dateOfBirth: DateComponents? = nil, placementYear: Int, sex: Sex? = nil, home: Home,
                maxJourneyKm: Double? = nil, allowedTypes: Set<SettingType>? = nil, preferredSettings: [Int] = [],
                avoidSettings: [Int] = [], faith: String? = nil, singleSex: SingleSex = .noPreference,
                mainstreamFirst: Bool = false, excludeFull: Bool = false) {
        self.reference = reference
        self.synthetic = synthetic
        self.primaryNeed = primaryNeed
        self.primarySeverity = primarySeverity
        self.secondaryNeeds = secondaryNeeds
        self.mustHave = mustHave
        self.desirable = desirable
        self.dateOfBirth = dateOfBirth
        self.placementYear = placementYear
        self.sex = sex
        self.home = home
        self.maxJourneyKm = maxJourneyKm
        self.allowedTypes = allowedTypes
        self.preferredSettings = preferredSettings
        self.avoidSettings = avoidSettings
        self.faith = faith
        self.singleSex = singleSex
        self.mainstreamFirst = mainstreamFirst
        self.excludeFull = excludeFull
    }

    /// All need codes in the profile (primary first).
    public var allNeeds: NeedSet {
        var s = NeedSet(primaryNeed)
        for n in secondaryNeeds { s.insert(NeedSet(n.code)) }
        return s
    }

    /// True when the profile asks for alternative provision (policy R8).
    public var asksForAlternativeProvision: Bool {
        includeAlternativeProvision || allowedTypes?.contains(.alternativeProvision) == true
    }

    /// True when fee-paying independent schools are to be listed (policy R12).
    public var asksForFeePayingSchools: Bool { prefersIndependent || allowedTypes?.contains(.independent) == true }

    /// The child's age on 31 August before the placement starts, as the statutory walking distance test
    /// uses it: a child in Year N is N + 4 then (Reception = 4). Children taught out of their year group are
    /// the exception an officer adjusts for.
    public var ageAtPlacementStart: Int { placementYear + 4 }
}
