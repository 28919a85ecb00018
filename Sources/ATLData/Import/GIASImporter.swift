import ATLModel
import Foundation

/// The result of importing a DfE GIAS establishment extract.
///
/// Every data row is accounted for exactly once: `rowsRead == settings.count + rowsRejected + Σ skipped.count`
/// (unless a CSV syntax error stopped the read; then the error says where).
public struct GIASImport: Sendable {
    /// Open establishments of a type the engine places children in, sorted by URN.
    public var settings: [Setting]
    /// Errors and warnings, sorted (file, line, field, message).
    public var diagnostics: [Diagnostic]
    /// Data records read after the header row (blank lines included).
    public var rowsRead: Int
    /// Rows with at least one error: not imported; their errors are in `diagnostics`.
    public var rowsRejected: Int
    /// Rows left out on purpose, by reason ("status: Closed", "type not placed: Welsh establishment",
    /// "blank line"), sorted by reason.
    public var skipped: [(reason: String, count: Int)]

    /// How the file's bytes were read, and why ("UTF-8 (byte-order mark)"); nil when read from memory.
    public var encodingNote: String?

    public init(settings: [Setting] = [], diagnostics: [Diagnostic] = [], rowsRead: Int = 0, rowsRejected: Int = 0,
                skipped: [(reason: String, count: Int)] = []) {
        self.settings = settings
        self.diagnostics = diagnostics
        self.rowsRead = rowsRead
        self.rowsRejected = rowsRejected
        self.skipped = skipped
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.level == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.level == .warning } }
    public var hasErrors: Bool { diagnostics.contains { $0.level == .error } }
}

