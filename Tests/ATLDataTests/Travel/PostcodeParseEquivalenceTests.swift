import ATLTestSupport
@testable import ATLModel
@testable import ATLData
import Foundation
import Testing

/// The byte-level postcode parser (start-up speed, issue #16) against the line-splitting parser it replaced,
/// kept here as the reference: the same postcodes, points, districts and outward-code means for the shipped
/// file, and the same diagnostic (code, line, field, message) for every malformed variant.
@Suite struct PostcodeParseEquivalenceTests {
    /// What the reference parser found: rows in file order, outward-code means, the source note.
    struct Reference: Equatable {
        var rows: [String] = []
        var outcodes: [String: String] = [:]
        var sourceNote: String?
    }

    /// The parser as it was before issue #16 (fields by `split`, numbers through `Int32(String)`, sums looked up
    /// per line), reduced to what it found.
    static func reference(_ bytes: [UInt8], file: String) throws(ATLError) -> Reference {
        var r = Reference()
        var districtCodes: [String] = []
        var districtByCode: [String: UInt16] = [:]
        var keys: [UInt64] = []
        func district(_ code: Substring, line: Int) throws(ATLError) -> UInt16 {
            let c = String(code)
            if let i = districtByCode[c] { return i }
            guard c.count == 9 else { throw ATLError(code: "postcodes.bad-district-code", file: file, line: line, field: "district", "\"\(c)\" is not a GSS district code") }
            let i = UInt16(districtCodes.count)
            districtCodes.append(c)
            districtByCode[c] = i
            return i
        }
        var outcode: [UInt8] = []
        var outDistrict: UInt16 = 0
        var sums: [String: (e: Int, n: Int, count: Int, district: UInt16)] = [:]
        var lineNo = 0
        var start = 0
        while start < bytes.count {
            lineNo += 1
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            defer { start = end + 1 }
            if lineEnd > start, bytes[start] == UInt8(ascii: "#") {
                let comment = String(decoding: bytes[start..<lineEnd], as: UTF8.self).dropFirst().trimmedSpaces
                if r.sourceNote == nil, comment.hasPrefix("Source:") { r.sourceNote = comment }
                continue
            }
            if lineEnd == start { continue }
            let fields = bytes[start..<lineEnd].split(separator: UInt8(ascii: " "))
            if bytes[start] == UInt8(ascii: "@") {
                guard fields.count == 2 else { throw ATLError(code: "postcodes.bad-outcode-line", file: file, line: lineNo, "expected '@OUTCODE DISTRICT'") }
                outcode = Array(fields[0].dropFirst())
                outDistrict = try district(Substring(decoding: fields[1], as: UTF8.self), line: lineNo)
                continue
            }
            guard !outcode.isEmpty else { throw ATLError(code: "postcodes.no-outcode-line", file: file, line: lineNo, "postcode line before any '@OUTCODE' line") }
            guard fields.count == 3 || fields.count == 4,
                  let e = Int32(Substring(decoding: fields[1], as: UTF8.self)),
                  let n = Int32(Substring(decoding: fields[2], as: UTF8.self)) else {
                throw ATLError(code: "postcodes.bad-postcode-line", file: file, line: lineNo, "expected 'INWARD EASTING NORTHING [DISTRICT]'")
            }
            guard GridPoint(easting: Int(e), northing: Int(n)).isInGreatBritain else {
                throw ATLError(code: "postcodes.outside-great-britain", file: file, line: lineNo, field: "easting",
                    "coordinates \(e), \(n) are outside Great Britain (easting 0-700000, northing 0-1300000)")
            }
            guard let key = PostcodeLookup.pack(outward: outcode, inward: fields[0]) else {
                throw ATLError(code: "postcodes.bad-postcode", file: file, line: lineNo, field: "postcode", "not a postcode")
            }
            if let last = keys.last, last >= key {
                throw ATLError(code: "postcodes.not-sorted", file: file, line: lineNo, field: "postcode", "postcodes must be sorted and unique")
            }
            let d = fields.count == 4 ? try district(Substring(decoding: fields[3], as: UTF8.self), line: lineNo) : outDistrict
            keys.append(key)
            r.rows.append("\(PostcodeLookup.unpack(key)) \(e) \(n) \(districtCodes[Int(d)])")
            let oc = String(decoding: outcode, as: UTF8.self)
            let s = sums[oc, default: (0, 0, 0, outDistrict)]
            sums[oc] = (s.e + Int(e), s.n + Int(n), s.count + 1, outDistrict)
        }
        guard !keys.isEmpty else {
            throw ATLError(code: "postcodes.empty", file: file, line: 1, "the postcode lookup holds no postcodes; rebuild it with 'atl import-postcodes'")
        }
        for (oc, s) in sums { r.outcodes[oc] = "\(s.e / s.count) \(s.n / s.count) \(districtCodes[Int(s.district)])" }
        return r
    }

