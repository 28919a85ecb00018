import ATLModel
import ATLData
import ATLEngine
import Foundation

/// Reads the JSON Lines written by `atl batch` (schema `atl-batch/1`, one record per child, in input order):
/// `listed` records carry the child's `atl-list/1` list, `error` records the problems that stopped a list
/// being built. Every record is kept: listed children are allocated, error records counted and reported.
///
/// Strict: a line that is not a JSON object, or any missing or mistyped field the allocation uses, is an
/// error naming the file, line and field. Fields the allocation does not use are not checked.
public enum BatchRecordReader {
    public static let schema = "atl-batch/1"
    public static let listSchema = "atl-list/1"

    /// The records of one batch file.
    public struct Records: Sendable {
        public var listed: [ListedChild]
        public var unlisted: [AllocationProblem.UnlistedChild]
        public var lines: Int
    }

    public static func read(_ data: Data, file: String) throws(ATLError) -> Records {
        var diags: [Diagnostic] = []
        var listed: [ListedChild] = []
        var unlisted: [AllocationProblem.UnlistedChild] = []
        let bytes = [UInt8](data)
        var start = 0, lineNo = 0
        var rows: [Int: Int] = [:]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count {
            lineNo += 1
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > start && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let line = Array(bytes[start..<lineEnd])
            start = end + 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                diags.append(Diagnostic(code: "batch-record.empty-line-each-line", file: file, line: lineNo, "empty line; each line must be one record"))
                continue
            }
            do throws(ATLError) {
                switch try record(line, file: file, line: lineNo) {
                case .listed(let c, let row):
                    if let prior = rows[row] {
                        throw ATLError(code: "batch-record.row", file: file, line: lineNo, field: "row", "row \(row) already given on line \(prior)")
                    }
                    rows[row] = lineNo
                    listed.append(c)
                case .unlisted(let u):
                    if let prior = rows[u.row] {
                        throw ATLError(code: "batch-record.row", file: file, line: lineNo, field: "row", "row \(u.row) already given on line \(prior)")
                    }
                    rows[u.row] = lineNo
                    unlisted.append(u)
                }
            } catch {
                diags += error.diagnostics
            }
        }
        if lineNo == 0 { diags.append(Diagnostic(code: "batch-record.file-records", file: file, "the file has no records")) }
        guard diags.isEmpty else { throw ATLError(diags) }
        return Records(listed: listed, unlisted: unlisted, lines: lineNo)
    }
    enum Record {
        case listed(ListedChild, row: Int)
        case unlisted(AllocationProblem.UnlistedChild)
    }

    /// Field access with file:line:field errors.
    struct Fields {
        var object: [String: Any]
        var file: String
        var line: Int
        var path: String

        func name(_ key: String) -> String { path.isEmpty ? key : path + "." + key }
        func fail(_ key: String, _ message: String) -> ATLError {
            ATLError(code: "batch-record.field", file: file, line: line, field: name(key), message)
        }

        func value(_ key: String) throws(ATLError) -> Any {
            guard let v = object[key] else { throw fail(key, "missing") }
            return v
        }

        func string(_ key: String) throws(ATLError) -> String {
            guard let s = try value(key) as? String else { throw fail(key, "expected a string") }
            return s
        }

        func optionalString(_ key: String) throws(ATLError) -> String? {
            let v = try value(key)
            if v is NSNull { return nil }
            guard let s = v as? String else { throw fail(key, "expected a string or null") }
            return s
        }

        /// JSONSerialization gives JSON true/false as a boolean NSNumber subclass (__NSCFBoolean on every platform).
        static func isBoolean(_ v: Any) -> Bool { v is NSNumber && String(describing: type(of: v)).contains("Boolean") }

        func number(_ key: String) throws(ATLError) -> Double {
            let v = try value(key)
            guard !Fields.isBoolean(v), let n = v as? NSNumber else { throw fail(key, "expected a number") }
            let d = n.doubleValue
            guard d.isFinite else { throw fail(key, "expected a finite number") }
            return d
        }

        func int(_ key: String, min: Int) throws(ATLError) -> Int {
            let d = try number(key)
            guard d == d.rounded(), abs(d) < 1e15 else { throw fail(key, "expected a whole number") }
            let i = Int(d)
            guard i >= min else { throw fail(key, "must be at least \(min)") }
            return i
        }

        func bool(_ key: String) throws(ATLError) -> Bool {
            let v = try value(key)
            guard Fields.isBoolean(v), let b = v as? Bool else { throw fail(key, "expected true or false") }
            return b
        }

        func object(_ key: String) throws(ATLError) -> Fields {
            guard let o = try value(key) as? [String: Any] else { throw fail(key, "expected an object") }
            return Fields(object: o, file: file, line: line, path: name(key))
        }

        func array(_ key: String) throws(ATLError) -> [Any] {
            guard let a = try value(key) as? [Any] else { throw fail(key, "expected an array") }
            return a
        }
    }

    nonisolated(unsafe) static let fullPostcode = try! NSRegularExpression(
        pattern: "\\b([A-Za-z]{1,2}[0-9][A-Za-z0-9]?) ?[0-9][A-Za-z]{2}\\b")

    /// Error messages may quote a home postcode; outputs keep only its district (outward code), as lists do.
    public static func redactPostcodes(_ text: String) -> String {
        let range = NSRange(text.startIndex..., in: text)
        return fullPostcode.stringByReplacingMatches(in: text, range: range, withTemplate: "$1 ***")
    }

    static func record(_ line: [UInt8], file: String, line n: Int) throws(ATLError) -> Record {
        let any: Any
        do {
            any = try JSONSerialization.jsonObject(with: Data(line), options: [])
        } catch {
            throw ATLError(code: "batch-record.valid-json-each-line", file: file, line: n, "not valid JSON (each line must be one JSON object)")
        }
        guard let o = any as? [String: Any] else {
            throw ATLError(code: "batch-record.expected-json-object", file: file, line: n, "expected a JSON object")
        }
        let r = Fields(object: o, file: file, line: n, path: "")
        let schema = try r.string("schema")
        guard schema == Self.schema else { throw r.fail("schema", "expected \"\(Self.schema)\", got \"\(schema)\"") }
        let row = try r.int("row", min: 0)
        let source = try r.string("source")
        let status = try r.string("status")
        switch status {
        case "error":
            let reference = try r.optionalString("reference")
            let errors = try r.array("errors")
            guard !errors.isEmpty else { throw r.fail("errors", "an error record must say what went wrong") }
            let messages = try errors.enumerated().map { (i, e) throws(ATLError) -> String in
                if let s = e as? String { return s }
                if let d = e as? [String: Any], let m = d["message"] as? String {
                    // atl batch writes {"line": L|null, "field": "f"|null, "message": "..."}.
                    var text = ""
                    if let l = d["line"] as? NSNumber, !Fields.isBoolean(l) { text += "line \(l.intValue): " }
                    if let f = d["field"] as? String { text += "field '\(f)': " }
                    return text + m
                }
                throw r.fail("errors[\(i)]", "expected a message string or an object with a \"message\"")
            }
            return .unlisted(.init(row: row, source: source, reference: reference, errors: messages.map(redactPostcodes)))
        case "listed":
            let reference = try r.string("reference")
            guard !reference.isEmpty else { throw r.fail("reference", "must not be empty") }
            let list = try r.object("list")
            let ls = try list.string("schema")
            guard ls == listSchema else { throw list.fail("schema", "expected \"\(listSchema)\", got \"\(ls)\"") }
            let synthetic = try list.bool("synthetic_child")
            let fictional = try list.bool("fictional_catalogue")
            // Absent in lists written before the synthetic flag existed: not synthetic.
            let syntheticCatalogue = list.object["synthetic_catalogue"] == nil ? false : try list.bool("synthetic_catalogue")
            let profile = try list.object("profile")
            let pref = try profile.string("reference")
            guard pref == reference else {
                throw profile.fail("reference", "\"\(pref)\" differs from the record's reference \"\(reference)\"")
            }
            let needText = try profile.object("primary_need").string("code")
            guard let need = NeedCode(parsing: needText) else {
                throw profile.fail("primary_need.code", "\"\(needText)\" is not a need code (one of \(NeedCode.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            var hash: String?
            if list.object["stamp"] != nil { hash = try list.object("stamp").object["catalogue_hash"] as? String }
            let rawEntries = try list.array("entries")
            var entries: [ListedChild.Entry] = []
            for (i, raw) in rawEntries.enumerated() {
                let key = "entries[\(i)]"
                guard let eo = raw as? [String: Any] else { throw list.fail(key, "expected an object") }
                let e = Fields(object: eo, file: file, line: n, path: list.name(key))
                let rank = try e.int("rank", min: 1)
                if let last = entries.last, rank <= last.rank {
                    throw e.fail("rank", "\(rank) does not follow rank \(last.rank): entries must be in list order")
                }
                let urn = try e.int("urn", min: 1)
                let score = try e.number("score")
                guard abs(score) <= 1_000_000 else { throw e.fail("score", "out of range") }
                var km: Double?
                if !(try e.value("distance_km") is NSNull) {
                    let d = try e.number("distance_km")
                    guard d >= 0 else { throw e.fail("distance_km", "must not be negative") }
                    km = d
                }
                entries.append(.init(rank: rank, urn: urn, milli: Int32((score * 1000).rounded(.toNearestOrAwayFromZero)), distanceKm: km))
            }
            return .listed(ListedChild(reference: reference, primaryNeed: need, synthetic: synthetic, fictionalCatalogue: fictional,
                                       catalogueHash: hash, file: file, line: n, entries: entries,
                                       syntheticCatalogue: syntheticCatalogue), row: row)
        default:
            throw r.fail("status", "expected \"listed\" or \"error\", got \"\(status)\"")
        }
    }
}
