import ATLModel
import Foundation

/// One row of a diagnostics table: an input that must produce a diagnostic with exactly this code, file, line
/// and field. The tables live in files named `*Diagnostics.swift`; `DiagnosticCoverageTests` reads them to
/// check that every diagnostic code used in `Sources/` is reached by at least one row.
public struct DiagnosticRow: Sendable, CustomStringConvertible {
    public var code: DiagnosticCode
    /// The line the diagnostic must name (nil: it must name none).
    public var line: Int?
    /// The field it must name (nil: it must name none).
    public var field: String?
    /// The file it must name, when the table does not give one for every row.
    public var file: String?
    /// What the row feeds the parser (a line to add, a file's text, ...): the table decides what it means.
    public var input: String
    /// Text the message must contain, when the row checks wording.
    public var says: String?
    public var level: Diagnostic.Level

    public init(_ code: DiagnosticCode, line: Int?, field: String? = nil, file: String? = nil, says: String? = nil,
                level: Diagnostic.Level = .error, _ input: String = "") {
        self.code = code
        self.line = line
        self.field = field
        self.file = file
        self.input = input
        self.says = says
        self.level = level
    }

    public var description: String { "\(code) (line \(line.map(String.init) ?? "none"), field \(field ?? "none"))" }

    /// Nil when `diagnostics` holds one that matches the row exactly (code, file, line, field, level and the
    /// wording it must contain); else a description of the mismatch for the test's failure message.
    public func mismatch(in diagnostics: [Diagnostic], file expectedFile: String? = nil) -> String? {
        let wanted = file ?? expectedFile
        let match = diagnostics.contains { d in
            d.code == code && d.line == line && d.field == field && d.level == level
                && (wanted.map { d.file == $0 } ?? true) && (says.map { d.message.contains($0) } ?? true)
        }
        if match { return nil }
        return "expected \(self)\(wanted.map { " in \($0)" } ?? "")\(says.map { " saying \"\($0)\"" } ?? ""); got:\n"
            + (diagnostics.isEmpty ? "  (no diagnostics)" : diagnostics.map { "  [\($0.code)] \($0)" }.joined(separator: "\n"))
    }

    /// The mismatch for the diagnostics of a run that should have failed (nil result: it did not fail).
    public func mismatch<T>(in result: Result<T, ATLError>, file expectedFile: String? = nil) -> String? {
        switch result {
        case .success: return mismatch(in: [], file: expectedFile)
        case .failure(let e): return mismatch(in: e.diagnostics, file: expectedFile)
        }
    }
}