/// Imports the DfE "Get Information about Schools" establishment extract (`edubasealldataYYYYMMDD.csv`:
/// Windows-1252, RFC 4180 quoting, CRLF) into settings, streaming it record by record so memory holds only
/// the result (plus one URN per row, to find duplicates).
///
/// Columns are found by their header name, never by position. Required: `URN`, `EstablishmentName`,
/// `EstablishmentStatus (name)`, `TypeOfEstablishment (name)`; a missing one is an error on line 1 and nothing
/// is imported. Every other column is optional: when absent, the fact it carries is unknown. Blank cells are
/// unknown. Values are trimmed; names and other single-line texts have runs of white space (including line
/// breaks inside quotes) collapsed to one space.
///
/// Which rows become settings:
/// 1. A row whose field count differs from the header's is an error (the row is rejected).
/// 2. `URN` must be a whole number from 100000 to 8999999 (URNs from 9000000 are the catalogue's fictional
///    range) and must not repeat: an error otherwise, on the second row for a repeat. Checked on every row.
/// 3. `EstablishmentStatus (name)`: "Open", and "Open, but proposed to close" (still open: a source line
///    "GIAS status: Open, but proposed to close" says so) are imported; "Closed" and "Proposed to open" are
///    counted in `skipped` as "status: <name>"; a blank or any other value is an error.
/// 4. `TypeOfEstablishment (name)` maps through ``SettingType/init(giasTypeName:resourced:)``; a type that
///    maps to nil is counted as "type not placed: <name>", with one warning the first time a name the engine
///    does not know at all appears (a new GIAS type may need a mapping). Blank is an error.
/// Closed, proposed and not-placed rows are not checked further: none of their other values is used.
///
/// Field by field, for imported rows. **Error** means the row is rejected (a malformed number in a row
/// usually means the row is damaged, and a setting must not be listed with a wrong location, age range or
/// capacity); **warning** means the row is imported with that fact left unknown.
/// - `EstablishmentName`: blank → error.
/// - `LA (code)` + `LA (name)` → ``LocalAuthority`` when both are given and the code is a whole number
///   100–999; otherwise a warning and the authority is unknown.
/// - `PhaseOfEducation (name)` → ``Phase`` ("Not applicable" → `.notApplicable`, a published fact);
///   an unknown name → warning.
/// - `StatutoryLowAge`, `StatutoryHighAge` → ``AgeRange``: not a whole number, negative, or low above high →
///   error; only one of the two given, or an age above 25 (the catalogue holds 0–25) → warning, unknown.
/// - `Gender (name)`: Mixed, Boys, Girls; "Not applicable"/"Does not apply" → unknown; other → warning.
/// - `ReligiousCharacter (name)`: kept as published, including "None" (a published fact: no religious
///   character); "Does not apply", "Not applicable" and "Unknown" → unknown, since they say nothing.
/// - `Easting`, `Northing` → ``GridPoint``: not a number → error; both blank or both 0 → unknown; only one
///   given → warning, unknown; outside Great Britain → error.
/// - `Postcode` → ``Postcode/normalise(_:)``; not shaped like a postcode → warning, unknown.
/// - `SchoolCapacity`, `NumberOfPupils`: whole numbers 0–100000, else error.
/// - `SEN1 (name)` … `SEN13 (name)` ("ASD - Autistic Spectrum Disorder"): the code before " - " maps
///   case-insensitively to ``NeedCode``; an unknown code (e.g. the pre-2015 "BESD") → warning naming the
///   column, and that code is left out (never guessed). "Not applicable" counts as blank. No SEN value at
///   all (or none recognised) → needs unknown (nil), never empty. Imported whatever the setting's type, as
///   GIAS publishes them.
/// - `TypeOfResourcedProvision (name)`: "Resourced provision", "SEN unit", "Resourced provision and SEN
///   unit" → ``SpecialistProvisionKind``; "Not applicable", "Does not apply" and blank → nil (unknown, not
///   `.none`: GIAS resourced-provision records are kept by LAs and are known to be incomplete, so "not
///   applicable" is not proof that a school has no unit); other text → warning, unknown.
/// - `ResourcedProvisionCapacity` + `SenUnitCapacity` → `specialistPlaces`, `ResourcedProvisionOnRoll` +
///   `SenUnitOnRoll` → `specialistOnRoll` (sum of those given; nil when none is): whole numbers 0–10000, else
///   error. Numbers given while no provision is named → kept, with a warning. Special schools' places are
///   never filled from `SchoolCapacity`: the scorer reads capacity and on-roll for them.
///
/// Settings are sorted by URN, diagnostics sorted, skip reasons sorted: the same extract in any row order
/// gives the same result (except which of two rows sharing a URN is called the repeat).
/// A CSV syntax error (an unclosed quote, a stray quote) stops the read with one error at its line: the
/// rest of the file cannot be split into rows reliably. Rows imported before it are returned.
public enum GIASImporter {
    /// The provenance line every imported setting carries (the extract date is appended when known).
    public static let sourceName = "DfE GIAS establishment extract"

    /// The GIAS column names the importer reads.
    public enum Column {
        public static let urn = "URN"
        public static let name = "EstablishmentName"
        public static let status = "EstablishmentStatus (name)"
        public static let type = "TypeOfEstablishment (name)"
        public static let laCode = "LA (code)"
        public static let laName = "LA (name)"
        public static let phase = "PhaseOfEducation (name)"
        public static let lowAge = "StatutoryLowAge"
        public static let highAge = "StatutoryHighAge"
        public static let gender = "Gender (name)"
        public static let religiousCharacter = "ReligiousCharacter (name)"
        public static let easting = "Easting"
        public static let northing = "Northing"
        public static let postcode = "Postcode"
        public static let capacity = "SchoolCapacity"
        public static let onRoll = "NumberOfPupils"
        public static let sen = (1...13).map { "SEN\($0) (name)" }
        public static let resourcedProvision = "TypeOfResourcedProvision (name)"
        public static let rpOnRoll = "ResourcedProvisionOnRoll"
        public static let rpCapacity = "ResourcedProvisionCapacity"
        public static let unitOnRoll = "SenUnitOnRoll"
        public static let unitCapacity = "SenUnitCapacity"

        public static let required = [urn, name, status, type]
    }

