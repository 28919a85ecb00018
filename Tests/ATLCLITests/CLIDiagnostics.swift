import ATLTestSupport
import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import ATLSynthetic
import ATLServices
import Foundation
import Testing
@testable import ATLCLI

/// The diagnostics only a service reaches (resume state, allocation across catalogues, audit letters, the
/// example-LA generator, synthetic cohorts, the batch's own reconciliation), one test per site; and the exit
/// codes of `atl validate`, `list`, `batch`, `scenario` and `allocate` end to end (0 done, 1 usage, 2 input,
/// 3 output).
@Suite struct CLIDiagnostics {
    let batch = BatchCommandTests()

    func check<T>(_ row: DiagnosticRow, _ r: Result<T, ATLError>, file: String) {
        #expect(row.mismatch(in: r, file: file) == nil, "\(row.mismatch(in: r, file: file) ?? "")")
    }

    /// Engine options on a four-setting fictional catalogue (fast in a debug build), with the test postcodes.
    func engineArgs(_ t: TemporaryFolder) throws -> [String] {
        for s in BatchFixture.settings { try t.write("catalogue/" + SettingFile.fileName(for: s), SettingFile.render(s)) }
        return ["--catalogue", t.path("catalogue"), "--weights", Self.repoPath("provision-catalogue/weights.conf"),
                "--postcodes", try t.write("pc.txt", TestPostcodes.text), "--date", "2026-11-23"]
    }

    /// `atl batch` in process, returning the ATLError it throws (the CLI turns it into an exit code).
    func batchRun(_ args: [String], hooks: BatchService.Hooks = .init()) -> Result<Int32, ATLError> {
        let c = CapturingConsole()
        do {
            let parsed = try ParsedArguments.parse(args, specs: BatchCommand.spec.options)
            return .success(try BatchCommand.run(parsed, console: c.console, hooks: hooks))
        } catch let e as ATLError {
            return .failure(e)
        } catch {
            Issue.record("unexpected \(error)")
            return .success(-1)
        }
    }

    // MARK: Resume state

    /// A run of 4 children in blocks of 1, stopped by a simulated crash after 2 blocks.
    func crashedRun(_ t: TemporaryFolder) throws -> [String] {
        let csv = try t.write("c.csv", try batch.syntheticCSV(4))
        let args = ["--cohort", csv, "--output", t.path("out.jsonl"), "--block-size", "1", "--threads", "1"] + (try engineArgs(t))
        _ = batchRun(args, hooks: .init(crashAfterBlocks: 2))
        #expect(t.read("out.jsonl.state").contains("rows: 2\n"))
        return args
    }

    @Test func resumeRefusesAnotherConfiguration() throws {
        let t = try TemporaryFolder("cli")
        let args = try crashedRun(t)
        let other = args.map { $0 == "2026-11-23" ? "2026-11-24" : $0 }
        check(DiagnosticRow("batch-state.config-differs", line: nil, field: "config"), batchRun(other + ["--resume"]), file: t.path("out.jsonl.state"))
    }

    @Test func resumeRefusesDamagedRecords() throws {
        let t = try TemporaryFolder("cli")
        let args = try crashedRun(t)
        var work = try Data(contentsOf: t.url.appendingPathComponent("out.jsonl.partial"))
        work[0] = UInt8(ascii: "X")
        try work.write(to: t.url.appendingPathComponent("out.jsonl.partial"))
        check(DiagnosticRow("batch-state.incomplete-record", line: 1), batchRun(args + ["--resume"]), file: t.path("out.jsonl.partial"))
    }

    @Test func resumeRefusesARecordCountThatDiffers() throws {
        let t = try TemporaryFolder("cli")
        let args = try crashedRun(t)
        try t.write("out.jsonl.state", t.read("out.jsonl.state").replacingOccurrences(of: "rows: 2", with: "rows: 3"))
        check(DiagnosticRow("batch-state.record-count", line: nil), batchRun(args + ["--resume"]), file: t.path("out.jsonl.partial"))
    }

