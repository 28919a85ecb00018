import ATLModel
import ATLData
import Foundation

/// BM25 evidence scores from settings' SEN information reports, precomputed per *concept* (each need code and
/// facility tag), so that a child's evidence score is a weighted sum of array reads in the scoring loop.
///
/// Each setting's report (all sections) is one document. For concept c with query terms q:
/// `score(c, d) = Σ_{t ∈ q} idf(t) · tf(t,d)·(k1+1) / (tf(t,d) + k1·(1 − b + b·|d|/avgdl))`,
/// `idf(t) = ln(1 + (N − df(t) + 0.5)/(df(t) + 0.5))`, with k1 = 1.2 and b = 0.75 (Lucene's defaults).
/// A setting with no report text scores 0 for every concept: no evidence is never scored as evidence.
/// The scorer saturates a score s as s / (s + k·median), where median is the concept's median non-zero score.
public struct EvidenceIndex: Sendable {
    public static let k1 = 1.2
    public static let b = 0.75

    /// `scores[concept * count + setting]`, raw BM25.
    public let scores: [Float]
    public let count: Int
    /// Whether each setting has any report text at all.
    public let hasReport: [Bool]
    /// Per concept, the median of the non-zero scores across the catalogue (1 when none): the scale against
    /// which a setting's evidence is judged, so "typical evidence" earns half the evidence share whatever
    /// the catalogue's size or vocabulary.
    public let medians: [Float]

    public init(scores: [Float], count: Int, hasReport: [Bool]) {
        self.scores = scores
        self.count = count
        self.hasReport = hasReport
        var medians: [Float] = []
        for c in 0..<Vocabulary.Concept.count {
            let nz = (0..<count).map { scores[c * count + $0] }.filter { $0 > 0 }.sorted()
            medians.append(nz.isEmpty ? 1 : (nz.count % 2 == 1 ? nz[nz.count / 2] : (nz[nz.count / 2 - 1] + nz[nz.count / 2]) / 2))
        }
        self.medians = medians
    }

    @inline(__always) public func score(concept: Int, setting: Int) -> Float { scores[concept * count + setting] }

    /// Builds the index over settings in the given order (in parallel; the result does not depend on threads).
    public static func build(_ settings: [Setting], threads: Int = Parallel.defaultThreads) -> EvidenceIndex {
        let tok = Tokenizer.shared
        let v = tok.terms.count
        let n = settings.count
        struct Doc: Sendable { var tf: [UInt16]; var length: Int }
        let docs = Parallel.map(n, threads: threads) { i -> Doc in
            var tf = [UInt16](repeating: 0, count: v)
            var length = 0
            for section in ReportSection.allCases {
                guard let text = settings[i].report[section], !text.isEmpty else { continue }
                length += tok.scan(text) { id in
                    if tf[Int(id)] < UInt16.max { tf[Int(id)] += 1 }
                }
            }
            return Doc(tf: tf, length: length)
        }
        var df = [Int](repeating: 0, count: v)
        var totalLength = 0
        for d in docs {
            totalLength += d.length
            for t in 0..<v where d.tf[t] > 0 { df[t] += 1 }
        }
        let avgdl = n > 0 ? max(1, Double(totalLength) / Double(n)) : 1
        let idf = df.map { log(1 + (Double(n) - Double($0) + 0.5) / (Double($0) + 0.5)) }
        let concepts = Vocabulary.Concept.count
        var scores = [Float](repeating: 0, count: concepts * n)
        for (i, d) in docs.enumerated() where d.length > 0 {
            let norm = k1 * (1 - b + b * Double(d.length) / avgdl)
            for c in 0..<concepts {
                var s = 0.0
                for t in tok.conceptTerms[c] {
                    let f = Double(d.tf[Int(t)])
                    if f > 0 { s += idf[Int(t)] * f * (k1 + 1) / (f + norm) }
                }
                scores[c * n + i] = Float(s)
            }
        }
        return EvidenceIndex(scores: scores, count: n, hasReport: docs.map { $0.length > 0 })
    }
}

/// Quotations from a setting's report that evidence a concept: built lazily, for listed settings only.
public enum EvidenceQuotes {
    public struct Quote: Sendable, Hashable {
        public var section: ReportSection
        public var text: String
    }

    /// The sentence (≤ 240 characters, trimmed at a word) that matches the most distinct query terms of the
    /// concept; ties go to the earliest section and sentence. nil when no sentence matches.
    public static func best(for concept: Vocabulary.Concept, in setting: Setting) -> Quote? {
        best(for: [concept], in: setting)[0]
    }

