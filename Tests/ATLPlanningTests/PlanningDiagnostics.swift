import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
@testable import ATLPlanning
import Foundation
import Testing

/// Every diagnostic of the cohort CSV, the batch records (and the lists in them), the resume state, scenarios
/// and allocation, one row per site, each checked for its code, file, line and field.
@Suite struct PlanningDiagnostics {
    func check(_ row: DiagnosticRow, _ diags: [Diagnostic], file: String) {
        #expect(row.mismatch(in: diags, file: file) == nil, "\(row.mismatch(in: diags, file: file) ?? "")")
    }
    func check<T>(_ row: DiagnosticRow, _ r: Result<T, ATLError>, file: String) {
        #expect(row.mismatch(in: r, file: file) == nil, "\(row.mismatch(in: r, file: file) ?? "")")
    }

    // MARK: Cohort CSV

    static let header = "reference,primary-need,nc-year,home-postcode"

    /// Rows: a header problem (input starts with `HEADER:`) or data rows after the standard header.
    static let cohortRows: [DiagnosticRow] = [
        .init("cohort.header-unreadable", line: 1, "HEADER:reference,\"primary-need\n"),
        .init("cohort.unknown-column", line: 1, field: "colour", "HEADER:reference,primary-need,colour\n"),
        .init("cohort.column-given-twice", line: 1, field: "reference", "HEADER:reference,primary-need,reference\n"),
        .init("cohort.required-column-missing", line: 1, field: "primary-need", "HEADER:reference,nc-year\n"),
        .init("cohort.row-too-short", line: 2, "R-1,ASD"),
        .init("cohort.row-too-long", line: 2, "R-1,ASD,6,TF3 1AB,extra"),
        .init("cohort.empty-row", line: 2, ",,,"),
        .init("cohort.row-spans-lines", line: 2, says: "lines 2–3", "R-1,\"XYZ\nmild\",6,TF3 1AB"),
        .init("csv.unclosed-quote", line: 3, "R-1,ASD,6,TF3 1AB\nR-2,\"ASD,6,TF3 1AB\nR-3,ASD,6,TF3 1AB"),
        .init("csv.quote-in-unquoted-field", line: 2, "R-1,AS\"D,6,TF3 1AB"),
        .init("csv.not-utf8", line: 2, "R-1,ASD,6,TF3 \u{FFFD}AB"),
        .init("csv.line-too-long", line: 2, String(repeating: "x", count: 70_000)),
    ]

    static func cohortBytes(_ row: DiagnosticRow) -> [UInt8] {
        var bytes = Array((row.input.hasPrefix("HEADER:") ? String(row.input.dropFirst(7)) : header + "\n" + row.input + "\n").utf8)
        if let i = bytes.firstIndex(of: 0xEF) { bytes.replaceSubrange(i..<(i + 3), with: [0xFF]) }
        return bytes
    }

    @Test(arguments: cohortRows)
    func everyCohortDiagnostic(_ row: DiagnosticRow) {
        switch attempt({ try CohortReader(csv: Self.cohortBytes(row), file: "c.csv", academicYear: 2026) }) {
        case .failure(let e): check(row, e.diagnostics, file: "c.csv")
        case .success(var reader):
            var diags: [Diagnostic] = []
            while let r = reader.next() { if case .failure(let e) = r.profile { diags += e.diagnostics } }
            check(row, diags, file: "c.csv")
        }
    }

