import Foundation

/// Where a header fact came from and as of when (catalogue format `atl-setting/2`, `docs/catalogue-format.md`).
///
/// Every fact line of a v2 setting file ends in `[source as-of]`, `[source as-of, confirmed DAY by ID]` or
/// `[officer DAY by ID]`; every source key a file uses is declared once on a `source:` line of that file
/// (``SourceDeclaration``), so a setting file copied anywhere still says where each fact came from.

// MARK: As-of dates

/// The date a fact is "as of", at the precision its source publishes: a year, a month, a day, or undated.
///
/// Dates of different precision are compared by the days they can mean: `2025` is any day of 2025, so it is
/// the *same age* as `2025-03`, and newer than `2024-12-31`. Undated is older than every dated fact: a page
/// that does not say when it was written cannot outrank one that does.
public enum AsOfDate: Sendable, Hashable, CustomStringConvertible {
    case undated
    case year(Int)
    case month(Int, Int)
    case day(Int, Int, Int)

    /// Parses `undated`, `YYYY`, `YYYY-MM` or a real calendar date `YYYY-MM-DD`; nil for anything else.
    public init?(parsing s: String) {
        if s == "undated" { self = .undated; return }
        // Pure byte parsing: every fact line of a catalogue has one, and Foundation's DateComponents is slow on Linux.
        var b = s.utf8.makeIterator()
        func num(_ n: Int) -> Int? {
            var v = 0
            for _ in 0..<n {
                guard let c = b.next(), (0x30...0x39).contains(c) else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            return v
        }
        guard let y = num(4), (1800...2999).contains(y) else { return nil }
        guard let dash1 = b.next() else { self = .year(y); return }
        guard dash1 == 0x2D, let m = num(2), (1...12).contains(m) else { return nil }
        guard let dash2 = b.next() else { self = .month(y, m); return }
        guard dash2 == 0x2D, let d = num(2), (1...AsOfDate.daysIn(y, m)).contains(d), b.next() == nil else { return nil }
        self = .day(y, m, d)
    }

    /// The day, as a calendar date `YYYY-MM-DD` (what `--date` and confirmations give).
    public init?(day: String) {
        guard day.utf8.count == 10, let d = AsOfDate(parsing: day), case .day = d else { return nil }
        self = d
    }

    public var description: String {
        switch self {
        case .undated: "undated"
        case .year(let y): pad(y, 4)
        case .month(let y, let m): "\(pad(y, 4))-\(pad(m, 2))"
        case .day(let y, let m, let d): "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
        }
    }

    public var year: Int? {
        switch self {
        case .undated: nil
        case .year(let y), .month(let y, _), .day(let y, _, _): y
        }
    }

    /// The first day the date can mean, as `yyyymmdd`; nil when undated.
    public var firstDay: Int? {
        switch self {
        case .undated: nil
        case .year(let y): y * 10000 + 101
        case .month(let y, let m): y * 10000 + m * 100 + 1
        case .day(let y, let m, let d): y * 10000 + m * 100 + d
        }
    }

    /// The last day the date can mean, as `yyyymmdd`; nil when undated.
    public var lastDay: Int? {
        switch self {
        case .undated: nil
        case .year(let y): y * 10000 + 1231
        case .month(let y, let m): y * 10000 + m * 100 + AsOfDate.daysIn(y, m)
        case .day(let y, let m, let d): y * 10000 + m * 100 + d
        }
    }

    /// True when this date is certainly after `other`: its first day is after the other's last day.
    /// Undated is never newer, and every dated fact is newer than an undated one.
    public func isNewer(than other: AsOfDate) -> Bool {
        guard let first = firstDay else { return false }
        guard let otherLast = other.lastDay else { return true }
        return first > otherLast
    }

    /// Neither is newer than the other (overlapping days, or both undated).
    public func isSameAge(as other: AsOfDate) -> Bool { !isNewer(than: other) && !other.isNewer(than: self) }

    /// Whole months from the last day this date can mean to `runDate` (`YYYY-MM-DD`); nil when undated or
    /// when `runDate` is not a date. Negative when the fact is dated after the run date.
    public func monthsOld(on runDate: String) -> Int? {
        guard let last = lastDay, let r = AsOfDate(day: runDate)?.firstDay else { return nil }
        let (y, m, d) = (last / 10000, last / 100 % 100, last % 100)
        var months = (r / 10000 * 12 + r / 100 % 100) - (y * 12 + m)
        if r % 100 < d { months -= 1 }
        return months
    }

    /// True when the first day this date can mean is after `runDate`: a fact cannot be as of the future.
    public func isAfter(_ runDate: String) -> Bool {
        guard let first = firstDay, let r = AsOfDate(day: runDate)?.firstDay else { return false }
        return first > r
    }

    /// In words for outputs: "Nov 2016", "22 Mar 2022", "2023", "undated".
    public var text: String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        switch self {
        case .undated: return "undated"
        case .year(let y): return String(y)
        case .month(let y, let m): return "\(months[m - 1]) \(y)"
        case .day(let y, let m, let d): return "\(d) \(months[m - 1]) \(y)"
        }
    }

