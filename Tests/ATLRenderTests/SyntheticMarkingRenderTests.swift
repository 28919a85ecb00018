import Testing
import ATLCore
import ATLRender

/// Tester 2 #1: outputs made from a synthetic catalogue (real schools, invented SEN facts) say so at the top.
@Suite struct SyntheticMarkingRenderTests {
    static let setting = Setting(urn: 123456, name: "Real School", type: .special, sources: ["SYNTHETIC: test"],
                                 report: [.kindsOfSEN: "Invented."], synthetic: true)
    static let stamp = GapAuditStamp(engineVersion: "0.1.0", catalogue: "syn", catalogueHash: "abc", date: "2026-11-23")

    @Test func auditMarkdownAndLetterAreHeadedSynthetic() {
        let a = GapAnalysis(settings: [Self.setting])
        #expect(a.synthetic && !a.fictional && a.label == GapAnalysis.syntheticLabel)
        let md = AuditMarkdown.render(a, stamp: Self.stamp)
        #expect(md.hasPrefix("# SEN information gap analysis — SYNTHETIC"))
        #expect(md.contains("> **\(GapAnalysis.syntheticLabel).**"))
        let letter = AuditLetter.render(a.settings[0], stamp: Self.stamp)
        #expect(letter.hasPrefix("> **SYNTHETIC – DO NOT SEND."))
        #expect(letter.hasSuffix("SYNTHETIC – DO NOT SEND. \(GapAnalysis.syntheticLabel) · \(Self.stamp.line)\n"))
        #expect(!GapAnalysis(settings: [Setting(urn: 123456, name: "Real School", type: .special)]).synthetic)
    }
}