    /// The batch checks at the end that every input row gave one record: a cohort that grows during the run fails.
    @Test func aCohortChangedDuringTheRunDoesNotReconcile() throws {
        let t = try TemporaryFolder("cli")
        // Long rows (a long faith cell) so the file is larger than one 64 KiB read.
        let padded = try batch.syntheticCSV(20).split(separator: "\r\n").enumerated().map { i, line in
            line + (i == 0 ? ",faith" : "," + String(repeating: "x", count: 4000))
        }.joined(separator: "\r\n") + "\r\n"
        let csv = try t.write("c.csv", padded)
        let extra = padded.split(separator: "\r\n")[1...3].joined(separator: "\r\n") + "\r\n"
        let hooks = BatchService.Hooks(afterBlock: { rows in
            guard rows == 2, let h = FileHandle(forWritingAtPath: csv) else { return }
            h.seekToEndOfFile()
            h.write(Data(extra.utf8))
            h.closeFile()
        })
        let r = batchRun(["--cohort", csv, "--output", t.path("out.jsonl"), "--block-size", "2", "--threads", "1"] + (try engineArgs(t)), hooks: hooks)
        check(DiagnosticRow("output.rows-do-not-reconcile", line: nil), r, file: t.path("out.jsonl"))
    }

    @Test func aSecondRunOnTheSameOutputIsRefused() throws {
        let t = try TemporaryFolder("cli")
        let csv = try t.write("c.csv", try batch.syntheticCSV(2))
        let held = try OutputFile.createForAppending(t.path("out.jsonl.partial"))
        check(DiagnosticRow("output.in-use", line: nil), batchRun(["--cohort", csv, "--output", t.path("out.jsonl")] + (try engineArgs(t))),
              file: t.path("out.jsonl.partial"))
        _ = held
    }

    // MARK: Allocation across catalogues

    @Test func allocationAgainstAnotherCatalogue() throws {
        let cat = try TempCatalogue(BatchFixture.settings, name: "alloc")
        let fictional = try #require(loadCatalogue(root: cat.path).catalogue)
        let text = try BatchFixture.batch(fictional)
        let lists = try TemporaryFolder("alloc")
        func run(_ body: String, _ catalogue: Catalogue) -> Result<AllocationService.Result, ATLError> {
            let path = try! lists.write("b.jsonl", body)
            return attempt { try AllocationService.run(lists: path, catalogueRoot: "other", catalogue: catalogue, seed: 1, date: RunDate("2026-11-23")!, notify: { _ in }) }
        }
        let real = Catalogue(settings: [Setting(urn: 123456, name: "Real", type: .special)], root: "real")
        check(DiagnosticRow("allocation.catalogue-kind-differs", line: 1, field: "list.fictional_catalogue"), run(text, real), file: lists.path("b.jsonl"))
        let marked = text.replacingOccurrences(of: "\"synthetic_catalogue\":false", with: "\"synthetic_catalogue\":true")
        #expect(marked != text)
        check(DiagnosticRow("allocation.synthetic-catalogue-differs", line: 1, field: "list.synthetic_catalogue"), run(marked, fictional), file: lists.path("b.jsonl"))
        let elsewhere = Catalogue(settings: MatchFixture.mixed, root: "elsewhere")
        let r = run(text, elsewhere)
        guard case .failure(let e) = r, let d = e.diagnostics.first(where: { $0.code == "allocation.lists-from-other-catalogue" }) else {
            Issue.record("expected lists-from-other-catalogue, got \(r)"); return
        }
        #expect(d.file == lists.path("b.jsonl") && d.line != nil && d.field?.hasPrefix("list.entries[") == true, "\(d)")
    }

    // MARK: Audit letters

    @Test func auditLetterRecipients() throws {
        let cat = try TempCatalogue(BatchFixture.settings, name: "audit")
        let r = try AuditService.run(catalogue: cat.path, date: RunDate("2026-11-23")!, notify: { _ in })
        check(DiagnosticRow("audit.unknown-urn", line: nil, field: "urn"), attempt { try AuditService.letterRecipients(r, urns: [123], catalogueRoot: cat.path) }, file: cat.path)
        var bench = Setting(urn: 123456, name: "Bench", type: .special)
        bench.synthetic = true
        let synthetic = try TempCatalogue([bench], name: "bench")
        let s = try AuditService.run(catalogue: synthetic.path, date: RunDate("2026-11-23")!, notify: { _ in })
        check(DiagnosticRow("audit.letters-for-synthetic-catalogue", line: nil, field: "synthetic"),
              attempt { try AuditService.letterRecipients(s, urns: [], catalogueRoot: synthetic.path) }, file: synthetic.path)
    }

