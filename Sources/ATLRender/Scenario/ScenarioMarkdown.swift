import ATLModel
import ATLEngine
import ATLPlanning

/// The scenario report as Markdown: the same sections and tables as the HTML report, without charts or maps;
/// headline figures first, the audit stamp last.
public enum ScenarioMarkdown {
    static func table(_ t: ScenarioTables.Table) -> String { MarkdownText.table(t.header, t.rows, align: t.align) }

    public static func render(_ c: ScenarioComparison) -> String {
        var out = "# Sufficiency scenarios: " + c.scenarios.map(\.name).joined(separator: "; ") + "\n\n"
        for b in ScenarioTables.banners(c) { out += "> **\(b)**\n>\n" }
        out += "\n## Headline figures\n\n"
        for s in ScenarioTables.summary(c) { out += "- \(s)\n" }
        out += (c.scenarios.isEmpty ? "" : "\n") + table(ScenarioTables.headline(c)) + "\n"
        out += "## What each scenario changes\n\n"
        for s in c.scenarios {
            out += "### \(s.name)\n\n"
            if let d = s.description { out += d + "\n\n" }
            if s.log.isEmpty { out += "- No changes: this scenario is the baseline.\n" }
            for l in s.log {
                out += "- \(l.text) (scenario file, line \(l.line))" + (l.altersRealSetting ? " **(alters a real setting's facts in this scenario only)**" : "") + "\n"
            }
            out += "\n"
        }
        if !c.unknowns.isEmpty {
            out += "## What these results rest on\n\n"
            for u in c.unknowns { out += "- \(u)\n" }
            out += "\n"
        }
        let runs = [c.baseline] + c.scenarios
        for r in runs { out += "## \(r.name): demand and places by primary need\n\n" + table(ScenarioTables.needs(r)) + "\n" }
        out += "## Journey distribution (children placed)\n\n" + table(ScenarioTables.journeys(c)) + "\n"
        for r in runs {
            out += "## \(r.name): outcomes by home district\n\n" + table(ScenarioTables.districts(r)) + "\n"
            out += "## \(r.name): place utilisation by setting district\n\n" + table(ScenarioTables.settingDistricts(r)) + "\n"
        }
        let names = ScenarioTables.settingNames(c)
        for (i, s) in c.scenarios.enumerated() {
            out += "## \(s.name): settings changed or used\n\n" + table(ScenarioTables.settingUse(s, baseline: c.baseline)) + "\n"
            out += "## \(s.name): children whose outcome changed\n\n"
            out += c.changes[i].isEmpty ? "None.\n\n"
                : ScenarioTables.changeSummary(c.changes[i]) + ".\n\n" + table(ScenarioTables.changes(c.changes[i], names: names)) + "\n"
        }
        out += "## Audit stamp\n\n"
        for (k, v) in ScenarioTables.stamp(c) { out += "- \(k): `\(v)`\n" }
        return out
    }
}
