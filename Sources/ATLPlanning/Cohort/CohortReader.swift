import ATLModel
import ATLData
import ATLEngine
import Foundation

/// One child read from a cohort: where it came from and either its needs profile or every problem found.
public struct CohortRow: Sendable {
    /// 1-based data row number (CSV: the n-th record after the header; directory: the n-th profile file).
    public var row: Int
    /// The file the child came from (the cohort CSV, or the profile file in a directory).
    public var file: String
    /// Physical line the row starts on (1 for a profile file).
    public var line: Int
    /// Physical line the row ends on: later than `line` only for a row whose quoted cell holds line breaks.
    public var lastLine: Int = 0
    /// The child's reference when it could be read and is a valid reference (never anything else: a bad
    /// reference cell might hold a name).
    public var reference: String?
    /// The parsed profile with the SHA-256 used in its audit stamp, or the problems found.
    public var profile: Result<(NeedsProfile, hash: String), ATLError>

    /// "file:line", as batch records cite it.
    public var source: String { "\(file):\(line)" }

    public init(row: Int, file: String, line: Int, lastLine: Int? = nil, reference: String?,
                profile: Result<(NeedsProfile, hash: String), ATLError>) {
        self.row = row
        self.file = file
        self.line = line
        self.lastLine = lastLine ?? line
        self.reference = reference
        self.profile = profile
    }
}

/// Reads a cohort one child at a time, so memory does not grow with the cohort: a CSV file (one child per row,
/// header = needs-profile field names, `docs/cohort-format.md`) or a directory of `.profile` files (sorted by
/// file name). A malformed row never stops the reading: it becomes a ``CohortRow`` holding its problems.
/// Problems with the file as a whole (unreadable, not a regular file, bad header, too many rows) are thrown
/// before the first row.
///
/// **Every line is accounted for.** The CSV is read with ``CSVLineReader``: a row that cannot be read (a stray
/// or unclosed quote, bytes that are not UTF-8, a line over ``lineLimit``) is an error row for its first line,
/// and the lines after it are read again as rows of their own, so a quote can never swallow the children after
/// it. A quoted cell may hold line breaks (wrapped text), but a row spanning lines that has the wrong number of
/// cells is treated the same way. Messages never quote a cell: a misplaced cell may hold a name or an address.
public struct CohortReader {
    /// Most rows a cohort may hold (England has about 640,000 EHCPs; docs/limits.md).
    public static let rowLimit = 1_000_000
    /// Longest line of a cohort CSV (a row is a few hundred bytes).
    public static let lineLimit = 64 << 10
    /// Most lines one row may span (a quoted cell with line breaks).
    public static let maxLinesPerRow = 20

    private enum Source {
        case csv(CohortCSV)
        case directory([String])
    }

    private var source: Source
    /// The cohort path as given (CSV file or directory).
    public let path: String
    private let academicYear: Int
    private var rowNumber = 0
    private var finished = false

    /// Opens a cohort. A directory is read as `.profile` files; a regular file as CSV; anything else (a device,
    /// a pipe) is refused.
    public init(path: String, academicYear: Int) throws(ATLError) {
        self.path = path
        self.academicYear = academicYear
        if InputFile.kind(of: path) == .folder {
            source = .directory(try CohortReader.profileFiles(in: path))
        } else {
            let lines = try CSVLineReader.open(path: path, what: "cohort file", lineLimit: CohortReader.lineLimit,
                                               maxLinesPerRecord: CohortReader.maxLinesPerRow)
            source = .csv(try CohortCSV(lines))
        }
    }

    /// Reads a cohort CSV held in memory (tests).
    public init(csv bytes: [UInt8], file: String, academicYear: Int) throws(ATLError) {
        self.path = file
        self.academicYear = academicYear
        source = .csv(try CohortCSV(CSVLineReader(bytes: bytes, file: file, lineLimit: CohortReader.lineLimit,
                                                  maxLinesPerRecord: CohortReader.maxLinesPerRow)))
    }

