import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
@testable import ATLPlanning
import Testing

/// Random small allocation problems and brute-force checks, independent of the allocator's own bookkeeping.
enum AllocationFixture {
    static let needs: [NeedCode] = [.ASD, .SLCN, .SEMH]

    /// A random instance: few children, few settings, small or unknown places, per-need places sometimes,
    /// scores and distances drawn from small sets so ties are common.
    static func random(_ rng: inout SeededRandom, children n: Int, settings m: Int, seed: UInt64 = 1,
                       unknownShare: Double = 0.15, tight: Bool = false) -> AllocationProblem {
        var providers: [AllocationProblem.Provider] = []
        for j in 0..<m {
            func places() -> Int? { rng.chance(unknownShare) ? nil : tight ? 1 : rng.int(in: 0...3) }
            var byNeed: [NeedCode: Int] = [:]
            if !tight && rng.chance(0.4) { for need in needs where rng.chance(0.5) { byNeed[need] = rng.int(in: 0...2) } }
            providers.append(.init(urn: 9_000_000 + j, name: "S\(j)", fictional: true, type: .special,
                                   specialistPlaces: places(), generalPlaces: places(), specialistPlacesByNeed: byNeed))
        }
        var kids: [AllocationProblem.Child] = []
        for c in 0..<n {
            var order = Array(0..<m)
            rng.shuffle(&order)
            let k = rng.int(in: 0...m)
            let apps = order.prefix(k).enumerated().map { (i, j) in
                AllocationProblem.Application(provider: j, pool: tight || rng.chance(0.5) ? .specialist : .general, listRank: i + 1,
                                              milli: Int32(rng.int(in: 0...(tight ? 9 : 2)) * 1000),
                                              distanceKm: rng.chance(0.1) ? nil : Double(rng.int(in: 1...3)))
            }
            let ref = "C\(c)"
            kids.append(.init(reference: ref, primaryNeed: rng.pick(needs), synthetic: true, source: "t:\(c + 1)",
                              applications: Array(apps), lottery: AllocationProblem.lottery(seed: seed, reference: ref)))
        }
        return AllocationProblem(providers: providers, children: kids, seed: seed, fictionalSettings: true, syntheticChildren: true)
    }

    static func pool(_ p: AllocationProblem, _ a: AllocationProblem.Application) -> Int { a.provider * 2 + (a.pool == .specialist ? 0 : 1) }

    /// True when the children assigned to each pool fit its places and per-need places.
    static func feasible(_ p: AllocationProblem, _ placement: [Int?]) -> Bool {
        var total: [Int: Int] = [:], byNeed: [String: Int] = [:]
        for (c, ai) in placement.enumerated() {
            guard let ai else { continue }
            let a = p.children[c].applications[ai]
            let k = pool(p, a)
            total[k, default: 0] += 1
            byNeed["\(k)-\(p.children[c].primaryNeed)", default: 0] += 1
            if let cap = p.places(a), total[k]! > cap { return false }
            if let nc = p.needCap(a, need: p.children[c].primaryNeed), byNeed["\(k)-\(p.children[c].primaryNeed)"]! > nc { return false }
        }
        return true
    }

    /// Brute-force blocking pairs: child c prefers application ai to its outcome, and moving c there (alone, or
    /// in place of a child the setting ranks below c) gives a feasible assignment.
    static func blocking(_ p: AllocationProblem, _ placement: [Int?]) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        for (c, child) in p.children.enumerated() {
            for ai in 0..<(placement[c] ?? child.applications.count) {
                let a = child.applications[ai]
                var moved = placement
                moved[c] = ai
                var blocks = feasible(p, moved)
                if !blocks {
                    for (d, di) in placement.enumerated() where d != c {
                        guard let di, pool(p, p.children[d].applications[di]) == pool(p, a) else { continue }
                        guard p.priority(child: c, a) < p.priority(child: d, p.children[d].applications[di]) else { continue }
                        var swapped = moved
                        swapped[d] = nil
                        if feasible(p, swapped) { blocks = true; break }
                    }
                }
                if blocks { out.append((c, ai)); break }
            }
        }
        return out
    }

    /// Every feasible assignment (each child: unplaced or one of their applications) of a tiny problem.
    static func allAssignments(_ p: AllocationProblem) -> [[Int?]] {
        var out: [[Int?]] = [[]]
        for child in p.children {
            var next: [[Int?]] = []
            for partial in out {
                next.append(partial + [nil])
                for ai in child.applications.indices { next.append(partial + [ai]) }
            }
            out = next
        }
        return out.filter { feasible(p, $0) }
    }

    /// Rank of an outcome for a child: list index, unplaced after every listed setting.
    static func rank(_ ai: Int?) -> Int { ai ?? Int.max }
}

