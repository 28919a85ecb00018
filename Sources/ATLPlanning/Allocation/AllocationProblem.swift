import ATLModel
import ATLData
import ATLEngine
/// Which of a setting's places a child would take: its specialist places (resourced provision, SEN unit or
/// special school places) or its general places (the rest of the school).
public enum PlacePool: String, Sendable, Hashable, CaseIterable, Comparable {
    case specialist, general

    public var title: String { self == .specialist ? "specialist places" : "general places" }
    public static func < (a: PlacePool, b: PlacePool) -> Bool { a == .specialist && b == .general }
}

/// A cohort of children, each with the settings on their advisory list (in list order), and the places those
/// settings have for new entrants: the input to a capacity-aware allocation *simulation*.
///
/// The simulation asks whether the places in an area are sufficient for its children's lists. It never decides
/// a placement: the LA consults settings and families keep their right to name any school.
///
/// Places rule (docs/allocation.md): a child takes a setting's **specialist places** when the setting's specialist
/// offer is designated for the child's primary need, or the setting is a specialist setting (special school,
/// AP), and its specialist vacancies are known (stated by the LA, else specialist places − on roll); otherwise
/// its **general places** (capacity − on roll). A child designated for a mainstream school's base or unit asks for
/// its specialist places first and, when those are full, for the same school's general places (a mainstream place
/// with support is still a place): two applications in that order, the second marked `fallback`. This is the same figure the list shows as "vacancies". Where the
/// setting states specialist places by need, a child with that primary need can take at most that many (per-need
/// vacancies are not published, so the stated places are an upper bound; a scenario may set tighter figures).
/// A pool whose vacancies are unknown is **not capacity-limited**: every placement in it is reported as resting
/// on unknown capacity, never as a fact.
public struct AllocationProblem: Sendable {
    /// A setting and its places for new entrants.
    public struct Provider: Sendable, Hashable {
        public var urn: Int
        public var name: String
        public var fictional: Bool
        public var type: SettingType
        /// Vacancies in the specialist places; nil when unknown (not capacity-limited).
        public var specialistPlaces: Int?
        /// Vacancies in the general places; nil when unknown (not capacity-limited).
        public var generalPlaces: Int?
        /// Upper bound on specialist places taken by children with each primary need, where stated.
        public var specialistPlacesByNeed: [NeedCode: Int]

        public init(urn: Int, name: String, fictional: Bool = false, type: SettingType = .unknown,
                    specialistPlaces: Int? = nil, generalPlaces: Int? = nil, specialistPlacesByNeed: [NeedCode: Int] = [:]) {
            self.urn = urn
            self.name = name
            self.fictional = fictional
            self.type = type
            self.specialistPlaces = specialistPlaces
            self.generalPlaces = generalPlaces
            self.specialistPlacesByNeed = specialistPlacesByNeed
        }

        /// The places a catalogue setting has for new entrants (see the places rule above).
        public init(_ s: Setting) {
            self.init(urn: s.urn, name: s.name, fictional: s.fictional, type: s.type,
                      specialistPlaces: s.specialistVacancies, generalPlaces: s.generalVacancies,
                      specialistPlacesByNeed: s.placesByNeed ?? [:])
        }

        public func places(_ pool: PlacePool) -> Int? { pool == .specialist ? specialistPlaces : generalPlaces }

        /// The pool a child with `need` takes at `setting`: specialist when designated for the need (or a
        /// specialist setting) and its specialist vacancies are known, else general. Matches the list's vacancies.
        public static func pool(at setting: Setting, need: NeedCode) -> PlacePool {
            let designated = setting.needs?.contains(need) ?? false
            return (designated || setting.type.isSpecialist) && setting.specialistVacancies != nil ? .specialist : .general
        }
    }

    /// One setting on a child's list: an application to it, in list order.
    public struct Application: Sendable, Hashable {
        /// Index into ``AllocationProblem/providers``.
        public var provider: Int
        public var pool: PlacePool
        /// Rank on the child's list (1 = first).
        public var listRank: Int
        /// Suitability score in thousandths of a point.
        public var milli: Int32
        /// Journey distance in kilometres, nil when unknown.
        public var distanceKm: Double?
        /// The general places of a school whose base or unit (the application just before this one) is designated
        /// for the child's need: the child asks for them only when the specialist places are full. Not a separate
        /// list entry.
        public var fallback: Bool

        public init(provider: Int, pool: PlacePool, listRank: Int, milli: Int32, distanceKm: Double?, fallback: Bool = false) {
            self.provider = provider
            self.pool = pool
            self.listRank = listRank
            self.milli = milli
            self.distanceKm = distanceKm
            self.fallback = fallback
        }

        /// Distance in units of 10 m (as lists print it), `Int64.max` when unknown: nearer ranks first.
        public var distanceKey: Int64 {
            guard let d = distanceKm, d.isFinite else { return .max }
            return Int64((d * 100).rounded(.toNearestOrAwayFromZero))
        }
    }

