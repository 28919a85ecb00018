import ATLModel
import ATLData
import ATLEngine
import Foundation

/// What happened to one child in one run (baseline or scenario). Carries the child's reference only.
public struct ChildOutcome: Sendable, Hashable {
    public var reference: String
    public var synthetic: Bool
    public var addedByScenario: Bool
    public var primaryNeed: NeedCode
    /// Postcode district (outward code) of the home, when known; never the full postcode.
    public var homeDistrict: String?
    public var homeLA: Int?
    /// Settings eligible within the child's maximum journey (0 = no suitable place within it).
    public var eligible: Int
    public var listed: Int
    public var placedURN: Int?
    /// Journey to the placement by road estimate (or the travel matrix), in km.
    public var distanceKm: Double?
    public var beyondWalkingDistance: Bool
    public var outOfArea: Bool
    public var independentSector: Bool
    public var placedInHypothetical: Bool
    /// Placed at a setting whose places are not known (so the placement assumes room).
    public var placesUnknown: Bool
    /// Placed at a setting whose type of establishment is not known.
    public var typeUnknown: Bool

    /// Placed in a school's general places because its base or unit designated for the child's need was full.
    public var inGeneralPlacesAfterBase: Bool = false

    public var placed: Bool { placedURN != nil }
}

/// One setting's use in a run, for the map and utilisation tables.
public struct SettingUse: Sendable, Hashable {
    public var urn: Int
    public var name: String
    public var type: SettingType
    public var location: GridPoint?
    public var needs: NeedSet?
    /// Places available to the cohort (vacancies), nil when unknown.
    public var places: Int?
    public var placed: Int
    public var hypothetical: Bool
    public var closed: Bool
    /// Postcode district of the setting (its postcode, else the postcode nearest its coordinates).
    public var district: String?
    /// Places left after allocation (nil when places are unknown).
    public var spare: Int? { places.map { max(0, $0 - placed) } }
}

/// Demand and places for one primary need.
public struct NeedUse: Sendable, Hashable {
    public var need: NeedCode
    /// Children in the cohort with this primary need.
    public var children: Int
    public var placed: Int
    public var noSuitablePlace: Int
    /// Known vacancies in settings designated for this need (a setting designated for several needs counts
    /// in each); `settingsWithUnknownPlaces` designated settings have no known figure.
    public var designatedPlaces: Int
    public var settingsWithUnknownPlaces: Int
    /// Children of this need placed in provision designated for it (not in the general places of its school).
    public var placedInDesignated: Int
    public var unplaced: Int { children - placed }
}

/// Demand and outcomes for one home district.
public struct DistrictUse: Sendable, Hashable {
    /// Postcode district (e.g. "TF3"), or "(no postcode district)" for homes given as coordinates.
    public var district: String
    /// A public centre for the district (outward-code centroid), never a child's home.
    public var centre: GridPoint?
    public var children: Int
    public var placed: Int
    public var noSuitablePlace: Int
    public var meanKm: Double?
    public var unplaced: Int { children - placed }
}

/// Place utilisation in the settings of one postcode district.
public struct SettingDistrictUse: Sendable, Hashable {
    public var district: String
    /// Open settings in the district (in the cohort's area).
    public var settings: Int
    /// Known places (vacancies) in those settings.
    public var places: Int
    public var settingsWithUnknownPlaces: Int
    public var placed: Int
    /// Children placed at settings whose places are unknown.
    public var placedWherePlacesUnknown: Int

    /// Groups setting uses by district (settings without one under "(district not known)"), in district order.
    public static func of(_ settings: [SettingUse]) -> [SettingDistrictUse] {
        var by: [String: [SettingUse]] = [:]
        for s in settings where !s.closed { by[s.district ?? "(district not known)", default: []].append(s) }
        return by.keys.sorted(by: DistrictOrder.less).map { k in
            let ss = by[k]!
            return SettingDistrictUse(district: k, settings: ss.count, places: ss.compactMap(\.places).reduce(0, +),
                                      settingsWithUnknownPlaces: ss.filter { $0.places == nil }.count,
                                      placed: ss.map(\.placed).reduce(0, +),
                                      placedWherePlacesUnknown: ss.filter { $0.places == nil }.map(\.placed).reduce(0, +))
        }
    }
}