    static func daysIn(_ y: Int, _ m: Int) -> Int {
        let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    }

    private func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

// MARK: Precedence classes

/// How far a fact's source is trusted when two sources give the same field (`docs/catalogue-format.md`,
/// "Precedence"): an LA officer's word outranks the GIAS extract, which outranks every public file, whose
/// facts rank among themselves by date.
public enum SourceClass: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Public data: DfE files, Local Offer pages, school websites. Newer outranks older; undated is oldest.
    case `public`
    /// The DfE GIAS establishment extract an LA imports with `atl import-gias`.
    case giasExtract = "gias-extract"
    /// Entered or confirmed by an LA officer (`atl confirm`), or hand-written facts migrated from an
    /// `atl-setting/1` file whose source was not recorded. Only another officer's entry changes them.
    case officer

    private var rank: Int {
        switch self {
        case .public: 0
        case .giasExtract: 1
        case .officer: 2
        }
    }

    public static func < (a: SourceClass, b: SourceClass) -> Bool { a.rank < b.rank }
}

// MARK: A fact's provenance

/// The provenance of one header fact: its source key and as-of date, and who confirmed it when an officer did.
///
/// Written `[KEY AS-OF]`, `[KEY AS-OF, confirmed DAY by ID]`, or `[officer DAY by ID]` for a fact an officer
/// entered. Officer IDs are roles or staff references (`SENDO-07`), never names.
public struct FactProvenance: Sendable, Hashable, CustomStringConvertible {
    /// The reserved key of facts an officer entered (it is never declared on a `source:` line).
    public static let officerKey = "officer"

    /// A declared source key, or ``officerKey``.
    public var source: String
    public var asOf: AsOfDate
    /// The day an officer confirmed the fact (`YYYY-MM-DD`), with their ID; nil when unconfirmed.
    public var confirmedOn: String?
    public var confirmedBy: String?

    public init(source: String, asOf: AsOfDate, confirmedOn: String? = nil, confirmedBy: String? = nil) {
        self.source = source
        self.asOf = asOf
        self.confirmedOn = confirmedOn
        self.confirmedBy = confirmedBy
    }

    /// A fact an officer entered on `day` (`YYYY-MM-DD`).
    public static func officer(day: String, by id: String) -> FactProvenance {
        FactProvenance(source: officerKey, asOf: AsOfDate(day: day) ?? .undated, confirmedOn: day, confirmedBy: id)
    }

    /// True for a fact an officer entered (as opposed to a source's fact an officer confirmed).
    public var isOfficerEntry: Bool { source == FactProvenance.officerKey }
    /// True when an officer vouched for the fact (entered or confirmed it): its class is `officer`.
    public var isVouchedByOfficer: Bool { confirmedBy != nil }

    public var description: String {
        if isOfficerEntry { return "officer \(confirmedOn ?? asOf.description) by \(confirmedBy ?? "?")" }
        var s = "\(source) \(asOf)"
        if let on = confirmedOn, let by = confirmedBy { s += ", confirmed \(on) by \(by)" }
        return s
    }

    /// Why a provenance text could not be read (the message never repeats an officer ID: it may be a name).
    public struct SyntaxError: Error, Sendable, Hashable {
        public var code: String
        public var message: String
    }

