import ATLModel
import ATLEngine
import ATLPlanning
import Foundation

/// The batch output, JSON Lines with schema `atl-batch/1` (`docs/batch.md`): one compact record per cohort
/// row, in input order, keys in a fixed order:
///
///     {"schema":"atl-batch/1","row":N,"source":"file:line","reference":"...","status":"listed","list":{atl-list/1}}
///     {"schema":"atl-batch/1","row":N,"source":"file:line","reference":"..."|null,"status":"error",
///      "errors":[{"line":L,"field":"f"|null,"message":"..."}]}
public enum BatchJSONL {
    public static let schema = "atl-batch/1"

    public static func value(_ item: BatchItem) -> JSON {
        var members: [(String, JSON)] = [
            ("schema", .string(schema)),
            ("row", .int(item.row.row)),
            ("source", .string(item.row.source)),
            ("reference", .optional(item.row.reference)),
        ]
        if let list = item.list {
            members.append(("status", .string("listed")))
            members.append(("list", ListJSON.value(list)))
        } else {
            members.append(("status", .string("error")))
            members.append(("errors", .array(item.errors.map { d in
                .object([("line", .optional(d.line)), ("field", .optional(d.field)), ("message", .string(d.message))])
            })))
        }
        return .object(members)
    }

    /// One record line, ending in a line feed.
    public static func record(_ item: BatchItem) -> String { value(item).serialized() + "\n" }

    /// Reads back what the cohort summary needs from a record line (used when a run is resumed, to count the
    /// children already written). Nil when the line is not a complete `atl-batch/1` record.
    public static func outcome(ofRecord line: some Collection<UInt8>) -> CohortSummary.Outcome? {
        guard let obj = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
              obj["schema"] as? String == schema, let status = obj["status"] as? String else { return nil }
        if status == "error" { return .error }
        guard status == "listed", let list = obj["list"] as? [String: Any],
              let profile = list["profile"] as? [String: Any], let summary = list["summary"] as? [String: Any],
              let entries = list["entries"] as? [[String: Any]] else { return nil }
        let need = (profile["primary_need"] as? [String: Any])?["code"] as? String
        let considered = (summary["settings_considered"] as? NSNumber)?.intValue ?? 0
        let excluded = summary["excluded"] as? [[String: Any]] ?? []
        let beyond = excluded.first { $0["rule"] as? String == "journey" }.flatMap { ($0["count"] as? NSNumber)?.intValue } ?? 0
        return CohortSummary.Outcome(
            listed: true, synthetic: list["synthetic_child"] as? Bool ?? false, primaryNeed: need,
            homeDistrict: profile["home_postcode_district"] as? String,
            eligible: (summary["eligible"] as? NSNumber)?.intValue ?? 0, withinJourney: considered - beyond,
            listedURNs: entries.compactMap { ($0["urn"] as? NSNumber)?.intValue })
    }
}

/// The cohort summary as Markdown and as JSON (schema `atl-cohort-summary/1`). Pure functions of the summary.
public enum CohortSummaryRender {
    public static let schema = "atl-cohort-summary/1"

    /// Facts about the run printed at the top of the summary.
    public struct Context: Sendable {
        public var cohort: String
        public var cohortHash: String
        public var fictionalCatalogue: Bool
        public var stamp: ProvenanceStamp
        /// Real schools with invented SEN facts (`atl synth-national`): the summary opens with a SYNTHETIC banner.
        public var syntheticCatalogue: Bool
        public init(cohort: String, cohortHash: String, fictionalCatalogue: Bool, stamp: ProvenanceStamp, syntheticCatalogue: Bool = false) {
            self.cohort = cohort
            self.cohortHash = cohortHash
            self.fictionalCatalogue = fictionalCatalogue
            self.stamp = stamp
            self.syntheticCatalogue = syntheticCatalogue
        }
    }

    static func pct(_ n: Int, _ of: Int) -> String { of == 0 ? "-" : Fixed.format(100 * Double(n) / Double(of), places: 1) + "%" }

