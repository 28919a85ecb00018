import ATLTestSupport
import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import Foundation
import Testing
@testable import ATLRender

/// The five settings of ``AuditFixture`` (counts worked out in GapAnalysisTests), one name given a comma and
/// quotes so the CSV quoting shows in the golden files.
enum AuditRenderFixture {
    static let settings: [Setting] = AuditFixture.all.map { s in
        var s = s
        if s.urn == 100004 { s.name = "Damson Academy, \"The Base\"" }
        return s
    }

    static let stamp = ProvenanceStamp(engineVersion: "0.1.0", catalogue: "audit-fixture",
                                  catalogueHash: Catalogue.hash(of: settings), date: "2026-11-23")

    static var analysis: GapAnalysis { GapAnalysis(settings: settings) }

    static var fictional: [Setting] {
        settings.map { s in
            var f = s
            f.urn += 8_900_000
            f.fictional = true
            return f
        }
    }
}

@Suite struct AuditRenderTests {
    let analysis = AuditRenderFixture.analysis
    let stamp = AuditRenderFixture.stamp

    @Test func markdownGolden() throws {
        try Golden.check(AuditMarkdown.render(analysis, stamp: stamp), RenderGolden.path("audit.md"))
    }

    @Test func csvItemsGolden() throws {
        try Golden.check(AuditCSV.items(analysis), RenderGolden.path("audit.csv"))
    }

    @Test func csvSettingsGolden() throws {
        try Golden.check(AuditCSV.settings(analysis, stamp: stamp), RenderGolden.path("audit-settings.csv"))
    }

    @Test func jsonGolden() throws {
        try Golden.check(AuditJSON.render(analysis, stamp: stamp), RenderGolden.path("audit.json"))
    }

    @Test func lettersGolden() throws {
        try Golden.check(analysis.settings.filter { [100002, 100003].contains($0.urn) }.map { s in
            (RenderGolden.path("letter-\(AuditLetter.fileName(for: s))"), Data(AuditLetter.render(s, stamp: stamp).utf8))
        })
    }

    @Test func fictionalLetterGolden() throws {
        let f = GapAnalysis(settings: AuditRenderFixture.fictional)
        let s = try #require(f.settings.first { $0.urn == 9000003 })
        try Golden.check(AuditLetter.render(s, stamp: stamp), RenderGolden.path("letter-fictional-\(AuditLetter.fileName(for: s))"))
    }

    @Test func htmlGolden() throws {
        try Golden.check(AuditHTML.render(analysis, stamp: stamp, title: "Audit <fixture>"), RenderGolden.path("audit.html"))
    }

