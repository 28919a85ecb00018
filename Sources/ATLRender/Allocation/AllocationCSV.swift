import ATLModel
import ATLData
import ATLEngine
import ATLPlanning

/// One row per child: reference, need and where each method would place them (CSV, RFC 4180). Error records of
/// the batch are rows too, with status `not-listed`, so no child is dropped.
public enum AllocationCSV {
    public static let header = [
        "reference", "source", "primary_need", "synthetic_child", "settings_listed", "status",
        "da_urn", "da_name", "da_list_rank", "da_pool", "da_distance_km", "da_rests_on_unknown_capacity", "da_fictional_setting",
        "greedy_urn", "greedy_list_rank", "greedy_distance_km", "note",
    ]

    public static func render(_ r: AllocationReport) -> String {
        let p = r.problem
        var w = CSVWriter()
        w.row(header)
        for (c, child) in p.children.enumerated() {
            var f = [child.reference, child.source, child.primaryNeed.rawValue, child.synthetic ? "yes" : "no",
                     String(child.settingsListed)]
            if let ai = r.deferredAcceptance.placement[c] {
                let a = child.applications[ai], v = p.providers[a.provider]
                f += ["placed", String(v.urn), v.name, String(a.listRank), a.pool.rawValue, AllocationText.km(a.distanceKm),
                      p.places(a) == nil ? "yes" : "no", v.fictional ? "yes" : "no"]
            } else {
                f += [child.applications.isEmpty ? "empty-list" : "unplaced", "", "", "", "", "", "", ""]
            }
            if let gi = r.greedy.placement[c] {
                let a = child.applications[gi]
                f += [String(p.providers[a.provider].urn), String(a.listRank), AllocationText.km(a.distanceKm)]
            } else {
                f += ["", "", ""]
            }
            f.append("")
            w.row(f)
        }
        for u in p.unlisted {
            w.row([u.reference ?? "", u.source, "", p.syntheticChildren ? "yes" : "no", "", "not-listed",
                   "", "", "", "", "", "", "", "", "", "", u.errors.joined(separator: "; ")])
        }
        return w.text
    }
}
