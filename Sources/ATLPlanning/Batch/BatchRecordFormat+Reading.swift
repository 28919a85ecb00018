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
extension BatchRecordFormat {
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
                diags.append(Diagnostic(code: "batch-record.empty-line", file: file, line: lineNo, "empty line; each line must be one record"))
                continue
            }
            do throws(ATLError) {
                switch try record(line, file: file, line: lineNo) {
                case .listed(let c, let row):
                    if let prior = rows[row] {
                        throw ATLError(code: "batch-record.row-given-twice", file: file, line: lineNo, field: "row", "row \(row) already given on line \(prior)")
                    }
                    rows[row] = lineNo
                    listed.append(c)
                case .unlisted(let u):
                    if let prior = rows[u.row] {
                        throw ATLError(code: "batch-record.row-given-twice", file: file, line: lineNo, field: "row", "row \(u.row) already given on line \(prior)")
                    }
                    rows[u.row] = lineNo
                    unlisted.append(u)
                }
            } catch {
                diags += error.diagnostics
            }
        }
        if lineNo == 0 { diags.append(Diagnostic(code: "batch-record.no-records", file: file, line: 1, "the file has no records")) }
        guard diags.isEmpty else { throw ATLError(diags) }
        return Records(listed: listed, unlisted: unlisted, lines: lineNo)
    }
    enum Record {
        case listed(ListedChild, row: Int)
        case unlisted(AllocationProblem.UnlistedChild)
    }

    nonisolated(unsafe) static let fullPostcode = try! NSRegularExpression(
        pattern: "\\b([A-Za-z]{1,2}[0-9][A-Za-z0-9]?) ?[0-9][A-Za-z]{2}\\b")

    /// Error messages may quote a home postcode; outputs keep only its district (outward code), as lists do.
    public static func redactPostcodes(_ text: String) -> String {
        let range = NSRange(text.startIndex..., in: text)
        return fullPostcode.stringByReplacingMatches(in: text, range: range, withTemplate: "$1 ***")
    }

    /// The codes of a missing, mistyped or unacceptable field of a record.
    static let fieldCodes = JSONFields.Codes(missing: "batch-record.field-missing", wrongType: "batch-record.field-wrong-type",
                                             invalid: "batch-record.field-invalid")

    static func record(_ line: [UInt8], file: String, line n: Int) throws(ATLError) -> Record {
        let any: Any
        do {
            any = try JSONSerialization.jsonObject(with: Data(line), options: [])
        } catch {
            throw ATLError(code: "batch-record.not-json", file: file, line: n, "not valid JSON (each line must be one JSON object)")
        }
        guard let o = any as? [String: Any] else {
            throw ATLError(code: "batch-record.not-an-object", file: file, line: n, "expected a JSON object")
        }
        let r = JSONFields(object: o, file: file, line: n, codes: fieldCodes)
        let schema = try r.string("schema")
        guard schema == Self.schema else { throw r.fail("schema", "expected \"\(Self.schema)\", got \(Diagnostic.quote(schema))", code: "batch-record.wrong-schema") }
        let row = try r.int("row", min: 0)
        let source = try r.string("source")
        let status = try r.string("status")
        switch status {
        case "error":
            let reference = try r.optionalString("reference")
            let errors = try r.array("errors")
            guard !errors.isEmpty else { throw r.fail("errors", "an error record must say what went wrong", code: "batch-record.no-errors") }
            let messages = try errors.enumerated().map { (i, e) throws(ATLError) -> String in
                if let s = e as? String { return s }
                if let d = e as? [String: Any], let m = d["message"] as? String {
                    // atl batch writes {"line": L|null, "field": "f"|null, "message": "..."}.
                    var text = ""
                    if let l = d["line"] as? NSNumber, !JSONFields.isBoolean(l) { text += "line \(l.intValue): " }
                    if let f = d["field"] as? String { text += "field '\(f)': " }
                    return text + m
                }
                throw r.fail("errors[\(i)]", "expected a message string or an object with a \"message\"", code: fieldCodes.wrongType)
            }
            return .unlisted(.init(row: row, source: source, reference: reference, errors: messages.map(redactPostcodes)))
        case "listed":
            let reference = try r.string("reference")
            guard !reference.isEmpty else { throw r.fail("reference", "must not be empty", code: "batch-record.empty-reference") }
            let list = try r.object("list")
            let l = try ListJSON.readRecord(list)
            guard l.reference == reference else {
                throw list.fail("profile.reference", "\"\(l.reference)\" differs from the record's reference \"\(reference)\"", code: "batch-record.reference-differs")
            }
            return .listed(ListedChild(reference: reference, primaryNeed: l.primaryNeed, synthetic: l.syntheticChild,
                                       fictionalCatalogue: l.fictionalCatalogue, catalogueHash: l.catalogueHash, file: file,
                                       line: n, entries: l.entries, syntheticCatalogue: l.syntheticCatalogue), row: row)
        default:
            throw r.fail("status", "expected \"listed\" or \"error\", got \(Diagnostic.quote(status))", code: "batch-record.unknown-status")
        }
    }
}
