import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
@testable import ATLPlanning
@testable import ATLSynthetic
import Testing

/// The synthetic national catalogue and cohort: real facts kept, invented facts marked, deterministic.
@Suite struct NationalSynthesisTests {
    static let schools: [Setting] = [
        Setting(urn: 100000, name: "The Aldgate School", type: .unknown, phase: .primary, religiousCharacter: "Church of England",
                ofsted: .outstanding, location: GridPoint(easting: 533611, northing: 181147), sources: ["Schools file test"]),
        Setting(urn: 100001, name: "City of London School for Girls", type: .unknown, phase: .notApplicable,
                religiousCharacter: "None", location: GridPoint(easting: 532414, northing: 181692), sources: ["Schools file test"]),
        Setting(urn: 100010, name: "Nursery One", type: .unknown, phase: .nursery, location: GridPoint(easting: 400000, northing: 300000)),
        Setting(urn: 100020, name: "Sixth Form", type: .unknown, phase: .sixteenPlus, location: GridPoint(easting: 410000, northing: 300000)),
    ] + (0..<40).map { i in
        Setting(urn: 120000 + i, name: "School \(i)", type: .unknown, phase: i % 2 == 0 ? .notApplicable : .secondary,
                location: GridPoint(easting: 450000 + 100 * i, northing: 250000))
    }

    @Test func realFactsKeptInventedFactsMarked() {
        let out = NationalSynthesis.synthesise(Self.schools, seed: 7, threads: 1)
        #expect(out.count == Self.schools.count)
        for (a, b) in zip(Self.schools, out) {
            #expect(b.urn == a.urn && b.name == a.name && b.location == a.location && b.phase == a.phase)
            #expect(b.religiousCharacter == a.religiousCharacter && b.ofsted == a.ofsted)
            #expect(!b.fictional)
            #expect(b.type != .unknown)
            #expect(NationalSynthesis.isSynthetic(b))
            #expect(b.sources.prefix(a.sources.count) == a.sources[...])
            #expect(b.report.count == ReportSection.allCases.count)
            #expect(b.report.values.allSatisfy { $0.hasPrefix(NationalSynthesis.reportMarker) })
        }
        #expect(out[2].type == .earlyYears && out[3].type == .post16 && out[0].type != .special)
        // The whole catalogue, rendered and parsed back, is valid and still marked.
        for s in out {
            let (back, diags) = parseSetting({ try SettingFile.parse(text: SettingFile.render(s), file: "x.setting.md") })
            #expect(diags.filter { $0.level == .error }.isEmpty)
            #expect(back.map(NationalSynthesis.isSynthetic) == true)
        }
    }

    @Test func deterministicPerURNWhateverTheOrder() {
        let a = NationalSynthesis.synthesise(Self.schools, seed: 7, threads: 2)
        let b = NationalSynthesis.synthesise(Self.schools.reversed(), seed: 7, threads: 1).reversed()
        #expect(a == Array(b))
        #expect(NationalSynthesis.synthesise(Self.schools, seed: 8, threads: 1) != a)
    }

    @Test func listsFromASyntheticCatalogueSaySo() throws {
        let c = Catalogue(settings: NationalSynthesis.synthesise(Self.schools, seed: 7, threads: 1))
        let engine = MatchingEngine(catalogue: c, engineVersion: "test")
        let cohort = NationalCohort(seed: 3, catalogue: c)
        let p = cohort.child(0)
        let list = try engine.advisoryList(for: p, file: p.reference, profileHash: "h", date: "2026-11-23", threads: 1)
        if !list.entries.isEmpty { #expect(list.notes.contains { $0.hasPrefix("SYNTHETIC benchmark data") }) }
        #expect(list.synthetic)
    }

    @Test func cohortIsDeterministicAndMarked() {
        let c = Catalogue(settings: Self.schools)
        let a = NationalCohort(seed: 3, catalogue: c), b = NationalCohort(seed: 3, catalogue: c)
        for i in [0, 1, 999, 639_999] {
            #expect(a.child(i) == b.child(i))
            #expect(a.child(i).synthetic)
        }
        #expect(a.child(0).reference == "SYN-NAT-0000001")
        #expect(a.child(639_999).reference == "SYN-NAT-0640000")
        #expect(NationalCohort(seed: 4, catalogue: c).child(0) != a.child(0))
        // Homes lie near schools, inside Great Britain.
        for i in 0..<200 {
            guard case .grid(let g) = a.child(i).home else { Issue.record("not a grid home"); continue }
            #expect(g.isInGreatBritain)
            #expect(c.settings.compactMap(\.location).contains { $0.distance(to: g) < 12_000 })
        }
    }

    @Test func nationalSynthesisSetsTheFlag() {
        let s = Setting(urn: 100000, name: "The Aldgate School", type: .unknown, phase: .primary,
                        location: GridPoint(easting: 533611, northing: 181147))
        let out = NationalSynthesis.synthesise(s, seed: 1)
        #expect(out.synthetic && NationalSynthesis.isSynthetic(out))
        #expect(Catalogue(settings: [out]).isSynthetic)
        #expect(!NationalSynthesis.isSynthetic(s))
    }

    @Test func listsFromASyntheticCatalogueAreNotAllocatedAgainstARealOne() throws {
        let s = Setting(urn: 100000, name: "The Aldgate School", type: .unknown, phase: .primary,
                        location: GridPoint(easting: 533611, northing: 181147))
        let real = Catalogue(settings: [s]), synthetic = Catalogue(settings: [NationalSynthesis.synthesise(s, seed: 1)])
        let child = ListedChild(reference: "C1", primaryNeed: .ASD, synthetic: true, fictionalCatalogue: false,
                                catalogueHash: nil, file: "b.jsonl", line: 1, entries: [], syntheticCatalogue: true)
        func fields(_ c: ListedChild, _ cat: Catalogue) -> [String] {
            do throws(ATLError) { _ = try AllocationProblem.from(children: [c], unlisted: [], catalogue: cat, seed: 1); return [] }
            catch { return error.diagnostics.compactMap(\.field) }
        }
        #expect(fields(child, real).contains("list.synthetic_catalogue"))
        #expect(!fields(child, synthetic).contains("list.synthetic_catalogue"))
        var plain = child
        plain.syntheticCatalogue = false
        #expect(fields(plain, synthetic).contains("list.synthetic_catalogue"))
        #expect(!fields(plain, real).contains("list.synthetic_catalogue"))
    }
}
