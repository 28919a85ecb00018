import ATLTestSupport
@testable import ATLModel
@testable import ATLData
import Testing

/// Every diagnostic of the `atl-setting/2` provenance rules (facts with `[source as-of]`, `source:`
/// declarations, confirmations, reviewed rows) and of the fields it added, one row per site (file
/// `v2.setting.md`).
@Suite struct SettingFileV2Diagnostics {
    static let file = "v2.setting.md"

    /// A valid v2 header (lines 1–6), then `extra` lines from line 7.
    static func text(_ extra: String) -> String {
        "---\nformat: atl-setting/2\nurn: 104134\nname: Sandbank School  [schools 2026-01-30]\ntype: special  [schools 2026-01-30]\n"
            + "source: schools | public | GIAS (schools file) | Schools file\n" + (extra.isEmpty ? "" : extra + "\n") + "---\n"
    }

    static let rows: [DiagnosticRow] = [
        .init("setting.provenance-missing", line: 7, field: "phase", "phase: secondary"),
        .init("setting.provenance.syntax", line: 7, field: "phase", "phase: secondary  [schools]"),
        .init("setting.provenance.date", line: 7, field: "phase", "phase: secondary  [schools 2026-13-99]"),
        .init("setting.provenance.source-key", line: 7, field: "phase", "phase: secondary  [Bad_Key 2026-01-30]"),
        .init("setting.provenance.officer-id", line: 7, field: "phase", "phase: secondary  [officer 2026-01-30 by J]"),
        .init("setting.value-ends-in-bracket", line: 7, field: "religious-character", "religious-character: None]  [schools 2026-01-30]"),
        .init("setting.source.syntax", line: 7, field: "source", "source: only words"),
        .init("setting.source.key", line: 7, field: "source", "source: Bad_Key | public | X | Y"),
        .init("setting.source.class", line: 7, field: "source", "source: other | secret | X | Y"),
        .init("setting.source.bad-url", line: 7, field: "source", "source: report-link | public | X | Y | ftp://x"),
        .init("setting.source.url-missing", line: 7, field: "source", "source: local-offer | public | X | Y"),
        .init("setting.source-key-twice", line: 7, field: "source", "source: schools | public | A | B"),
        .init("setting.source-undeclared", line: 7, field: "phase", "phase: secondary  [census 2019-01]"),
        .init("setting.confirmed-before-as-of", line: 7, field: "phase", "phase: secondary  [schools 2026-01-30, confirmed 2025-01-01 by SENDO-07]"),
        .init("setting.pair-provenance", line: 8, field: "la-name",
              "la-code: 335  [schools 2026-01-30]\nla-name: Walsall  [census 2019-01]\nsource: census | public | DfE census | x"),
        .init("setting.source-unused", line: 7, field: "source", level: .warning, "source: census | public | DfE census | x"),
        .init("setting.s41-type", line: 7, field: "s41-approved", level: .warning, "s41-approved: yes  [schools 2026-01-30]"),
        .init("setting.needs-partial", line: 7, field: "needs", "needs: none (partial)  [schools 2026-01-30]"),
        .init("setting.dfe-number", line: 7, field: "dfe-number", "dfe-number: 12/34  [schools 2026-01-30]"),
        .init("setting.s41-approved-since", line: 7, field: "s41-approved-since", "s41-approved-since: 2026-02-30  [schools 2026-01-30]"),
        .init("setting.sen-report-link", line: 7, field: "sen-report-link", "sen-report-link: ftp://x  [schools 2026-01-30]"),
        .init("setting.pupil-count", line: 7, field: "pupils-with-ehcp", "pupils-with-ehcp: 5 of 2  [schools 2026-01-30]"),
        .init("setting.reviewed-row", line: 7, field: "confirmed", "confirmed: nonsense"),
        .init("setting.reviewed-row", line: 7, field: "confirmed", "confirmed: local-offer:9a5865c1  [schools 2026-01-30]"),
    ]

    func check(_ row: DiagnosticRow, _ text: String, runDate: String? = nil) {
        let (_, diags) = parseSetting({ try SettingFile.parse(text: text, file: Self.file, runDate: runDate) })
        #expect(row.mismatch(in: diags, file: Self.file) == nil, "\(row.mismatch(in: diags, file: Self.file) ?? "")")
    }

    @Test(arguments: rows)
    func everyV2Diagnostic(_ row: DiagnosticRow) {
        check(row, Self.text(row.input))
    }

    /// With a run date (`atl validate --date`): facts and confirmations dated after it, and v1 files.
    @Test func runDateChecks() {
        check(DiagnosticRow("setting.as-of-future", line: 7, field: "phase"), Self.text("phase: secondary  [schools 2027-01-30]"), runDate: "2026-11-23")
        check(DiagnosticRow("setting.confirmed-future", line: 7, field: "phase"),
              Self.text("phase: secondary  [schools 2026-01-30, confirmed 2027-01-01 by SENDO-07]"), runDate: "2026-11-23")
        check(DiagnosticRow("setting.confirmed-future", line: 1, field: "local-offer:9a5865c1"),
              Self.text("confirmed: local-offer:9a5865c1  [officer 2027-01-01 by SENDO-07]"), runDate: "2026-11-23")
        check(DiagnosticRow("setting.format-v1-without-provenance", line: 2, field: "format", level: .warning),
              "---\nformat: atl-setting/1\nurn: 104134\nname: X\ntype: special\n---\n", runDate: "2026-11-23")
    }
}
