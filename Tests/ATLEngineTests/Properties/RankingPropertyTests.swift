import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
import Foundation
import Testing

/// Properties of the ranking that hold whatever the matching policy's details (they are kept by the policy
/// redesign, /work/policy/policy-design.md: travel and vacancy credits monotone, must-haves as hard rules,
/// designation earning more of the need points, explanations adding up to the score), checked on the example
/// LA (194 fictional settings with full SEN information reports, the six example profiles) and on seeded random
/// catalogues with report text.
@Suite struct RankingPropertyTests {
    typealias F = MatchFixture

    // MARK: Fixtures

    /// The example LA's settings, loaded once.
    static let example: [Setting] = loadCatalogue(root: Repository.path("provision-catalogue/example-la")).catalogue?.settings ?? []
    /// The shipped postcode lookup (the example profiles' homes are real postcodes).
    static let postcodes: PostcodeLookup? = try? PostcodeLookup.load(path: Repository.path("provision-catalogue/geography/postcodes-west-midlands.txt"))
    static let profiles: [NeedsProfile] = ["asd-slcn-year7", "hi-signing-year3", "pmld-hoist-physio-year7", "post16-mld-year12", "semh-year9-move"]
        .compactMap { try? ProfileParser.load(path: Repository.path("examples/\($0).profile"), academicYear: 2026) }

    static func engine(_ settings: [Setting], matrix: TravelMatrix? = nil) -> MatchingEngine {
        MatchingEngine(catalogue: Catalogue(settings: settings), postcodes: postcodes ?? TestPostcodes.lookup, matrix: matrix, engineVersion: "test")
    }

    static let sentences: [String] = [
        "We provide for autistic pupils with visual timetables, sensory breaks and predictable routines.",
        "Our speech and language therapist works on site; we use Makaton and symbols across the school.",
        "A qualified teacher of the deaf leads our hearing support; staff sign and we use radio aids.",
        "Counselling and a nurture group support pupils' social, emotional and mental health.",
        "Physiotherapy and occupational therapy are delivered on site; we have a hoist and changing places.",
        "Pupils with moderate and severe learning difficulties learn in small classes with high staffing.",
        "Our library and playground are open every day.",
    ]

    /// A seeded random catalogue around MatchFixture's home, every setting with some report text.
    static func randomCatalogue(seed: UInt64, count: Int = 60) -> [Setting] {
        var rng = SeededRandom(seed: seed)
        let types: [SettingType] = [.mainstream, .mainstreamResourced, .special, .independentSpecial, .nonMaintainedSpecial, .post16]
        return (0..<count).map { i -> Setting in
            let type = rng.pick(types)
            let needs: [NeedCode]? = type == .mainstream ? nil : (0..<rng.int(in: 1...3)).map { _ in rng.pick([NeedCode.ASD, .SLCN, .SEMH, .HI, .MLD, .SLD, .PD]) }
            let lo = rng.pick([4, 7, 11, 16]), hi = min(25, lo + rng.pick([3, 5, 8, 14]))
            var s = F.setting(9_200_000 + i, type: type, km: rng.unit() * 35, ages: (lo, hi), needs: needs.map { Array(Set($0)).sorted { $0.rawValue < $1.rawValue } },
                              facilities: rng.chance(0.2) ? nil : (0..<rng.int(in: 0...4)).map { _ in rng.pick(Facility.allCases) },
                              places: type == .mainstream ? nil : rng.int(in: 5...60), onRoll: type == .mainstream ? nil : rng.int(in: 0...60),
                              capacity: rng.int(in: 100...1500), pupils: rng.int(in: 90...1500),
                              ofsted: rng.pick([OfstedJudgement.outstanding, .good, .requiresImprovement, .inadequate]))
            if let places = s.specialistPlaces, let roll = s.specialistOnRoll, roll > places { s.specialistOnRoll = places }
            if let c = s.capacity, let r = s.onRoll, r > c { s.onRoll = c }
            s.location = GridPoint(easting: F.home.easting + Int((rng.unit() - 0.5) * 60_000), northing: F.home.northing + Int((rng.unit() - 0.5) * 60_000))
            s.report = [.kindsOfSEN: (0..<rng.int(in: 1...3)).map { _ in rng.pick(sentences) }.joined(separator: " ")]
            return s
        }
    }