/// Natural order of postcode districts: area letters, then the district number as a number (SY2 before SY10),
/// then the rest as text; a total order, so reports are stable.
public enum DistrictOrder {
    static func key(_ d: String) -> (String, Int, String) {
        let letters = d.prefix { $0.isLetter }
        let rest = d.dropFirst(letters.count)
        let digits = rest.prefix { $0.isASCII && $0.isWholeNumber }
        return (String(letters), digits.isEmpty || digits.count > 6 ? -1 : Int(digits)!, String(rest.dropFirst(digits.count)))
    }

    public static func less(_ a: String, _ b: String) -> Bool {
        let ka = key(a), kb = key(b)
        return ka != kb ? ka < kb : a < b
    }
}

/// Headline figures of one run.
public struct ScenarioMetrics: Sendable, Hashable {
    public var children: Int
    public var noSuitablePlace: Int
    public var unplaced: Int
    public var placed: Int
    public var meanKm: Double?
    public var medianKm: Double?
    public var p95Km: Double?
    public var beyondWalkingDistance: Int
    public var outOfArea: Int
    public var independentSector: Int
    public var placedInHypothetical: Int
    public var placedWherePlacesUnknown: Int
    public var placedWhereTypeUnknown: Int

    /// Computes the figures from per-child outcomes (pure).
    public static func of(_ c: [ChildOutcome]) -> ScenarioMetrics {
        let d = c.compactMap(\.distanceKm).sorted()
        return ScenarioMetrics(
            children: c.count, noSuitablePlace: c.filter { $0.eligible == 0 }.count,
            unplaced: c.filter { !$0.placed }.count, placed: c.filter(\.placed).count,
            meanKm: d.isEmpty ? nil : d.reduce(0, +) / Double(d.count),
            medianKm: percentile(d, 50), p95Km: percentile(d, 95),
            beyondWalkingDistance: c.filter { $0.placed && $0.beyondWalkingDistance }.count,
            outOfArea: c.filter { $0.placed && $0.outOfArea }.count,
            independentSector: c.filter { $0.placed && $0.independentSector }.count,
            placedInHypothetical: c.filter(\.placedInHypothetical).count,
            placedWherePlacesUnknown: c.filter { $0.placed && $0.placesUnknown }.count,
            placedWhereTypeUnknown: c.filter { $0.placed && $0.typeUnknown }.count)
    }

    /// Nearest-rank percentile of sorted values (median of an even count is the mean of the middle two).
    public static func percentile(_ sorted: [Double], _ p: Int) -> Double? {
        guard !sorted.isEmpty else { return nil }
        if p == 50 {
            let n = sorted.count
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
        }
        let rank = Int((Double(p) / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count, max(1, rank)) - 1]
    }
}

/// Journey distance bands for histograms (km, lower bound inclusive).
public enum JourneyBands {
    public static let edges: [Double] = [0, 2, 5, 10, 15, 20, 25, 35]
    public static var labels: [String] {
        (0..<edges.count).map { i in
            i + 1 < edges.count ? "\(Int(edges[i]))–\(Int(edges[i + 1])) km" : "\(Int(edges[i]))+ km"
        }
    }
    public static func counts(_ c: [ChildOutcome]) -> [Int] {
        var out = [Int](repeating: 0, count: edges.count)
        for d in c.compactMap(\.distanceKm) {
            let i = (edges.lastIndex { d >= $0 }) ?? 0
            out[i] += 1
        }
        return out
    }
}

/// One run (baseline or a scenario) of the cohort against a catalogue.
public struct ScenarioResult: Sendable {
    public var name: String
    public var description: String?
    public var scenarioHash: String
    public var catalogueHash: String
    public var weightsHash: String
    public var log: [AppliedScenario.LogEntry]
    /// Per child, sorted by reference.
    public var children: [ChildOutcome]
    /// Settings in the area of the cohort (or placed at), in URN order.
    public var settings: [SettingUse]
    public var needs: [NeedUse]
    public var districts: [DistrictUse]
    /// Place utilisation by the settings' own district.
    public var settingDistricts: [SettingDistrictUse]
    public var metrics: ScenarioMetrics
}

