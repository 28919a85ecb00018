import ATLModel
import ATLData

extension AdvisoryList {
    /// Said at the top of every list, in every format.
    /// Said once on every list of a child of compulsory school age or younger, beside each entry's walking-distance
    /// statement: the travel duty turns on more than distance.
    public static let transportNote = "Whether the LA provides transport depends on more than distance: the duty is to the nearest suitable school (or the one named in the EHC plan), and a child who cannot reasonably be expected to walk because of SEN or disability may be eligible at any distance. Ask the home LA's travel assistance team."

    public static let advisoryNotice = "This list is advisory. It is a starting point for a conversation between the family and a SEND officer, who reviews every list. It does not decide a placement: the family keeps the right to ask for any school or setting to be named in the EHCP, and the local authority must consider that request."
}

extension ListEntry {
    /// Why the setting is on the list, in words.
    public var inclusionReason: String {
        switch inclusion {
        case .score: "among the best matches"
        case .diversity(let t): "to illustrate choice: the best \(t.shortTitle.lowercased()) setting"
        case .shareRelaxed where setting.type == .unknown: "by score (its type is not known, so it could not be counted towards choice)"
        case .shareRelaxed: "by score (few other types were suitable)"
        case .addedByOfficer: "because the officer reviewing the list added it (the reason is in the notes)"
        case .mayAlsoMeet where setting.type == .unknown: "because its type is not known, so it may also meet the need (and it could not be counted towards choice)"
        case .mayAlsoMeet: "because it may also meet the need, and fewer than a handful of settings meet it"
        case .named: "because the family named it"
        case .longJourney: "as a long journey: among the nearest settings that meet the need, because too few within the maximum journey do"
        case .designationNotPublished: "because it is a specialist setting within the journey that does not publish the needs it is designated for, and too few settings are known to meet the need: ask whether it does"
        case .nearestMaintained: "as a long journey: the nearest maintained setting that meets the need, because none within the maximum journey is maintained and not judged Inadequate"
        }
    }
}

/// How a listed setting fits the child's primary need (policy R5), shown as the list's groups.
public enum EntryBand: String, Sendable, CaseIterable {
    /// Meets the need: the provision level the law and the severity point to first.
    case meetsNeed = "A"
    /// May also meet the need: more (or less) specialist than the severity usually calls for.
    case mayAlsoMeet = "B"
    /// Named by the family, but it cannot admit the child (closed, another year group, the other sex).
    case namedNotAdmitting = "named"

    public init(order: UInt8) {
        switch PairEvaluator.Order.band(order) {
        case 2: self = .meetsNeed
        case 1: self = .mayAlsoMeet
        default: self = .namedNotAdmitting
        }
    }

    public var title: String {
        switch self {
        case .meetsNeed: "Meets the need"
        case .mayAlsoMeet: "May also meet the need"
        case .namedNotAdmitting: "Named by the family, not able to admit"
        }
    }
}

/// A label shown beside a listed setting.
public enum EntryLabel: String, Sendable, CaseIterable {
    case outOfArea = "out-of-area"
    case independentSector = "independent-sector"
    /// An independent school that charges fees (not an independent special school).
    case feePaying = "fee-paying"
    case full
    /// Further than the family's maximum journey (listed by the long-journey fallback, or named).
    case longJourney = "long-journey"
    case namedByFamily = "named-by-family"
    case fictional
    case unknownType = "type-unknown"
    /// A real school whose SEN facts were invented (`atl synth-national`).
    case synthetic = "synthetic-data"
    /// Put on the list by the officer reviewing it (``OfficerReview``).
    case addedByOfficer = "added-by-officer"

    public var title: String {
        switch self {
        case .outOfArea: "Out of area"
        case .independentSector: "Independent or non-maintained"
        case .feePaying: "Fee-paying"
        case .full: "Full"
        case .longJourney: "Long journey"
        case .namedByFamily: "Named by the family"
        case .fictional: "Fictional example"
        case .unknownType: "Type not known"
        case .synthetic: "SYNTHETIC data (real school, invented SEN facts)"
        case .addedByOfficer: "Added by the officer"
        }
    }
}

