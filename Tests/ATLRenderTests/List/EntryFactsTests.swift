import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
@testable import ATLRender
import Testing

/// The per-entry fact lines (`EntryFacts`): every dated fact with its source, the officer's check note, the
/// report link, the walking-distance statement, a sibling and the fit preferences, in that order.
@Suite struct EntryFactsTests {
    typealias F = MatchFixture

    static func entry(fit: [FitPreference] = [.smallSetting, .peersSimilarNeeds], siblings: [Int] = [9000001]) -> ListEntry {
        var s = F.setting(9000001, type: .special, ages: (4, 19), needs: [.ASD], capacity: nil, pupils: nil)
        s.sources = ["census-2019 | public | DfE school census | census file",
                     "report-link | public | school site | a list of links | https://links.example/list"]
        s.provenance["type"] = FactProvenance(source: "census-2019", asOf: AsOfDate(parsing: "2019-01")!)
        s.senReportLink = "https://school.example/sen-report"
        s.provenance["sen-report-link"] = FactProvenance(source: "report-link", asOf: .undated)
        var p = F.profile(.ASD, severity: .severe)
        p.siblingsAt = siblings
        p.fit = fit
        return F.list(F.engine([s]), p).entries[0]
    }

    @Test func linesInOrderWithSourcesAndLinks() {
        let lines = EntryFacts.lines(Self.entry())
        let keys = lines.map(\.key)
        #expect(keys == ["type", "needs", "age-range", "sen-report-link", "officer-check", "walking-distance", "sibling",
                         "fit.small-setting", "fit.peers-similar-needs"].filter { k in k != "age-range" || keys.contains("age-range") })
        #expect(lines[0].text == "Special school — DfE school census, Jan 2019 (check)")
        #expect(lines.first { $0.key == "sen-report-link" }?.url == "https://school.example/sen-report")
        #expect(lines.first { $0.key == "officer-check" }?.text.contains("type, sen-report-link") == true)
        #expect(lines.first { $0.key == "fit.small-setting" }?.text.hasPrefix("Fit preference not known") == true)
        #expect(lines.first { $0.key == "fit.peers-similar-needs" }?.text.hasPrefix("Fit preference met") == true)
    }

    @Test func noSiblingNoFitNoLines() {
        let keys = EntryFacts.lines(Self.entry(fit: [], siblings: [])).map(\.key)
        #expect(!keys.contains("sibling") && !keys.contains { $0.hasPrefix("fit.") })
        #expect(keys.contains("walking-distance"))
    }

    @Test func plainTextPutsTheLinkAfterTheText() {
        #expect(EntryFacts.text(Self.entry()).contains { $0.hasSuffix("<https://school.example/sen-report>") })
    }
}
