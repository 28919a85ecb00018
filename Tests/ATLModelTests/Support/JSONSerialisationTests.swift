@testable import ATLModel
import Testing

/// The byte-buffer serialiser (`JSON.serializedBytes`) against the `String`-appending serialiser it replaced,
/// kept here as the reference: same value → same text, byte for byte, compact and pretty.
@Suite struct JSONSerialisationTests {
    /// The serialiser as it was before round two of the performance work (issue #16), unchanged.
    enum Reference {
        static func serialized(_ v: JSON, pretty: Bool = false) -> String {
            var out = ""
            write(v, to: &out, pretty: pretty, indent: 0)
            return out
        }

        static func write(_ v: JSON, to out: inout String, pretty: Bool, indent: Int) {
            switch v {
            case .null: out += "null"
            case .bool(let b): out += b ? "true" : "false"
            case .int(let i): out += String(i)
            case .number(let s): out += s
            case .string(let s): writeString(s, to: &out)
            case .array(let items):
                if items.isEmpty { out += "[]"; return }
                out += "["
                for (i, item) in items.enumerated() {
                    if i > 0 { out += "," }
                    if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                    write(item, to: &out, pretty: pretty, indent: indent + 1)
                }
                if pretty { out += "\n" + String(repeating: "  ", count: indent) }
                out += "]"
            case .object(let members):
                if members.isEmpty { out += "{}"; return }
                out += "{"
                for (i, (k, v)) in members.enumerated() {
                    if i > 0 { out += "," }
                    if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                    writeString(k, to: &out)
                    out += pretty ? ": " : ":"
                    write(v, to: &out, pretty: pretty, indent: indent + 1)
                }
                if pretty { out += "\n" + String(repeating: "  ", count: indent) }
                out += "}"
            }
        }

