/// Decoding of the engine's text inputs: strict UTF-8 with a line number on the first bad byte, a leading
/// byte-order mark tolerated and dropped, CRLF and LF line ends both accepted.
public enum TextDecoding {
    /// `s.trimmingCharacters(in: .whitespaces)` — tab and Unicode space separators (Zs) — in pure Swift:
    /// Foundation's version bridges through NSString on Linux and dominated catalogue parsing and quoting.
    /// Linear in the length: indices move, the view is never re-sliced (re-slicing a scalar view in a loop
    /// was quadratic, seconds for a line of 30,000 spaces).
    public static func trimSpaces(_ s: Substring) -> Substring {
        let u = s.unicodeScalars
        var start = u.startIndex, end = u.endIndex
        while start < end, isSpace(u[start]) { u.formIndex(after: &start) }
        while end > start {
            let before = u.index(before: end)
            guard isSpace(u[before]) else { break }
            end = before
        }
        return Substring(u[start..<end])
    }

    public static func trimSpaces(_ s: String) -> String { String(trimSpaces(s[...])) }

    /// ASCII letters, digits, '-' and '.': the bytes a field name may hold (checked on UTF-8, no Character work).
    @inline(__always) static func isFieldNameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2E
    }

    @inline(__always) static func isSpace(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.value == 0x20 || c.value == 0x09 }
        return c.properties.generalCategory == .spaceSeparator
    }

    /// Decodes bytes as UTF-8. On failure, reports the 1-based line holding the first invalid byte.
    public static func decodeUTF8(_ bytes: some Collection<UInt8>, file: String) throws(ATLError) -> String {
        var body = Array(bytes)
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
        if let s = String(validating: body, as: UTF8.self) { return s }
        // Find the offending line: validate line by line.
        var line = 1, start = 0
        for i in 0...body.count where i == body.count || body[i] == 0x0A || (body[i] == 0x0D && (i + 1 == body.count || body[i + 1] != 0x0A)) {
            if String(validating: body[start..<i], as: UTF8.self) == nil {
                let bad = body[start..<i].firstIndex { $0 >= 0x80 } ?? start
                throw ATLError(code: "text.not-utf8", file: file, line: line,
                    "not valid UTF-8 (byte 0x\(String(body[bad], radix: 16, uppercase: true)) at column \(bad - start + 1)); save the file as UTF-8")
            }
            line += 1
            start = i + 1
        }
        throw ATLError(code: "text.not-utf8", file: file, line: line, "not valid UTF-8; save the file as UTF-8")
    }

    /// Splits text into lines (without their terminators), accepting LF, CRLF and a lone CR (old Mac files), so
    /// a file saved with CR line ends is never read as one long line.
    public static func lines(_ text: String) -> [Substring] {
        // The same split on the string's contiguous UTF-8 bytes (a native string always has them): indexing the
        // UTF-8 view byte by byte was a tenth of catalogue parsing. Line ends are ASCII, so every cut is a
        // valid index; `utf8.index(_:offsetBy:)` is O(1) on a native string.
        let fast: [Substring]? = text.utf8.withContiguousStorageIfAvailable { buf -> [Substring] in
            var out: [Substring] = []
            out.reserveCapacity(64)
            let utf8 = text.utf8, base = utf8.startIndex, n = buf.count
            var start = 0, i = 0
            while i < n {
                let b = buf[i]
                if b > 0x0D || (b != 0x0A && b != 0x0D) { i += 1; continue }
                out.append(text[utf8.index(base, offsetBy: start)..<utf8.index(base, offsetBy: i)])
                var next = i + 1
                if b == 0x0D, next < n, buf[next] == 0x0A { next += 1 }
                start = next
                i = next
            }
            if start < n { out.append(text[utf8.index(base, offsetBy: start)..<utf8.endIndex]) }
            return out
        }
        return fast ?? slowLines(text)
    }

    /// ``lines(_:)`` through the UTF-8 view's indices (for a bridged string without contiguous bytes).
    static func slowLines(_ text: String) -> [Substring] {
        // Scan UTF-8 bytes: in Swift "\r\n" is one Character, so Character-based splitting would miss it.
        var out: [Substring] = []
        out.reserveCapacity(64)
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex {
            let b = utf8[i]
            if b == 0x0A || b == 0x0D {
                out.append(text[start..<i])
                var next = utf8.index(after: i)
                if b == 0x0D, next != utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
                start = next
                i = next
                continue
            }
            i = utf8.index(after: i)
        }
        if start != utf8.endIndex { out.append(text[start..<utf8.endIndex]) }
        return out
    }
}

