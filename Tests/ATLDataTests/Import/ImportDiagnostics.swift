import ATLTestSupport
@testable import ATLModel
@testable import ATLData
import Foundation
import Testing

/// Every diagnostic of the CSV readers, the GIAS extract, the schools file and the postcode CSV importer, one
/// row per site, each checked for its code, file, line and field.
@Suite struct ImportDiagnostics {
    func check(_ row: DiagnosticRow, _ diags: [Diagnostic], file: String) {
        #expect(row.mismatch(in: diags, file: file) == nil, "\(row.mismatch(in: diags, file: file) ?? "")")
    }

    // MARK: CSV

    static let csvRows: [DiagnosticRow] = [
        .init("csv.quote-in-unquoted-field", line: 2, "a,b\nx,y\"z\n"),
        .init("csv.text-after-closing-quote", line: 3, "a,b\nx,y\n\"q\"r,s\n"),
        .init("csv.unclosed-quote", line: 2, "a,b\nx,\"y\nz\n"),
        .init("csv.not-utf8", line: 2, "a,b\nx,\u{FFFD}\n"),
    ]

    @Test(arguments: csvRows)
    func everyStrictCSVDiagnostic(_ row: DiagnosticRow) {
        // U+FFFD in a row's text stands for a byte that is not UTF-8.
        var bytes: [UInt8] = []
        for b in Array(row.input.utf8) { bytes.append(b) }
        if let i = bytes.firstIndex(of: 0xEF) { bytes.replaceSubrange(i..<(i + 3), with: [0xFF]) }
        var r = CSVReader(bytes: bytes, file: "t.csv")
        var diags: [Diagnostic] = []
        do throws(ATLError) { while try r.next() != nil {} } catch { diags = error.diagnostics }
        check(row, diags, file: "t.csv")
    }

    /// The line-confining reader (cohorts): each problem names the first line of its record only.
    static let lineReaderRows: [DiagnosticRow] = [
        .init("csv.unclosed-quote", line: 2, says: "never closed", "a,b\nx,\"y\nz,w\n"),
        .init("csv.text-after-closing-quote", line: 2, says: "runs on to line 3", "a,b\nx,\"y\nz\"w,v\nk,l\n"),
        .init("csv.line-too-long", line: 3, says: "1 KiB", "a,b\nx,y\n" + String(repeating: "z", count: 2000) + "\nk,l\n"),
    ]

    @Test(arguments: lineReaderRows)
    func everyLineReaderDiagnostic(_ row: DiagnosticRow) throws {
        var r = CSVLineReader(bytes: Array(row.input.utf8), file: "t.csv", lineLimit: 1024, maxLinesPerRecord: 5)
        var diags: [Diagnostic] = []
        var lines: [Int] = []
        while let item = try r.next() {
            switch item {
            case .problem(let d): diags.append(d); lines.append(d.line ?? 0)
            case .record(let rec, _): lines.append(rec.line)
            }
        }
        check(row, diags, file: "t.csv")
        // Every line after the header is a record or a problem of its own.
        #expect(lines == Array(1...(row.input.split(separator: "\n", omittingEmptySubsequences: false).count - 1)), "\(lines)")
    }

    /// A read that fails part way (here: a handle on a folder) is reported, never looped on.
    @Test func readFailures() throws {
        let t = try TemporaryFolder("csv")
        let fd = open(t.path, O_RDONLY)
        defer { close(fd) }
        var r = CSVReader(handle: FileHandle(fileDescriptor: fd, closeOnDealloc: false), file: "d.csv")
        check(DiagnosticRow("csv.read-failed", line: 1), attempt { try r.next() }.map { _ in () }.errorDiagnostics, file: "d.csv")
        var l = CSVLineReader(handle: FileHandle(fileDescriptor: fd, closeOnDealloc: false), file: "d.csv")
        check(DiagnosticRow("csv.read-failed", line: 1), attempt { try l.next() }.map { _ in () }.errorDiagnostics, file: "d.csv")
        #expect(try l.next() == nil, "after a failed read the reader is at its end")
    }