    /// GIAS type names deliberately not placed (``SettingType/init(giasTypeName:resourced:)`` returns nil):
    /// skipping these raises no warning. Lower case.
    static let knownNotPlaced: Set<String> = [
        "welsh establishment", "british schools overseas", "offshore schools", "service children's education",
        "higher education institutions", "secure units", "academy secure 16 to 19", "online provider",
        "institution funded by other government department", "miscellaneous", "children's centre",
        "children's centre linked site",
    ]

    /// Reads the extract at `path`. The DfE publishes it in Windows-1252, but a copy re-saved by a spreadsheet
    /// is often UTF-8: see ``detectEncoding(path:)``; the result's `encodingNote` says which was used.
    /// When `extractDate` is nil it is taken from a DfE file name `edubasealldataYYYYMMDD.csv`, if the name has
    /// Header fields the GIAS extract publishes and a re-import replaces (Ofsted, facilities, cost band and stated
    /// vacancies are not in it, so hand-written values of those are kept).
    public static let ownedFields: Set<SettingFile.Field> = [
        .urn, .name, .laCode, .laName, .type, .giasType, .status, .phase, .ageRange, .gender, .religiousCharacter,
        .easting, .northing, .postcode, .capacity, .onRoll, .needs, .specialistProvision, .specialistPlaces,
        .specialistOnRoll,
    ]

    /// Whether a source line was written by a GIAS import (a re-import replaces it).
    public static func isOwnSource(_ s: String) -> Bool {
        s.hasPrefix(sourceName) || s.hasPrefix("GIAS status:")
    }

    /// that shape; a given `extractDate` must be a real date written YYYY-MM-DD (else an error, nothing read).
    public static func importExtract(path: String, extractDate: String?) -> GIASImport {
        if let d = extractDate, !isValidExtractDate(d) {
            return GIASImport(diagnostics: [Diagnostic(code: "gias.bad-extract-date", file: path, field: "extract-date", extractDateProblem(d))])
        }
        let detected: (encoding: CSVReader.Encoding, note: String)
        var reader: CSVReader
        do {
            detected = try detectEncoding(path: path)
            reader = try CSVReader.open(path: path, encoding: detected.encoding, what: "GIAS extract")
        } catch {
            return GIASImport(diagnostics: error.diagnostics)
        }
        let date = extractDate ?? Self.extractDate(fromFileName: (path as NSString).lastPathComponent)
        var result = importExtract(reader: &reader, sourceName: path, extractDate: date)
        result.encodingNote = detected.note
        return result
    }

    /// Which encoding to read the file at `path` in: UTF-8 when it starts with a UTF-8 byte-order mark, or when
    /// its bytes are valid UTF-8 with at least one multi-byte sequence (Windows-1252 text with accented
    /// letters is almost never valid UTF-8); Windows-1252 otherwise (plain ASCII reads the same either way).
    /// Streams the file once in 64 KiB chunks. The note says which was chosen and why, for the user.
    public static func detectEncoding(path: String) throws(ATLError) -> (encoding: CSVReader.Encoding, note: String) {
        let h = try InputFile.openForStreaming(path, what: "GIAS extract")
        defer { try? h.close() }
        var check = UTF8Check()
        while true {
            let d: Data?
            do { d = try h.read(upToCount: 1 << 16) } catch {
                throw ATLError(code: "input.unreadable", file: path, "cannot be read to the end")
            }
            guard let d, !d.isEmpty else { break }
            check.feed([UInt8](d))
            if check.invalid || check.hasBOM { break }
        }
        check.finish()
        if check.hasBOM { return (.utf8, "read as UTF-8 (the file starts with a UTF-8 byte-order mark)") }
        if !check.invalid && check.multiByte {
            return (.utf8, "read as UTF-8 (the bytes are valid UTF-8 with non-ASCII characters)")
        }
        if check.invalid { return (.windows1252, "read as Windows-1252, the encoding of the DfE extract (the bytes are not valid UTF-8)") }
        return (.windows1252, "read as Windows-1252, the encoding of the DfE extract (the file is plain ASCII)")
    }

