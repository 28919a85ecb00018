import ATLModel
import Foundation

/// Postcode → British National Grid point and administrative district, loaded from the compact file the
/// repository ships (`provision-catalogue/geography/postcodes-west-midlands.txt`, built by
/// `atl import-postcodes` from the ONS/OS open data; see that folder's PROVENANCE.md).
///
/// File format (UTF-8, one line each, sorted):
/// ```
/// # comments
/// @TF1 E06000020            ← an outward code and its usual district
/// 1AA 369123 310456         ← inward code, easting, northing (district as above)
/// 1AB 369200 310500 E06000051  ← a fourth column overrides the district
/// ```
/// Lookups are O(log n) binary searches over packed keys; an outward code alone ("TF1") resolves to the mean
/// of its postcodes (marked approximate).
public struct PostcodeLookup: Sendable {
    /// How exactly a location was found.
    public enum Precision: String, Sendable { case postcode, outcode }

    public struct Match: Sendable, Equatable {
        public var postcode: String
        public var point: GridPoint
        public var districtCode: String
        public var precision: Precision
    }

    private var keys: [UInt64] = []
    private var eastings: [Int32] = []
    private var northings: [Int32] = []
    private var districtIndex: [UInt16] = []
    public private(set) var districtCodes: [String] = []
    private var outcodes: [String: (point: GridPoint, district: UInt16)] = [:]

    public var count: Int { keys.count }

    /// The postcode areas (the letters that start an outward code: "B", "TF") the loaded file holds, sorted.
    public var areas: [String] {
        Set(outcodes.keys.map { String($0.prefix { $0.isLetter }) }).sorted()
    }

    /// The file's `# Source: ...` comment line (without "# "), if it has one.
    public private(set) var sourceNote: String?

    /// What the loaded file covers, for messages: "1234 postcodes in the B, DY and TF areas; Source: ...".
    public var coverage: String {
        let a = areas
        let list = a.count <= 1 ? a.joined() : a.dropLast().joined(separator: ", ") + " and " + a.last!
        return "\(count) postcode\(count == 1 ? "" : "s") in the \(list) area\(a.count == 1 ? "" : "s")"
            + (sourceNote.map { "; \($0)" } ?? "")
    }

    public init() {}

