@testable import ATLModel
@testable import ATLEngine
import Testing

/// The fast sentence splitter behind evidence quotes gives exactly what the original per-character loop gave.
/// (The multi-concept quote search against the one-at-a-time original, on synthetic report text:
/// SyntheticReportQuoteTests.)
@Suite struct SentenceSplitTests {
    /// The original algorithm, kept here as the reference.
    static func reference(_ item: String) -> [String] {
        var out: [String] = []
        var sentence = ""
        var prev: Character = " "
        for ch in item {
            if (prev == "." || prev == "!" || prev == "?") && ch == " " {
                out.append(sentence)
                sentence = ""
            } else {
                sentence.append(ch)
            }
            prev = ch
        }
        if !sentence.isEmpty { out.append(sentence) }
        return out.map { String(TextDecoding.trimSpaces($0)) }.filter { !$0.isEmpty }
    }

    @Test func sameAsTheCharacterLoopOnRandomText() {
        let pieces = ["a", "b", "word", " ", "  ", ".", "!", "?", ". ", "é", "e\u{301}", "“", "”", "–", "\t", "1.5", "Dr. ", "\u{00A0}", "😀", ". \u{301}"]
        var rng = SeededRandom(seed: 11)
        for _ in 0..<2000 {
            var s = ""
            for _ in 0..<rng.int(in: 0...25) { s += rng.pick(pieces) }
            #expect(EvidenceQuotes.sentences(s) == Self.reference(TextDecoding.trimSpaces(s)), "\(s.debugDescription)")
        }
    }
}
