import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
@testable import ATLSynthetic
@testable import ATLPlanning
import Testing

/// The long-journey fallback and the nearest-mainstream search go outward from home in doubling rings instead of
/// evaluating every located setting for each child. These tests compare the two ways (`exhaustive: true` is the
/// old single pass) on real inputs: the example LA and a synthetic national slice, for many children and short,
/// default and long maximum journeys, so the fallback, the nearest-maintained rule and the far notes all occur.
/// Each list is also checked for the other fast paths: quotes from ``ReportSplits`` against quotes found from the
/// report text, and the list written straight to bytes against the `JSON` value tree serialised.
@Suite struct OutwardSearchEquivalenceTests {
    /// About 2,500 schools scattered over Great Britain in clusters (towns) with sparse countryside between, made
    /// national by ``NationalSynthesis`` (types, needs, reports invented; deterministic).
    static let nationalSlice: Catalogue = {
        var rng = SeededRandom(seed: 16)
        var schools: [Setting] = []
        let phases: [Phase] = [.primary, .secondary, .notApplicable, .primary, .nursery, .sixteenPlus]
        for town in 0..<60 {
            let e = 150_000 + rng.below(450_000), n = 30_000 + rng.below(1_000_000)
            for k in 0..<(10 + rng.below(60)) {
                let point = GridPoint(easting: min(700_000, max(0, e + Int(rng.normal(mean: 0, sd: 4000)))),
                                      northing: min(1_300_000, max(0, n + Int(rng.normal(mean: 0, sd: 4000)))))
                schools.append(Setting(urn: 200_000 + 100 * town + k, name: "School \(town)-\(k)", type: .unknown,
                                       phase: phases[rng.below(phases.count)], location: point))
            }
        }
        for k in 0..<200 {
            schools.append(Setting(urn: 300_000 + k, name: "Rural \(k)", type: .unknown, phase: phases[rng.below(phases.count)],
                                   location: GridPoint(easting: 100_000 + rng.below(550_000), northing: 20_000 + rng.below(1_100_000))))
        }
        return Catalogue(settings: NationalSynthesis.synthesise(schools, seed: 5, threads: 2))
    }()

    static let exampleLA: Catalogue = try! CatalogueLoader.load(root: Repository.path("provision-catalogue/example-la")).catalogue

    /// Compares outward and exhaustive answers for `children` children of a cohort on `catalogue`; returns how
    /// many children needed a fallback (so a test can show the fallback was exercised).
    static func compare(_ catalogue: Catalogue, children: Int, seed: UInt64) throws -> (fallbacks: Int, nearest: Int, quoted: Int) {
        let engine = MatchingEngine(catalogue: catalogue, engineVersion: "test")
        let cohort = NationalCohort(seed: seed, catalogue: catalogue)
        var fallbacks = 0, nearest = 0, quoted = 0
        let journeys: [Double?] = [nil, 1, 3, 8, 15, 40, 120]
        for j in 0..<children {
            var p = cohort.child(j)
            p.maxJourneyKm = journeys[j % journeys.count]
            let home = try engine.resolveHome(p, file: p.reference)
            let q = engine.query(p, home: home)
            let r = engine.score(q, threads: 1)
            let named = Set(r.top.prefix(j % 3).map(\.urn))
            let removed: Set<Int32> = j % 5 == 0 ? Set(r.top.suffix(2).map(\.urn)) : []
            let fast = engine.longJourneyFallback(q, within: r.top, named: named, removed: removed)
            let slow = engine.longJourneyFallback(q, within: r.top, named: named, removed: removed, exhaustive: true)
            #expect(fast.pinned.map(\.candidate) == slow.pinned.map(\.candidate), "\(p.reference)")
            #expect(fast.pinned.map(\.inclusion) == slow.pinned.map(\.inclusion), "\(p.reference)")
            #expect(fast.notes == slow.notes, "\(p.reference)")
            if !slow.pinned.isEmpty || !slow.notes.isEmpty { fallbacks += 1 }
            let a = engine.nearestMainstream(q), b = engine.nearestMainstream(q, exhaustive: true)
            #expect(a?.0.urn == b?.0.urn && a?.1 == b?.1, "\(p.reference)")
            if b != nil { nearest += 1 }
            // The whole list, written straight to bytes, against the JSON value tree serialised.
            let list = engine.compose(p, home: home, query: q, result: r, profileHash: "h", date: "2026-11-23")
            // Quotes from the engine's report splits (by position) against quotes found from the setting's text.
            for e in list.entries {
                let i = try #require(engine.position(ofURN: e.setting.urn))
                let d = EntryExplainer.explain(position: i, setting: e.setting, query: q, index: engine.index, profile: p,
                                               matrixMinutes: nil, runDate: "2026-11-23")
                #expect(d.quotes == e.quotes, "\(p.reference) URN \(e.setting.urn)")
                if !e.quotes.isEmpty { quoted += 1 }
            }
            // The batch record, written straight to bytes, against its value tree serialised compactly.
            let row = CohortRow(row: j + 1, file: "cohort \"é\".csv", line: j + 2, reference: j % 4 == 0 ? nil : p.reference,
                                profile: .success((p, hash: "h")))
            let item = BatchItem(row: row, list: list, errors: [])
            #expect(BatchRecordFormat.record(item) == BatchRecordFormat.value(item).serialized() + "\n", "\(p.reference)")
            #expect(ListJSON.renderBytes(list) == Array((ListJSON.value(list).serialized(pretty: true) + "\n").utf8), "\(p.reference)")
        }
        return (fallbacks, nearest, quoted)
    }