@Suite struct AllocationTests {
    typealias F = AllocationFixture

    @Test func deferredAcceptanceIsStableAndFeasibleOnRandomInstances() {
        var rng = SeededRandom(seed: 20261123)
        for _ in 0..<600 {
            let p = F.random(&rng, children: rng.int(in: 0...8), settings: rng.int(in: 1...4))
            let o = p.deferredAcceptance()
            #expect(F.feasible(p, o.placement), "places exceeded")
            #expect(F.blocking(p, o.placement).isEmpty, "blocking pair in deferred acceptance")
            #expect(p.blockingPairs(o).isEmpty)
        }
    }

    @Test func blockingPairCountAgreesWithBruteForceOnGreedy() {
        var rng = SeededRandom(seed: 7)
        var unstableSeen = 0
        for _ in 0..<600 {
            let p = F.random(&rng, children: rng.int(in: 1...8), settings: rng.int(in: 1...4))
            let g = p.greedyNearest()
            #expect(F.feasible(p, g.placement), "greedy exceeded places")
            let brute = F.blocking(p, g.placement)
            let fast = p.blockingPairs(g)
            #expect(brute.map(\.0) == fast.map(\.child), "children with justified envy differ")
            if !brute.isEmpty { unstableSeen += 1 }
        }
        #expect(unstableSeen > 0, "greedy nearest should be unstable on some instances")
    }

    @Test func greedyLeavesNoChildUnplacedBesideAFreePlace() {
        var rng = SeededRandom(seed: 11)
        for _ in 0..<300 {
            let p = F.random(&rng, children: rng.int(in: 1...8), settings: rng.int(in: 1...4))
            let g = p.greedyNearest()
            for (c, child) in p.children.enumerated() where g.placement[c] == nil {
                for ai in child.applications.indices {
                    var moved = g.placement
                    moved[c] = ai
                    #expect(!F.feasible(p, moved), "greedy left a child unplaced beside a free place")
                }
            }
        }
    }

    @Test func deferredAcceptanceIsChildOptimalAmongStableOutcomes() {
        var rng = SeededRandom(seed: 99)
        var several = 0
        for _ in 0..<250 {
            let p = F.random(&rng, children: rng.int(in: 1...5), settings: rng.int(in: 1...3), unknownShare: 0,
                                tight: rng.chance(0.5))
            let da = p.deferredAcceptance()
            let stable = F.allAssignments(p).filter { F.blocking(p, $0).isEmpty }
            #expect(stable.contains(da.placement))
            if stable.count > 1 { several += 1 }
            for m in stable {
                for c in p.children.indices {
                    #expect(F.rank(da.placement[c]) <= F.rank(m[c]), "a stable outcome is better for child \(c)")
                }
            }
        }
        #expect(several > 0, "some instances should have more than one stable outcome")
    }

    @Test func noChildGainsByMisreportingTheirListOrder() {
        var rng = SeededRandom(seed: 5)
        for _ in 0..<150 {
            let p = F.random(&rng, children: rng.int(in: 2...5), settings: 3)
            let truth = p.deferredAcceptance()
            for c in p.children.indices where p.children[c].applications.count >= 2 {
                let apps = p.children[c].applications
                let trueRank = F.rank(truth.placement[c])
                for perm in permutations(Array(apps.indices)) {
                    for keep in 1...perm.count {
                        var q = p
                        q.children[c].applications = perm.prefix(keep).map { apps[$0] }
                        guard let got = q.deferredAcceptance().placement[c] else { continue }
                        let realIndex = perm[got]
                        #expect(realIndex >= trueRank, "child \(c) did better by misreporting")
                    }
                }
            }
        }
    }

    func permutations(_ a: [Int]) -> [[Int]] {
        guard a.count > 1 else { return [a] }
        return a.indices.flatMap { i -> [[Int]] in
            var rest = a
            let x = rest.remove(at: i)
            return permutations(rest).map { [x] + $0 }
        }
    }

