/// Column lookup by header name for CSV importers: columns are found by name, never by position, and a
/// missing required column is one clear error naming the file, line 1 and the column.
public struct CSVHeader: Sendable {
    public let names: [String]
    private let index: [String: Int]
    public let file: String

    public init(_ record: CSVRecord, file: String) {
        self.names = record.fields.map { $0.trimmedSpaces }
        var m: [String: Int] = [:]
        for (i, n) in names.enumerated() where m[n] == nil { m[n] = i }
        self.index = m
        self.file = file
    }

    public func column(_ name: String) -> Int? { index[name] }

    /// Diagnostics for required columns that are absent (one per column).
    public func missing(_ required: [String]) -> [Diagnostic] {
        required.filter { index[$0] == nil }.map {
            Diagnostic(code: "csv.missing-column", file: file, line: 1, field: $0, "required column is missing from the header row")
        }
    }

    /// The value of `name` in a record, trimmed; nil when the column is absent or the cell is blank.
    public func value(_ name: String, in r: CSVRecord) -> String? {
        guard let i = index[name], i < r.fields.count else { return nil }
        let v = r.fields[i].trimmingCharacters(in: .whitespacesAndNewlines)
        return v.isEmpty ? nil : v
    }

    /// Checks that a record has one field per header column.
    public func checkWidth(_ r: CSVRecord) -> Diagnostic? {
        r.fields.count == names.count ? nil : Diagnostic(code: "csv.wrong-cell-count", file: file, line: r.line,
            "row has \(r.fields.count) field\(r.fields.count == 1 ? "" : "s"), the header has \(names.count)")
    }
}

import ATLModel
import Foundation