/// How one child's outcome differs between baseline and a scenario.
public struct OutcomeChange: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case newlyPlaced = "newly-placed"
        case newlyUnplaced = "newly-unplaced"
        case moved
        case added = "added-by-scenario"
        case removed = "removed-by-scenario"
    }
    public var reference: String
    public var kind: Kind
    public var before: Int?
    public var after: Int?

    /// Changes by reference order.
    public static func between(_ base: [ChildOutcome], _ scen: [ChildOutcome]) -> [OutcomeChange] {
        var b: [String: ChildOutcome] = [:]
        for c in base { b[c.reference] = c }
        var out: [OutcomeChange] = []
        var seen = Set<String>()
        for c in scen {
            seen.insert(c.reference)
            guard let o = b[c.reference] else {
                out.append(.init(reference: c.reference, kind: .added, before: nil, after: c.placedURN))
                continue
            }
            switch (o.placedURN, c.placedURN) {
            case (nil, let a?): out.append(.init(reference: c.reference, kind: .newlyPlaced, before: nil, after: a))
            case (let p?, nil): out.append(.init(reference: c.reference, kind: .newlyUnplaced, before: p, after: nil))
            case (let p?, let a?) where p != a: out.append(.init(reference: c.reference, kind: .moved, before: p, after: a))
            default: break
            }
        }
        for c in base where !seen.contains(c.reference) {
            out.append(.init(reference: c.reference, kind: .removed, before: c.placedURN, after: nil))
        }
        return out.sorted { $0.reference < $1.reference }
    }
}

/// Baseline and scenarios on the same cohort and seed, with each scenario's changed outcomes.
public struct ScenarioComparison: Sendable {
    public var baseline: ScenarioResult
    public var scenarios: [ScenarioResult]
    /// Per scenario, the children whose outcome changed.
    public var changes: [[OutcomeChange]]
    public var stamp: ProvenanceStamp
    public var fictionalCatalogue: Bool
    public var syntheticCohort: Bool
    /// What results rest on: unknown places, types, SEN data in the catalogue.
    public var unknowns: [String]
    /// Real schools with invented SEN facts (`atl synth-national`): every output says SYNTHETIC at the top.
    public var syntheticCatalogue: Bool = false
}

/// Allocates children to places: given every child's advisory list (cohort order), the catalogue the lists were
/// built from and the seed, returns for each child the URN placed at, or nil. A setting whose places are unknown
/// is not capacity-limited (the report counts those placements as resting on unknowns).
public typealias PlacementAllocator = @Sendable (_ lists: [AdvisoryList], _ catalogue: Catalogue, _ seed: UInt64) throws(ATLError) -> [ScenarioPlacement?]

/// Where the allocation places one child: the setting, and whether it is a general place taken because the
/// setting's base or unit designated for the child's need was full (docs/allocation.md, rule 5).
public struct ScenarioPlacement: Sendable, Hashable {
    public var urn: Int
    public var inGeneralPlacesAfterBase: Bool
    public init(urn: Int, inGeneralPlacesAfterBase: Bool = false) {
        self.urn = urn
        self.inGeneralPlacesAfterBase = inGeneralPlacesAfterBase
    }
}

/// The shared allocation simulation: child-proposing deferred acceptance with places per setting and need
/// (``AllocationProblem``), the same as `atl allocate`.
public enum ScenarioAllocation {
    public static let deferredAcceptance: PlacementAllocator = { lists, catalogue, seed throws(ATLError) in
        let problem = try AllocationProblem.from(lists: lists, catalogue: catalogue, seed: seed)
        let outcome = problem.deferredAcceptance()
        return outcome.placement.enumerated().map { i, app in
            app.map { ai in
                let a = problem.children[i].applications[ai]
                return ScenarioPlacement(urn: problem.providers[a.provider].urn, inGeneralPlacesAfterBase: a.fallback)
            }
        }
    }
}

