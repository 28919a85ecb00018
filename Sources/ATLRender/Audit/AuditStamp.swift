import ATLModel
import ATLEngine
import ATLPlanning

/// Identifies one audit run: the engine version, the catalogue and its content hash, and the date. Passed in
/// by the caller (the CLI uses `ATL.version`, the catalogue's content hash and `--date`), so renderers never
/// read a clock and the same inputs give byte-identical output.
public struct GapAuditStamp: Sendable, Hashable {
    public var engineVersion: String
    /// The catalogue's name as shown to readers, e.g. `west-midlands` (its folder name).
    public var catalogue: String
    /// ``Catalogue/contentHash``: SHA-256 over the setting files in URN order.
    public var catalogueHash: String
    /// The audit date, `YYYY-MM-DD`.
    public var date: String

    public init(engineVersion: String, catalogue: String, catalogueHash: String, date: String) {
        self.engineVersion = engineVersion
        self.catalogue = catalogue
        self.catalogueHash = catalogueHash
        self.date = date
    }

    /// One line: "atl 0.1.0 audit of catalogue west-midlands (content hash 1a2b…) on 2026-11-23".
    public var line: String {
        "atl \(engineVersion) audit of catalogue \(catalogue) (content hash \(catalogueHash)) on \(date)"
    }

    /// The date in words ("23 November 2026"); the stored text unchanged if it is not `YYYY-MM-DD`.
    public var longDate: String {
        let parts = date.split(separator: "-")
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        guard parts.count == 3, parts[0].count == 4, let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return date }
        return "\(d) \(months[m - 1]) \(parts[0])"
    }
}

/// Small formatting helpers shared by the audit renderers.
enum AuditFormat {
    /// "1,352": thousands separated by commas, for Markdown and letters (CSV and JSON keep plain integers).
    static func count(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// "25.9%", or "n/a" when nothing applies.
    static func percent(_ c: Coverage) -> String { c.percent.map { $0 + "%" } ?? "n/a" }

    /// Compact "applies to" for tables.
    static func appliesShort(_ item: AuditItem) -> String {
        switch item {
        case .section(.identifyingNeeds): "mainstream, nursery schools, type unknown"
        case .section(.senco): "mainstream, nursery schools, type unknown"
        case .fact(.needs), .fact(.specialistPlaces): "specialist offer, type unknown"
        default: "all"
        }
    }

    /// Short source label for tables and the item CSV: "Schedule 1", "CFA s.69(3)(b)", "Parent-carer criteria",
    /// "Header fact". (JSON `items[].source` carries the full name.)
    static func shortSource(_ item: AuditItem) -> String {
        switch item {
        case .section(let s):
            switch s.source {
            case .schedule1: "Schedule 1"
            case .accessibility: "CFA s.69(3)(b)"
            case .parentCriteria: "Parent-carer criteria"
            }
        case .fact: "Header fact"
        }
    }

    static func laLabel(_ la: LocalAuthority?) -> String {
        la.map { "\($0.code) \($0.name)" } ?? "LA not recorded"
    }

    /// One character per report section then, after a space, one per header fact.
    static func matrix(_ a: SettingAudit) -> (sections: String, facts: String) {
        (String(a.sections.map(\.symbol)), String(a.facts.map(\.symbol)))
    }
}
