@testable import ATLModel
@testable import ATLData
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
}