    @Test func addingAPlaceNeverLeavesMoreChildrenUnplacedOrAnyChildWorseOff() {
        var rng = SeededRandom(seed: 42)
        for _ in 0..<400 {
            let p = F.random(&rng, children: rng.int(in: 1...8), settings: rng.int(in: 1...4))
            let before = p.deferredAcceptance()
            var q = p
            let j = rng.below(p.providers.count)
            if rng.chance(0.5) {
                if let s = q.providers[j].specialistPlaces { q.providers[j].specialistPlaces = s + 1 }
                if let need = q.providers[j].specialistPlacesByNeed.keys.sorted().first, rng.chance(0.5) {
                    q.providers[j].specialistPlacesByNeed[need]! += 1
                }
            } else if let g = q.providers[j].generalPlaces {
                q.providers[j].generalPlaces = g + 1
            }
            let after = q.deferredAcceptance()
            #expect(after.placement.filter { $0 == nil }.count <= before.placement.filter { $0 == nil }.count)
            for c in p.children.indices { #expect(F.rank(after.placement[c]) <= F.rank(before.placement[c])) }
        }
    }

    @Test func sameSeedSameResultAndSeedsOnlyMatterForLotteryTies() {
        var rng = SeededRandom(seed: 3)
        var tiesChanged = 0
        for _ in 0..<300 {
            let base = F.random(&rng, children: rng.int(in: 1...8), settings: rng.int(in: 1...3))
            func reseeded(_ seed: UInt64) -> AllocationProblem {
                var q = base
                q.seed = seed
                for c in q.children.indices { q.children[c].lottery = AllocationProblem.lottery(seed: seed, reference: q.children[c].reference) }
                return q
            }
            #expect(reseeded(1).deferredAcceptance() == reseeded(1).deferredAcceptance())
            // Make every (score, distance) pair distinct per setting: then the lottery never decides.
            var distinct = base
            for c in distinct.children.indices {
                for i in distinct.children[c].applications.indices {
                    distinct.children[c].applications[i].milli = Int32(c * 97 + i * 13)
                }
            }
            func reseed(_ p: AllocationProblem, _ seed: UInt64) -> AllocationProblem {
                var q = p
                for c in q.children.indices { q.children[c].lottery = AllocationProblem.lottery(seed: seed, reference: q.children[c].reference) }
                return q
            }
            #expect(reseed(distinct, 1).deferredAcceptance() == reseed(distinct, 2).deferredAcceptance())
            if reseeded(1).deferredAcceptance() != reseeded(2).deferredAcceptance() { tiesChanged += 1 }
        }
        #expect(tiesChanged > 0, "with tied scores and distances, the seed should sometimes decide")
    }

    @Test func lotteryDependsOnSeedAndReferenceNotOrder() {
        #expect(AllocationProblem.lottery(seed: 1, reference: "A") == AllocationProblem.lottery(seed: 1, reference: "A"))
        #expect(AllocationProblem.lottery(seed: 1, reference: "A") != AllocationProblem.lottery(seed: 2, reference: "A"))
        #expect(AllocationProblem.lottery(seed: 1, reference: "A") != AllocationProblem.lottery(seed: 1, reference: "B"))
    }

    /// Worked example (docs/allocation.md): two children want the one place at S0; S0 ranks B higher (score), so
    /// deferred acceptance gives it to B and A goes to S1. Greedy in lottery order lets A (drawn first, S0 nearer)
    /// take it, leaving B unplaced: B has justified envy.
    @Test func workedExample() {
        let providers = [AllocationProblem.Provider(urn: 1, name: "S0", specialistPlaces: 1),
                         AllocationProblem.Provider(urn: 2, name: "S1", specialistPlaces: 1)]
        let a = AllocationProblem.Child(reference: "A", primaryNeed: .ASD, synthetic: true, source: "t", applications: [
            .init(provider: 0, pool: .specialist, listRank: 1, milli: 50_000, distanceKm: 2),
            .init(provider: 1, pool: .specialist, listRank: 2, milli: 40_000, distanceKm: 5)], lottery: 1)
        let b = AllocationProblem.Child(reference: "B", primaryNeed: .ASD, synthetic: true, source: "t", applications: [
            .init(provider: 0, pool: .specialist, listRank: 1, milli: 60_000, distanceKm: 3)], lottery: 2)
        let p = AllocationProblem(providers: providers, children: [a, b], seed: 1, fictionalSettings: true, syntheticChildren: true)
        #expect(p.deferredAcceptance().placement == [1, 0])
        let g = p.greedyNearest()
        #expect(g.placement == [0, nil])
        #expect(p.blockingPairs(g).map(\.child) == [1])
        let r = AllocationReport(p)
        #expect(r.unplacedDA.isEmpty)
        #expect(r.summaries[1].unplaced == 1 && r.summaries[1].justifiedEnvy == 1)
        let s0 = r.settings.first { p.providers[$0.provider].urn == 1 }!
        #expect(s0.firstChoice == 2 && s0.anyChoice == 2 && s0.placedDA == 1 && s0.turnedAway == 1 && s0.places == 1)
    }

    @Test func perNeedPlacesCapEachNeedWithinTheSharedPlaces() {
        // 3 specialist places, at most 1 for SLCN: two SLCN children, two ASD children; SLCN child 0 ranks highest.
        let provider = AllocationProblem.Provider(urn: 1, name: "R", specialistPlaces: 3, specialistPlacesByNeed: [.SLCN: 1])
        func child(_ ref: String, _ need: NeedCode, _ milli: Int32) -> AllocationProblem.Child {
            .init(reference: ref, primaryNeed: need, synthetic: true, source: "t",
                  applications: [.init(provider: 0, pool: .specialist, listRank: 1, milli: milli, distanceKm: 1)], lottery: 0)
        }
        let p = AllocationProblem(providers: [provider], children: [child("S1", .SLCN, 90), child("S2", .SLCN, 80),
                                                                    child("A1", .ASD, 70), child("A2", .ASD, 60)],
                                  seed: 1, fictionalSettings: true, syntheticChildren: true)
        #expect(p.deferredAcceptance().placement == [0, nil, 0, 0])
        #expect(p.greedyNearest().placement.compactMap { $0 }.count == 3)
    }

    @Test func unknownPlacesAreNotCapacityLimitedButReported() {
        let provider = AllocationProblem.Provider(urn: 1, name: "U")
        let kids = (0..<5).map { i in
            AllocationProblem.Child(reference: "K\(i)", primaryNeed: .ASD, synthetic: true, source: "t",
                                    applications: [.init(provider: 0, pool: .general, listRank: 1, milli: 1, distanceKm: nil)], lottery: UInt64(i))
        }
        let p = AllocationProblem(providers: [provider], children: kids, seed: 1, fictionalSettings: true, syntheticChildren: true)
        let r = AllocationReport(p)
        #expect(r.summaries[0].placed == 5 && r.summaries[0].placedOnUnknownCapacity == 5 && r.summaries[0].distanceUnknown == 5)
        #expect(r.summaries[0].meanKm == nil)
        #expect(r.settings[0].places == nil && r.settings[0].fill == nil)
    }

    @Test func zeroPlacesTurnEveryoneAway() {
        let provider = AllocationProblem.Provider(urn: 1, name: "Z", specialistPlaces: 0, generalPlaces: 0)
        let kid = AllocationProblem.Child(reference: "K", primaryNeed: .ASD, synthetic: true, source: "t",
                                          applications: [.init(provider: 0, pool: .specialist, listRank: 1, milli: 1, distanceKm: 1)], lottery: 0)
        let p = AllocationProblem(providers: [provider], children: [kid], seed: 1, fictionalSettings: true, syntheticChildren: true)
        let r = AllocationReport(p)
        #expect(r.unplacedDA == ["K"])
        #expect(r.settings[0].turnedAway == 1 && r.settings[0].firstChoicePerPlace == nil)
    }

    @Test func deferredAcceptanceHandlesALargerCohortQuickly() {
        // 3,000 children, 60 settings: a smoke test of the heaps (no timing asserted).
        var rng = SeededRandom(seed: 8)
        let p = F.random(&rng, children: 3000, settings: 60)
        let o = p.deferredAcceptance()
        #expect(F.feasible(p, o.placement))
        #expect(p.blockingPairs(o).isEmpty)
    }
}

@Suite struct AllocationFromListsTests {
    @Test func placesComeFromTheCatalogueByTheListsRule() throws {
        let settings = [
            MatchFixture.setting(9000106, type: .mainstreamResourced, km: 4, needs: [.ASD, .SLCN], facilities: [.saltOnsite],
                                 places: 20, onRoll: 18, capacity: 1000, pupils: 950),
            MatchFixture.setting(9000101, type: .mainstream, km: 1.5),
            MatchFixture.setting(9000108, type: .special, km: 10, ages: (4, 19), needs: [.ASD, .SLD], places: 120, onRoll: 118),
            MatchFixture.setting(9000102, type: .mainstream, km: 3, capacity: nil),
        ]
        var withByNeed = settings
        withByNeed[0].placesByNeed = [.ASD: 14, .SLCN: 6]
        let engine = MatchFixture.engine(withByNeed)
        var asd = MatchFixture.profile(.ASD)
        asd.reference = "T-ASD"
        var hi = MatchFixture.profile(.HI)
        hi.reference = "T-HI"
        let lists = [MatchFixture.list(engine, asd), MatchFixture.list(engine, hi)]
        let p = try AllocationProblem.from(lists: lists, catalogue: engine.catalogue, seed: 1)
        #expect(p.children.map(\.reference) == ["T-ASD", "T-HI"])
        #expect(p.providers.map(\.urn) == p.providers.map(\.urn).sorted())
        for (c, l) in lists.enumerated() {
            let listed = p.children[c].applications.filter { !$0.fallback }
            #expect(listed.map { p.providers[$0.provider].urn } == l.entries.map(\.setting.urn))
            for (a, e) in zip(listed, l.entries) {
                // The place the allocation counts is the vacancies figure the list showed.
                #expect(p.places(a) == e.vacancies, "urn \(e.setting.urn)")
                #expect(a.milli == e.milli)
            }
        }
        let resourced = p.providers.firstIndex { $0.urn == 9000106 }!
        #expect(p.children[0].applications.first { $0.provider == resourced }?.pool == .specialist)
        #expect(p.children[1].applications.first { $0.provider == resourced }.map { $0.pool } != .specialist)
        #expect(p.providers[resourced].specialistPlaces == 2 && p.providers[resourced].generalPlaces == 50)
        #expect(p.providers[resourced].specialistPlacesByNeed == [.ASD: 14, .SLCN: 6])
        #expect(p.syntheticChildren && p.fictionalSettings)
    }

