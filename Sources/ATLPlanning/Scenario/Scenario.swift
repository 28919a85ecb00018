import ATLModel
import ATLData
import ATLEngine
import Foundation

/// One "what if" change a commissioner asks about, applied on top of the catalogue and the cohort.
///
/// Changes to real settings (closing, places, vacancies, needs) are listed in every report; an opened
/// setting is always a new, clearly marked hypothetical setting, never an edit to a real one.
public enum ScenarioChange: Sendable, Hashable {
    /// Open a hypothetical setting or resourced provision.
    case open(HypotheticalSetting)
    /// Close a setting: it takes no new placements.
    case close(urn: Int)
    /// Set the specialist places of a setting (on roll unchanged, so vacancies move with places).
    case places(urn: Int, places: Int)
    /// Set the vacancies of a setting's specialist provision as stated by the LA.
    case vacancies(urn: Int, vacancies: Int)
    /// Change the need codes a setting's specialist provision is designated for.
    case needs(urn: Int, needs: NeedSet)
    /// Grow (or shrink, when negative) the number of children with this primary need, optionally only those
    /// living in one LA, by a percentage.
    case demand(need: NeedCode, percent: Double, la: Int?)
    /// Change one scoring weight (a key of the weights file).
    case weight(key: String, value: Double)
    /// Set every child's longest acceptable journey, in kilometres.
    case maxJourney(km: Double)

    /// The operation's name as written in the scenario file.
    public var operation: String {
        switch self {
        case .open: "open"
        case .close: "close"
        case .places: "places"
        case .vacancies: "vacancies"
        case .needs: "needs"
        case .demand: "demand"
        case .weight: "weight"
        case .maxJourney: "max-journey"
        }
    }
}

/// A setting a scenario opens. It exists only in the scenario: reports mark it *hypothetical*. Its location,
/// phase, age range and LA come either from a host setting (a resourced provision opened in an existing
/// school) or from the scenario file itself.
public struct HypotheticalSetting: Sendable, Hashable {
    public var name: String
    public var type: SettingType
    public var needs: NeedSet
    public var places: Int
    /// URN of the real setting that hosts the provision, when it is opened in an existing school.
    public var host: Int?
    public var location: GridPoint?
    public var ageRange: AgeRange?
    public var phase: Phase?
    public var localAuthority: Int?
    public var facilities: FacilitySet?

    public init(name: String, type: SettingType, needs: NeedSet, places: Int, host: Int? = nil,
                location: GridPoint? = nil, ageRange: AgeRange? = nil, phase: Phase? = nil,
                localAuthority: Int? = nil, facilities: FacilitySet? = nil) {
        self.name = name
        self.type = type
        self.needs = needs
        self.places = places
        self.host = host
        self.location = location
        self.ageRange = ageRange
        self.phase = phase
        self.localAuthority = localAuthority
        self.facilities = facilities
    }
}

/// A named scenario: the changes of one `.scenario` file (format `atl-scenario/1`, docs/scenario-format.md).
public struct Scenario: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var change: ScenarioChange
        /// Line of the `change:` field in the file (0 for scenarios built in code).
        public var line: Int
        public init(_ change: ScenarioChange, line: Int = 0) {
            self.change = change
            self.line = line
        }
    }

    public static let formatTag = "atl-scenario/1"

    public var name: String
    public var description: String?
    public var changes: [Entry]
    /// The file it was read from (for messages).
    public var file: String
    /// SHA-256 of the file's bytes, for audit stamps.
    public var hash: String

    public init(name: String, description: String? = nil, changes: [Entry], file: String = "", hash: String = "") {
        self.name = name
        self.description = description
        self.changes = changes
        self.file = file
        self.hash = hash.isEmpty ? SHA256.hex("\(name)\n\(changes)") : hash
    }

    /// The scenario with no changes: the baseline.
    public static func baseline(hash: String = "") -> Scenario {
        Scenario(name: "Baseline", description: "The catalogue and cohort as they are.", changes: [],
                 file: "", hash: hash.isEmpty ? SHA256.hex("baseline") : hash)
    }
}