    @Test func auditOfAnLAWithNoSetting() throws {
        let cat = try TempCatalogue(BatchFixture.settings, name: "audit-la")
        check(DiagnosticRow("audit.unknown-la", line: nil, field: "la"),
              attempt { try AuditService.run(catalogue: cat.path, date: RunDate("2026-11-23")!, localAuthority: 123, notify: { _ in }) }, file: cat.path)
    }

    /// The base map's files: a malformed towns file names its line.
    @Test func malformedGeography() throws {
        let t = try TemporaryFolder("geo")
        let towns = try t.write("towns.txt", "atl-towns/1\tEPSG:27700\ttest\nTelford\t894\tx\t1\tTF3\t1\n")
        check(DiagnosticRow("geography.malformed", line: 2),
              attempt { try GeographyLoader.load(boundaries: Repository.path(GeographyLoader.defaultBoundaries), towns: towns, notify: { _ in }) }, file: towns)
    }

    // MARK: Invented data

    @Test func exampleLAGeneratorRefusals() throws {
        let t = try TemporaryFolder("exla")
        let pc = try t.write("pc.txt", TestPostcodes.text)
        let real = try t.write("real/123456-real.setting.md", "---\nformat: atl-setting/1\nurn: 123456\nname: Real\ntype: special\n---\n")
        check(DiagnosticRow("example-la.holds-real-setting", line: nil, field: "fictional"),
              attempt { try SyntheticDataService.exampleLA(seed: 1, count: 2, folder: t.path("real"), postcodesFile: pc) }, file: real)
        let high = try t.write("high/9000500-x.setting.md", "---\nformat: atl-setting/1\nurn: 9000500\nname: Hand Made\ntype: special\nfictional: yes\n---\n")
        check(DiagnosticRow("example-la.urn-in-generated-range", line: nil, field: "urn"),
              attempt { try SyntheticDataService.exampleLA(seed: 1, count: 2, folder: t.path("high"), postcodesFile: pc) }, file: high)
        let birmingham = try t.write("b.txt", "@B1 E08000025\n1BA 406875 286393\n")
        check(DiagnosticRow("example-la.no-postcodes", line: nil),
              attempt { try SyntheticDataService.exampleLA(seed: 1, count: 2, folder: t.path("empty"), postcodesFile: birmingham) }, file: birmingham)
        check(DiagnosticRow("synthetic-cohort.no-postcodes-for-la", line: nil, field: "la"),
              attempt { try SyntheticCohort(laCode: 335, seed: 1, postcodes: TestPostcodes.lookup, districts: DistrictTable()) }, file: "--la")
    }

    // MARK: Exit codes end to end

    static let repo = Repository.root
    static func repoPath(_ rel: String) -> String { repo.appendingPathComponent(rel).path }

    @Test func validateExitCodes() throws {
        let good = try TempCatalogue(BatchFixture.settings, name: "good")
        #expect(atl(["validate", "--catalogue", good.path]).code == 0)
        let t = try TemporaryFolder("validate")
        try t.write("bad/a.setting.md", "---\nformat: atl-setting/1\nurn: 123456\nname: A\ntype: castle\n---\n")
        let bad = atl(["validate", "--catalogue", t.path("bad")])
        #expect(bad.code == 2 && (bad.out + bad.err).contains("a.setting.md:5: field 'type': unknown value"), "\(bad.out)\(bad.err)")
        #expect(atl(["validate", "--catalogue", t.path("missing")]).code == 2)
        #expect(atl(["validate", "--catalog", good.path]).code == 1)
    }