    /// Whether `s` is a real calendar date written YYYY-MM-DD, in the years 2000–2099.
    public static func isValidExtractDate(_ s: String) -> Bool {
        CalendarDate.isValid(s, years: 2000...2099)
    }

    /// The message for an `extractDate` that ``isValidExtractDate(_:)`` refuses.
    public static func extractDateProblem(_ s: String) -> String {
        "\"\(s)\" is not a date: give the extract's date as YYYY-MM-DD (e.g. 2026-01-30), a real calendar date from 2000 to 2099"
    }

    /// Reads the extract from `reader`; `sourceName` is the file name used in diagnostics.
    public static func importExtract(reader: inout CSVReader, sourceName: String, extractDate: String?) -> GIASImport {
        var run = Run(file: sourceName, source: sourceLine(extractDate: extractDate))
        run.read(&reader)
        return run.result()
    }

    /// "edubasealldata20260130.csv" → "2026-01-30"; nil for any other name or an impossible date.
    public static func extractDate(fromFileName name: String) -> String? {
        let lower = name.lowercased()
        let prefix = "edubasealldata", suffix = ".csv"
        guard lower.hasPrefix(prefix), lower.hasSuffix(suffix) else { return nil }
        let digits = lower.dropFirst(prefix.count).dropLast(suffix.count)
        guard digits.count == 8, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let y = digits.prefix(4), m = digits.dropFirst(4).prefix(2), d = digits.suffix(2)
        let date = "\(y)-\(m)-\(d)"
        return isValidExtractDate(date) ? date : nil
    }

    /// The `sources` line: "DfE GIAS establishment extract 2026-01-30".
    public static func sourceLine(extractDate: String?) -> String {
        sourceName + (extractDate.map { " \($0)" } ?? "")
    }
}

// MARK: - The import run

/// Column positions, resolved once from the header.
private struct ColumnMap {
    var count: Int
    var index: [String: Int]

    init(header: [String]) {
        count = header.count
        index = [:]
        for (i, name) in header.enumerated() {
            let key = trim(name)
            if index[key] == nil { index[key] = i }
        }
    }
}

/// Words GIAS uses for "this field says nothing here".
private let saysNothing: Set<String> = ["not applicable", "does not apply"]

private struct Run {
    let file: String
    let source: String
    var settings: [Setting] = []
    var diagnostics: [Diagnostic] = []
    var rowsRead = 0
    var rowsRejected = 0
    var skipped: [String: Int] = [:]
    var seenURNs: [Int: Int] = [:]
    var warnedTypes: Set<String> = []
    var columns = ColumnMap(header: [])

    init(file: String, source: String) {
        self.file = file
        self.source = source
    }

    mutating func read(_ reader: inout CSVReader) {
        do {
            guard let header = try reader.next() else {
                diagnostics.append(Diagnostic(code: "gias.file-empty", file: file, line: 1, "the file is empty; expected the GIAS header row"))
                return
            }
            columns = ColumnMap(header: header.fields)
            var missing = false
            for name in GIASImporter.Column.required where columns.index[name] == nil {
                diagnostics.append(Diagnostic(code: "gias.missing-column", file: file, line: header.line, field: name,
                    "required column is missing from the header (is this the GIAS establishment extract, edubasealldata?)"))
                missing = true
            }
            if missing { return }
            while let record = try reader.next() {
                rowsRead += 1
                row(record)
            }
        } catch {
            diagnostics += error.diagnostics.map { d in var d = d; d.message += " (reading stopped here)"; return d }
        }
    }

    func result() -> GIASImport {
        GIASImport(settings: settings.sorted { $0.urn < $1.urn }, diagnostics: diagnostics.sorted(),
                   rowsRead: rowsRead, rowsRejected: rowsRejected,
                   skipped: skipped.sorted { $0.key < $1.key }.map { (reason: $0.key, count: $0.value) })
    }

