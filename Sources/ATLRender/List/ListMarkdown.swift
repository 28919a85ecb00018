import ATLModel
import ATLEngine
import ATLPlanning

/// Markdown rendering of an advisory list: printable and readable by a parent, with the officer's points at the
/// end. It says what the HTML page says (``FamilyWords``): an Easy Read summary, the list with how each setting
/// meets what the profile asked and a specific reason it is listed, what was left off and why, a section per
/// setting, the settings not on the list and a glossary; then, headed for the officer, the points and their
/// exact breakdown (and the `atl why` command, which only an officer runs).
public enum ListMarkdown {
    public static func render(_ l: AdvisoryList) -> String {
        var o = title(l)
        o += easyReadSummary(l)
        o += listTable(l)
        o += leftOff(l)
        o += builtFrom(l)
        for e in l.entries { o += settingSection(e, l) }
        o += notListed(l)
        o += glossary(after: o)
        o += officerPoints(l)
        o += auditStamp(l)
        return o
    }

    /// The title, any fictional or synthetic notice, and what the list is, for a parent who opens it cold.
    static func title(_ l: AdvisoryList) -> String {
        let m = MarkdownText.inline
        var o = "# Advisory Tailored List: \(m(l.reference))\n\n"
        for n in [ListText.syntheticCatalogueNotice(l), ListText.fictionalNotice(l), ListText.syntheticNotice(l)].compactMap({ $0 }) { o += "> **\(n)**\n>\n" }
        o += "> Schools and other settings that may suit a child with special educational needs and disabilities (SEND) and an Education, Health and Care plan (EHCP), from the local authority (LA): how each meets the child's needs, what to weigh and what to ask.\n\n"
        return o
    }

    /// The Easy Read summary first, so a parent can read the list's gist before its detail.
    static func easyReadSummary(_ l: AdvisoryList) -> String {
        let m = MarkdownText.inline
        var o = ""
        let r = FamilyWords.easyRead(l)
        o += "## Easy Read summary\n\n"
        for line in r.opening { o += "\(m(line))\n\n" }
        if !r.settings.isEmpty {
            for (i, s) in r.settings.enumerated() { o += "\(i + 1). **\(m(s.name))**: \(m(s.line))\n" }
            o += "\n"
        }
        for line in r.closing { o += "\(m(line))\n\n" }
        return o
    }

    /// The list as one table: each setting's fit, journey, places and why it is listed, side by side.
    static func listTable(_ l: AdvisoryList) -> String {
        var o = ""
        o += "## \(ListText.listHeading(l))\n\n"
        o += "> \(ListText.advisoryNotice)\n\n"
        if l.entries.isEmpty {
            o += "No setting in the catalogue is eligible for this profile. See \"Settings not on the list\" below.\n\n"
        } else {
            let must = !l.mustHave.isEmpty
            var header = ["#", "Setting", "Fit with the need"]
            if must { header.append("Has what the plan requires?") }
            header += ["Journey", "Places free", "Why it is on the list"]
            o += MarkdownText.table(header, l.entries.map { e in
                var name = "\(e.setting.name), \(FamilyWords.kind(e.setting, l).one)"
                if !e.labels.isEmpty { name += " — " + e.labels.map(\.title).joined(separator: ", ") }
                var row = [String(e.rank), name, "\(FamilyWords.needFit(e, l).title). \(FamilyWords.needDetail(e, l).capitalisedFirstLetter)."]
                if must { row.append(FamilyWords.mustHaves(e, l)?.short ?? "") }
                row += [FamilyWords.journeyShort(e), FamilyWords.placesShort(FamilyWords.places(e, l)), FamilyWords.whyListed(e, l)]
                return row
            }, align: ["r"] + Array(repeating: "l", count: header.count - 1))
            o += "\n"
        }
        return o
    }

    /// What was left off the list and why, and the notes a family should read.
    static func leftOff(_ l: AdvisoryList) -> String {
        let m = MarkdownText.inline
        var o = ""
        o += "### Settings left off the list\n\n"
        for s in FamilyWords.leftOffLines(l) { o += "\(m(s))\n\n" }
        for n in FamilyWords.familyNotes(l) { o += "> Note: \(m(n))\n\n" }
        return o
    }

    /// The profile answers the list was built from, so a parent can check them.
    static func builtFrom(_ l: AdvisoryList) -> String {
        let m = MarkdownText.inline
        var o = ""
        o += "## What the list was built from\n\n"
        for (k, v) in FamilyWords.profileLines(l) { o += "- **\(k)**: \(m(v))\n" }
        o += "\n"
        return o
    }

