import ATLTestSupport
import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import ATLSynthetic
import Foundation
import Testing
import ATLRender
@testable import ATLCLI

/// Writes `atl-batch/1` records the way `atl batch` does (one compact line per child, in input order), from
/// lists built in process by the matching engine: test input for `atl allocate` that does not need `atl batch`.
enum BatchFixture {
    static let la = LocalAuthority(code: 999, name: "Severnvale (fictional example LA)")
    static let home = GridPoint(easting: 370_000, northing: 310_000)

    static func setting(_ urn: Int, _ type: SettingType, km: Double, needs: [NeedCode]?, places: Int?, onRoll: Int?,
                        capacity: Int? = 900, pupils: Int? = 890, byNeed: [NeedCode: Int]? = nil) -> Setting {
        Setting(urn: urn, name: "Setting \(urn)", fictional: true, localAuthority: la, type: type, ageRange: AgeRange(low: 11, high: 16),
                gender: .mixed, ofsted: .good, location: GridPoint(easting: home.easting + Int(km * 1000), northing: home.northing),
                capacity: capacity, onRoll: pupils, needs: needs.map { NeedSet($0) },
                specialistProvision: type == .mainstreamResourced ? .resourcedProvision : nil,
                specialistPlaces: places, specialistOnRoll: onRoll, placesByNeed: byNeed, facilities: FacilitySet([]))
    }

    static let settings = [
        setting(9000201, .mainstreamResourced, km: 2, needs: [.ASD, .SLCN], places: 10, onRoll: 9, byNeed: [.ASD: 6, .SLCN: 4]),
        setting(9000202, .special, km: 5, needs: [.ASD, .MLD], places: 60, onRoll: 59, capacity: 60, pupils: 59),
        setting(9000203, .mainstream, km: 3, needs: nil, places: nil, onRoll: nil, capacity: nil, pupils: nil),
        setting(9000204, .special, km: 6, needs: [.SEMH], places: 40, onRoll: 38, capacity: 40, pupils: 38),
    ]

    static func profile(_ ref: String, _ need: NeedCode, km: Int) -> NeedsProfile {
        NeedsProfile(reference: ref, synthetic: true, primaryNeed: need, placementYear: 7,
                     home: .grid(GridPoint(easting: home.easting - km * 300, northing: home.northing + km * 100)), maxJourneyKm: 20)
    }

    static func record(row: Int, _ list: AdvisoryList) -> String {
        JSON.object([("schema", .string("atl-batch/1")), ("row", .int(row)), ("source", .string("cohort.csv:\(row + 1)")),
                     ("reference", .string(list.reference)), ("status", .string("listed")), ("list", ListJSON.value(list))]).serialized()
    }

    static func errorRecord(row: Int, reference: String?, _ message: String) -> String {
        JSON.object([("schema", .string("atl-batch/1")), ("row", .int(row)), ("source", .string("cohort.csv:\(row + 1)")),
                     ("reference", .optional(reference)), ("status", .string("error")), ("errors", .array([.string(message)]))]).serialized()
    }

    /// Seven children (five ASD competing for one resourced place) and one record that failed.
    static func batch(_ catalogue: Catalogue) throws -> String {
        let engine = MatchingEngine(catalogue: catalogue, engineVersion: ATL.version)
        let kids: [(String, NeedCode)] = [("SYN-1", .ASD), ("SYN-2", .ASD), ("SYN-3", .ASD), ("SYN-4", .ASD), ("SYN-5", .ASD),
                                          ("SYN-6", .SEMH), ("SYN-7", .SLCN)]
        var lines: [String] = []
        for (i, (ref, need)) in kids.enumerated() {
            let list = try engine.advisoryList(for: profile(ref, need, km: i), file: "\(ref).profile", profileHash: "h", date: "2026-11-23")
            lines.append(record(row: i + 1, list))
        }
        lines.append(errorRecord(row: 8, reference: "SYN-8", "SYN-8.profile:8: field 'home-postcode': not in the lookup"))
        return lines.joined(separator: "\n") + "\n"
    }
}

@Suite struct AllocateCommandTests {
    func run(_ args: [String]) -> (code: Int32, out: String, err: String) {
        let c = CapturingConsole()
        let code = ATL.run(args, console: c.console)
        return (code, c.out, c.err)
    }

    func setUp() throws -> (TempCatalogue, String) {
        let cat = try TempCatalogue(BatchFixture.settings, name: "alloc-test")
        let loaded = try #require(loadCatalogue(root: cat.path).catalogue)
        let path = cat.file("batch.jsonl").path
        try Data(try BatchFixture.batch(loaded).utf8).write(to: URL(fileURLWithPath: path))
        return (cat, path)
    }