    static func randomProfile(_ rng: inout SeededRandom) -> NeedsProfile {
        var p = F.profile(rng.pick([NeedCode.ASD, .SLCN, .SEMH, .HI, .MLD]), severity: rng.pick(Severity.allCases),
                          secondary: rng.chance(0.5) ? [.init(.SLCN, .mild)] : [],
                          mustHave: rng.chance(0.3) ? [rng.pick([Facility.saltOnsite, .hoist, .signing])] : [],
                          desirable: rng.chance(0.5) ? [rng.pick([Facility.sensoryRoom, .quietSpace, .counselling])] : [],
                          year: rng.pick([1, 7, 12]), maxKm: rng.pick([10, 20, 30]))
        if p.secondaryNeeds.first?.code == p.primaryNeed { p.secondaryNeeds = [] }
        return p
    }

    // MARK: Helpers

    /// The pair loop's verdict on every setting: URN → total (thousandths) for the eligible ones.
    static func eligible(_ e: MatchingEngine, _ p: NeedsProfile) -> [Int: Int32] {
        guard let home = try? e.resolveHome(p, file: "p") else { return [:] }
        let q = e.query(p, home: home)
        var out: [Int: Int32] = [:]
        for i in 0..<e.index.count {
            var sink = TotalSink()
            let o = PairEvaluator.evaluate(i, q, e.index, sink: &sink)
            if o.excluded == 0 { out[Int(e.index.urn[i])] = sink.total }
        }
        return out
    }

    /// The score of one setting for a profile in a catalogue (nil when not eligible).
    static func score(_ urn: Int, _ settings: [Setting], _ p: NeedsProfile) -> Int32? {
        eligible(engine(settings), p)[urn]
    }

    // MARK: Properties

    /// Moving a setting closer to home never lowers its score, and more vacancies never lower it.
    @Test func shorterJourneyOrMoreVacanciesNeverLowerAScore() {
        var checked = 0
        var rng = SeededRandom(seed: 5)
        for seed in 1...4 {
            let settings = Self.randomCatalogue(seed: UInt64(seed), count: 30)
            for _ in 0..<4 {
                let p = Self.randomProfile(&rng)
                for (urn, before) in Self.eligible(Self.engine(settings), p).sorted(by: { $0.key < $1.key }).prefix(6) {
                    let k = settings.firstIndex { $0.urn == urn }!
                    var closer = settings
                    let s = settings[k], home = F.home
                    closer[k].location = GridPoint(easting: home.easting + (s.location!.easting - home.easting) / 2,
                                                   northing: home.northing + (s.location!.northing - home.northing) / 2)
                    let after = Self.score(urn, closer, p)
                    #expect(after != nil && after! >= before, "URN \(urn) moved halfway home: \(before) → \(after.map(String.init) ?? "not eligible")")
                    var emptier = settings
                    if let roll = s.specialistOnRoll, roll > 0 { emptier[k].specialistOnRoll = roll - 1 }
                    if let roll = s.onRoll, roll > 0 { emptier[k].onRoll = roll - 1 }
                    let more = Self.score(urn, emptier, p)
                    #expect(more != nil && more! >= before, "URN \(urn) with one more vacancy: \(before) → \(more.map(String.init) ?? "not eligible")")
                    checked += 2
                }
            }
        }
        #expect(checked > 50)
    }

    /// Adding a must-have never adds a setting: the eligible settings shrink or stay, and every setting listed
    /// with it was eligible without it at some distance (the long-journey fallback) or named by the family. On the example LA and on random catalogues.
    @Test func addingAMustHaveNeverAddsASetting() throws {
        let catalogues = [Self.example] + (1...3).map { Self.randomCatalogue(seed: UInt64(100 + $0)) }
        var checked = 0
        for settings in catalogues {
            let e = Self.engine(settings)
            for base in Self.profiles + [F.profile(), F.profile(.SEMH), F.profile(.HI, severity: .severe)] {
                let before = Set(Self.eligible(e, base).keys)
                for f in [Facility.saltOnsite, .hoist, .signing, .sensoryRoom, .counselling] where !base.mustHave.contains(f) {
                    var p = base
                    p.mustHave.insert(FacilitySet(f))
                    p.desirable = FacilitySet(p.desirable.facilities.filter { $0 != f })
                    let after = Set(Self.eligible(e, p).keys)
                    #expect(after.isSubset(of: before), "\(p.reference) + must-have \(f.rawValue): \(after.subtracting(before).sorted()) became eligible")
                    // The list may reach beyond the maximum journey (the long-journey fallback, policy R2) and
                    // always holds the settings the family named (R1); nothing else may join it.
                    var anywhere = base
                    anywhere.maxJourneyKm = 10_000
                    let allowed = Set(Self.eligible(e, anywhere).keys).union(base.preferredSettings)
                    let listed = try e.advisoryList(for: p, file: "p", profileHash: "h", date: "2026-11-23", threads: 1).entries.map(\.setting.urn)
                    #expect(Set(listed).isSubset(of: allowed), "listed without being eligible before at any distance: \(Set(listed).subtracting(allowed).sorted())")
                    checked += 1
                }
            }
        }
        print("must-have property: \(checked) profile × facility pairs on \(catalogues.count) catalogues")
    }