/// Runs baseline and scenarios: applies each scenario, builds every child's advisory list against the changed
/// catalogue, allocates places, and measures. Lists and allocation are pluggable so tests can use stubs.
public struct ScenarioRunner: Sendable {
    public var engineVersion: String
    public var seed: UInt64
    public var date: String
    /// Builds the matching engine for a (changed) catalogue and weights.
    public var makeEngine: @Sendable (Catalogue, Weights) -> MatchingEngine
    public var allocate: PlacementAllocator
    public var allocatorName: String
    /// Public centre of a postcode district (outward code), for the map.
    public var districtCentre: @Sendable (String) -> GridPoint?
    public var threads: Int
    /// An engine already built for the unchanged catalogue and weights: reused for every run whose catalogue
    /// and weights are unchanged (the baseline, demand-only scenarios) instead of compiling the index again.
    public var loadedEngine: MatchingEngine?

    public init(engineVersion: String, seed: UInt64, date: String,
                makeEngine: (@Sendable (Catalogue, Weights) -> MatchingEngine)? = nil,
                allocate: @escaping PlacementAllocator = ScenarioAllocation.deferredAcceptance,
                allocatorName: String = "child-proposing deferred acceptance with places per setting and need (atl allocate)",
                districtCentre: @escaping @Sendable (String) -> GridPoint? = { _ in nil },
                threads: Int = Parallel.defaultThreads) {
        self.engineVersion = engineVersion
        self.seed = seed
        self.date = date
        self.makeEngine = makeEngine ?? { MatchingEngine(catalogue: $0, weights: $1, engineVersion: engineVersion) }
        self.allocate = allocate
        self.allocatorName = allocatorName
        self.districtCentre = districtCentre
        self.threads = threads
    }

    /// Lists for every child of the cohort (parallel over children; order follows the cohort).
    public func lists(_ engine: MatchingEngine, _ cohort: [CohortChild]) -> [AdvisoryList] {
        Parallel.map(cohort.count, threads: threads) { i in
            let c = cohort[i]
            let q = engine.query(c.profile, home: c.home)
            let r = engine.score(q, threads: 1)
            return engine.compose(c.profile, home: c.home, query: q, result: r, profileHash: c.profileHash, date: date)
        }
    }

    public func run(catalogue: Catalogue, weights: Weights, cohort: [CohortChild], cohortHash: String,
                    scenarios: [Scenario]) throws(ATLError) -> ScenarioComparison {
        let base = try ScenarioApplication.apply(.baseline(), catalogue: catalogue, weights: weights, cohort: cohort, seed: seed)
        let baseResult = try measure(base)
        var results: [ScenarioResult] = []
        var changes: [[OutcomeChange]] = []
        for s in scenarios {
            let a = try ScenarioApplication.apply(s, catalogue: catalogue, weights: weights, cohort: cohort, seed: seed)
            let r = try measure(a)
            results.append(r)
            changes.append(OutcomeChange.between(baseResult.children, r.children))
        }
        let stamp = ProvenanceStamp(engineVersion: engineVersion, catalogue: catalogueName(catalogue),
                                  catalogueHash: catalogue.contentHash, weightsHash: weights.hash,
                                  inputs: [.init("cohort", hash: cohortHash)] + scenarios.map { .init("scenario", hash: $0.hash) },
                                  seed: seed, method: allocatorName, date: date)
        return ScenarioComparison(baseline: baseResult, scenarios: results, changes: changes, stamp: stamp,
                                  fictionalCatalogue: catalogue.isFictional,
                                  syntheticCohort: !cohort.isEmpty && cohort.allSatisfy(\.profile.synthetic),
                                  unknowns: unknowns(catalogue, [baseResult] + results),
                                  syntheticCatalogue: catalogue.isSynthetic)
    }

    func catalogueName(_ c: Catalogue) -> String {
        c.root.split(separator: "/").last.map(String.init) ?? "in-memory"
    }

    /// Places a setting offers the cohort, counted as `atl allocate` counts them: a special school or AP offers its
    /// specialist vacancies (else its general vacancies); any other setting offers its general vacancies plus, when
    /// known, the specialist vacancies of its base or unit (both pools take children). Nil when a pool children can
    /// take has unknown vacancies (it is not capacity-limited). Closed settings offer none.
    public static func places(of s: Setting) -> Int? {
        if s.status != .open { return 0 }
        if s.type.isSpecialist { return s.specialistVacancies ?? s.generalVacancies }
        guard let general = s.generalVacancies else { return nil }
        return general + (s.specialistVacancies ?? 0)
    }

