import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
import Testing

@Suite struct ScoringTests {
    typealias F = MatchFixture

    func total(_ s: Setting, _ p: NeedsProfile, weights: Weights = .defaults) -> Int32 {
        F.evaluate(s.urn, in: F.engine([s], weights: weights), p).1.total
    }

    // MARK: monotonicity

    @Test func shorterDistanceNeverLowersScore() {
        var last = Int32.max
        for tenth in stride(from: 0, through: 150, by: 3) {
            let t = total(F.setting(9000001, type: .mainstream, km: Double(tenth) / 10), F.profile(maxKm: 30))
            #expect(t <= last, "at \(Double(tenth) / 10) km")
            last = t
        }
        // The travel credit function itself, densely.
        let w = Weights.defaults
        var prev = 2.0
        for m in 0...30_000 {
            let c = PairEvaluator.travelCredit(km: Double(m) / 1000, walkingKm: 4.83, maxKm: 30, w: w)
            #expect(c <= prev)
            prev = c
        }
    }

    @Test func moreVacanciesNeverLowerScore() {
        var last = Int32.min
        for onRoll in stride(from: 20, through: 0, by: -1) {
            let t = total(F.setting(9000001, type: .special, needs: [.ASD], places: 20, onRoll: onRoll), F.profile())
            #expect(t >= last)
            last = t
        }
        var lastGeneral = Int32.min
        for pupils in stride(from: 1000, through: 990, by: -1) {
            let t = total(F.setting(9000002, type: .mainstream, capacity: 1000, pupils: pupils), F.profile())
            #expect(t >= lastGeneral)
            lastGeneral = t
        }
    }

    @Test func betterNeedMatchNeverLowersScore() {
        let p = F.profile(.ASD, secondary: [.init(.SLCN, .moderate)])
        let none = total(F.setting(9000001, type: .mainstreamResourced, needs: [.HI]), p)
        let secondaryOnly = total(F.setting(9000001, type: .mainstreamResourced, needs: [.SLCN]), p)
        let primary = total(F.setting(9000001, type: .mainstreamResourced, needs: [.ASD]), p)
        let both = total(F.setting(9000001, type: .mainstreamResourced, needs: [.ASD, .SLCN]), p)
        #expect(none <= secondaryOnly)
        #expect(secondaryOnly <= both)
        #expect(none <= primary)
        #expect(primary <= both)
        #expect(none < both)
    }

    @Test func specialistPlacesWeighMoreThanGeneralMainstream() {
        let p = F.profile(.ASD, severity: .moderate)
        let general = F.evaluate(9000001, in: F.engine([F.setting(9000001, type: .mainstream)]), p).1
        let designated = F.evaluate(9000001, in: F.engine([F.setting(9000001, type: .mainstreamResourced, needs: [.ASD])]), p).1
        let g = general.leaves.first { $0.0 == .needPrimary }!.1
        let d = designated.leaves.first { $0.0 == .needPrimary }!.1
        #expect(d > g)
        #expect(g == 21_000, "moderate need at mainstream: 0.75 × 28 points")
        #expect(d == 28_000)
    }

    @Test func primaryNeedWeighsMoreThanSecondary() {
        let p = F.profile(.ASD, secondary: [.init(.SLCN, .moderate)])
        let primaryOnly = total(F.setting(9000001, type: .special, needs: [.ASD]), p)
        let p2 = F.profile(.SLCN, secondary: [.init(.ASD, .moderate)])
        let secondaryOnly = total(F.setting(9000001, type: .special, needs: [.ASD, .SLCN]), p2)
            - total(F.setting(9000001, type: .special, needs: [.SLCN]), p2)
        #expect(primaryOnly > secondaryOnly)
    }

    @Test func unknownIsNeverScoredAsAMatch() {
        let p = F.profile(.ASD, mustHave: [.saltOnsite], desirable: [.sensoryRoom])
        let unknownNeeds = F.evaluate(9000001, in: F.engine([F.setting(9000001, type: .special, needs: nil, facilities: nil)]), p).1
        #expect(unknownNeeds.leaves.first { $0.0 == .needPrimary }!.1 == 0)
        #expect(unknownNeeds.leaves.first { $0.0 == .facility(.sensoryRoom) }!.1 == 0)
        let unknownType = F.evaluate(9000002, in: F.engine([F.setting(9000002, type: .unknown, needs: nil, facilities: nil)]), p).1
        #expect(unknownType.leaves.first { $0.0 == .needPrimary }!.1 == 0)
        let noReport = unknownType.leaves.filter { if case .evidence = $0.0 { true } else { false } }
        #expect(noReport.allSatisfy { $0.1 == 0 }, "no report text earns no evidence")
    }

    // MARK: explanations

    // Policy R3/R12: "mainstream first" is about mainstream schools in law (Children and Families Act 2014 s83):
    // a fee-paying independent school is not one.
    @Test func mainstreamFirstNeverRewardsAnIndependentSchool() {
        let p = F.profile(.SPLD, allowed: [.mainstream, .independent], mainstreamFirst: true)
        func bonus(_ s: Setting) -> Int32? {
            F.evaluate(s.urn, in: F.engine([s]), p).1.leaves.first { $0.0 == .preferenceMainstreamFirst }?.1
        }
        #expect(bonus(F.setting(9000001, type: .independent)) == 0)
        #expect(bonus(F.setting(9000002, type: .mainstream)) == 2000)
        #expect(bonus(F.setting(9000003, type: .mainstreamResourced, needs: [.HI])) == 2000)
    }

