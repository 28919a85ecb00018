import ATLTestSupport
@testable import ATLModel
@testable import ATLData
import Testing

/// Every diagnostic a setting file can produce, one row per site: the input, and the code, line and field the
/// diagnostic must name (file `s.setting.md`). The shared text-field checks (`text.*`) are reached through the
/// setting header here, as a setting file is where an officer meets them first.
@Suite struct SettingFileDiagnostics {
    static let file = "s.setting.md"
    static let kinds = ReportSection.kindsOfSEN.title

    /// A minimal valid header (lines 1–5), then `extra` header lines from line 6, the closing `---`, and `body`.
    static func text(_ extra: String, body: String = "") -> String {
        "---\nformat: atl-setting/1\nurn: 123456\nname: Oakfield Academy\ntype: mainstream-resourced\n"
            + (extra.isEmpty ? "" : extra + "\n") + "---\n" + body
    }

    /// Rows whose input is extra header lines (line 6 on) or, after `FILE:`, the whole file.
    static let rows: [DiagnosticRow] = [
        .init("setting.no-opening-line", line: 1, "FILE:format: atl-setting/1\n"),
        .init("setting.header-not-closed", line: 1, "FILE:---\nformat: atl-setting/1\nurn: 123456\n"),
        .init("setting.unknown-field", line: 6, field: "colour", "colour: blue"),
        .init("setting.ofsted-date", line: 6, field: "ofsted-date", "ofsted-date: 2026-02-30"),
        .init("setting.empty-value", line: 6, field: "phase", "phase:"),
        .init("setting.field-given-twice", line: 6, field: "name", "name: Another Name"),
        .init("setting.section-given-twice", line: 11, field: "## " + kinds, "BODY:## \(kinds)\n\nWe provide.\n\n## \(kinds)\n"),
        .init("setting.unknown-section", line: 7, field: "## Favourite colours", "BODY:## Favourite colours\n"),
        .init("setting.text-outside-section", line: 8, "BODY:\nstray text before any heading\n"),
        .init("setting.required-field-missing", line: 1, field: "type", "FILE:---\nformat: atl-setting/1\nurn: 123456\nname: X\n---\n"),
        .init("setting.wrong-format", line: 2, field: "format", "FILE:---\nformat: atl-setting/9\nurn: 123456\nname: X\ntype: special\n---\n"),
        .init("setting.fictional-and-synthetic", line: 7, field: "synthetic",
              "FILE:---\nformat: atl-setting/1\nurn: 9000001\nname: X\ntype: special\nfictional: yes\nsynthetic: yes\n---\n"),
        .init("setting.fictional-urn-too-low", line: 3, field: "urn", "fictional: yes"),
        .init("setting.real-urn-in-fictional-range", line: 3, field: "urn", "FILE:---\nformat: atl-setting/1\nurn: 9000001\nname: X\ntype: special\n---\n"),
        .init("setting.la-incomplete", line: 6, field: "la-name", "la-code: 894"),
        .init("setting.outside-great-britain", line: 6, field: "easting", "easting: 900000\nnorthing: 100"),
        .init("setting.location-incomplete", line: 6, field: "northing", "easting: 300000"),
        .init("setting.places-for-unlisted-need", line: 7, field: "places-by-need", "needs: ASD\nplaces-by-need: SLCN 4"),
        .init("setting.places-without-needs", line: 6, field: "places-by-need", "places-by-need: ASD 4"),
        .init("setting.places-exceed-specialist-places", line: 8, field: "places-by-need", "needs: ASD\nspecialist-places: 3\nplaces-by-need: ASD 4"),
        .init("setting.over-capacity", line: 7, field: "on-roll", level: .warning, "capacity: 10\non-roll: 12"),
        .init("setting.over-specialist-places", line: 7, field: "specialist-on-roll", level: .warning, "specialist-places: 2\nspecialist-on-roll: 3"),
        .init("setting.resourced-without-provision", line: 6, field: "specialist-provision", "specialist-provision: none"),
        .init("setting.bad-age-range", line: 6, field: "age-range", "age-range: eleven"),
        .init("setting.age-out-of-range", line: 6, field: "age-range", "age-range: 11-40"),
        .init("setting.ages-reversed", line: 6, field: "age-range", "age-range: 16-11"),
        .init("setting.bad-postcode", line: 6, field: "postcode", "postcode: nowhere at all"),
        .init("setting.bad-places-by-need", line: 7, field: "places-by-need", "needs: ASD\nplaces-by-need: ASD lots"),
        .init("setting.need-given-twice", line: 7, field: "places-by-need", "needs: ASD\nplaces-by-need: ASD 2, ASD 3"),
        // The shared field readers, as a setting header uses them.
        .init("text.no-colon", line: 6, says: "got \"just some words\"", "just some words"),
        .init("text.bad-field-name", line: 6, "bad key!: x"),
        .init("text.not-a-whole-number", line: 6, field: "capacity", "capacity: many"),
        .init("text.below-minimum", line: 6, field: "la-code", "la-code: 50\nla-name: X"),
        .init("text.above-maximum", line: 6, field: "la-code", "la-code: 1000\nla-name: X"),
        .init("text.not-yes-or-no", line: 6, field: "fictional", "fictional: maybe"),
        .init("text.empty-list-item", line: 6, field: "needs", "needs: ASD,,SLCN"),
        .init("text.unknown-value", line: 6, field: "status", "status: dormant"),
        .init("text.unknown-need-code", line: 6, field: "needs", "needs: XYZ"),
        .init("text.unknown-facility", line: 6, field: "facilities", "facilities: jacuzzi"),
    ]

