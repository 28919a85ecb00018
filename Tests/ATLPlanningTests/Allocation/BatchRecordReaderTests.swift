import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
@testable import ATLPlanning
import Foundation
import Testing

@Suite struct BatchRecordReaderTests {
    static func listed(row: Int = 1, ref: String = "R-1", need: String = "ASD", entries: String? = nil,
                       synthetic: String = "true") -> String {
        let e = entries ?? #"[{"rank":1,"urn":9000004,"score":71.441,"distance_km":2.84},{"rank":2,"urn":9000002,"score":60.5,"distance_km":null}]"#
        return #"{"schema":"atl-batch/1","row":\#(row),"source":"cohort.csv:\#(row + 1)","reference":"\#(ref)","status":"listed","list":{"schema":"atl-list/1","fictional_catalogue":true,"synthetic_child":\#(synthetic),"profile":{"reference":"\#(ref)","primary_need":{"code":"\#(need)","severity":"moderate"}},"entries":\#(e),"stamp":{"catalogue_hash":"abc"}}}"#
    }

    static let errorRecord = #"{"schema":"atl-batch/1","row":2,"source":"cohort.csv:3","reference":null,"status":"error","errors":["cohort.csv:3: field 'primary-need': 'XYZ' is not a need code",{"field":"home-postcode","message":"not found"},{"line":9,"field":null,"message":"no list"}]}"#

    func read(_ text: String) -> Result<BatchRecordFormat.Records, ATLError> {
        attempt({ try BatchRecordFormat.read(Data(text.utf8), file: "b.jsonl") })
    }

    func errors(_ text: String) -> [String] {
        switch read(text) {
        case .success: return []
        case .failure(let e): return e.diagnostics.map(\.description)
        }
    }

    @Test func readsListedAndErrorRecords() throws {
        let r = try read(Self.listed() + "\n" + Self.errorRecord + "\n").get()
        #expect(r.listed.count == 1 && r.unlisted.count == 1 && r.lines == 2)
        let c = r.listed[0]
        #expect(c.reference == "R-1" && c.primaryNeed == .ASD && c.synthetic && c.fictionalCatalogue && c.catalogueHash == "abc")
        #expect(c.entries == [.init(rank: 1, urn: 9000004, milli: 71441, distanceKm: 2.84), .init(rank: 2, urn: 9000002, milli: 60500, distanceKm: nil)])
        #expect(c.line == 1 && c.file == "b.jsonl")
        #expect(r.unlisted[0].row == 2 && r.unlisted[0].reference == nil)
        #expect(r.unlisted[0].errors == ["cohort.csv:3: field 'primary-need': 'XYZ' is not a need code", "field 'home-postcode': not found", "line 9: no list"])
    }

    // Matching policy R1: the band tells allocation which entries can be places; lists from before bands have none.
    @Test func readsTheBandOfEachEntry() throws {
        let e = #"[{"rank":1,"urn":9000004,"score":71.441,"distance_km":2.84,"band":"A"},{"rank":2,"urn":9000001,"score":60.5,"distance_km":0.1,"band":"named"}]"#
        let c = try read(Self.listed(entries: e) + "\n").get().listed[0]
        #expect(c.entries.map(\.band) == [.meetsNeed, .namedNotAdmitting] && c.entries.map(\.canAdmit) == [true, false])
        let bad = #"[{"rank":1,"urn":9000004,"score":71.441,"distance_km":2.84,"band":"Z"}]"#
        #expect(errors(Self.listed(entries: bad) + "\n").contains { $0.contains("band") })
    }

    @Test func fullPostcodesInErrorMessagesAreCutToTheirDistrict() throws {
        #expect(BatchRecordFormat.redactPostcodes("NE1 4ST is not in the lookup; TF31LA too; B1 1AA") == "NE1 *** is not in the lookup; TF3 *** too; B1 ***")
        #expect(BatchRecordFormat.redactPostcodes("row 12: field 'nc-year': 14 is not a year") == "row 12: field 'nc-year': 14 is not a year")
        let r = try read(Self.errorRecord.replacingOccurrences(of: "not found", with: "WV16 4RF not found")).get()
        #expect(r.unlisted[0].errors[1] == "field 'home-postcode': WV16 *** not found")
    }

