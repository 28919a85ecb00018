@testable import ATLModel
@testable import ATLEngine
import Testing

/// Suggestions from EHCP text: needs from section B and provision from section F, each with its sentence;
/// words that mean many things in a plan ("severe", "class", "support") suggest nothing on their own.
@Suite struct EHCPSuggesterTests {
    @Test func needsAndProvisionComeWithTheSentenceThatSuggestedThem() {
        let b = """
            Section B. Alex has a diagnosis of Autism Spectrum Condition (ASC).
            - Alex's speech and language skills are delayed; Alex uses short phrases.
            Alex becomes anxious in busy spaces. Alex is autistic and finds change hard.
            """
        let f = "Alex will receive SaLT for 30 minutes weekly. Alex will have access to a quiet, low-arousal space. 1:1 support at unstructured times."
        let s = EHCPSuggester.suggest(needsText: b, provisionText: f)
        let needs = s.filter { $0.section == .needs }
        #expect(needs.first?.concept == .need(.ASD), "mentioned in two sentences, so first")
        #expect(needs.first?.sentence == "Alex has a diagnosis of Autism Spectrum Condition (ASC).")
        #expect(needs.first?.sentences == 2)
        #expect(needs.map(\.concept).contains(.need(.SLCN)) && needs.map(\.concept).contains(.need(.SEMH)))
        let provision = Set(s.filter { $0.section == .provision }.map(\.concept))
        #expect(provision == [.facility(.saltOnsite), .facility(.quietSpace), .facility(.highStaffing)])
    }

    @Test func ambiguousWordsAloneSuggestNothing() {
        let s = EHCPSuggester.suggest(needsText: "The class teacher gives support. The severe weather closed the school. Social time is at lunch.",
                                      provisionText: "Support from staff in class. The next step is a review.")
        #expect(s.isEmpty, "\(s.map(\.concept))")
    }

    @Test func severityIsReadFromTheSentence() {
        let s = EHCPSuggester.suggest(needsText: "Jo has a profound hearing impairment and uses BSL.", provisionText: "")
        #expect(s.first?.concept == .need(.HI) && s.first?.severity == .profound)
    }

    @Test func sentencesSplitAtStopsAndLines() {
        #expect(EHCPSuggester.sentences("One. Two!\n• Three?  Four") == ["One.", "Two!", "Three?", "Four"])
    }
}