    private mutating func skip(_ reason: String) { skipped[reason, default: 0] += 1 }

    private mutating func row(_ record: CSVRecord) {
        if record.fields.count == 1, record.fields[0].isEmpty {
            skip("blank line")
            return
        }
        guard record.fields.count == columns.count else {
            diagnostics.append(Diagnostic(code: "gias.wrong-cell-count", file: file, line: record.line,
                "the row has \(record.fields.count) fields but the header has \(columns.count) (a missing or extra comma, or a stray quote?)"))
            rowsRejected += 1
            return
        }
        var p = RowParser(file: file, line: record.line, fields: record.fields, columns: columns)

        // Identity, checked on every row.
        var urn: Int?
        if let text = p.required(GIASImporter.Column.urn) {
            if let v = Int(text), (100_000...8_999_999).contains(v) {
                urn = v
            } else if Int(text) != nil {
                p.error("gias.urn-out-of-range", GIASImporter.Column.urn, "URN \(text) is outside the GIAS range 100000-8999999")
            } else {
                p.error("gias.bad-urn", GIASImporter.Column.urn, "expected a whole number, got \"\(text)\"")
            }
        }
        if let urn {
            if let first = seenURNs[urn] {
                p.error("gias.urn-repeated", GIASImporter.Column.urn, "URN \(urn) is repeated (first on line \(first))")
            } else {
                seenURNs[urn] = record.line
            }
        }

        // Status and type decide whether the row is wanted at all.
        var proposedToClose = false
        if let status = p.required(GIASImporter.Column.status) {
            switch status.lowercased() {
            case "open": break
            case "open, but proposed to close": proposedToClose = true
            case "closed", "proposed to open":
                if p.hasError { return finish(p) }
                return skip("status: \(status)")
            default:
                p.error("gias.unknown-status", GIASImporter.Column.status,
                        "unknown status \"\(status)\"; expected Open, Open, but proposed to close, Closed or Proposed to open")
            }
        }
        let provision = p.provisionKind()
        let typeName = p.required(GIASImporter.Column.type).map(collapse)
        var type: SettingType?
        if let typeName {
            type = SettingType(giasTypeName: typeName, resourced: provision != nil && provision != SpecialistProvisionKind.none)
            if type == nil {
                if p.hasError { return finish(p) }
                let key = typeName.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
                if !GIASImporter.knownNotPlaced.contains(key), !warnedTypes.contains(key) {
                    warnedTypes.insert(key)
                    diagnostics.append(Diagnostic(code: "gias.unknown-type", file: file, line: record.line, field: GIASImporter.Column.type,
                        "type of establishment \"\(typeName)\" is not one the engine knows; rows of this type are skipped (if children are placed in it, add it to SettingType(giasTypeName:))",
                        level: .warning))
                }
                return skip("type not placed: \(typeName)")
            }
        }
        let name = p.required(GIASImporter.Column.name).map(collapse)

        // Facts.
        let la = p.localAuthority()
        let phase = p.phase()
        let ageRange = p.ageRange()
        let gender = p.gender()
        let religious = p.text(GIASImporter.Column.religiousCharacter).map(collapse)
            .flatMap { saysNothing.contains($0.lowercased()) || $0.lowercased() == "unknown" ? nil : $0 }
        let location = p.location()
        let postcode = p.postcode()
        let capacity = p.count(GIASImporter.Column.capacity, max: 100_000)
        let onRoll = p.count(GIASImporter.Column.onRoll, max: 100_000)
        let needs = p.needs()
        let places = p.sum([GIASImporter.Column.rpCapacity, GIASImporter.Column.unitCapacity])
        let spOnRoll = p.sum([GIASImporter.Column.rpOnRoll, GIASImporter.Column.unitOnRoll])
        if provision == nil, (places ?? 0) > 0 || (spOnRoll ?? 0) > 0 {
            p.warning("gias.places-without-provision", GIASImporter.Column.resourcedProvision,
                      "resourced provision or SEN unit places or pupils are given but no provision is named; the numbers are kept as published")
        }

        guard !p.hasError, let urn, let name, let type, let typeName else { return finish(p) }
        var sources = [source]
        if proposedToClose { sources.append("GIAS status: Open, but proposed to close") }
        settings.append(Setting(
            urn: urn, name: name, localAuthority: la, type: type, giasType: typeName, status: .open, phase: phase,
            ageRange: ageRange, gender: gender, religiousCharacter: religious, location: location, postcode: postcode,
            capacity: capacity, onRoll: onRoll, needs: needs, specialistProvision: provision,
            specialistPlaces: places, specialistOnRoll: spOnRoll, sources: sources))
        diagnostics += p.diagnostics
    }