    /// One setting's section: its facts, how it meets what was asked, what it lacks and what to ask.
    static func settingSection(_ e: ListEntry, _ l: AdvisoryList) -> String {
        let m = MarkdownText.inline
        var o = ""
        o += "## \(e.rank). \(m(e.setting.name))\n\n"
        let urn = e.rank == 1 ? "Unique reference number (URN) \(e.setting.urn)" : "URN \(e.setting.urn)"
        o += "\(m(ListText.settingFacts(e.setting))) · \(urn)"
        if !e.labels.isEmpty { o += " · Labels: " + e.labels.map(\.title).joined(separator: ", ") }
        o += "\n\n**Why it is on the list:** \(m(FamilyWords.whyListed(e, l)))\n\n"
        o += "- **Fit with the need:** \(FamilyWords.needFit(e, l).title). \(m(FamilyWords.needDetail(e, l).capitalisedFirstLetter)).\n"
        if let mh = FamilyWords.mustHaves(e, l) { o += "- **What the plan requires:** \(m(FamilyWords.mustHavesLong(mh)))\n" }
        o += "- **Journey:** \(m(FamilyWords.journeyLong(e, l)))\n"
        o += "- **Places:** \(m(FamilyWords.placesLong(FamilyWords.places(e, l), l)))\n"
        o += factsWithSources(e)
        o += section("What it offers for this child", FamilyWords.otherReasons(e))
        if !e.quotes.isEmpty {
            o += "\n**From its SEN information report**\n\n"
            for q in e.quotes { o += "> “\(m(q.text))” — *\(q.section.title)*\n\n" }
        }
        o += section("What it does not offer that was asked for", e.notOffered)
        if !e.cautions.isEmpty {
            o += "\n**Things to weigh, and what to ask**\n\n"
            for c in e.cautions { o += "- \(m(c.text)) *Ask:* \(m(c.question))\n" }
        }
        o += section(e.cautions.isEmpty ? "Questions to ask" : "Other questions to ask", FamilyWords.otherQuestions(e))
        o += "\n"
        return o
    }

    /// The settings not on the list, each with its reason.
    static func notListed(_ l: AdvisoryList) -> String {
        let m = MarkdownText.inline
        var o = ""
        o += "## Settings not on the list\n\n"
        for s in FamilyWords.notListedLines(l) { o += "- \(m(s))\n" }
        return o
    }

    /// The glossary of words the page so far uses (its own heading included, as the words are looked up in it).
    static func glossary(after text: String) -> String {
        let heading = "\n## Words used in this list\n\n"
        var o = heading
        for g in Glossary.entries(for: text + heading) { o += "- **\(g.term)**: \(g.meaning)\n" }
        return o
    }

    /// For the officer only: the points, their exact breakdown and the `atl why` command, kept after the family's part.
    static func officerPoints(_ l: AdvisoryList) -> String {
        let m = MarkdownText.inline
        var o = ""
        o += "\n## For the SEND officer: points and how they add up\n\n"
        o += "Points order settings within the list's groups; they have no fixed maximum and are not a grade, so they are not shown to the family above. Each total is the exact sum of its parts, in thousandths of a point.\n\n"
        for n in l.notes where FamilyWords.isOfficerNote(n) { o += "> Note: \(m(n))\n\n" }
        if !l.entries.isEmpty {
            o += MarkdownText.table(["#", "Setting", "Group", "Included", "Points"], l.entries.map { e in
                [String(e.rank), "\(e.setting.name) (\(e.setting.urn))", e.band.title, ListText.inclusion(e), e.points]
            }, align: ["r", "l", "l", "l", "r"])
            o += "\n"
        }
        if l.leftOutByShare > 0 {
            o += "\(l.leftOutByShare) higher-scoring settings were left out so that the list illustrates choice (no one type takes more than its share, and each suitable type has a place).\n\n"
        }
        for e in l.entries {
            o += "**\(e.rank). \(m(e.setting.name)): how the \(e.points) points add up**\n\n"
            o += tree(e.explanation, depth: 0)
            o += "\n"
        }
        o += "To see why a particular setting is not listed: `atl why --profile <file> --setting <URN>`.\n\n"
        return o
    }

    /// The audit stamp: what produced the list, so it can be reproduced.
    static func auditStamp(_ l: AdvisoryList) -> String {
        var o = ""
        o += "## Audit stamp\n\n"
        for (k, v) in ListText.stampLines(l.stamp) { o += "- \(k): `\(v)`\n" }
        return o
    }

    /// Each setting's facts with their sources and dates (``EntryFacts``, as on the HTML page); links in angle
    /// brackets. The journey is already on the setting's lines, so the walking-distance line is not repeated.
    static func factsWithSources(_ e: ListEntry) -> String {
        let lines = EntryFacts.besideTheJourney(e)
        guard !lines.isEmpty else { return "" }
        // A URL from the catalogue goes out as an autolink; one with a space or angle bracket would break it, so
        // that one is shown as escaped text instead.
        func link(_ url: String) -> String {
            url.contains(where: { $0 == " " || $0 == "<" || $0 == ">" }) ? " (" + MarkdownText.inline(url) + ")" : " <" + url + ">"
        }
        return "\n**Facts, with where they come from and when**\n\n"
            + lines.map { l in "- " + MarkdownText.inline(l.text) + (l.url.map(link) ?? "") + "\n" }.joined()
    }

    static func section(_ heading: String, _ items: [String]) -> String {
        guard !items.isEmpty else { return "" }
        return "\n**\(heading)**\n\n" + items.map { "- \(MarkdownText.inline($0))\n" }.joined()
    }

    static func tree(_ e: Explanation, depth: Int) -> String {
        var o = String(repeating: "  ", count: depth) + "- \(e.points) — \(MarkdownText.inline(e.description)) `\(e.key)`\n"
        for d in e.details { o += tree(d, depth: depth + 1) }
        return o
    }
}