/// A `key: value` line as used by every engine text format (setting headers, profiles, weights, scenarios).
public struct KeyValueLine: Sendable {
    public var key: String
    public var value: String
    public var line: Int

    public init(key: String, value: String, line: Int) {
        self.key = key
        self.value = value
        self.line = line
    }

    /// Parses `key: value`; nil for blank lines and `#` comments. Throws a diagnostic for anything else.
    /// `quoting: false` (profiles: personal data) keeps the line's text out of the message.
    public static func parse(_ text: Substring, line: Int, file: String, quoting: Bool = true) throws(ATLError) -> KeyValueLine? {
        // Works on UTF-8 code units (':' and '#' are ASCII, so their indices are valid String indices): the
        // Character-based search and Unicode lowercasing were a fifth of catalogue parsing.
        let trimmed = TextDecoding.trimSpaces(text)
        let u = trimmed.utf8
        if u.isEmpty || u.first == 0x23 { return nil }
        guard let colon = u.firstIndex(of: 0x3A) else {
            throw ATLError(code: "text.no-colon", file: file, line: line,
                           quoting ? "expected 'key: value', got \(Diagnostic.quote(trimmed.prefix(60)))" : "expected 'key: value' (a field name, a colon, then the value)")
        }
        let rawKey = TextDecoding.trimSpaces(trimmed[..<colon])
        let key = rawKey.utf8.allSatisfy({ $0 < 0x80 })
            ? String(decoding: rawKey.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
            : rawKey.lowercased()
        let value = String(TextDecoding.trimSpaces(trimmed[u.index(after: colon)...]))
        guard !key.isEmpty, key.utf8.allSatisfy(TextDecoding.isFieldNameByte) else {
            throw ATLError(code: "text.bad-field-name", file: file, line: line,
                           (quoting ? "\(Diagnostic.quote(key)) is" : "the text before the colon is") + " not a field name (letters, digits, '-' and '.')")
        }
        return KeyValueLine(key: key, value: value, line: line)
    }
}

/// Small parsing helpers shared by the text formats, each producing a field-named diagnostic.
///
/// With `quoting: false` (needs profiles and cohort rows: personal data) no message repeats the value: it says
/// what was expected, never what was found, since a misplaced value may be a name, an address or a phone number.
public struct FieldParser: Sendable {
    public var file: String
    /// Whether messages may repeat the value read (public data such as setting files and weights).
    public var quoting: Bool
    public init(file: String, quoting: Bool = true) {
        self.file = file
        self.quoting = quoting
    }

    /// `, got "value"` when quoting, else nothing.
    func got(_ value: some StringProtocol) -> String { quoting ? ", got \(Diagnostic.quote(value))" : "" }

    public func int(_ kv: KeyValueLine, min: Int? = nil, max: Int? = nil) throws(ATLError) -> Int {
        guard let v = Int(kv.value.utf8.contains(0x5F) ? String(kv.value.filter { $0 != "_" }) : kv.value) else {
            throw ATLError(code: "text.not-a-whole-number", file: file, line: kv.line, field: kv.key, "expected a whole number\(got(kv.value))")
        }
        if let min, v < min {
            throw ATLError(code: "text.below-minimum", file: file, line: kv.line, field: kv.key, "must be at least \(min)\(got(kv.value))")
        }
        if let max, v > max {
            throw ATLError(code: "text.above-maximum", file: file, line: kv.line, field: kv.key, "must be at most \(max)\(got(kv.value))")
        }
        return v
    }

