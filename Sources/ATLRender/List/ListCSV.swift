import ATLModel
import ATLData
import ATLEngine
import ATLPlanning

/// CSV rendering of an advisory list: one row per listed setting, with its score components as columns
/// (RFC 4180, CRLF). `walking_distance` is the statement's case, `facts_to_check` the fields labelled for the
/// officer to check (old or undated public facts, ``EntryFacts``). The audit stamp is repeated on every row so a row copied elsewhere stays traceable.
public enum ListCSV {
    public static let header = [
        "reference", "rank", "urn", "name", "type", "fictional", "la_code", "band", "score",
        "need", "evidence", "facilities", "travel", "capacity", "quality", "preference", "fit",
        "inclusion", "labels", "cautions", "distance_km", "minutes", "vacancies", "unknown",
        "walking_distance", "facts_to_check", "sen_report_link", "sibling_attends",
        "catalogue_hash", "weights_hash", "date",
    ]

    public static func rows(_ l: AdvisoryList) -> [[String]] {
        let weightsHash = l.stamp.weightsHash ?? ""
        return l.entries.map { e in
            let comp = Dictionary(uniqueKeysWithValues: e.explanation.details.map { ($0.key, $0.points) })
            return [l.reference, String(e.rank), String(e.setting.urn), e.setting.name, e.setting.type.rawValue,
                    e.setting.fictional ? "yes" : "no", e.setting.localAuthority.map { String($0.code) } ?? "", e.band.rawValue, e.points]
                + ScoreComponent.allCases.map { comp[$0.rawValue] ?? "0.000" }
                + [e.inclusion.key, e.labels.map(\.rawValue).joined(separator: ";"), e.cautions.map(\.key.rawValue).joined(separator: ";"),
                   e.distanceKm.map { Fixed.format($0, places: 2) } ?? "", e.minutes.map(String.init) ?? "",
                   e.vacancies.map(String.init) ?? "", e.unknown.map(\.key).joined(separator: ";"),
                   e.walking?.kind.rawValue ?? "", e.facts.filter(\.check).map(\.field).joined(separator: ";"),
                   e.setting.senReportLink ?? "", e.siblingAttends ? "yes" : "no",
                   l.stamp.catalogueHash, weightsHash, l.stamp.date]
        }
    }

    public static func render(_ l: AdvisoryList, includeHeader: Bool = true) -> String {
        var w = CSVWriter()
        if includeHeader { w.row(header) }
        for r in rows(l) { w.row(r) }
        return w.text
    }
}