    /// ``best(for:in:)`` for several concepts at once: the report is split and tokenised once, each sentence
    /// reduced to a 256-bit set of the term ids it contains, and each concept's hits counted on that set.
    public static func best(for concepts: [Vocabulary.Concept], in setting: Setting) -> [Quote?] {
        let tok = Tokenizer.shared
        let wanted = concepts.map { c in TermMask(tok.conceptTerms[c.index]) }
        var best = [(hits: Int, section: ReportSection, sentence: String)?](repeating: nil, count: concepts.count)
        if concepts.isEmpty { return [] }
        for section in ReportSection.allCases {
            guard let text = setting.report[section], !text.isEmpty else { continue }
            let split = SentenceCache.shared.split(text)
            for (sentence, present) in zip(split.sentences, split.masks) where !present.isEmpty {
                for k in concepts.indices {
                    let hits = present.intersectionCount(wanted[k])
                    if hits > (best[k]?.hits ?? 0) { best[k] = (hits, section, sentence) }
                }
            }
        }
        return best.map { b in b.map { Quote(section: $0.section, text: trimmed($0.sentence)) } }
    }

    /// A set of term ids (< 256) as four words.
    struct TermMask {
        var w: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        init() {}
        init(_ ids: some Sequence<UInt8>) { for id in ids { insert(id) } }
        @inline(__always) mutating func insert(_ id: UInt8) {
            let bit = UInt64(1) << UInt64(id & 63)
            switch id >> 6 {
            case 0: w.0 |= bit
            case 1: w.1 |= bit
            case 2: w.2 |= bit
            default: w.3 |= bit
            }
        }
        var isEmpty: Bool { w.0 | w.1 | w.2 | w.3 == 0 }
        @inline(__always) func intersectionCount(_ o: TermMask) -> Int {
            (w.0 & o.w.0).nonzeroBitCount + (w.1 & o.w.1).nonzeroBitCount + (w.2 & o.w.2).nonzeroBitCount + (w.3 & o.w.3).nonzeroBitCount
        }
    }

    /// Splits report text into sentences. Markdown soft line breaks are joined first: a paragraph ends at a
    /// blank line, and a list item or heading starts a new one.
    static func sentences(_ text: String) -> [String] {
        var paragraphs: [String] = []
        var current = ""
        for raw in TextDecoding.lines(text) {
            let line = String(TextDecoding.trimSpaces(raw))
            let startsItem = line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("#")
                || (line.first?.isNumber ?? false && line.contains(". ") && line.prefix(4).contains("."))
            if line.isEmpty || startsItem {
                if !current.isEmpty { paragraphs.append(current) }
                current = line.isEmpty ? "" : line
            } else {
                current += current.isEmpty ? line : " " + line
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        var out: [String] = []
        for p in paragraphs where !p.hasPrefix("#") {
            var item = p
            if item.hasPrefix("- ") || item.hasPrefix("* ") { item = String(item.dropFirst(2)) }
            // A sentence ends at ". ", "! " or "? " (the space is dropped). Slices rather than per-character
            // appends; ASCII text is cut on bytes, where every byte is one Character.
            if item.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
                let u = Array(item.utf8)
                var start = 0
                for j in u.indices where j > 0 && u[j] == 0x20 && (u[j - 1] == 0x2E || u[j - 1] == 0x21 || u[j - 1] == 0x3F) {
                    out.append(String(decoding: u[start..<j], as: UTF8.self))
                    start = j + 1
                }
                if start < u.count { out.append(String(decoding: u[start...], as: UTF8.self)) }
            } else {
                var start = item.startIndex
                var prev: Character = " "
                var j = item.startIndex
                while j < item.endIndex {
                    let ch = item[j]
                    let next = item.index(after: j)
                    if (prev == "." || prev == "!" || prev == "?") && ch == " " {
                        out.append(String(item[start..<j]))
                        start = next
                    }
                    prev = ch
                    j = next
                }
                if start < item.endIndex { out.append(String(item[start...])) }
            }
        }
        return out.map(TextDecoding.trimSpaces).filter { !$0.isEmpty }
    }

    static func trimmed(_ s: String, limit: Int = 240) -> String {
        if s.count <= limit { return s }
        var cut = String(s.prefix(limit))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return cut + " …"
    }
}

/// Report text split into sentences, each with the set of vocabulary term ids it contains, kept per distinct
/// text: a batch explains the same settings for thousands of children, and splitting and tokenising their
/// reports again for every child dominated batch runs. A pure function of the text, so caching cannot change an
/// output. Thread-safe; bounded (past the bound a text is just split again).
final class SentenceCache: @unchecked Sendable {
    static let shared = SentenceCache()
    private let lock = NSLock()
    private var byText: [String: Split] = [:]
    private let limit = 200_000

    struct Split: Sendable {
        var sentences: [String]
        var masks: [EvidenceQuotes.TermMask]
    }

    func split(_ text: String) -> Split {
        if let s = lock.withLock({ byText[text] }) { return s }
        let tok = Tokenizer.shared
        let sentences = EvidenceQuotes.sentences(text)
        let masks = sentences.map { sentence -> EvidenceQuotes.TermMask in
            var m = EvidenceQuotes.TermMask()
            tok.scan(sentence) { id in m.insert(id) }
            return m
        }
        let s = Split(sentences: sentences, masks: masks)
        lock.withLock { if byText.count < limit { byText[text] = s } }
        return s
    }
}
