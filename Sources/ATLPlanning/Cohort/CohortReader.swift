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
    /// The child's reference when it could be read and is a valid reference (never anything else: a bad
    /// reference cell might hold a name).
    public var reference: String?
    /// The parsed profile with the SHA-256 used in its audit stamp, or the problems found.
    public var profile: Result<(NeedsProfile, hash: String), ATLError>

    /// "file:line", as batch records cite it.
    public var source: String { "\(file):\(line)" }
}

/// Reads a cohort one child at a time, so memory does not grow with the cohort: a CSV file (one child per row,
/// header = needs-profile field names, `docs/cohort-format.md`) or a directory of `.profile` files (sorted by
/// file name). A malformed row never stops the reading: it becomes a ``CohortRow`` holding its problems.
/// Problems with the file as a whole (unreadable, bad header) are thrown before the first row.
public struct CohortReader {
    private enum Source {
        case csv(CSVReader, columns: [ProfileParser.Field?], header: CSVHeader)
        case directory([String])
    }

    private var source: Source
    /// The cohort path as given (CSV file or directory).
    public let path: String
    private let academicYear: Int
    private var rowNumber = 0
    private var finished = false

    /// Opens a cohort. A directory is read as `.profile` files; anything else as CSV.
    public init(path: String, academicYear: Int) throws(ATLError) {
        self.path = path
        self.academicYear = academicYear
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw ATLError(Diagnostic(code: "cohort.cohort-found", file: path, "cohort not found"))
        }
        if isDir.boolValue {
            source = .directory(try CohortReader.profileFiles(in: path))
        } else {
            let reader: CSVReader
            do { reader = try CSVReader.open(path: path) } catch { throw error }
            source = try CohortReader.csvSource(reader, file: path)
        }
    }

    /// Reads a cohort CSV held in memory (tests).
    public init(csv bytes: [UInt8], file: String, academicYear: Int) throws(ATLError) {
        self.path = file
        self.academicYear = academicYear
        source = try CohortReader.csvSource(CSVReader(bytes: bytes, file: file), file: file)
    }

    /// The `.profile` files directly in `dir`, sorted by name (byte order, so the order is the same everywhere).
    public static func profileFiles(in dir: String) throws(ATLError) -> [String] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: dir) } catch {
            throw ATLError(Diagnostic(code: "cohort.cannot-list-cohort-directory", file: dir, "cannot list the cohort directory: \(error.localizedDescription)"))
        }
        let files = names.filter { $0.hasSuffix(".profile") }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let base = dir.hasSuffix("/") ? dir : dir + "/"
        return files.map { base + $0 }
    }

    private static func csvSource(_ r: CSVReader, file: String) throws(ATLError) -> Source {
        var reader = r
        let first: CSVRecord?
        first = try reader.next()
        guard let headerRecord = first else {
            throw ATLError(Diagnostic(code: "cohort.cohort-file-empty-expected", file: file, line: 1, "the cohort file is empty; expected a header row of needs-profile field names"))
        }
        let header = CSVHeader(headerRecord, file: file)
        var diags: [Diagnostic] = []
        var columns: [ProfileParser.Field?] = []
        var seen: Set<String> = []
        for name in header.names {
            let key = name.lowercased()
            guard let f = ProfileParser.Field(rawValue: key) else {
                diags.append(Diagnostic(code: "cohort.unknown-column-columns-needs", file: file, line: headerRecord.line, field: name,
                    "unknown column; columns are needs-profile fields: \(ProfileParser.Field.allCases.map(\.rawValue).joined(separator: ", "))"))
                columns.append(nil)
                continue
            }
            if !seen.insert(key).inserted {
                diags.append(Diagnostic(code: "cohort.column-given-twice", file: file, line: headerRecord.line, field: name, "column given twice"))
            }
            columns.append(f)
        }
        for required in [ProfileParser.Field.reference, .primaryNeed] where !seen.contains(required.rawValue) {
            diags.append(Diagnostic(code: "cohort.required-column-missing-header", file: file, line: headerRecord.line, field: required.rawValue, "required column is missing from the header row"))
        }
        if !diags.isEmpty { throw ATLError(diags) }
        return .csv(reader, columns: columns, header: header)
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
        case .csv(var reader, let columns, let header):
            defer { source = .csv(reader, columns: columns, header: header) }
            let record: CSVRecord?
            do throws(ATLError) {
                record = try reader.next()
            } catch {
                // A malformed record (e.g. a quote left open by a truncated last line): report it as one row
                // and go on after its line.
                rowNumber += 1
                reader.skipToNextLine()
                return CohortRow(row: rowNumber, file: path, line: error.diagnostics.first?.line ?? 1, reference: nil,
                                 profile: .failure(error))
            }
            guard let record else { finished = true; return nil }
            rowNumber += 1
            return csvRow(record, columns: columns, header: header)
        }
    }

    private func profileFile(_ file: String) -> CohortRow {
        guard let data = FileManager.default.contents(atPath: file) else {
            return CohortRow(row: rowNumber, file: file, line: 1, reference: nil,
                             profile: .failure(ATLError(Diagnostic(code: "cohort.cannot-read-profile", file: file, "cannot read the profile"))))
        }
        let bytes = [UInt8](data)
        switch Result(catching: { () throws(ATLError) in try ProfileParser.parse(bytes, file: file, academicYear: academicYear) }) {
        case .success(let p):
            return CohortRow(row: rowNumber, file: file, line: 1, reference: p.reference, profile: .success((p, SHA256.hex(bytes))))
        case .failure(let e):
            // Find a valid reference line, if any, so the error record can name the child.
            var reference: String?
            if let text = String(validating: bytes, as: UTF8.self) {
                for (i, line) in TextDecoding.lines(text).enumerated() {
                    if let kv = try? KeyValueLine.parse(line, line: i + 1, file: file), kv.key == "reference",
                       CohortReader.isValidReference(kv.value) {
                        reference = kv.value
                        break
                    }
                }
            }
            return CohortRow(row: rowNumber, file: file, line: 1, reference: reference, profile: .failure(e))
        }
    }

    private func csvRow(_ r: CSVRecord, columns: [ProfileParser.Field?], header: CSVHeader) -> CohortRow {
        if let d = header.checkWidth(r) {
            let msg = r.fields.count < columns.count ? d.message + " (a truncated or short row)" : d.message
            return CohortRow(row: rowNumber, file: path, line: r.line, reference: nil,
                             profile: .failure(ATLError(Diagnostic(code: "cohort.problem", file: path, line: r.line, msg))))
        }
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
                             profile: .failure(ATLError(Diagnostic(code: "cohort.empty-row-every-cell", file: path, line: r.line, "empty row (every cell is blank)"))))
        }
        if values[.format] == nil {
            values[.format] = KeyValueLine(key: "format", value: ProfileParser.formatTag, line: r.line)
        }
        let reference = values[.reference].map(\.value).flatMap { CohortReader.isValidReference($0) ? $0 : nil }
        var diags: [Diagnostic] = []
        guard let p = ProfileParser.build(values, file: path, academicYear: academicYear, diags: &diags), diags.isEmpty else {
            return CohortRow(row: rowNumber, file: path, line: r.line, reference: reference,
                             profile: .failure(ATLError(diags.isEmpty ? [Diagnostic(code: "cohort.invalid-row", file: path, line: r.line, "invalid row")] : diags)))
        }
        return CohortRow(row: rowNumber, file: path, line: r.line, reference: reference,
                         profile: .success((p, SHA256.hex(ProfileParser.render(p)))))
    }

    /// The rule ``ProfileParser`` applies to a reference (``ProfileParser/isValidReference(_:)``).
    public static func isValidReference(_ s: String) -> Bool { ProfileParser.isValidReference(s) }

    /// Counts the rows of a cohort and hashes its bytes in one streaming pass (for progress and resume).
    /// A directory hashes each profile file's name and bytes in order.
    public static func survey(path: String) throws(ATLError) -> (rows: Int, hash: String) {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw ATLError(Diagnostic(code: "cohort.cohort-found", file: path, "cohort not found"))
        }
        var h = SHA256()
        if isDir.boolValue {
            let files = try profileFiles(in: path)
            for f in files {
                h.update((f as NSString).lastPathComponent + "\n")
                let data = FileManager.default.contents(atPath: f) ?? Data()
                h.update(String(data.count) + "\n")
                h.update(data)
            }
            return (files.count, h.hexDigest())
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ATLError(Diagnostic(code: "cohort.cannot-open-file-reading", file: path, "cannot open the file for reading"))
        }
        defer { try? handle.close() }
        while let d = try? handle.read(upToCount: 1 << 16), !d.isEmpty { h.update(d) }
        var reader: CSVReader
        do { reader = try CSVReader.open(path: path) } catch { throw error }
        var records = 0
        while true {
            do {
                guard try reader.next() != nil else { break }
            } catch {
                reader.skipToNextLine()
            }
            records += 1
        }
        return (max(0, records - 1), h.hexDigest())
    }
}