    /// A setting designated for the primary need outranks an otherwise identical one that is not: it is
    /// eligible whenever the other is, scores more, and lists above it.
    @Test func aDesignatedSettingOutranksAnIdenticalOneThatIsNot() throws {
        var rng = SeededRandom(seed: 9)
        var checked = 0
        for seed in 1...3 {
            var settings = Self.randomCatalogue(seed: UInt64(200 + seed), count: 40)
            for _ in 0..<6 {
                let p = Self.randomProfile(&rng)
                for type in [SettingType.mainstreamResourced, .special] {
                    var twin = F.setting(9_299_000 + checked * 2, type: type, km: 3, ages: (2, 19), needs: [p.primaryNeed == .HI ? .VI : .HI],
                                         facilities: [], places: 20, onRoll: 10)
                    twin.report = [.kindsOfSEN: rng.pick(Self.sentences)]
                    var designated = twin
                    designated.urn += 1
                    designated.needs = NeedSet([p.primaryNeed, p.primaryNeed == .HI ? .VI : .HI])
                    let all = settings + [twin, designated]
                    let scores = Self.eligible(Self.engine(all), p)
                    if scores[twin.urn] != nil {
                        #expect(scores[designated.urn] != nil, "the designated twin is eligible when the other is")
                    }
                    if let d = scores[designated.urn], let o = scores[twin.urn] {
                        #expect(d > o, "\(type): designated \(d) vs not \(o)")
                    }
                    let list = try Self.engine(all).advisoryList(for: p, file: "p", profileHash: "h", date: "2026-11-23", threads: 1).entries.map(\.setting.urn)
                    if let o = list.firstIndex(of: twin.urn) {
                        let d = try #require(list.firstIndex(of: designated.urn), "the designated twin is listed when the other is")
                        #expect(d < o, "\(type): the designated twin lists above the other")
                    }
                    checked += 1
                }
            }
            settings.removeAll()
        }
        #expect(checked == 36)
    }

    /// The explanation of every eligible setting of every example profile, on the example LA (full report
    /// text, so evidence leaves count), adds up exactly to the score the pair loop computed; and on random
    /// catalogues with report text.
    @Test func explanationTotalsEqualThePairLoopForEveryEligibleSetting() throws {
        #expect(Self.example.count > 100 && Self.example.allSatisfy { !$0.report.isEmpty }, "the example LA carries report text")
        var checked = 0, withEvidence = 0, exampleChecked = 0
        #expect(Self.profiles.count == 5)
        var rng = SeededRandom(seed: 13)
        let cases = [(Self.example, Self.profiles)] + (1...3).map { seed in (Self.randomCatalogue(seed: UInt64(300 + seed)), (0..<4).map { _ in Self.randomProfile(&rng) }) }
        for (settings, profiles) in cases {
            let e = Self.engine(settings)
            for p in profiles {
                let home = try e.resolveHome(p, file: "p")
                let q = e.query(p, home: home)
                for i in 0..<e.index.count {
                    var sink = TotalSink()
                    guard PairEvaluator.evaluate(i, q, e.index, sink: &sink).excluded == 0 else { continue }
                    let s = e.catalogue.settings[Int(e.index.catalogueIndex[i])]
                    let d = EntryExplainer.explain(position: i, setting: s, query: q, index: e.index, profile: p, matrixMinutes: nil)
                    #expect(d.explanation.milli == sink.total && d.explanation.isConsistent, "\(p.reference) URN \(s.urn)")
                    if d.explanation.details.first(where: { $0.key == "evidence" }).map({ $0.milli > 0 }) ?? false { withEvidence += 1 }
                    checked += 1
                    if settings.count == Self.example.count { exampleChecked += 1 }
                }
            }
        }
        #expect(withEvidence > checked / 4, "most eligible settings earn evidence points (\(withEvidence) of \(checked))")
        #expect(exampleChecked >= 20, "the example LA's profiles have eligible settings to explain (\(exampleChecked))")
        print("explanations: \(checked) eligible (setting, profile) pairs checked (\(exampleChecked) on the example LA), \(withEvidence) with evidence points")
    }

