import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
@testable import ATLPlanning
import Testing

@Suite("Scenario") struct ScenarioTests {
    static func parse(_ text: String) -> Result<Scenario, ATLError> {
        attempt({ try ScenarioParser.parse(Array(text.utf8), file: "s.scenario") })
    }
    static func messages(_ text: String) -> [String] {
        switch parse(text) {
        case .success: return []
        case .failure(let e): return e.diagnostics.map(\.description)
        }
    }

    static let full = """
        # what if
        format: atl-scenario/1
        name: Everything
        description: one of each

        change: open
        name: Autism base
        type: mainstream-resourced
        needs: ASD, SLCN
        places: 16
        host: 9000102

        change: open
        name: New SEMH school
        type: special
        needs: SEMH
        places: 40
        easting: 372000
        northing: 310000
        age-range: 11-16

        change: close
        setting: 9000109

        change: places
        setting: 9000106
        places: 30

        change: vacancies
        setting: 9000107
        vacancies: 2

        change: needs
        setting: 9000108
        needs: ASD, SLD, PMLD

        change: demand
        need: ASD
        growth: +50%

        change: weight
        key: points.travel
        value: 30

        change: max-journey
        distance: 10 miles
        """

    @Test func parsesEveryOperation() throws {
        let s = try Self.parse(Self.full).get()
        #expect(s.name == "Everything")
        #expect(s.changes.map(\.change.operation) == ["open", "open", "close", "places", "vacancies", "needs", "demand", "weight", "max-journey"])
        #expect(s.changes[0].line == 6)
        guard case .open(let h) = s.changes[0].change else { Issue.record("not open"); return }
        #expect(h.host == 9000102 && h.places == 16 && h.needs == NeedSet([.ASD, .SLCN]))
        guard case .maxJourney(let km) = s.changes[8].change else { Issue.record("not max-journey"); return }
        #expect(abs(km - 16.09344) < 1e-9)
        guard case .demand(let n, let p, let la) = s.changes[6].change else { Issue.record("not demand"); return }
        #expect(n == .ASD && p == 50 && la == nil)
        #expect(s.hash.count == 64)
    }

    @Test(arguments: [
        ("name: x\nchange: close\nsetting: 1", "field 'format': missing"),
        ("format: atl-scenario/2\nname: x", "expected atl-scenario/1"),
        ("format: atl-scenario/1", "field 'name': missing"),
        ("format: atl-scenario/1\nname: x\nchange: explode", "unknown operation \"explode\""),
        ("format: atl-scenario/1\nname: x\nchange: close", "s.scenario:3: field 'setting': missing"),
        ("format: atl-scenario/1\nname: x\nchange: close\nsetting: abc", "s.scenario:4: field 'setting': expected a whole number"),
        ("format: atl-scenario/1\nname: x\nchange: close\nsetting: 5\nplaces: 3", "s.scenario:5: field 'places': not a field of a 'close' change"),
        ("format: atl-scenario/1\nname: x\nchange: close\nsetting: 5\nsetting: 6", "given twice in this change"),
        ("format: atl-scenario/1\nname: x\nchange: demand\nneed: XYZ\ngrowth: 10%", "unknown need code \"XYZ\""),
        ("format: atl-scenario/1\nname: x\nchange: demand\nneed: ASD\ngrowth: lots", "expected a percentage"),
        ("format: atl-scenario/1\nname: x\nchange: demand\nneed: ASD\ngrowth: -150%", "expected a percentage"),
        ("format: atl-scenario/1\nname: x\nchange: weight\nkey: points.magic\nvalue: 3", "unknown weights key"),
        ("format: atl-scenario/1\nname: x\nchange: weight\nkey: points.travel\nvalue: -3", "must be at least 0"),
        ("format: atl-scenario/1\nname: x\nchange: max-journey\ndistance: 10 furlongs", "unit must be km or miles"),
        ("format: atl-scenario/1\nname: x\nchange: open\nname: A\ntype: mainstream\nneeds: ASD\nplaces: 3\nhost: 5", "a scenario opens specialist provision"),
        ("format: atl-scenario/1\nname: x\nchange: open\nname: A\ntype: special\nneeds: ASD\nplaces: 3", "a new setting needs a place"),
        ("format: atl-scenario/1\nname: x\nchange: open\nname: A\ntype: special\nneeds: ASD\nplaces: 0\nhost: 5", "must be at least 1"),
        ("format: atl-scenario/1\nname: x\nchange: open\nname: A\ntype: special\nneeds: ASD\nplaces: 3\neasting: 370000", "easting and northing go together"),
        ("format: atl-scenario/1\nname: x\nchange: open\nname: A\ntype: special\nneeds: ASD\nplaces: 3\neasting: 370000\nnorthing: 310000", "needs 'age-range' or 'phase'"),
        ("format: atl-scenario/1\nname: x\nchange: open\nname: A\ntype: special\nneeds: ASD\nplaces: 3\nhost: 5\nage-range: 16-11", "expected LOW-HIGH"),
        ("format: atl-scenario/1\nname: x\nchange: needs\nsetting: 5\nneeds: none", "give at least one need code"),
        ("format: atl-scenario/1\nname: x\nseed: 4", "unknown header field"),
        ("format: atl-scenario/1\nname: x\nthis is not a field", "expected 'key: value'"),
    ])
    func rejectsInvalidFiles(_ text: String, _ expected: String) {
        let m = Self.messages(text)
        #expect(!m.isEmpty, "accepted: \(text)")
        #expect(m.contains { $0.contains(expected) }, "\(m)")
    }