    /// Places a setting with a specialist offer has for the needs it is designated for: its specialist vacancies
    /// when known, else (a special school or AP without them) its general vacancies; nil when unknown.
    public static func designatedPlaces(of s: Setting) -> Int? {
        if s.status != .open { return 0 }
        if s.hasSpecialistOffer, let v = s.specialistVacancies { return v }
        return s.generalVacancies
    }

    /// Lists, allocation and measures for one applied scenario.
    public func measure(_ a: AppliedScenario) throws(ATLError) -> ScenarioResult {
        let engine: MatchingEngine
        if let e = loadedEngine, e.catalogue.contentHash == a.catalogue.contentHash, e.weights == a.weights {
            engine = e
        } else {
            engine = makeEngine(a.catalogue, a.weights)
        }
        let lists = self.lists(engine, a.cohort)
        var places: [Int: Int] = [:]
        for s in a.catalogue.settings { if let p = ScenarioRunner.places(of: s) { places[s.urn] = p } }
        let placements = try allocate(lists, a.catalogue, seed)
        let placed = placements.map { $0?.urn }
        var children: [ChildOutcome] = []
        var count: [Int: Int] = [:]
        for (i, l) in lists.enumerated() {
            let c = a.cohort[i]
            let entry = placed[i].flatMap { u in l.entries.first { $0.setting.urn == u } }
            if let u = placed[i] { count[u, default: 0] += 1 }
            children.append(ChildOutcome(
                reference: l.reference, synthetic: l.synthetic, addedByScenario: c.addedByScenario,
                primaryNeed: c.profile.primaryNeed, homeDistrict: c.home.postcodeDistrict,
                homeLA: c.home.localAuthority?.code, eligible: l.eligible, listed: l.entries.count,
                placedURN: placed[i], distanceKm: entry?.distanceKm,
                beyondWalkingDistance: entry.map { !$0.withinWalkingDistance } ?? false,
                outOfArea: entry?.labels.contains(.outOfArea) ?? false,
                independentSector: entry?.setting.type.isIndependentSector ?? false,
                placedInHypothetical: placed[i].map(a.hypothetical.contains) ?? false,
                placesUnknown: entry.map { e in
                    let pool = placements[i]?.inGeneralPlacesAfterBase == true
                        ? PlacePool.general : AllocationProblem.Provider.pool(at: e.setting, need: c.profile.primaryNeed)
                    return AllocationProblem.Provider(e.setting).places(pool) == nil
                } ?? false,
                typeUnknown: entry?.setting.type == .unknown,
                inGeneralPlacesAfterBase: placements[i]?.inGeneralPlacesAfterBase ?? false))
        }
        children.sort { $0.reference < $1.reference }

        // Districts.
        var byDistrict: [String: [ChildOutcome]] = [:]
        for c in children { byDistrict[c.homeDistrict ?? "(no postcode district)", default: []].append(c) }
        let districts = byDistrict.keys.sorted(by: DistrictOrder.less).map { k -> DistrictUse in
            let cs = byDistrict[k]!
            let d = cs.compactMap(\.distanceKm)
            return DistrictUse(district: k, centre: k.hasPrefix("(") ? nil : districtCentre(k), children: cs.count,
                               placed: cs.filter(\.placed).count, noSuitablePlace: cs.filter { $0.eligible == 0 }.count,
                               meanKm: d.isEmpty ? nil : d.reduce(0, +) / Double(d.count))
        }

        // Settings in the cohort's area: within the bounding box of the district centres (+ 5 km), or placed at.
        let centres = districts.compactMap(\.centre)
        let box: (ClosedRange<Int>, ClosedRange<Int>)? = centres.isEmpty ? nil : (
            (centres.map(\.easting).min()! - 5000)...(centres.map(\.easting).max()! + 5000),
            (centres.map(\.northing).min()! - 5000)...(centres.map(\.northing).max()! + 5000))
        let settings = a.catalogue.settings.filter { s in
            if count[s.urn] != nil || a.hypothetical.contains(s.urn) || a.closed.contains(s.urn) { return true }
            guard let box, let p = s.location else { return box == nil }
            return box.0.contains(p.easting) && box.1.contains(p.northing)
        }.map { s in
            SettingUse(urn: s.urn, name: s.name, type: s.type, location: s.location, needs: s.needs,
                       places: places[s.urn], placed: count[s.urn] ?? 0, hypothetical: a.hypothetical.contains(s.urn),
                       closed: s.status != .open,
                       district: (s.postcode ?? s.nearestPostcode).map { String(Postcode.outcode(of: $0)) })
        }

        // Needs.
        let needCodes = Set(children.map(\.primaryNeed)).sorted()
        let byURN = Dictionary(uniqueKeysWithValues: a.catalogue.settings.map { ($0.urn, $0) })
        let needs = needCodes.map { n -> NeedUse in
            let cs = children.filter { $0.primaryNeed == n }
            var designated = 0, unknown = 0
            for s in a.catalogue.settings where s.status == .open && s.hasSpecialistOffer && (s.needs?.contains(n) ?? false) {
                if let p = ScenarioRunner.designatedPlaces(of: s) { designated += p } else { unknown += 1 }
            }
            let inDesignated = cs.filter { c in
                !c.inGeneralPlacesAfterBase && c.placedURN.flatMap { byURN[$0] }.map { $0.hasSpecialistOffer && ($0.needs?.contains(n) ?? false) } ?? false
            }.count
            return NeedUse(need: n, children: cs.count, placed: cs.filter(\.placed).count,
                           noSuitablePlace: cs.filter { $0.eligible == 0 }.count, designatedPlaces: designated,
                           settingsWithUnknownPlaces: unknown, placedInDesignated: inDesignated)
        }
        return ScenarioResult(name: a.scenario.name, description: a.scenario.description, scenarioHash: a.scenario.hash,
                              catalogueHash: a.catalogue.contentHash, weightsHash: a.weights.hash, log: a.log,
                              children: children, settings: settings, needs: needs, districts: districts,
                              settingDistricts: SettingDistrictUse.of(settings), metrics: .of(children))
    }