    @Test func cohortFileLevelDiagnostics() throws {
        check(DiagnosticRow("cohort.file-empty", line: 1), attempt { try CohortReader(csv: [], file: "c.csv", academicYear: 2026) }, file: "c.csv")
        let t = try TemporaryFolder("cohort")
        let csv = try t.write("c.csv", Self.header + "\nR-1,ASD,6,TF3 1AB\nR-2,ASD,6,TF3 1AB\n")
        check(DiagnosticRow("cohort.too-many-rows", line: nil), attempt { try CohortReader.survey(path: csv, academicYear: 2026, rowLimit: 1) }, file: csv)
        let engine = MatchingEngine(catalogue: Catalogue(settings: MatchFixture.mixed), postcodes: TestPostcodes.lookup, engineVersion: "test")
        let dup = try t.write("dup.csv", Self.header + "\nR-1,ASD,6,TF3 1AB\nR-1,ASD,6,TF3 1AB\n")
        check(DiagnosticRow("cohort.duplicate-reference", line: 3, field: "reference"),
              attempt { try CohortReader.children(path: dup, engine: engine, academicYear: 2026) }, file: dup)
        let none = try t.write("none.csv", Self.header + "\n")
        check(DiagnosticRow("cohort.no-children", line: nil), attempt { try CohortReader.children(path: none, engine: engine, academicYear: 2026) }, file: none)
        let mixed = try t.write("mixed.csv", "reference,primary-need,nc-year,home-postcode,synthetic\nR-1,ASD,6,TF3 1AB,yes\nR-2,ASD,6,TF3 1AB,no\n")
        check(DiagnosticRow("cohort.mixes-synthetic", line: nil, field: "synthetic"),
              attempt { try CohortReader.children(path: mixed, engine: engine, academicYear: 2026) }, file: mixed)
    }

    // MARK: Batch records and the lists in them

    static let listed = BatchRecordReaderTests.listed()
    static func listedWith(_ from: String, _ to: String) -> String { listed.replacingOccurrences(of: from, with: to) }