    /// Ends a row that had an error: the row is rejected and its diagnostics kept.
    private mutating func finish(_ p: RowParser) {
        diagnostics += p.diagnostics
        if p.hasError { rowsRejected += 1 }
    }
}

/// Trims and collapses runs of white space (line breaks included) to one space.
private func collapse(_ s: String) -> String {
    // Fast path (nearly every cell): ASCII with single spaces between words and none at the ends.
    var clean = true, previousSpace = true
    for b in s.utf8 {
        if b >= 0x80 || b == 0x09 || b == 0x0A || b == 0x0D || (b == 0x20 && previousSpace) { clean = false; break }
        previousSpace = b == 0x20
    }
    if clean && !previousSpace { return s }
    return s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
}

/// Trims white space and line breaks from both ends.
private func trim(_ s: String) -> String {
    // Fast path: an ASCII non-space byte at each end means there is nothing to trim.
    if let f = s.utf8.first, let l = s.utf8.last, f > 0x20, f < 0x80, l > 0x20, l < 0x80 { return s }
    let scalars = s.unicodeScalars
    guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
    return String(scalars[start...end])
}

/// Reads one row's cells by column name, collecting field-named diagnostics.
private struct RowParser {
    let file: String
    let line: Int
    let fields: [String]
    let columns: ColumnMap
    var diagnostics: [Diagnostic] = []
    var hasError = false

    init(file: String, line: Int, fields: [String], columns: ColumnMap) {
        self.file = file
        self.line = line
        self.fields = fields
        self.columns = columns
    }

    mutating func error(_ code: DiagnosticCode, _ column: String, _ message: String) {
        diagnostics.append(Diagnostic(code: code, file: file, line: line, field: column, message))
        hasError = true
    }

    mutating func warning(_ code: DiagnosticCode, _ column: String, _ message: String) {
        diagnostics.append(Diagnostic(code: code, file: file, line: line, field: column, message, level: .warning))
    }

    /// The trimmed cell, or nil when the column is absent or the cell blank.
    func text(_ column: String) -> String? {
        guard let i = columns.index[column] else { return nil }
        let v = trim(fields[i])
        return v.isEmpty ? nil : v
    }

    mutating func required(_ column: String) -> String? {
        guard let v = text(column) else {
            error("gias.required-value-blank", column, "required value is blank")
            return nil
        }
        return v
    }

    /// A whole number in 0...max; malformed → error.
    mutating func count(_ column: String, max: Int) -> Int? {
        guard let t = text(column) else { return nil }
        guard let v = Int(t) else {
            error("gias.not-a-number", column, "expected a whole number, got \"\(t)\"")
            return nil
        }
        guard (0...max).contains(v) else {
            error("gias.count-out-of-range", column, v < 0 ? "must not be negative, got \(v)" : "must be at most \(max), got \(v)")
            return nil
        }
        return v
    }

    /// Sum of the given counts that are present; nil when none is.
    mutating func sum(_ cols: [String]) -> Int? {
        var total: Int?
        for c in cols {
            if let v = count(c, max: 10_000) { total = (total ?? 0) + v }
        }
        if let t = total, t > 10_000 {
            error("gias.places-out-of-range", cols[0], "places or pupils add up to \(t), more than 10000")
            return nil
        }
        return total
    }

