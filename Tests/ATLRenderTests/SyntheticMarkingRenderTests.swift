import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import Testing
import ATLRender

/// Tester 2 #1: outputs made from a synthetic catalogue (real schools, invented SEN facts) say so at the top.
@Suite struct SyntheticMarkingRenderTests {
    static let setting = Setting(urn: 123456, name: "Real School", type: .special, sources: ["SYNTHETIC: test"],
                                 report: [.kindsOfSEN: "Invented."], synthetic: true)
    static let stamp = ProvenanceStamp(engineVersion: "0.1.0", catalogue: "syn", catalogueHash: "abc", date: "2026-11-23")

    @Test func auditMarkdownAndLetterAreHeadedSynthetic() {
        let a = GapAnalysis(settings: [Self.setting])
        #expect(a.synthetic && !a.fictional && a.label == GapAnalysis.syntheticLabel)
        let md = AuditMarkdown.render(a, stamp: Self.stamp)
        #expect(md.hasPrefix("# SEN information gap analysis — SYNTHETIC"))
        #expect(md.contains("> **\(GapAnalysis.syntheticLabel).**"))
        let letter = AuditLetter.render(a.settings[0], stamp: Self.stamp)
        #expect(letter.hasPrefix("> **SYNTHETIC – DO NOT SEND."))
        #expect(letter.hasSuffix("SYNTHETIC – DO NOT SEND. \(GapAnalysis.syntheticLabel) · atl 0.1.0 audit of catalogue syn (content hash abc) on 2026-11-23\n"))
        #expect(!GapAnalysis(settings: [Setting(urn: 123456, name: "Real School", type: .special)]).synthetic)
    }

    @Test func allocationScenarioAndCohortSummaryAreHeadedSynthetic() throws {
        var p = AllocationRenderTests.problem
        #expect(!AllocationMarkdown.render(AllocationReport(p), stamp: AllocationRenderTests.stamp).contains("SYNTHETIC"))
        p.fictionalSettings = false
        p.syntheticSettings = true
        let r = AllocationReport(p)
        let md = AllocationMarkdown.render(r, stamp: AllocationRenderTests.stamp)
        #expect(md.hasPrefix("# Allocation simulation — SYNTHETIC settings"))
        #expect(md.contains("\n\n> **SYNTHETIC CATALOGUE:"))
        #expect(AllocationJSON.render(r, stamp: AllocationRenderTests.stamp).contains("\"synthetic_settings\": true"))

        var c = try ScenarioRenderTests.comparison()
        c.fictionalCatalogue = false
        c.syntheticCatalogue = true
        #expect(ScenarioTables.banners(c).first?.hasPrefix("SYNTHETIC CATALOGUE:") == true)
        let smd = ScenarioMarkdown.render(c)
        #expect(smd.contains("> **SYNTHETIC CATALOGUE:"))
        #expect(ScenarioJSON.render(c).contains("\"syntheticCatalogue\": true"))
        #expect(ScenarioHTML.render(c).contains("SYNTHETIC CATALOGUE:"))

        let stamp = ProvenanceStamp(engineVersion: "0.1.0", catalogueHash: "abc", weightsHash: "def", inputs: [], date: "2026-11-23")
        let ctx = CohortSummaryRender.Context(cohort: "c.csv", cohortHash: "123", fictionalCatalogue: false, stamp: stamp,
                                              syntheticCatalogue: true)
        let s = CohortSummary(k: 10)
        #expect(CohortSummaryRender.markdown(s, demand: [], context: ctx).hasPrefix("# Cohort summary\n\n> **SYNTHETIC CATALOGUE:"))
        #expect(CohortSummaryRender.json(s, demand: [], context: ctx).serialized().contains("synthetic_catalogue"))
    }
}
