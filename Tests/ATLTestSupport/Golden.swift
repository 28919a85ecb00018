import Foundation

/// Golden files: committed expected outputs (renderer goldens under `Tests/*/Golden/`, the examples under
/// `docs/examples/`, README output blocks) compared byte for byte with what the code produces now.
///
/// A golden file is never rewritten silently. With `ATL_UPDATE_GOLDEN=1` the files that differ are written and
/// the check still fails, listing every file it rewrote, so a run that changed goldens can never pass by
/// accident; review `git diff` and run again without the variable. Any other value (`0`, empty) or none
/// compares only. A difference names the file and its first differing line: number, expected and actual text.
public enum Golden {
    /// The environment variable that turns a check into "write the new files, then fail".
    public static let updateVariable = "ATL_UPDATE_GOLDEN"

    /// True when `ATL_UPDATE_GOLDEN` is exactly `1`.
    public static var updating: Bool { ProcessInfo.processInfo.environment[updateVariable] == "1" }

    /// Checks one golden file. `path` is relative to the repository root (or absolute).
    public static func check(_ actual: String, _ path: String) throws {
        try check([(path, Data(actual.utf8))])
    }

    /// Checks several golden files and fails once, naming every file that differs (or that it rewrote).
    public static func check(_ files: [(path: String, content: Data)], update: Bool = updating) throws {
        var differences: [FileDifference] = []
        var rewritten: [String] = []
        for (path, content) in files {
            let url = url(path)
            guard let difference = FileDifference.first(path: path, expected: FileManager.default.contents(atPath: url.path),
                                                        actual: content) else { continue }
            if update {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try content.write(to: url, options: .atomic)  // a parallel test reading it never sees half a file
                rewritten.append(path)
            } else {
                differences.append(difference)
            }
        }
        if !differences.isEmpty || !rewritten.isEmpty {
            throw GoldenMismatch(differences: differences, rewritten: rewritten)
        }
    }

    /// The file a golden path names: relative paths start at the repository root.
    public static func url(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : Repository.root.appendingPathComponent(path)
    }
}

/// A failed golden check: the files that differ, or the files `ATL_UPDATE_GOLDEN=1` rewrote.
public struct GoldenMismatch: Error, CustomStringConvertible {
    public let differences: [FileDifference]
    public let rewritten: [String]

    public var description: String {
        if !rewritten.isEmpty {
            return "\(Golden.updateVariable)=1 rewrote \(rewritten.count) golden file\(rewritten.count == 1 ? "" : "s"); "
                + "review `git diff`, then run again without it:\n" + rewritten.map { "  " + $0 }.joined(separator: "\n")
        }
        return differences.map(\.description).joined(separator: "\n")
            + "\n(if the change is intended: `swift run atl-examples`, or \(Golden.updateVariable)=1 swift test; then review `git diff`)"
    }
}

/// Where a produced file first differs from its committed version: the line number (from 1) and that line in
/// each, `nil` past the end of the file (or for a committed file that does not exist).
public struct FileDifference: Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let expected: String?
    public let actual: String?
    /// False when there is no committed file at all.
    public let committedFileExists: Bool

    /// The first difference between the committed bytes (`nil`: no such file) and the produced ones; nil when
    /// they are byte-identical.
    public static func first(path: String, expected: Data?, actual: Data) -> FileDifference? {
        guard let expected else {
            return FileDifference(path: path, line: 1, expected: nil, actual: lines(actual).first, committedFileExists: false)
        }
        if expected == actual { return nil }
        let e = lines(expected), a = lines(actual)
        let i = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
        return FileDifference(path: path, line: i + 1, expected: i < e.count ? e[i] : nil, actual: i < a.count ? a[i] : nil,
                              committedFileExists: true)
    }

    /// Lines split at `\n` only, so a `\r` left at a line's end still counts.
    static func lines(_ data: Data) -> [String] {
        data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    public var description: String {
        guard committedFileExists else {
            return "\(path) is not committed yet (the code produces it)"
        }
        let (e, a) = Self.shown(expected, actual)
        return """
            \(path) differs from what the code produces now, first at line \(line):
              expected: \(e)
              actual:   \(a)
            """
    }

    /// The two lines as printed: whole when short, else an excerpt around the first differing character; lines
    /// that differ only in invisible characters (a `\r`, a tab) are shown escaped.
    static func shown(_ expected: String?, _ actual: String?) -> (String, String) {
        guard let expected, let actual else {
            return (expected.map { excerpt($0, from: 0) } ?? "<end of file>", actual.map { excerpt($0, from: 0) } ?? "<end of file>")
        }
        let e = Array(expected.unicodeScalars), a = Array(actual.unicodeScalars)
        let column = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
        if expected.trimmingCharacters(in: .whitespacesAndNewlines) == actual.trimmingCharacters(in: .whitespacesAndNewlines) {
            return (expected.debugDescription, actual.debugDescription)
        }
        return (excerpt(expected, from: column), excerpt(actual, from: column))
    }

    static func excerpt(_ line: String, from column: Int) -> String {
        let scalars = Array(line.unicodeScalars)
        guard scalars.count > 160 else { return line }
        let start = max(0, min(column - 60, scalars.count - 160)), end = min(scalars.count, start + 160)
        var s = String(String.UnicodeScalarView(scalars[start..<end]))
        if start > 0 { s = "…" + s }
        if end < scalars.count { s += "…" }
        return s
    }
}