    /// A child of the cohort: reference only (never a name), primary need, and applications in list order.
    public struct Child: Sendable, Hashable {
        public var reference: String
        public var primaryNeed: NeedCode
        public var synthetic: Bool
        /// Where the child's list came from (`file:line` of the batch, or the profile file).
        public var source: String
        public var applications: [Application]
        /// The child's single lottery number (lower draws first), from the seed and the reference.
        public var lottery: UInt64
        /// Settings on the child's list (a school's general places asked for after its base are not counted again).
        public var settingsListed: Int { applications.count(where: { !$0.fallback }) }

        public init(reference: String, primaryNeed: NeedCode, synthetic: Bool, source: String,
                    applications: [Application], lottery: UInt64) {
            self.reference = reference
            self.primaryNeed = primaryNeed
            self.synthetic = synthetic
            self.source = source
            self.applications = applications
            self.lottery = lottery
        }
    }

    /// A child whose list could not be built (an error record of the batch): counted and reported, never dropped.
    public struct UnlistedChild: Sendable, Hashable {
        public var row: Int
        public var source: String
        public var reference: String?
        public var errors: [String]
        public init(row: Int, source: String, reference: String?, errors: [String]) {
            self.row = row
            self.source = source
            self.reference = reference
            self.errors = errors
        }
    }

    /// Settings in ascending URN order.
    public var providers: [Provider]
    /// Children in input order.
    public var children: [Child]
    public var unlisted: [UnlistedChild]
    public var seed: UInt64
    public var fictionalSettings: Bool
    public var syntheticChildren: Bool
    /// Real schools with invented SEN facts (`atl synth-national`): every output says SYNTHETIC at the top.
    public var syntheticSettings: Bool
    /// Notes about the inputs (e.g. lists made from another version of the catalogue).
    public var notes: [String]

    public init(providers: [Provider], children: [Child], unlisted: [UnlistedChild] = [], seed: UInt64,
                fictionalSettings: Bool, syntheticChildren: Bool, notes: [String] = [], syntheticSettings: Bool = false) {
        self.providers = providers
        self.children = children
        self.unlisted = unlisted
        self.seed = seed
        self.fictionalSettings = fictionalSettings
        self.syntheticChildren = syntheticChildren
        self.syntheticSettings = syntheticSettings
        self.notes = notes
    }

    /// The child's lottery number: one 64-bit draw from the seed's sub-stream named by the reference, so it
    /// does not depend on the order of the batch.
    public static func lottery(seed: UInt64, reference: String) -> UInt64 {
        var h = SHA256()
        h.update(reference)
        let d = h.finalize()
        var stream: UInt64 = 0
        for i in 0..<8 { stream = stream << 8 | UInt64(d[i]) }
        var r = SeededRandom(seed: seed, stream: stream)
        return r.next()
    }

    /// Places of a child's application (nil: unknown, not capacity-limited).
    public func places(_ a: Application) -> Int? { providers[a.provider].places(a.pool) }

    /// Per-need cap for a child's application (nil: none stated).
    public func needCap(_ a: Application, need: NeedCode) -> Int? {
        a.pool == .specialist ? providers[a.provider].specialistPlacesByNeed[need] : nil
    }
}

// MARK: - Building a problem

/// One child's list as the allocation needs it: from an ``AdvisoryList`` in process or a batch record.
public struct ListedChild: Sendable, Hashable {
    /// One setting on the list: rank, URN, suitability score (thousandths of a point) and distance.
    public typealias Entry = ListJSON.Record.Entry

    public var reference: String
    public var primaryNeed: NeedCode
    public var synthetic: Bool
    public var fictionalCatalogue: Bool
    public var catalogueHash: String?
    /// File of the record and its line, for messages.
    public var file: String
    public var line: Int?
    public var entries: [Entry]
    /// The list was made from a synthetic catalogue (real schools, invented SEN facts).
    public var syntheticCatalogue: Bool

    public init(reference: String, primaryNeed: NeedCode, synthetic: Bool, fictionalCatalogue: Bool,
                catalogueHash: String?, file: String, line: Int?, entries: [Entry], syntheticCatalogue: Bool = false) {
        self.syntheticCatalogue = syntheticCatalogue
        self.reference = reference
        self.primaryNeed = primaryNeed
        self.synthetic = synthetic
        self.fictionalCatalogue = fictionalCatalogue
        self.catalogueHash = catalogueHash
        self.file = file
        self.line = line
        self.entries = entries
    }

    public init(_ l: AdvisoryList, file: String = "in-process") {
        self.init(reference: l.reference, primaryNeed: l.primaryNeed, synthetic: l.synthetic,
                  fictionalCatalogue: l.fictionalCatalogue, catalogueHash: l.stamp.catalogueHash, file: file, line: nil,
                  entries: l.entries.map { Entry(rank: $0.rank, urn: $0.setting.urn, milli: $0.milli, distanceKm: $0.distanceKm, band: $0.band) },
                  syntheticCatalogue: l.syntheticCatalogue)
    }

    var source: String { line.map { "\(file):\($0)" } ?? file }
}