    @Test func rejectsBadUTF8() {
        switch attempt({ try ScenarioParser.parse([0x66, 0x6F, 0xFF, 0x0A], file: "s.scenario") }) {
        case .success: Issue.record("accepted invalid UTF-8")
        case .failure(let e): #expect(e.diagnostics[0].description.contains("not valid UTF-8"))
        }
    }

    @Test func acceptsBOMAndCRLF() throws {
        let text = "\u{FEFF}format: atl-scenario/1\r\nname: x\r\nchange: close\r\nsetting: 5\r\n"
        let s = try Self.parse(text).get()
        #expect(s.changes == [Scenario.Entry(.close(urn: 5), line: 3)])
    }

    /// Adversarial inputs: random mutations of a valid file never crash the parser, and every failure names
    /// the file and a line.
    @Test func mutatedFilesNeverCrash() {
        var rng = SeededRandom(seed: 2026)
        let base = Array(Self.full.utf8)
        let alphabet = Array("\n:,-+%# \u{0}abcXYZ0123456789".utf8) + [0xFF, 0xC3]
        for _ in 0..<400 {
            var b = base
            for _ in 0..<rng.int(in: 1...6) {
                let i = rng.below(b.count)
                switch rng.below(3) {
                case 0: b[i] = rng.pick(alphabet)
                case 1: b.remove(at: i)
                default: b.insert(rng.pick(alphabet), at: i)
                }
            }
            if case .failure(let e) = attempt({ try ScenarioParser.parse(b, file: "m.scenario") }) {
                #expect(!e.diagnostics.isEmpty && e.diagnostics.allSatisfy { $0.file == "m.scenario" && $0.line != nil }, "\(e)")
            }
        }
    }

    @Test func reportsEveryProblemAtOnce() {
        let m = Self.messages("format: atl-scenario/1\nname: x\nchange: close\nsetting: a\nchange: places\nsetting: 1\nplaces: -1")
        #expect(m.count == 2)
    }

    // MARK: Applying changes

    static func cohort(_ needs: [NeedCode]) -> [CohortChild] {
        needs.enumerated().map { i, n in
            var p = MatchFixture.profile(n)
            p.reference = String(format: "C-%03d", i + 1)
            return CohortChild(profile: p, home: ResolvedHome(point: MatchFixture.home, postcodeDistrict: "TF3", districtCode: nil,
                                                              localAuthority: MatchFixture.la, matrixOrigin: nil, approximate: false),
                               profileHash: "h\(i)")
        }
    }

    static func apply(_ text: String, cohort: [CohortChild] = [], seed: UInt64 = 7) throws -> AppliedScenario {
        let s = try parse(text).get()
        return try ScenarioApplication.apply(s, catalogue: Catalogue(settings: MatchFixture.mixed), weights: .defaults,
                                             cohort: cohort, seed: seed)
    }

