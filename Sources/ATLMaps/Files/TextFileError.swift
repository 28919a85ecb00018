import Foundation
import ATLModel

/// A malformed line in one of the shipped map files: which file kind, which line, and what is wrong.
/// Messages quote only the offending field, never more than 40 characters of it.
public struct MapFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The format tag, e.g. "atl-lad-boundaries/1".
    public var format: String
    /// 1-based line number.
    public var line: Int
    public var message: String

    public init(format: String, line: Int, message: String) {
        self.format = format
        self.line = line
        self.message = message
    }

    public var description: String { "\(format), line \(line): \(message)" }
}

/// Shared strict line handling for the map text formats.
enum MapFileLines {
    /// The file's lines, 1-based. A final newline is allowed; carriage returns and empty lines are errors.
    static func split(_ text: String, format: String) throws(MapFileError) -> [(number: Int, text: Substring)] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard !lines.isEmpty else { throw MapFileError(format: format, line: 1, message: "the file is empty") }
        var out: [(Int, Substring)] = []
        for (i, l) in lines.enumerated() {
            if l.contains("\r") { throw MapFileError(format: format, line: i + 1, message: "carriage return (save the file with Unix line endings)") }
            if l.isEmpty { throw MapFileError(format: format, line: i + 1, message: "empty line") }
            out.append((i + 1, l))
        }
        return out
    }

    /// A field shortened for an error message.
    static func quote(_ s: some StringProtocol) -> String {
        let t = String(s)
        return "\"" + (t.count > 40 ? String(t.prefix(40)) + "…" : t) + "\""
    }

    /// Checks the header line: format tag, CRS, and a non-empty provenance; returns the provenance.
    static func header(_ line: Substring, format: String) throws(MapFileError) -> String {
        let f = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard f.first == Substring(format) else {
            throw MapFileError(format: format, line: 1, message: "expected the header to start with \(format) and a tab, found \(quote(f.first ?? ""))")
        }
        guard f.count == 3 else { throw MapFileError(format: format, line: 1, message: "expected 3 tab-separated header fields (format, CRS, provenance), found \(f.count)") }
        guard f[1] == "EPSG:27700" else { throw MapFileError(format: format, line: 1, message: "expected CRS EPSG:27700, found \(quote(f[1]))") }
        guard !f[2].trimmingCharacters(in: .whitespaces).isEmpty else {
            throw MapFileError(format: format, line: 1, message: "the provenance field is empty")
        }
        return String(f[2])
    }

    /// A non-negative decimal integer of at most 7 digits (National Grid metres), or nil.
    static func metres(_ s: Substring) -> Int? {
        guard !s.isEmpty, s.count <= 7, s.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(s)
    }

    /// True inside the National Grid's extent over Great Britain (0–700 km east, 0–1,300 km north).
    static func inGreatBritain(_ p: GridPoint) -> Bool {
        (0...700_000).contains(p.easting) && (0...1_300_000).contains(p.northing)
    }
}