    @Test func markdownReportFromABatch() throws {
        let (cat, batch) = try setUp()
        let args = ["allocate", "--lists", batch, "--catalogue", cat.path, "--date", "2026-11-23"]
        let r = run(args)
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.hasPrefix("# Allocation simulation — fictional settings, synthetic children\n"))
        #expect(r.out.contains("**7 children with a list**; **1 more whose list could not be built**"))
        #expect(r.out.contains("| 8 | SYN-8 | cohort.csv:9 |"))
        #expect(r.out.contains("| Lottery seed | 1 |"))
        #expect(r.err.contains("7 children listed (fictional settings, synthetic children), 1 not listed"))
        #expect(run(args).out == r.out, "same inputs: byte-identical report")
        // Six children put the resourced setting's one specialist place first; deferred acceptance turns five away.
        #expect(r.out.contains("| 9000201 | Setting 9000201 (fictional) | specialist places | 1 | 6 | 6 | 6.00 | 1 | 100% | 5 | 1 |"))
        #expect(r.out.contains("| Children with justified envy | 0 |"))
    }

    @Test func jsonAndCSVFormatsAndOutputFile() throws {
        let (cat, batch) = try setUp()
        let out = cat.file("out/alloc.json").path
        let r = run(["allocate", "--lists", batch, "--catalogue", cat.path, "--date", "2026-11-23", "--format", "json",
                     "--seed", "7", "--output", out])
        #expect(r.code == 0, "\(r.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        #expect(json["schema"] as? String == "atl-allocation/1")
        #expect(json["seed"] as? Int == 7)
        let children = try #require(json["children"] as? [[String: Any]])
        #expect(children.map { $0["reference"] as? String } == (1...7).map { "SYN-\($0)" })
        let methods = try #require(json["methods"] as? [[String: Any]])
        #expect(methods.map { $0["method"] as? String } == ["deferred-acceptance", "greedy-nearest"])
        #expect(methods[0]["children_with_justified_envy"] as? Int == 0)

        let csv = run(["allocate", "--lists", batch, "--catalogue", cat.path, "--format", "csv"])
        #expect(csv.code == 0, "\(csv.err)")
        let rows = csv.out.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 1 + 7 + 1)
        #expect(rows[0].hasPrefix("reference,source,primary_need,synthetic_child,"))
        #expect(rows.last!.hasPrefix("SYN-8,cohort.csv:9,,yes,,not-listed,"))
    }

    @Test func malformedBatchLinesExitTwoWithFileLineField() throws {
        let (cat, batch) = try setUp()
        var lines = try String(contentsOfFile: batch, encoding: .utf8).components(separatedBy: "\n")
        lines[1] = "{\"schema\":\"atl-batch/1\",\"row\":2}"
        lines[3] = "not json"
        try lines.joined(separator: "\n").write(toFile: batch, atomically: true, encoding: .utf8)
        let r = run(["allocate", "--lists", batch, "--catalogue", cat.path])
        #expect(r.code == 2)
        #expect(r.err.contains("\(batch):2: field 'source': missing"))
        #expect(r.err.contains("\(batch):4: not valid JSON"))
        #expect(r.out.isEmpty)
    }

    @Test func settingMissingFromTheCatalogueIsAnError() throws {
        let (cat, batch) = try setUp()
        let other = try TempCatalogue(Array(BatchFixture.settings.dropFirst()), name: "smaller")
        let r = withExtendedLifetime(cat) { run(["allocate", "--lists", batch, "--catalogue", other.path]) }
        #expect(r.code == 2)
        #expect(r.err.contains("field 'list.entries[0].urn': setting 9000201 is not in the catalogue"))
    }

    @Test func batchRecordsAndInProcessListsGiveTheSameProblem() throws {
        let cat = try TempCatalogue(BatchFixture.settings, name: "alloc-same")
        let catalogue = try #require(loadCatalogue(root: cat.path).catalogue)
        let engine = MatchingEngine(catalogue: catalogue, engineVersion: ATL.version)
        let lists = try (0..<6).map { i in
            try engine.advisoryList(for: BatchFixture.profile("SYN-\(i)", [.ASD, .SLCN, .SEMH][i % 3], km: i),
                                    file: "p", profileHash: "h", date: "2026-11-23")
        }
        let text = lists.enumerated().map { BatchFixture.record(row: $0 + 1, $1) }.joined(separator: "\n")
        let records = try BatchRecordFormat.read(Data(text.utf8), file: "b.jsonl")
        let viaJSON = try AllocationProblem.from(children: records.listed, unlisted: [], catalogue: catalogue, seed: 3)
        let inProcess = try AllocationProblem.from(lists: lists, catalogue: catalogue, seed: 3)
        #expect(viaJSON.providers == inProcess.providers)
        #expect(viaJSON.children.map(\.applications).map { $0.map { [$0.provider, $0.listRank, Int($0.milli), Int($0.distanceKey)] } }
                == inProcess.children.map(\.applications).map { $0.map { [$0.provider, $0.listRank, Int($0.milli), Int($0.distanceKey)] } })
        #expect(viaJSON.children.map(\.lottery) == inProcess.children.map(\.lottery))
        #expect(viaJSON.deferredAcceptance().placement == inProcess.deferredAcceptance().placement)
        #expect(viaJSON.notes.isEmpty, "same catalogue hash: no note")
    }

    @Test func usageErrors() throws {
        let (cat, batch) = try setUp()
        #expect(run(["allocate", "--catalogue", cat.path]).code == 1, "--lists is required")
        #expect(run(["allocate", "--lists", batch, "--catalogue", cat.path, "--seed", "-1"]).code == 1)
        #expect(run(["allocate", "--lists", batch, "--catalogue", cat.path, "--format", "html"]).code == 1)
        let missing = run(["allocate", "--lists", cat.file("nope.jsonl").path, "--catalogue", cat.path])
        #expect(missing.code == 2 && missing.err.contains("nope.jsonl: file not found or not readable"))
    }
}
