import ATLModel
@testable import ATLEngine
import ATLTestSupport
import Foundation
import Testing

/// The packed-key tokenizer (round two of the performance work, issue #16) against the tokenizer it replaced,
/// kept here as the reference: the same term ids in the same order and the same token count, on every report
/// the repository ships and on adversarial text.
@Suite struct TokenizerEquivalenceTests {
    /// The tokenizer as it was: a token's bytes in an array, packed after stemming and looked up in a
    /// dictionary. Term ids are taken from the shipped tokenizer's `terms` so the two can be compared.
    struct Reference {
        let map: [Tokenizer.Packed: [UInt8]]

        init() {
            let terms = Tokenizer.shared.terms
            var id: [String: UInt8] = [:]
            for (i, t) in terms.enumerated() { id[t] = UInt8(i) }
            var map: [Tokenizer.Packed: [UInt8]] = [:]
            for t in terms { map[Tokenizer.pack(Array(t.utf8))!] = [id[t]!] }
            for (k, v) in Vocabulary.synonyms { map[Tokenizer.pack(Array(k.utf8))!] = v.map { id[$0]! } }
            self.map = map
        }

        func scan(bytes: UnsafeBufferPointer<UInt8>, _ term: (UInt8) -> Void) -> Int {
            var tokens = 0
            var len = 0
            var overflow = false
            var bytesArr = [UInt8](repeating: 0, count: 20)
            func flush() {
                defer { len = 0; overflow = false }
                guard len > 0 else { return }
                tokens += 1
                guard !overflow else { return }
                var n = len
                if n > 4, bytesArr[n - 3] == UInt8(ascii: "i"), bytesArr[n - 2] == UInt8(ascii: "e"), bytesArr[n - 1] == UInt8(ascii: "s") {
                    bytesArr[n - 3] = UInt8(ascii: "y")
                    n -= 2
                } else if n > 3, bytesArr[n - 1] == UInt8(ascii: "s"),
                          bytesArr[n - 2] != UInt8(ascii: "s"), bytesArr[n - 2] != UInt8(ascii: "u"), bytesArr[n - 2] != UInt8(ascii: "i") {
                    n -= 1
                }
                guard let key = Tokenizer.pack(bytesArr[0..<n]), let ids = map[key] else { return }
                for id in ids { term(id) }
            }
            var i = 0
            let count = bytes.count
            while i < count {
                let c = bytes[i]
                if (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) {
                    if len < 16 { bytesArr[len] = c } else { overflow = true }
                    len += 1
                } else if c >= 0x41 && c <= 0x5A {
                    if len < 16 { bytesArr[len] = c + 32 } else { overflow = true }
                    len += 1
                } else if c == UInt8(ascii: "'") {
                } else if c == 0xE2, i + 2 < count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 {
                    i += 2
                } else if c >= 0xC0 {
                    let n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
                    var v = UInt32(c) & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07)
                    var k = 1
                    while k < n, i + k < count { v = v << 6 | UInt32(bytes[i + k] & 0x3F); k += 1 }
                    if let u = Unicode.Scalar(v), u.properties.isAlphabetic || u.properties.numericType != nil {
                        overflow = true
                        len += 1
                    } else {
                        flush()
                    }
                    i += n - 1
                } else if c >= 0x80 {
                } else {
                    flush()
                }
                i += 1
            }
            flush()
            return tokens
        }
    }

    static let reference = Reference()

    static func expectSame(_ bytes: [UInt8], _ comment: Comment? = nil) {
        bytes.withUnsafeBufferPointer { buf in
            var want: [UInt8] = [], got: [UInt8] = []
            let wantCount = reference.scan(bytes: buf) { want.append($0) }
            let gotCount = Tokenizer.shared.scan(bytes: buf) { got.append($0) }
            #expect(got == want, comment)
            #expect(gotCount == wantCount, comment)
        }
    }

    @Test func everyShippedSettingFile() throws {
        let root = Repository.path("provision-catalogue")
        let files = FileManager.default.enumerator(atPath: root)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }
        #expect(files.count > 100)
        var terms = 0
        for f in files {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: root + "/" + f)))
            Self.expectSame(bytes, "\(f)")
            bytes.withUnsafeBufferPointer { terms += Self.reference.scan(bytes: $0) { _ in } }
        }
        #expect(terms > 10_000)
    }

    /// Every vocabulary word and synonym, in every stemming form, at every length around the 16-byte limit.
    @Test func vocabularyWordsAndTheirForms() {
        let words = Tokenizer.shared.terms + Array(Vocabulary.synonyms.keys)
            + ["ies", "xies", "aies", "aaies", "therapies", "difficulties", "class", "classes", "bus", "iris", "gas",
               "s", "ss", "as", "sss", "yies", "pies", "ties", "dies", "lies"]
        var forms: [String] = []
        for w in words {
            forms += [w, w + "s", w + "es", w + "ies", w.uppercased(), w.capitalized + "’s", w + "'s", "x" + w, w + "x",
                      String(repeating: "a", count: max(0, 16 - w.count)) + w, String(repeating: "a", count: max(0, 17 - w.count)) + w,
                      w + String(repeating: "s", count: 3), "é" + w, w + "é", w + "½", w + "—" + w, w + "\u{301}"]
        }
        for f in forms { Self.expectSame(Array(f.utf8), "\(f)") }
        Self.expectSame(Array(forms.joined(separator: " ").utf8))
    }

    @Test func lengthsAroundTheLimit() {
        for n in 1...20 {
            for tail in ["", "s", "ies", "ss", "us", "is"] {
                let w = String(repeating: "m", count: n) + tail
                Self.expectSame(Array(w.utf8), "\(w)")
                Self.expectSame(Array(("autism " + w + " autism").utf8), "\(w)")
            }
            Self.expectSame(Array((String(repeating: "z", count: n) + "ies").utf8))
        }
    }

    /// Random byte strings built from awkward pieces, including invalid UTF-8 (the bytes entry point takes any
    /// buffer): stray continuation bytes, truncated sequences, a lone lead byte at the end.
    @Test func randomAdversarialBytes() {
        let pieces: [[UInt8]] = [
            Array("autism".utf8), Array("SaLT".utf8), Array("therapies".utf8), Array("classes".utf8), Array(" ".utf8),
            Array(".".utf8), Array("'".utf8), Array("’".utf8), Array("—".utf8), Array("é".utf8), Array("😀".utf8),
            Array("½".utf8), Array("٣".utf8), Array("\u{2028}".utf8), [0x80], [0xBF], [0xE2], [0xE2, 0x80], [0xF0, 0x9F],
            [0xC3], [0xFF], [0x00], Array("\r\n".utf8), Array("ABCDEFGHIJKLMNOPQRS".utf8), Array("12".utf8), Array("s".utf8),
            Array("ies".utf8), Array("-".utf8),
        ]
        var rng = SeededRandom(seed: 16)
        for _ in 0..<5_000 {
            var b: [UInt8] = []
            for _ in 0..<rng.int(in: 0...10) { b += rng.pick(pieces) }
            Self.expectSame(b, "\(b)")
        }
    }
}