    /// A record longer than the limit stops the reader (a file of a million commas, or one with no line break).
    @Test func recordTooLong() {
        var r = CSVReader(bytes: Array(("a,b\n" + String(repeating: "x", count: 300) + "\n").utf8), file: "t.csv")
        r.recordLimit = 100
        var diags: [Diagnostic] = []
        do throws(ATLError) { while try r.next() != nil {} } catch { diags = error.diagnostics }
        check(DiagnosticRow("csv.record-too-long", line: 2), diags, file: "t.csv")
        var commas = CSVReader(bytes: Array(String(repeating: ",", count: 500).utf8), file: "t.csv")
        commas.recordLimit = 100
        do throws(ATLError) { while try commas.next() != nil {} } catch { diags = error.diagnostics }
        check(DiagnosticRow("csv.record-too-long", line: 1), diags, file: "t.csv")
    }

    @Test func headerColumnsAndWidths() {
        var r = CSVReader(bytes: Array("a,b\n1,2,3\n".utf8), file: "t.csv")
        let header = CSVHeader(try! r.next()!, file: "t.csv")
        check(DiagnosticRow("csv.missing-column", line: 1, field: "c"), header.missing(["a", "c"]), file: "t.csv")
        check(DiagnosticRow("csv.wrong-cell-count", line: 2), [header.checkWidth(try! r.next()!)].compactMap { $0 }, file: "t.csv")
    }

    // MARK: GIAS extract

    static let giasFile = "edubasealldata20260130.csv"
    /// A row (line 2) of the community school with these cells changed, and the diagnostic it must give.
    static let giasRows: [(DiagnosticRow, [String: String])] = [
        (.init("gias.unknown-type", line: 2, field: "TypeOfEstablishment (name)", level: .warning), ["TypeOfEstablishment (name)": "Space station"]),
        (.init("gias.required-value-blank", line: 2, field: "EstablishmentName"), ["EstablishmentName": ""]),
        (.init("gias.urn-out-of-range", line: 2, field: "URN"), ["URN": "99"]),
        (.init("gias.bad-urn", line: 2, field: "URN"), ["URN": "12a45"]),
        (.init("gias.unknown-status", line: 2, field: "EstablishmentStatus (name)"), ["EstablishmentStatus (name)": "Hibernating"]),
        (.init("gias.places-without-provision", line: 2, field: "TypeOfResourcedProvision (name)", level: .warning), ["ResourcedProvisionCapacity": "5"]),
        (.init("gias.not-a-number", line: 2, field: "SchoolCapacity"), ["SchoolCapacity": "lots"]),
        (.init("gias.count-out-of-range", line: 2, field: "SchoolCapacity"), ["SchoolCapacity": "-5"]),
        (.init("gias.places-out-of-range", line: 2, field: "ResourcedProvisionCapacity"),
         ["TypeOfResourcedProvision (name)": "Resourced provision", "ResourcedProvisionCapacity": "9000", "SenUnitCapacity": "9000"]),
        (.init("gias.la-incomplete", line: 2, field: "LA (code)", level: .warning), ["LA (code)": ""]),
        (.init("gias.la-incomplete", line: 2, field: "LA (name)", level: .warning), ["LA (name)": ""]),
        (.init("gias.bad-la-code", line: 2, field: "LA (code)", level: .warning), ["LA (code)": "9999"]),
        (.init("gias.unknown-phase", line: 2, field: "PhaseOfEducation (name)", level: .warning), ["PhaseOfEducation (name)": "Tertiary"]),
        (.init("gias.bad-age", line: 2, field: "StatutoryLowAge"), ["StatutoryLowAge": "four"]),
        (.init("gias.ages-reversed", line: 2, field: "StatutoryLowAge"), ["StatutoryLowAge": "11", "StatutoryHighAge": "4"]),
        (.init("gias.age-above-25", line: 2, field: "StatutoryHighAge", level: .warning), ["StatutoryHighAge": "30"]),
        (.init("gias.age-range-incomplete", line: 2, field: "StatutoryLowAge", level: .warning), ["StatutoryLowAge": ""]),
        (.init("gias.age-range-incomplete", line: 2, field: "StatutoryHighAge", level: .warning), ["StatutoryHighAge": ""]),
        (.init("gias.unknown-gender", line: 2, field: "Gender (name)", level: .warning), ["Gender (name)": "Unknown-ish"]),
        (.init("gias.bad-coordinate", line: 2, field: "Easting"), ["Easting": "east"]),
        (.init("gias.outside-great-britain", line: 2, field: "Easting"), ["Easting": "900000"]),
        (.init("gias.location-incomplete", line: 2, field: "Easting", level: .warning), ["Easting": ""]),
        (.init("gias.location-incomplete", line: 2, field: "Northing", level: .warning), ["Northing": "0"]),
        (.init("gias.bad-postcode", line: 2, field: "Postcode", level: .warning), ["Postcode": "nowhere"]),
        (.init("gias.unknown-need-code", line: 2, field: "SEN1 (name)", level: .warning), ["SEN1 (name)": "XYZ - Something"]),
        (.init("gias.unknown-provision", line: 2, field: "TypeOfResourcedProvision (name)", level: .warning), ["TypeOfResourcedProvision (name)": "Magic unit"]),
    ]

