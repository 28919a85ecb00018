@testable import ATLModel
@testable import ATLData
import ATLTestSupport
import Foundation
import Testing

/// The parser's fast paths (issue #16) give the answers of the tests they stand in for, on ordinary and on
/// awkward input (combining marks after "## ", carriage returns, near-miss headings).
@Suite struct SettingFileFastPathTests {
    @Test func headingLineTestMatchesTheCharacterWiseOne() {
        let lines = ["## Therapies on site", "##", "## ", "##  x", "#", "# x", "", "###", "### x", "##x", "##\r", "## \r",
                     "## \u{301}x", "## \u{301}", "##\u{301} x", "## é", "## \u{200D}", " ## x", "##\t", "## \u{20E3}"]
        for text in lines {
            let line = Substring(text)
            #expect(SettingFile.isHeadingLine(line) == (line.hasPrefix("## ") || line == "##"), "\(text.debugDescription)")
        }
    }

    @Test func sectionLookupMatchesTheInitialiser() {
        var headings = ["", "nonsense", "THERAPIES ON SITE", "therapies-on-site", "Therapies  on site ", "Thérapies on site"]
        for s in ReportSection.allCases { headings += [s.title, s.rawValue, s.title.uppercased(), s.title + ".", " " + s.title] }
        for h in headings {
            #expect(SettingFile.section(heading: h) == ReportSection(heading: h), "\(h.debugDescription)")
        }
    }

    /// The one-copy join of a section's lines against the map-and-join it replaced: every slice of lines of
    /// every committed setting file (and the same with CRLF ends and trailing blanks), and random lines.
    @Test func joinTrimmedMatchesTheMapAndJoin() {
        var files: [String] = []
        for folder in ["examples", "provision-catalogue"] {
            let root = Repository.path(folder)
            guard let e = FileManager.default.enumerator(atPath: root) else { continue }
            while let rel = e.nextObject() as? String {
                guard rel.hasSuffix(".md"), let d = FileManager.default.contents(atPath: root + "/" + rel) else { continue }
                files.append(String(decoding: d, as: UTF8.self))
            }
        }
        #expect(files.count > 20)
        for text in files {
            for variant in [text, text.replacingOccurrences(of: "\n", with: " \t\r\n")] {
                let lines = TextDecoding.lines(variant)
                for lo in stride(from: 0, to: lines.count, by: 7) {
                    for hi in [lo, min(lines.count, lo + 1), min(lines.count, lo + 13), lines.count] where hi >= lo {
                        let slice = lines[lo..<hi]
                        #expect(Array(SettingFile.joinTrimmed(slice).utf8) == Array(SettingFile.slowJoinTrimmed(slice).utf8))
                    }
                }
            }
        }
        let pieces = ["", " ", "\t", "a", "é", "\u{301}", "😀", "x \t ", " \u{301}", "\t\t", "##", "word"]
        var state: UInt64 = 99
        for _ in 0..<2_000 {
            var lines: [Substring] = []
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for _ in 0..<Int(state >> 61) {
                var line = ""
                state = state &* 6364136223846793005 &+ 1442695040888963407
                for _ in 0..<Int(state >> 61) {
                    state = state &* 6364136223846793005 &+ 1442695040888963407
                    line += pieces[Int(state >> 33) % pieces.count]
                }
                // Lines as parts of a bigger string, as the parser gives them.
                let host = "<" + line + ">"
                lines.append(host.dropFirst().dropLast())
            }
            #expect(Array(SettingFile.joinTrimmed(lines[...]).utf8) == Array(SettingFile.slowJoinTrimmed(lines[...]).utf8),
                    "\(lines.map(String.init).debugDescription)")
        }
    }
}
