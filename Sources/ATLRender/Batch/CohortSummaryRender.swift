import ATLModel
import ATLEngine
import ATLPlanning
import Foundation

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
                                  [[String(s.inputRows ?? s.rows), String(s.listed), String(s.errors), s.reconciles ? "yes" : "NO"]],
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
            ("rows", .int(s.inputRows ?? s.rows)), ("listed", .int(s.listed)), ("errors", .int(s.errors)), ("reconciles", .bool(s.reconciles)),
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