    // Matching policy R1: a named setting that cannot admit the child is on the list for the family, never a place.
    @Test func aNamedSettingThatCannotAdmitTheChildIsNeverAPlace() throws {
        let cat = Catalogue(settings: [MatchFixture.setting(9000101, type: .mainstream), MatchFixture.setting(9000102, type: .mainstream)])
        let c = ListedChild(reference: "A", primaryNeed: .ASD, synthetic: true, fictionalCatalogue: true, catalogueHash: nil,
                            file: "b.jsonl", line: 1, entries: [.init(rank: 1, urn: 9000101, milli: 1, distanceKm: 1, band: .meetsNeed),
                                                                 .init(rank: 2, urn: 9000102, milli: 9, distanceKm: 1, band: .namedNotAdmitting)])
        let p = try AllocationProblem.from(children: [c], unlisted: [], catalogue: cat, seed: 1)
        #expect(p.children[0].applications.map { p.providers[$0.provider].urn } == [9000101])
    }

    @Test func refusesUnknownSettingsDuplicatesAndMixedChildren() {
        let cat = Catalogue(settings: [MatchFixture.setting(9000101, type: .mainstream)])
        func child(_ ref: String, urn: Int = 9000101, synthetic: Bool = true, line: Int) -> ListedChild {
            ListedChild(reference: ref, primaryNeed: .ASD, synthetic: synthetic, fictionalCatalogue: true, catalogueHash: nil,
                        file: "b.jsonl", line: line, entries: [.init(rank: 1, urn: urn, milli: 1, distanceKm: 1)])
        }
        #expect(throws: ATLError.self) { try AllocationProblem.from(children: [child("A", urn: 42, line: 1)], unlisted: [], catalogue: cat, seed: 1) }
        do {
            _ = try AllocationProblem.from(children: [child("A", line: 1), child("A", line: 2), child("B", synthetic: false, line: 3)],
                                           unlisted: [], catalogue: cat, seed: 1)
            Issue.record("expected errors")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "b.jsonl:2: field 'reference': reference \"A\" appears twice (first at b.jsonl:1); each child needs one record",
                "b.jsonl:3: field 'list.synthetic_child': synthetic and real children cannot be allocated together",
            ])
        }
        var real = child("R", line: 1)
        real.fictionalCatalogue = false
        #expect(throws: ATLError.self) { try AllocationProblem.from(children: [real], unlisted: [], catalogue: cat, seed: 1) }
    }
}