    /// Packs a postcode into 6 bits per character (A–Z, 0–9): the outward code left-aligned in 4 slots, then
    /// the 3-character inward code. Sorting by key keeps each outward code's postcodes together (B1 < B10).
    static func pack(outward: some Collection<UInt8>, inward: some Collection<UInt8>) -> UInt64? {
        guard (2...4).contains(outward.count), inward.count == 3 else { return nil }
        var k: UInt64 = 0
        func add(_ b: UInt8) -> Bool {
            let v: UInt64
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = UInt64(b - UInt8(ascii: "0")) + 1
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): v = UInt64(b - UInt8(ascii: "A")) + 11
            default: return false
            }
            k = k << 6 | v
            return true
        }
        for b in outward { guard add(b) else { return nil } }
        k <<= 6 * UInt64(4 - outward.count)
        for b in inward { guard add(b) else { return nil } }
        return k
    }

    static func pack(_ normalised: String) -> UInt64? {
        let parts = normalised.utf8.split(separator: UInt8(ascii: " "))
        guard parts.count == 2 else { return nil }
        return pack(outward: parts[0], inward: parts[1])
    }

    /// Looks up a full postcode ("tf1 1aa", "TF11AA") or an outward code ("TF1").
    public func locate(_ raw: String) -> Match? {
        if let pc = Postcode.normalise(raw) {
            guard let k = PostcodeLookup.pack(pc) else { return nil }
            var lo = 0, hi = keys.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if keys[mid] < k { lo = mid + 1 } else { hi = mid }
            }
            guard lo < keys.count, keys[lo] == k else { return nil }
            return Match(postcode: pc, point: GridPoint(easting: Int(eastings[lo]), northing: Int(northings[lo])),
                         districtCode: districtCodes[Int(districtIndex[lo])], precision: .postcode)
        }
        let oc = raw.trimmedSpaces.uppercased()
        if Postcode.isOutcode(oc), let o = outcodes[oc] {
            return Match(postcode: oc, point: o.point, districtCode: districtCodes[Int(o.district)], precision: .outcode)
        }
        return nil
    }

    /// Every postcode whose district is in `districts`, in file order (for placing fictional settings and
    /// synthetic homes at realistic locations).
    public func entries(inDistricts districts: Set<String>) -> [(postcode: String, point: GridPoint, district: String)] {
        var out: [(String, GridPoint, String)] = []
        for i in keys.indices {
            let d = districtCodes[Int(districtIndex[i])]
            guard districts.contains(d) else { continue }
            out.append((PostcodeLookup.unpack(keys[i]), GridPoint(easting: Int(eastings[i]), northing: Int(northings[i])), d))
        }
        return out
    }

    static func unpack(_ key: UInt64) -> String {
        func char(_ v: Int) -> Character {
            v <= 10 ? Character(String(v - 1)) : Character(UnicodeScalar(UInt8(v - 11) + UInt8(ascii: "A")))
        }
        var outward = "", inward = ""
        for i in (0..<7).reversed() {
            let v = Int((key >> (6 * UInt64(i))) & 63)
            if v == 0 { continue }
            if i >= 3 { outward.append(char(v)) } else { inward.append(char(v)) }
        }
        return outward + " " + inward
    }

    // MARK: Loading

    public static func load(path: String) throws(ATLError) -> PostcodeLookup {
        try parse(InputFile.read(path, what: "postcode lookup", limit: InputFile.Limit.postcodeLookup), file: path)
    }

    /// Parses the compact format. Errors name the line: malformed or unsorted lines, coordinates outside
    /// Great Britain, and a file holding no postcode at all.
    ///
    /// Every command that locates a home pays for this at start-up (142,000 lines for the West Midlands file), so
    /// postcode lines are read straight from the bytes: fields found by index, numbers parsed without a String,
    /// and each outward code's running mean kept per block rather than looked up per line. Only `@` lines,
    /// district overrides and comments build Strings. Same checks, in the same order, with the same messages.
    public static func parse(_ bytes: [UInt8], file: String) throws(ATLError) -> PostcodeLookup {
        var l = PostcodeLookup()
        var districtByCode: [String: UInt16] = [:]
        func district(_ code: Substring, line: Int) throws(ATLError) -> UInt16 {
            let c = String(code)
            if let i = districtByCode[c] { return i }
            guard c.count == 9 else { throw ATLError(code: "postcodes.bad-district-code", file: file, line: line, field: "district", "\"\(c)\" is not a GSS district code") }
            let i = UInt16(l.districtCodes.count)
            l.districtCodes.append(c)
            districtByCode[c] = i
            return i
        }
        var outcode: [UInt8] = []
        var outDistrict: UInt16 = 0
        var sums: [String: (e: Int, n: Int, count: Int, district: UInt16)] = [:]
        // The current `@` block's outward code and sums, added to `sums` when the block ends.
        var block = (outcode: "", e: 0, n: 0, count: 0, district: UInt16(0))
        func endBlock() {
            guard block.count > 0 else { return }
            let s = sums[block.outcode, default: (0, 0, 0, block.district)]
            sums[block.outcode] = (s.e + block.e, s.n + block.n, s.count + block.count, s.district)
            block.count = 0
        }
        var lineNo = 0
        var start = 0
        let capacity = bytes.count / 16
        l.keys.reserveCapacity(capacity)
        l.eastings.reserveCapacity(capacity)
        l.northings.reserveCapacity(capacity)
        l.districtIndex.reserveCapacity(capacity)
        let count = bytes.count
        do {
            let b = bytes
            while start < count {
                lineNo += 1
                var end = start
                while end < count, b[end] != 0x0A { end += 1 }
                var lineEnd = end
                if lineEnd > start, b[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                defer { start = end + 1 }
                if lineEnd > start, b[start] == UInt8(ascii: "#") {
                    let comment = String(decoding: b[start..<lineEnd], as: UTF8.self).dropFirst().trimmedSpaces
                    if l.sourceNote == nil, comment.hasPrefix("Source:") { l.sourceNote = comment }
                    continue
                }
                if lineEnd == start { continue }
                // Up to five space-separated fields (runs of spaces separate one field from the next).
                var fields: (Range<Int>, Range<Int>, Range<Int>, Range<Int>) = (0..<0, 0..<0, 0..<0, 0..<0)
                var fieldCount = 0
                var i = start
                while i < lineEnd && fieldCount < 5 {
                    while i < lineEnd, b[i] == 0x20 { i += 1 }
                    if i == lineEnd { break }
                    let fieldStart = i
                    while i < lineEnd, b[i] != 0x20 { i += 1 }
                    switch fieldCount {
                    case 0: fields.0 = fieldStart..<i
                    case 1: fields.1 = fieldStart..<i
                    case 2: fields.2 = fieldStart..<i
                    case 3: fields.3 = fieldStart..<i
                    default: break
                    }
                    fieldCount += 1
                }
                if b[start] == UInt8(ascii: "@") {
                    guard fieldCount == 2 else { throw ATLError(code: "postcodes.bad-outcode-line", file: file, line: lineNo, "expected '@OUTCODE DISTRICT'") }
                    endBlock()
                    outcode = Array(b[fields.0].dropFirst())
                    outDistrict = try district(Substring(decoding: b[fields.1], as: UTF8.self), line: lineNo)
                    block = (String(decoding: outcode, as: UTF8.self), 0, 0, 0, outDistrict)
                    continue
                }
                guard !outcode.isEmpty else { throw ATLError(code: "postcodes.no-outcode-line", file: file, line: lineNo, "postcode line before any '@OUTCODE' line") }
                guard fieldCount == 3 || fieldCount == 4,
                      let e = int32(b[fields.1]), let n = int32(b[fields.2]) else {
                    throw ATLError(code: "postcodes.bad-postcode-line", file: file, line: lineNo, "expected 'INWARD EASTING NORTHING [DISTRICT]'")
                }
                guard GridPoint(easting: Int(e), northing: Int(n)).isInGreatBritain else {
                    throw ATLError(code: "postcodes.outside-great-britain", file: file, line: lineNo, field: "easting",
                        "coordinates \(e), \(n) are outside Great Britain (easting 0-700000, northing 0-1300000)")
                }
                guard let key = pack(outward: outcode, inward: b[fields.0]) else {
                    throw ATLError(code: "postcodes.bad-postcode", file: file, line: lineNo, field: "postcode", "not a postcode")
                }
                if let last = l.keys.last, last >= key {
                    throw ATLError(code: "postcodes.not-sorted", file: file, line: lineNo, field: "postcode", "postcodes must be sorted and unique")
                }
                let d = fieldCount == 4 ? try district(Substring(decoding: b[fields.3], as: UTF8.self), line: lineNo) : outDistrict
                l.keys.append(key)
                l.eastings.append(e)
                l.northings.append(n)
                l.districtIndex.append(d)
                block.e += Int(e)
                block.n += Int(n)
                block.count += 1
            }
        }
        endBlock()
        guard !l.keys.isEmpty else {
            throw ATLError(code: "postcodes.empty", file: file, line: 1, "the postcode lookup holds no postcodes; rebuild it with 'atl import-postcodes'")
        }
        for (oc, s) in sums {
            l.outcodes[oc] = (GridPoint(easting: s.e / s.count, northing: s.n / s.count), s.district)
        }
        return l
    }

    /// `Int32(String)` on ASCII bytes without building the String: an optional `+` or `-`, then one or more
    /// digits; nil on anything else or on overflow.
    @inline(__always) static func int32(_ field: ArraySlice<UInt8>) -> Int32? {
        var i = field.startIndex
        guard i < field.endIndex else { return nil }
        var negative = false
        if field[i] == UInt8(ascii: "-") || field[i] == UInt8(ascii: "+") {
            negative = field[i] == UInt8(ascii: "-")
            i += 1
            guard i < field.endIndex else { return nil }
        }
        var v: Int64 = 0
        while i < field.endIndex {
            let d = field[i] &- UInt8(ascii: "0")
            guard d < 10 else { return nil }
            v = v * 10 + Int64(d)
            if v > Int64(Int32.max) + 1 { return nil }
            i += 1
        }
        if negative { v = -v }
        return Int32(exactly: v)
    }

    /// Writes the compact format from (postcode, point, district) rows. Deterministic: sorted by packed key.
    public static func render(_ rows: [(postcode: String, point: GridPoint, district: String)], header: [String]) -> String {
        var keyed: [(UInt64, String, GridPoint, String)] = []
        for r in rows {
            guard let pc = Postcode.normalise(r.postcode),
                  let k = pack(pc) else { continue }
            keyed.append((k, pc, r.point, r.district))
        }
        keyed.sort { $0.0 < $1.0 }
        // Most common district per outward code becomes the outcode line's default (ties: smallest code).
        var counts: [String: [String: Int]] = [:]
        for (_, pc, _, d) in keyed { counts[String(Postcode.outcode(of: pc)), default: [:]][d, default: 0] += 1 }
        var out = header.map { "# " + $0 }.joined(separator: "\n") + "\n"
        var current = ""
        var currentDistrict = ""
        var lastKey: UInt64?
        for (k, pc, p, d) in keyed {
            if k == lastKey { continue }
            lastKey = k
            let oc = String(Postcode.outcode(of: pc))
            if oc != current {
                current = oc
                currentDistrict = counts[oc]!.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }!.key
                out += "@\(oc) \(currentDistrict)\n"
            }
            out += "\(pc.suffix(3)) \(p.easting) \(p.northing)"
            if d != currentDistrict { out += " \(d)" }
            out += "\n"
        }
        return out
    }
}

