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

/// Regression tests for the tester's CLI findings (tester report on main 9b685dc; numbers are the report's).
@Suite struct TesterFindingsCLITests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let catalogue = repo.appendingPathComponent("provision-catalogue/example-la").path

    func run(_ args: [String], environment: [String: String] = [:]) -> (code: Int32, out: String, err: String) {
        let c = CapturingConsole()
        let code = ATL.run(args, console: c.console, environment: environment)
        return (code, c.out, c.err)
    }

    final class Temp {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("atl-tester-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
        @discardableResult func write(_ name: String, _ text: String) throws -> String {
            try Data(text.utf8).write(to: dir.appendingPathComponent(name))
            return path(name)
        }
        func read(_ name: String) -> String { (try? String(contentsOfFile: path(name), encoding: .utf8)) ?? "" }
        deinit { try? FileManager.default.removeItem(at: dir) }
    }

    struct DiskFull: Error {}

    // #1: a failed write to stdout or stderr is exit 3 with a message, never a crash.
    @Test func unwritableStandardOutputIsExit3WithAMessage() {
        let err = CapturingConsole()
        let full = Console(out: { _ in throw POSIXError(.ENOSPC) }, err: { s in err.console.err(s) })
        #expect(ATL.run(["--version"], console: full, environment: [:]) == 3)
        #expect(err.err.contains("atl: cannot write standard output: No space left on device"), "\(err.err)")

        let err2 = CapturingConsole()
        let full2 = Console(out: { _ in throw POSIXError(.ENOSPC) }, err: { s in err2.console.err(s) })
        #expect(ATL.run(["weights"], console: full2, environment: [:]) == 3)
        #expect(err2.err.contains("atl weights: cannot write standard output: No space left on device"), "\(err2.err)")

        // stderr failing too: exit 3, quietly.
        let none = Console(out: { _ in throw DiskFull() }, err: { _ in throw DiskFull() })
        #expect(ATL.run(["--help"], console: none, environment: [:]) == 3)
        let noErr = Console(out: { _ in }, err: { _ in throw DiskFull() })
        #expect(ATL.run(["list"], console: noErr, environment: [:]) == 3)
    }

    // #4: --output writes through a symbolic link and into a FIFO instead of replacing them.
    @Test func outputFollowsSymlinksAndWritesIntoSpecialFiles() throws {
        let t = try Temp()
        let target = try t.write("real.conf", "original\n")
        try FileManager.default.createSymbolicLink(atPath: t.path("link.conf"), withDestinationPath: target)
        let r = run(["weights", "--output", t.path("link.conf")])
        #expect(r.code == 0, "\(r.err)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: t.path("link.conf")) == target)
        #expect(t.read("real.conf").contains("list.size"), "the link's target gets the text")

        let fifo = t.path("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let f = run(["weights", "--output", fifo])
        #expect(f.code == 0, "\(f.err)")
        var st = stat()
        #expect(lstat(fifo, &st) == 0 && st.st_mode & S_IFMT == S_IFIFO, "the FIFO is still a FIFO")
        var buf = [UInt8](repeating: 0, count: 65536)
        let n = read(reader, &buf, buf.count)
        #expect(n > 0 && String(decoding: buf.prefix(max(n, 0)), as: UTF8.self).contains("list.size"))
    }

    // #5: an output path that is an input file is a usage error, and the input is left alone.
    @Test func anOutputThatIsAnInputIsRefused() throws {
        let t = try Temp()
        let w = try t.write("w.conf", Weights.defaults.render())
        let cohort = try t.write("c.csv", "reference,primary-need\nX-1,ASD\n")
        for args in [["--output", cohort], ["--output", t.path("o.jsonl"), "--summary", cohort],
                     ["--output", t.path("o2.jsonl"), "--summary-json", cohort]] {
            let b = run(["batch", "--cohort", cohort] + args + ["--date", "2026-11-23"])
            #expect(b.code == 1, "\(args): \(b.err)")
            #expect(b.err.contains("is the input --cohort"), "\(b.err)")
            #expect(t.read("c.csv") == "reference,primary-need\nX-1,ASD\n")
        }
        // Through a symbolic link too.
        try FileManager.default.createSymbolicLink(atPath: t.path("alias.jsonl"), withDestinationPath: cohort)
        #expect(run(["batch", "--cohort", cohort, "--output", t.path("alias.jsonl")]).code == 1)
        // synth-cohort: output over its postcode lookup.
        let pc = try t.write("pc.txt", "@TF3 E06000020\n1LA 370564 305849\n")
        #expect(run(["synth-cohort", "--la", "999", "--postcodes", pc, "--output", pc]).code == 1)
        #expect(t.read("pc.txt") == "@TF3 E06000020\n1LA 370564 305849\n")
        // The weights command reads --weights and writes --output.
        #expect(run(["weights", "--weights", w, "--output", w]).code == 1)
    }

    // #9: impossible calendar dates and years outside 1900...2100 are usage errors.
    @Test func impossibleRunDatesAreRejected() {
        for d in ["2026-02-31", "2026-04-31", "1800-01-01", "9999-01-01", "2026-13-01", "2026-2-3"] {
            let r = run(["list", "--profile", "/nonexistent.profile", "--date", d])
            #expect(r.code == 1, "\(d): \(r.err)")
            #expect(r.err.contains("--date expects"), "\(d)")
        }
        #expect(throws: Never.self) { try AuditCommand.auditDate("2028-02-29") }
        #expect(throws: CLIError.self) { try AuditCommand.auditDate("2027-02-29") }
    }

    // #15: a missing default weights file gives a note; a missing --weights file is an error.
    @Test func missingWeightsAreNoticed() throws {
        let specs: [OptionSpec] = [.value("weights", "file", "", default: "/nonexistent/provision-catalogue/weights.conf")]
        let c = CapturingConsole()
        let w = try EngineOptions.weights(try ParsedArguments.parse([], specs: specs), console: c.console)
        #expect(w.hash == Weights.defaults.hash)
        #expect(c.err.contains("weights: built-in defaults (/nonexistent/provision-catalogue/weights.conf not found"), "\(c.err)")

        #expect(throws: CLIError.self) {
            try EngineOptions.weights(try ParsedArguments.parse(["--weights", "/nonexistent/w.conf"], specs: specs), console: c.console)
        }
    }

    // #17: an empty --year list is a usage error, not year 7.
    @Test func emptyYearListsAreRejected() throws {
        let t = try Temp()
        for y in [",,,", "", "7,", ",R"] {
            let r = run(["synth-cohort", "--la", "999", "--year", y, "--output", t.path("y.csv")])
            #expect(r.code == 1, "\"\(y)\": \(r.err)")
            #expect(r.err.contains("--year expects"), "\(r.err)")
        }
    }

    // #18: a bad ATL_THREADS is a usage error.
    @Test func badThreadEnvironmentIsAUsageError() {
        for v in ["abc", "0", "-1", "99999", ""] {
            let r = run(["validate", "--catalogue", "/nonexistent"], environment: ["ATL_THREADS": v])
            #expect(r.code == 1, "ATL_THREADS=\(v)")
            #expect(r.err.contains("ATL_THREADS must be a whole number from 1 to 1024"))
        }
        #expect(ATL.threadsEnvironmentProblem(["ATL_THREADS": "2"]) == nil)
        #expect(ATL.threadsEnvironmentProblem([:]) == nil)
    }

    // #20, #30, #37: batch notes a --resume without state, checks --summary first, and reads well at the end.
    @Test func batchResumeNoteSummaryCheckAndClosingLine() throws {
        let b = BatchCommandTests()
        let tmp = try BatchCommandTests.Temp()
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
        let w = run(["allocate", "--lists", lists, "--catalogue", other.path, "--date", "2026-11-23"])
        #expect(w.code == 0, "\(w.err)")
        #expect(w.err.contains("warning: 7 of 7 lists were made from a different catalogue"), "\(w.err)")
        #expect(!run(["allocate", "--lists", lists, "--catalogue", cat.path, "--date", "2026-11-23"]).err.contains("warning"))

        // Other URNs: one line, not one per listed setting.
        let moved = BatchFixture.settings.map { s in var s = s; s.urn += 100; return s }
        let wrong = try TempCatalogue(moved, name: "alloc-c")
        let e = run(["allocate", "--lists", lists, "--catalogue", wrong.path, "--date", "2026-11-23"])
        #expect(e.code == 2)
        let lines = e.err.split(separator: "\n")
        #expect(lines.count == 2, "\(e.err)")
        #expect(e.err.contains("pass the catalogue the batch used"))

        // A real catalogue for fictional lists: one line.
        let real = try TempCatalogue(AuditCommandTests.settings, name: "real")
        let f = run(["allocate", "--lists", lists, "--catalogue", real.path, "--date", "2026-11-23"])
        #expect(f.code == 2)
        #expect(f.err.split(separator: "\n").count == 2, "\(f.err)")
        #expect(f.err.contains("the lists were made from a fictional catalogue but --catalogue \(real.path) is real"))
    }

    // #23: plain messages, an empty --output is a usage error.
    @Test func fileErrorsAreInPlainWords() throws {
        let t = try Temp()
        let r = run(["weights", "--output", t.dir.path])
        #expect(r.code == 3)
        #expect(r.err.contains("it is a folder, not a file"), "\(r.err)")
        #expect(!r.err.contains("NSCocoaErrorDomain"))

        let e = run(["weights", "--output", ""])
        #expect(e.code == 1, "\(e.err)")
        #expect(e.err.contains("--output needs a path, got an empty value"))

        let p = run(["list", "--profile", t.dir.path, "--date", "2026-11-23"])
        #expect(p.code == 2)
        #expect(p.err.contains("is a folder, not a profile"), "\(p.err)")

        let i = run(["import-schools", t.dir.path, "--catalogue", t.path("cat")])
        #expect(i.code == 2)
        #expect(i.err.contains("is a folder, not a CSV file"), "\(i.err)")
        #expect(!i.err.contains("NSCocoaErrorDomain"))
    }

    // #24: a bare Diagnostic (postcode not in the lookup) still ends with the "N errors in the input" line.
    @Test func everyExit2EndsWithTheErrorCount() throws {
        let t = try Temp()
        let child = ListOutputCLITests.child.replacingOccurrences(of: "TF3 1LA", with: "TF3 9ZZ")
        let profile = try t.write("child.profile", child)
        let pc = try t.write("pc.txt", "# test lookup\n@TF3 E06000020\n1LA 370564 305849\n")
        let r = run(["list", "--profile", profile, "--catalogue", Self.catalogue, "--postcodes", pc, "--date", "2026-11-23"])
        #expect(r.code == 2, "\(r.err)")
        #expect(r.err.hasSuffix("atl list: 1 error in the input\n"), "\(r.err)")
    }

    // #26: help for an unknown command says so.
    @Test func helpForAnUnknownCommand() {
        let r = run(["help", "nonsense"])
        #expect(r.code == 1)
        #expect(r.err.hasPrefix("atl: unknown command 'nonsense'"))
        #expect(run(["help", "list"]).code == 0)
    }

    // #27: the --date help says the date sets the academic year.
    @Test func dateHelpMentionsTheAcademicYear() {
        for name in ["list", "why", "batch"] {
            #expect(run([name, "--help"]).out.contains("academic year"), "\(name)")
        }
    }

    // #28: "1 setting", not "1 settings".
    @Test func whySaysOneSetting() throws {
        let one = try TempCatalogue([BatchFixture.settings[1]], name: "one")
        let catalogue = try #require(loadCatalogue(root: one.path).catalogue)
        let engine = MatchingEngine(catalogue: catalogue, engineVersion: ATL.version)
        let a = try engine.why(BatchFixture.profile("SYN-1", .ASD, km: 1), file: "x.profile", urn: 9000202)
        #expect(a.listSize == 1)
        let text = WhyText.render(a, reference: "SYN-1")
        #expect(text.contains("It is on the list (1 setting)"), "\(text)")
    }

    // #35: import-postcodes needs --output (it used to overwrite the shipped lookup by default).
    @Test func importPostcodesNeedsOutput() throws {
        let t = try Temp()
        let csv = try t.write("pc.csv", "postcode,easting,northing,admin_district_code\nTF3 1LA,370564,305849,E06000020\n")
        let r = run(["import-postcodes", csv])
        #expect(r.code == 1)
        #expect(r.err.contains("missing --output"))
    }
}
