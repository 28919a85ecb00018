import ATLModel
import ATLData
import ATLEngine
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The register of issued lists (`atl-register/1`): an append-only file of JSON Lines, one record per issued
/// list, in the workbench's data folder. An issued list is what a family was given, so the register keeps it
/// exactly: the list as JSON and as the HTML page, the stamp, the officer's review with reasons, who issued it
/// and when. It holds the child's case reference and the hash of the profile, never a name or an address (the
/// profile itself is not kept; the list shows only the postcode district).
///
/// **Append-only and crash-safe.** The file is opened with `O_APPEND` and mode 0600; a record is one line
/// written by one `write` and then `fsync`ed before the officer is told the list is issued. Records are never
/// rewritten. Each record names the SHA-256 of the line before it (`previous_sha256`) and its sequence number,
/// so a changed, removed or reordered record is detected when the register is opened. A crash can only leave a
/// *prefix* of the last record (no final newline): opening the register detects it and truncates the file back
/// to the end of the last complete record (the officer was never told that list was issued). Anything else that
/// does not check out is damage, and the register refuses to open rather than guess.
public final class ListRegister: @unchecked Sendable {
    public static let schema = "atl-register/1"
    public static let fileName = "register.jsonl"

    /// What an officer issues.
    public struct Issue: Sendable {
        public var list: AdvisoryList
        public var review: [ReviewedChange]
        /// The officer's identifier (a staff number or sign-on name), checked with ``isValidOfficer(_:)``.
        public var officer: String
        public var profileHash: String
        /// The list page as the family gets it (`ListHTML`), kept byte for byte.
        public var listHTML: String
        /// The list as `atl list --format json` writes it.
        public var listJSON: String

        public init(list: AdvisoryList, review: [ReviewedChange], officer: String, profileHash: String, listHTML: String, listJSON: String) {
            self.list = list
            self.review = review
            self.officer = officer
            self.profileHash = profileHash
            self.listHTML = listHTML
            self.listJSON = listJSON
        }
    }

    /// A review change as recorded: the setting's name is kept beside its URN so the record reads on its own.
    public struct ReviewedChange: Sendable, Hashable {
        public var action: String
        public var urn: Int
        public var name: String
        public var reason: String
        public init(action: String, urn: Int, name: String, reason: String) {
            self.action = action
            self.urn = urn
            self.name = name
            self.reason = reason
        }
    }

    /// One issued list as the register page lists it (the full record is read from the file on demand).
    public struct Summary: Sendable, Hashable {
        public var seq: Int
        public var reference: String
        public var issuedAt: String
        public var officer: String
        public var childReference: String
        public var synthetic: Bool
        public var fictionalCatalogue: Bool
        public var settings: Int
        public var changes: Int
        var offset: UInt64
        var length: Int
    }

    /// A whole record.
    public struct Record: Sendable {
        public var summary: Summary
        public var profileHash: String
        public var review: [ReviewedChange]
        public var listHTML: String
        public var listJSON: String
        /// The SHA-256 of this record's line, as the next record names it.
        public var lineHash: String
    }

    /// Test hooks (never set by the workbench): simulate a process killed mid-write.
    public struct Hooks: Sendable {
        /// Write only this many bytes of the next record, then stop as a killed process would.
        public var crashAfterBytes: Int?
        public init(crashAfterBytes: Int? = nil) { self.crashAfterBytes = crashAfterBytes }
    }

    public let path: String
    /// Bytes removed from the end of the file when it was opened (a record cut short by a crash), 0 normally.
    public let repairedBytes: Int
    private let lock = NSLock()
    private var summaries: [Summary] = []
    private var end: UInt64 = 0
    private var lastHash: String?