        static func writeString(_ s: String, to out: inout String) {
            out += "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if u.value < 0x20 {
                        let h = String(u.value, radix: 16)
                        out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                    } else {
                        out.unicodeScalars.append(u)
                    }
                }
            }
            out += "\""
        }
    }

    static func expectSame(_ v: JSON, _ comment: Comment? = nil) {
        for pretty in [false, true] {
            let want = Reference.serialized(v, pretty: pretty)
            #expect(v.serializedBytes(pretty: pretty) == Array(want.utf8), comment)
            #expect(v.serialized(pretty: pretty) == want, comment)
            // The streaming writer (JSONWriter), walking the same value member by member, writes the same bytes.
            var w = JSONWriter(pretty: pretty, capacity: 16)
            w.json(v)
            #expect(w.bytes == Array(want.utf8) && w.isComplete, comment)
        }
    }

    /// Awkward characters: every ASCII code point (all 32 control characters, quote, backslash, solidus, DEL),
    /// the C1 controls, the line and paragraph separators (copied, not escaped), a byte-order mark, non-ASCII
    /// letters, a combining mark, CRLF as one Character, emoji with modifiers, joiners and flags.
    static let awkward: [String] = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) } + [
        "\u{80}", "\u{85}", "\u{9F}", "\u{A0}", "é", "e\u{301}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{FFFD}",
        "—", "’", "“", "…", "£", "ß", "Ω", "中", "\r\n", "😀", "👩🏽‍🦽", "🏴󠁧󠁢󠁥󠁮󠁧󠁿", "🇬🇧", "\u{10FFFF}",
    ]

    @Test func everyCharacterAloneAndInContext() {
        for c in Self.awkward {
            Self.expectSame(.string(c), "alone")
            Self.expectSame(.string("before " + c + " after"), "in context")
            Self.expectSame(.string(c + c + "x" + c), "repeated")
            Self.expectSame(.object([(c, .string(c))]), "as a key")
        }
    }

    @Test func controlCharactersUseTheirEscapes() {
        #expect(JSON.string("\u{0}\u{1F}\u{8}\u{C}\n\r\t\"\\/\u{7F}\u{2028}").serialized()
                == "\"\\u0000\\u001f\\u0008\\u000c\\n\\r\\t\\\"\\\\/\u{7F}\u{2028}\"")
    }

    @Test func randomStringsFromAwkwardPieces() {
        var rng = SeededRandom(seed: 16)
        let pieces = Self.awkward + ["Speech and language therapy", "a", "", " ", "SaLT on site: 3 days a week."]
        for _ in 0..<2_000 {
            var s = ""
            for _ in 0..<rng.int(in: 0...12) { s += rng.pick(pieces) }
            Self.expectSame(.string(s))
        }
    }

    @Test func numbersAndNesting() {
        for i in [0, 1, 9, 10, -1, -9, -10, 99, 100, 12345, -98765, Int.max, Int.min, Int.max - 1, Int.min + 1] {
            Self.expectSame(.int(i), "\(i)")
        }
        let leaf: [JSON] = [.null, .bool(true), .bool(false), .number("73.413"), .number("-0.5"), .int(-3),
                            .string(""), .array([]), .object([])]
        var rng = SeededRandom(seed: 2026)
        func tree(_ depth: Int) -> JSON {
            if depth == 0 || rng.chance(0.3) { return rng.pick(leaf + [.string(rng.pick(Self.awkward))]) }
            if rng.chance(0.5) { return .array((0..<rng.int(in: 0...4)).map { _ in tree(depth - 1) }) }
            return .object((0..<rng.int(in: 0...4)).map { _ in (rng.pick(["urn", "name", "", "é\n", "\""]), tree(depth - 1)) })
        }
        for _ in 0..<500 { Self.expectSame(tree(6)) }
    }

    /// A value shaped like an `atl-list/1` entry, with text as reports and provenance write it.
    @Test func realisticListEntry() {
        let entry: JSON = .object([
            ("rank", .int(1)), ("urn", .int(100_000)), ("name", .string("St Thérèse’s Catholic Primary School")),
            ("score", .fixed(73.4125, 3)), ("journey_minutes", .optional(Int?.none)),
            ("evidence", .array([.object([("section", .string("approach")),
                                          ("text", .string("We use “social stories”, visual timetables and a quiet room — see §3.\tTabbed."))])])),
            ("unknown", .array([.string("capacity"), .string("ofsted")])),
            ("source", .string("gias-extract 2026-11-01 \\\\server\\share \"quoted\"")),
        ])
        Self.expectSame(.object([("schema", .string("atl-list/1")), ("entries", .array(Array(repeating: entry, count: 3)))]))
    }

    /// The writer inside containers: values after keys, nested empties, and a tree written piecewise.
    @Test func writerPiecewise() {
        for pretty in [false, true] {
            var w = JSONWriter(pretty: pretty)
            w.beginObject()
            w.key("a"); w.beginArray(); w.endArray()
            w.key("b"); w.beginObject(); w.endObject()
            w.key("c"); w.beginArray(); w.int(-12); w.fixed(2.5, 2); w.optional(String?.none); w.optional(7); w.bool(false); w.endArray()
            w.key("d\n"); w.strings(["x", "é\u{1}"])
            w.key("e"); w.json(.object([("f", .array([.null]))]))
            w.endObject()
            let v: JSON = .object([("a", .array([])), ("b", .object([])),
                                   ("c", .array([.int(-12), .fixed(2.5, 2), .null, .int(7), .bool(false)])),
                                   ("d\n", .array([.string("x"), .string("é\u{1}")])), ("e", .object([("f", .array([.null]))]))])
            #expect(w.bytes == Array(Reference.serialized(v, pretty: pretty).utf8) && w.isComplete)
        }
    }

    @Test func writeAppends() {
        var out = Array("prefix ".utf8)
        JSON.array([.int(1), .string("two")]).write(to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "prefix [1,\"two\"]")
    }
}
