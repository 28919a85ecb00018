import ATLModel
import ATLData
import ATLEngine
import Foundation
#if canImport(Glibc)
import Glibc
#endif

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

    /// The longest record line read (a child's explained list is about 15–25 KB).
    public static let lineLimit = 64 << 20

    public static func read(_ data: Data, file: String) throws(ATLError) -> Records {
        var reader = LineReader(file: file, hashing: false)
        try reader.feed(bytes: [UInt8](data))
        return try reader.finish().records
    }

    /// Reads the batch records file at `path` in 16 MiB pieces (never the whole file in memory: 100,000 children
    /// are about 2.2 GB), parsing the records of each piece in parallel while another thread hashes it. Returns
    /// the records and the SHA-256 of the whole file, as ``read(_:file:)`` and `SHA256.hex` of its bytes would.
    public static func read(path: String, what: String) throws(ATLError) -> (records: Records, sha256: String) {
        let fd = try InputFile.openRegular(path, what: what, limit: nil)
        defer { close(fd) }
        var reader = LineReader(file: path, hashing: true)
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 16 << 20, alignment: 16)
        defer { chunk.deallocate() }
        while true {
            let n = Glibc.read(fd, chunk.baseAddress, chunk.count)
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw ATLError(code: "input.unreadable", file: path, "cannot be read: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            try reader.feed(UnsafeRawBufferPointer(rebasing: chunk[0..<n]))
        }
        let done = try reader.finish()
        return (done.records, done.sha256 ?? "")
    }

    /// Splits bytes into record lines as they come (a UTF-8 byte order mark at the start is skipped, a CR before
    /// each LF dropped, a last line without LF kept) and reads each line's record: listed records through the
    /// fast scan (``scanListed(_:file:line:)``), every other line — and any listed record the scan is not sure
    /// of — through the JSONSerialization reader, ``record(_:file:line:)``. Results are folded in line order, so
    /// records, errors and their order are the same whatever the pieces and the threads.
    struct LineReader {
        let file: String
        var diags: [Diagnostic] = []
        var listed: [ListedChild] = []
        var unlisted: [AllocationProblem.UnlistedChild] = []
        var rows: [Int: Int] = [:]
        var lineNo = 0
        var pending: [UInt8] = []
        var started = false
        var sha: SHA256?
        /// The longest line (``BatchRecordFormat/lineLimit``; smaller in tests).
        var limit = BatchRecordFormat.lineLimit

        init(file: String, hashing: Bool) {
            self.file = file
            sha = hashing ? SHA256() : nil
        }

        enum LineResult: Sendable {
            case blank
            case listed(ListedChild, row: Int)
            case unlisted(AllocationProblem.UnlistedChild)
            case failed(ATLError)
        }

        mutating func feed(_ bytes: UnsafeRawBufferPointer) throws(ATLError) {
            pending.append(contentsOf: bytes)
            try process(bytes, final: false)
        }

        mutating func feed(bytes: [UInt8]) throws(ATLError) {
            var failure: ATLError?
            bytes.withUnsafeBytes { raw in
                do throws(ATLError) { try feed(raw) } catch { failure = error }
            }
            if let failure { throw failure }
        }

        mutating func finish() throws(ATLError) -> (records: Records, sha256: String?) {
            try process(UnsafeRawBufferPointer(start: nil, count: 0), final: true)
            if lineNo == 0 { diags.append(Diagnostic(code: "batch-record.no-records", file: file, line: 1, "the file has no records")) }
            guard diags.isEmpty else { throw ATLError(diags) }
            return (Records(listed: listed, unlisted: unlisted, lines: lineNo), sha?.hexDigest())
        }

        func tooLong(_ line: Int) -> ATLError {
            ATLError(diags + [Diagnostic(code: "batch-record.line-too-long", file: file, line: line,
                "the line is longer than \(InputFile.describe(bytes: limit)), the most one record can be; "
                + "each line must be one atl-batch/1 record")])
        }

        /// Reads the complete lines in `pending` (all of it when `final`); `hashed` is the new piece to hash.
        mutating func process(_ hashed: UnsafeRawBufferPointer, final: Bool) throws(ATLError) {
            if !started {
                guard final || pending.count >= 3 else { sha?.update(BatchRecordFormat.bytes(hashed)); return }
                started = true
                if pending.starts(with: [0xEF, 0xBB, 0xBF]) { pending.removeFirst(3) }
            }
            // The complete lines: [lo, hi) without the LF and a CR before it.
            var lines: [Range<Int>] = []
            var consumed = 0
            var overLong: Int?
            pending.withUnsafeBufferPointer { b in
                var start = 0
                while start < b.count {
                    guard let nl = memchr(b.baseAddress! + start, 0x0A, b.count - start) else { break }
                    let end = UnsafePointer<UInt8>(nl.assumingMemoryBound(to: UInt8.self)) - b.baseAddress!
                    var lineEnd = end
                    if lineEnd > start && b[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                    if lineEnd - start > limit { overLong = lines.count; return }
                    lines.append(start..<lineEnd)
                    start = end + 1
                }
                consumed = start
                if final && start < b.count {
                    var lineEnd = b.count
                    if b[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                    if lineEnd - start > limit { overLong = lines.count; return }
                    lines.append(start..<lineEnd)
                    consumed = b.count
                } else if b.count - start > limit {
                    overLong = lines.count
                }
            }
            if let k = overLong { throw tooLong(lineNo + k + 1) }
            let results = parse(lines, firstLine: lineNo + 1, hashing: hashed)
            for (k, result) in results.enumerated() {
                let n = lineNo + 1 + k
                switch result {
                case .blank:
                    diags.append(Diagnostic(code: "batch-record.empty-line", file: file, line: n, "empty line; each line must be one record"))
                case .failed(let e):
                    diags += e.diagnostics
                case .listed(let c, let row):
                    if let prior = rows[row] {
                        diags += ATLError(code: "batch-record.row-given-twice", file: file, line: n, field: "row", "row \(row) already given on line \(prior)").diagnostics
                    } else {
                        rows[row] = n
                        listed.append(c)
                    }
                case .unlisted(let u):
                    if let prior = rows[u.row] {
                        diags += ATLError(code: "batch-record.row-given-twice", file: file, line: n, field: "row", "row \(u.row) already given on line \(prior)").diagnostics
                    } else {
                        rows[u.row] = n
                        unlisted.append(u)
                    }
                }
            }
            lineNo += lines.count
            pending.removeSubrange(0..<consumed)
        }

        /// Each line's record, in line order; the new piece of the file is hashed on one thread meanwhile.
        mutating func parse(_ lines: [Range<Int>], firstLine: Int, hashing piece: UnsafeRawBufferPointer) -> [LineResult] {
            let file = self.file
            let hashPiece = sha != nil && piece.count > 0
            let threads = Parallel.defaultThreads
            let groups = lines.isEmpty ? 0 : (threads <= 1 ? 1 : min(lines.count, threads * 8))
            let slots = UnsafeMutableBufferPointer<LineResult?>.allocate(capacity: lines.count)
            slots.initialize(repeating: nil)
            defer {
                _ = slots.deinitialize()
                slots.deallocate()
            }
            var hash = sha
            defer { sha = hash }
            withUnsafeMutablePointer(to: &hash) { shaPointer in
                pending.withUnsafeBufferPointer { b in
                    let box = UnsafeSendable((slots, b, shaPointer, piece, lines))
                    let tasks = groups + (hashPiece ? 1 : 0)
                    let work: @Sendable (Int) -> Void = { t in
                        let (slots, b, shaPointer, piece, lines) = box.value
                        if hashPiece && t == 0 { shaPointer.pointee!.update(BatchRecordFormat.bytes(piece)); return }
                        let g = hashPiece ? t - 1 : t
                        let lo = lines.count * g / groups, hi = lines.count * (g + 1) / groups
                        for k in lo..<hi {
                            slots[k] = BatchRecordFormat.lineResult(UnsafeBufferPointer(rebasing: b[lines[k]]), file: file, line: firstLine + k)
                        }
                    }
                    if threads <= 1 || tasks <= 1 {
                        for t in 0..<tasks { work(t) }
                    } else {
                        DispatchQueue.concurrentPerform(iterations: tasks, execute: work)
                    }
                }
            }
            return slots.map { $0! }
        }
    }

    static func bytes(_ raw: UnsafeRawBufferPointer) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count)
    }

    static func lineResult(_ line: UnsafeBufferPointer<UInt8>, file: String, line n: Int) -> LineReader.LineResult {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return .blank }
        if let r = scanListed(line, file: file, line: n) { return .listed(r.0, row: r.row) }
        do throws(ATLError) {
            switch try record(Array(line), file: file, line: n) {
            case .listed(let c, let row): return .listed(c, row: row)
            case .unlisted(let u): return .unlisted(u)
            }
        } catch {
            return .failed(error)
        }
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