    /// Opens (creating if needed) the register at `path`, checks every record and repairs a cut-short last one.
    public init(path: String) throws(ATLError) {
        self.path = path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ListRegister.failure(path, "cannot open", errno) }
        defer { close(fd) }
        fchmod(fd, 0o600)
        let bytes = try ListRegister.readAll(fd, path: path)
        var scan = Scan()
        try scan.run(bytes, path: path)
        if scan.goodEnd < bytes.count {
            guard ftruncate(fd, off_t(scan.goodEnd)) == 0, fsync(fd) == 0 else {
                throw ListRegister.failure(path, "cannot repair (truncate the cut-short last record of)", errno)
            }
        }
        repairedBytes = bytes.count - scan.goodEnd
        summaries = scan.summaries
        end = UInt64(scan.goodEnd)
        lastHash = scan.lastHash
        OutputFile.syncFolder(of: path)
    }

    /// Every issued list, oldest first.
    public var all: [Summary] { lock.withLock { summaries } }

    public var count: Int { lock.withLock { summaries.count } }

    /// The full record of an issued list, or nil when no list has that reference.
    public func record(reference: String) throws(ATLError) -> Record? {
        guard let s = lock.withLock({ summaries.first { $0.reference == reference } }) else { return nil }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ListRegister.failure(path, "cannot open", errno) }
        defer { close(fd) }
        var line = [UInt8](repeating: 0, count: s.length)
        let read = line.withUnsafeMutableBytes { pread(fd, $0.baseAddress, s.length, off_t(s.offset)) }
        guard read == s.length else { throw ListRegister.failure(path, "cannot read", errno) }
        return try ListRegister.parse(line, path: path, line: s.seq).record
    }

    /// An officer identifier as the catalogue records one (`atl confirm`): a role or staff reference of 2–20
    /// letters, digits and '-' (`SENDO-07`), never a name.
    public static func isValidOfficer(_ s: String) -> Bool { FactProvenance.isValidOfficerID(s) }

    /// Appends an issued list and returns its summary (with its new reference, e.g. `ATL-2026-000042`). The
    /// record is on disk (`fsync`) when this returns.
    @discardableResult
    public func append(_ issue: Issue, now: Date = Date(), hooks: Hooks = Hooks()) throws(ATLError) -> Summary {
        guard ListRegister.isValidOfficer(issue.officer) else {
            throw ATLError(code: "register.officer", file: path, field: "officer",
                           "an officer identifier is a role or staff reference of 2 to 20 letters, digits and '-'")
        }
        lock.lock()
        defer { lock.unlock() }
        let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { throw ListRegister.failure(path, "cannot open", errno) }
        defer { close(fd) }
        // Another process (a second workbench on the same folder) must not interleave records.
        guard flock(fd, LOCK_EX) == 0 else { throw ListRegister.failure(path, "cannot lock", errno) }
        defer { flock(fd, LOCK_UN) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw ListRegister.failure(path, "cannot read the size of", errno) }
        if UInt64(st.st_size) != end {
            throw ATLError(code: "register.changed-elsewhere", file: path,
                           "the register was changed by another program since it was opened; restart the workbench")
        }
        let seq = (summaries.last?.seq ?? 0) + 1
        let issuedAt = ListRegister.timestamp(now)
        let reference = "ATL-\(issuedAt.prefix(4))-" + String(format: "%06d", seq)
        let l = issue.list
        let value = JSON.object([
            ("schema", .string(ListRegister.schema)),
            ("seq", .int(seq)),
            ("reference", .string(reference)),
            ("issued_at", .string(issuedAt)),
            ("officer", .string(issue.officer)),
            ("child_reference", .string(l.reference)),
            ("synthetic_child", .bool(l.synthetic)),
            ("fictional_catalogue", .bool(l.fictionalCatalogue)),
            ("profile_sha256", .string(issue.profileHash)),
            ("settings", .int(l.entries.count)),
            ("review", .array(issue.review.map { c in
                .object([("action", .string(c.action)), ("urn", .int(c.urn)), ("name", .string(c.name)), ("reason", .string(c.reason))])
            })),
            ("stamp", ListJSON.stamp(l.stamp)),
            ("list_json", .string(issue.listJSON)),
            ("list_html", .string(issue.listHTML)),
            ("previous_sha256", .optional(lastHash)),
        ])
        let line = Array((value.serialized() + "\n").utf8)
        let toWrite = hooks.crashAfterBytes.map { Array(line.prefix(max(0, min($0, line.count - 1)))) } ?? line
        var written = 0
        while written < toWrite.count {
            let n = toWrite.withUnsafeBytes { write(fd, $0.baseAddress! + written, toWrite.count - written) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let code = errno
                _ = ftruncate(fd, off_t(end))   // never leave a partial record behind a failed write
                throw ListRegister.failure(path, "cannot write", code)
            }
            written += n
        }
        if hooks.crashAfterBytes != nil {
            throw ATLError(code: "register.simulated-crash", file: path, "simulated crash after \(toWrite.count) bytes")
        }
        guard fsync(fd) == 0 else {
            let code = errno
            _ = ftruncate(fd, off_t(end))
            throw ListRegister.failure(path, "cannot flush", code)
        }
        let summary = Summary(seq: seq, reference: reference, issuedAt: issuedAt, officer: issue.officer,
                              childReference: l.reference, synthetic: l.synthetic, fictionalCatalogue: l.fictionalCatalogue,
                              settings: l.entries.count, changes: issue.review.count, offset: end, length: line.count)
        summaries.append(summary)
        end += UInt64(line.count)
        lastHash = SHA256.hex(line)
        return summary
    }

    /// `2026-03-14T09:30:00Z` (UTC, whole seconds).
    public static func timestamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: date)
    }

    // MARK: - Reading and checking

    private struct Scan {
        var summaries: [Summary] = []
        var goodEnd = 0
        var lastHash: String?

        mutating func run(_ bytes: [UInt8], path: String) throws(ATLError) {
            var start = 0
            while start < bytes.count {
                guard let newline = bytes[start...].firstIndex(of: 0x0A) else {
                    return   // a record cut short by a crash: everything from `start` is dropped
                }
                let line = Array(bytes[start...newline])
                let n = summaries.count + 1
                let parsed = try ListRegister.parse(line, path: path, line: n)
                guard parsed.seq == n else {
                    throw ListRegister.damaged(path, n, "holds record \(parsed.seq) where record \(n) belongs")
                }
                guard parsed.previous == lastHash else {
                    throw ListRegister.damaged(path, n, "does not follow the record before it (previous_sha256 differs)")
                }
                var s = parsed.record.summary
                s.offset = UInt64(start)
                s.length = line.count
                summaries.append(s)
                lastHash = parsed.record.lineHash
                start = newline + 1
                goodEnd = start
            }
        }
    }

    /// Every field problem in a register record is the one code: the register is damaged (it is only ever
    /// written by this type).
    static let damagedCodes = JSONFields.Codes(missing: "register.damaged", wrongType: "register.damaged", invalid: "register.damaged")

    static func parse(_ line: [UInt8], path: String, line n: Int) throws(ATLError) -> (record: Record, seq: Int, previous: String?) {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any] else {
            throw damaged(path, n, "is not a complete JSON record")
        }
        let f = JSONFields(object: object, file: path, line: n, codes: damagedCodes)
        guard (try? f.string("schema")) == schema else { throw damaged(path, n, "is not an \(schema) record") }
        let review = try f.array("review").map { item throws(ATLError) -> ReviewedChange in
            guard let o = item as? [String: Any] else { throw damaged(path, n, "has a review change that is not an object") }
            let c = JSONFields(object: o, file: path, line: n, path: "review", codes: damagedCodes)
            return ReviewedChange(action: try c.string("action"), urn: try c.int("urn", min: 1), name: try c.string("name"),
                                  reason: try c.string("reason"))
        }
        let seq = try f.int("seq", min: 1)
        let summary = Summary(seq: seq, reference: try f.string("reference"), issuedAt: try f.string("issued_at"),
                              officer: try f.string("officer"), childReference: try f.string("child_reference"),
                              synthetic: try f.bool("synthetic_child"), fictionalCatalogue: try f.bool("fictional_catalogue"),
                              settings: try f.int("settings", min: 0), changes: review.count, offset: 0, length: line.count)
        let record = Record(summary: summary, profileHash: try f.string("profile_sha256"), review: review,
                            listHTML: try f.string("list_html"), listJSON: try f.string("list_json"), lineHash: SHA256.hex(line))
        return (record, seq, try f.optionalString("previous_sha256"))
    }

    static func damaged(_ path: String, _ n: Int, _ what: String) -> ATLError {
        ATLError(code: "register.damaged", file: path, line: n,
                 "record \(n) \(what); the register is damaged and was not changed: restore it from a backup")
    }

    static func failure(_ path: String, _ what: String, _ code: Int32) -> ATLError {
        ATLError(code: "output.register", file: path, "\(what) the register: \(String(cString: strerror(code)))")
    }

    static func readAll(_ fd: Int32, path: String) throws(ATLError) -> [UInt8] {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw failure(path, "cannot read", errno) }
            if n == 0 { return out }
            out.append(contentsOf: chunk[0..<n])
        }
    }
}