    mutating func localAuthority() -> LocalAuthority? {
        let code = text(GIASImporter.Column.laCode), name = text(GIASImporter.Column.laName).map(collapse)
        guard code != nil || name != nil else { return nil }
        guard let code else {
            warning("gias.la-incomplete", GIASImporter.Column.laCode, "blank while LA (name) is \"\(name!)\"; local authority left unknown")
            return nil
        }
        guard let n = Int(code), (100...999).contains(n) else {
            warning("gias.bad-la-code", GIASImporter.Column.laCode, "expected a three-digit LA code 100-999, got \"\(code)\"; local authority left unknown")
            return nil
        }
        guard let name else {
            warning("gias.la-incomplete", GIASImporter.Column.laName, "blank while LA (code) is \(code); local authority left unknown")
            return nil
        }
        return LocalAuthority(code: n, name: name)
    }

    mutating func phase() -> Phase? {
        guard let t = text(GIASImporter.Column.phase) else { return nil }
        guard let p = Phase(parsing: t) else {
            warning("gias.unknown-phase", GIASImporter.Column.phase, "unknown phase of education \"\(t)\"; left unknown")
            return nil
        }
        return p
    }

    mutating func ageRange() -> AgeRange? {
        let lowCol = GIASImporter.Column.lowAge, highCol = GIASImporter.Column.highAge
        let lowText = text(lowCol), highText = text(highCol)
        func age(_ col: String, _ t: String?) -> Int?? {
            guard let t else { return .some(nil) }
            guard let v = Int(t), v >= 0 else {
                error("gias.bad-age", col, Int(t) == nil ? "expected a whole number of years, got \"\(t)\"" : "must not be negative, got \(t)")
                return nil
            }
            return .some(v)
        }
        guard let lowOpt = age(lowCol, lowText), let highOpt = age(highCol, highText) else { return nil }
        switch (lowOpt, highOpt) {
        case (nil, nil):
            return nil
        case (let lo?, let hi?):
            if lo > hi {
                error("gias.ages-reversed", lowCol, "statutory low age \(lo) is above the high age \(hi)")
                return nil
            }
            if hi > 25 {
                warning("gias.age-above-25", highCol, "age \(hi) is above 25, the oldest the catalogue holds; age range left unknown")
                return nil
            }
            return AgeRange(low: lo, high: hi)
        case (nil, _):
            warning("gias.age-range-incomplete", lowCol, "blank while StatutoryHighAge is given; age range left unknown")
            return nil
        case (_, nil):
            warning("gias.age-range-incomplete", highCol, "blank while StatutoryLowAge is given; age range left unknown")
            return nil
        }
    }

    mutating func gender() -> Gender? {
        guard let t = text(GIASImporter.Column.gender), !saysNothing.contains(t.lowercased()) else { return nil }
        guard let g = Gender(parsing: t) else {
            warning("gias.unknown-gender", GIASImporter.Column.gender, "unknown gender \"\(t)\" (expected Mixed, Boys or Girls); left unknown")
            return nil
        }
        return g
    }

    mutating func location() -> GridPoint? {
        func metres(_ col: String) -> Int?? {
            guard let t = text(col) else { return .some(nil) }
            if let v = Int(t) { return .some(v) }
            if let d = Double(t), d.isFinite, abs(d) < 1e9 { return .some(Int(d.rounded())) }
            error("gias.bad-coordinate", col, "expected a number of metres, got \"\(t)\"")
            return nil
        }
        let eCol = GIASImporter.Column.easting, nCol = GIASImporter.Column.northing
        guard let eOpt = metres(eCol), let nOpt = metres(nCol) else { return nil }
        // GIAS writes 0 (or nothing) when it has no coordinates.
        let e = eOpt == 0 ? nil : eOpt, n = nOpt == 0 ? nil : nOpt
        switch (e, n) {
        case (nil, nil):
            return nil
        case (let e?, let n?):
            let g = GridPoint(easting: e, northing: n)
            guard g.isInGreatBritain else {
                error("gias.outside-great-britain", eCol, "coordinates \(e), \(n) are outside Great Britain (British National Grid: easting 0-700000, northing 0-1300000 metres)")
                return nil
            }
            return g
        case (nil, _):
            warning("gias.location-incomplete", eCol, "blank or 0 while Northing is given; location left unknown")
            return nil
        case (_, nil):
            warning("gias.location-incomplete", nCol, "blank or 0 while Easting is given; location left unknown")
            return nil
        }
    }

