import ATLTestSupport
import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import ATLServices
import Foundation
import Testing
@testable import ATLCLI

/// The ten defects an adversarial run of the release binary found (issue 15), each reproduced end to end as it
/// was found; each of these failed before its fix.
@Suite struct AdversarialDefectTests {
    let batch = BatchCommandTests()

    /// A four-setting fictional catalogue folder and the engine options to use it (fast in a debug build).
    func catalogue(_ t: TemporaryFolder) throws -> [String] {
        for s in BatchFixture.settings { try t.write("cat/999-severnvale/" + SettingFile.fileName(for: s), SettingFile.render(s)) }
        return ["--catalogue", t.path("cat"), "--weights", Repository.path("provision-catalogue/weights.conf"),
                "--postcodes", try t.write("pc.txt", TestPostcodes.text), "--date", "2026-11-23"]
    }

    func settingFiles(_ t: TemporaryFolder) -> [String] {
        (FileManager.default.enumerator(atPath: t.path("cat"))?.compactMap { $0 as? String } ?? []).sorted()
    }

    /// 1. Outputs landed inside the catalogue: every command that writes, by a plain path, a `..` path, a
    /// symlinked folder, or a link to a setting file. Now every one is refused and the catalogue is unchanged.
    @Test func outputsNeverLandInsideTheCatalogue() throws {
        let t = try TemporaryFolder("defect1")
        let e = try catalogue(t)
        let before = settingFiles(t)
        let cohort = try t.write("c.csv", try batch.syntheticCSV(3))
        try FileManager.default.createSymbolicLink(atPath: t.path("catlink"), withDestinationPath: t.path("cat"))
        let settingFile = t.path("cat/999-severnvale/" + before.first { $0.hasSuffix(".setting.md") }!.split(separator: "/").last!)
        try FileManager.default.createSymbolicLink(atPath: t.path("to-setting.md"), withDestinationPath: settingFile)
        let profile = try t.write("p.profile", "format: atl-profile/1\nreference: R-1\nprimary-need: ASD\nnc-year: 6\nhome-postcode: TF3 1AB\n")
        let lists = try t.write("lists.jsonl", try BatchFixture.batch(Catalogue(settings: BatchFixture.settings)))
        let scenario = Repository.path("examples/scenarios/asd-demand-plus-20.scenario")
        let inside = [t.path("cat/x.md"), t.path("elsewhere/../cat/x.md"), t.path("catlink/x.md"), t.path("cat/999-severnvale/x.md")]
        var runs: [[String]] = []
        for path in inside {
            runs += [["list", "--profile", profile, "--output", path] + e,
                     ["batch", "--cohort", cohort, "--output", path] + e,
                     ["batch", "--cohort", cohort, "--output", t.path("o.jsonl"), "--summary", path] + e,
                     ["batch", "--cohort", cohort, "--output", t.path("o.jsonl"), "--lists-dir", path + "-lists"] + e,
                     ["allocate", "--lists", lists, "--output", path, "--catalogue", t.path("cat")],
                     ["scenario", "--cohort", cohort, "--scenario", scenario, "--output", path] + e,
                     ["audit", "--catalogue", t.path("cat"), "--letters", path + "-letters"],
                     ["index", "--catalogue", t.path("cat"), "--output", path]]
        }
        runs += [["list", "--profile", profile, "--output", t.path("to-setting.md")] + e,
                 ["list", "--profile", profile, "--output", t.path("anywhere.setting.md")] + e,
                 ["synth-cohort", "--la", "999", "--postcodes", t.path("pc.txt"), "--output", t.path("cat/999-severnvale/c.csv")]]
        for args in runs {
            let r = atl(args)
            #expect(r.code == 1 && r.err.contains("catalogue") || r.err.contains("setting file"), "\(args.prefix(6)): \(r.code) \(r.err)")
        }
        #expect(settingFiles(t) == before, "nothing was written into the catalogue")
        #expect(atl(["validate", "--catalogue", t.path("cat")]).code == 0)
    }

    /// 2. A snapshot whose settings count had its top bit set trapped (SIGILL) in `list`, `why` and `batch`.
    @Test func aCorruptSnapshotIsAnInputErrorNotATrap() throws {
        let t = try TemporaryFolder("defect2")
        let e = try catalogue(t)
        #expect(atl(["index", "--catalogue", t.path("cat"), "--output", t.path("i.atlidx")]).code == 0)
        var bytes = try [UInt8](Data(contentsOf: t.url.appendingPathComponent("i.atlidx")))
        bytes[EngineDiagnosticsOffsets.settingsCount(bytes) + 7] |= 0x80
        try Data(bytes).write(to: t.url.appendingPathComponent("bad.atlidx"))
        let profile = try t.write("p.profile", "format: atl-profile/1\nreference: R-1\nprimary-need: ASD\nnc-year: 6\nhome-postcode: TF3 1AB\n")
        let cohort = try t.write("c.csv", try batch.syntheticCSV(2))
        for args in [["list", "--profile", profile], ["why", "--profile", profile, "--setting", "9000201"],
                     ["batch", "--cohort", cohort, "--output", t.path("o.jsonl")]] {
            let r = atl(args + e + ["--index", t.path("bad.atlidx")])
            #expect(r.code == 2 && r.err.contains("the snapshot is corrupt"), "\(args[0]): \(r.err)")
        }
    }

