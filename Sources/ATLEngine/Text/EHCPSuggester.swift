import ATLModel

/// Suggests need codes and facility tags from the text of an EHCP: section B (the child's special educational
/// needs) and section F (the special educational provision). Each suggestion carries the sentence that
/// triggered it, so the officer can see why and accept, change or ignore it. A suggestion is never applied on
/// its own: the officer decides.
///
/// Sentences are read through the same tokenizer and synonym map as the evidence scorer (``Vocabulary``:
/// "SaLT" = speech and language therapy, "ASC" = autism, "BSL" = sign), then matched against *triggers*:
/// small sets of vocabulary terms that must all occur in one sentence ("speech" + "language" + "therapy"), or a
/// short phrase for what single words cannot say ("1:1", "step-free"). Triggers are stricter than the
/// evidence scorer's query terms, because one word such as "severe", "social" or "class" means many things in
/// a plan. Needs are read from section B and provision from section F, as the plan lays them out.
public enum EHCPSuggester {
    /// The part of the plan a suggestion came from.
    public enum Section: String, Sendable, Hashable, CaseIterable {
        case needs = "B"
        case provision = "F"

        public var title: String {
            switch self {
            case .needs: "Section B (special educational needs)"
            case .provision: "Section F (special educational provision)"
            }
        }
    }

    public struct Suggestion: Sendable, Hashable {
        public var concept: Vocabulary.Concept
        public var section: Section
        /// The first sentence that triggered it, as written (trimmed, at most ``sentenceLimit`` characters).
        public var sentence: String
        /// How many sentences triggered it (more sentences, more weight in the plan).
        public var sentences: Int
        /// For a need: a severity word in a triggering sentence ("severe", "profound"…), when there is one.
        public var severity: Severity?
    }

    /// Longest text read from each section (a plan's section B or F is a few pages).
    public static let textLimit = 100_000
    /// Longest sentence quoted back.
    public static let sentenceLimit = 400

    /// Suggestions, needs first (most often mentioned first, then in the order the text first mentions them), then facilities.
    public static func suggest(needsText: String, provisionText: String) -> [Suggestion] {
        var out: [Suggestion] = []
        out += suggestions(in: String(needsText.prefix(textLimit)), section: .needs,
                           concepts: NeedCode.allCases.map(Vocabulary.Concept.need))
        out += suggestions(in: String(provisionText.prefix(textLimit)), section: .provision,
                           concepts: Facility.allCases.map(Vocabulary.Concept.facility))
        return out
    }

