import Foundation
import Testing
@testable import ATLCore
@testable import ATLRender

/// Tester #36: setting names and free text reach spreadsheets and Markdown viewers unescaped.
@Suite struct InjectionTests {
    @Test(arguments: ["=HYPERLINK(\"http://x.invalid\",\"Click\")", "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR", "=1"])
    func formulaCellsAreNeutralised(_ cell: String) {
        let out = CSVWriter.escape(cell)
        #expect(out.hasPrefix("'") || out.hasPrefix("\"'"), "\(out)")
    }

    @Test(arguments: ["-1.5", "+2", "0.000", "-12", "Oak School", "Year 7", ""])
    func ordinaryCellsAreUnchanged(_ cell: String) {
        #expect(CSVWriter.escape(cell) == cell)
    }

    @Test func quotingStillAppliesAfterNeutralising() {
        #expect(CSVWriter.escape("=A1,B1") == "\"'=A1,B1\"")
    }

    @Test func listCSVNeutralisesAFormulaName() {
        var list = ListRenderFixture.list
        list.entries[0].setting.name = "=HYPERLINK(\"http://evil.invalid\",\"x\")"
        let csv = ListCSV.render(list)
        #expect(csv.contains("\"'=HYPERLINK("))
        #expect(!csv.contains(",=HYPERLINK") && !csv.contains(",\"=HYPERLINK"))
    }

    @Test func markdownEscapesMarkupInNamesAndText() {
        #expect(MarkdownText.inline("<script>alert(1)</script> & | x") == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; \\| x")
        #expect(MarkdownText.cell("a<b>|c") == "a&lt;b&gt;\\|c")
        var list = ListRenderFixture.list
        list.entries[0].setting.name = "<script>alert(1)</script> School"
        let md = ListMarkdown.render(list)
        #expect(!md.contains("<script>"))
        #expect(md.contains("&lt;script&gt;alert(1)&lt;/script&gt; School"))
    }
}