    /// The `.profile` files directly in `dir`, sorted by name (byte order, so the order is the same everywhere).
    public static func profileFiles(in dir: String) throws(ATLError) -> [String] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: dir) } catch {
            throw ATLError(Diagnostic(code: "cohort.cannot-list-folder", file: dir, "cannot list the cohort folder: \(FileProblem.describe(error))"))
        }
        let files = names.filter { $0.hasSuffix(".profile") }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let base = dir.hasSuffix("/") ? dir : dir + "/"
        return files.map { base + $0 }
    }

    /// The next child, or nil at the end of the cohort.
    public mutating func next() -> CohortRow? {
        guard !finished else { return nil }
        switch source {
        case .directory(var files):
            guard !files.isEmpty else { finished = true; return nil }
            let file = files.removeFirst()
            source = .directory(files)
            rowNumber += 1
            return profileFile(file)
        case .csv(var csv):
            defer { source = .csv(csv) }
            guard let item = csv.next() else { finished = true; return nil }
            rowNumber += 1
            switch item {
            case .problem(let d):
                return CohortRow(row: rowNumber, file: path, line: d.line ?? 1, reference: nil, profile: .failure(ATLError(d)))
            case .record(let r, let endLine):
                var row = csvRow(r, endLine: endLine, columns: csv.columns)
                // A row spanning lines that fails may be a stray quote joining children: its first line is the
                // error row, and the lines after it are read again as rows of their own (none is lost).
                if endLine > r.line, case .failure = row.profile {
                    csv.lines.rejectLastRecord()
                    row.lastLine = r.line
                }
                return row
            }
        }
    }

    private func profileFile(_ file: String) -> CohortRow {
        let bytes: [UInt8]
        do throws(ATLError) { bytes = try InputFile.read(file, what: "profile", limit: InputFile.Limit.profile) } catch {
            return CohortRow(row: rowNumber, file: file, line: 1, reference: nil,
                             profile: .failure(ATLError(error.diagnostics.map { var d = $0; d.line = 1; return d })))
        }
        switch Result(catching: { () throws(ATLError) in try ProfileParser.parse(bytes, file: file, academicYear: academicYear) }) {
        case .success(let p):
            return CohortRow(row: rowNumber, file: file, line: 1, reference: p.reference, profile: .success((p, SHA256.hex(bytes))))
        case .failure(let e):
            // Find a valid reference line, if any, so the error record can name the child.
            var reference: String?
            if let text = String(validating: bytes, as: UTF8.self) {
                for (i, line) in TextDecoding.lines(text).enumerated() {
                    if let kv = try? KeyValueLine.parse(line, line: i + 1, file: file, quoting: false), kv.key == "reference",
                       CohortReader.isValidReference(kv.value) {
                        reference = kv.value
                        break
                    }
                }
            }
            return CohortRow(row: rowNumber, file: file, line: 1, reference: reference, profile: .failure(e))
        }
    }

    private func csvRow(_ r: CSVRecord, endLine: Int, columns: [ProfileParser.Field?]) -> CohortRow {
        var values: [ProfileParser.Field: KeyValueLine] = [:]
        var line = r.line
        for (i, cell) in r.fields.enumerated() {
            defer { line += cell.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
            guard let f = columns[i] else { continue }
            // A line break inside a quoted cell (wrapped text in a spreadsheet) reads as a space.
            var v = cell.trimmingCharacters(in: .whitespacesAndNewlines)
            if v.contains(where: \.isNewline) {
                v = v.split(whereSeparator: \.isNewline).map { $0.trimmedSpaces }.joined(separator: " ")
            }
            if v.isEmpty { continue }
            values[f] = KeyValueLine(key: f.rawValue, value: v, line: line)
        }
        if values.isEmpty {
            return CohortRow(row: rowNumber, file: path, line: r.line, reference: nil,
                             profile: .failure(ATLError(Diagnostic(code: "cohort.empty-row", file: path, line: r.line, "empty row (every cell is blank)"))))
        }
        if values[.format] == nil {
            values[.format] = KeyValueLine(key: "format", value: ProfileParser.formatTag, line: r.line)
        }
        let reference = values[.reference].map(\.value).flatMap { CohortReader.isValidReference($0) ? $0 : nil }
        var diags: [Diagnostic] = []
        guard let p = ProfileParser.build(values, file: path, academicYear: academicYear, diags: &diags), diags.isEmpty else {
            if endLine > r.line {
                diags.append(Diagnostic(code: "cohort.row-spans-lines", file: path, line: r.line,
                    "this row spans lines \(r.line)–\(endLine) (a quoted cell holds line breaks); if a stray quote joined rows, quote whole cells and double any quote inside them; the lines after this one are read as rows of their own"))
            }
            return CohortRow(row: rowNumber, file: path, line: r.line, lastLine: endLine, reference: reference,
                             profile: .failure(ATLError(diags)))
        }
        return CohortRow(row: rowNumber, file: path, line: r.line, lastLine: endLine, reference: reference,
                         profile: .success((p, SHA256.hex(ProfileParser.render(p)))))
    }

    /// The rule ``ProfileParser`` applies to a reference (``ProfileParser/isValidReference(_:)``).
    public static func isValidReference(_ s: String) -> Bool { ProfileParser.isValidReference(s) }

    /// Counts the rows of a cohort and hashes its bytes in one streaming pass each (for progress, resume and
    /// the reconciliation of rows against records), reading rows exactly as ``next()`` does. A directory hashes
    /// each profile file's name and bytes in order. A cohort of more than ``rowLimit`` rows is refused.
    /// `academicYear` must be the run's: whether a row that spans lines is re-read line by line depends on
    /// whether its profile reads, which a date of birth can decide.
    public static func survey(path: String, academicYear: Int, rowLimit: Int = CohortReader.rowLimit) throws(ATLError) -> (rows: Int, hash: String) {
        var h = SHA256()
        if InputFile.kind(of: path) == .folder {
            let files = try profileFiles(in: path)
            if files.count > rowLimit { throw tooManyRows(path, rowLimit) }
            for f in files {
                h.update((f as NSString).lastPathComponent + "\n")
                let data = (try? InputFile.read(f, what: "profile", limit: InputFile.Limit.profile)) ?? []
                h.update(String(data.count) + "\n")
                h.update(data)
            }
            return (files.count, h.hexDigest())
        }
        let handle = try InputFile.openForStreaming(path, what: "cohort file")
        defer { try? handle.close() }
        while let d = try? handle.read(upToCount: 1 << 16), !d.isEmpty { h.update(d) }
        // The rows exactly as ``next()`` reads them (a failing row that spans lines is re-read line by line).
        var reader = try CohortReader(path: path, academicYear: academicYear)
        var rows = 0
        while reader.next() != nil {
            rows += 1
            if rows > rowLimit { throw tooManyRows(path, rowLimit) }
        }
        return (rows, h.hexDigest())
    }

    static func tooManyRows(_ path: String, _ rowLimit: Int) -> ATLError {
        ATLError(code: "cohort.too-many-rows", file: path,
                 "holds more than \(rowLimit) children, the most a cohort may hold (docs/limits.md); split it by LA or phase")
    }
}

