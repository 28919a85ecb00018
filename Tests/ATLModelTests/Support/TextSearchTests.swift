import Foundation
@testable import ATLModel
import Testing

/// ``TextSearch`` gives Foundation's `contains` answer, found on bytes.
@Suite struct TextSearchTests {
    @Test func plainCases() {
        #expect(TextSearch.contains("Ask the SENCo about it", "SENCo"))
        #expect(!TextSearch.contains("Ask the SENCO", "SENCo"), "case-sensitive, as written on the page")
        #expect(TextSearch.contains("LA", "LA"))
        #expect(!TextSearch.contains("L", "LA"))
        #expect(!TextSearch.contains("anything", ""), "an empty needle is never found (as in Foundation)")
        #expect(!TextSearch.contains("", "a"))
        #expect(!TextSearch.contains("xLA\u{308}y", "LA"), "a match may not end inside a character")
        #expect(TextSearch.contains("LA\u{308} LA", "LA"), "a later match still counts")
        #expect(TextSearch.contains("\u{301}LA", "LA"))
        #expect(TextSearch.contains("a\r\n", "\r"))
    }

    /// Random texts over an alphabet chosen to trip a byte search (combining marks, variation selectors, joiners,
    /// emoji modifiers, CR LF, precomposed letters, multi-byte scalars) against Foundation's own answer.
    @Test func agreesWithFoundation() {
        let alphabet: [String] = ["L", "A", "S", "E", "N", " ", "e", "é", "e\u{301}", "\u{301}", "\u{308}", "\u{FE0F}",
                                  "\u{200D}", "\u{200C}", "\u{1F3FB}", "\u{1F600}", "\r", "\n", "\r\n", "ß", "\u{0903}",
                                  "\u{20DD}", "Ä", "中", "\u{E0020}", "\u{034F}", "-"]
        let needles = ["LA", "SEN", "SENSE", "e", "E", "A ", "-L", "N\r", "\r", "\n", " S", "LAL"]
        var rng = SeededRandom(seed: 1614)
        var checked = 0
        for _ in 0..<4000 {
            let length = Int(rng.next() % 14)
            var text = ""
            for _ in 0..<length { text += alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            for needle in needles {
                #expect(TextSearch.contains(text, needle) == (text.range(of: needle) != nil), "\(text.debugDescription) ⊃ \(needle.debugDescription)")
                checked += 1
            }
        }
        #expect(checked == 48_000)
    }
}