@Suite("Allocation: general places after a full base") struct AllocationFallbackTests {
    static let resourced = MatchFixture.setting(9000106, type: .mainstreamResourced, km: 4, needs: [.ASD], places: 20, onRoll: 19,
                                                capacity: 1000, pupils: 995)

    static func problem(_ setting: Setting, children: Int) throws -> AllocationProblem {
        let listed = (0..<children).map { i in
            ListedChild(reference: "K-\(i)", primaryNeed: .ASD, synthetic: true, fictionalCatalogue: true, catalogueHash: nil,
                        file: "b.jsonl", line: i + 1, entries: [.init(rank: 1, urn: setting.urn, milli: 50_000, distanceKm: 4)])
        }
        return try AllocationProblem.from(children: listed, unlisted: [], catalogue: Catalogue(settings: [setting]), seed: 1)
    }

    /// Tester 2 #3: a child whose need the base is designated for takes a general place when the base is full, so
    /// removing the designation never places more of them.
    @Test func designatedChildTakesAGeneralPlaceWhenTheBaseIsFull() throws {
        let p = try Self.problem(Self.resourced, children: 4)
        #expect(p.children[0].applications.map(\.pool) == [.specialist, .general])
        #expect(p.children[0].settingsListed == 1)
        let o = p.deferredAcceptance()
        let pools = o.placement.enumerated().compactMap { c, ai in ai.map { p.children[c].applications[$0].pool } }
        #expect(pools.filter { $0 == .specialist }.count == 1 && pools.filter { $0 == .general }.count == 3)
        #expect(p.blockingPairs(o).isEmpty)
        let r = AllocationReport(p)
        #expect(r.summaries[0].firstChoice == 4, "a general place at the first setting listed is still the first choice")

        var undesignated = Self.resourced
        undesignated.needs = NeedSet([.HI])
        for n in 1...8 {
            let with = try Self.problem(Self.resourced, children: n), without = try Self.problem(undesignated, children: n)
            let placedWith = with.deferredAcceptance().placement.compactMap { $0 }.count
            let placedWithout = without.deferredAcceptance().placement.compactMap { $0 }.count
            #expect(placedWith >= placedWithout, "\(n) children")
            #expect(with.greedyNearest().placement.compactMap { $0 }.count >= placedWithout)
        }
    }

