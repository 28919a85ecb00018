import ATLModel
import ATLData
/// The SEND vocabulary the evidence scorer understands: *concepts* (each need code and facility tag) and the
/// terms that evidence them in a report, plus a synonym map that folds the abbreviations and variants reports
/// use onto the same terms ("SaLT" = "speech and language therapy", "ASC" = "autism", "BSL" = "sign").
///
/// Tokens are runs of ASCII letters and digits (hyphens and other punctuation split them).
/// Both report text and queries go through the same pipeline: lower-case → drop apostrophes → light plural
/// stripping (`-ies` → `-y`, trailing `s`) → synonym map. Only terms some concept can ask for are indexed
/// (BM25 sums over query terms, so this is exact for concept queries); every token counts toward length.
public enum Vocabulary {
    /// A concept the evidence score can query: a need code or a facility.
    public enum Concept: Sendable, Hashable, Comparable {
        case need(NeedCode)
        case facility(Facility)

        /// Dense index: needs first, then facilities.
        public var index: Int {
            switch self {
            case .need(let n): n.bit
            case .facility(let f): NeedCode.allCases.count + f.bit
            }
        }
        public static let count = NeedCode.allCases.count + Facility.allCases.count
        public static let all: [Concept] = NeedCode.allCases.map(Concept.need) + Facility.allCases.map(Concept.facility)
        public static func < (a: Concept, b: Concept) -> Bool { a.index < b.index }

        public var title: String {
            switch self {
            case .need(let n): n.title
            case .facility(let f): f.title
            }
        }
        public var key: String {
            switch self {
            case .need(let n): "need." + n.rawValue
            case .facility(let f): "facility." + f.rawValue
            }
        }
    }

    /// Query terms per concept (already canonical).
    static func queryTerms(_ c: Concept) -> [String] {
        switch c {
        case .need(let n):
            switch n {
            case .ASD: ["autism", "sensory", "routine", "visual"]
            case .SLCN: ["speech", "language", "communication"]
            case .SPLD: ["dyslexia", "dyscalculia", "dyspraxia", "specific", "literacy"]
            case .MLD: ["moderate", "learning", "difficulty"]
            case .SLD: ["severe", "learning", "difficulty", "makaton"]
            case .PMLD: ["profound", "multiple", "intensive", "interaction"]
            case .SEMH: ["social", "emotional", "mental", "health", "anxiety", "regulation", "wellbeing"]
            case .HI: ["deaf", "hearing", "impairment", "sign", "audiology"]
            case .VI: ["visual", "vision", "impairment", "braille", "blind", "habilitation"]
            case .MSI: ["multi", "sensory", "impairment", "deafblind"]
            case .PD: ["physical", "disability", "wheelchair", "mobility", "physiotherapy"]
            case .OTH: ["medical", "condition", "health"]
            case .NSA: ["support"]
            }
        case .facility(let f):
            switch f {
            case .saltOnsite: ["speech", "language", "therapy"]
            case .otOnsite: ["occupational", "therapy"]
            case .physioOnsite: ["physiotherapy"]
            case .nurseOnsite: ["nurse", "medical"]
            case .counselling: ["counselling", "mental", "health"]
            case .hoist: ["hoist", "moving", "handling"]
            case .changingPlaces: ["changing", "hygiene"]
            case .lift: ["lift"]
            case .stepFree: ["step", "ramp", "wheelchair"]
            case .sensoryRoom: ["sensory", "room"]
            case .quietSpace: ["quiet", "calm"]
            case .smallClasses: ["small", "class"]
            case .highStaffing: ["staff", "ratio", "adult"]
            case .signing: ["sign"]
            case .makaton: ["makaton"]
            case .aac: ["augmentative", "alternative", "communication"]
            case .qtod: ["qualified", "teacher", "deaf"]
            case .radioAids: ["radio", "aid", "acoustic"]
            case .qtvi: ["qualified", "teacher", "visual"]
            case .braille: ["braille", "tactile"]
            case .hydrotherapy: ["hydrotherapy", "pool"]
            case .nurtureGroup: ["nurture"]
            case .residential: ["residential", "boarding"]
            case .singleStorey: ["storey", "level"]
            }
        }
    }