/// The rows of a cohort CSV after its header: records with the header's width, or problems, each for one line.
/// Shared by ``CohortReader/next()`` and ``CohortReader/survey(path:)`` so both count rows the same way.
struct CohortCSV {
    var lines: CSVLineReader
    let columns: [ProfileParser.Field?]
    let header: CSVHeader

    /// Reads and checks the header row.
    init(_ reader: CSVLineReader) throws(ATLError) {
        var lines = reader
        let file = reader.file
        var headerRecord: CSVRecord?
        while headerRecord == nil {
            switch try lines.next() {
            case nil:
                throw ATLError(Diagnostic(code: "cohort.file-empty", file: file, line: 1, "the cohort file is empty; expected a header row of needs-profile field names"))
            case .problem(let d):
                throw ATLError(Diagnostic(code: "cohort.header-unreadable", file: file, line: d.line, "the header row cannot be read: \(d.message)"))
            case .record(let r, _):
                headerRecord = r
            }
        }
        let h = headerRecord!
        header = CSVHeader(h, file: file)
        var diags: [Diagnostic] = []
        var columns: [ProfileParser.Field?] = []
        var seen: Set<String> = []
        for name in header.names {
            let key = name.lowercased()
            guard let f = ProfileParser.Field(rawValue: key) else {
                diags.append(Diagnostic(code: "cohort.unknown-column", file: file, line: h.line, field: name,
                    "unknown column; columns are needs-profile fields: \(ProfileParser.Field.allCases.map(\.rawValue).joined(separator: ", "))"))
                columns.append(nil)
                continue
            }
            if !seen.insert(key).inserted {
                diags.append(Diagnostic(code: "cohort.column-given-twice", file: file, line: h.line, field: name, "column given twice"))
            }
            columns.append(f)
        }
        for required in [ProfileParser.Field.reference, .primaryNeed] where !seen.contains(required.rawValue) {
            diags.append(Diagnostic(code: "cohort.required-column-missing", file: file, line: h.line, field: required.rawValue, "required column is missing from the header row"))
        }
        if !diags.isEmpty { throw ATLError(diags) }
        self.lines = lines
        self.columns = columns
    }

    /// The next row: a record with one cell per column, or the problem of one line.
    mutating func next() -> CSVLineReader.Item? {
        let item: CSVLineReader.Item?
        do throws(ATLError) { item = try lines.next() } catch {
            return .problem(error.diagnostics.first ?? Diagnostic(code: "csv.read-failed", file: lines.file, "the file could not be read"))
        }
        guard case .record(let r, let endLine)? = item, r.fields.count != columns.count else { return item }
        let short = r.fields.count < columns.count
        let d = Diagnostic(code: short ? "cohort.row-too-short" : "cohort.row-too-long", file: lines.file, line: r.line,
            "the row has \(r.fields.count) cell\(r.fields.count == 1 ? "" : "s"), the header has \(columns.count)"
            + (short ? " (a truncated or short row)" : " (a stray comma, or a cell that should be quoted)"))
        if endLine > r.line { lines.rejectLastRecord() }
        return .problem(endLine > r.line ? Diagnostic(code: d.code, file: d.file, line: d.line, d.message
            + " (a quote opened on this line runs on to line \(endLine); the lines after this one are read as rows of their own)") : d)
    }
}