    @Test func nationalSliceOutwardEqualsExhaustive() throws {
        let n = try Self.compare(Self.nationalSlice, children: 700, seed: 3)
        #expect(n.fallbacks > 50 && n.nearest > 300 && n.quoted > 1000)
    }

    @Test func exampleLAOutwardEqualsExhaustive() throws {
        let n = try Self.compare(Self.exampleLA, children: 300, seed: 9)
        #expect(n.fallbacks > 20 && n.nearest > 100)
    }

    /// Error records (no list): the writer against the value tree, with awkward messages.
    @Test func errorRecordsWrittenAsBefore() {
        let messages = ["plain", "quote \" and \\ backslash", "tab\tnew\nline \u{1}", "é — “x”", ""]
        for (k, m) in messages.enumerated() {
            let row = CohortRow(row: k, file: "c.csv", line: k + 1, reference: k % 2 == 0 ? "R\(k)" : nil,
                                profile: .failure(ATLError(code: "profile.bad", file: "c.csv", m)))
            let errors = (0..<k).map { i in Diagnostic(code: "profile.bad", file: "c.csv", line: i % 2 == 0 ? i : nil, field: i % 3 == 0 ? nil : "home", m) }
            let item = BatchItem(row: row, list: nil, errors: errors)
            #expect(BatchRecordFormat.record(item) == BatchRecordFormat.value(item).serialized() + "\n")
        }
    }

    /// A home on the far edge of the grid and a catalogue with one school: the rings grow to the complete pass.
    @Test func farHomeReachesTheCompletePass() throws {
        let c = Catalogue(settings: NationalSynthesis.synthesise([
            Setting(urn: 400_001, name: "Far", type: .unknown, phase: .notApplicable, location: GridPoint(easting: 650_000, northing: 1_200_000)),
            Setting(urn: 400_002, name: "Near", type: .unknown, phase: .notApplicable, location: GridPoint(easting: 10_000, northing: 10_000)),
        ], seed: 1, threads: 1))
        let engine = MatchingEngine(catalogue: c, engineVersion: "test")
        for j in 0..<40 {
            var p = NationalCohort(seed: 2, catalogue: c).child(j)
            p.home = .grid(GridPoint(easting: j % 2 == 0 ? 0 : 700_000, northing: j % 3 == 0 ? 0 : 1_300_000))
            let q = engine.query(p, home: try engine.resolveHome(p, file: "x"))
            let r = engine.score(q, threads: 1)
            let fast = engine.longJourneyFallback(q, within: r.top, named: [])
            let slow = engine.longJourneyFallback(q, within: r.top, named: [], exhaustive: true)
            #expect(fast.pinned.map(\.candidate) == slow.pinned.map(\.candidate) && fast.notes == slow.notes)
            #expect(engine.nearestMainstream(q)?.0.urn == engine.nearestMainstream(q, exhaustive: true)?.0.urn)
        }
    }
}