    @Test(arguments: 0..<giasRows.count)
    func everyGIASRowDiagnostic(_ i: Int) {
        let (row, cells) = Self.giasRows[i]
        let text = GIASFixture.text(rows: [GIASFixture.cells(GIASFixture.community.merging(cells) { $1 })])
        check(row, GIASFixture.run(GIASFixture.bytes(text), file: Self.giasFile).diagnostics, file: Self.giasFile)
    }

    @Test func giasFileLevelDiagnostics() throws {
        check(DiagnosticRow("gias.file-empty", line: 1), GIASFixture.run([], file: Self.giasFile).diagnostics, file: Self.giasFile)
        let noURN = GIASFixture.text(header: GIASFixture.columns.filter { $0 != "URN" }, rows: [])
        check(DiagnosticRow("gias.missing-column", line: 1, field: "URN"), GIASFixture.run(GIASFixture.bytes(noURN), file: Self.giasFile).diagnostics, file: Self.giasFile)
        let short = GIASFixture.text(rows: [GIASFixture.cells(GIASFixture.community), ["100002", "894"]])
        check(DiagnosticRow("gias.wrong-cell-count", line: 3), GIASFixture.run(GIASFixture.bytes(short), file: Self.giasFile).diagnostics, file: Self.giasFile)
        let twice = GIASFixture.text(rows: [GIASFixture.cells(GIASFixture.community), GIASFixture.cells(GIASFixture.community)])
        check(DiagnosticRow("gias.urn-repeated", line: 3, field: "URN"), GIASFixture.run(GIASFixture.bytes(twice), file: Self.giasFile).diagnostics, file: Self.giasFile)
        let t = try TemporaryFolder("gias")
        let path = try t.write(Self.giasFile, "x")
        check(DiagnosticRow("gias.bad-extract-date", line: nil, field: "extract-date"),
              GIASImporter.importExtract(path: path, extractDate: "2026-02-30").diagnostics, file: path)
    }

    // MARK: Schools file

    static let schoolsHeader = "URN,EstablishmentName,LA (code),LA (name),PhaseOfEducation,ReligionGroup,OfstedOverallLatest,Easting,Northing,NearestPostcode"
    static let schoolsRow = "123456,Oak School,894,Telford and Wrekin,Primary,None (secular),Good,369850,308720,TF3 4NB"

