import ATLModel
import ATLEngine
import ATLPlanning

/// Markdown rendering of an advisory list: for officers, printable, readable by a parent.
public enum ListMarkdown {
    public static func render(_ l: AdvisoryList) -> String {
        let m = MarkdownText.inline
        var o = "# Advisory Tailored List: \(m(l.reference))\n\n"
        for n in [ListText.syntheticCatalogueNotice(l), ListText.fictionalNotice(l), ListText.syntheticNotice(l)].compactMap({ $0 }) { o += "> **\(n)**\n>\n" }
        o += "> \(ListText.advisoryNotice)\n\n"
        o += "## The child's profile\n\n"
        for (k, v) in ListText.profileLines(l) { o += "- **\(k)**: \(m(v))\n" }
        o += "\n## \(ListText.listHeading(l))\n\n"
        if l.entries.isEmpty {
            o += "No setting in the catalogue is eligible for this profile. See \"Settings not on the list\" below.\n\n"
        } else {
            o += MarkdownText.table(["#", "Setting", "Type", "Fit", "Points", "Journey", "Vacancies", "Listed"],
                l.entries.map { e in
                    [String(e.rank), "\(e.setting.name) (\(e.setting.urn))" + (e.labels.isEmpty ? "" : " — " + e.labels.map(\.title).joined(separator: ", ")),
                     e.setting.type.shortTitle, e.band.title, e.points, ListText.journey(e), ListText.vacancies(e), ListText.inclusion(e)]
                }, align: ["r", "l", "l", "l", "r", "l", "r", "l"])
            o += "\n"
        }
        for n in l.notes { o += "> Note: \(m(n))\n\n" }
        for e in l.entries {
            o += "### \(e.rank). \(m(e.setting.name))\n\n"
            o += "URN \(e.setting.urn) · \(m(ListText.settingFacts(e.setting)))\n\n"
            o += "**\(e.band.title)**, \(e.points) points, listed \(ListText.inclusion(e))."
            if !e.labels.isEmpty { o += " Labels: " + e.labels.map(\.title).joined(separator: ", ") + "." }
            o += "\n\n**Why it may suit**\n\n"
            for r in e.reasons { o += "- \(m(r))\n" }
            if !e.quotes.isEmpty {
                o += "\n**From its SEN information report**\n\n"
                for q in e.quotes { o += "> “\(m(q.text))” — *\(q.section.title)*\n\n" }
            }
            if !e.notOffered.isEmpty {
                o += "\n**What it does not offer that the profile asked for**\n\n"
                for r in e.notOffered { o += "- \(m(r))\n" }
            }
            if !e.cautions.isEmpty {
                o += "\n**To weigh**\n\n"
                for c in e.cautions { o += "- \(m(c.text))\n" }
            }
            if !e.toAsk.isEmpty {
                o += "\n**To ask (the setting, or the LA)**\n\n"
                for r in e.toAsk { o += "- \(m(r))\n" }
            }
            o += "\n**How the points add up**\n\n"
            o += tree(e.explanation, depth: 0)
            o += "\n"
        }
        o += "## Settings not on the list\n\n"
        for s in ListText.excludedSummary(l) { o += "- \(m(s))\n" }
        o += "- To see why a particular setting is not listed: `atl why --profile <file> --setting <URN>`.\n\n"
        o += "## Audit stamp\n\n"
        for (k, v) in ListText.stampLines(l.stamp) { o += "- \(k): `\(v)`\n" }
        return o
    }

    static func tree(_ e: Explanation, depth: Int) -> String {
        var o = String(repeating: "  ", count: depth) + "- \(e.points) — \(MarkdownText.inline(e.description)) `\(e.key)`\n"
        for d in e.details { o += tree(d, depth: depth + 1) }
        return o
    }
}