    @Test func toleratesBOMCRLFAndNoFinalNewline() throws {
        let r = try read("\u{FEFF}" + Self.listed() + "\r\n" + Self.listed(row: 2, ref: "R-2")).get()
        #expect(r.listed.map(\.reference) == ["R-1", "R-2"])
        #expect(try read(Self.listed(entries: "[]")).get().listed[0].entries.isEmpty, "an empty list is a child with no listed setting")
    }

    @Test func adversarialLinesNameFileLineAndField() {
        let cases: [(String, String)] = [
            ("", "b.jsonl:1: the file has no records"),
            ("\n", "b.jsonl:1: empty line; each line must be one record"),
            (Self.listed() + "\n\n" + Self.listed(row: 2, ref: "R-2"), "b.jsonl:2: empty line; each line must be one record"),
            ("{not json", "b.jsonl:1: not valid JSON (each line must be one JSON object)"),
            (String(Self.listed().dropLast(3)), "b.jsonl:1: not valid JSON (each line must be one JSON object)"),
            ("[1,2]", "b.jsonl:1: expected a JSON object"),
            ("\"text\"", "b.jsonl:1: not valid JSON (each line must be one JSON object)"),
            ("{}", "b.jsonl:1: field 'schema': missing"),
            (Self.listed().replacingOccurrences(of: "atl-batch/1", with: "atl-batch/2"), "b.jsonl:1: field 'schema': expected \"atl-batch/1\", got \"atl-batch/2\""),
            (Self.listed().replacingOccurrences(of: #""row":1"#, with: #""row":"1""#), "b.jsonl:1: field 'row': expected a number"),
            (Self.listed().replacingOccurrences(of: #""row":1"#, with: #""row":1.5"#), "b.jsonl:1: field 'row': expected a whole number"),
            (Self.listed().replacingOccurrences(of: #""row":1"#, with: #""row":true"#), "b.jsonl:1: field 'row': expected a number"),
            (Self.listed().replacingOccurrences(of: #""row":1"#, with: #""row":-3"#), "b.jsonl:1: field 'row': must be at least 0"),
            (Self.listed().replacingOccurrences(of: #""row":1"#, with: #""row":1e300"#), "b.jsonl:1: field 'row': expected a whole number"),
            (Self.listed().replacingOccurrences(of: #""status":"listed""#, with: #""status":"done""#), "b.jsonl:1: field 'status': expected \"listed\" or \"error\", got \"done\""),
            (Self.listed(ref: ""), "b.jsonl:1: field 'reference': must not be empty"),
            (Self.listed().replacingOccurrences(of: #""list":{"#, with: #""list":[],"x":{"#), "b.jsonl:1: field 'list': expected an object"),
            (Self.listed().replacingOccurrences(of: "atl-list/1", with: "atl-list/0"), "b.jsonl:1: field 'list.schema': expected \"atl-list/1\", got \"atl-list/0\""),
            (Self.listed(synthetic: "1"), "b.jsonl:1: field 'list.synthetic_child': expected true or false"),
            (Self.listed(synthetic: "\"yes\""), "b.jsonl:1: field 'list.synthetic_child': expected true or false"),
            (Self.listed(need: "XYZ"), "b.jsonl:1: field 'list.profile.primary_need.code': \"XYZ\" is not a need code (one of \(NeedCode.allCases.map(\.rawValue).joined(separator: ", ")))"),
            (Self.listed().replacingOccurrences(of: #""profile":{"reference":"R-1""#, with: #""profile":{"reference":"R-9""#), "b.jsonl:1: field 'list.profile.reference': \"R-9\" differs from the record's reference \"R-1\""),
            (Self.listed(entries: "{}"), "b.jsonl:1: field 'list.entries': expected an array"),
            (Self.listed(entries: "[3]"), "b.jsonl:1: field 'list.entries[0]': expected an object"),
            (Self.listed(entries: #"[{"rank":1,"urn":5,"score":1,"distance_km":-1}]"#), "b.jsonl:1: field 'list.entries[0].distance_km': must not be negative"),
            (Self.listed(entries: #"[{"rank":1,"urn":5,"score":"1","distance_km":1}]"#), "b.jsonl:1: field 'list.entries[0].score': expected a number"),
            (Self.listed(entries: #"[{"rank":1,"urn":5,"score":1e9,"distance_km":1}]"#), "b.jsonl:1: field 'list.entries[0].score': out of range"),
            (Self.listed(entries: #"[{"rank":1,"urn":0,"score":1,"distance_km":1}]"#), "b.jsonl:1: field 'list.entries[0].urn': must be at least 1"),
            (Self.listed(entries: #"[{"rank":1,"score":1,"distance_km":1}]"#), "b.jsonl:1: field 'list.entries[0].urn': missing"),
            (Self.listed(entries: #"[{"rank":1,"urn":5,"score":1}]"#), "b.jsonl:1: field 'list.entries[0].distance_km': missing"),
            (Self.listed(entries: #"[{"rank":2,"urn":5,"score":1,"distance_km":1},{"rank":1,"urn":6,"score":1,"distance_km":1}]"#),
             "b.jsonl:1: field 'list.entries[1].rank': 1 does not follow rank 2: entries must be in list order"),
            (Self.listed() + "\n" + Self.listed(ref: "R-2"), "b.jsonl:2: field 'row': row 1 already given on line 1"),
            (Self.errorRecord.replacingOccurrences(of: #""errors":["#, with: #""errors":[],"x":["#), "b.jsonl:1: field 'errors': an error record must say what went wrong"),
            (Self.errorRecord.replacingOccurrences(of: #""errors":["#, with: #""errors":[7,"#), "b.jsonl:1: field 'errors[0]': expected a message string or an object with a \"message\""),
            (Self.errorRecord.replacingOccurrences(of: #""reference":null"#, with: #""reference":5"#), "b.jsonl:1: field 'reference': expected a string or null"),
            ("{\"schema\":\"atl-batch/1\u{0}\"}", "b.jsonl:1: not valid JSON (each line must be one JSON object)"),
        ]
        for (text, expected) in cases {
            let got = errors(text)
            #expect(got.contains(expected), "input: \(text.prefix(120))\ngot: \(got)")
        }
    }

    @Test func reportsEveryBadLineNotJustTheFirst() {
        let text = ["{", Self.listed(row: 2, ref: "R-2"), "[]", Self.errorRecord.replacingOccurrences(of: "\"row\":2", with: "\"row\":4")].joined(separator: "\n")
        #expect(errors(text) == ["b.jsonl:1: not valid JSON (each line must be one JSON object)", "b.jsonl:3: expected a JSON object"])
    }

    @Test func randomBytesNeverCrashTheReader() {
        var rng = SeededRandom(seed: 17)
        let valid = Array((Self.listed() + "\n" + Self.errorRecord + "\n").utf8)
        for _ in 0..<300 {
            var bytes = valid
            for _ in 0..<rng.int(in: 1...6) {
                let i = rng.below(bytes.count)
                switch rng.below(3) {
                case 0: bytes[i] = UInt8(rng.below(256))
                case 1: bytes.remove(at: i)
                default: bytes.insert(UInt8(rng.below(128)), at: i)
                }
                if bytes.isEmpty { break }
            }
            switch attempt({ try BatchRecordFormat.read(Data(bytes), file: "f") }) {
            case .success(let r): #expect(r.listed.count + r.unlisted.count == r.lines)
            case .failure(let e): #expect(e.diagnostics.allSatisfy { $0.file == "f" })
            }
        }
    }
}