    static let recordRows: [DiagnosticRow] = [
        .init("batch-record.empty-line", line: 2, listed + "\n\n" + BatchRecordReaderTests.listed(row: 2, ref: "R-2")),
        .init("batch-record.not-json", line: 1, "{not json"),
        .init("batch-record.not-an-object", line: 1, "[1,2]"),
        .init("batch-record.no-records", line: 1, ""),
        .init("batch-record.row-given-twice", line: 2, field: "row", listed + "\n" + BatchRecordReaderTests.listed(ref: "R-2")),
        .init("batch-record.row-given-twice", line: 2, field: "row", listed + "\n" + BatchRecordReaderTests.errorRecord.replacingOccurrences(of: "\"row\":2", with: "\"row\":1")),
        .init("batch-record.field-missing", line: 1, field: "row", listedWith("\"row\":1,", "")),
        .init("batch-record.field-wrong-type", line: 1, field: "row", listedWith("\"row\":1", "\"row\":\"one\"")),
        .init("batch-record.field-wrong-type", line: 1, field: "errors[0]", BatchRecordReaderTests.errorRecord.replacingOccurrences(of: "[\"cohort.csv:3", with: "[7,\"cohort.csv:3")),
        .init("batch-record.field-invalid", line: 1, field: "row", listedWith("\"row\":1", "\"row\":-1")),
        .init("batch-record.wrong-schema", line: 1, field: "schema", listedWith("atl-batch/1", "atl-batch/9")),
        .init("batch-record.no-errors", line: 1, field: "errors", #"{"schema":"atl-batch/1","row":1,"source":"c.csv:2","reference":null,"status":"error","errors":[]}"#),
        .init("batch-record.empty-reference", line: 1, field: "reference", listedWith("\"reference\":\"R-1\",\"status\"", "\"reference\":\"\",\"status\"")),
        .init("batch-record.reference-differs", line: 1, field: "list.profile.reference", listedWith("\"profile\":{\"reference\":\"R-1\"", "\"profile\":{\"reference\":\"R-9\"")),
        .init("batch-record.unknown-status", line: 1, field: "status", listedWith("\"status\":\"listed\"", "\"status\":\"pending\"")),
        .init("list.wrong-schema", line: 1, field: "list.schema", listedWith("atl-list/1", "atl-list/9")),
        .init("list.unknown-need-code", line: 1, field: "list.profile.primary_need.code", listedWith("\"code\":\"ASD\"", "\"code\":\"XYZ\"")),
        .init("list.ranks-out-of-order", line: 1, field: "list.entries[1].rank", listedWith("\"rank\":2", "\"rank\":1")),
        .init("list.score-out-of-range", line: 1, field: "list.entries[0].score", listedWith("71.441", "1e9")),
        .init("list.negative-distance", line: 1, field: "list.entries[0].distance_km", listedWith("2.84", "-2.84")),
    ]

    @Test(arguments: recordRows)
    func everyBatchRecordDiagnostic(_ row: DiagnosticRow) {
        check(row, attempt { try BatchRecordFormat.read(Data(row.input.utf8), file: "b.jsonl") }, file: "b.jsonl")
    }

    /// A line over the line limit (64 MiB; 4 KiB here, so the test stays small), named whether it ends or not.
    @Test func aBatchRecordLineOverTheLimit() {
        for text in [Self.listed + "\n" + String(repeating: "x", count: 5000) + "\n", Self.listed + "\n" + String(repeating: "x", count: 5000)] {
            check(DiagnosticRow("batch-record.line-too-long", line: 2, says: "4 KiB"),
                  attempt { try BatchRecordScanTests.stream(Array(text.utf8), size: 1000, limit: 4096).0 }, file: "b.jsonl")
        }
    }

    // MARK: Resume state

    @Test func resumeStateDiagnostics() throws {
        let t = try TemporaryFolder("state")
        let state = try t.write("out.jsonl.state", "format: something else\n")
        check(DiagnosticRow("batch-state.not-a-state-file", line: nil), attempt { try BatchState.load(state) }, file: state)
        let noop: (Int, ArraySlice<UInt8>) throws(ATLError) -> Void = { _, _ throws(ATLError) in }
        check(DiagnosticRow("batch-state.records-missing", line: nil), attempt { try BatchResume.truncate(t.path("nope"), to: 0, line: noop) }, file: t.path("nope"))
        let short = try t.write("short.jsonl", "{}\n")
        check(DiagnosticRow("batch-state.records-shorter", line: nil), attempt { try BatchResume.truncate(short, to: 10, line: noop) }, file: short)
        let cut = try t.write("cut.jsonl", "{}\n{\"half")
        check(DiagnosticRow("batch-state.records-incomplete", line: nil), attempt { try BatchResume.truncate(cut, to: 6, line: noop) }, file: cut)
    }

    @Test func aReferenceSeenOnAnEarlierRowIsADuplicate() throws {
        var reader = try CohortReader(csv: Array((Self.header + "\nR-1,ASD,6,TF3 1AB\n").utf8), file: "c.csv", academicYear: 2026)
        let next = reader.next()
        let row = try #require(next)
        let item = BatchRunner.match(row, duplicateOf: 1, engine: MatchFixture.engine(MatchFixture.mixed), date: "2026-11-23")
        check(DiagnosticRow("batch.duplicate-reference", line: 2, field: "reference", says: "duplicate of row 1"), item.errors, file: "c.csv")
    }

    // MARK: Scenario files

    static let head = "format: atl-scenario/1\nname: Test\n"
    static let open = "change: open\nname: New unit\ntype: special\nneeds: ASD\nplaces: 10\neasting: 370000\nnorthing: 310000\nage-range: 11-16\n"
    static func openWith(_ from: String, _ to: String) -> String { open.replacingOccurrences(of: from, with: to) }

    /// Rows: lines after the two header lines (line 3 on), or after `FILE:` the whole file.
    static let scenarioRows: [DiagnosticRow] = [
        .init("scenario.unknown-header-field", line: 3, field: "colour", "colour: blue"),
        .init("scenario.header-field-given-twice", line: 3, field: "name", "name: Again"),
        .init("scenario.change-field-given-twice", line: 5, field: "setting", "change: close\nsetting: 123456\nsetting: 123457"),
        .init("scenario.wrong-format", line: 1, field: "format", "FILE:format: atl-scenario/9\nname: T\n"),
        .init("scenario.format-missing", line: 1, field: "format", "FILE:name: T\n"),
        .init("scenario.bad-name", line: 2, field: "name", "FILE:format: atl-scenario/1\nname: \(String(repeating: "n", count: 121))\n"),
        .init("scenario.bad-name", line: 4, field: "name", openWith("name: New unit", "name: \(String(repeating: "n", count: 121))")),
        .init("scenario.name-missing", line: 1, field: "name", "FILE:format: atl-scenario/1\n"),
        .init("scenario.control-character", line: 2, field: "name", "FILE:format: atl-scenario/1\nname: T\u{7}\n"),
        .init("scenario.unknown-operation", line: 3, field: "change", "change: explode"),
        .init("scenario.change-field-missing", line: 3, field: "setting", "change: close"),
        .init("scenario.unknown-change-field", line: 5, field: "colour", "change: close\nsetting: 123456\ncolour: blue"),
        .init("scenario.no-needs", line: 5, field: "needs", "change: needs\nsetting: 123456\nneeds: none"),
        .init("scenario.no-needs", line: 6, field: "needs", openWith("needs: ASD", "needs: none")),
        .init("scenario.unknown-need-code", line: 4, field: "need", "change: demand\nneed: XYZ\ngrowth: 10%"),
        .init("scenario.unknown-weight", line: 4, field: "key", "change: weight\nkey: points.colour\nvalue: 3"),
        .init("scenario.type-unknown", line: 5, field: "type", openWith("type: special", "type: unknown")),
        .init("scenario.type-not-specialist", line: 5, field: "type", openWith("type: special", "type: mainstream")),
        .init("scenario.location-incomplete", line: 8, field: "northing", openWith("northing: 310000\n", "")),
        .init("scenario.location-incomplete", line: 8, field: "easting", openWith("easting: 370000\n", "")),
        .init("scenario.host-and-location", line: 8, field: "easting", open + "host: 123456\n"),
        .init("scenario.no-place", line: 3, field: "host", openWith("easting: 370000\nnorthing: 310000\n", "")),
        .init("scenario.bad-age-range", line: 10, field: "age-range", openWith("age-range: 11-16", "age-range: eleven")),
        .init("scenario.no-age-range", line: 4, field: "age-range", openWith("age-range: 11-16\n", "")),
        .init("scenario.bad-growth", line: 5, field: "growth", "change: demand\nneed: ASD\ngrowth: lots"),
        .init("scenario.need-given-twice", line: 6, field: "needs", openWith("needs: ASD", "needs: ASD, ASD")),
        .init("scenario.bad-distance", line: 4, field: "distance", "change: max-journey\ndistance: far"),
        .init("scenario.bad-distance-unit", line: 4, field: "distance", "change: max-journey\ndistance: 10 leagues"),
        .init("scenario.distance-too-long", line: 4, field: "distance", "change: max-journey\ndistance: 300 km"),
    ]

    static func scenarioText(_ row: DiagnosticRow) -> String {
        row.input.hasPrefix("FILE:") ? String(row.input.dropFirst(5)) : head + row.input + "\n"
    }

    @Test(arguments: scenarioRows)
    func everyScenarioFileDiagnostic(_ row: DiagnosticRow) {
        check(row, attempt { try ScenarioParser.parse(Array(Self.scenarioText(row).utf8), file: "s.scenario") }, file: "s.scenario")
    }

    /// Diagnostics that need the catalogue or the cohort: applying the scenario.
    @Test func scenarioApplicationDiagnostics() throws {
        var noRoll = MatchFixture.setting(9000301, type: .special, places: 10, onRoll: nil)
        noRoll.specialistOnRoll = nil
        var nowhere = MatchFixture.setting(9000302, type: .special)
        nowhere.location = nil
        let catalogue = Catalogue(settings: MatchFixture.mixed + [noRoll, nowhere])
        func apply(_ changes: String, cohort: [CohortChild] = []) -> Result<AppliedScenario, ATLError> {
            attempt {
                let s = try ScenarioParser.parse(Array((Self.head + changes).utf8), file: "s.scenario")
                return try ScenarioApplication.apply(s, catalogue: catalogue, weights: .defaults, cohort: cohort, seed: 1)
            }
        }
        check(DiagnosticRow("scenario.unknown-urn", line: 3, field: "setting"), apply("change: close\nsetting: 123456\n"), file: "s.scenario")
        check(DiagnosticRow("scenario.setting-already-closed", line: 5, field: "setting"),
              apply("change: close\nsetting: 9000101\nchange: close\nsetting: 9000101\n"), file: "s.scenario")
        check(DiagnosticRow("scenario.places-without-on-roll", line: 3, field: "setting"), apply("change: places\nsetting: 9000301\nplaces: 12\n"), file: "s.scenario")
        check(DiagnosticRow("scenario.host-without-location", line: 3, field: "host"),
              apply("change: open\nname: Unit\ntype: mainstream-resourced\nneeds: ASD\nplaces: 8\nhost: 9000302\n"), file: "s.scenario")
        // The parser's pass over a file that failed: URNs not in the catalogue are reported with the other errors.
        let text = Self.head + "change: close\nsetting: 123456\ncolour: blue\n"
        check(DiagnosticRow("scenario.unknown-urn", line: 4, field: "setting"),
              ScenarioParser.unknownSettings(Array(text.utf8), file: "s.scenario", catalogue: catalogue), file: "s.scenario")
        let a = try ScenarioParser.parse(Array(Self.head.utf8), file: "a.scenario")
        let b = try ScenarioParser.parse(Array(Self.head.utf8), file: "b.scenario")
        check(DiagnosticRow("scenario.duplicate-name", line: nil, field: "name"), ScenarioParser.duplicateNames([a, b]), file: "b.scenario")
        // Demand growth is bounded: four +1000% changes on 20 children would make 87,860.
        let child = CohortChild(profile: MatchFixture.profile(), home: try MatchFixture.engine(MatchFixture.mixed).resolveHome(MatchFixture.profile(), file: "t"))
        let cohort = (1...20).map { i -> CohortChild in var c = child; c.profile.reference = "R-\(i)"; return c }
        let growth = String(repeating: "change: demand\nneed: ASD\ngrowth: +1000%\n", count: 4)
        check(DiagnosticRow("scenario.growth-too-large", line: 3, field: "growth", says: "at most 200"), apply(growth, cohort: cohort), file: "s.scenario")
        let ok = try apply("change: demand\nneed: ASD\ngrowth: +900%\n", cohort: cohort).get()
        #expect(ok.cohort.count == 200, "growth up to the limit is allowed")
    }

    // MARK: Allocation

    @Test func allocationDiagnostics() throws {
        typealias B = BatchRecordReaderTests
        let catalogue = Catalogue(settings: [MatchFixture.setting(9000004, type: .special), MatchFixture.setting(9000002, type: .special)])
        func from(_ text: String, catalogue: Catalogue = catalogue) -> Result<AllocationProblem, ATLError> {
            attempt {
                let r = try BatchRecordFormat.read(Data(text.utf8), file: "b.jsonl")
                return try AllocationProblem.from(children: r.listed, unlisted: r.unlisted, catalogue: catalogue, seed: 1)
            }
        }
        check(DiagnosticRow("allocation.duplicate-reference", line: 2, field: "reference"),
              from(B.listed() + "\n" + B.listed(row: 2)), file: "b.jsonl")
        check(DiagnosticRow("allocation.mixes-synthetic-children", line: 2, field: "list.synthetic_child"),
              from(B.listed() + "\n" + B.listed(row: 2, ref: "R-2", synthetic: "false")), file: "b.jsonl")
        let real = Catalogue(settings: [Setting(urn: 123456, name: "Real", type: .special)])
        check(DiagnosticRow("allocation.list-catalogue-kind-differs", line: 1, field: "list.fictional_catalogue"),
              from(B.listed(entries: "[]"), catalogue: real), file: "b.jsonl")
        let synthetic = B.listed(entries: "[]").replacingOccurrences(of: "\"fictional_catalogue\":true", with: "\"fictional_catalogue\":true,\"synthetic_catalogue\":true")
        check(DiagnosticRow("allocation.list-synthetic-catalogue-differs", line: 1, field: "list.synthetic_catalogue"), from(synthetic), file: "b.jsonl")
        check(DiagnosticRow("allocation.setting-not-in-catalogue", line: 1, field: "list.entries[0].urn"),
              from(B.listed(entries: #"[{"rank":1,"urn":9000099,"score":1,"distance_km":null}]"#)), file: "b.jsonl")
        check(DiagnosticRow("allocation.setting-listed-twice", line: 1, field: "list.entries[1].urn"),
              from(B.listed(entries: #"[{"rank":1,"urn":9000004,"score":2,"distance_km":null},{"rank":2,"urn":9000004,"score":1,"distance_km":null}]"#)), file: "b.jsonl")
    }
}
