/// A stable name for one kind of problem, `area.what-is-wrong`, such as `profile.bad-date-of-birth` or
/// `setting.unknown-field`.
///
/// Codes are part of the engine's interface: callers (the CLI, the web workbench, tests) branch on the code,
/// never on the words of the message, so a message can be reworded without breaking anything. The part before
/// the first dot names the file format or component that found the problem. Codes starting `output.` are
/// failures to write an output (exit code 3 in the CLI); codes starting `usage.` are a request that cannot be
/// carried out as given, such as an output path inside the catalogue (exit 1); every other code is a problem
/// with an input (exit 2).
public struct DiagnosticCode: RawRepresentable, Sendable, Hashable, Comparable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    /// The component or format that reports it: the part before the first dot.
    public var area: Substring { rawValue.prefix { $0 != "." } }
    /// True for failures to write an output, as opposed to problems with what was read.
    public var isOutputFailure: Bool { area == "output" }
    /// True for a request that cannot be carried out as given (a usage error, not bad data).
    public var isUsage: Bool { area == "usage" }
    public static func < (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.rawValue < b.rawValue }
}

/// One problem found in an input file: where (file, line, field) and what, in words an LA officer can act on.
///
/// Every loader and parser in the engine reports problems this way and keeps going where it safely can,
/// so `atl validate` can list all problems at once. Ordering is by file, then line, then field, so
/// reports are deterministic.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Whether the problem stops the input being used (error) or is only worth knowing (warning).
    public enum Level: String, Sendable, Hashable, Comparable {
        case error, warning
        public static func < (a: Level, b: Level) -> Bool { a == .error && b == .warning }
    }

    /// What kind of problem it is; stable across releases (see ``DiagnosticCode``).
    public var code: DiagnosticCode
    public var file: String
    public var line: Int?
    public var field: String?
    /// What the problem is about when that is not a place in a file, such as a setting's URN ("URN 123456")
    /// or a cohort row's number; never a child's reference or any other personal data.
    public var subject: String?
    public var message: String
    public var level: Level

    public init(code: DiagnosticCode, file: String, line: Int? = nil, field: String? = nil, subject: String? = nil,
                _ message: String, level: Level = .error) {
        self.code = code
        self.file = file
        self.line = line
        self.field = field
        self.subject = subject
        // A safety net for messages that quote input without ``quote(_:)``: never a line of megabytes.
        self.message = message.count <= Diagnostic.messageLimit ? message : message.prefix(Diagnostic.messageLimit - 1) + "…"
        self.level = level
    }

    /// Longest part of an input value a message repeats (a pasted document must not become a 10 MB line).
    public static let echoLimit = 80
    /// Longest message kept (the longest the engine writes, listing every known field, is well under this).
    public static let messageLimit = 1000

    /// An input value as a message quotes it: in double quotes, cut to ``echoLimit`` characters with an ellipsis.
    public static func quote(_ value: some StringProtocol) -> String {
        value.count <= echoLimit ? "\"\(value)\"" : "\"\(value.prefix(echoLimit - 1))…\""
    }

    /// `file:line: field 'name': message` — the form compilers use, so editors can jump to it.
    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        s += ": "
        if level == .warning { s += "warning: " }
        if let field { s += "field '\(field.count <= Diagnostic.echoLimit ? field : field.prefix(Diagnostic.echoLimit - 1) + "…")': " }
        return s + message
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
        if (a.field ?? "") != (b.field ?? "") { return (a.field ?? "") < (b.field ?? "") }
        return a.message < b.message
    }
}

/// The one error the engine's modules throw: every problem found, each a ``Diagnostic`` with a stable code,
/// sorted by file, line and field.
///
/// Functions that can fail declare `throws(ATLError)`; a parser that can report several problems at once
/// collects them and throws them together. Callers branch on ``Diagnostic/code`` (``contains(_:)``), never on
/// message text.
public struct ATLError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics.sorted() }
    public init(_ one: Diagnostic) { self.diagnostics = [one] }
    /// One problem, built in place: `throw ATLError(code: "profile.wrong-format", file: f, line: 1, "…")`.
    public init(code: DiagnosticCode, file: String, line: Int? = nil, field: String? = nil, subject: String? = nil,
                _ message: String, level: Diagnostic.Level = .error) {
        self.diagnostics = [Diagnostic(code: code, file: file, line: line, field: field, subject: subject, message, level: level)]
    }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
    /// The problems that stop the input being used (not the warnings).
    public var errors: [Diagnostic] { diagnostics.filter { $0.level == .error } }
    /// True when any problem has this code.
    public func contains(_ code: DiagnosticCode) -> Bool { diagnostics.contains { $0.code == code } }
    /// True when the failure was writing an output rather than reading an input.
    public var isOutputFailure: Bool { diagnostics.contains { $0.code.isOutputFailure } }
    /// True when the request itself cannot be carried out as given.
    public var isUsage: Bool { diagnostics.contains { $0.code.isUsage } }
}

/// A value read from a file with the warnings found while reading it (problems that did not stop it being used).
public struct Parsed<Value: Sendable>: Sendable {
    public var value: Value
    public var warnings: [Diagnostic]
    public init(_ value: Value, warnings: [Diagnostic] = []) {
        self.value = value
        self.warnings = warnings
    }
}