    /// Plain statements of what the results rest on that the catalogue does not know.
    func unknowns(_ c: Catalogue, _ runs: [ScenarioResult]) -> [String] {
        var out: [String] = []
        let n = c.settings.count
        let noType = c.settings.filter { $0.type == .unknown }.count
        let noPlaces = c.settings.filter { ScenarioRunner.places(of: $0) == nil }.count
        let noNeeds = c.settings.filter { $0.needs == nil && ($0.hasSpecialistOffer || $0.type == .unknown) }.count
        let noReport = c.settings.filter { $0.report.isEmpty }.count
        if noType > 0 { out.append("\(noType) of \(n) settings have no published type of establishment: whether they are special, resourced or mainstream is unknown, so need matching for them earns nothing and type counts exclude them.") }
        if noPlaces > 0 { out.append("\(noPlaces) of \(n) settings have no known places or vacancies: allocation treats them as having room, so 'unplaced' counts are a lower bound and placements there are marked as resting on unknown places.") }
        if noNeeds > 0 { out.append("\(noNeeds) of \(n) settings that have (or may have) a specialist offer have no designated needs in the catalogue, so whether they are for a child's need is unknown.") }
        if noReport > 0 { out.append("\(noReport) of \(n) settings have no SEN information report in the catalogue: their evidence score is 0.") }
        for r in runs {
            let n = r.children.filter(\.inGeneralPlacesAfterBase).count
            if n > 0 { out.append("\(r.name): \(n) \(n == 1 ? "child" : "children") whose need a school's resourced provision or unit is designated for found it full and \(n == 1 ? "is" : "are") placed in that school's general places instead (a mainstream place with support; docs/allocation.md, rule 5).") }
        }
        for r in runs where r.metrics.placedWherePlacesUnknown > 0 {
            out.append("\(r.name): \(r.metrics.placedWherePlacesUnknown) of \(r.metrics.placed) placements are at settings whose places are unknown.")
        }
        return out
    }
}
