import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
import Testing

/// The pair loop (``Scorer``) decides "beyond the maximum journey" on the squared straight-line distance, without
/// a square root (``CompiledQuery/beyondJourneySquared``), before it evaluates a pair. These tests hold it to the
/// exact rule: the same settings are excluded on the journey as when the distance is measured.
@Suite struct JourneyShortcutTests {
    typealias F = MatchFixture

    @Test func noBoundWhenNoneIsSafe() {
        for (maxKm, circuity) in [(0.0, 1.3), (-5, 1.3), (.infinity, 1.3), (.nan, 1.3), (20, 0), (20, -1), (20, .nan), (1e300, 1e-300)] {
            #expect(CompiledQuery.beyondJourneySquared(maxKm: maxKm, circuity: circuity) == .infinity,
                    "maxKm \(maxKm), circuity \(circuity)")
        }
        let bound = CompiledQuery.beyondJourneySquared(maxKm: 13, circuity: 1.3)
        #expect(bound > 10_000 * 10_000 && bound < 10_000 * 10_000 * 1.000001)
    }

    /// The journey rule as the explanation measures it (every rule checked, distance always computed).
    func measuredBeyond(_ e: MatchingEngine, _ urn: Int, _ p: NeedsProfile) -> Bool {
        F.evaluate(urn, in: e, p).0.excluded & EligibilityRule.journey.bit != 0
    }

    /// The journey rule as the pair loop decides it: the one setting of `e`, scanned without the grid's pruning,
    /// counted as excluded on the journey.
    func loopBeyond(_ e: MatchingEngine, _ urn: Int, _ p: NeedsProfile) -> Bool {
        #expect(e.index.count == 1 && e.position(ofURN: urn) == 0)
        let q = e.query(p, home: try! e.resolveHome(p, file: "t"))
        let r = Scorer.score(q, index: e.index, keepPerType: 1, prune: false)
        return r.excludedByRule[EligibilityRule.journey.rawValue] == 1
    }

    @Test func shortcutAgreesWithTheMeasuredDistanceAtTheBoundary() {
        // Settings a whole number of metres east of home; the maximum journey set exactly at the setting's road
        // distance and one step either side of it, where rounding in a squared comparison would first show.
        var rng = SeededRandom(seed: 16)
        var metres: [Int] = [1, 7, 999, 1000, 1001, 9_999, 10_000, 12_345, 99_999, 250_000]
        for _ in 0..<150 { metres.append(Int(rng.next() % 300_000) + 1) }
        for m in metres {
            let s = F.setting(9_000_001, type: .mainstream, km: Double(m) / 1000)
            let e = F.engine([s])
            let road = Double(m) * e.weights.circuity / 1000
            for maxKm in [road, road.nextUp, road.nextDown, road * (1 + 1e-12), road * (1 - 1e-12), road * 1.01, road * 0.99] {
                let p = F.profile(maxKm: maxKm)
                #expect(loopBeyond(e, s.urn, p) == measuredBeyond(e, s.urn, p), "\(m) m, maximum \(maxKm) km")
            }
        }
    }

    @Test func aSettingSurelyBeyondIsExcludedOnTheJourneyAloneAndStillMeasuredWhenEvaluated() {
        let s = F.setting(9_000_001, type: .mainstream, km: 40)
        let e = F.engine([s])
        let p = F.profile(maxKm: 20)
        let q = e.query(p, home: try! e.resolveHome(p, file: "t"))
        let scan = Scorer.score(q, index: e.index, keepPerType: 1, prune: false)
        #expect(scan.eligible == 0 && scan.scanned == 1 && scan.excludedByRule[EligibilityRule.journey.rawValue] == 1
                && scan.excludedByRule.reduce(0, +) == 1)
        var sink = TotalSink()
        let loop = PairEvaluator.evaluate(e.position(ofURN: s.urn)!, q, e.index, sink: &sink)
        #expect(loop.beyondJourney && loop.excluded == EligibilityRule.journey.bit && abs(loop.distanceKm - 40 * e.weights.circuity) < 1e-9)
        let full = F.evaluate(s.urn, in: e, p).0
        #expect(full.beyondJourney && abs(full.distanceKm - 40 * e.weights.circuity) < 1e-9)
        let fallback = PairEvaluator.evaluate(e.position(ofURN: s.urn)!, q, e.index, sink: &sink, journeyIsARule: false)
        #expect(fallback.beyondJourney && fallback.excluded == 0 && !fallback.distanceKm.isNaN)
    }

    @Test func everyPairScanMatchesThePrunedScan() {
        let e = F.engine(F.mixed)
        for maxKm in [0.5, 2, 4.5, 13, 20, 39, 100] {
            let p = F.profile(maxKm: maxKm)
            let q = e.query(p, home: try! e.resolveHome(p, file: "t"))
            let all = Scorer.score(q, index: e.index, keepPerType: 10, prune: false)
            let pruned = Scorer.score(q, index: e.index, keepPerType: 10, prune: true)
            #expect(all.top.map(\.urn) == pruned.top.map(\.urn) && all.top.map(\.total) == pruned.top.map(\.total))
            #expect(all.eligible == pruned.eligible && all.excludedByRule == pruned.excludedByRule, "maximum \(maxKm) km")
        }
    }
}
