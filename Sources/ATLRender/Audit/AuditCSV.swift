import ATLModel
import ATLData
import ATLEngine
import ATLPlanning

/// The gap analysis as CSV (RFC 4180, CRLF), in two layouts:
///
/// - ``items(_:)`` (`--format csv`): one row per setting × item (every report section, then every header
///   fact), for filtering and pivot tables: `urn, name, la_code, la_name, type, part, key, item, source, status,
///   data`. `source` is the short label ("Schedule 1", "CFA s.69(3)(b)", "Parent-carer criteria",
///   "Header fact") to keep the file small: 42 rows per setting.
/// - ``settings(_:stamp:)`` (`--format csv-settings`): one row per setting with its coverage figures and one
///   status column per item (`report:<key>`, `header:<key>`), plus the audit stamp.
///
/// Every row carries the `data` column ("real settings" or "FICTIONAL example LA — not real schools") so a
/// fictional row can never be copied out of the file without its label.
public enum AuditCSV {
    public static let itemsHeader = ["urn", "name", "la_code", "la_name", "type", "part", "key", "item", "source",
                                     "status", "data"]

    public static func items(_ a: GapAnalysis) -> String {
        var w = CSVWriter()
        w.row(itemsHeader)
        for s in a.settings {
            let prefix = [String(s.urn), s.name, s.localAuthority.map { String($0.code) } ?? "",
                          s.localAuthority?.name ?? "", s.type.rawValue]
            for (item, status) in zip(AuditItem.all, s.statuses) {
                w.row(prefix + [item.part, item.key, item.item, AuditFormat.shortSource(item), status.rawValue, a.label])
            }
        }
        return w.text
    }

    public static var settingsHeader: [String] {
        ["urn", "name", "la_code", "la_name", "type",
         "report_present", "report_empty", "report_missing", "report_not_applicable", "report_percent",
         "header_present", "header_missing", "header_not_applicable", "header_percent",
         "combined_percent", "gaps"]
            + AuditItem.all.map { "\($0.part):\($0.key)" }
            + ["data", "audit_date", "engine_version", "catalogue_hash"]
    }

    public static func settings(_ a: GapAnalysis, stamp: ProvenanceStamp) -> String {
        var w = CSVWriter()
        w.row(settingsHeader)
        for s in a.settings {
            let r = s.reportCoverage, f = s.factCoverage, c = s.combinedCoverage
            w.row([String(s.urn), s.name, s.localAuthority.map { String($0.code) } ?? "",
                   s.localAuthority?.name ?? "", s.type.rawValue,
                   String(r.present), String(r.empty), String(r.missing), String(r.notApplicable), r.percent ?? "",
                   String(f.present), String(f.missing), String(f.notApplicable), f.percent ?? "",
                   c.percent ?? "", String(c.gaps)]
                  + s.statuses.map(\.rawValue)
                  + [a.label, stamp.date, stamp.engineVersion, stamp.catalogueHash])
        }
        return w.text
    }
}
