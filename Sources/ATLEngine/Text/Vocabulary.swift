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

/// Term ids for the vocabulary and the byte-level tokenizer. Tokenizing allocates nothing per token: tokens
/// up to 16 bytes are packed into two integers and looked up in a dictionary of such keys.
public struct Tokenizer: Sendable {
    struct Packed: Hashable, Sendable { var a: UInt64; var b: UInt64 }

    /// Canonical terms, by id.
    public let terms: [String]
    private let map: [Packed: [UInt8]]
    /// Term ids of each concept's query.
    public let conceptTerms: [[UInt8]]

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
        self.terms = terms
        self.map = map
        self.conceptTerms = conceptTerms
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

    /// Calls `term(id)` for each vocabulary term in `text` (a synonym may yield several) and returns the
    /// number of tokens (the BM25 document length contribution).
    @discardableResult
    public func scan(_ text: String, _ term: (UInt8) -> Void) -> Int {
        var text = text
        return text.withUTF8 { scan(bytes: $0, term) }
    }

    public func scan(bytes: UnsafeBufferPointer<UInt8>, _ term: (UInt8) -> Void) -> Int {
        var tokens = 0
        var len = 0
        var overflow = false
        var bytesArr = [UInt8](repeating: 0, count: 20)
        func flush() {
            defer { len = 0; overflow = false }
            guard len > 0 else { return }
            tokens += 1
            guard !overflow else { return }
            // Light stemming on the token bytes.
            var n = len
            if n > 4, bytesArr[n - 3] == UInt8(ascii: "i"), bytesArr[n - 2] == UInt8(ascii: "e"), bytesArr[n - 1] == UInt8(ascii: "s") {
                // -ies → -y ("therapies" → "therapy", "difficulties" → "difficulty")
                bytesArr[n - 3] = UInt8(ascii: "y")
                n -= 2
            } else if n > 3, bytesArr[n - 1] == UInt8(ascii: "s"),
                      bytesArr[n - 2] != UInt8(ascii: "s"), bytesArr[n - 2] != UInt8(ascii: "u"), bytesArr[n - 2] != UInt8(ascii: "i") {
                n -= 1
            }
            guard let key = Tokenizer.pack(bytesArr[0..<n]), let ids = map[key] else { return }
            for id in ids { term(id) }
        }
        var i = 0
        let count = bytes.count
        while i < count {
            let c = bytes[i]
            if (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) {
                if len < 16 { bytesArr[len] = c } else { overflow = true }
                len += 1
            } else if c >= 0x41 && c <= 0x5A {
                if len < 16 { bytesArr[len] = c + 32 } else { overflow = true }
                len += 1
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
                    overflow = true
                    len += 1
                } else {
                    flush()
                }
                i += n - 1
            } else if c >= 0x80 {
                // stray continuation byte: skip
            } else {
                flush()
            }
            i += 1
        }
        flush()
        return tokens
    }
}
