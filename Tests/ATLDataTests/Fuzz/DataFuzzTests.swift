import ATLTestSupport
@testable import ATLModel
@testable import ATLData
import Foundation
import Testing

/// Seeded fuzzing of ATLData's parsers from valid examples (``Mutator``, ``Fuzz``): no crash, no hang, every
/// rejection explained by diagnostics that name a line, every acceptance round-tripping through the writer.
/// `ATL_FUZZ_CASES=1000000 swift test --filter Fuzz` runs the long mode.
@Suite struct DataFuzzTests {
    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }
    static func file(_ rel: String) -> [UInt8] { Array(FileManager.default.contents(atPath: Repository.path(rel)) ?? Data()) }

    /// Setting files of the example LA with report text, and a minimal one.
    static var settingSeeds: [[UInt8]] {
        let folder = Repository.path("provision-catalogue/example-la/999-severnvale")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".setting.md") }.sorted()
        return names.prefix(6).map { file("provision-catalogue/example-la/999-severnvale/" + $0) } + [bytes(SettingFixture.file())]
    }

    @Test func settingFiles() {
        let report = Fuzz.run("setting file", seeds: Self.settingSeeds, cases: Fuzz.cases(3000), needsLines: true) { input in
            FuzzOutcome.of({ () throws(ATLError) in try SettingFile.parse(input, file: "f.setting.md").value }, roundTrip: { s in
                let text = SettingFile.render(s)
                guard let back = try? SettingFile.parse(text: text, file: "f.setting.md").value else { return "the written file does not parse" }
                return SettingFile.render(back) == text && back == s ? nil : "the setting changed"
            })
        }
        #expect(report.failures.isEmpty, "\(report.failures.joined(separator: "\n"))")
    }

    static var profileSeeds: [[UInt8]] {
        ["asd-slcn-year7", "hi-signing-year3", "pmld-hoist-physio-year7", "post16-mld-year12", "real-telford-asd-year7", "semh-year9-move"]
            .map { file("examples/\($0).profile") }
    }

    @Test func profiles() {
        let report = Fuzz.run("profile", seeds: Self.profileSeeds, cases: Fuzz.cases(3000), needsLines: true) { input in
            FuzzOutcome.of({ () throws(ATLError) in try ProfileParser.parse(input, file: "p.profile", academicYear: 2026) }, roundTrip: { p in
                let text = ProfileParser.render(p)
                guard let back = try? ProfileParser.parse(text: text, file: "p.profile", academicYear: 2026) else { return "the written profile does not parse" }
                return ProfileParser.render(back) == text ? nil : "the profile changed"
            })
        }
        #expect(report.failures.isEmpty, "\(report.failures.joined(separator: "\n"))")
    }

    static var giasSeeds: [[UInt8]] {
        let rows = [GIASFixture.community, GIASFixture.academyRP, GIASFixture.specialAcademy, GIASFixture.stMarys].map { GIASFixture.cells($0) }
        return [GIASFixture.bytes(GIASFixture.text(rows: rows)), GIASFixture.bytes(GIASFixture.text(rows: Array(rows.prefix(1))), bom: true)]
    }

    @Test func giasExtracts() {
        let report = Fuzz.run("GIAS extract", seeds: Self.giasSeeds, cases: Fuzz.cases(2000), needsLines: true) { input in
            let r = GIASFixture.run(input)
            guard !r.hasErrors else { return FuzzOutcome(accepted: false, diagnostics: r.diagnostics) }
            for s in r.settings {
                let text = SettingFile.render(s)
                guard let back = try? SettingFile.parse(text: text, file: "g.setting.md").value, back == s else {
                    return FuzzOutcome(accepted: true, roundTripProblem: "imported URN \(s.urn) does not round-trip through its setting file")
                }
            }
            return FuzzOutcome(accepted: true, diagnostics: r.diagnostics)
        }
        #expect(report.failures.isEmpty, "\(report.failures.joined(separator: "\n"))")
    }

    @Test func postcodeLookups() {
        let report = Fuzz.run("postcode lookup", seeds: [Self.bytes(TestPostcodes.text), Self.bytes(TestPostcodes.tiny)], cases: Fuzz.cases(3000),
                              needsLines: true) { input in
            FuzzOutcome.of({ () throws(ATLError) in try PostcodeLookup.parse(input, file: "pc.txt") }, roundTrip: { l in
                let all = l.entries(inDistricts: Set(l.districtCodes))
                guard let back = try? PostcodeLookup.parse(Array(PostcodeLookup.render(all, header: ["round trip"]).utf8), file: "pc.txt") else {
                    return "the written lookup does not parse"
                }
                let again = back.entries(inDistricts: Set(back.districtCodes))
                return again.map(\.postcode) == all.map(\.postcode) && again.map(\.point) == all.map(\.point) && again.map(\.district) == all.map(\.district)
                    ? nil : "the postcodes changed"
            })
        }
        #expect(report.failures.isEmpty, "\(report.failures.joined(separator: "\n"))")
    }

    @Test func travelMatrices() {
        let catalogue = Catalogue(settings: [Setting(urn: 9000004, name: "A", fictional: true), Setting(urn: 9000006, name: "B", fictional: true)])
        let seed = "origin,urn,distance_km,duration_min\nTF3 1AB,9000004,3.42,9\nTF3,9000006,3.80,\nTF1 1AE,9000006,12.5,21\n"
        let lookup = TestPostcodes.lookup
        let report = Fuzz.run("travel matrix", seeds: [Self.bytes(seed)], cases: Fuzz.cases(3000), needsLines: true) { input in
            FuzzOutcome.of({ () throws(ATLError) in try TravelMatrix.parse(input, file: "m.csv", catalogue: catalogue, postcodes: lookup) }, roundTrip: { m in
                // No writer: a second parse of the same bytes gives the same matrix.
                let again = try? TravelMatrix.parse(input, file: "m.csv", catalogue: catalogue, postcodes: lookup)
                return again?.hash == m.hash && again?.origins == m.origins ? nil : "parsing the same bytes twice differs"
            })
        }
        #expect(report.failures.isEmpty, "\(report.failures.joined(separator: "\n"))")
    }

    @Test func csvRecords() {
        let seeds = [Self.file("examples/cohort-example-la.csv"), Self.bytes("a,\"b,c\",\"d\"\"e\"\r\n\"multi\nline\",,x\r\n")]
        let report = Fuzz.run("CSV", seeds: seeds, cases: Fuzz.cases(2000), needsLines: true) { input in
            var r = CSVReader(bytes: input, file: "t.csv")
            var records: [CSVRecord] = []
            do throws(ATLError) { while let rec = try r.next() { records.append(rec) } } catch {
                return FuzzOutcome(accepted: false, diagnostics: error.diagnostics)
            }
            // RFC 4180 quoting only (CSVWriter also defuses spreadsheet formulas, which changes cells).
            func cell(_ s: String) -> String {
                s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) || s.isEmpty || s.hasPrefix("\u{FEFF}")
                    ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
            }
            let text = records.map { $0.fields.map(cell).joined(separator: ",") + "\r\n" }.joined()
            var back = CSVReader(bytes: Array(text.utf8), file: "t.csv")
            var again: [[String]] = []
            while let rec = try? back.next() { again.append(rec.fields) }
            return FuzzOutcome(accepted: true, roundTripProblem: again == records.map(\.fields) ? nil : "the records changed")
        }
        #expect(report.failures.isEmpty, "\(report.failures.joined(separator: "\n"))")
    }
}
