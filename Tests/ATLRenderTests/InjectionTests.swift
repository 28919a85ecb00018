@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
@testable import ATLPlanning
import Foundation
import Testing
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

/// Tester #7: the renderers show the family's named settings that are not listed.
@Suite struct NamedSettingsRenderTests {
    static var list: AdvisoryList {
        var l = ListRenderFixture.list
        l.namedSettingsNotListed = [
            NamedSettingNotListed(urn: 9100007, name: "Fernhill <High> School", rule: .journey,
                                  reason: "further than the maximum journey: about 24.9 miles by road"),
            NamedSettingNotListed(urn: 1234567, name: nil, rule: nil, reason: "not in this catalogue"),
        ]
        return l
    }

    @Test func markdownHTMLAndJSONNameThem() throws {
        let md = ListMarkdown.render(Self.list)
        #expect(md.contains("Named by the family but not listed: Fernhill &lt;High&gt; School (URN 9100007), because: further than the maximum journey: about 24.9 miles by road."))
        #expect(md.contains("Named by the family but not listed: URN 1234567, because: not in this catalogue."))
        let html = ListHTML.render(Self.list)
        #expect(html.contains("Fernhill &lt;High&gt; School (URN 9100007)") && html.contains("not in this catalogue"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ListJSON.render(Self.list).utf8)) as? [String: Any])
        let summary = try #require(json["summary"] as? [String: Any])
        let named = try #require(summary["named_settings_not_listed"] as? [[String: Any]])
        #expect(named.count == 2)
        #expect(named[0]["urn"] as? Int == 9100007 && named[0]["rule"] as? String == "journey")
        #expect(named[1]["name"] is NSNull && named[1]["rule"] is NSNull && named[1]["reason"] as? String == "not in this catalogue")
    }
}