    public static func markdown(_ s: CohortSummary, demand: [CohortSummary.Demand], context c: Context) -> String {
        var out = "# Cohort summary\n\n"
        if c.syntheticCatalogue { out += "> **\(ListText.syntheticCatalogueText)**\n\n" }
        out += "> \(ListText.advisoryNotice)\n\n"
        if c.fictionalCatalogue { out += "**Fictional catalogue:** every setting below is invented (the example LA).\n\n" }
        if s.syntheticChildren > 0 {
            out += "**Synthetic children:** \(s.syntheticChildren) of the \(s.listed) listed children are invented (a synthetic cohort).\n\n"
        }
        out += "Cohort `\(c.cohort)` (SHA-256 `\(c.cohortHash.prefix(16))…`), run date \(c.stamp.date), engine \(c.stamp.engineVersion), "
        out += "catalogue `\(c.stamp.catalogueHash.prefix(16))…`, weights `\(c.stamp.weightsHash.map { String($0.prefix(16)) } ?? "")…`.\n\n"
        out += "## Reconciliation\n\n"
        out += MarkdownText.table(["Input rows", "Listed", "Errors", "Reconciles"],
                                  [[String(s.rows), String(s.listed), String(s.errors), s.reconciles ? "yes" : "NO"]],
                                  align: ["r", "r", "r", "l"])
        out += "\nA child with no suitable setting is still listed (an empty list with the reasons settings were excluded).\n\n"
        let head = ["Children", "Fewer than \(s.k) suitable", "No suitable setting", "Nothing within max journey"]
        func cells(_ g: CohortSummary.Group) -> [String] {
            [String(g.children), "\(g.fewerThanK) (\(pct(g.fewerThanK, g.children)))",
             "\(g.noneSuitable) (\(pct(g.noneSuitable, g.children)))", "\(g.noneWithinJourney) (\(pct(g.noneWithinJourney, g.children)))"]
        }
        out += "## Children with few options\n\n"
        out += "Suitable = eligible under every rule, within the child's maximum journey.\n\n"
        out += MarkdownText.table(["Group"] + head, [["All listed children"] + cells(s.all)], align: ["l", "r", "r", "r", "r"])
        out += "\n### By primary need\n\n"
        out += MarkdownText.table(["Primary need"] + head, s.needRows.map { [$0.need] + cells($0.group) }, align: ["l", "r", "r", "r", "r"])
        out += "\n### By home postcode district\n\n"
        out += MarkdownText.table(["District"] + head, s.districtRows.map { [$0.district] + cells($0.group) }, align: ["l", "r", "r", "r", "r"])
        out += "\n## Most-listed settings against their vacancies\n\n"
        out += "Appearances = lists the setting is on; vacancies = specialist vacancies for a setting with a specialist offer, "
        out += "else capacity − on roll, as the catalogue states them (\"unknown\" when it does not).\n\n"
        out += MarkdownText.table(["URN", "Setting", "Lists", "Vacancies", "Lists per vacancy"], demand.map { d in
            [String(d.urn), d.name, String(d.appearances), d.vacancies.map(String.init) ?? "unknown",
             d.vacancies.map { $0 == 0 ? "no vacancy" : Fixed.format(Double(d.appearances) / Double($0), places: 1) } ?? "unknown"]
        }, align: ["r", "l", "r", "r", "r"])
        return out
    }

    public static func json(_ s: CohortSummary, demand: [CohortSummary.Demand], context c: Context) -> JSON {
        func group(_ g: CohortSummary.Group) -> [(String, JSON)] {
            [("children", .int(g.children)), ("fewer_than_k", .int(g.fewerThanK)), ("no_suitable_setting", .int(g.noneSuitable)),
             ("nothing_within_max_journey", .int(g.noneWithinJourney))]
        }
        return .object([
            ("schema", .string(schema)),
            ("advisory", .string(ListText.advisoryNotice)),
            ("fictional_catalogue", .bool(c.fictionalCatalogue)),
            ("synthetic_catalogue", .bool(c.syntheticCatalogue)),
            ("synthetic_children", .int(s.syntheticChildren)),
            ("cohort", .string(c.cohort)),
            ("k", .int(s.k)),
            ("rows", .int(s.rows)), ("listed", .int(s.listed)), ("errors", .int(s.errors)), ("reconciles", .bool(s.reconciles)),
            ("all", .object(group(s.all))),
            ("by_primary_need", .array(s.needRows.map { .object([("need", .string($0.need))] + group($0.group)) })),
            ("by_home_district", .array(s.districtRows.map { .object([("district", .string($0.district))] + group($0.group)) })),
            ("most_listed", .array(demand.map { d in
                .object([("urn", .int(d.urn)), ("name", .string(d.name)), ("appearances", .int(d.appearances)),
                         ("vacancies", d.vacancies.map(JSON.int) ?? .string("unknown"))])
            })),
            ("stamp", ListJSON.stamp(c.stamp)),
        ])
    }
}
