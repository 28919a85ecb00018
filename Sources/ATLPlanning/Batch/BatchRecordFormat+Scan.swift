import ATLModel
import ATLEngine

/// The fast path of ``BatchRecordFormat/read(_:file:)`` for `listed` records: one strict pass over the line's
/// bytes that checks the whole line is well-formed JSON and picks out only the fields allocation uses, without
/// building `JSONSerialization`'s tree of objects (about 15 KB of explanation per child that allocation never
/// looks at).
///
/// It never decides anything the old reader would decide differently: it returns nil — and the line goes
/// through the old reader (``record(_:file:line:)``), which gives the record or the exact error as before — for
/// anything it is not sure of: an error record, a missing or mistyped field, a value out of range, a key given
/// twice, an escape in a string it reads, a lone surrogate, a control character, invalid UTF-8, a number with an
/// exponent or more than 24 characters, nesting deeper than 64, anything after the object. What it returns is
/// therefore exactly what the old reader returns (tested on real batch records and fuzzed ones).
extension BatchRecordFormat {
    static func scanListed(_ line: UnsafeBufferPointer<UInt8>, file: String, line n: Int) -> (ListedChild, row: Int)? {
        var s = RecordScanner(line)
        return try? s.listedRecord(file: file, line: n)
    }
}

/// Gives up: the line goes through the old reader.
struct ScanBail: Error {}

struct RecordScanner {
    let p: UnsafeBufferPointer<UInt8>
    var i = 0
    var depth = 0

    init(_ p: UnsafeBufferPointer<UInt8>) { self.p = p }

    // MARK: The record

    private static let kSchema = Array("schema".utf8), kRow = Array("row".utf8), kSource = Array("source".utf8)
    private static let kReference = Array("reference".utf8), kStatus = Array("status".utf8), kList = Array("list".utf8)
    private static let kSyntheticChild = Array("synthetic_child".utf8), kFictional = Array("fictional_catalogue".utf8)
    private static let kSyntheticCatalogue = Array("synthetic_catalogue".utf8), kProfile = Array("profile".utf8)
    private static let kStamp = Array("stamp".utf8), kEntries = Array("entries".utf8), kPrimaryNeed = Array("primary_need".utf8)
    private static let kCode = Array("code".utf8), kCatalogueHash = Array("catalogue_hash".utf8), kRank = Array("rank".utf8)
    private static let kURN = Array("urn".utf8), kScore = Array("score".utf8), kDistance = Array("distance_km".utf8)
    private static let kBand = Array("band".utf8)
    private static let batchSchema = Array(BatchRecordFormat.schema.utf8), listSchema = Array(ListJSON.schema.utf8)
    private static let listedStatus = Array("listed".utf8)

    mutating func listedRecord(file: String, line n: Int) throws(ScanBail) -> (ListedChild, row: Int) {
        skipSpace()
        var seen: UInt32 = 0
        var row: Int?, reference: String?, list: ListJSON.Record?
        var schemaOK = false, statusOK = false, sourceOK = false
        try beginObject()
        var more = try firstMember()
        while more {
            let k = try keyAndColon()
            do {
                if keyIs(k, Self.kSchema) {
                    try once(&seen, 1); schemaOK = try plainString().map { keyIs($0, Self.batchSchema) } ?? false
                } else if keyIs(k, Self.kRow) {
                    try once(&seen, 2); row = try wholeNumber()
                } else if keyIs(k, Self.kSource) {
                    try once(&seen, 4); try skipString(); sourceOK = true
                } else if keyIs(k, Self.kReference) {
                    try once(&seen, 8); reference = try plainString().map { text($0) }
                } else if keyIs(k, Self.kStatus) {
                    try once(&seen, 16); statusOK = try plainString().map { keyIs($0, Self.listedStatus) } ?? false
                } else if keyIs(k, Self.kList) {
                    try once(&seen, 32); list = try listObject()
                } else {
                    try skipValue()
                }
            }
            more = try nextMember()
        }
        skipSpace()
        guard i == p.count, schemaOK, statusOK, sourceOK, let row, let reference, !reference.isEmpty, let list,
              list.reference == reference else { throw ScanBail() }
        return (ListedChild(reference: reference, primaryNeed: list.primaryNeed, synthetic: list.syntheticChild,
                            fictionalCatalogue: list.fictionalCatalogue, catalogueHash: list.catalogueHash, file: file,
                            line: n, entries: list.entries, syntheticCatalogue: list.syntheticCatalogue), row)
    }

