/// One problem found in an input file: where (file, line, field) and what, in words an LA officer can act on.
///
/// Every loader and parser in the engine reports problems this way and keeps going where it safely can,
/// so `atl validate` can list all problems at once. Ordering is by file, then line, then field, so
/// reports are deterministic.
public struct Diagnostic: Error, Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error, warning
        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public var file: String
    public var line: Int?
    public var field: String?
    public var message: String
    public var severity: Severity

    public init(file: String, line: Int? = nil, field: String? = nil, _ message: String,
                severity: Severity = .error) {
        self.file = file
        self.line = line
        self.field = field
        // A safety net for messages that quote input without ``quote(_:)``: never a line of megabytes.
        self.message = message.count <= Diagnostic.messageLimit ? message : message.prefix(Diagnostic.messageLimit - 1) + "…"
        self.severity = severity
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
        if severity == .warning { s += "warning: " }
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

/// A load or parse that failed: all problems found, sorted.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics.sorted() }
    public init(_ one: Diagnostic) { self.diagnostics = [one] }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