    @Test func appliesEveryOperation() throws {
        let a = try Self.apply(Self.full, cohort: Self.cohort([.ASD, .ASD, .SEMH, .ASD]))
        let cat = a.catalogue
        #expect(a.hypothetical == [9_900_001, 9_900_002])
        let rp = try #require(cat.setting(urn: 9_900_001))
        let host = try #require(cat.setting(urn: 9000102))
        #expect(rp.name == "Hypothetical: Autism base" && rp.location == host.location && rp.ageRange == host.ageRange)
        #expect(rp.specialistVacancies == 16 && rp.type == .mainstreamResourced && rp.sources[0].contains("hypothetical"))
        #expect(host.type == .mainstream && host.needs == nil, "the host's own facts are untouched")
        #expect(cat.setting(urn: 9_900_002)?.ageRange == AgeRange(low: 11, high: 16))
        #expect(cat.setting(urn: 9000109)?.status == .closed)
        #expect(cat.setting(urn: 9000106)?.specialistVacancies == 12)
        #expect(cat.setting(urn: 9000107)?.specialistVacancies == 2)
        #expect(cat.setting(urn: 9000108)?.needs == NeedSet([.ASD, .SLD, .PMLD]))
        #expect(a.weights.travel == 30)
        #expect(a.cohort.count == 6, "3 ASD children +50% = 2 more")
        #expect(a.cohort.filter(\.addedByScenario).allSatisfy { $0.profile.synthetic && $0.profile.reference.hasPrefix("G7-") })
        #expect(a.cohort.allSatisfy { abs(($0.profile.maxJourneyKm ?? 0) - 16.09344) < 1e-9 })
        #expect(a.log.count == 9)
        #expect(a.log.filter(\.altersRealSetting).count == 4)
        #expect(cat.contentHash != Catalogue(settings: MatchFixture.mixed).contentHash)
    }

    @Test func vacanciesOfAMainstreamSettingAreItsGeneralVacancies() throws {
        let a = try Self.apply("format: atl-scenario/1\nname: v\nchange: vacancies\nsetting: 9000101\nvacancies: 7")
        let s = try #require(a.catalogue.setting(urn: 9000101))
        #expect(s.generalVacancies == 7 && s.capacity == 1000 && ScenarioRunner.places(of: s) == 7)
        #expect(a.log[0].text.contains("50 → 7") && a.log[0].altersRealSetting)
    }