    public func double(_ kv: KeyValueLine, min: Double? = nil, max: Double? = nil) throws(ATLError) -> Double {
        guard let v = Double(kv.value), v.isFinite else {
            throw ATLError(code: "text.not-a-number", file: file, line: kv.line, field: kv.key, "expected a number\(got(kv.value))")
        }
        if let min, v < min {
            throw ATLError(code: "text.below-minimum", file: file, line: kv.line, field: kv.key, "must be at least \(min)\(got(kv.value))")
        }
        if let max, v > max {
            throw ATLError(code: "text.above-maximum", file: file, line: kv.line, field: kv.key, "must be at most \(max)\(got(kv.value))")
        }
        return v
    }

    public func bool(_ kv: KeyValueLine) throws(ATLError) -> Bool {
        switch kv.value.lowercased() {
        case "yes", "true": return true
        case "no", "false": return false
        default:
            throw ATLError(code: "text.not-yes-or-no", file: file, line: kv.line, field: kv.key, "expected yes or no\(got(kv.value))")
        }
    }

    /// A comma-separated list; `none` is the explicit empty list. Empty items are an error.
    public func list(_ kv: KeyValueLine) throws(ATLError) -> [String] {
        if kv.value.lowercased() == "none" { return [] }
        let items = kv.value.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmedSpaces }
        if items.contains(where: \.isEmpty) {
            throw ATLError(code: "text.empty-list-item", file: file, line: kv.line, field: kv.key,
                           "empty item in the list\(quoting ? " " + Diagnostic.quote(kv.value) : "") (separate items with single commas; 'none' for an empty list)")
        }
        return items
    }

    public func enumValue<E: RawRepresentable & CaseIterable>(_ kv: KeyValueLine, _ type: E.Type,
                                                               parse: (String) -> E?) throws(ATLError) -> E
    where E.RawValue == String {
        guard let v = parse(kv.value) else {
            throw ATLError(code: "text.unknown-value", file: file, line: kv.line, field: kv.key,
                           "unknown value\(quoting ? " " + Diagnostic.quote(kv.value) : ""); expected one of: \(E.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return v
    }

    public func needCodes(_ kv: KeyValueLine) throws(ATLError) -> NeedSet {
        var set = NeedSet()
        for item in try list(kv) {
            guard let c = NeedCode(parsing: item) else {
                throw ATLError(code: "text.unknown-need-code", file: file, line: kv.line, field: kv.key,
                               (quoting ? "unknown need code \(Diagnostic.quote(item))" : "an item is not a need code")
                               + "; expected one of: \(NeedCode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            set.insert(NeedSet(c))
        }
        return set
    }

    public func facilities(_ kv: KeyValueLine) throws(ATLError) -> FacilitySet {
        var set = FacilitySet()
        for item in try list(kv) {
            guard let f = Facility(parsing: item) else {
                throw ATLError(code: "text.unknown-facility", file: file, line: kv.line, field: kv.key,
                               (quoting ? "unknown facility \(Diagnostic.quote(item))" : "an item is not a facility")
                               + "; expected one of: \(Facility.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            set.insert(FacilitySet(f))
        }
        return set
    }
}

import Foundation

extension String {
    /// `trimmingCharacters(in: .whitespaces)` without Foundation's NSString bridge (see ``TextDecoding/trimSpaces(_:)-swift.type.method``).
    package var trimmedSpaces: String { TextDecoding.trimSpaces(self) }
}

extension Substring {
    /// `trimmingCharacters(in: .whitespaces)` without Foundation's NSString bridge.
    package var trimmedSpaces: String { String(TextDecoding.trimSpaces(self)) }
}
