@testable import ATLModel
@testable import ATLEngine
@testable import ATLSynthetic
import Testing

/// The evidence quote search for many concepts at once gives what the original one-concept search gave, on the
/// long, varied report text of the synthetic national catalogue (the engine's own tests have no text like it).
@Suite struct SyntheticReportQuoteTests {
    /// The original one-concept quote search, kept as the reference.
    static func referenceBest(_ concept: Vocabulary.Concept, _ setting: Setting) -> EvidenceQuotes.Quote? {
        let tok = Tokenizer.shared
        let wanted = Set(tok.conceptTerms[concept.index])
        var best: (hits: Int, quote: EvidenceQuotes.Quote)?
        for section in ReportSection.allCases {
            guard let text = setting.report[section], !text.isEmpty else { continue }
            for sentence in EvidenceQuotes.sentences(text) {
                var hit = Set<UInt8>()
                _ = tok.scan(sentence) { id in if wanted.contains(id) { hit.insert(id) } }
                if hit.count > (best?.hits ?? 0) {
                    best = (hit.count, EvidenceQuotes.Quote(section: section, text: EvidenceQuotes.trimmed(sentence)))
                }
            }
        }
        return best?.quote
    }

    @Test func multiConceptQuotesEqualOneAtATime() {
        let settings = NationalSynthesis.synthesise(NationalSynthesisTests.schools, seed: 5, threads: 1)
        for s in settings.prefix(12) {
            let all = EvidenceQuotes.best(for: Vocabulary.Concept.all, in: s)
            for (k, c) in Vocabulary.Concept.all.enumerated() {
                #expect(all[k] == Self.referenceBest(c, s), "\(s.urn) \(c.key)")
            }
        }
    }
}
