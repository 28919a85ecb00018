/// A JSON value with deterministic serialisation: object keys keep the order they were given (schemas are
/// written in a fixed order), numbers are written from integers or from fixed-decimal strings, never from
/// platform float formatting. Same value → byte-identical text on every machine.
public indirect enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// A number already formatted (e.g. `Fixed.format(73.4125, places: 3)`), emitted verbatim.
    case number(String)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    public static func == (a: JSON, b: JSON) -> Bool { a.serialized() == b.serialized() }

    /// A number with a fixed count of decimals.
    public static func fixed(_ v: Double, _ places: Int) -> JSON { .number(Fixed.format(v, places: places)) }

    public static func optional(_ s: String?) -> JSON { s.map(JSON.string) ?? .null }
    public static func optional(_ i: Int?) -> JSON { i.map(JSON.int) ?? .null }

    /// Compact single-line form (JSON Lines) or indented form (2 spaces).
    public func serialized(pretty: Bool = false) -> String {
        String(decoding: serializedBytes(pretty: pretty), as: UTF8.self)
    }

    /// ``serialized(pretty:)`` as UTF-8 bytes, for callers that write bytes anyway.
    ///
    /// The text is written straight into one byte buffer: no intermediate `String` per value, and strings that
    /// need no escaping (nearly all of them) are copied as one run of bytes. (Round two of the performance work
    /// measured serialising 45% of an explained list's cost when it appended to a `String` scalar by scalar.)
    public func serializedBytes(pretty: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(to: &out, pretty: pretty, indent: 0)
        return out
    }

    /// Appends ``serializedBytes(pretty:)`` to `out`.
    public func write(to out: inout [UInt8], pretty: Bool = false) {
        write(to: &out, pretty: pretty, indent: 0)
    }

    private static let nullBytes: StaticString = "null"
    private static let trueBytes: StaticString = "true"
    private static let falseBytes: StaticString = "false"

    @inline(__always)
    private static func append(_ s: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// A line feed and two spaces per level.
    @inline(__always)
    private static func newline(_ indent: Int, to out: inout [UInt8]) {
        out.append(0x0A)
        if indent > 0 { out.append(contentsOf: repeatElement(0x20, count: 2 * indent)) }
    }

    private func write(to out: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .null: JSON.append(JSON.nullBytes, to: &out)
        case .bool(let b): JSON.append(b ? JSON.trueBytes : JSON.falseBytes, to: &out)
        case .int(let i): JSON.writeInt(i, to: &out)
        case .number(let s): out.append(contentsOf: s.utf8)
        case .string(let s): JSON.writeString(s, to: &out)
        case .array(let items):
            if items.isEmpty { out.append(0x5B); out.append(0x5D); return }
            out.append(0x5B) // [
            var first = true
            for item in items {
                if !first { out.append(0x2C) }
                first = false
                if pretty { JSON.newline(indent + 1, to: &out) }
                item.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { JSON.newline(indent, to: &out) }
            out.append(0x5D) // ]
        case .object(let members):
            if members.isEmpty { out.append(0x7B); out.append(0x7D); return }
            out.append(0x7B) // {
            var first = true
            for (k, v) in members {
                if !first { out.append(0x2C) }
                first = false
                if pretty { JSON.newline(indent + 1, to: &out) }
                JSON.writeString(k, to: &out)
                out.append(0x3A) // :
                if pretty { out.append(0x20) }
                v.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { JSON.newline(indent, to: &out) }
            out.append(0x7D) // }
        }
    }

    /// Decimal digits of `i`, as `String(i)` writes them.
    static func writeInt(_ i: Int, to out: inout [UInt8]) {
        if i >= 0 && i < 10 { out.append(0x30 + UInt8(i)); return }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0) // room for 20 digits plus a sign, as bytes
        var v = i.magnitude
        var n = 0
        withUnsafeMutableBytes(of: &digits) { buf in
            repeat {
                n += 1
                buf[24 - n] = 0x30 + UInt8(v % 10)
                v /= 10
            } while v > 0
            if i < 0 { n += 1; buf[24 - n] = 0x2D }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buf[(24 - n)...]))
        }
    }

    /// A JSON string literal. Escapes exactly `"`, `\`, and the control characters below U+0020 (`\n`, `\r`,
    /// `\t` by name, the rest as `\u00xx` in lower-case hex); everything else, DEL and U+2028/U+2029 included,
    /// is copied as it is. Every byte that needs escaping is ASCII, and no byte of a multi-byte UTF-8 sequence
    /// is, so scanning bytes is exact; runs between escapes are copied whole.
    static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { u in
            var runStart = 0
            var i = 0
            let n = u.count
            while i < n {
                let b = u[i]
                if b >= 0x20 && b != 0x22 && b != 0x5C { i += 1; continue }
                if i > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<i])) }
                out.append(0x5C) // \
                switch b {
                case 0x22: out.append(0x22)
                case 0x5C: out.append(0x5C)
                case 0x0A: out.append(0x6E) // n
                case 0x0D: out.append(0x72) // r
                case 0x09: out.append(0x74) // t
                default:
                    let hex: (UInt8) -> UInt8 = { $0 < 10 ? 0x30 + $0 : 0x61 + $0 - 10 }
                    out.append(0x75); out.append(0x30); out.append(0x30) // u00
                    out.append(hex(b >> 4)); out.append(hex(b & 0x0F))
                }
                i += 1
                runStart = i
            }
            if n > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<n])) }
        }
        out.append(0x22)
    }
}
