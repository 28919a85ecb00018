import ATLTestSupport
import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import ATLSynthetic
import Foundation
import Testing
@testable import ATLCLI
import ATLServices

/// `atl batch` end to end on the shipped fictional example catalogue, with a small postcode lookup and
/// synthetic cohorts written to a temporary folder.
@Suite struct BatchCommandTests {
    static let repo = Repository.root
    static let postcodes = TestPostcodes.text


    func engineArgs(_ t: TemporaryFolder) throws -> [String] {
        ["--catalogue", Self.repo.appendingPathComponent("provision-catalogue/example-la").path,
         "--weights", Self.repo.appendingPathComponent("provision-catalogue/weights.conf").path,
         "--postcodes", try t.write("pc.txt", Self.postcodes), "--date", "2026-11-23"]
    }

    func syntheticCSV(_ n: Int, seed: UInt64 = 3) throws -> String {
        let lookup = try PostcodeLookup.parse(Array(Self.postcodes.utf8), file: "pc.txt")
        let g = try SyntheticCohort(laCode: 999, seed: seed, postcodes: lookup, districts: DistrictTable())
        func cell(_ s: String) -> String { s.contains(",") ? "\"\(s)\"" : s }
        var text = SyntheticCohort.columns.map(\.rawValue).joined(separator: ",") + "\r\n"
        for i in 0..<n { text += g.row(i).map(cell).joined(separator: ",") + "\r\n" }
        return text
    }

    func run(_ args: [String], hooks: BatchService.Hooks = .init()) -> (code: Int32, err: String) {
        if hooks.crashAfterBlocks == nil && hooks.diskFullAfterBlocks == nil && hooks.afterBlock == nil { let r = atl(["batch"] + args); return (r.code, r.err) }
        let c = CapturingConsole()
        do {
            let parsed = try ParsedArguments.parse(args, specs: BatchCommand.spec.options)
            return (try BatchCommand.run(parsed, console: c.console, hooks: hooks), c.err)
        } catch {
            return (-1, "\(error)")
        }
    }

