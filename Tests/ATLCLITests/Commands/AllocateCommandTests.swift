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

@Suite struct AllocateCommandTests {

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
        let r = atl(args)
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.hasPrefix("# Allocation simulation — fictional settings, synthetic children\n"))
        #expect(r.out.contains("**7 children with a list**; **1 more whose list could not be built**"))
        #expect(r.out.contains("| 8 | SYN-8 | cohort.csv:9 |"))
        #expect(r.out.contains("| Lottery seed | 1 |"))
        #expect(r.err.contains("7 children listed (fictional settings, synthetic children), 1 not listed"))
        #expect(atl(args).out == r.out, "same inputs: byte-identical report")
        // Six children put the resourced setting's one specialist place first; deferred acceptance turns five away.
        #expect(r.out.contains("| 9000201 | Setting 9000201 (fictional) | specialist places | 1 | 6 | 6 | 6.00 | 1 | 100% | 5 | 1 |"))
        #expect(r.out.contains("| Children with justified envy | 0 |"))
    }

    @Test func jsonAndCSVFormatsAndOutputFile() throws {
        let (cat, batch) = try setUp()
        let out = cat.file("out/alloc.json").path
        let r = atl(["allocate", "--lists", batch, "--catalogue", cat.path, "--date", "2026-11-23", "--format", "json",
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

        let csv = atl(["allocate", "--lists", batch, "--catalogue", cat.path, "--format", "csv"])
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
        let r = atl(["allocate", "--lists", batch, "--catalogue", cat.path])
        #expect(r.code == 2)
        #expect(r.err.contains("\(batch):2: field 'source': missing"))
        #expect(r.err.contains("\(batch):4: not valid JSON"))
        #expect(r.out.isEmpty)
    }

    @Test func settingMissingFromTheCatalogueIsAnError() throws {
        let (cat, batch) = try setUp()
        let other = try TempCatalogue(Array(BatchFixture.settings.dropFirst()), name: "smaller")
        let r = withExtendedLifetime(cat) { atl(["allocate", "--lists", batch, "--catalogue", other.path]) }
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
        #expect(atl(["allocate", "--catalogue", cat.path]).code == 1, "--lists is required")
        #expect(atl(["allocate", "--lists", batch, "--catalogue", cat.path, "--seed", "-1"]).code == 1)
        #expect(atl(["allocate", "--lists", batch, "--catalogue", cat.path, "--format", "html"]).code == 1)
        let missing = atl(["allocate", "--lists", cat.file("nope.jsonl").path, "--catalogue", cat.path])
        #expect(missing.code == 2 && missing.err.contains("nope.jsonl: batch records file not found"))
    }

    // #14, #21: allocating against another catalogue: one clear line, or a warning when the URNs still match.
    @Test func allocateAgainstAnotherCatalogue() throws {
        let cat = try TempCatalogue(BatchFixture.settings, name: "alloc-a")
        let loaded = try #require(loadCatalogue(root: cat.path).catalogue)
        let lists = cat.file("batch.jsonl").path
        try Data(try BatchFixture.batch(loaded).utf8).write(to: URL(fileURLWithPath: lists))

        // Same URNs, edited catalogue: a warning (the report still notes it).
        var edited = BatchFixture.settings
        edited[0].name = "Setting 9000201 renamed"
        let other = try TempCatalogue(edited, name: "alloc-b")
        let w = atl(["allocate", "--lists", lists, "--catalogue", other.path, "--date", "2026-11-23"])
        #expect(w.code == 0, "\(w.err)")
        #expect(w.err.contains("warning: 7 of 7 lists were made from a different catalogue"), "\(w.err)")
        #expect(!atl(["allocate", "--lists", lists, "--catalogue", cat.path, "--date", "2026-11-23"]).err.contains("warning"))

        // Other URNs: one line, not one per listed setting.
        let moved = BatchFixture.settings.map { s in var s = s; s.urn += 100; return s }
        let wrong = try TempCatalogue(moved, name: "alloc-c")
        let e = atl(["allocate", "--lists", lists, "--catalogue", wrong.path, "--date", "2026-11-23"])
        #expect(e.code == 2)
        let lines = e.err.split(separator: "\n")
        #expect(lines.count == 2, "\(e.err)")
        #expect(e.err.contains("pass the catalogue the batch used"))

        // A real catalogue for fictional lists: one line.
        let real = try TempCatalogue(AuditCommandTests.settings, name: "real")
        let f = atl(["allocate", "--lists", lists, "--catalogue", real.path, "--date", "2026-11-23"])
        #expect(f.code == 2)
        #expect(f.err.split(separator: "\n").count == 2, "\(f.err)")
        #expect(f.err.contains("the lists were made from a fictional catalogue but --catalogue \(real.path) is real"))
    }
}
