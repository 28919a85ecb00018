import Foundation

/// Typed access to the members of a JSON object read with `JSONSerialization`, with errors that name the
/// file, the line and the field's path (`list.entries[2].urn`). Used by the readers of the engine's JSON Lines
/// formats.
public struct JSONFields {
    public var object: [String: Any]
    public var file: String
    public var line: Int
    public var path: String
    /// The diagnostic codes of the format being read.
    public var codes: Codes

    /// The codes of a format's field problems: a field that is missing, one of the wrong JSON type, and one whose
    /// value is not acceptable (``fail(_:_:code:)`` may name a more specific code).
    public struct Codes: Sendable {
        public var missing: DiagnosticCode
        public var wrongType: DiagnosticCode
        public var invalid: DiagnosticCode
        public init(missing: DiagnosticCode, wrongType: DiagnosticCode, invalid: DiagnosticCode) {
            self.missing = missing
            self.wrongType = wrongType
            self.invalid = invalid
        }
    }

    public init(object: [String: Any], file: String, line: Int, path: String = "", codes: Codes) {
        self.object = object
        self.file = file
        self.line = line
        self.path = path
        self.codes = codes
    }

    public func name(_ key: String) -> String { path.isEmpty ? key : path + "." + key }
    /// A problem with the value of `key` (``Codes/invalid`` unless `code` names it more exactly).
    public func fail(_ key: String, _ message: String, code: DiagnosticCode? = nil) -> ATLError {
        ATLError(code: code ?? codes.invalid, file: file, line: line, field: name(key), message)
    }
    func wrongType(_ key: String, _ message: String) -> ATLError { fail(key, message, code: codes.wrongType) }

    public func value(_ key: String) throws(ATLError) -> Any {
        guard let v = object[key] else { throw fail(key, "missing", code: codes.missing) }
        return v
    }

    public func string(_ key: String) throws(ATLError) -> String {
        guard let s = try value(key) as? String else { throw wrongType(key, "expected a string") }
        return s
    }

    public func optionalString(_ key: String) throws(ATLError) -> String? {
        let v = try value(key)
        if v is NSNull { return nil }
        guard let s = v as? String else { throw wrongType(key, "expected a string or null") }
        return s
    }

    /// JSONSerialization gives JSON true/false as a boolean NSNumber subclass (__NSCFBoolean on every platform).
    public static func isBoolean(_ v: Any) -> Bool { v is NSNumber && String(describing: type(of: v)).contains("Boolean") }

    public func number(_ key: String) throws(ATLError) -> Double {
        let v = try value(key)
        guard !JSONFields.isBoolean(v), let n = v as? NSNumber else { throw wrongType(key, "expected a number") }
        let d = n.doubleValue
        guard d.isFinite else { throw fail(key, "expected a finite number") }
        return d
    }

    public func int(_ key: String, min: Int) throws(ATLError) -> Int {
        let d = try number(key)
        guard d == d.rounded(), abs(d) < 1e15 else { throw fail(key, "expected a whole number") }
        let i = Int(d)
        guard i >= min else { throw fail(key, "must be at least \(min)") }
        return i
    }

    public func bool(_ key: String) throws(ATLError) -> Bool {
        let v = try value(key)
        guard JSONFields.isBoolean(v), let b = v as? Bool else { throw wrongType(key, "expected true or false") }
        return b
    }

    public func object(_ key: String) throws(ATLError) -> JSONFields {
        guard let o = try value(key) as? [String: Any] else { throw wrongType(key, "expected an object") }
        return JSONFields(object: o, file: file, line: line, path: name(key), codes: codes)
    }

    public func array(_ key: String) throws(ATLError) -> [Any] {
        guard let a = try value(key) as? [Any] else { throw wrongType(key, "expected an array") }
        return a
    }
}