    /// Parses the text between the brackets.
    public static func parse(_ text: String) throws(SyntaxError) -> FactProvenance {
        // The common case first, without allocating arrays: "KEY AS-OF".
        let u = text.utf8
        if !u.contains(0x2C), let sp = u.firstIndex(of: 0x20), u[u.index(after: sp)...].firstIndex(of: 0x20) == nil {
            let key = String(text[..<sp]), date = String(text[u.index(after: sp)...])
            if key != officerKey, isValidKey(key), let asOf = AsOfDate(parsing: date) {
                return FactProvenance(source: key, asOf: asOf)
            }
        }
        let grammar = "expected '[SOURCE AS-OF]', '[SOURCE AS-OF, confirmed YYYY-MM-DD by ID]' or '[officer YYYY-MM-DD by ID]'"
        let parts = text.split(separator: ",", maxSplits: 1).map { String($0.trimmedSpaces) }
        let head = parts[0].split(separator: " ").map(String.init)
        if head.first == officerKey {
            guard parts.count == 1, head.count == 4, head[2] == "by" else {
                throw SyntaxError(code: "provenance.syntax", message: grammar)
            }
            guard AsOfDate(day: head[1]) != nil else {
                throw SyntaxError(code: "provenance.date", message: "\(Diagnostic.quote(head[1])) is not a real date YYYY-MM-DD")
            }
            try checkOfficerID(head[3])
            return .officer(day: head[1], by: head[3])
        }
        guard head.count == 2 else { throw SyntaxError(code: "provenance.syntax", message: grammar) }
        guard isValidKey(head[0]) else {
            throw SyntaxError(code: "provenance.source-key",
                              message: "\(Diagnostic.quote(head[0])) is not a source key (lower-case letters, digits and '-', up to 40)")
        }
        guard let asOf = AsOfDate(parsing: head[1]) else {
            throw SyntaxError(code: "provenance.date",
                              message: "\(Diagnostic.quote(head[1])) is not an as-of date (YYYY, YYYY-MM, YYYY-MM-DD or undated)")
        }
        var p = FactProvenance(source: head[0], asOf: asOf)
        if parts.count == 2 {
            let c = parts[1].split(separator: " ").map(String.init)
            guard c.count == 4, c[0] == "confirmed", c[2] == "by" else {
                throw SyntaxError(code: "provenance.syntax", message: grammar)
            }
            guard AsOfDate(day: c[1]) != nil else {
                throw SyntaxError(code: "provenance.date", message: "\(Diagnostic.quote(c[1])) is not a real date YYYY-MM-DD")
            }
            try checkOfficerID(c[3])
            p.confirmedOn = c[1]
            p.confirmedBy = c[3]
        }
        return p
    }

    /// Officer IDs: a role or staff reference of 2–20 letters, digits and '-', starting with a letter or digit.
    public static func isValidOfficerID(_ id: String) -> Bool {
        let b = Array(id.utf8)
        guard (2...20).contains(b.count) else { return false }
        let ok = { (c: UInt8) in (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) }
        return ok(b[0]) && b.dropFirst().allSatisfy { ok($0) || $0 == 0x2D }
    }

    static func checkOfficerID(_ id: String) throws(SyntaxError) {
        guard isValidOfficerID(id) else {
            throw SyntaxError(code: "provenance.officer-id",
                              message: "the officer ID is not a role or staff reference (2-20 letters, digits and '-'; never a name)")
        }
    }

    /// Source keys: `[a-z0-9][a-z0-9-]{0,39}`.
    public static func isValidKey(_ key: String) -> Bool {
        let b = key.utf8
        guard (1...40).contains(b.count), let first = b.first else { return false }
        let ok = { (c: UInt8) in (0x30...0x39).contains(c) || (0x61...0x7A).contains(c) }
        return ok(first) && b.dropFirst().allSatisfy { ok($0) || $0 == 0x2D }
    }
}

// MARK: Source declarations

/// One `source:` line of an `atl-setting/2` file: `KEY | CLASS | SHORT NAME | DESCRIPTION [| URL [; URL ...]]`.
///
/// The short name is what outputs print next to a fact's date ("special school — GIAS, Nov 2016"); for a web
/// page it is the site that published it, so a reader always sees who said so.
public struct SourceDeclaration: Sendable, Hashable, CustomStringConvertible {
    public var key: String
    public var sourceClass: SourceClass
    public var shortName: String
    public var detail: String
    /// The pages facts were transcribed from (required for Local Offer and report-link sources).
    public var urls: [String]