    /// The sentences of a text: split at line ends and after `.`, `!` or `?` followed by a space; bullets and
    /// surrounding spaces trimmed; empty sentences dropped.
    public static func sentences(_ text: String) -> [String] {
        var out: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            var current = ""
            var previous: Character = " "
            for ch in line {
                if ch.isWhitespace && (previous == "." || previous == "!" || previous == "?") {
                    append(current, to: &out)
                    current = ""
                } else {
                    current.append(ch)
                }
                previous = ch
            }
            append(current, to: &out)
        }
        return out
    }

    private static func append(_ sentence: String, to out: inout [String]) {
        let bullets: Set<Character> = ["•", "-", "*", "–", "·", "▪"]
        let trimmed = sentence.drop { $0.isWhitespace || bullets.contains($0) }.reversed().drop(while: \.isWhitespace).reversed()
        if trimmed.contains(where: { $0.isLetter }) { out.append(String(trimmed)) }
    }

    static func suggestions(in text: String, section: Section, concepts: [Vocabulary.Concept]) -> [Suggestion] {
        var found: [Vocabulary.Concept: Suggestion] = [:]
        var order: [Vocabulary.Concept] = []
        let tokenizer = Tokenizer.shared
        for sentence in sentences(text) {
            var terms = Set<String>()
            tokenizer.scan(sentence) { terms.insert(tokenizer.terms[Int($0)]) }
            let lower = sentence.lowercased()
            for concept in concepts where triggers(concept).contains(where: { $0.matches(terms: terms, text: lower) }) {
                let severity = concept.isNeed ? severityWord(in: lower) : nil
                if var s = found[concept] {
                    s.sentences += 1
                    if s.severity == nil { s.severity = severity }
                    found[concept] = s
                } else {
                    let quoted = sentence.count > sentenceLimit ? String(sentence.prefix(sentenceLimit - 1)) + "…" : sentence
                    found[concept] = Suggestion(concept: concept, section: section, sentence: quoted, sentences: 1, severity: severity)
                    order.append(concept)
                }
            }
        }
        let list = order.compactMap { found[$0] }
        guard section == .needs else { return list.sorted { $0.concept < $1.concept } }
        // Most often mentioned first; between equals, the one the plan mentions first (its primary need, usually).
        return list.enumerated().sorted { ($0.element.sentences, $1.offset) > ($1.element.sentences, $0.offset) }.map(\.element)
    }

    static func severityWord(in lower: String) -> Severity? {
        for s in Severity.allCases.reversed() where lower.contains(s.rawValue) { return s }
        return nil
    }

    /// What triggers a concept: every term of a set in one sentence, or a phrase.
    struct Trigger: Sendable {
        var terms: Set<String> = []
        var phrase: String?

        func matches(terms sentenceTerms: Set<String>, text: String) -> Bool {
            if let phrase { return text.contains(phrase) }
            return !terms.isEmpty && terms.isSubset(of: sentenceTerms)
        }
    }

    static func all(_ sets: [String]...) -> [Trigger] { sets.map { Trigger(terms: Set($0)) } }
    static func phrases(_ p: String...) -> [Trigger] { p.map { Trigger(phrase: $0) } }

    /// Triggers per concept, in the vocabulary's canonical terms (after the synonym map).
    static func triggers(_ c: Vocabulary.Concept) -> [Trigger] {
        switch c {
        case .need(let n):
            switch n {
            case .ASD: all(["autism"])
            case .SLCN: all(["speech", "language"], ["language", "communication"])
            case .SPLD: all(["dyslexia"], ["dyscalculia"], ["dyspraxia"], ["specific", "learning", "difficulty"])
            case .MLD: all(["moderate", "learning", "difficulty"])
            case .SLD: all(["severe", "learning", "difficulty"])
            case .PMLD: all(["profound", "multiple"])
            case .SEMH: all(["social", "emotional"], ["emotional", "mental"], ["mental", "health"], ["anxiety"], ["emotional", "regulation"])
            case .HI: all(["hearing", "impairment"], ["deaf"], ["audiology"])
            case .VI: all(["visual", "impairment"], ["vision", "impairment"], ["blind"], ["braille"], ["habilitation"])
            case .MSI: all(["multi", "sensory", "impairment"], ["deafblind"])
            case .PD: all(["physical", "disability"], ["wheelchair"], ["mobility"]) + phrases("cerebral palsy")
            case .OTH: all(["medical", "condition"])
            case .NSA: []
            }
        case .facility(let f):
            switch f {
            case .saltOnsite: all(["speech", "language", "therapy"])
            case .otOnsite: all(["occupational", "therapy"])
            case .physioOnsite: all(["physiotherapy"])
            case .nurseOnsite: all(["nurse"])
            case .counselling: all(["counselling"], ["mental", "health"])
            case .hoist: all(["hoist"], ["moving", "handling"])
            case .changingPlaces: all(["hygiene"], ["changing", "room"]) + phrases("changing bed", "changing facilit", "changing places", "intimate care")
            case .lift: all(["lift"])
            case .stepFree: all(["ramp"]) + phrases("step-free", "step free", "level access")
            case .sensoryRoom: all(["sensory", "room"])
            case .quietSpace: all(["quiet"], ["calm"]) + phrases("low-arousal", "low arousal")
            case .smallClasses: all(["small", "class"])
            case .highStaffing: all(["staff", "ratio"], ["adult", "ratio"]) + phrases("1:1", "one-to-one", "one to one", "2:1")
            case .signing: all(["sign"])
            case .makaton: all(["makaton"])
            case .aac: all(["augmentative", "alternative", "communication"]) + phrases("communication aid", "communication device")
            case .qtod: all(["teacher", "deaf"])
            case .radioAids: all(["radio", "aid"], ["acoustic"])
            case .qtvi: all(["qualified", "teacher", "visual"], ["teacher", "vision"])
            case .braille: all(["braille"], ["tactile"])
            case .hydrotherapy: all(["hydrotherapy"])
            case .nurtureGroup: all(["nurture"])
            case .residential: all(["residential"], ["boarding"])
            case .singleStorey: phrases("single storey", "single-storey", "one level", "all on one floor")
            }
        }
    }
}

extension Vocabulary.Concept {
    var isNeed: Bool { if case .need = self { true } else { false } }
}
