@testable import ATLModel
@testable import ATLEngine
import ATLTestSupport
import Foundation
import Testing

/// The sentence split on bytes behind evidence quotes (`SentenceCache.makeSplit`, round two of the performance
/// work, issue #16) against `EvidenceQuotes.sentences` and a term set from tokenising each sentence `String`,
/// as quotes were found before: same sentences, same sets, on every shipped report and on adversarial text.
@Suite struct SentenceBytesTests {
    static func expectSame(_ text: String, _ comment: Comment? = nil) {
        let want = EvidenceQuotes.sentences(text)
        let split = SentenceCache.makeSplit(text)
        let got = (0..<split.count).map(split.sentence)
        #expect(got == want, comment)
        guard got == want else { return }
        for (i, s) in want.enumerated() {
            var m = EvidenceQuotes.TermMask()
            Tokenizer.shared.scan(s) { m.insert($0) }
            #expect(m.w == split.masks[i].w, comment)
        }
    }

    @Test func everyShippedSettingFile() throws {
        let root = Repository.path("provision-catalogue")
        let files = FileManager.default.enumerator(atPath: root)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }
        #expect(files.count > 100)
        for f in files {
            let text = try String(contentsOfFile: root + "/" + f, encoding: .utf8)
            Self.expectSame(text, "\(f)")
            // Section by section too, as reports are split.
            for section in text.components(separatedBy: "\n## ") { Self.expectSame(section, "\(f)") }
        }
    }

    @Test func adversarialText() {
        let pieces = ["a", "word", "autism", "SaLT", " ", "  ", "\t", ".", "!", "?", ". ", "! ", "? ", "\n", "\n\n", "\r", "\r\n",
                      "- ", "* ", "-", "*", "#", "## Heading", "1. ", "12. ", "1.5", "123.", "2024. ", "é", "e\u{301}", "“", "’",
                      "—", "\u{00A0}", "\u{2028}", "😀", "٣. ", ". \u{301}", "Dr. ", "x"]
        var rng = SeededRandom(seed: 1616)
        for _ in 0..<4_000 {
            var s = ""
            for _ in 0..<rng.int(in: 0...30) { s += rng.pick(pieces) }
            Self.expectSame(s, "\(s.debugDescription)")
        }
        // All-ASCII only, so the byte path is taken every time.
        let ascii = pieces.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        for _ in 0..<4_000 {
            var s = ""
            for _ in 0..<rng.int(in: 0...30) { s += rng.pick(ascii) }
            #expect(SentenceCache.asciiSentences(s) != nil)
            Self.expectSame(s, "\(s.debugDescription)")
        }
    }
}
