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
        best(for: concepts, splits: ReportSection.allCases.map { section in
            guard let text = setting.report[section], !text.isEmpty else { return nil }
            return SentenceCache.shared.split(text)
        })
    }

    /// ``best(for:in:)`` with each section's split given (nil for a section with no text, in case order): from ``ReportSplits``,
    /// which keeps them by index position so a listed setting's report is neither split nor hashed again.
    static func best(for concepts: [Vocabulary.Concept], splits: [SentenceCache.Split?]) -> [Quote?] {
        let tok = Tokenizer.shared
        let wanted = concepts.map { c in TermMask(tok.conceptTerms[c.index]) }
        var best = [(hits: Int, section: ReportSection, split: SentenceCache.Split, sentence: Int)?](repeating: nil, count: concepts.count)
        if concepts.isEmpty { return [] }
        for (section, split) in zip(ReportSection.allCases, splits) {
            guard let split else { continue }
            for (i, present) in split.masks.enumerated() where !present.isEmpty {
                for k in concepts.indices {
                    let hits = present.intersectionCount(wanted[k])
                    if hits > (best[k]?.hits ?? 0) { best[k] = (hits, section, split, i) }
                }
            }
        }
        return best.map { b in b.map { Quote(section: $0.section, text: trimmed($0.split.sentence($0.sentence))) } }
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
    private var byText: [TextKey: Split] = [:]
    private let limit = 200_000

    /// A text as a cache key, hashed once with a cheap multiply-xor digest of its bytes rather than by
    /// `String`'s SipHash on every dictionary probe (hashing the text was a tenth of finding quotes).
    /// Equal keys are still equal texts: `==` compares the text itself.
    struct TextKey: Hashable {
        let text: String
        let digest: UInt64

        init(_ text: String) {
            self.text = text
            var copy = text
            digest = copy.withUTF8 { u in
                var x = UInt64(truncatingIfNeeded: u.count) &* 0x9E37_79B9_7F4A_7C15
                let raw = UnsafeRawBufferPointer(u)
                var i = 0
                while i + 8 <= raw.count {
                    x = (x ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                    x ^= x >> 32
                    i += 8
                }
                while i < raw.count { x = (x ^ UInt64(raw[i])) &* 0x100_0000_01B3; i += 1 }
                return x
            }
        }

        static func == (a: TextKey, b: TextKey) -> Bool { a.digest == b.digest && a.text == b.text }
        func hash(into h: inout Hasher) { h.combine(digest) }
    }

    /// A text's sentences, as ranges of one UTF-8 buffer (a `String` is made only for a sentence that is
    /// quoted), each with the set of term ids it contains.
    struct Split: Sendable {
        var bytes: [UInt8]
        var ranges: [Range<Int>]
        var masks: [EvidenceQuotes.TermMask]

        var count: Int { ranges.count }
        func sentence(_ i: Int) -> String { String(decoding: bytes[ranges[i]], as: UTF8.self) }
    }

    func split(_ text: String) -> Split {
        let key = TextKey(text)
        if let s = lock.withLock({ byText[key] }) { return s }
        let s = SentenceCache.makeSplit(text)
        lock.withLock { if byText.count < limit { byText[key] = s } }
        return s
    }

    /// ``EvidenceQuotes/sentences(_:)``'s sentences of `text`, with their term sets, tokenised from the buffer.
    static func makeSplit(_ text: String) -> Split {
        let tok = Tokenizer.shared
        let (bytes, ranges) = asciiSentences(text) ?? joined(EvidenceQuotes.sentences(text))
        var masks: [EvidenceQuotes.TermMask] = []
        masks.reserveCapacity(ranges.count)
        bytes.withUnsafeBufferPointer { all in
            for r in ranges {
                var m = EvidenceQuotes.TermMask()
                tok.scan(bytes: UnsafeBufferPointer(rebasing: all[r])) { id in m.insert(id) }
                masks.append(m)
            }
        }
        return Split(bytes: bytes, ranges: ranges, masks: masks)
    }

    static func joined(_ sentences: [String]) -> ([UInt8], [Range<Int>]) {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for s in sentences {
            let start = bytes.count
            bytes += s.utf8
            ranges.append(start..<bytes.count)
        }
        return (bytes, ranges)
    }

    /// ``EvidenceQuotes/sentences(_:)`` on bytes, for text that is all ASCII (nil otherwise), where every
    /// Character is one byte: the same lines, paragraphs, list-item and heading rules, sentence ends and
    /// trimming, without a `String` per line, paragraph or sentence. Sentences are copied into one buffer.
    static func asciiSentences(_ text: String) -> ([UInt8], [Range<Int>])? {
        var text = text
        return text.withUTF8 { u -> ([UInt8], [Range<Int>])? in
            for b in u where b >= 0x80 { return nil }
            let space: UInt8 = 0x20, tab: UInt8 = 0x09, dot: UInt8 = 0x2E
            var out: [UInt8] = []
            out.reserveCapacity(u.count)
            var ranges: [Range<Int>] = []
            var para: [UInt8] = []
            para.reserveCapacity(512)

            func emit(_ lo: Int, _ hi: Int) {
                var lo = lo, hi = hi
                while lo < hi, para[lo] == space || para[lo] == tab { lo += 1 }
                while hi > lo, para[hi - 1] == space || para[hi - 1] == tab { hi -= 1 }
                guard lo < hi else { return }
                let start = out.count
                out.append(contentsOf: para[lo..<hi])
                ranges.append(start..<out.count)
            }
            func endParagraph() {
                defer { para.removeAll(keepingCapacity: true) }
                guard !para.isEmpty, para[0] != 0x23 else { return } // empty, or a heading
                var start = 0
                if para.count >= 2, para[0] == 0x2D || para[0] == 0x2A, para[1] == space { start = 2 } // "- ", "* "
                var sentence = start
                var j = start + 1
                while j < para.count {
                    if para[j] == space, para[j - 1] == dot || para[j - 1] == 0x21 || para[j - 1] == 0x3F {
                        emit(sentence, j)
                        sentence = j + 1
                    }
                    j += 1
                }
                if sentence < para.count { emit(sentence, para.count) }
            }
            func line(_ lo: Int, _ hi: Int) {
                var lo = lo, hi = hi
                while lo < hi, u[lo] == space || u[lo] == tab { lo += 1 }
                while hi > lo, u[hi - 1] == space || u[hi - 1] == tab { hi -= 1 }
                let n = hi - lo
                var startsItem = false
                if n > 0 {
                    let c = u[lo]
                    if (c == 0x2D || c == 0x2A) && n >= 2 && u[lo + 1] == space { startsItem = true }
                    else if c == 0x23 { startsItem = true }
                    else if c >= 0x30 && c <= 0x39 {
                        var dotEarly = false
                        for k in lo..<min(hi, lo + 4) where u[k] == dot { dotEarly = true }
                        if dotEarly {
                            var k = lo
                            while k + 1 < hi { if u[k] == dot && u[k + 1] == space { startsItem = true; break }; k += 1 }
                        }
                    }
                }
                if n == 0 || startsItem {
                    endParagraph()
                    if n > 0 { para.append(contentsOf: UnsafeBufferPointer(rebasing: u[lo..<hi])) }
                } else {
                    if !para.isEmpty { para.append(space) }
                    para.append(contentsOf: UnsafeBufferPointer(rebasing: u[lo..<hi]))
                }
            }
            var start = 0
            var i = 0
            while i < u.count {
                let b = u[i]
                if b == 0x0A || b == 0x0D {
                    line(start, i)
                    var next = i + 1
                    if b == 0x0D, next < u.count, u[next] == 0x0A { next += 1 }
                    start = next
                    i = next
                    continue
                }
                i += 1
            }
            if start < u.count { line(start, u.count) }
            endParagraph()
            return (out, ranges)
        }
    }
}

/// Every section of a listed setting's report split into sentences with their term sets (``SentenceCache/Split``),
/// kept by index position for one engine (positions are fixed for its catalogue), so quoting a setting listed for
/// thousands of children neither splits nor hashes its report text again. A pure function of the setting, so
/// caching cannot change an output. Thread-safe; bounded by the bytes of text it holds (past the bound a report
/// is split again, as before).
public final class ReportSplits: @unchecked Sendable {
    private let lock = NSLock()
    private var byPosition: [Int32: [SentenceCache.Split?]] = [:]
    private var bytesHeld = 0
    private let byteLimit: Int

    public init(byteLimit: Int = 256 << 20) { self.byteLimit = byteLimit }

    /// The splits of `setting` (at index `position`), one per ``ReportSection`` in case order.
    func splits(position: Int, setting: Setting) -> [SentenceCache.Split?] {
        let key = Int32(truncatingIfNeeded: position)
        if let s = lock.withLock({ byPosition[key] }) { return s }
        let s = ReportSection.allCases.map { section -> SentenceCache.Split? in
            guard let text = setting.report[section], !text.isEmpty else { return nil }
            return SentenceCache.makeSplit(text)
        }
        let size = s.reduce(0) { $0 + ($1?.bytes.count ?? 0) + 40 * ($1?.count ?? 0) }
        lock.withLock {
            if bytesHeld + size <= byteLimit && byPosition[key] == nil { byPosition[key] = s; bytesHeld += size }
        }
        return s
    }
}
