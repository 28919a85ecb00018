/// Writes JSON straight to UTF-8 bytes, value by value, in exactly the bytes ``JSON/serializedBytes(pretty:)``
/// gives for the same value tree: the same string escaping and integer digits (the same functions), the same
/// indentation (two spaces per level, a space after a key's colon), `[]` and `{}` for empty containers.
/// For hot writers (the atl-list/1 list of every child in a batch) that would otherwise build a ``JSON`` tree of
/// small arrays and strings only to walk it once. Keys are written in the order they are given.
public struct JSONWriter {
    public private(set) var bytes: [UInt8]
    public let pretty: Bool
    /// Per open container: member count so far (bit 0 of `arrays` says whether it is an array).
    private var counts: [Int] = []
    private var arrays: [Bool] = []
    /// A key was just written: the next value follows it directly.
    private var afterKey = false

    public init(pretty: Bool, capacity: Int = 8192) {
        self.pretty = pretty
        bytes = []
        bytes.reserveCapacity(capacity)
        counts.reserveCapacity(16)
        arrays.reserveCapacity(16)
    }

    /// True when every container opened has been closed.
    public var isComplete: Bool { counts.isEmpty }

    @inline(__always) private mutating func newline(_ indent: Int) {
        bytes.append(0x0A)
        if indent > 0 { bytes.append(contentsOf: repeatElement(0x20, count: 2 * indent)) }
    }

    /// What goes before a member of the open container: a comma after the first, then a line break and indent.
    @inline(__always) private mutating func member() {
        guard let n = counts.last else { return }
        if n > 0 { bytes.append(0x2C) }
        counts[counts.count - 1] = n + 1
        if pretty { newline(counts.count) }
    }

    /// What goes before a value: nothing after a key (or at the top); a member's separator in an array.
    @inline(__always) private mutating func value() {
        if afterKey { afterKey = false; return }
        precondition(arrays.last != false, "JSONWriter: a value in an object needs a key first")
        member()
    }

    public mutating func key(_ k: String) {
        precondition(arrays.last == false && !afterKey, "JSONWriter: a key belongs in an object, before its value")
        member()
        JSON.writeString(k, to: &bytes)
        bytes.append(0x3A)
        if pretty { bytes.append(0x20) }
        afterKey = true
    }

    public mutating func beginObject() { value(); bytes.append(0x7B); counts.append(0); arrays.append(false) }
    public mutating func beginArray() { value(); bytes.append(0x5B); counts.append(0); arrays.append(true) }
    public mutating func endObject() { end(0x7D, array: false) }
    public mutating func endArray() { end(0x5D, array: true) }

    private mutating func end(_ close: UInt8, array: Bool) {
        precondition(arrays.last == array && !afterKey, "JSONWriter: unbalanced container")
        let n = counts.removeLast()
        arrays.removeLast()
        if n > 0 && pretty { newline(counts.count) }
        bytes.append(close)
    }

    public mutating func string(_ s: String) { value(); JSON.writeString(s, to: &bytes) }
    public mutating func int(_ i: Int) { value(); JSON.writeInt(i, to: &bytes) }
    /// A number already formatted, written verbatim (``JSON/number(_:)``).
    public mutating func number(_ s: String) { value(); bytes.append(contentsOf: s.utf8) }
    /// A number with a fixed count of decimals (``JSON/fixed(_:_:)``).
    public mutating func fixed(_ v: Double, _ places: Int) { number(Fixed.format(v, places: places)) }
    public mutating func bool(_ b: Bool) {
        value()
        if b { bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65]) } else { bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65]) }
    }
    public mutating func null() { value(); bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }
    public mutating func optional(_ s: String?) { if let s { string(s) } else { null() } }
    public mutating func optional(_ i: Int?) { if let i { int(i) } else { null() } }
    /// A whole ``JSON`` value, as ``JSON/write(to:pretty:)`` would write it at this depth.
    public mutating func json(_ v: JSON) {
        switch v {
        case .null: null()
        case .bool(let b): bool(b)
        case .int(let i): int(i)
        case .number(let s): number(s)
        case .string(let s): string(s)
        case .array(let items):
            beginArray()
            for item in items { json(item) }
            endArray()
        case .object(let members):
            beginObject()
            for (k, m) in members { key(k); json(m) }
            endObject()
        }
    }

    /// A string array (`[String]` → `["a", "b"]`).
    public mutating func strings(_ items: [String]) {
        beginArray()
        for s in items { string(s) }
        endArray()
    }
}
