@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
@testable import ATLPlanning
@testable import ATLSynthetic
import Testing

/// The fast sentence splitter behind evidence quotes gives exactly what the original per-character loop gave.
@Suite struct SentenceSplitTests {
    /// The original algorithm, kept here as the reference.
    static func reference(_ item: String) -> [String] {
        var out: [String] = []
        var sentence = ""
        var prev: Character = " "
        for ch in item {
            if (prev == "." || prev == "!" || prev == "?") && ch == " " {
                out.append(sentence)
                sentence = ""
            } else {
                sentence.append(ch)
            }
            prev = ch
        }
        if !sentence.isEmpty { out.append(sentence) }
        return out.map { String(TextDecoding.trimSpaces($0)) }.filter { !$0.isEmpty }
    }

    @Test func sameAsTheCharacterLoopOnRandomText() {
        let pieces = ["a", "b", "word", " ", "  ", ".", "!", "?", ". ", "é", "e\u{301}", "“", "”", "–", "\t", "1.5", "Dr. ", "\u{00A0}", "😀", ". \u{301}"]
        var rng = SeededRandom(seed: 11)
        for _ in 0..<2000 {
            var s = ""
            for _ in 0..<rng.int(in: 0...25) { s += rng.pick(pieces) }
            #expect(EvidenceQuotes.sentences(s) == Self.reference(TextDecoding.trimSpaces(s)), "\(s.debugDescription)")
        }
    }

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
