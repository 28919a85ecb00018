import ATLModel
import ATLData

/// Coverage of the dated header facts (`atl-setting/2`): for each fact, how many settings hold it, from which
/// source and how old it is on the run date, by LA and by setting type; the settings whose type is still not
/// known although their phase says they may be special schools or PRUs; and what only the LA can supply.
///
/// Pure: no I/O, no clock (the run date is an input). Part of `atl audit` (docs/audit.md, "Facts and their
/// sources") and of the before/after figures `atl import-sen-facts` prints.
public struct FactAudit: Sendable {
    /// The facts reported, in order.
    public static let facts: [SettingFile.Field] = [
        .type, .giasType, .phase, .ageRange, .needs, .needsAsPublished, .specialistProvision, .specialistPlaces,
        .largestClass, .pupilsWithEHCP, .pupilsOnSENSupport, .s41Approved, .dfeNumber, .senReportLink, .ofsted,
    ]

    /// How old a fact is on the run date.
    public enum Age: String, CaseIterable, Sendable, Hashable, Comparable {
        case officer = "officer"
        case upTo1 = "up to 1 year"
        case upTo2 = "1–2 years"
        case upTo5 = "2–5 years"
        case over5 = "over 5 years"
        case undated
        /// An `atl-setting/1` fact: no source or date recorded.
        case noProvenance = "no date recorded"

        public static func < (a: Age, b: Age) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }

