import ATLTestSupport
import ATLModel
import ATLData
import ATLEngine
import ATLServices
import ATLWorkbench
import Foundation
import Testing

/// Every diagnostic of the workbench's own stores, one row per site: the register of issued lists, the SENCo's
/// report drafts and their acceptance into the catalogue, and `atl serve`'s refusal to listen beyond this machine
/// without a token.
@Suite struct WorkbenchDiagnostics {
    func check<T>(_ row: DiagnosticRow, _ r: Result<T, ATLError>, file: String? = nil) {
        #expect(row.mismatch(in: r, file: file) == nil, "\(row.mismatch(in: r, file: file) ?? "")")
    }

    // MARK: Register

    /// A register whose only record is `line` (the register's own first record, edited by the test).
    static func register(holding edit: (String) -> String) throws -> (TemporaryFolder, String) {
        let dir = try TemporaryFolder("register-diagnostics")
        let path = dir.path("register.jsonl")
        try ListRegister(path: path).append(RegisterTests.issue(1))
        let line = dir.read("register.jsonl")
        try edit(line).write(toFile: path, atomically: false, encoding: .utf8)
        return (dir, path)
    }

    @Test func everyRegisterDiagnostic() throws {
        // Not JSON at all.
        let (d1, p1) = try Self.register { _ in "not a record\n" }
        check(DiagnosticRow("register.damaged", line: 1, says: "not a complete JSON record"), attempt { try ListRegister(path: p1) }, file: p1)
        // A record with a field missing: named by the field reader.
        let (d2, p2) = try Self.register { $0.replacingOccurrences(of: "\"officer\":", with: "\"officer_was\":") }
        check(DiagnosticRow("register.damaged", line: 1, field: "officer"), attempt { try ListRegister(path: p2) }, file: p2)
        // Another program appended after the workbench opened it.
        let (d3, p3) = try Self.register { $0 }
        let r3 = try ListRegister(path: p3)
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: p3))
        h.seekToEndOfFile(); h.write(Data("x".utf8)); try h.close()
        check(DiagnosticRow("register.changed-elsewhere", line: nil), attempt { try r3.append(RegisterTests.issue(2)) }, file: p3)
        // An officer identifier that could be a name.
        let (d4, p4) = try Self.register { $0 }
        var issue = try RegisterTests.issue(2)
        issue.officer = "Jo Smith"
        check(DiagnosticRow("register.officer", line: nil, field: "officer"), attempt { try ListRegister(path: p4).append(issue) }, file: p4)
        // The test hook that stops a write part way, as a killed process would.
        check(DiagnosticRow("register.simulated-crash", line: nil),
              attempt { try ListRegister(path: p4).append(RegisterTests.issue(3), hooks: ListRegister.Hooks(crashAfterBytes: 10)) }, file: p4)
        // A data folder that does not exist.
        let missing = d4.path("no-such-folder/register.jsonl")
        check(DiagnosticRow("output.register", line: nil, says: "cannot open"), attempt { try ListRegister(path: missing) }, file: missing)
        _ = (d1, d2, d3)
    }

    // MARK: Report drafts

    @Test func everyDraftDiagnostic() throws {
        let long = String(repeating: "x", count: ReportDraftStore.sectionLimit + 1)
        let section = ReportSection.allCases[0]
        check(DiagnosticRow("draft.too-long", line: nil, field: section.rawValue),
              attempt { try ReportDraftStore.check(long, section: section) }, file: "draft")
        check(DiagnosticRow("draft.heading-in-text", line: nil, field: section.rawValue),
              attempt { try ReportDraftStore.check("First line\n  ## Not a heading here", section: section) }, file: "draft")
        let dir = try TemporaryFolder("drafts-diagnostics")
        let store = try ReportDraftStore(folder: dir.path("drafts"))
        check(DiagnosticRow("draft.not-found", line: nil, says: "no draft"),
              attempt { try store.accept(urn: 9000001, catalogueRoot: Fixture.catalogue) }, file: store.folder)
    }

    @Test func acceptingADraftForAURNNotInTheCatalogue() throws {
        check(DiagnosticRow("catalogue-write.unknown-urn", line: nil, field: "urn"),
              attempt { try CatalogueWriter.writeReport([ReportSection.allCases[0]: "Text"], urn: 1234567, into: Fixture.catalogue) },
              file: Fixture.catalogue)
    }

    // MARK: Serve

    @Test func anotherHostNeedsAToken() {
        var c = WorkbenchConfiguration(setup: Fixture.setup)
        c.host = "0.0.0.0"
        c.port = 0
        c.dataDirectory = Fixture.dataFolder("no-token")
        check(DiagnosticRow("usage.serve-needs-token", line: nil, field: "host", says: "--token-file"),
              attempt { try Workbench(configuration: c, engine: Fixture.engine) }, file: "serve")
    }
}