    mutating func listObject() throws(ScanBail) -> ListJSON.Record {
        var seen: UInt32 = 0
        var schemaOK = false
        var synthetic: Bool?, fictional: Bool?, syntheticCatalogue = false
        var reference: String?, need: NeedCode?, hash: String?
        var entries: [ListJSON.Record.Entry]?
        try beginObject()
        var more = try firstMember()
        while more {
            let k = try keyAndColon()
            if keyIs(k, Self.kSchema) {
                try once(&seen, 1); schemaOK = try plainString().map { keyIs($0, Self.listSchema) } ?? false
            } else if keyIs(k, Self.kSyntheticChild) {
                try once(&seen, 2); synthetic = try boolean()
            } else if keyIs(k, Self.kFictional) {
                try once(&seen, 4); fictional = try boolean()
            } else if keyIs(k, Self.kSyntheticCatalogue) {
                try once(&seen, 8); syntheticCatalogue = try boolean()
            } else if keyIs(k, Self.kProfile) {
                try once(&seen, 16); (reference, need) = try profileObject()
            } else if keyIs(k, Self.kStamp) {
                try once(&seen, 32); hash = try stampObject()
            } else if keyIs(k, Self.kEntries) {
                try once(&seen, 64); entries = try entryArray()
            } else {
                try skipValue()
            }
            more = try nextMember()
        }
        guard schemaOK, let synthetic, let fictional, let reference, let need, let entries else { throw ScanBail() }
        return ListJSON.Record(reference: reference, primaryNeed: need, syntheticChild: synthetic, fictionalCatalogue: fictional,
                               syntheticCatalogue: syntheticCatalogue, catalogueHash: hash, entries: entries)
    }

    mutating func profileObject() throws(ScanBail) -> (String, NeedCode) {
        var seen: UInt32 = 0
        var reference: String?, need: NeedCode?
        try beginObject()
        var more = try firstMember()
        while more {
            let k = try keyAndColon()
            if keyIs(k, Self.kReference) {
                try once(&seen, 1); reference = try plainString().map { text($0) }
            } else if keyIs(k, Self.kPrimaryNeed) {
                try once(&seen, 2)
                var seenCode: UInt32 = 0
                try beginObject()
                var inner = try firstMember()
                while inner {
                    let k2 = try keyAndColon()
                    if keyIs(k2, Self.kCode) {
                        try once(&seenCode, 1)
                        need = try plainString().flatMap { NeedCode(parsing: text($0)) }
                    } else {
                        try skipValue()
                    }
                    inner = try nextMember()
                }
            } else {
                try skipValue()
            }
            more = try nextMember()
        }
        guard let reference, let need else { throw ScanBail() }
        return (reference, need)
    }

    mutating func stampObject() throws(ScanBail) -> String? {
        var seen: UInt32 = 0
        var hash: String?
        try beginObject()
        var more = try firstMember()
        while more {
            let k = try keyAndColon()
            if keyIs(k, Self.kCatalogueHash) {
                try once(&seen, 1)
                // The old reader takes `as? String`: anything else is no hash. Only a plain string is taken here.
                guard let r = try plainString() else { throw ScanBail() }
                hash = text(r)
            } else {
                try skipValue()
            }
            more = try nextMember()
        }
        return hash
    }

    mutating func entryArray() throws(ScanBail) -> [ListJSON.Record.Entry] {
        var entries: [ListJSON.Record.Entry] = []
        try expect(UInt8(ascii: "["))
        try enter()
        skipSpace()
        if peek() == UInt8(ascii: "]") { i += 1; depth -= 1; return entries }
        while true {
            skipSpace()
            let e = try entryObject()
            if let last = entries.last, e.rank <= last.rank { throw ScanBail() }
            entries.append(e)
            skipSpace()
            let c = try next()
            if c == UInt8(ascii: "]") { break }
            guard c == UInt8(ascii: ",") else { throw ScanBail() }
        }
        depth -= 1
        return entries
    }

    mutating func entryObject() throws(ScanBail) -> ListJSON.Record.Entry {
        var seen: UInt32 = 0
        var rank: Int?, urn: Int?, score: Double?, km: Double?? = .none, band: EntryBand?
        try beginObject()
        var more = try firstMember()
        while more {
            let k = try keyAndColon()
            if keyIs(k, Self.kRank) {
                try once(&seen, 1); rank = try wholeNumber()
                guard rank! >= 1 else { throw ScanBail() }
            } else if keyIs(k, Self.kURN) {
                try once(&seen, 2); urn = try wholeNumber()
                guard urn! >= 1 else { throw ScanBail() }
            } else if keyIs(k, Self.kScore) {
                try once(&seen, 4)
                let d = try decimal(allowNegative: true)
                guard abs(d) <= 1_000_000 else { throw ScanBail() }
                score = d
            } else if keyIs(k, Self.kDistance) {
                try once(&seen, 8)
                if try literalNull() { km = .some(nil) } else { km = .some(try decimal(allowNegative: false)) }
            } else if keyIs(k, Self.kBand) {
                try once(&seen, 16)
                guard let r = try plainString(), let b = EntryBand(rawValue: text(r)) else { throw ScanBail() }
                band = b
            } else {
                try skipValue()
            }
            more = try nextMember()
        }
        guard let rank, let urn, let score, case .some(let distance) = km else { throw ScanBail() }
        return .init(rank: rank, urn: urn, milli: Int32((score * 1000).rounded(.toNearestOrAwayFromZero)), distanceKm: distance,
                     band: band)
    }