    /// Token (after plural stripping) → canonical terms. Identity entries for every query term are added.
    static let synonyms: [String: [String]] = [
        "salt": ["speech", "language", "therapy"], "slt": ["speech", "language", "therapy"],
        "asd": ["autism"], "asc": ["autism"], "autistic": ["autism"],
        "slcn": ["speech", "language", "communication"],
        "semh": ["social", "emotional", "mental", "health"],
        "mld": ["moderate", "learning", "difficulty"], "sld": ["severe", "learning", "difficulty"],
        "pmld": ["profound", "multiple", "learning", "difficulty"],
        "spld": ["specific", "learning", "difficulty"], "dyslexic": ["dyslexia"],
        "hi": ["hearing", "impairment"], "vi": ["visual", "impairment"], "msi": ["multi", "sensory", "impairment"],
        "pd": ["physical", "disability"], "disabilitie": ["disability"], "disabled": ["disability"],
        "bsl": ["sign"], "signing": ["sign"], "signed": ["sign"], "sse": ["sign"],
        "therapist": ["therapy"], "therapie": ["therapy"], "therapeutic": ["therapy"],
        "physio": ["physiotherapy"], "physiotherapist": ["physiotherapy"],
        "ot": ["occupational", "therapy"],
        "qtod": ["qualified", "teacher", "deaf"], "tod": ["teacher", "deaf"],
        "qtvi": ["qualified", "teacher", "visual"],
        "aac": ["augmentative", "alternative", "communication"],
        "hoisting": ["hoist"], "counsellor": ["counselling"], "counseling": ["counselling"],
        "classe": ["class"], "classroom": ["class"], "deafness": ["deaf"],
        "visually": ["visual"], "sight": ["vision"], "nursing": ["nurse"], "medically": ["medical"],
        "boarder": ["boarding"], "calming": ["calm"], "anxious": ["anxiety"],
        "dysregulation": ["regulation"], "emotionally": ["emotional"], "socially": ["social"],
        "difficultie": ["difficulty"],
    ]
}

/// Term ids for the vocabulary and the byte-level tokenizer. Tokenizing allocates nothing and hashes nothing per
/// token: each token's bytes (up to 16) are packed into two integers as they are read, stemmed in place, and
/// looked up in a small open-addressing table of such keys with a multiply-shift hash.
public struct Tokenizer: Sendable {
    /// A token of up to 16 bytes, byte k at bits 8k… of `a` (k < 8) or of `b` (k ≥ 8); unused bytes are zero.
    struct Packed: Hashable, Sendable { var a: UInt64; var b: UInt64 }

    /// Canonical terms, by id.
    public let terms: [String]
    /// Term ids of each concept's query.
    public let conceptTerms: [[UInt8]]
    /// The lookup table: slot → key, and the key's term ids as `ids[idStart[slot] ..< idStart[slot] + idCount[slot]]`.
    /// A slot whose key's `a` is 0 is empty (every key has at least one byte).
    private let slotA: [UInt64]
    private let slotB: [UInt64]
    private let idStart: [UInt16]
    private let idCount: [UInt8]
    private let ids: [UInt8]
    private static let slotBits = 10

    public static let shared = Tokenizer()

    init() {
        var terms: [String] = []
        var id: [String: UInt8] = [:]
        func intern(_ t: String) -> UInt8 {
            if let i = id[t] { return i }
            let i = UInt8(terms.count)
            terms.append(t)
            id[t] = i
            return i
        }
        var conceptTerms: [[UInt8]] = []
        for c in Vocabulary.Concept.all {
            conceptTerms.append(Vocabulary.queryTerms(c).map(intern))
        }
        var map: [Packed: [UInt8]] = [:]
        for t in terms { map[Tokenizer.pack(Array(t.utf8))!] = [id[t]!] }
        for (k, v) in Vocabulary.synonyms {
            map[Tokenizer.pack(Array(k.utf8))!] = v.map(intern)
        }
        precondition(terms.count < 255)
        let size = 1 << Tokenizer.slotBits
        precondition(map.count < size / 4, "the vocabulary outgrew the token table")
        var slotA = [UInt64](repeating: 0, count: size), slotB = [UInt64](repeating: 0, count: size)
        var idStart = [UInt16](repeating: 0, count: size), idCount = [UInt8](repeating: 0, count: size)
        var ids: [UInt8] = []
        // Sorted, so the table's layout does not depend on the dictionary's order.
        for (key, values) in map.sorted(by: { ($0.key.a, $0.key.b) < ($1.key.a, $1.key.b) }) {
            var slot = Tokenizer.slot(key.a, key.b)
            while slotA[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slotA[slot] = key.a
            slotB[slot] = key.b
            idStart[slot] = UInt16(ids.count)
            idCount[slot] = UInt8(values.count)
            ids += values
        }
        self.terms = terms
        self.conceptTerms = conceptTerms
        self.slotA = slotA
        self.slotB = slotB
        self.idStart = idStart
        self.idCount = idCount
        self.ids = ids
    }

    static func pack(_ bytes: some Collection<UInt8>) -> Packed? {
        guard bytes.count <= 16 else { return nil }
        var a: UInt64 = 0, b: UInt64 = 0, i = 0
        for byte in bytes {
            if i < 8 { a |= UInt64(byte) << (8 * UInt64(i)) } else { b |= UInt64(byte) << (8 * UInt64(i - 8)) }
            i += 1
        }
        return Packed(a: a, b: b)
    }

    @inline(__always) static func slot(_ a: UInt64, _ b: UInt64) -> Int {
        Int(truncatingIfNeeded: ((a ^ (b &* 0x9E37_79B9_7F4A_7C15)) &* 0xFF51_AFD7_ED55_8CCD) >> UInt64(64 - slotBits))
    }

    /// The term ids a packed (stemmed) token yields, as a range of ``ids``; empty when it is not in the vocabulary.
    @inline(__always) func lookup(_ a: UInt64, _ b: UInt64) -> Range<Int> {
        var slot = Tokenizer.slot(a, b)
        while true {
            let sa = slotA[slot]
            if sa == 0 { return 0..<0 }
            if sa == a && slotB[slot] == b {
                let start = Int(idStart[slot])
                return start..<(start + Int(idCount[slot]))
            }
            slot = (slot + 1) & ((1 << Tokenizer.slotBits) - 1)
        }
    }

    /// Calls `term(id)` for each vocabulary term in `text` (a synonym may yield several) and returns the
    /// number of tokens (the BM25 document length contribution).
    @discardableResult
    public func scan(_ text: String, _ term: (UInt8) -> Void) -> Int {
        var text = text
        return text.withUTF8 { scan(bytes: $0, term) }
    }

    /// Tokens are runs of ASCII letters and digits, lower-cased, with apostrophes (' and ’) inside a word
    /// dropped; a non-ASCII letter or digit joins the token and keeps it out of the vocabulary; other non-ASCII
    /// characters and ASCII punctuation separate tokens. Light stemming: `-ies` → `-y` (over 4 bytes), and a
    /// trailing `s` dropped (over 3 bytes) unless after `s`, `u` or `i`.
    public func scan(bytes: UnsafeBufferPointer<UInt8>, _ term: (UInt8) -> Void) -> Int {
        var tokens = 0
        var t = Token()
        var i = 0
        let count = bytes.count
        while i < count {
            let c = bytes[i]
            if (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) {
                t.add(c)
            } else if c >= 0x41 && c <= 0x5A {
                t.add(c + 32)
            } else if c == UInt8(ascii: "'") {
                // apostrophe inside a word: skip it ("children's" → "childrens")
            } else if c == 0xE2, i + 2 < count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 {
                i += 2 // ’
            } else if c >= 0xC0 {
                // Non-ASCII: a letter joins the token (which no ASCII term can then match); punctuation such
                // as dashes and curly quotes separates tokens.
                let n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
                var v = UInt32(c) & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07)
                var k = 1
                while k < n, i + k < count { v = v << 6 | UInt32(bytes[i + k] & 0x3F); k += 1 }
                if let u = Unicode.Scalar(v), u.properties.isAlphabetic || u.properties.numericType != nil {
                    t.outOfVocabulary = true
                    t.len += 1
                } else {
                    flush(&t, &tokens, term)
                }
                i += n - 1
            } else if c >= 0x80 {
                // stray continuation byte: skip
            } else {
                flush(&t, &tokens, term)
            }
            i += 1
        }
        flush(&t, &tokens, term)
        return tokens
    }

