/// One header field line: a name as sent and its value with surrounding whitespace removed.
public struct HTTPField: Sendable, Hashable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// Header fields in the order received, looked up by name without regard to ASCII case (RFC 9110 §5.1).
///
/// Order matters (repeated fields combine in order, RFC 9110 §5.3), so this is a list, not a dictionary.
/// Lookups are O(n); requests carry at most `HTTPLimits.maxHeaderCount` fields.
public struct HTTPHeaders: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    public private(set) var fields: [HTTPField] = []

    public init() {}

    public init(_ pairs: [(String, String)]) {
        fields = pairs.map { HTTPField(name: $0.0, value: $0.1) }
    }

    /// Literal pairs keep their order and may repeat a name.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }

    public var count: Int { fields.count }
    public var isEmpty: Bool { fields.isEmpty }
    public func makeIterator() -> IndexingIterator<[HTTPField]> { fields.makeIterator() }

    /// The first value of the field called `name`, or nil.
    public subscript(name: String) -> String? {
        fields.first { asciiCaseInsensitiveEquals($0.name, name) }?.value
    }

    /// Every value of the field called `name`, in order.
    public func values(for name: String) -> [String] {
        fields.filter { asciiCaseInsensitiveEquals($0.name, name) }.map(\.value)
    }

    /// Every value of a list-valued field split on commas and trimmed, empty elements dropped
    /// (RFC 9110 §5.6.1): `Connection: keep-alive, Upgrade` gives `["keep-alive", "Upgrade"]`.
    public func listValues(for name: String) -> [String] {
        values(for: name).flatMap { value in
            value.split(separator: ",").map { trimmingWhitespace($0) }.filter { !$0.isEmpty }
        }
    }

    public func contains(_ name: String) -> Bool {
        fields.contains { asciiCaseInsensitiveEquals($0.name, name) }
    }

    /// Whether a list-valued field holds `token`, compared without regard to case.
    public func containsToken(_ token: String, in name: String) -> Bool {
        listValues(for: name).contains { asciiCaseInsensitiveEquals($0, token) }
    }

    /// Appends a field line, keeping any existing ones of the same name.
    public mutating func add(_ name: String, _ value: String) {
        fields.append(HTTPField(name: name, value: value))
    }

    /// Replaces every field called `name` with one line (added at the end).
    public mutating func set(_ name: String, _ value: String) {
        remove(name)
        add(name, value)
    }

    /// Sets `name` only when no field of that name is present (lets a route override a default).
    public mutating func setIfAbsent(_ name: String, _ value: String) {
        if !contains(name) { add(name, value) }
    }

    public mutating func remove(_ name: String) {
        fields.removeAll { asciiCaseInsensitiveEquals($0.name, name) }
    }
}

/// ASCII-only case-insensitive comparison: field names and tokens are ASCII (RFC 9110 §5.1), and
/// Unicode case folding would let look-alike characters match.
func asciiCaseInsensitiveEquals(_ a: some StringProtocol, _ b: some StringProtocol) -> Bool {
    var ia = a.utf8.makeIterator()
    var ib = b.utf8.makeIterator()
    while true {
        switch (ia.next(), ib.next()) {
        case (nil, nil): return true
        case let (x?, y?):
            if x != y && asciiLowercased(x) != asciiLowercased(y) { return false }
        default: return false
        }
    }
}

@inline(__always) func asciiLowercased(_ byte: UInt8) -> UInt8 {
    (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
}

/// Removes leading and trailing spaces and tabs (HTTP's optional whitespace, OWS).
func trimmingWhitespace(_ text: some StringProtocol) -> String {
    let bytes = Array(text.utf8)
    var start = 0
    var end = bytes.count
    while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
    while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    return String(decoding: bytes[start..<end], as: UTF8.self)
}