/// ONS administrative districts (GSS codes) with their names and the education local authority they belong
/// to (counties for two-tier areas). Loaded from `provision-catalogue/geography/districts.csv`.
public struct DistrictTable: Sendable {
    public struct District: Sendable, Hashable {
        public var code: String
        public var name: String
        public var localAuthority: LocalAuthority?
    }
    public private(set) var byCode: [String: District] = [:]

    public init(_ districts: [District] = []) {
        for d in districts { byCode[d.code] = d }
    }

    public func name(_ code: String) -> String { byCode[code]?.name ?? code }
    public func localAuthority(_ code: String) -> LocalAuthority? { byCode[code]?.localAuthority }

    /// Reads `code,name,la-code,la-name` rows (header row required; la columns may be blank, e.g. Wales).
    public static func load(path: String) throws(ATLError) -> DistrictTable {
        let data = try InputFile.read(path, what: "district table", limit: InputFile.Limit.districtTable)
        var r = CSVReader(bytes: data, file: path)
        var out: [District] = []
        guard let header = try r.next(), header.fields == ["code", "name", "la-code", "la-name"] else {
            throw ATLError(code: "districts.wrong-header", file: path, line: 1, "expected header code,name,la-code,la-name")
        }
        while let rec = try r.next() {
            guard rec.fields.count == 4 else {
                throw ATLError(code: "districts.wrong-cell-count", file: path, line: rec.line, "expected 4 fields, got \(rec.fields.count)")
            }
            var la: LocalAuthority?
            if !rec.fields[2].isEmpty {
                guard let c = Int(rec.fields[2]) else {
                    throw ATLError(code: "districts.bad-la-code", file: path, line: rec.line, field: "la-code", "not a number")
                }
                la = LocalAuthority(code: c, name: rec.fields[3])
            }
            out.append(District(code: rec.fields[0], name: rec.fields[1], localAuthority: la))
        }
        return DistrictTable(out)
    }
}