    /// 3. `--summary` equal to `--output` replaced every record (exit 0); `<output>.state` as a summary path
    /// clobbered the resume state.
    @Test func outputPathsNeverCollide() throws {
        let t = try TemporaryFolder("defect3")
        let e = try catalogue(t)
        let cohort = try t.write("c.csv", try batch.syntheticCSV(2))
        for extra in [["--summary", t.path("o.jsonl")], ["--summary", t.path("o.jsonl.state")], ["--summary-json", t.path("o.jsonl.partial")],
                      ["--summary", t.path("s.md"), "--summary-json", t.path("s.md")]] {
            let r = atl(["batch", "--cohort", cohort, "--output", t.path("o.jsonl")] + extra + e)
            #expect(r.code == 1 && r.err.contains("are the same file"), "\(extra): \(r.err)")
        }
        #expect(!FileManager.default.fileExists(atPath: t.path("o.jsonl")))
    }

    /// 4. Personal data in messages: a cohort whose columns are shifted by a missing comma put a name and a full
    /// postcode into the batch's error records. Now no record repeats a value.
    @Test func errorRecordsNeverQuoteAValue() throws {
        let t = try TemporaryFolder("defect4")
        let e = try catalogue(t)
        let header = "reference,sex,single-sex,allowed-types,synthetic,max-journey,primary-need,nc-year,home-postcode"
        let shifted = "R-1,Jane Smith,TF3 1AB,Jane Smith,07700 900123,Jane Smith TF3 1AB,ASD,6,TF3 1AB"
        let cohort = try t.write("c.csv", header + "\n" + shifted + "\n")
        let r = atl(["batch", "--cohort", cohort, "--output", t.path("o.jsonl")] + e)
        #expect(r.code == 2)
        // The temporary folder's name is a random UUID that may itself contain "1AB": search without it.
        let folder = (t.path("o.jsonl") as NSString).deletingLastPathComponent
        let records = t.read("o.jsonl").replacingOccurrences(of: folder, with: "<tmp>")
        let err = r.err.replacingOccurrences(of: folder, with: "<tmp>")
        #expect(records.contains("\"status\":\"error\""))
        for secret in ["Jane", "Smith", "07700", "1AB"] {
            #expect(!records.contains(secret) && !err.contains(secret), "\(secret) in \(records)\(err)")
        }
    }

    /// 5. A stray quote lost children: opened on one line and closed on the next gave one error record citing
    /// the later line; an unclosed quote swallowed the rest of the file ("2 input rows"). Now every child is
    /// a record, and each line of the file is named.
    @Test func aStrayQuoteNeverLosesAChild() throws {
        let t = try TemporaryFolder("defect5")
        let e = try catalogue(t)
        let rows = try batch.syntheticCSV(8).split(separator: "\r\n").map(String.init)
        // Row 2 (line 3) opens a quote in its second cell that line 4 closes; row 6 (line 7) opens one never closed.
        var lines = rows
        lines[2] = lines[2].replacingOccurrences(of: ",yes,", with: ",\"yes,")
        lines[3] = lines[3].replacingOccurrences(of: ",yes,", with: ",yes\",")
        lines[6] = lines[6].replacingOccurrences(of: ",yes,", with: ",\"yes,")
        let cohort = try t.write("c.csv", lines.joined(separator: "\r\n") + "\r\n")
        let r = atl(["batch", "--cohort", cohort, "--output", t.path("o.jsonl")] + e)
        let records = t.read("o.jsonl").split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(records.count == 8, "8 children, 8 records: \(r.err)")
        #expect(r.err.contains("8 input rows"))
        let errorLines = records.filter { $0["status"] as? String == "error" }.map { $0["source"] as! String }
        #expect(errorLines.contains("\(cohort):3") && errorLines.contains("\(cohort):7"), "\(errorLines)")
        #expect(records.map { $0["source"] as! String } == (2...9).map { "\(cohort):\($0)" }, "every line is a record, in order")
    }

    /// 6. Scenario growth compounded without bound: four +1000% changes turned 20 children into 87,860.
    /// (PlanningDiagnostics and CLIDiagnostics check the limit; here, the command is refused before matching.)
    @Test func scenarioGrowthIsBounded() throws {
        let t = try TemporaryFolder("defect6")
        let e = try catalogue(t)
        let cohort = try t.write("c.csv", try batch.syntheticCSV(20))
        let grow = try t.write("g.scenario", "format: atl-scenario/1\nname: grow\n" + String(repeating: "change: demand\nneed: ASD\ngrowth: +1000%\n", count: 4))
        let r = atl(["scenario", "--cohort", cohort, "--scenario", grow] + e)
        #expect(r.code == 2 && r.err.contains("a scenario may grow a cohort of 20 to at most 200"), "\(r.err)")
    }