    @Test func unknownURNIsAnError() {
        for op in ["change: close\nsetting: 123", "change: places\nsetting: 123\nplaces: 3",
                   "change: vacancies\nsetting: 123\nvacancies: 3", "change: needs\nsetting: 123\nneeds: ASD",
                   "change: open\nname: A\ntype: special\nneeds: ASD\nplaces: 3\nhost: 123"] {
            #expect(throws: ATLError.self) { try Self.apply("format: atl-scenario/1\nname: x\n" + op) }
            do { _ = try Self.apply("format: atl-scenario/1\nname: x\n" + op) } catch let e as ATLError {
                let d = e.diagnostics[0].description
                #expect(d.hasPrefix("s.scenario:3: field 'setting': no setting with URN 123")
                        || d.hasPrefix("s.scenario:3: field 'host': no setting with URN 123"), "\(d)")
            } catch { Issue.record("\(error)") }
        }
    }

    @Test func demandGrowthIsSeededAndShrinks() throws {
        let c = Self.cohort([.ASD, .ASD, .ASD, .ASD, .SEMH, .ASD, .ASD, .ASD, .ASD, .ASD, .ASD])
        let grow = "format: atl-scenario/1\nname: g\nchange: demand\nneed: ASD\ngrowth: 20%"
        let a1 = try Self.apply(grow, cohort: c, seed: 1), a2 = try Self.apply(grow, cohort: c, seed: 1)
        #expect(a1.cohort.map(\.profile.reference) == a2.cohort.map(\.profile.reference))
        #expect(a1.cohort.count == 13)
        let shrink = try Self.apply("format: atl-scenario/1\nname: g\nchange: demand\nneed: ASD\ngrowth: -30%", cohort: c)
        #expect(shrink.cohort.count == 8 && shrink.cohort.contains { $0.profile.primaryNeed == .SEMH })
        let otherLA = try Self.apply("format: atl-scenario/1\nname: g\nchange: demand\nneed: ASD\ngrowth: 50%\nla: 894", cohort: c)
        #expect(otherLA.cohort.count == c.count)
        #expect(otherLA.log[0].text.contains("no children with that primary need there"))
    }

    @Test func noChangesIsTheBaselineExactly() throws {
        let runner = ScenarioRunner(engineVersion: "t", seed: 3, date: "2026-11-23", threads: 1)
        let cohort = Self.cohort([.ASD, .SEMH, .HI, .ASD, .MLD, .SLD])
        let empty = try Self.parse("format: atl-scenario/1\nname: Nothing changes").get()
        let r = try runner.run(catalogue: Catalogue(settings: MatchFixture.mixed), weights: .defaults, cohort: cohort,
                               cohortHash: "c", scenarios: [empty])
        #expect(r.scenarios[0].children == r.baseline.children)
        #expect(r.scenarios[0].metrics == r.baseline.metrics)
        #expect(r.scenarios[0].settings == r.baseline.settings)
        #expect(r.scenarios[0].catalogueHash == r.baseline.catalogueHash)
        #expect(r.changes[0].isEmpty)
    }

    @Test func runnerMeasuresOutcomes() throws {
        let runner = ScenarioRunner(engineVersion: "t", seed: 3, date: "2026-11-23", threads: 1)
        let cohort = Self.cohort([.ASD, .SEMH, .HI, .ASD])
        let close = try Self.parse("format: atl-scenario/1\nname: Close\nchange: close\nsetting: 9000106").get()
        let r = try runner.run(catalogue: Catalogue(settings: MatchFixture.mixed), weights: .defaults, cohort: cohort,
                               cohortHash: "c", scenarios: [close])
        #expect(r.baseline.metrics.children == 4)
        #expect(r.baseline.children.map(\.reference) == ["C-001", "C-002", "C-003", "C-004"])
        #expect(!r.scenarios[0].children.contains { $0.placedURN == 9000106 })
        #expect(r.stamp.seed == 3 && r.syntheticCohort && r.fictionalCatalogue)
    }

    // MARK: Metrics

    static func outcome(_ ref: String, km: Double?, eligible: Int = 3) -> ChildOutcome {
        ChildOutcome(reference: ref, synthetic: true, addedByScenario: false, primaryNeed: .ASD, homeDistrict: "TF3", homeLA: 999,
                     eligible: eligible, listed: eligible, placedURN: km == nil ? nil : 1, distanceKm: km,
                     beyondWalkingDistance: (km ?? 0) > 4.83, outOfArea: false, independentSector: false,
                     placedInHypothetical: false, placesUnknown: false, typeUnknown: false)
    }

    @Test func metricsArePureFunctionsOfOutcomes() {
        let cs = [Self.outcome("a", km: 1), Self.outcome("b", km: 3), Self.outcome("c", km: 10), Self.outcome("d", km: 6),
                  Self.outcome("e", km: nil, eligible: 0), Self.outcome("f", km: nil)]
        let m = ScenarioMetrics.of(cs)
        #expect(m.children == 6 && m.placed == 4 && m.unplaced == 2 && m.noSuitablePlace == 1)
        #expect(m.meanKm == 5 && m.medianKm == 4.5 && m.p95Km == 10)
        #expect(m.beyondWalkingDistance == 2)
        #expect(JourneyBands.counts(cs) == [1, 1, 1, 1, 0, 0, 0, 0])
        #expect(ScenarioMetrics.percentile([], 95) == nil)
        #expect(ScenarioMetrics.percentile([1, 2, 3], 50) == 2)
    }

    @Test func placeUtilisationBySettingDistrict() {
        func use(_ urn: Int, _ d: String?, places: Int?, placed: Int, closed: Bool = false) -> SettingUse {
            SettingUse(urn: urn, name: "s", type: .special, location: nil, needs: nil, places: places, placed: placed,
                       hypothetical: false, closed: closed, district: d)
        }
        let u = SettingDistrictUse.of([use(1, "TF3", places: 4, placed: 3), use(2, "TF3", places: nil, placed: 5),
                                       use(3, "TF1", places: 2, placed: 0), use(4, nil, places: 1, placed: 1),
                                       use(5, "TF1", places: 9, placed: 0, closed: true)])
        #expect(u.map(\.district) == ["(district not known)", "TF1", "TF3"])
        #expect(u[2] == SettingDistrictUse(district: "TF3", settings: 2, places: 4, settingsWithUnknownPlaces: 1, placed: 8,
                                           placedWherePlacesUnknown: 5))
        #expect(u[1].settings == 1, "closed settings are left out")
    }

    @Test func outcomeChangesByReference() {
        let base = [Self.outcome("a", km: 1), Self.outcome("b", km: nil), Self.outcome("c", km: 2)]
        var moved = Self.outcome("a", km: 1); moved.placedURN = 2
        let scen = [moved, Self.outcome("b", km: 4), Self.outcome("z", km: nil)]
        let ch = OutcomeChange.between(base, scen)
        #expect(ch.map(\.kind) == [.moved, .newlyPlaced, .removed, .added])
        #expect(ch.map(\.reference) == ["a", "b", "c", "z"])
    }

    // MARK: Allocation

    @Test func allocatorIsPluggable() throws {
        // A stub allocator that places nobody: every child unplaced, nothing else changes.
        let runner = ScenarioRunner(engineVersion: "t", seed: 3, date: "2026-11-23", allocate: { lists, _, _ in
            lists.map { _ -> ScenarioPlacement? in nil }
        }, allocatorName: "stub", threads: 1)
        let r = try runner.run(catalogue: Catalogue(settings: MatchFixture.mixed), weights: .defaults,
                               cohort: Self.cohort([.ASD, .SEMH]), cohortHash: "c", scenarios: [])
        #expect(r.baseline.metrics.unplaced == 2 && r.baseline.metrics.meanKm == nil && r.stamp.method == "stub")
    }

    /// The same property through the whole scenario (lists re-scored with the extra places), on small catalogues.
    @Test func addingPlacesInAScenarioNeverIncreasesUnplaced() throws {
        var rng = SeededRandom(seed: 9)
        let runner = ScenarioRunner(engineVersion: "t", seed: 1, date: "2026-11-23", threads: 1)
        let needs: [NeedCode] = [.ASD, .SEMH, .HI, .MLD, .SLD]
        var constrained = 0
        for _ in 0..<12 {
            let cohort = Self.cohort((0..<rng.int(in: 6...14)).map { _ in rng.pick(needs) })
            var settings = MatchFixture.mixed
            for i in settings.indices {
                if let p = settings[i].specialistPlaces { settings[i].specialistOnRoll = p - rng.int(in: 0...1) }
                settings[i].onRoll = settings[i].capacity.map { $0 - rng.int(in: 0...1) }
            }
            let target = rng.pick(settings.filter { $0.specialistPlaces != nil })
            let more = try Self.parse("format: atl-scenario/1\nname: more\nchange: places\nsetting: \(target.urn)\nplaces: \(target.specialistPlaces! + rng.int(in: 1...4))").get()
            let r = try runner.run(catalogue: Catalogue(settings: settings), weights: .defaults, cohort: cohort,
                                   cohortHash: "c", scenarios: [more])
            #expect(r.scenarios[0].metrics.unplaced <= r.baseline.metrics.unplaced)
            if r.baseline.metrics.unplaced > 0 { constrained += 1 }
        }
        #expect(constrained >= 3, "the instances must be short of places for the property to say anything")
    }
}