    /// The same reduction of a parsed lookup, through its public API.
    static func reduce(_ l: PostcodeLookup, outcodes: some Sequence<String>) -> Reference {
        var r = Reference()
        r.rows = l.entries(inDistricts: Set(l.districtCodes)).map { "\($0.postcode) \($0.point.easting) \($0.point.northing) \($0.district)" }
        for oc in outcodes {
            if let m = l.locate(oc), m.precision == .outcode { r.outcodes[oc] = "\(m.point.easting) \(m.point.northing) \(m.districtCode)" }
        }
        r.sourceNote = l.sourceNote
        return r
    }

    static func outcome(_ text: String) -> (Reference?, Reference?, ATLError?, ATLError?) {
        let bytes = Array(text.utf8)
        var expected: Reference?, actual: Reference?, expectedError: ATLError?, actualError: ATLError?
        do { expected = try reference(bytes, file: "lk.txt") } catch { expectedError = error }
        do {
            let l = try PostcodeLookup.parse(bytes, file: "lk.txt")
            actual = reduce(l, outcodes: expected?.outcodes.keys.sorted() ?? [])
        } catch { actualError = error }
        return (expected, actual, expectedError, actualError)
    }

    @Test func theShippedLookupParsesAsBefore() throws {
        let path = Repository.path("provision-catalogue/geography/postcodes-west-midlands.txt")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let (expected, actual, e1, e2) = Self.outcome(text)
        #expect(e1 == nil && e2 == nil)
        #expect(expected != nil && expected == actual)
        #expect((expected?.rows.count ?? 0) > 100_000)
    }

    @Test func malformedLinesGiveTheSameDiagnostic() {
        let head = "# Source: x\n@TF3 E06000020\n1AA 370000 307000\n"
        let variants = [
            "", "\n\n", "# only\n", "1AA 370000 307000\n", "@TF3\n", "@TF3 E06000020 extra\n", "@TF3 E0600002\n",
            head + "1AB 370100\n", head + "1AB 370100 307100 E06000051 extra\n", head + "1AB +370100 307100\n",
            head + "1AB -370100 307100\n", head + "1AB 370100 -\n", head + "1AB 370100 +\n", head + "1AB 37x100 307100\n",
            head + "1AB 99999999999 307100\n", head + "1AB 2147483648 307100\n", head + "1AB 370100 1300001\n",
            head + "1A 370100 307100\n", head + "1ab 370100 307100\n", head + "1AA 370100 307100\n",
            head + "0ZZ 370100 307100\n", head + "1AB  370100   307100 \n", head + "1AB 370100 307100 E0600005\n",
            head + "1AB 370100 307100 E06000051\r\n1AD 370000 307000\r\n", head + "   \n", head + "1AB\t370100 307100\n",
            head + "@TF4 E06000020\n1AA 370000 307000\n@TF3 E06000051\n1AZ 370000 307000\n",
            "@TF3 E06000020\n1AA 370000 307000\n@TF10 E06000020\n1AA 371000 308000\n@TF3 E06000051\n1AB 1 2\n",
            head + "1AB 370100 307100 E06000051\n@B1 E08000025\n1AA 406000 286000",
        ]
        for text in variants {
            let (expected, actual, e1, e2) = Self.outcome(text)
            #expect(expected == actual, "\(text.debugDescription)")
            #expect(e1?.diagnostics.map(\.code) == e2?.diagnostics.map(\.code), "\(text.debugDescription)")
            #expect(e1?.description == e2?.description, "\(text.debugDescription)")
        }
    }
}
