import ATLModel
import ATLData
import ATLEngine
/// What a simulated allocation shows: who would be placed and where, which settings and needs are under
/// pressure, and how deferred acceptance compares with a greedy nearest-setting allocation.
///
/// A sufficiency simulation, never a decision: the LA consults settings and families name their preference.
public struct AllocationReport: Sendable {
    /// Figures for one method.
    public struct MethodSummary: Sendable, Hashable {
        public var method: AllocationMethod
        public var placed: Int
        public var unplaced: Int
        /// Placed in a pool whose vacancies are unknown: the placement rests on unknown capacity.
        public var placedOnUnknownCapacity: Int
        /// Placed at the first setting on their list.
        public var firstChoice: Int
        /// Mean and median journey of placed children whose distance is known, in km.
        public var meanKm: Double?
        public var medianKm: Double?
        public var distanceUnknown: Int
        /// Children with justified envy (0 = stable).
        public var justifiedEnvy: Int
    }

    /// Demand and fill for one pool of one setting that at least one child listed.
    public struct SettingPressure: Sendable, Hashable {
        public var provider: Int
        public var pool: PlacePool
        /// Vacancies for new entrants, nil when unknown.
        public var places: Int?
        /// Children who listed it first, and children who listed it at all.
        public var firstChoice: Int
        public var anyChoice: Int
        public var placedDA: Int
        public var placedGreedy: Int
        /// Children the deferred-acceptance run turned away from it (listed it and are placed lower or nowhere).
        public var turnedAway: Int

        /// First-choice applications per place (nil when places are unknown or zero).
        public var firstChoicePerPlace: Double? { places.flatMap { $0 > 0 ? Double(firstChoice) / Double($0) : nil } }
        /// Share of places filled by deferred acceptance.
        public var fill: Double? { places.flatMap { $0 > 0 ? Double(placedDA) / Double($0) : nil } }
    }

    /// Demand and outcome for children with one primary need.
    public struct NeedPressure: Sendable, Hashable {
        public var need: NeedCode
        public var children: Int
        public var withEmptyList: Int
        public var placedDA: Int
        public var placedSpecialistDA: Int
        public var unplacedDA: Int
        public var unplacedGreedy: Int
        /// Specialist places (known vacancies, capped by places for the need) in settings these children listed.
        /// A pool open to several needs counts for each of them.
        public var specialistPlacesListed: Int
        /// Specialist pools listed by these children whose vacancies are unknown.
        public var specialistPoolsUnknown: Int
    }

    public var problem: AllocationProblem
    public var deferredAcceptance: AllocationOutcome
    public var greedy: AllocationOutcome
    public var summaries: [MethodSummary]
    /// Ordered by first-choice demand per place (unknown places last), then URN and pool.
    public var settings: [SettingPressure]
    public var needs: [NeedPressure]
    /// References of children deferred acceptance leaves unplaced, in input order.
    public var unplacedDA: [String]

    public init(_ p: AllocationProblem) {
        problem = p
        let deferredAcceptance = p.deferredAcceptance(), greedy = p.greedyNearest()
        self.deferredAcceptance = deferredAcceptance
        self.greedy = greedy
        summaries = [Self.summary(p, deferredAcceptance), Self.summary(p, greedy)]
        unplacedDA = p.children.indices.filter { deferredAcceptance.placement[$0] == nil }.map { p.children[$0].reference }

        struct Key: Hashable { var provider: Int; var pool: PlacePool }
        var rows: [Key: SettingPressure] = [:]
        for (c, child) in p.children.enumerated() {
            for (ai, a) in child.applications.enumerated() {
                let k = Key(provider: a.provider, pool: a.pool)
                var r = rows[k] ?? SettingPressure(provider: a.provider, pool: a.pool, places: p.places(a), firstChoice: 0,
                                                   anyChoice: 0, placedDA: 0, placedGreedy: 0, turnedAway: 0)
                r.anyChoice += 1
                if ai == 0 { r.firstChoice += 1 }
                if deferredAcceptance.placement[c] == ai { r.placedDA += 1 }
                if greedy.placement[c] == ai { r.placedGreedy += 1 }
                if (deferredAcceptance.placement[c] ?? Int.max) > ai { r.turnedAway += 1 }
                rows[k] = r
            }
        }
        // Known places first, most first-choice applications per place first (no places at all counts as the
        // most pressed), then more applications in all, then URN and pool: a total order, so output is stable.
        let providers = p.providers
        func key(_ r: SettingPressure) -> (Int, Double, Int, Int, Int) {
            let pressure = r.places.map { $0 > 0 ? Double(r.firstChoice) / Double($0) : Double.infinity } ?? 0
            return (r.places == nil ? 1 : 0, -pressure, -r.anyChoice, providers[r.provider].urn, r.pool == .specialist ? 0 : 1)
        }
        let sorted = rows.values.sorted { key($0) < key($1) }
        settings = sorted

        var byNeed: [NeedCode: NeedPressure] = [:]
        var specialistPools: [NeedCode: Set<Int>] = [:]
        for (c, child) in p.children.enumerated() {
            let n = child.primaryNeed
            var r = byNeed[n] ?? NeedPressure(need: n, children: 0, withEmptyList: 0, placedDA: 0, placedSpecialistDA: 0,
                                              unplacedDA: 0, unplacedGreedy: 0, specialistPlacesListed: 0, specialistPoolsUnknown: 0)
            r.children += 1
            if child.applications.isEmpty { r.withEmptyList += 1 }
            if let ai = deferredAcceptance.placement[c] {
                r.placedDA += 1
                if child.applications[ai].pool == .specialist { r.placedSpecialistDA += 1 }
            } else {
                r.unplacedDA += 1
            }
            if greedy.placement[c] == nil { r.unplacedGreedy += 1 }
            for a in child.applications where a.pool == .specialist {
                guard specialistPools[n, default: []].insert(a.provider).inserted else { continue }
                if let places = p.places(a) {
                    r.specialistPlacesListed += min(places, p.needCap(a, need: n) ?? places)
                } else {
                    r.specialistPoolsUnknown += 1
                }
            }
            byNeed[n] = r
        }
        needs = byNeed.values.sorted { $0.need < $1.need }
    }

    static func summary(_ p: AllocationProblem, _ o: AllocationOutcome) -> MethodSummary {
        var placed = 0, unknownCap = 0, first = 0, unknownDistance = 0
        var km: [Double] = []
        for (c, child) in p.children.enumerated() {
            guard let ai = o.placement[c] else { continue }
            placed += 1
            let a = child.applications[ai]
            if p.places(a) == nil { unknownCap += 1 }
            if a.listRank == child.applications[0].listRank { first += 1 }
            if a.distanceKey != .max { km.append(Double(a.distanceKey) / 100) } else { unknownDistance += 1 }
        }
        km.sort()
        let mean = km.isEmpty ? nil : km.reduce(0, +) / Double(km.count)
        let median: Double? = km.isEmpty ? nil : km.count % 2 == 1 ? km[km.count / 2] : (km[km.count / 2 - 1] + km[km.count / 2]) / 2
        return MethodSummary(method: o.method, placed: placed, unplaced: p.children.count - placed,
                             placedOnUnknownCapacity: unknownCap, firstChoice: first, meanKm: mean, medianKm: median,
                             distanceUnknown: unknownDistance, justifiedEnvy: p.blockingPairs(o).count)
    }
}