        /// The band of a fact with this provenance and class on `runDate`.
        public static func of(_ p: FactProvenance?, class c: SourceClass?, runDate: String) -> Age {
            guard let p else { return .noProvenance }
            if c == .officer { return .officer }
            guard let months = p.asOf.monthsOld(on: runDate) else { return .undated }
            switch months {
            case ..<12: return .upTo1
            case ..<24: return .upTo2
            case ..<60: return .upTo5
            default: return .over5
            }
        }
    }

    /// Counts for one group of settings (one LA, one type, or all).
    public struct Group: Sendable, Hashable {
        public var settings = 0
        /// Settings holding each fact (a `needs` line, complete or partial, counts for `needs`).
        public var held: [SettingFile.Field: Int] = [:]
        /// Per fact: settings by the source key of the fact (`schools`, `census-2019`, `officer`, …).
        public var sources: [SettingFile.Field: [String: Int]] = [:]
        /// Per fact: settings by the age of the fact on the run date.
        public var ages: [SettingFile.Field: [Age: Int]] = [:]
        /// Facts a public source gave that are older than the threshold or undated: the officer checks them.
        public var toCheck = 0
        /// Settings whose type group is known.
        public var typeKnown: Int { held[.type] ?? 0 }
        public func count(_ f: SettingFile.Field) -> Int { held[f] ?? 0 }
    }

    /// A setting whose type is not known but whose phase ("not applicable") is the one special schools, PRUs
    /// and independent schools have: first on the officer's list.
    public struct Untyped: Sendable, Hashable {
        public var urn: Int
        public var name: String
        public var la: String
        /// Recent experience, when known (a signal for the officer, never a type).
        public var pupilsWithEHCP: PupilCount?
        public var ehcpSource: String?
    }

    /// What only the LA can supply, per LA: settings with a specialist offer (or type not known) with no
    /// specialist places held, settings with no vacancy figure, settings with no report text.
    public struct LAOnly: Sendable, Hashable {
        public var la: String
        public var settings = 0
        public var specialistWithoutPlaces = 0
        public var withoutVacancies = 0
        public var withoutReport = 0
    }

    public let runDate: String
    public let checkAfterMonths: Int
    public let overall: Group
    public let byLA: [(la: String, group: Group)]
    public let byType: [(type: SettingType, group: Group)]
    /// Settings with type not known and phase not applicable (the GIAS phase of special schools and PRUs).
    public let untypedNotApplicable: [Untyped]
    /// Settings whose GIAS type is one the LA does not place children in (universities, Welsh schools, …).
    public let outsidePlacement: [Untyped]
    public let laOnly: [LAOnly]

    public init(settings input: [Setting], runDate: String, checkAfterMonths: Int = 24) {
        self.runDate = runDate
        self.checkAfterMonths = checkAfterMonths
        let settings = input.sorted { $0.urn < $1.urn }
        var overall = Group()
        var las: [String: Group] = [:]
        var laCodes: [String: Int] = [:]
        var types: [SettingType: Group] = [:]
        var untyped: [Untyped] = []
        var outside: [Untyped] = []
        var laOnly: [String: LAOnly] = [:]
        for s in settings {
            let la = s.localAuthority.map { SENFactsReader.shortLAName($0.name) } ?? "(no LA)"
            laCodes[la] = s.localAuthority?.code ?? 9999
            let decls = s.sourceDeclarations
            var g = Group()
            g.settings = 1
            for f in FactAudit.facts {
                guard FactAudit.holds(s, f) else { continue }
                g.held[f] = 1
                let p = s.provenance[f.rawValue]
                let cls: SourceClass? = p.map { $0.isVouchedByOfficer ? .officer : decls[$0.source]?.sourceClass ?? .public }
                let key = p.map { $0.isVouchedByOfficer ? "officer" : $0.source } ?? "(no provenance)"
                g.sources[f, default: [:]][key, default: 0] += 1
                g.ages[f, default: [:]][Age.of(p, class: cls, runDate: runDate), default: 0] += 1
                if cls == .public, let p, (p.asOf.monthsOld(on: runDate).map { $0 >= checkAfterMonths } ?? true) { g.toCheck += 1 }
            }
            overall.add(g)
            las[la, default: Group()].add(g)
            types[s.type, default: Group()].add(g)
            let signal = Untyped(urn: s.urn, name: s.name, la: la, pupilsWithEHCP: s.pupilsWithEHCP,
                                 ehcpSource: s.provenance[SettingFile.Field.pupilsWithEHCP.rawValue].map { "\($0.source) \($0.asOf)" })
            if s.isOutsidePlacement {
                outside.append(signal)
            } else if s.type == .unknown && (s.phase == .notApplicable || s.phase == nil) {
                untyped.append(signal)
            }
            var lo = laOnly[la] ?? LAOnly(la: la)
            lo.settings += 1
            let specialist = s.hasSpecialistOffer || s.type == .unknown
            if specialist && s.specialistPlaces == nil { lo.specialistWithoutPlaces += 1 }
            if s.specialistVacancies == nil && s.generalVacancies == nil { lo.withoutVacancies += 1 }
            if s.report.values.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { lo.withoutReport += 1 }
            laOnly[la] = lo
        }
        self.overall = overall
        let laOrder = las.keys.sorted { (laCodes[$0] ?? 0, $0) < (laCodes[$1] ?? 0, $1) }
        byLA = laOrder.map { ($0, las[$0]!) }
        byType = SettingType.allCases.compactMap { t in types[t].map { (t, $0) } }
        untypedNotApplicable = untyped.sorted { ($0.la, -Self.share($0.pupilsWithEHCP), $0.urn) < ($1.la, -Self.share($1.pupilsWithEHCP), $1.urn) }
        outsidePlacement = outside
        self.laOnly = laOrder.map { laOnly[$0]! }
    }

    static func share(_ c: PupilCount?) -> Double {
        guard let c, c.total > 0 else { return -1 }
        return Double(c.count) / Double(c.total)
    }

    /// Whether a setting holds a fact (a type of `unknown` is not held; partial needs are held).
    public static func holds(_ s: Setting, _ f: SettingFile.Field) -> Bool {
        switch f {
        case .type: return s.type != .unknown
        case .needs: return s.needs != nil || s.partialNeeds != nil
        default: return !SettingFile.spec(f).write(s).isEmpty
        }
    }
}

extension FactAudit.Group {
    mutating func add(_ g: FactAudit.Group) {
        settings += g.settings
        toCheck += g.toCheck
        for (f, n) in g.held { held[f, default: 0] += n }
        for (f, m) in g.sources { for (k, n) in m { sources[f, default: [:]][k, default: 0] += n } }
        for (f, m) in g.ages { for (k, n) in m { ages[f, default: [:]][k, default: 0] += n } }
    }
}
