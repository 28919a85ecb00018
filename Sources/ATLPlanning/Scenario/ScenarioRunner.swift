import ATLModel
import ATLData
import ATLEngine
import Foundation

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
                                  syntheticCatalogue: catalogue.isSynthetic, catalogueSettings: catalogue.settings.count)
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
        let engine = self.engine(for: a)
        let lists = self.lists(engine, a.cohort)
        var places: [Int: Int] = [:]
        for s in a.catalogue.settings { if let p = ScenarioRunner.places(of: s) { places[s.urn] = p } }
        let placements = try allocate(lists, a.catalogue, seed)
        let (children, count) = outcomes(a, lists: lists, placements: placements)
        let districts = districtUse(children)
        let settings = settingsInArea(a, districts: districts, placedCount: count, places: places)
        let needs = needUse(a, children: children)
        return ScenarioResult(name: a.scenario.name, description: a.scenario.description, scenarioHash: a.scenario.hash,
                              catalogueHash: a.catalogue.contentHash, weightsHash: a.weights.hash, log: a.log,
                              children: children, settings: settings, needs: needs, districts: districts,
                              settingDistricts: SettingDistrictUse.of(settings), metrics: .of(children))
    }

    /// The engine already loaded when the scenario left the catalogue and weights as they were; otherwise one
    /// compiled for the changed catalogue.
    func engine(for a: AppliedScenario) -> MatchingEngine {
        if let e = loadedEngine, e.catalogue.contentHash == a.catalogue.contentHash, e.weights == a.weights {
            return e
        }
        return makeEngine(a.catalogue, a.weights)
    }

    /// Each child's outcome (where placed, how far, whether on unknown places), in reference order, and the
    /// children placed at each URN.
    func outcomes(_ a: AppliedScenario, lists: [AdvisoryList], placements: [ScenarioPlacement?]) -> ([ChildOutcome], [Int: Int]) {
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
        return (children, count)
    }

    /// Children by home postcode district (for the map): how many, placed, with no suitable place, and the mean
    /// journey of those placed.
    func districtUse(_ children: [ChildOutcome]) -> [DistrictUse] {
        var byDistrict: [String: [ChildOutcome]] = [:]
        for c in children { byDistrict[c.homeDistrict ?? "(no postcode district)", default: []].append(c) }
        return byDistrict.keys.sorted(by: DistrictOrder.less).map { k -> DistrictUse in
            let cs = byDistrict[k]!
            let d = cs.compactMap(\.distanceKm)
            return DistrictUse(district: k, centre: k.hasPrefix("(") ? nil : districtCentre(k), children: cs.count,
                               placed: cs.filter(\.placed).count, noSuitablePlace: cs.filter { $0.eligible == 0 }.count,
                               meanKm: d.isEmpty ? nil : d.reduce(0, +) / Double(d.count))
        }
    }

    /// Settings in the cohort's area: within the bounding box of the district centres (+ 5 km), or placed at,
    /// opened or closed by the scenario (all settings when no district has a centre).
    func settingsInArea(_ a: AppliedScenario, districts: [DistrictUse], placedCount count: [Int: Int],
                        places: [Int: Int]) -> [SettingUse] {
        let centres = districts.compactMap(\.centre)
        let box: (ClosedRange<Int>, ClosedRange<Int>)? = centres.isEmpty ? nil : (
            (centres.map(\.easting).min()! - 5000)...(centres.map(\.easting).max()! + 5000),
            (centres.map(\.northing).min()! - 5000)...(centres.map(\.northing).max()! + 5000))
        return a.catalogue.settings.filter { s in
            if count[s.urn] != nil || a.hypothetical.contains(s.urn) || a.closed.contains(s.urn) { return true }
            guard let box, let p = s.location else { return box == nil }
            return box.0.contains(p.easting) && box.1.contains(p.northing)
        }.map { s in
            SettingUse(urn: s.urn, name: s.name, type: s.type, location: s.location, needs: s.needs,
                       places: places[s.urn], placed: count[s.urn] ?? 0, hypothetical: a.hypothetical.contains(s.urn),
                       closed: s.status != .open,
                       district: (s.postcode ?? s.nearestPostcode).map { String(Postcode.outcode(of: $0)) })
        }
    }

    /// Children by primary need against the places designated for that need: the sufficiency question a
    /// commissioner asks of a scenario.
    func needUse(_ a: AppliedScenario, children: [ChildOutcome]) -> [NeedUse] {
        let needCodes = Set(children.map(\.primaryNeed)).sorted()
        let byURN = Dictionary(uniqueKeysWithValues: a.catalogue.settings.map { ($0.urn, $0) })
        return needCodes.map { n -> NeedUse in
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
            if n > 0 { out.append("\(r.name): \(n) \(n == 1 ? "child" : "children") whose need a school's resourced provision or unit is designated for found it full and \(n == 1 ? "is" : "are") placed in that school's general places instead (a mainstream place with support).") }
        }
        for r in runs where r.metrics.placedWherePlacesUnknown > 0 {
            out.append("\(r.name): \(r.metrics.placedWherePlacesUnknown) of \(r.metrics.placed) placements are at settings whose places are unknown.")
        }
        return out
    }
}