    /// Issue 14: every heat-coloured cell carries its value as text too, names are escaped, each setting's row
    /// links to its letter, the stamp comes last, and the wide table prints on landscape pages.
    @Test func htmlCellsSayWhatTheColourMeans() throws {
        let html = AuditHTML.render(analysis, stamp: stamp, title: "Audit <fixture>")
        #expect(html.contains("Audit &lt;fixture&gt;") && !html.contains("<fixture>"))
        #expect(html.contains("Damson Academy, &quot;The Base&quot;") && !html.contains("\"The Base\""))
        #expect(!html.contains("<script") && !html.contains("http"))
        for cls in ["h0", "h4", "h-na"] {
            for cell in html.components(separatedBy: "<td class=\"\(cls)\">").dropFirst() {
                let text = cell.components(separatedBy: "</td>")[0]
                #expect(text.contains("class=\"vh\">") || text.first?.isNumber == true, "a coloured cell with no words: \(text)")
            }
        }
        for s in analysis.settings {
            let asked = !s.questions.isEmpty
            #expect(html.contains("href=\"#letter-\(s.urn)\"") == asked && html.contains("id=\"letter-\(s.urn)\"") == asked)
        }
        #expect(analysis.settings.contains { !$0.questions.isEmpty })
        let stampAt = try #require(html.range(of: "<h2 id=\"stamp\">")), headline = try #require(html.range(of: "Headline figures"))
        #expect(headline.lowerBound < stampAt.lowerBound && !html[stampAt.upperBound...].contains("<h2"))
        #expect(html.contains(".wide-print{page:landscape}") && html.contains("class=\"wide-print\""))
        #expect(AuditHTML.heat(Coverage(present: 0, missing: 4)) == "h0" && AuditHTML.heat(Coverage(present: 4)) == "h4"
                && AuditHTML.heat(Coverage(notApplicable: 3)) == "h-na")
    }

    @Test func markdownSummaryFigures() {
        let md = AuditMarkdown.render(analysis, stamp: stamp)
        #expect(md.hasPrefix("# SEN information gap analysis — real settings\n"))
        #expect(md.contains("| Report sections | 38 | 3 | 107 | 2 | 148 | 25.7% |"))
        #expect(md.contains("| Header facts | 28 | 0 | 28 | 4 | 56 | 50.0% |"))
        #expect(md.contains("| Combined | 66 | 3 | 135 | 6 | 204 | 32.4% |"))
        #expect(md.contains("| 7 | Consulting and involving parents | Schedule 1 | all | 1 | 0 | 4 | 0 | 20.0% |"))
        #expect(md.contains("| 4 | SENCO name and contact details | Schedule 1 | mainstream, nursery schools, type unknown | 2 | 0 | 2 | 1 | 50.0% |"))
        #expect(md.contains("| 894 Telford and Wrekin | 2 | 8.6% | 50.0% | 20.7% | 0 | 1 | 0 |"))
        #expect(md.contains("| LA not recorded | 1 |"))
        // Cedar Special School: 1 P, 2 -, 3(a) E, 3(b) E, 3(c) P, 3(d)–3(g) ., 4 -, 5–8 ., 9 P, 10–12 ., 13 P, A1–A4 ., P1–P4 ., P5 P, P6–P7 .
        #expect(md.contains("| 100003 | Cedar Special School | Special | 17.9% | 75.0% | 35.0% | 26 | `P-EEP....-....P...P........P..` | `PPPPPP.P.P.P` |"))
    }

    @Test func csvShapes() {
        let items = AuditCSV.items(analysis)
        let rows = items.components(separatedBy: "\r\n").dropLast()
        #expect(rows.count == 1 + 5 * AuditItem.all.count)
        #expect(rows.first == AuditCSV.itemsHeader.joined(separator: ","))
        #expect(rows.contains("100003,Cedar Special School,894,Telford and Wrekin,special,report,senco,4,Schedule 1,not-applicable,real settings"))
        #expect(rows.contains("100004,\"Damson Academy, \"\"The Base\"\"\",,,mainstream-resourced,header,specialist-places,H9,Header fact,present,real settings"))
        let settings = AuditCSV.settings(analysis, stamp: stamp).components(separatedBy: "\r\n").dropLast()
        #expect(settings.count == 6)
        #expect(settings.dropFirst().allSatisfy { $0.hasSuffix(",real settings,2026-11-23,0.1.0,\(stamp.catalogueHash)") })
    }

    @Test func jsonIsValidAndVersioned() throws {
        let text = AuditJSON.render(analysis, stamp: stamp)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(obj["schema"] as? String == "atl-audit/1")
        #expect(obj["fictional"] as? Bool == false)
        let settings = try #require(obj["settings"] as? [[String: Any]])
        #expect(settings.map { $0["urn"] as? Int } == [100001, 100002, 100003, 100004, 100005])
        let items = try #require(obj["items"] as? [[String: Any]])
        #expect(items.count == 42)
        let overall = try #require(obj["overall"] as? [String: Any])
        let report = try #require(overall["report"] as? [String: Any])
        #expect(report["present"] as? Int == 38)
        #expect((report["percent"] as? NSNumber)?.doubleValue == 25.7)
    }

    @Test func fictionalLabelOnEveryOutput() {
        let f = GapAnalysis(settings: AuditRenderFixture.fictional)
        let label = "FICTIONAL example LA — not real schools"
        let md = AuditMarkdown.render(f, stamp: stamp)
        #expect(md.hasPrefix("# SEN information gap analysis — \(label)\n"))
        #expect(AuditJSON.render(f, stamp: stamp).contains("\"label\": \"\(label)\""))
        let csvRows = AuditCSV.items(f).components(separatedBy: "\r\n").dropFirst().dropLast()
        #expect(!csvRows.isEmpty && csvRows.allSatisfy { $0.hasSuffix(",\(label)") })
        let settingRows = AuditCSV.settings(f, stamp: stamp).components(separatedBy: "\r\n").dropFirst().dropLast()
        #expect(settingRows.allSatisfy { $0.contains(",\(label),") })
        #expect(AuditHTML.render(f, stamp: stamp).contains("<p class=\"banner\">\(label): every setting here is invented"))
        for s in f.settings {
            let letter = AuditLetter.render(s, stamp: stamp)
            #expect(letter.hasPrefix("> **\(label).**"))
            #expect(letter.contains("\n\(label) · atl 0.1.0"))
        }
    }

    @Test func realLettersNameTheirSources() throws {
        let s = try #require(analysis.settings.first { $0.urn == 100003 })
        let letter = AuditLetter.render(s, stamp: stamp)
        #expect(letter.contains("- Test fixture\n- LA SEND team\n"))
        #expect(letter.contains("They may be incomplete or out of date"))
        #expect(!letter.contains("FICTIONAL"))
        #expect(letter.contains("Who is your SENCO") == false, "SENCO does not apply to a special school")
        #expect(letter.contains("How do you consult parents of children with SEN and involve them in their child's education?"))
        let unknown = AuditLetter.render(try #require(analysis.settings.first { $0.urn == 100002 }), stamp: stamp)
        #expect(unknown.contains("That does not mean you have not published one"))
        #expect(AuditLetter.fileName(for: s) == "100003-cedar-special-school.md")
    }

    @Test func outputIsIndependentOfInputOrder() {
        var rng = SeededRandom(seed: 7)
        let reference = [AuditMarkdown.render(analysis, stamp: stamp), AuditCSV.items(analysis),
                         AuditCSV.settings(analysis, stamp: stamp), AuditJSON.render(analysis, stamp: stamp)]
        for _ in 0..<5 {
            let a = GapAnalysis(settings: AuditRenderFixture.settings.shuffled(using: &rng))
            #expect([AuditMarkdown.render(a, stamp: stamp), AuditCSV.items(a), AuditCSV.settings(a, stamp: stamp),
                     AuditJSON.render(a, stamp: stamp)] == reference)
        }
    }

    @Test func stampDateInWords() {
        #expect(stamp.longDate == "23 November 2026")
        #expect(ProvenanceStamp(engineVersion: "x", catalogue: "c", catalogueHash: "h", date: "2027-01-05").longDate == "5 January 2027")
        #expect(ProvenanceStamp(engineVersion: "x", catalogue: "c", catalogueHash: "h", date: "soon").longDate == "soon")
        #expect(AuditFormat.count(1352) == "1,352")
        #expect(AuditFormat.count(40560) == "40,560")
        #expect(AuditFormat.count(999) == "999")
        #expect(AuditFormat.count(1_000_000) == "1,000,000")
    }
}