    // MARK: Values read

    /// Each field read may be given once (which of two the old reader's dictionary keeps is not this reader's
    /// to guess).
    @inline(__always) func once(_ seen: inout UInt32, _ bit: UInt32) throws(ScanBail) {
        guard seen & bit == 0 else { throw ScanBail() }
        seen |= bit
    }

    @inline(__always) func keyIs(_ r: Range<Int>, _ k: [UInt8]) -> Bool {
        guard r.count == k.count else { return false }
        var j = r.lowerBound
        for b in k {
            if p[j] != b { return false }
            j += 1
        }
        return true
    }

    func text(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: p[r]), as: UTF8.self) }

    /// A string value with no escape (its bytes are its text), or nil when it has one; any other value bails.
    mutating func plainString() throws(ScanBail) -> Range<Int>? {
        guard peek() == UInt8(ascii: "\"") else { throw ScanBail() }
        let (r, escaped) = try string()
        return escaped ? nil : r
    }

    mutating func boolean() throws(ScanBail) -> Bool {
        if matchLiteral("true") { return true }
        if matchLiteral("false") { return false }
        throw ScanBail()
    }

    mutating func literalNull() throws(ScanBail) -> Bool { matchLiteral("null") }

    /// A non-negative integer of at most 15 digits written without fraction or exponent.
    mutating func wholeNumber() throws(ScanBail) -> Int {
        let r = try number()
        guard r.count <= 15 else { throw ScanBail() }
        var v = 0
        for j in r {
            let d = Int(p[j]) - 48
            guard d >= 0 && d <= 9 else { throw ScanBail() }
            v = v * 10 + d
        }
        return v
    }

    /// A number without exponent, converted as the old reader's `NSNumber.doubleValue` does (correctly rounded).
    mutating func decimal(allowNegative: Bool) throws(ScanBail) -> Double {
        let r = try number()
        if !allowNegative && p[r.lowerBound] == UInt8(ascii: "-") { throw ScanBail() }
        var hasPoint = false
        for j in r where p[j] == UInt8(ascii: ".") { hasPoint = true }
        if !hasPoint {
            // An integer token: the old reader holds it as an integer NSNumber; beyond 15 digits, leave it to it.
            guard r.count <= 16 else { throw ScanBail() }
        }
        guard let d = Double(text(r)), d.isFinite else { throw ScanBail() }
        return d
    }

    // MARK: JSON grammar

    @inline(__always) func peek() -> UInt8 { i < p.count ? p[i] : 0 }

    @inline(__always) mutating func next() throws(ScanBail) -> UInt8 {
        guard i < p.count else { throw ScanBail() }
        defer { i += 1 }
        return p[i]
    }

    @inline(__always) mutating func skipSpace() {
        while i < p.count {
            let c = p[i]
            guard c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A else { return }
            i += 1
        }
    }

    mutating func expect(_ c: UInt8) throws(ScanBail) {
        skipSpace()
        guard try next() == c else { throw ScanBail() }
    }

    mutating func enter() throws(ScanBail) {
        depth += 1
        guard depth <= 64 else { throw ScanBail() }
    }

    mutating func beginObject() throws(ScanBail) {
        try expect(UInt8(ascii: "{"))
        try enter()
    }

    /// After `{`: true when a member follows, false at once at `}` (and the object is closed).
    mutating func firstMember() throws(ScanBail) -> Bool {
        skipSpace()
        if peek() == UInt8(ascii: "}") { i += 1; depth -= 1; return false }
        return true
    }

    /// After a member's value: true after `,`, false after `}` (the object is closed).
    mutating func nextMember() throws(ScanBail) -> Bool {
        skipSpace()
        let c = try next()
        if c == UInt8(ascii: ",") { return true }
        guard c == UInt8(ascii: "}") else { throw ScanBail() }
        depth -= 1
        return false
    }

    /// A member's key and its colon. A key with an escape bails (it could spell a field that is read).
    mutating func keyAndColon() throws(ScanBail) -> Range<Int> {
        skipSpace()
        guard peek() == UInt8(ascii: "\"") else { throw ScanBail() }
        let (r, escaped) = try string()
        if escaped { throw ScanBail() }
        try expect(UInt8(ascii: ":"))
        skipSpace()
        return r
    }

    mutating func matchLiteral(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard p.count - i >= n else { return false }
        let w = word.utf8Start
        for j in 0..<n where p[i + j] != w[j] { return false }
        i += n
        return true
    }

    /// A string at `"`: the range of its raw contents and whether it has an escape. Strict: a control character,
    /// DEL, invalid UTF-8, an unknown escape or a surrogate escape bails.
    mutating func string() throws(ScanBail) -> (Range<Int>, Bool) {
        i += 1
        let start = i
        var escaped = false
        while true {
            guard i < p.count else { throw ScanBail() }
            let c = p[i]
            if c == UInt8(ascii: "\"") { i += 1; return (start..<(i - 1), escaped) }
            if c == UInt8(ascii: "\\") {
                escaped = true
                guard i + 1 < p.count else { throw ScanBail() }
                switch p[i + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    i += 2
                case UInt8(ascii: "u"):
                    guard i + 6 <= p.count else { throw ScanBail() }
                    var v: UInt32 = 0
                    for j in (i + 2)..<(i + 6) {
                        let h = p[j]
                        let d: UInt8
                        switch h {
                        case 0x30...0x39: d = h - 0x30
                        case 0x41...0x46: d = h - 0x41 + 10
                        case 0x61...0x66: d = h - 0x61 + 10
                        default: throw ScanBail()
                        }
                        v = v << 4 | UInt32(d)
                    }
                    guard v != 0, !(0xD800...0xDFFF).contains(v) else { throw ScanBail() }
                    i += 6
                default:
                    throw ScanBail()
                }
            } else if c < 0x80 {
                guard c >= 0x20 && c != 0x7F else { throw ScanBail() }
                i += 1
            } else {
                try utf8Sequence()
            }
        }
    }

    /// One multi-byte UTF-8 sequence at `i` (well-formed per Unicode table 3-7), or bail.
    mutating func utf8Sequence() throws(ScanBail) {
        let c = p[i]
        @inline(__always) func cont(_ j: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) throws(ScanBail) {
            guard j < p.count, p[j] >= lo, p[j] <= hi else { throw ScanBail() }
        }
        switch c {
        case 0xC2...0xDF: try cont(i + 1); i += 2
        case 0xE0: try cont(i + 1, 0xA0); try cont(i + 2); i += 3
        case 0xE1...0xEC, 0xEE...0xEF: try cont(i + 1); try cont(i + 2); i += 3
        case 0xED: try cont(i + 1, 0x80, 0x9F); try cont(i + 2); i += 3
        case 0xF0: try cont(i + 1, 0x90); try cont(i + 2); try cont(i + 3); i += 4
        case 0xF1...0xF3: try cont(i + 1); try cont(i + 2); try cont(i + 3); i += 4
        case 0xF4: try cont(i + 1, 0x80, 0x8F); try cont(i + 2); try cont(i + 3); i += 4
        default: throw ScanBail()
        }
    }

    mutating func skipString() throws(ScanBail) {
        guard peek() == UInt8(ascii: "\"") else { throw ScanBail() }
        _ = try string()
    }

    /// A number token per RFC 8259 without exponent, at most 24 characters: its range.
    mutating func number() throws(ScanBail) -> Range<Int> {
        let start = i
        if peek() == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        while i < p.count, p[i] >= 0x30, p[i] <= 0x39 { i += 1 }
        let digits = i - intStart
        guard digits > 0, !(digits > 1 && p[intStart] == 0x30) else { throw ScanBail() }
        if peek() == UInt8(ascii: ".") {
            i += 1
            let f = i
            while i < p.count, p[i] >= 0x30, p[i] <= 0x39 { i += 1 }
            guard i > f else { throw ScanBail() }
        }
        let c = peek()
        guard c != UInt8(ascii: "e"), c != UInt8(ascii: "E"), i - start <= 24 else { throw ScanBail() }
        return start..<i
    }

    mutating func skipValue() throws(ScanBail) {
        skipSpace()
        switch peek() {
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "{"):
            try beginObject()
            var more = try firstMember()
            while more {
                _ = try keyAndColon()
                try skipValue()
                more = try nextMember()
            }
        case UInt8(ascii: "["):
            i += 1
            try enter()
            skipSpace()
            if peek() == UInt8(ascii: "]") { i += 1; depth -= 1; return }
            while true {
                try skipValue()
                skipSpace()
                let c = try next()
                if c == UInt8(ascii: "]") { break }
                guard c == UInt8(ascii: ",") else { throw ScanBail() }
            }
            depth -= 1
        case UInt8(ascii: "t"): guard matchLiteral("true") else { throw ScanBail() }
        case UInt8(ascii: "f"): guard matchLiteral("false") else { throw ScanBail() }
        case UInt8(ascii: "n"): guard matchLiteral("null") else { throw ScanBail() }
        case UInt8(ascii: "-"), 0x30...0x39: _ = try number()
        default: throw ScanBail()
        }
    }
}