    @Test func listExitCodes() throws {
        let t = try TemporaryFolder("list")
        let profile = Self.repoPath("examples/asd-slcn-year7.profile")
        let base = ["list"] + (try engineArgs(t))
        let ok = atl(base + ["--profile", try t.write("p.profile", "format: atl-profile/1\nreference: R-1\nprimary-need: ASD\nnc-year: 6\nhome-postcode: TF3 1AB\n")])
        #expect(ok.code == 0, "\(ok.err)")
        #expect(atl(base + ["--profile", profile, "--format", "pdf"]).code == 1)
        let inCatalogue = atl(base + ["--profile", profile, "--output", t.path("catalogue/list.md")])
        #expect(inCatalogue.code == 1 && inCatalogue.err.contains("inside the catalogue folder"), "\(inCatalogue.err)")
        #expect(!FileManager.default.fileExists(atPath: t.path("catalogue/list.md")))
        #expect(atl(base + ["--profile", try t.write("bad.profile", "format: atl-profile/1\n")]).code == 2)
        let zero = atl(base + ["--profile", "/dev/zero"])
        #expect(zero.code == 2 && zero.err.contains("character device"), "\(zero.err)")
        #expect(mkfifo(t.path("fifo"), 0o644) == 0)
        let fifo = atl(base + ["--profile", profile, "--index", t.path("fifo")])
        #expect(fifo.code == 2 && fifo.err.contains("pipe"), "\(fifo.err)")
        #expect(atl(base + ["--profile", t.path("p.profile"), "--output", "/dev/full"]).code == 3)
    }

    @Test func batchExitCodes() throws {
        let t = try TemporaryFolder("batch")
        let e = try engineArgs(t)
        let csv = try t.write("c.csv", try batch.syntheticCSV(3))
        #expect(atl(["batch", "--cohort", csv, "--output", t.path("ok.jsonl")] + e).code == 0)
        let broken = try t.write("broken.csv", CohortFixture.brokenCSV)
        #expect(atl(["batch", "--cohort", broken, "--output", t.path("b.jsonl")] + e).code == 2)
        #expect(atl(["batch", "--cohort", csv, "--output", t.path("x.jsonl"), "--summary", t.path("x.jsonl")] + e).code == 1)
        #expect(atl(["batch", "--cohort", "/dev/zero", "--output", t.path("z.jsonl")] + e).code == 2)
        let file = try t.write("file", "x")
        #expect(atl(["batch", "--cohort", csv, "--output", file + "/out.jsonl"] + e).code == 3)
    }

    @Test func scenarioExitCodes() throws {
        let t = try TemporaryFolder("scenario")
        let cohort = try t.write("c.csv", try batch.syntheticCSV(6))
        let e = try engineArgs(t)
        func run(_ args: [String]) -> (code: Int32, out: String, err: String) { atl(["scenario", "--cohort", cohort] + args + e) }
        let scenario = Self.repoPath("examples/scenarios/asd-demand-plus-20.scenario")
        let ok = run(["--scenario", scenario, "--format", "md"])
        #expect(ok.code == 0, "\(ok.err)")
        #expect(run(["--scenario", scenario, "--output", cohort]).code == 1)
        #expect(run(["--scenario", try t.write("bad.scenario", "format: atl-scenario/1\n")]).code == 2)
        let grow = try t.write("grow.scenario", "format: atl-scenario/1\nname: grow\nchange: demand\nneed: ASD\ngrowth: +1000%\nchange: demand\nneed: ASD\ngrowth: +1000%\n")
        let g = run(["--scenario", grow])
        #expect(g.code == 2 && g.err.contains("grow.scenario:6: field 'growth': this change would take the cohort to"), "\(g.err)")
        #expect(run(["--scenario", scenario, "--format", "md", "--output", "/dev/full"]).code == 3)
    }

    @Test func allocateExitCodes() throws {
        let cat = try TempCatalogue(BatchFixture.settings, name: "alloc")
        let loaded = try #require(loadCatalogue(root: cat.path).catalogue)
        let lists = cat.file("b.jsonl").path
        try Data(try BatchFixture.batch(loaded).utf8).write(to: URL(fileURLWithPath: lists))
        let base = ["allocate", "--lists", lists, "--catalogue", cat.path, "--date", "2026-11-23"]
        #expect(atl(base).code == 0)
        #expect(atl(base + ["--seed", "-1"]).code == 1)
        #expect(atl(base + ["--output", cat.path + "/alloc.md"]).code == 1, "never into the catalogue")
        let bad = cat.file("bad.jsonl").path
        try Data("{not json\n".utf8).write(to: URL(fileURLWithPath: bad))
        #expect(atl(["allocate", "--lists", bad, "--catalogue", cat.path]).code == 2)
        #expect(atl(base + ["--output", "/dev/full"]).code == 3)
    }
}