    /// File order, file names and thread count never change a byte of a list.
    @Test func fileOrderFileNamesAndThreadsNeverChangeAByte() throws {
        let t = try TemporaryFolder("order")
        var rng = SeededRandom(seed: 21)
        // The example LA as shipped, and again with every file renamed, moved and written in a shuffled order.
        var shuffled = Self.example
        rng.shuffle(&shuffled)
        for s in Self.example { try t.write("a/" + SettingFile.fileName(for: s), SettingFile.render(s)) }
        for (n, s) in shuffled.enumerated() { try t.write("b/folder-\(n % 7)/x\(rng.below(1_000_000))-\(n).setting.md", SettingFile.render(s)) }
        let a = try #require(loadCatalogue(root: t.path("a")).catalogue), b = try #require(loadCatalogue(root: t.path("b")).catalogue)
        #expect(a.contentHash == b.contentHash)
        let ea = MatchingEngine(catalogue: a, postcodes: Self.postcodes, engineVersion: "test")
        let eb = MatchingEngine(catalogue: b, postcodes: Self.postcodes, engineVersion: "test")
        for p in Self.profiles {
            let one = try ea.advisoryList(for: p, file: "p", profileHash: "h", date: "2026-11-23", threads: 1)
            let four = try eb.advisoryList(for: p, file: "p", profileHash: "h", date: "2026-11-23", threads: 4)
            #expect(ListJSON.render(one) == ListJSON.render(four), "\(p.reference)")
        }
    }

    /// With a travel matrix: road distances from the matrix are used where it has them (also shorter than the
    /// straight line × circuity the pruning radius assumes), spatial pruning never loses a setting, and the
    /// explanations still add up.
    @Test func travelMatrixPathIncludingPruning() throws {
        var rng = SeededRandom(seed: 31)
        let settings = Self.randomCatalogue(seed: 400, count: 80)
        var legs: [Int: TravelMatrix.Leg] = [:]
        for s in settings where rng.chance(0.7) {
            let straight = Double(abs(s.location!.easting - 370_242) + abs(s.location!.northing - 307_020)) / 1000
            // Some roads shorter than the estimate (a fast road), some much longer (a river in between).
            legs[s.urn] = TravelMatrix.Leg(km: straight * rng.pick([0.6, 1.0, 1.4, 2.5]), minutes: rng.chance(0.5) ? Double(rng.int(in: 5...90)) : nil)
        }
        let matrix = TravelMatrix(legs: ["TF3 1AB": legs], hash: "m")
        let e = MatchingEngine(catalogue: Catalogue(settings: settings), postcodes: TestPostcodes.lookup, matrix: matrix, engineVersion: "test")
        var checked = 0
        for _ in 0..<8 {
            var p = Self.randomProfile(&rng)
            p.home = .postcode("TF3 1AB")
            let home = try e.resolveHome(p, file: "p")
            let q = e.query(p, home: home)
            #expect(!q.matrixKm.isEmpty)
            let pruned = Scorer.score(q, index: e.index, keepPerType: 10, threads: 1)
            let full = Scorer.score(q, index: e.index, keepPerType: 10, threads: 1, prune: false)
            #expect(pruned.top == full.top && pruned.eligible == full.eligible, "pruning lost a setting")
            let list = try e.advisoryList(for: p, file: "p", profileHash: "h", date: "2026-11-23", threads: 1)
            for entry in list.entries {
                #expect(entry.explanation.milli == entry.milli)
                if let leg = legs[entry.setting.urn] {
                    #expect(entry.distanceFromMatrix && abs((entry.distanceKm ?? -1) - leg.km) < 1e-3, "URN \(entry.setting.urn) uses the matrix")
                    if let m = leg.minutes {
                        #expect(entry.minutes == EntryExplainer.minutes(km: leg.km, matrixMinutes: m, w: e.weights), "the matrix's minutes")
                    }
                } else {
                    #expect(!entry.distanceFromMatrix)
                }
                checked += 1
            }
        }
        #expect(checked > 20)
    }
}