    func records(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    @Test func brokenRowsGiveErrorRecordsAndEveryOtherRowIsListed() throws {
        let t = try TemporaryFolder()
        let csv = try t.write("broken.csv", CohortFixture.brokenCSV)
        let r = run(["--cohort", csv, "--output", t.path("out.jsonl"), "--summary", t.path("s.md"),
                     "--summary-json", t.path("s.json"), "--threads", "2", "--block-size", "3"] + (try engineArgs(t)))
        #expect(r.code == 2, "rows with errors give exit code 2 after all records are written")
        let recs = records(t.read("out.jsonl"))
        #expect(recs.map { $0["row"] as! Int } == Array(1...9))
        #expect(recs.map { $0["status"] as! String } == ["listed", "error", "listed", "error", "error", "error", "error", "listed", "error"])
        #expect(recs.map { $0["source"] as! String } == [2, 3, 4, 6, 7, 8, 9, 10, 11].map { "\(csv):\($0)" })
        func firstError(_ i: Int) -> (line: Int?, field: String?, message: String) {
            let e = (recs[i]["errors"] as! [[String: Any]])[0]
            return (e["line"] as? Int, e["field"] as? String, e["message"] as! String)
        }
        #expect(firstError(1).field == "primary-need" && firstError(1).line == 3)
        #expect(firstError(3).field == "primary-need" && firstError(3).line == 6)
        #expect(firstError(4).field == "home-postcode" && firstError(4).line == 7)
        #expect(firstError(5).field == "home-postcode" && firstError(5).line == 8)
        #expect(firstError(6).field == "reference" && firstError(6).message == "duplicate of row 1")
        #expect(firstError(8).line == 11 && recs[8]["reference"] is NSNull)
        #expect(recs[1]["reference"] as? String == "T-002")
        // The closing summary reconciles, in the summary files and on stderr.
        #expect(r.err.contains("9 input rows = 3 listed + 6 errors"))
        #expect(t.read("s.md").contains("| 9 | 3 | 6 | yes |"))
        let s = try JSONSerialization.jsonObject(with: Data(t.read("s.json").utf8)) as! [String: Any]
        #expect(s["rows"] as? Int == 9 && s["listed"] as? Int == 3 && s["errors"] as? Int == 6 && s["reconciles"] as? Bool == true)
        #expect(!r.err.contains("SLCN mild"), "stderr carries counts and diagnostics, never whole rows")
    }

    @Test func outputIsByteIdenticalForAnyThreadCountAndBlockSize() throws {
        let t = try TemporaryFolder()
        let csv = try t.write("c.csv", try syntheticCSV(24))
        let e = try engineArgs(t)
        let a = run(["--cohort", csv, "--output", t.path("a.jsonl"), "--threads", "1", "--block-size", "5", "--summary", t.path("a.md")] + e)
        let b = run(["--cohort", csv, "--output", t.path("b.jsonl"), "--threads", "2", "--block-size", "16", "--summary", t.path("b.md")] + e)
        #expect(a.code == 0 && b.code == 0)
        #expect(t.read("a.jsonl") == t.read("b.jsonl"))
        #expect(t.read("a.md") == t.read("b.md"))
        let recs = records(t.read("a.jsonl"))
        #expect(recs.count == 24)
        #expect(recs.map { $0["row"] as! Int } == Array(1...24), "records are in input order")
        let first = t.read("a.jsonl").split(separator: "\n")[0]
        #expect(first.hasPrefix("{\"schema\":\"atl-batch/1\",\"row\":1,\"source\":\"\(csv):2\",\"reference\":\"SYN-999-000001\",\"status\":\"listed\",\"list\":{\"schema\":\"atl-list/1\""))
        #expect(t.read("a.md").contains("**Synthetic children:** 24 of the 24"))
    }

    @Test func resumeAfterACrashGivesTheSameBytes() throws {
        let t = try TemporaryFolder()
        let csv = try t.write("c.csv", try syntheticCSV(20, seed: 9))
        let e = try engineArgs(t)
        let common = ["--cohort", csv, "--threads", "2", "--block-size", "6", "--lists-dir"]
        let whole = run(common + [t.path("lists-a"), "--output", t.path("whole.jsonl"), "--summary", t.path("whole.md")] + e)
        #expect(whole.code == 0)
        // Crash after 2 blocks of 6, leaving half of the third block's bytes (a partial trailing record).
        let crashed = run(common + [t.path("lists-b"), "--output", t.path("resumed.jsonl"), "--summary", t.path("resumed.md")] + e,
                          hooks: .init(crashAfterBlocks: 2))
        #expect(crashed.code == 3)
        let partial = t.read("resumed.jsonl.partial")
        #expect(partial.count > 0 && !partial.hasSuffix("\n"), "the crash leaves a partial trailing record in the work file")
        #expect(!FileManager.default.fileExists(atPath: t.path("resumed.jsonl")), "the output appears only when the run is complete")
        #expect(t.read("resumed.jsonl.state").contains("rows: 12\n"))
        let resumed = run(common + [t.path("lists-b"), "--output", t.path("resumed.jsonl"), "--summary", t.path("resumed.md"), "--resume"] + e)
        #expect(resumed.code == 0)
        #expect(resumed.err.contains("resuming after row 12 of 20"))
        #expect(t.read("resumed.jsonl") == t.read("whole.jsonl"))
        #expect(t.read("resumed.md") == t.read("whole.md"))
        #expect(t.read("resumed.jsonl.state").contains("complete: yes"))
        let listsA = try FileManager.default.contentsOfDirectory(atPath: t.path("lists-a")).sorted()
        let listsB = try FileManager.default.contentsOfDirectory(atPath: t.path("lists-b")).sorted()
        #expect(listsA == listsB && listsA.count == 20 && listsA.first == "000001-SYN-999-000001.md")
        // Resuming a finished run redoes nothing and changes nothing.
        let again = run(common + [t.path("lists-b"), "--output", t.path("resumed.jsonl"), "--summary", t.path("resumed.md"), "--resume"] + e)
        #expect(again.code == 0 && t.read("resumed.jsonl") == t.read("whole.jsonl"))
    }

    @Test func resumeRefusesADifferentConfiguration() throws {
        let t = try TemporaryFolder()
        let csv = try t.write("c.csv", try syntheticCSV(10))
        var e = try engineArgs(t)
        let crashed = run(["--cohort", csv, "--output", t.path("o.jsonl"), "--block-size", "4"] + e, hooks: .init(crashAfterBlocks: 1))
        #expect(crashed.code == 3)
        e[e.count - 1] = "2026-11-24"
        let r = run(["--cohort", csv, "--output", t.path("o.jsonl"), "--block-size", "4", "--resume"] + e)
        #expect(r.code == 2)
        #expect(r.err.contains("run again without --resume"))
    }

    @Test func aFolderOfProfilesIsReadInFileNameOrder() throws {
        let t = try TemporaryFolder()
        let dir = t.path("profiles")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let profile = { (ref: String) in "format: atl-profile/1\nreference: \(ref)\nsynthetic: yes\nprimary-need: ASD\nplacement-year: 7\nhome-postcode: TF3 1AB\n" }
        _ = try t.write("profiles/b.profile", profile("P-2"))
        _ = try t.write("profiles/a.profile", profile("P-1"))
        _ = try t.write("profiles/c.profile", "format: atl-profile/1\nreference: P-3\nprimary-need: ASD\n")
        _ = try t.write("profiles/notes.txt", "not a profile")
        let r = run(["--cohort", dir, "--output", t.path("o.jsonl")] + (try engineArgs(t)))
        #expect(r.code == 2)
        let recs = records(t.read("o.jsonl"))
        #expect(recs.map { $0["reference"] as? String } == ["P-1", "P-2", "P-3"])
        #expect(recs.map { $0["source"] as! String } == ["a", "b", "c"].map { dir + "/\($0).profile:1" })
        #expect(recs.map { $0["status"] as! String } == ["listed", "listed", "error"])
    }

    @Test func aChildWithNoSuitableSettingIsStillListed() throws {
        let t = try TemporaryFolder()
        let csv = try t.write("c.csv", "reference,primary-need,placement-year,home-postcode,max-journey\r\nZ-1,ASD,7,B1 1BA,1 km\r\n")
        let r = run(["--cohort", csv, "--output", t.path("o.jsonl"), "--summary-json", t.path("s.json")] + (try engineArgs(t)))
        #expect(r.code == 0)
        let rec = records(t.read("o.jsonl"))[0]
        #expect(rec["status"] as? String == "listed")
        let list = rec["list"] as! [String: Any]
        // Nothing lies within 1 km; the nearest settings that meet the need are listed as long journeys (policy R2).
        let entries = list["entries"] as! [[String: Any]]
        #expect(!entries.isEmpty && entries.allSatisfy { ($0["labels"] as! [String]).contains("long-journey") })
        let summary = list["summary"] as! [String: Any]
        #expect(summary["eligible"] as? Int == 0)
        #expect((summary["excluded"] as! [[String: Any]]).contains { $0["rule"] as? String == "journey" })
        let s = try JSONSerialization.jsonObject(with: Data(t.read("s.json").utf8)) as! [String: Any]
        let all = s["all"] as! [String: Any]
        #expect(all["no_suitable_setting"] as? Int == 1 && all["nothing_within_max_journey"] as? Int == 1)
    }

    @Test func aBatchListIsTheListThatAtlListWrites() throws {
        let t = try TemporaryFolder()
        let dir = t.path("one")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let profile = try t.write("one/child.profile", """
            format: atl-profile/1
            reference: EX-0001
            synthetic: yes
            primary-need: ASD severe
            secondary-needs: SLCN moderate
            desirable: sensory-room, quiet-space
            placement-year: 7
            home-postcode: TF3 1AB
            max-journey: 12 miles

            """)
        let e = try engineArgs(t)
        #expect(run(["--cohort", dir, "--output", t.path("o.jsonl")] + e).code == 0)
        let c = CapturingConsole()
        #expect(ATL.run(["list", "--profile", profile, "--format", "json"] + e, console: c.console) == 0)
        let single = try JSONSerialization.jsonObject(with: Data(c.out.utf8)) as! NSDictionary
        let batch = records(t.read("o.jsonl"))[0]["list"] as! NSDictionary
        #expect(batch == single)
    }

    @Test func progressRedrawsInPlaceOnATerminalAndPrintsLinesOtherwise() {
        final class Sink: @unchecked Sendable { var text = "" }
        let sink = Sink()
        let tty = Console(out: { _ in }, err: { sink.text += $0 }, errIsTerminal: true)
        let p = BatchProgress(console: tty)
        p.update(50, 100, 0)
        p.update(100, 100, 0)
        p.finish()
        #expect(sink.text.hasPrefix("\r[") && sink.text.contains("100/100 children") && sink.text.hasSuffix("\n"))
        let plain = CapturingConsole()
        let q = BatchProgress(console: plain.console)
        for i in 1...100 { q.update(i, 100, 0) }
        q.finish()
        #expect(plain.err.split(separator: "\n").count == 10)
        #expect(!plain.err.contains("\r"))
    }

    @Test func synthCohortIsDeterministicAndMarkedSynthetic() throws {
        let t = try TemporaryFolder()
        let pc = try t.write("pc.txt", Self.postcodes)
        for name in ["a.csv", "b.csv"] {
            let c = CapturingConsole()
            let code = ATL.run(["synth-cohort", "--la", "999", "--size", "25", "--seed", "4", "--year", "R,7,12",
                                "--postcodes", pc, "--output", t.path(name)], console: c.console)
            #expect(code == 0)
        }
        #expect(t.read("a.csv") == t.read("b.csv"))
        let lines = t.read("a.csv").split(separator: "\r\n")
        #expect(lines.count == 26)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("SYN-999-") && $0.contains(",yes,") })
        let c = CapturingConsole()
        #expect(ATL.run(["synth-cohort", "--la", "335", "--postcodes", pc, "--output", t.path("x.csv")], console: c.console) == 1)
    }

    // #20, #30, #37: batch notes a --resume without state, checks --summary first, and reads well at the end.
    @Test func batchResumeNoteSummaryCheckAndClosingLine() throws {
        let b = self
        let tmp = try TemporaryFolder("batch")
        let cohort = try tmp.write("cohort.csv", try b.syntheticCSV(2))
        let args = try b.engineArgs(tmp)

        let notAFolder = try tmp.write("file", "x")
        let bad = b.run(["--cohort", cohort, "--output", tmp.path("out.jsonl"), "--summary", notAFolder + "/s.md"] + args)
        #expect(bad.code == 3, "\(bad.err)")
        #expect(bad.err.contains("cannot write --summary"), "\(bad.err)")
        #expect(!FileManager.default.fileExists(atPath: tmp.path("out.jsonl")), "checked before the run")
        let badDir = b.run(["--cohort", cohort, "--output", tmp.path("out.jsonl"), "--lists-dir", notAFolder + "/lists"] + args)
        #expect(badDir.code == 3, "\(badDir.err)")

        let r = b.run(["--cohort", cohort, "--output", tmp.path("out.jsonl"), "--resume"] + args)
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.contains("no state file \(tmp.path("out.jsonl")).state; starting from the beginning"))
        #expect(r.err.contains("atl batch: 2 input rows = 2 listed + 0 errors. "), "\(r.err)")

        var s = CohortSummary(k: 1)
        s.add(.error)
        #expect(BatchCommand.summaryLine(s, k: 1)
                == "atl batch: 1 input row = 0 listed + 1 error. 0 listed children have fewer than 1 suitable setting; 0 have none.")
    }
}