extension AllocationProblem {
    /// Builds the problem for lists made in process (e.g. by a scenario). Places come from `catalogue`.
    public static func from(lists: [AdvisoryList], catalogue: Catalogue, seed: UInt64) throws(ATLError) -> AllocationProblem {
        try from(children: lists.map { ListedChild($0) }, unlisted: [], catalogue: catalogue, seed: seed)
    }

    /// Builds the problem from listed children (and the records that failed, kept for the report).
    ///
    /// Errors: a listed URN not in the catalogue, a reference given twice, synthetic and real children mixed,
    /// or lists made from a fictional catalogue allocated against a real one (or the reverse).
    public static func from(children listed: [ListedChild], unlisted: [UnlistedChild], catalogue: Catalogue,
                            seed: UInt64) throws(ATLError) -> AllocationProblem {
        var diags: [Diagnostic] = []
        var providerIndex: [Int: Int] = [:]
        var urns = Set<Int>()
        for c in listed { for e in c.entries { urns.insert(e.urn) } }
        var providers: [Provider] = []
        for urn in urns.sorted() {
            guard let s = catalogue.setting(urn: urn) else { continue }
            providerIndex[urn] = providers.count
            providers.append(Provider(s))
        }
        var children: [Child] = []
        var seen: [String: String] = [:]
        var hashMismatch = 0
        let synthetic = listed.first?.synthetic ?? false
        for c in listed {
            if let prior = seen[c.reference] {
                diags.append(Diagnostic(code: "allocation.duplicate-reference", file: c.file, line: c.line, field: "reference",
                                        "reference \"\(c.reference)\" appears twice (first at \(prior)); each child needs one record"))
                continue
            }
            seen[c.reference] = c.source
            if c.synthetic != synthetic {
                diags.append(Diagnostic(code: "allocation.mixes-synthetic-children", file: c.file, line: c.line, field: "list.synthetic_child",
                                        "synthetic and real children cannot be allocated together"))
            }
            if c.fictionalCatalogue != catalogue.isFictional {
                diags.append(Diagnostic(code: "allocation.list-catalogue-kind-differs", file: c.file, line: c.line, field: "list.fictional_catalogue",
                                        c.fictionalCatalogue ? "list was made from a fictional catalogue but --catalogue is real"
                                                             : "list was made from a real catalogue but --catalogue is fictional"))
            }
            if c.syntheticCatalogue != catalogue.isSynthetic {
                diags.append(Diagnostic(code: "allocation.list-synthetic-catalogue-differs", file: c.file, line: c.line, field: "list.synthetic_catalogue",
                                        c.syntheticCatalogue ? "list was made from a SYNTHETIC catalogue but --catalogue is not synthetic"
                                                             : "list was made from a catalogue that is not synthetic but --catalogue is SYNTHETIC"))
            }
            if let h = c.catalogueHash, h != catalogue.contentHash { hashMismatch += 1 }
            var apps: [Application] = []
            var listedURNs = Set<Int>()
            // A named setting that cannot admit the child (matching policy R1) is on the list for the family, never a place.
            for (i, e) in c.entries.enumerated() where e.canAdmit {
                guard let p = providerIndex[e.urn], let s = catalogue.setting(urn: e.urn) else {
                    diags.append(Diagnostic(code: "allocation.setting-not-in-catalogue", file: c.file, line: c.line, field: "list.entries[\(i)].urn",
                                            subject: String(e.urn), "setting \(e.urn) is not in the catalogue \(catalogue.root.isEmpty ? "" : catalogue.root + " ")(its places cannot be looked up)"))
                    continue
                }
                guard listedURNs.insert(e.urn).inserted else {
                    diags.append(Diagnostic(code: "allocation.setting-listed-twice", file: c.file, line: c.line, field: "list.entries[\(i)].urn",
                                            subject: String(e.urn), "setting \(e.urn) is listed twice for this child"))
                    continue
                }
                let pool = Provider.pool(at: s, need: c.primaryNeed)
                apps.append(Application(provider: p, pool: pool, listRank: e.rank, milli: e.milli, distanceKm: e.distanceKm))
                if pool == .specialist && !s.type.isSpecialist {
                    apps.append(Application(provider: p, pool: .general, listRank: e.rank, milli: e.milli,
                                            distanceKm: e.distanceKm, fallback: true))
                }
            }
            children.append(Child(reference: c.reference, primaryNeed: c.primaryNeed, synthetic: c.synthetic, source: c.source,
                                  applications: apps, lottery: lottery(seed: seed, reference: c.reference)))
        }
        guard diags.isEmpty else { throw ATLError(diags) }
        var notes: [String] = []
        if hashMismatch > 0 {
            notes.append("\(hashMismatch) of \(listed.count) lists were made from a different version of the catalogue than the one whose places are used here")
        }
        return AllocationProblem(providers: providers, children: children, unlisted: unlisted, seed: seed,
                                 fictionalSettings: catalogue.isFictional, syntheticChildren: synthetic, notes: notes,
                                 syntheticSettings: catalogue.isSynthetic)
    }
}