    @Test func specialSchoolsHaveNoGeneralFallback() throws {
        let special = MatchFixture.setting(9000108, type: .special, km: 10, ages: (4, 19), needs: [.ASD], places: 120, onRoll: 119)
        let p = try Self.problem(special, children: 3)
        #expect(p.children[0].applications.map(\.pool) == [.specialist])
        #expect(p.deferredAcceptance().placement.compactMap { $0 }.count == 1)
    }
}

extension AllocationFallbackTests {
    /// Random problems where some specialist applications are followed by the same school's general places:
    /// deferred acceptance stays feasible, stable (brute force) and best for every child among stable outcomes.
    @Test func fallbackKeepsDeferredAcceptanceStableAndChildOptimal() {
        var rng = SeededRandom(seed: 31)
        for round in 0..<300 {
            var p = AllocationFixture.random(&rng, children: rng.int(in: 1...5), settings: rng.int(in: 1...3), unknownShare: 0.1,
                                             tight: rng.chance(0.5))
            for c in p.children.indices {
                var apps: [AllocationProblem.Application] = []
                for a in p.children[c].applications {
                    apps.append(a)
                    if a.pool == .specialist && rng.chance(0.6) {
                        var g = a
                        g.pool = .general
                        g.fallback = true
                        apps.append(g)
                    }
                }
                p.children[c].applications = apps
            }
            let da = p.deferredAcceptance()
            #expect(AllocationFixture.feasible(p, da.placement), "round \(round)")
            #expect(AllocationFixture.blocking(p, da.placement).isEmpty && p.blockingPairs(da).isEmpty, "round \(round)")
            let stable = AllocationFixture.allAssignments(p).filter { AllocationFixture.blocking(p, $0).isEmpty }
            for m in stable {
                for c in p.children.indices { #expect(AllocationFixture.rank(da.placement[c]) <= AllocationFixture.rank(m[c])) }
            }
        }
    }
}