@Suite("Scenario places") struct ScenarioPlacesTests {
    /// Tester 2 #2: a resourced school's places are both pools, as `atl allocate` counts them, so placed ≤ places.
    @Test func resourcedSchoolPlacesCountBothPools() throws {
        let rp = try #require(MatchFixture.mixed.first { $0.urn == 9000106 })
        #expect(rp.specialistVacancies == 2 && rp.generalVacancies == 50)
        #expect(ScenarioRunner.places(of: rp) == 52)
        #expect(ScenarioRunner.designatedPlaces(of: rp) == 2, "the need table still counts the base only")
        var unknownGeneral = rp
        unknownGeneral.capacity = nil
        #expect(ScenarioRunner.places(of: unknownGeneral) == nil, "the general pool is not capacity-limited")
        let special = try #require(MatchFixture.mixed.first { $0.urn == 9000109 })
        #expect(ScenarioRunner.places(of: special) == 10)
    }

    @Test func placedNeverExceedsKnownPlaces() throws {
        // Tight places: a resourced base with 1 specialist vacancy and 6 general ones, many children.
        var settings = MatchFixture.mixed
        for i in settings.indices {
            if let p = settings[i].specialistPlaces { settings[i].specialistOnRoll = p - 1 }
            settings[i].onRoll = settings[i].capacity.map { $0 - 6 }
        }
        let runner = ScenarioRunner(engineVersion: "t", seed: 1, date: "2026-11-23", threads: 1)
        let cohort = ScenarioTests.cohort([NeedCode](repeating: .ASD, count: 10) + [.HI, .HI, .SEMH, .MLD, .SLCN, .SLCN])
        let r = try runner.run(catalogue: Catalogue(settings: settings), weights: .defaults, cohort: cohort,
                               cohortHash: "c", scenarios: [])
        let rp = try #require(r.baseline.settings.first { $0.urn == 9000106 })
        #expect(rp.places == 7, "specialist 1 + general 6")
        for s in r.baseline.settings { if let p = s.places { #expect(s.placed <= p, "\(s.urn)") } }
        for d in r.baseline.settingDistricts { #expect(d.placed - d.placedWherePlacesUnknown <= d.places) }
        // Tester 2 #3: children who took general places after a full base are counted apart from the base.
        let fallback = r.baseline.children.filter(\.inGeneralPlacesAfterBase)
        #expect(fallback.allSatisfy { [9000106, 9000107].contains($0.placedURN ?? 0) }, "the two resourced schools")
        #expect(!fallback.isEmpty && r.unknowns.contains { $0.contains("general places instead") })
        for n in r.baseline.needs { #expect(n.placedInDesignated <= n.designatedPlaces, "\(n.need)") }
    }
}

@Suite("Scenario input") struct ScenarioInputTests {
    static let head = "format: atl-scenario/1\nname: T\n"

    /// #6: places outside 1–10,000 (as documented) are rejected.
    @Test(arguments: ["0", "10001", "-5"]) func placesOutsideTheDocumentedRange(_ v: String) {
        let m = ScenarioTests.messages(Self.head + "change: places\nsetting: 9000106\nplaces: \(v)")
        #expect(m.count == 1 && m[0].contains("field 'places'"), "\(m)")
        #expect(ScenarioTests.messages(Self.head + "change: places\nsetting: 9000106\nplaces: 10000").isEmpty)
    }

    /// #9: hex, exponent and other exotic numerals are rejected in growth and distance.
    @Test(arguments: ["growth: 0x10", "growth: 1e2", "growth: +0x10%", "growth: 1.2.3"]) func exoticGrowth(_ line: String) {
        let m = ScenarioTests.messages(Self.head + "change: demand\nneed: ASD\n" + line)
        #expect(m.count == 1 && m[0].contains("field 'growth'"), "\(m)")
    }

    @Test func exoticDistanceAndPlainOnesStillParse() throws {
        #expect(ScenarioTests.messages(Self.head + "change: max-journey\ndistance: 0x10 km").count == 1)
        #expect(ScenarioTests.messages(Self.head + "change: max-journey\ndistance: 1e1 km").count == 1)
        #expect(ScenarioTests.messages(Self.head + "change: max-journey\ndistance: 12.5 km").isEmpty)
        #expect(ScenarioTests.messages(Self.head + "change: demand\nneed: ASD\ngrowth: -5.5%").isEmpty)
        #expect(ScenarioTests.messages(Self.head + "change: demand\nneed: ASD\ngrowth: +20%").isEmpty)
    }

    /// #10: control characters (NUL) in names are rejected.
    @Test func controlCharactersInNames() {
        #expect(ScenarioTests.messages("format: atl-scenario/1\nname: T\u{0}\n").first?.contains("U+0000") == true)
        #expect(ScenarioTests.messages(Self.head + "description: a\u{1B}b\n").count == 1)
        let open = "change: open\nname: A\u{7}\ntype: special\nneeds: ASD\nplaces: 3\nhost: 9000102"
        #expect(ScenarioTests.messages(Self.head + open).first?.contains("field 'name'") == true)
    }

    /// #7: a change to a setting closed earlier in the same scenario, or a base opened in it, is an error.
    @Test(arguments: ["change: places\nsetting: 9000106\nplaces: 50", "change: close\nsetting: 9000106",
                      "change: vacancies\nsetting: 9000106\nvacancies: 3", "change: needs\nsetting: 9000106\nneeds: HI",
                      "change: open\nname: A\ntype: mainstream-resourced\nneeds: ASD\nplaces: 10\nhost: 9000106"])
    func changesAfterClosingAreErrors(_ change: String) {
        let text = Self.head + "change: close\nsetting: 9000106\n" + change
        do {
            _ = try ScenarioTests.apply(text)
            Issue.record("accepted: \(change)")
        } catch let e as ATLError {
            #expect(e.diagnostics.count == 1)
            #expect(e.diagnostics[0].description.contains("s.scenario:5:") && e.diagnostics[0].description.contains("closed on line 3"),
                    "\(e.diagnostics[0].description)")
        } catch { Issue.record("\(error)") }
    }

    /// #8: two scenarios with the same name are rejected, naming the first file.
    @Test func duplicateScenarioNames() throws {
        let a = try ScenarioParser.parse(Array("format: atl-scenario/1\nname: Same\n".utf8), file: "a.scenario")
        let b = try ScenarioParser.parse(Array("format: atl-scenario/1\nname: Same\n".utf8), file: "b.scenario")
        let c = try ScenarioParser.parse(Array("format: atl-scenario/1\nname: Other\n".utf8), file: "c.scenario")
        let d = ScenarioParser.duplicateNames([a, c, b])
        #expect(d.count == 1 && d[0].description.hasPrefix("b.scenario: field 'name'") && d[0].description.contains("first in a.scenario"),
                "\(d.map(\.description))")
        #expect(ScenarioParser.duplicateNames([a, c]).isEmpty)
    }

    /// #11: a need code given twice in `open` or `needs` is an error.
    @Test func repeatedNeedCodes() {
        let open = "change: open\nname: X\ntype: special\nneeds: ASD, ASD\nplaces: 5\nhost: 9000102"
        #expect(ScenarioTests.messages(Self.head + open).first?.contains("given twice") == true)
        #expect(ScenarioTests.messages(Self.head + "change: needs\nsetting: 9000106\nneeds: HI, VI, HI").count == 1)
        #expect(ScenarioTests.messages(Self.head + "change: needs\nsetting: 9000106\nneeds: HI, VI").isEmpty)
    }

    /// #17: a folder given as the scenario says so.
    @Test func folderIsNotAScenarioFile() {
        guard case .failure(let e) = attempt({ try ScenarioParser.load(path: "/tmp") }) else { Issue.record("accepted a folder"); return }
        #expect(e.diagnostics[0].description.contains("is a folder"))
    }

    /// #23: districts sort naturally (SY2 before SY10).
    @Test func districtsSortNaturally() {
        let ds = ["SY10", "SY2", "TF1", "SY1", "B1", "B10", "B2", "(district not known)", "SY11", "WV16", "WV15"]
        #expect(ds.sorted(by: DistrictOrder.less)
                == ["(district not known)", "B1", "B2", "B10", "SY1", "SY2", "SY10", "SY11", "TF1", "WV15", "WV16"])
        func use(_ d: String) -> SettingUse {
            SettingUse(urn: 1, name: "s", type: .special, location: nil, needs: nil, places: 1, placed: 0,
                       hypothetical: false, closed: false, district: d)
        }
        #expect(SettingDistrictUse.of(["SY10", "SY2"].map(use)).map(\.district) == ["SY2", "SY10"])
    }
}

@Suite("Scenario URNs with other errors") struct ScenarioUnknownURNTests {
    /// #15: unknown URNs are found even when the file has other errors, so every problem is reported at once.
    @Test func unknownSettingsFoundInAFileWithOtherErrors() {
        let text = "format: atl-scenario/1\nname: T\nchange: close\nsetting: 1234567\nchange: places\nsetting: 9000106\nplaces: -3\n"
            + "change: open\nname: A\ntype: special\nneeds: XX\nplaces: 3\nhost: 7654321\nchange: teleport\n"
        let bytes = Array(text.utf8)
        guard case .failure(let e) = attempt({ try ScenarioParser.parse(bytes, file: "s.scenario") }) else { Issue.record("accepted"); return }
        #expect(!e.diagnostics.contains { $0.description.contains("1234567") }, "parsing alone cannot know the catalogue")
        let u = ScenarioParser.unknownSettings(bytes, file: "s.scenario", catalogue: Catalogue(settings: MatchFixture.mixed))
        #expect(u.map(\.description) == ["s.scenario:4: field 'setting': no setting with URN 1234567 in the catalogue",
                                         "s.scenario:13: field 'host': no setting with URN 7654321 in the catalogue"])
    }
}
