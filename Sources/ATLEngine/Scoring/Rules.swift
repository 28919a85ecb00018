import ATLModel
import ATLData
/// The eligibility rules (hard filters). A setting that breaks any is not listed; every excluded setting
/// carries the rules it broke, so "why is X not on my list?" always has an answer (`atl why`).
///
/// Unknown facts never exclude: a setting whose age range, type, needs or facilities are not published stays
/// eligible and carries an ``UnknownFact`` flag instead, and its explanation says what to ask.
public enum EligibilityRule: Int, CaseIterable, Sendable, Comparable {
    /// Further than the maximum journey (checked first: it is what spatial pruning decides).
    case journey
    /// Closed or only proposed.
    case notOpen
    /// The setting does not admit the year group the placement is for.
    case phase
    /// A single-sex setting for the other sex.
    case gender
    /// The family will not consider single-sex settings.
    case singleSexAvoided
    /// The setting's type is not among the types the profile allows.
    case typeNotAllowed
    /// Alternative provision, and the profile does not ask for it (policy R8).
    case alternativeProvisionNotAsked
    /// A fee-paying independent school, and the family has not asked for one (policy R12).
    case feePayingNotAsked
    /// A specialist setting designated for needs that do not include the child's primary need.
    case needNotProvided
    /// Its provision is outside both bands for the primary need's severity (policy R5, R9): e.g. a plain
    /// mainstream school for a profound learning need. Never for a type the profile allows explicitly.
    case notFit
    /// A setting known to lack provision the plan requires.
    case mustHaveMissing
    /// The family asked not to list it.
    case avoided
    /// No vacancies, and the profile asked to leave full settings out.
    case full
    /// A kind of establishment the LA does not place children in (a university, a Welsh school, an FE unit …:
    /// ``Setting/isOutsidePlacement``, from its dated GIAS type; `docs/catalogue-format.md`). Last, so the bits of
    /// the rules before it never change.
    case notPlaced

    public var bit: UInt16 { 1 << UInt16(rawValue) }
    public static func < (a: EligibilityRule, b: EligibilityRule) -> Bool { a.rawValue < b.rawValue }

    /// Stable key for outputs.
    public var key: String {
        switch self {
        case .journey: "journey"
        case .notOpen: "not-open"
        case .phase: "phase"
        case .gender: "gender"
        case .singleSexAvoided: "single-sex-avoided"
        case .typeNotAllowed: "type-not-allowed"
        case .alternativeProvisionNotAsked: "alternative-provision-not-asked"
        case .feePayingNotAsked: "fee-paying-not-asked"
        case .needNotProvided: "need-not-provided"
        case .notFit: "not-fit"
        case .mustHaveMissing: "must-have-missing"
        case .avoided: "avoided"
        case .full: "full"
        case .notPlaced: "not-placed"
        }
    }

    public var title: String {
        switch self {
        case .journey: "further than the maximum journey"
        case .notOpen: "not open"
        case .phase: "does not admit the year group"
        case .gender: "single-sex setting for the other sex"
        case .singleSexAvoided: "single-sex setting, which the family does not want"
        case .typeNotAllowed: "setting type not being considered"
        case .alternativeProvisionNotAsked: "alternative provision, which the profile does not ask for (it is education for a time, not a permanent placement)"
        case .feePayingNotAsked: "fee-paying independent school, which the family has not asked for"
        case .needNotProvided: "specialist setting not designated for the primary need"
        case .notFit: "provision outside the level the need's severity calls for"
        case .mustHaveMissing: "lacks required provision"
        case .avoided: "the family asked not to list it"
        case .full: "no vacancies (full settings left out on request)"
        case .notPlaced: "a kind of establishment the LA does not place children in"
        }
    }

    public static func rules(in bits: UInt16) -> [EligibilityRule] { allCases.filter { bits & $0.bit != 0 } }
}

/// Facts a setting's entry in the catalogue does not publish that matter for this child: never scored as
/// a match, always reported with the question to ask the setting.
public enum UnknownFact: Int, CaseIterable, Sendable, Comparable {
    case location, ageRange, ageRangeApproximate, type, needs, facilities, vacancies, report, gender, ofsted

    public var bit: UInt16 { 1 << UInt16(rawValue) }
    public static func < (a: UnknownFact, b: UnknownFact) -> Bool { a.rawValue < b.rawValue }
    public static func facts(in bits: UInt16) -> [UnknownFact] { allCases.filter { bits & $0.bit != 0 } }

    public var key: String {
        switch self {
        case .location: "location"
        case .ageRange: "age-range"
        case .ageRangeApproximate: "age-range-approximate"
        case .type: "type"
        case .needs: "needs"
        case .facilities: "facilities"
        case .vacancies: "vacancies"
        case .report: "sen-information-report"
        case .gender: "gender"
        case .ofsted: "ofsted"
        }
    }
}
