import ATLModel
import ATLEngine
import ATLPlanning

/// Small formatting helpers shared by the audit renderers.
enum AuditFormat {
    /// One line: "atl 0.1.0 audit of catalogue west-midlands (content hash 1a2b…) on 2026-11-23".
    static func stampLine(_ s: ProvenanceStamp) -> String {
        "atl \(s.engineVersion) audit of catalogue \(s.catalogue ?? "") (content hash \(s.catalogueHash)) on \(s.date)"
    }

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