    /// A data row (line 2) with one cell replaced.
    static let schoolsRows: [(DiagnosticRow, column: Int, value: String)] = [
        (.init("schools.bad-urn", line: 2, field: "URN"), 0, "12a"),
        (.init("schools.name-missing", line: 2, field: "EstablishmentName"), 1, ""),
        (.init("schools.bad-la", line: 2, field: "LA (code)"), 2, "Telford"),
        (.init("schools.unknown-phase", line: 2, field: "PhaseOfEducation"), 4, "Tertiary"),
        (.init("schools.unknown-ofsted", line: 2, field: "OfstedOverallLatest"), 6, "Splendid"),
        (.init("schools.outside-great-britain", line: 2, field: "Easting"), 7, "900000"),
        (.init("schools.bad-coordinates", line: 2, field: "Easting"), 7, "east"),
        (.init("schools.location-incomplete", line: 2, field: "Northing"), 8, ""),
        (.init("schools.bad-postcode", line: 2, field: "NearestPostcode"), 9, "nowhere"),
        (.init("schools.urn-in-fictional-range", line: 2, field: "URN"), 0, "9000001"),
    ]

    func schools(_ text: String) -> [Diagnostic] {
        var r = CSVReader(bytes: Array(text.utf8), file: "schools.csv")
        return SchoolsFileImporter.read(&r, sourceNote: "test").diagnostics
    }

    @Test(arguments: 0..<schoolsRows.count)
    func everySchoolsRowDiagnostic(_ i: Int) {
        let (row, column, value) = Self.schoolsRows[i]
        var cells = Self.schoolsRow.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[column] = value
        check(row, schools(Self.schoolsHeader + "\n" + cells.joined(separator: ",") + "\n"), file: "schools.csv")
    }

    @Test func schoolsFileLevelDiagnostics() {
        check(DiagnosticRow("schools.file-empty", line: 1), schools(""), file: "schools.csv")
        check(DiagnosticRow("schools.duplicate-urn", line: 3, field: "URN"),
              schools(Self.schoolsHeader + "\n" + Self.schoolsRow + "\n" + Self.schoolsRow + "\n"), file: "schools.csv")
    }

    // MARK: Postcode CSV import

    static let postcodeRows: [DiagnosticRow] = [
        .init("postcode-import.bad-postcode", line: 2, field: "postcode", "nowhere,369850,308720,E06000020"),
        .init("postcode-import.bad-coordinates", line: 2, field: "easting", "TF3 4NB,east,308720,E06000020"),
        .init("postcode-import.outside-great-britain", line: 2, field: "easting", "TF3 4NB,900000,308720,E06000020"),
        .init("postcode-import.bad-district-code", line: 2, field: "admin_district_code", "TF3 4NB,369850,308720,E06"),
        .init("postcode-import.conflicting-duplicate", line: 3, field: "postcode", "TF3 4NB,369850,308720,E06000020\nTF3 4NB,369851,308720,E06000020"),
    ]

    @Test(arguments: postcodeRows)
    func everyPostcodeImportDiagnostic(_ row: DiagnosticRow) {
        var r = CSVReader(bytes: Array(("postcode,easting,northing,admin_district_code\n" + row.input + "\n").utf8), file: "pc.csv")
        check(row, PostcodeImporter.read(&r).diagnostics, file: "pc.csv")
    }

    @Test func emptyPostcodeCSV() {
        var r = CSVReader(bytes: [], file: "pc.csv")
        check(DiagnosticRow("postcode-import.file-empty", line: 1), PostcodeImporter.read(&r).diagnostics, file: "pc.csv")
    }
}

extension Result where Failure == ATLError {
    /// The diagnostics of a failure; none for a success.
    var errorDiagnostics: [Diagnostic] {
        if case .failure(let e) = self { return e.diagnostics }
        return []
    }
}