    /// The token being read: its first 16 bytes packed as in ``Packed``, its length, and whether it can still
    /// be a vocabulary word. A value passed `inout` (not state captured by nested functions, which costs a
    /// dynamic exclusivity check per access).
    struct Token {
        var a: UInt64 = 0
        var b: UInt64 = 0
        /// Bytes in the token so far, including any past the 16 kept.
        var len = 0
        /// Longer than 16 bytes, or holding a non-ASCII letter.
        var outOfVocabulary = false

        @inline(__always) mutating func add(_ c: UInt8) {
            if len < 8 { a |= UInt64(c) << UInt64(8 * len) }
            else if len < 16 { b |= UInt64(c) << UInt64(8 * (len - 8)) }
            else { outOfVocabulary = true }
            len += 1
        }

        @inline(__always) func byte(_ k: Int) -> UInt64 {
            k < 8 ? (a >> UInt64(8 * k)) & 0xFF : (b >> UInt64(8 * (k - 8))) & 0xFF
        }

        /// Clears bytes k… of the packed token.
        @inline(__always) mutating func cut(_ k: Int) {
            if k < 8 { a &= k == 0 ? 0 : (UInt64.max >> UInt64(64 - 8 * k)); b = 0 }
            else if k < 16 { b &= k == 8 ? 0 : (UInt64.max >> UInt64(64 - 8 * (k - 8))) }
        }

        /// Light stemming in place: `-ies` → `-y` (over 4 bytes); a trailing `s` dropped (over 3 bytes) unless
        /// after `s`, `u` or `i`.
        @inline(__always) mutating func stem() {
            let n = len
            if n > 4, byte(n - 3) == 0x69, byte(n - 2) == 0x65, byte(n - 1) == 0x73 {
                cut(n - 3)
                if n - 3 < 8 { a |= 0x79 << UInt64(8 * (n - 3)) } else { b |= 0x79 << UInt64(8 * (n - 11)) }
            } else if n > 3, byte(n - 1) == 0x73 {
                let p = byte(n - 2)
                if p != 0x73 && p != 0x75 && p != 0x69 { cut(n - 1) }
            }
        }
    }

    /// Ends the token being read: counts it, stems it and reports its term ids, and starts a new one.
    @inline(__always)
    private func flush(_ t: inout Token, _ tokens: inout Int, _ term: (UInt8) -> Void) {
        if t.len == 0 { return }
        tokens += 1
        if !t.outOfVocabulary {
            t.stem()
            for k in lookup(t.a, t.b) { term(ids[k]) }
        }
        t = Token()
    }
}
