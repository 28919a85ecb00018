import ATLModel
@testable import ATLEngine
import Foundation
import Testing

/// Report-text evidence: the SEND vocabulary's tokenizer, BM25 scores and the quotes shown in lists.
@Suite struct EvidenceTests {
    func terms(_ text: String) -> [String] {
        var out: [String] = []
        Tokenizer.shared.scan(text) { out.append(Tokenizer.shared.terms[Int($0)]) }
        return out
    }

    @Test func synonymsAndPluralsFoldTogether() {
        #expect(terms("Our SaLT visits weekly") == ["speech", "language", "therapy"])
        #expect(terms("speech and language therapists") == ["speech", "language", "therapy"])
        #expect(terms("autistic pupils; ASD; ASC; autism") == ["autism", "autism", "autism", "autism"])
        #expect(terms("children's difficulties") == ["difficulty"])
        #expect(terms("BSL signing") == ["sign", "sign"])
        #expect(terms("Physio’s room") == ["physiotherapy", "room"])
        #expect(terms("") == [])
    }

    @Test func tokenCountIncludesEveryWord() {
        #expect(Tokenizer.shared.scan("The cat sat on the mat.") { _ in } == 6)
        #expect(Tokenizer.shared.scan("naïve café — résumé") { _ in } == 3)
        #expect(Tokenizer.shared.scan(String(repeating: "a", count: 40) + " autism") { _ in } == 2)
    }

    @Test func bm25RanksStrongerEvidenceHigher() {
        let weak = Setting(urn: 9000001, name: "A", fictional: true, report: [.kindsOfSEN: "We welcome all pupils. We have a library."])
        let some = Setting(urn: 9000002, name: "B", fictional: true, report: [.kindsOfSEN: "We support autistic pupils."])
        let strong = Setting(urn: 9000003, name: "C", fictional: true,
                             report: [.kindsOfSEN: "Our autism base serves autistic pupils with sensory needs, visual timetables and predictable routines."])
        let none = Setting(urn: 9000004, name: "D", fictional: true)
        let idx = EvidenceIndex.build([weak, some, strong, none], threads: 1)
        let asd = Vocabulary.Concept.need(.ASD).index
        #expect(idx.score(concept: asd, setting: 0) == 0)
        #expect(idx.score(concept: asd, setting: 1) > 0)
        #expect(idx.score(concept: asd, setting: 2) > idx.score(concept: asd, setting: 1))
        #expect(idx.score(concept: asd, setting: 3) == 0)
        #expect(idx.hasReport == [true, true, true, false])
        #expect(EvidenceIndex.build([weak, some, strong, none], threads: 2).scores == idx.scores)
    }

    /// BM25 values against ones computed by hand from the formula (k1 = 1.2, b = 0.75), not only their order.
    /// Three documents: "autism autism" (2 words), "autism routine" (2), "the cat sat on the mat" (6);
    /// avgdl = 10/3; df(autism) = 2, df(routine) = 1; idf(autism) = ln(1 + 1.5/2.5) = ln 1.6,
    /// idf(routine) = ln(1 + 2.5/1.5); both short documents have norm = 1.2 × (0.25 + 0.75 × 2 / (10/3)) = 0.84.
    ///   d0: ln 1.6 × 2 × 2.2 / 2.84                         = 0.728174…
    ///   d1: (ln 1.6 + ln(8/3)) × 2.2 / 1.84                  = 1.734691…
    ///   d2: 0; the ASD median of the non-zero scores: (d0 + d1) / 2 = 1.231433…
    @Test func bm25ValuesMatchHandComputedOnes() {
        let docs = ["autism autism", "autism routine", "the cat sat on the mat"].enumerated().map { i, text in
            Setting(urn: 9000001 + i, name: "S\(i)", fictional: true, report: [.kindsOfSEN: text])
        }
        let idx = EvidenceIndex.build(docs, threads: 1)
        let asd = Vocabulary.Concept.need(.ASD).index
        let d0 = log(1.6) * 2 * 2.2 / 2.84
        let d1 = (log(1.6) + log(8.0 / 3.0)) * 2.2 / 1.84
        #expect(abs(Double(idx.score(concept: asd, setting: 0)) - d0) < 1e-5, "\(idx.score(concept: asd, setting: 0)) vs \(d0)")
        #expect(abs(Double(idx.score(concept: asd, setting: 1)) - d1) < 1e-5, "\(idx.score(concept: asd, setting: 1)) vs \(d1)")
        #expect(idx.score(concept: asd, setting: 2) == 0)
        #expect(abs(Double(idx.medians[asd]) - (d0 + d1) / 2) < 1e-5)
        #expect(abs(d0 - 0.728174) < 1e-6 && abs(d1 - 1.734691) < 1e-6, "the hand values themselves")
        // A concept with no evidence anywhere has median 1 (so a score of 0 saturates to 0, never 0/0).
        #expect(idx.medians[Vocabulary.Concept.need(.HI).index] == 1)
    }

    @Test func quotesPickTheBestSentenceAcrossSoftLineBreaks() {
        let s = Setting(urn: 9000001, name: "A", fictional: true, report: [
            .kindsOfSEN: "We are a friendly school.\nOur speech and language therapist works\non site three days a week. Lunch is at noon.",
            .therapies: "- Occupational therapy by referral.",
        ])
        let q = EvidenceQuotes.best(for: .facility(.saltOnsite), in: s)
        #expect(q?.text == "Our speech and language therapist works on site three days a week.")
        #expect(q?.section == .kindsOfSEN)
        #expect(EvidenceQuotes.best(for: .facility(.hydrotherapy), in: s) == nil)
        #expect(EvidenceQuotes.best(for: .facility(.otOnsite), in: s)?.text == "Occupational therapy by referral.")
    }
}