    static func input(_ row: DiagnosticRow) -> String {
        if row.input.hasPrefix("FILE:") { return String(row.input.dropFirst(5)) }
        if row.input.hasPrefix("BODY:") { return text("", body: String(row.input.dropFirst(5))) }
        return text(row.input)
    }

    @Test(arguments: rows)
    func everySettingFileDiagnostic(_ row: DiagnosticRow) {
        let (_, diags) = parseSetting({ try SettingFile.parse(text: Self.input(row), file: Self.file) })
        #expect(row.mismatch(in: diags, file: Self.file) == nil, "\(row.mismatch(in: diags, file: Self.file) ?? "")")
    }

    /// Bytes that are not UTF-8 name the line they are on (the decoder's two sites: a bad line, and a file whose
    /// last line is cut inside a character).
    @Test func notUTF8NamesTheLine() {
        var bytes = Array(Self.text("name-extra: ok").utf8)
        bytes.insert(0xFF, at: bytes.lastIndex(of: UInt8(ascii: "k"))!)
        let row = DiagnosticRow("text.not-utf8", line: 6)
        let (_, d1) = parseSetting({ try SettingFile.parse(bytes, file: Self.file) })
        #expect(row.mismatch(in: d1, file: Self.file) == nil, "\(row.mismatch(in: d1, file: Self.file) ?? "")")
        let cut = Array(Self.text("").utf8) + [0xE2, 0x82]
        let (_, d2) = parseSetting({ try SettingFile.parse(cut, file: Self.file) })
        #expect(DiagnosticRow("text.not-utf8", line: 7).mismatch(in: d2, file: Self.file) == nil, "\(d2)")
    }

    /// A file with CR-only line ends (an old Mac editor) is read line by line, not as one long line.
    @Test func carriageReturnLineEndsAreLines() throws {
        let text = Self.text("phase: secondary").replacingOccurrences(of: "\n", with: "\r")
        let (s, d) = parseSetting({ try SettingFile.parse(text: text, file: Self.file) })
        #expect(d.isEmpty, "\(d)")
        #expect(s?.phase == .secondary)
    }
}