    /// 7. A full disk replaced the previous output with a truncated file (`batch`; `synth-cohort` is checked by
    /// tests/kill-resume.sh with a real file-size limit).
    @Test func aFullDiskLeavesThePreviousOutputAlone() throws {
        let t = try TemporaryFolder("defect7")
        let e = try catalogue(t)
        let cohort = try t.write("c.csv", try batch.syntheticCSV(6))
        let previous = try t.write("o.jsonl", "previous records\n")
        let r = batch.run(["--cohort", cohort, "--output", previous, "--block-size", "2", "--threads", "1"] + e,
                          hooks: .init(diskFullAfterBlocks: 1))
        // The command throws output.cannot-write (the CLI's exit code 3, as batchExitCodes shows).
        #expect(r.err.contains("No space left on device"), "\(r.code) \(r.err)")
        #expect(t.read("o.jsonl") == "previous records\n", "the previous output is untouched")
    }

    /// 8. `atl index` output errors were exit 2 in Foundation's words; an output on a character device replaced
    /// the device with a regular file.
    @Test func indexOutputErrorsAreExit3InPlainWords() throws {
        let t = try TemporaryFolder("defect8")
        _ = try catalogue(t)
        let file = try t.write("file", "x")
        let r = atl(["index", "--catalogue", t.path("cat"), "--output", file + "/i.atlidx"])
        #expect(r.code == 3 && r.err.contains("is not a folder") && !r.err.contains("NSCocoaErrorDomain") && !r.err.contains("operation failed"), "\(r.err)")
        #expect(atl(["index", "--catalogue", t.path("cat"), "--output", "/dev/full"]).code == 3)
        #expect(atl(["index", "--catalogue", t.path("cat"), "--output", "/dev/null"]).code == 0)
        var st = stat()
        #expect(stat("/dev/null", &st) == 0 && st.st_mode & S_IFMT == S_IFCHR, "/dev/null is still a character device")
    }

    /// 9. Temporary files left by a kill (beside the output and in --lists-dir, one holding a child's whole list)
    /// were never removed by --resume. Now a resume removes them (and the next write of a name reuses its own).
    @Test func aResumeRemovesTheTemporaryFilesOfAKilledRun() throws {
        let t = try TemporaryFolder("defect9")
        let e = try catalogue(t)
        let cohort = try t.write("c.csv", try batch.syntheticCSV(4))
        let args = ["--cohort", cohort, "--output", t.path("o.jsonl"), "--lists-dir", t.path("lists"), "--block-size", "2", "--threads", "1"] + e
        _ = batch.run(args, hooks: .init(crashAfterBlocks: 1))
        try t.write("lists/.000003-SYN-999-000003.md.atl-tmp", "a child's whole list, half written")
        try t.write(".o.jsonl.state.atl-tmp-4242-1", "half a state")
        let r = batch.run(args + ["--resume"])
        #expect(r.code == 0 && r.err.contains("resuming after row 2 of 4"), "\(r.err)")
        let left = (FileManager.default.enumerator(atPath: t.path)?.compactMap { $0 as? String } ?? []).filter { $0.contains(".atl-tmp") }
        #expect(left.isEmpty, "\(left)")
    }

    /// 10. Devices and pipes: `--cohort /dev/zero` ran forever, a FIFO as --cohort or --index blocked, and
    /// `--cohort <(cat file)` was reported as empty. Now each is refused at once, in words.
    @Test func devicesAndPipesAreRefusedAtOnce() throws {
        let t = try TemporaryFolder("defect10")
        let e = try catalogue(t)
        #expect(mkfifo(t.path("fifo"), 0o644) == 0)
        let started = Date()
        for args in [["batch", "--cohort", "/dev/zero", "--output", t.path("o.jsonl")],
                     ["batch", "--cohort", t.path("fifo"), "--output", t.path("o.jsonl")],
                     ["list", "--profile", "/dev/zero"],
                     ["list", "--profile", Repository.path("examples/asd-slcn-year7.profile"), "--index", t.path("fifo")]] {
            let r = atl(args + e)
            #expect(r.code == 2 && (r.err.contains("character device") || r.err.contains("pipe (FIFO)")), "\(args): \(r.err)")
        }
        #expect(Date().timeIntervalSince(started) < 60, "nothing blocked")
    }
}

/// Where the settings count sits in a snapshot header (after magic, version, length, engine and hash strings).
enum EngineDiagnosticsOffsets {
    static func settingsCount(_ bytes: [UInt8]) -> Int {
        let engine = Int(bytes[16])
        let hashAt = 16 + 4 + engine
        return hashAt + 4 + Int(bytes[hashAt])
    }
}
