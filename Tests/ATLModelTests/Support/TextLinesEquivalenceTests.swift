@testable import ATLModel
import ATLTestSupport
import Foundation
import Testing

/// `TextDecoding.lines` (contiguous bytes) against the UTF-8-view scan it replaced (`slowLines`, unchanged):
/// every committed text file under examples/ and provision-catalogue/, the same files with CRLF and lone-CR
/// line ends, and random texts built from line ends, multi-byte characters and combining marks.
@Suite struct TextLinesEquivalenceTests {
    static func committedTexts() -> [String] {
        var out: [String] = []
        for folder in ["examples", "provision-catalogue"] {
            let root = Repository.path(folder)
            guard let e = FileManager.default.enumerator(atPath: root) else { continue }
            while let rel = e.nextObject() as? String {
                guard rel.hasSuffix(".md") || rel.hasSuffix(".profile") || rel.hasSuffix(".csv") || rel.hasSuffix(".txt"),
                      let d = FileManager.default.contents(atPath: root + "/" + rel) else { continue }
                out.append(String(decoding: d, as: UTF8.self))
            }
        }
        return out
    }

    @Test func sameLinesOnCommittedFiles() {
        let texts = Self.committedTexts()
        #expect(texts.count > 50)
        for text in texts {
            for variant in [text, text.replacingOccurrences(of: "\n", with: "\r\n"), text.replacingOccurrences(of: "\n", with: "\r")] {
                #expect(TextDecoding.lines(variant).map { Array($0.utf8) } == TextDecoding.slowLines(variant).map { Array($0.utf8) })
            }
        }
    }

    @Test func sameLinesOnRandomTexts() {
        let pieces = ["a", "é", "\u{0301}", "😀", "\n", "\r", "\r\n", "\n\r", " ", "## ", "---", "\u{2028}", "\u{0085}", "\t", "x: y"]
        var state: UInt64 = 7
        for _ in 0..<3_000 {
            var text = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for _ in 0..<Int(state >> 59) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            let fast = TextDecoding.lines(text), slow = TextDecoding.slowLines(text)
            #expect(fast == slow, "\(text.debugDescription)")
            #expect(fast.map { Array($0.utf8) } == slow.map { Array($0.utf8) })
        }
    }

    @Test func bridgedStringTakesTheSlowPathWithTheSameLines() {
        let text = NSString(string: "one\r\ntwo\rthree\n\nfour é") as String
        #expect(TextDecoding.lines(text) == ["one", "two", "three", "", "four é"])
    }
}