    mutating func postcode() -> String? {
        guard let t = text(GIASImporter.Column.postcode) else { return nil }
        guard let pc = Postcode.normalise(t) else {
            warning("gias.bad-postcode", GIASImporter.Column.postcode, "\"\(t)\" is not shaped like a UK postcode; left unknown")
            return nil
        }
        return pc
    }

    mutating func needs() -> NeedSet? {
        var set = NeedSet()
        var anyValue = false
        for col in GIASImporter.Column.sen {
            guard let t = text(col), !saysNothing.contains(t.lowercased()) else { continue }
            anyValue = true
            let code: Substring
            if let dash = t.firstRange(of: " - ") {
                code = t[..<dash.lowerBound]
            } else {
                code = Substring(t)
            }
            let trimmed = code.trimmedSpaces
            if let c = NeedCode(parsing: trimmed) {
                set.insert(NeedSet(c))
            } else {
                let hint = trimmed.uppercased() == "BESD"
                    ? " (BESD is the code SEMH replaced in 2014; ask the LA which need the provision is for)" : ""
                warning("gias.unknown-need-code", col, "unknown need code \"\(trimmed)\" in \"\(t)\"\(hint); expected one of: \(NeedCode.allCases.map(\.rawValue).joined(separator: ", ")); left out")
            }
        }
        return anyValue && !set.isEmpty ? set : nil
    }

    mutating func provisionKind() -> SpecialistProvisionKind? {
        guard let t = text(GIASImporter.Column.resourcedProvision) else { return nil }
        switch collapse(t).lowercased() {
        case "resourced provision": return .resourcedProvision
        case "sen unit": return .senUnit
        case "resourced provision and sen unit": return .both
        case let s where saysNothing.contains(s): return nil
        default:
            warning("gias.unknown-provision", GIASImporter.Column.resourcedProvision,
                    "unknown type of resourced provision \"\(t)\" (expected Resourced provision, SEN unit, or Resourced provision and SEN unit); left unknown")
            return nil
        }
    }
}

/// Streaming UTF-8 validity check for ``GIASImporter/detectEncoding(path:)``: bytes may be fed in any chunks.
struct UTF8Check {
    private(set) var invalid = false
    private(set) var multiByte = false
    private(set) var hasBOM = false
    private var started = false
    /// Bytes of an incomplete sequence at the end of the last chunk.
    private var carry: [UInt8] = []

    mutating func feed(_ chunk: [UInt8]) {
        guard !invalid else { return }
        var bytes = carry + chunk
        carry = []
        if !started {
            if bytes.count < 3 && [0xEF, 0xBB, 0xBF].starts(with: bytes) { carry = bytes; return }
            started = true
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { hasBOM = true; return }
        }
        // Hold back a sequence cut by the chunk end: its lead byte is within the last three bytes.
        var i = bytes.count - 1
        while i >= 0 && i >= bytes.count - 3 {
            let b = bytes[i]
            if b & 0xC0 != 0x80 {
                let need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                if bytes.count - i < need { carry = Array(bytes[i...]); bytes.removeLast(bytes.count - i) }
                break
            }
            i -= 1
        }
        if bytes.contains(where: { $0 >= 0x80 }) {
            if String(validating: bytes, as: UTF8.self) == nil { invalid = true } else { multiByte = true }
        }
    }

    /// Ends the input: a sequence still incomplete (or a lone part of a byte-order mark) is invalid.
    mutating func finish() {
        if !carry.isEmpty { invalid = true; carry = [] }
    }
}
