import ATLModel
@testable import ATLEngine
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
