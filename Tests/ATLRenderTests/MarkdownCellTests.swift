import Foundation
@testable import ATLRender
import Testing

/// `MarkdownText.cell` returns most cells untouched without copying; every cell must come out as the old
/// replacements made it.
@Suite struct MarkdownCellTests {
    static func old(_ s: String) -> String {
        MarkdownText.inline(s).replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    @Test func cellsAreTheSameAsTheOldReplacements() {
        let samples = ["", "SYN-999-000001", "Ploverbrook High School", "a<b>|c", "x & y", "line\nbreak", "crlf\r\nthere",
                       "lone\rcr", "&\u{301}", "|\u{301}", "\n\u{301}", "é…", "🙂|🙂", "\r", "\n", "\r\n\r\n", "a\u{0}b", "<>&|"]
        var all = samples
        let alphabet: [Character] = ["a", "&", "<", ">", "|", "\r", "\n", "\u{301}", "é", " "]
        var x: UInt64 = 7
        for _ in 0..<2000 {
            var s = ""
            x = x &* 6364136223846793005 &+ 1442695040888963407
            for k in 0..<Int(x >> 60) { s.append(alphabet[Int((x >> UInt64(k * 4)) & 0xFFFF) % alphabet.count]) }
            all.append(s)
        }
        for s in all { #expect(MarkdownText.cell(s) == Self.old(s), "\(s.debugDescription)") }
    }
}