    /// On settings with report text, so the evidence leaves are not all zero (RankingPropertyTests checks every
    /// eligible setting of the example LA).
    @Test func explanationsAddUpToScores() {
        let withReports = F.mixed.enumerated().map { i, s -> Setting in
            var s = s
            let sentences = ["We provide for autistic pupils and for speech, language and communication needs.",
                             "Our hearing impaired pupils are taught by a qualified teacher of the deaf; we sign.",
                             "Counselling and a nurture group support social, emotional and mental health."]
            s.report = [.kindsOfSEN: sentences[i % 3] + " " + sentences[(i + 1) % 3]]
            return s
        }
        let e = F.engine(withReports)
        for p in [F.profile(), F.profile(.SEMH, secondary: [.init(.SLCN, .mild)], desirable: [.counselling], faith: "church"),
                  F.profile(.HI, mustHave: [.signing], mainstreamFirst: true)] {
            let l = F.list(e, p)
            #expect(!l.entries.isEmpty)
            #expect(l.entries.contains { $0.explanation.details.first { $0.key == "evidence" }.map { $0.milli > 0 } ?? false },
                    "some evidence is scored, so its leaves are summed too")
            for entry in l.entries {
                #expect(entry.explanation.isConsistent)
                #expect(entry.explanation.milli == entry.milli)
                #expect(entry.explanation.details.map(\.key).allSatisfy { ScoreComponent(rawValue: $0) != nil })
            }
        }
    }

    @Test func leafKeysAreStableAndUnique() {
        let e = F.engine(F.mixed)
        let l = F.list(e, F.profile(.ASD, secondary: [.init(.SLCN, .moderate), .init(.SEMH, .mild)], desirable: [.sensoryRoom, .quietSpace]))
        for entry in l.entries {
            let keys = entry.explanation.details.flatMap { $0.details.map(\.key) }
            #expect(Set(keys).count == keys.count)
            #expect(keys.contains("need.primary") && keys.contains("need.secondary.SLCN") && keys.contains("travel.distance"))
        }
    }

    // MARK: determinism

    @Test func shufflingTheCatalogueGivesTheSameList() {
        let p = F.profile(.ASD, desirable: [.sensoryRoom])
        let base = F.list(F.engine(F.mixed), p)
        var rng = SeededRandom(seed: 7)
        for _ in 0..<5 {
            var shuffled = F.mixed
            rng.shuffle(&shuffled)
            let l = F.list(F.engine(shuffled), p)
            #expect(l.entries.map(\.setting.urn) == base.entries.map(\.setting.urn))
            #expect(l.entries.map(\.milli) == base.entries.map(\.milli))
            #expect(l.stamp == base.stamp)
        }
    }

    @Test func threadCountDoesNotChangeResults() {
        // A catalogue big enough to be split into chunks.
        var settings: [Setting] = []
        var rng = SeededRandom(seed: 3)
        for i in 0..<9000 {
            let type = rng.pick([SettingType.mainstream, .mainstreamResourced, .special, .independentSpecial])
            settings.append(F.setting(9_100_000 + i, type: type, km: rng.unit() * 25,
                                      needs: type == .mainstream ? nil : [rng.pick([NeedCode.ASD, .SEMH, .SLCN])],
                                      places: 20, onRoll: rng.int(in: 10...20)))
        }
        let e = F.engine(settings)
        let p = F.profile(.ASD)
        let home = try! e.resolveHome(p, file: "t")
        let q = e.query(p, home: home)
        let one = Scorer.score(q, index: e.index, keepPerType: 10, threads: 1)
        let two = Scorer.score(q, index: e.index, keepPerType: 10, threads: 2)
        let unpruned = Scorer.score(q, index: e.index, keepPerType: 10, threads: 2, prune: false)
        #expect(one.top == two.top)
        #expect(one.top == unpruned.top, "spatial pruning never loses an eligible setting")
        #expect(one.eligible == two.eligible && one.eligible == unpruned.eligible)
        #expect(one.excludedByRule == two.excludedByRule)
        #expect(one.eligible + one.excludedByRule.reduce(0, +) == settings.count, "every setting is accounted for")
    }

    @Test func tiesBreakOnURN() {
        let a = F.setting(9000002, type: .mainstream, km: 2)
        let b = F.setting(9000001, type: .mainstream, km: 2)
        let l = F.list(F.engine([a, b]), F.profile())
        #expect(l.entries.map(\.setting.urn) == [9000001, 9000002])
        #expect(l.entries[0].milli == l.entries[1].milli)
    }
}

@Suite struct TopKTests {
    @Test func equalsFullSortOnRandomInput() {
        var rng = SeededRandom(seed: 11)
        for trial in 0..<50 {
            let n = rng.int(in: 0...300), k = rng.int(in: 1...40)
            var all: [Candidate] = []
            for i in 0..<n { all.append(Candidate(order: UInt8(rng.int(in: 0...3)), total: Int32(rng.int(in: 0...50)), urn: Int32(100_000 + rng.below(1000) * 1000 + i), position: Int32(i))) }
            var top = TopK(capacity: k)
            for c in all { top.insert(c) }
            let expected = Array(all.sorted { $0.ranksAbove($1) }.prefix(k))
            #expect(top.sorted() == expected, "trial \(trial)")
            // Merging two halves gives the same answer.
            var a = TopK(capacity: k), b = TopK(capacity: k)
            for (i, c) in all.enumerated() { if i % 2 == 0 { a.insert(c) } else { b.insert(c) } }
            a.merge(b)
            #expect(a.sorted() == expected)
        }
    }
}