    public init(key: String, sourceClass: SourceClass, shortName: String, detail: String, urls: [String] = []) {
        self.key = key
        self.sourceClass = sourceClass
        self.shortName = shortName
        self.detail = detail
        self.urls = urls
    }

    public var description: String {
        var s = "\(key) | \(sourceClass.rawValue) | \(shortName) | \(detail)"
        if !urls.isEmpty { s += " | " + urls.joined(separator: " ; ") }
        return s
    }

    /// `text` split at every `separator` (pure Swift: Foundation's splitting bridges through NSString on Linux),
    /// each part trimmed.
    static func split(_ text: String, _ separator: String) -> [String] {
        let sep = Array(separator.utf8)
        let u = Array(text.utf8)
        var parts: [String] = []
        var start = 0, i = 0
        while i + sep.count <= u.count {
            if u[i..<(i + sep.count)].elementsEqual(sep) {
                parts.append(String(decoding: u[start..<i], as: UTF8.self).trimmedSpaces)
                i += sep.count
                start = i
            } else {
                i += 1
            }
        }
        parts.append(String(decoding: u[start...], as: UTF8.self).trimmedSpaces)
        return parts
    }

    /// Keys whose facts come from web pages and so must name the page.
    public static func needsURL(_ key: String) -> Bool { key.hasPrefix("local-offer") || key.hasPrefix("report-link") }

    /// Parses the value of a `source:` line; throws the problem in words.
    public static func parse(_ text: String) throws(FactProvenance.SyntaxError) -> SourceDeclaration {
        let parts = split(text, " | ")
        guard (4...5).contains(parts.count), !parts[2].isEmpty, !parts[3].isEmpty else {
            throw .init(code: "source.syntax", message: "expected 'KEY | CLASS | SHORT NAME | DESCRIPTION [| URL ; URL ...]'")
        }
        guard FactProvenance.isValidKey(parts[0]), parts[0] != FactProvenance.officerKey else {
            throw .init(code: "source.key", message: "\(Diagnostic.quote(parts[0])) is not a source key (lower-case letters, digits and '-'; 'officer' is reserved)")
        }
        guard let cls = SourceClass(rawValue: parts[1]) else {
            throw .init(code: "source.class", message: "unknown class \(Diagnostic.quote(parts[1])); expected public, gias-extract or officer")
        }
        var urls: [String] = []
        if parts.count == 5 {
            urls = split(parts[4], " ; ")
            if let bad = urls.first(where: { !($0.hasPrefix("http://") || $0.hasPrefix("https://")) || $0.contains(" ") }) {
                throw .init(code: "source.bad-url", message: "\(Diagnostic.quote(bad)) is not an http(s) address")
            }
        }
        if needsURL(parts[0]) && urls.isEmpty {
            throw .init(code: "source.url-missing", message: "a web source (\(parts[0])) must give the address of the page its facts came from")
        }
        return SourceDeclaration(key: parts[0], sourceClass: cls, shortName: parts[2], detail: parts[3], urls: urls)
    }
}

// MARK: Small value types of the new facts

/// "N of TOTAL" pupils: how many of a setting's pupils had an EHC plan (or were on SEN support) on a census
/// day. Recent experience, never a designation, places or vacancies.
public struct PupilCount: Sendable, Hashable, CustomStringConvertible {
    public var count: Int
    public var total: Int
    public init(count: Int, total: Int) {
        self.count = count
        self.total = total
    }
    public var description: String { "\(count) of \(total)" }

    /// Parses `N of TOTAL` with 0 ≤ N ≤ TOTAL.
    public init?(parsing s: String) {
        let p = s.split(separator: " ")
        guard p.count == 3, p[1] == "of", let n = Int(p[0]), let t = Int(p[2]), n >= 0, t >= 0, n <= t, t <= 100_000 else { return nil }
        self.init(count: n, total: t)
    }
}

/// A source-table row an officer reviewed from the to-confirm report: its stable ID and when and by whom.
public struct ReviewedRow: Sendable, Hashable {
    public var rowID: String
    public var provenance: FactProvenance
    public init(rowID: String, provenance: FactProvenance) {
        self.rowID = rowID
        self.provenance = provenance
    }
}