/// One setting on an advisory list, with everything a family and an officer need to read about it.
public struct ListEntry: Sendable {
    public var rank: Int
    public var setting: Setting
    public var milli: Int32
    /// How it fits the primary need: the list's group (policy R5).
    public var band: EntryBand
    public var inclusion: Inclusion
    public var labels: [EntryLabel]
    public var distanceKm: Double?
    public var minutes: Int?
    public var distanceFromMatrix: Bool
    public var withinWalkingDistance: Bool
    public var vacancies: Int?
    public var explanation: Explanation
    /// Plain-English reasons it suits the child.
    public var reasons: [String]
    /// What the profile wanted that it does not offer.
    public var notOffered: [String]
    /// Questions to ask: one for each caution, then one for each fact the catalogue does not hold.
    public var toAsk: [String]
    /// What to weigh about it, each with its question (policy R16).
    public var cautions: [Caution]
    public var quotes: [EvidenceQuotes.Quote]
    public var unknown: [UnknownFact]
    /// Where the journey stands against the statutory walking distance, in words (every entry states it).
    public var walking: WalkingDistanceStatement? = nil
    /// Every SEN fact the entry relies on, with its source, date and check label (``DatedFacts``).
    public var facts: [DatedFact] = []
    /// The family told us a brother or sister attends (`siblings-at`).
    public var siblingAttends: Bool = false
    /// The family's fit preferences and whether this setting meets each on known facts.
    public var fit: [(preference: FitPreference, outcome: FitFacts.Outcome, reason: String)] = []

    public var points: String { Explanation.points(milli) }
}

/// A setting the family named in `preferred-settings` that is not on the list, and why. Every named setting in the
/// catalogue is listed (policy R1), so this is a URN the catalogue does not hold.
public struct NamedSettingNotListed: Sendable, Hashable {
    public var urn: Int
    /// Its name; nil when the URN is not in the catalogue.
    public var name: String?
    /// The first eligibility rule it breaks; nil when it is eligible or not in the catalogue.
    public var rule: EligibilityRule?
    /// The reason in plain English, e.g. "further than the maximum journey: about 18.2 miles by road".
    public var reason: String

    public init(urn: Int, name: String?, rule: EligibilityRule?, reason: String) {
        self.urn = urn
        self.name = name
        self.rule = rule
        self.reason = reason
    }
}

/// An advisory tailored list for one child: advisory, reviewed by an officer, never a decision.
public struct AdvisoryList: Sendable {
    public var reference: String
    public var synthetic: Bool
    public var fictionalCatalogue: Bool
    public var primaryNeed: NeedCode
    public var primarySeverity: Severity
    public var secondaryNeeds: [NeedsProfile.SecondaryNeed]
    public var mustHave: [Facility]
    public var desirable: [Facility]
    public var placementYear: Int
    /// Postcode district (outward code) of the home, never the full postcode.
    public var homeDistrict: String?
    public var homeLA: LocalAuthority?
    public var maxJourneyKm: Double
    public var walkingDistanceKm: Double
    public var entries: [ListEntry]
    public var settingsConsidered: Int
    public var eligible: Int
    public var excludedByRule: [(rule: EligibilityRule, count: Int)]
    public var typesIllustrated: [SettingType]
    public var leftOutByShare: Int
    /// Allowed types with no eligible setting at all (so the family knows why a type is absent).
    public var typesWithNoEligible: [SettingType]
    /// Notes about the whole list (e.g. unknown data in the catalogue).
    public var notes: [String]
    public var stamp: ProvenanceStamp
    /// Settings the family named that are not on the list, in the order named, each with the reason.
    public var namedSettingsNotListed: [NamedSettingNotListed] = []
    /// True when the catalogue is synthetic (real schools with invented SEN facts, `atl synth-national`):
    /// every rendering carries a SYNTHETIC banner at the top.
    public var syntheticCatalogue: Bool = false
    /// Settings a brother or sister attends (`siblings-at`), in the order given.
    public var siblingsAt: [Int] = []
    /// The family's fit preferences (`fit`), in the order given.
    public var fit: [FitPreference] = []
    /// `facts.check-after-months` of the weights used: a public fact older than this is labelled "check".
    public var factsCheckAfterMonths: Int = 24
}
