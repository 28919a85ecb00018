import ATLModel
import ATLData
import ATLPlanning

/// `atl audit --format csv-facts`: one row per setting and dated fact it holds, with the value, source, as-of
/// date, precedence class, age band on the run date and whether the officer should check it.
public enum FactAuditCSV {
    public static let header = ["urn", "name", "la", "type", "fact", "value", "source", "short_name", "as_of", "class",
                                "confirmed_by", "age", "check"]

    public static func render(_ settings: [Setting], audit: FactAudit) -> String {
        var w = CSVWriter()
        w.row(header)
        for s in settings.sorted(by: { $0.urn < $1.urn }) {
            let decls = s.sourceDeclarations
            for f in FactAudit.facts where FactAudit.holds(s, f) {
                let p = s.provenance[f.rawValue]
                let cls: SourceClass? = p.map { $0.isVouchedByOfficer ? .officer : decls[$0.source]?.sourceClass ?? .public }
                let age = FactAudit.Age.of(p, class: cls, runDate: audit.runDate)
                let check = cls == .public && (p?.asOf.monthsOld(on: audit.runDate).map { $0 >= audit.checkAfterMonths } ?? true)
                let value = f == .type ? s.type.rawValue : SettingFile.spec(f).write(s).joined(separator: "; ")
                w.row([String(s.urn), s.name, s.localAuthority.map { SENFactsReader.shortLAName($0.name) } ?? "", s.type.rawValue,
                       f.rawValue, value, p?.source ?? "", p.flatMap { decls[$0.source]?.shortName } ?? "", p?.asOf.description ?? "",
                       cls?.rawValue ?? "", p?.confirmedBy ?? "", age.rawValue, check ? "yes" : "no"])
            }
        }
        return w.text
    }
}
