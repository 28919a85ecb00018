import ATLModel
import ATLEngine
import ATLPlanning

/// The family's page of an advisory list: one self-contained, accessible, printable HTML file (issue 14).
///
/// What a parent meets, in order: the fictional or synthetic banners, an Easy Read summary (the first printed
/// page), the list as a table saying how each setting meets what the profile asked (the need, the plan's
/// must-haves, the journey, places) and a specific reason it is listed, how many settings were left off and why,
/// then a section per setting with what to weigh and what to ask, the settings not on the list and a short
/// glossary. Points and their breakdown are for the officer only, in a section headed so at the end (printed on
/// pages of its own). Inline CSS only (no scripts, no external assets, no web fonts): it can be emailed, opened
/// offline and printed on A4, with the banners repeated on every printed page. Every piece of text from the
/// catalogue or the profile is escaped. Family wording comes from ``FamilyWords``, shared with ``ListMarkdown``.
public enum ListHTML {
    public static func render(_ l: AdvisoryList) -> String {
        var family = ""
        family += easyRead(l)
        family += listSection(l)
        family += "<section aria-labelledby=\"profile-h\">\n<h2 id=\"profile-h\">What the list was built from</h2>\n<dl class=\"facts\">\n"
        for (k, v) in FamilyWords.profileLines(l) { family += "<dt>\(esc(k))</dt><dd>\(esc(v))</dd>\n" }
        family += "</dl>\n</section>\n"
        for e in l.entries { family += entry(e, l) }
        family += "<section aria-labelledby=\"not-listed-h\">\n<h2 id=\"not-listed-h\">Settings not on the list</h2>\n<ul class=\"bullets\">\n"
        for s in FamilyWords.notListedLines(l) { family += "<li>\(esc(s))</li>\n" }
        family += "</ul>\n</section>\n"

        var o = "<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        o += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        o += "<meta name=\"robots\" content=\"noindex\">\n"
        o += "<title>\(esc(title(l)))</title>\n<style>\n\(css)\(printBanner(l))</style>\n</head>\n<body>"
        // The page's words after <body>, kept apart so the glossary can look for its terms in them (and only them)
        // without searching the head and its style sheet again.
        var page = "\n<header class=\"page-header\">\n"
        for n in banners(l) { page += "<p class=\"banner \(n.class)\"><strong>\(esc(n.text))</strong></p>\n" }
        page += "<h1>Advisory Tailored List <span class=\"ref\">for \(esc(l.reference))</span></h1>\n"
        page += "<p class=\"lede\">Schools and other settings that may suit a child with special educational needs and disabilities (SEND) and an Education, Health and Care plan (EHCP), "
        page += "from the local authority (LA): how each meets the child's needs, what to weigh and what to ask.</p>\n</header>\n<main>\n"
        page += family
        page += glossary(l, pageText: page)
        o += page
        o += "</main>\n"
        o += officerSection(l)
        o += "<footer aria-labelledby=\"stamp-h\">\n<h2 id=\"stamp-h\">Audit stamp</h2>\n"
        o += "<p>These values identify exactly what produced this list; the same inputs give the same list.</p>\n<dl class=\"stamp\">\n"
        for (k, v) in ListText.stampLines(l.stamp) { o += "<dt>\(esc(k))</dt><dd><code>\(esc(v))</code></dd>\n" }
        o += "</dl>\n</footer>\n</body>\n</html>\n"
        return o
    }

    static func title(_ l: AdvisoryList) -> String {
        var t = "Advisory Tailored List for \(l.reference)"
        if l.syntheticCatalogue { t += " (SYNTHETIC catalogue)" }
        if l.fictionalCatalogue { t += " (fictional example)" } else if l.synthetic { t += " (synthetic child)" }
        return t
    }

    static func banners(_ l: AdvisoryList) -> [(class: String, text: String)] {
        var out: [(String, String)] = []
        if let n = ListText.syntheticCatalogueNotice(l) { out.append(("banner-fictional", n)) }
        if let n = ListText.fictionalNotice(l) { out.append(("banner-fictional", n)) }
        if let n = ListText.syntheticNotice(l) { out.append(("banner-synthetic", n)) }
        return out
    }

    /// The short banner printed at the top of every A4 page (a CSS page-margin box), so a page that is
    /// photocopied or handed on alone still says the settings are invented or the child synthetic.
    static func printBanner(_ l: AdvisoryList) -> String {
        var parts: [String] = []
        if l.syntheticCatalogue { parts.append("SYNTHETIC CATALOGUE: invented SEN facts about real schools. Do not use for a child") }
        if l.fictionalCatalogue { parts.append("FICTIONAL EXAMPLE: invented settings, not real schools") }
        if l.synthetic { parts.append("SYNTHETIC CHILD: an invented profile") }
        guard !parts.isEmpty else { return "" }
        return "@media print { @page { @top-center { content: \"\(cssString(parts.joined(separator: " · ")))\"; "
            + "font: 700 8.5pt/1.2 system-ui, \"Liberation Sans\", Arial, sans-serif; color: #0b0c0c; background: #ffdd00; "
            + "border: 1.5pt solid #0b0c0c; padding: 1mm 3mm; margin-top: 6mm; } } }\n"
    }

    /// Text for a CSS string: anything but letters, digits, spaces and plain punctuation as a hex escape, so no
    /// value can end the string or the style element.
    static func cssString(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            if u.isASCII, u.properties.isAlphabetic || u.properties.numericType != nil || " .,:;-()".unicodeScalars.contains(u) {
                out.unicodeScalars.append(u)
            } else {
                out += "\\" + String(u.value, radix: 16) + " "
            }
        }
        return out
    }

    static func anchor(_ e: ListEntry) -> String { "setting-\(e.setting.urn)" }

    static func labels(_ e: ListEntry, table: Bool = false) -> String {
        let shown = table ? e.labels.filter { $0 != .fictional } : e.labels
        guard !shown.isEmpty else { return "" }
        return "<ul class=\"labels\" aria-label=\"Labels\">"
            + shown.map { "<li class=\"label label-\(esc($0.rawValue))\">\(esc(labelTitle($0)))</li>" }.joined()
            + "</ul>"
    }

    /// Label words a parent reads ("State-funded" is the other side of "Independent or non-maintained").
    static func labelTitle(_ l: EntryLabel) -> String { l.title }

    // MARK: Easy Read

    /// The Easy Read summary: the first printed page, in short sentences, one idea per line.
    static func easyRead(_ l: AdvisoryList) -> String {
        let r = FamilyWords.easyRead(l)
        var o = "<section class=\"easy-read\" aria-labelledby=\"easy-h\">\n<h2 id=\"easy-h\">Easy Read summary</h2>\n"
        for line in r.opening { o += "<p>\(esc(line))</p>\n" }
        if !r.settings.isEmpty {
            o += "<h3 id=\"easy-list-h\">The list</h3>\n<ol class=\"easy-list\" aria-labelledby=\"easy-list-h\">\n"
            for (name, line) in r.settings { o += "<li><strong>\(esc(name))</strong><br>\(esc(line))</li>\n" }
            o += "</ol>\n"
        }
        for line in r.closing {
            o += line.hasPrefix("Hard words") ? "<p><a href=\"#glossary-h\">\(esc(line))</a></p>\n" : "<p>\(esc(line))</p>\n"
        }
        return o + "</section>\n"
    }

    // MARK: The list

    static func listSection(_ l: AdvisoryList) -> String {
        var o = "<section class=\"the-list\" aria-labelledby=\"list-h\">\n"
        o += "<h2 id=\"list-h\">\(esc(ListText.listHeading(l)))</h2>\n"
        o += "<div class=\"advisory\"><p>\(esc(ListText.advisoryNotice))</p></div>\n"
        if l.entries.isEmpty {
            o += "<p>No setting in the catalogue is eligible for this profile. See <a href=\"#not-listed-h\">Settings not on the list</a>.</p>\n"
        } else {
            o += summaryTable(l)
        }
        o += "<h3 id=\"left-off-h\">Settings left off the list</h3>\n"
        for s in FamilyWords.leftOffLines(l) { o += "<p>\(esc(s))</p>\n" }
        for n in FamilyWords.familyNotes(l) { o += "<p class=\"note\"><strong>Note:</strong> \(esc(n))</p>\n" }
        return o + "</section>\n"
    }

    static func summaryTable(_ l: AdvisoryList) -> String {
        let must = !l.mustHave.isEmpty
        var o = "<div class=\"table-wrap\">\n<table class=\"summary card\">\n"
        o += "<caption>Settings on the list, in order: those that meet the need first, then those that may also meet it. "
        o += "Within each group, settings within the journey limit, not judged Inadequate and state-funded come first, then the closest matches.</caption>\n"
        o += "<thead><tr><th scope=\"col\" class=\"num\">#</th><th scope=\"col\">Setting</th><th scope=\"col\">Fit with the need</th>"
        if must { o += "<th scope=\"col\">Has what the plan requires?</th>" }
        o += "<th scope=\"col\">Journey</th><th scope=\"col\">Places free</th><th scope=\"col\">Why it is on the list</th></tr></thead>\n<tbody>\n"
        for e in l.entries {
            // data-label repeats the column header for the narrow-screen layout, where each row is a card.
            let fit = FamilyWords.needFit(e, l)
            o += "<tr><td class=\"num rank-cell\" data-label=\"#\">\(e.rank)</td>"
            o += "<th scope=\"row\"><a href=\"#\(anchor(e))\">\(esc(e.setting.name))</a>"
            // The fictional label is left out of the table: the banner on every page says it once for all.
            o += "<span class=\"kind\">\(esc(FamilyWords.kind(e.setting, l).one.capitalisedFirstLetter))</span>\(labels(e, table: true))</th>"
            o += "<td data-label=\"Fit with the need\"><strong>\(esc(fit.title)).</strong> \(esc(FamilyWords.needDetail(e, l).capitalisedFirstLetter)).</td>"
            if must { o += "<td data-label=\"Has what the plan requires?\">\(esc(FamilyWords.mustHaves(e, l)?.short ?? ""))</td>" }
            o += "<td data-label=\"Journey\">\(esc(FamilyWords.journeyShort(e)))</td>"
            o += "<td data-label=\"Places free\">\(esc(FamilyWords.placesShort(FamilyWords.places(e, l))))</td>"
            o += "<td data-label=\"Why it is on the list\">\(esc(FamilyWords.whyListed(e, l)))</td></tr>\n"
        }
        o += "</tbody>\n</table>\n</div>\n"
        return o
    }

    // MARK: One setting

    static func entry(_ e: ListEntry, _ l: AdvisoryList) -> String {
        let id = anchor(e)
        let fit = FamilyWords.needFit(e, l)
        var o = "<section class=\"setting\" id=\"\(id)\" aria-labelledby=\"\(id)-h\">\n"
        o += "<h2 id=\"\(id)-h\"><span class=\"rank\">\(e.rank).</span> \(esc(e.setting.name))</h2>\n"
        o += labels(e) + (e.labels.isEmpty ? "" : "\n")
        // The unique reference number is spelled out on its first use on the page.
        let urn = e.rank == 1 ? "Unique reference number (URN) \(e.setting.urn)" : "URN \(e.setting.urn)"
        o += "<p class=\"setting-facts\">\(esc(ListText.settingFacts(e.setting))) · \(urn)</p>\n"
        o += "<p class=\"why-listed\"><strong>Why it is on the list:</strong> \(esc(FamilyWords.whyListed(e, l)))</p>\n"
        o += "<dl class=\"facts\">\n"
        o += "<dt>Fit with the need</dt><dd><strong>\(esc(fit.title)).</strong> \(esc(FamilyWords.needDetail(e, l).capitalisedFirstLetter)).</dd>\n"
        if let m = FamilyWords.mustHaves(e, l) { o += "<dt>What the plan requires</dt><dd>\(esc(FamilyWords.mustHavesLong(m)))</dd>\n" }
        o += "<dt>Journey</dt><dd>\(esc(FamilyWords.journeyLong(e, l)))</dd>\n"
        o += "<dt>Places</dt><dd>\(esc(FamilyWords.placesLong(FamilyWords.places(e, l), l)))</dd>\n"
        o += "</dl>\n"
        o += factsWithSources(e)
        o += bullets("What it offers for this child", FamilyWords.otherReasons(e), id: "\(id)-suits")
        o += bullets("What it does not offer that was asked for", e.notOffered, id: "\(id)-not")
        if !e.quotes.isEmpty {
            o += "<h3 id=\"\(id)-report\">From its SEN information report</h3>\n"
            for q in e.quotes {
                o += "<figure class=\"quote\"><blockquote><p>\(esc(q.text))</p></blockquote>"
                o += "<figcaption>Section: <cite>\(esc(q.section.title))</cite></figcaption></figure>\n"
            }
        }
        if !e.cautions.isEmpty {
            o += "<h3 id=\"\(id)-weigh\">Things to weigh, and what to ask</h3>\n<ul class=\"weigh\">\n"
            for c in e.cautions {
                o += "<li><p>\(esc(c.text))</p><p class=\"ask\"><strong>Ask:</strong> \(esc(c.question))</p></li>\n"
            }
            o += "</ul>\n"
        }
        o += bullets(e.cautions.isEmpty ? "Questions to ask" : "Other questions to ask", FamilyWords.otherQuestions(e), id: "\(id)-ask")
        o += "</section>\n"
        return o
    }

    // MARK: Facts with their sources and dates (placeholder)

    /// Each setting's facts with their sources and dates, the officer's check note, a sibling and the family's fit
    /// preferences (``EntryFacts``); a fact with a page links to it. The journey line is on the setting's facts
    /// list already, so the walking-distance line is not repeated here.
    static func factsWithSources(_ e: ListEntry) -> String {
        let lines = EntryFacts.besideTheJourney(e)
        guard !lines.isEmpty else { return "" }
        let id = "\(anchor(e))-facts"
        return "<h3 id=\"\(id)\">Facts, with where they come from and when</h3>\n<ul class=\"bullets\">\n"
            + lines.map { l in
                "<li>\(esc(l.text))" + (l.url.map { " <a href=\"\(esc($0))\">(\(l.key == "sen-report-link" ? "open the report" : "where it was published"))</a>" } ?? "") + "</li>\n"
            }.joined() + "</ul>\n"
    }

    static func bullets(_ heading: String, _ items: [String], id: String) -> String {
        guard !items.isEmpty else { return "" }
        return "<h3 id=\"\(id)\">\(esc(heading))</h3>\n<ul class=\"bullets\">\n" + items.map { "<li>\(esc($0))</li>\n" }.joined() + "</ul>\n"
    }

    // MARK: Glossary

    /// The terms the page uses, with their meanings (a GOV.UK-style summary list).
    static func glossary(_ l: AdvisoryList, pageText: String) -> String {
        let entries = Glossary.entries(for: pageText)
        var o = "<section class=\"glossary\" aria-labelledby=\"glossary-h\">\n<h2 id=\"glossary-h\">Words used in this list</h2>\n<dl class=\"facts\">\n"
        for g in entries { o += "<dt>\(esc(g.term))</dt><dd>\(esc(g.meaning))</dd>\n" }
        return o + "</dl>\n</section>\n"
    }

    // MARK: For the officer

    /// Points and their exact breakdown, for the SEND officer: printed on pages of their own after the family's part.
    static func officerSection(_ l: AdvisoryList) -> String {
        var o = "<aside class=\"officer\" aria-labelledby=\"officer-h\">\n"
        o += "<h2 id=\"officer-h\">For the SEND officer: points and how they add up</h2>\n"
        o += "<p>Points order settings within the list's groups; they have no fixed maximum and are not a grade, so they are not shown to the family above. "
        o += "Each total is the exact sum of its parts, in thousandths of a point.</p>\n"
        let officerNotes = l.notes.filter(FamilyWords.isOfficerNote)
        for n in officerNotes { o += "<p class=\"note\"><strong>Note:</strong> \(esc(n))</p>\n" }
        if !l.entries.isEmpty {
            o += "<div class=\"table-wrap\">\n<table class=\"points card\">\n<caption>Points and why each setting was included</caption>\n"
            o += "<thead><tr><th scope=\"col\" class=\"num\">#</th><th scope=\"col\">Setting</th><th scope=\"col\">Group</th>"
            o += "<th scope=\"col\">Included</th><th scope=\"col\" class=\"num\">Points</th></tr></thead>\n<tbody>\n"
            for e in l.entries {
                o += "<tr><td class=\"num rank-cell\" data-label=\"#\">\(e.rank)</td><th scope=\"row\">\(esc(e.setting.name)) <span class=\"kind\">URN \(e.setting.urn)</span></th>"
                o += "<td data-label=\"Group\">\(esc(e.band.title))</td><td data-label=\"Included\">\(esc(ListText.inclusion(e)))</td>"
                o += "<td class=\"num\" data-label=\"Points\">\(esc(e.points))</td></tr>\n"
            }
            o += "</tbody>\n</table>\n</div>\n"
            if l.leftOutByShare > 0 {
                o += "<p>\(l.leftOutByShare) higher-scoring settings were left out so that the list illustrates choice (no one type takes more than its share, and each suitable type has a place).</p>\n"
            }
        }
        for e in l.entries {
            o += "<details class=\"breakdown\" id=\"\(anchor(e))-points\"><summary>\(e.rank). \(esc(e.setting.name)): how the \(esc(e.points)) points add up</summary>\n"
            o += "<ul class=\"tree\">\n" + tree(e.explanation) + "</ul>\n</details>\n"
        }
        return o + "</aside>\n"
    }

    static func tree(_ e: Explanation) -> String {
        var o = "<li><span class=\"pts\">\(esc(e.points))</span> \(esc(e.description)) <code class=\"key\">\(esc(e.key))</code>"
        if !e.details.isEmpty { o += "\n<ul>\n" + e.details.map(tree).joined() + "</ul>\n" }
        return o + "</li>\n"
    }

    /// Escapes text for HTML element content and double- or single-quoted attribute values.
    public static func esc(_ s: String) -> String {
        HTMLText.escape(s)
    }

    /// Inline stylesheet. Colours meet WCAG AA contrast (text ≥ 4.5:1 on its background). Printed on A4: the
    /// Easy Read summary alone on page 1, the list table from the top of page 2, the officer's points on pages of
    /// their own, every breakdown open, and the banner in the top margin of every page.
    static let css = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 60rem; padding: 1rem 1.25rem 2rem; font: 1.0625rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif; color: #1b1b1b; background: #ffffff; overflow-wrap: break-word; }
        h1 { font-size: 2rem; line-height: 1.2; margin: 0.5rem 0; }
        h1 .ref { display: block; font-size: 1.25rem; font-weight: 600; color: #3d3d3d; }
        h2 { font-size: 1.5rem; line-height: 1.25; margin: 2rem 0 0.75rem; }
        h3 { font-size: 1.125rem; margin: 1.25rem 0 0.5rem; }
        a { color: #1d4f91; text-decoration-thickness: 0.1em; }
        a:focus { outline: 3px solid #ffbf47; outline-offset: 2px; background: #ffbf47; color: #0b0c0c; }
        code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.875em; overflow-wrap: anywhere; }
        .lede { font-size: 1.125rem; color: #3d3d3d; margin-top: 0; }
        .banner { margin: 0 0 0.5rem; padding: 0.6rem 0.9rem; border: 3px solid #0b0c0c; font-size: 1rem; }
        .banner-fictional { background: #ffdd00; color: #0b0c0c; }
        .banner-synthetic { background: #e8f1f8; color: #0b0c0c; }
        .easy-read { margin: 1.25rem 0; padding: 0.5rem 1.25rem 0.75rem; border: 3px solid #1d4f91; font-size: 1.25rem; line-height: 1.55; }
        .easy-read h2 { margin-top: 0.5rem; font-size: 1.6rem; }
        .easy-read h3 { font-size: 1.3rem; margin: 0.9rem 0 0.3rem; }
        .easy-read p { margin: 0 0 0.35rem; }
        .easy-list { margin: 0 0 0.75rem; padding-left: 1.6rem; }
        .easy-list li { margin: 0 0 0.35rem; }
        .advisory { margin: 0.75rem 0 1rem; padding: 0.5rem 1rem; border-left: 0.6rem solid #1d4f91; background: #eef3f9; }
        .advisory p { margin: 0.25rem 0; }
        dl.facts { display: grid; grid-template-columns: minmax(9rem, max-content) 1fr; gap: 0.3rem 1rem; margin: 0.5rem 0 1rem; }
        dl.facts dt { font-weight: 700; }
        dl.facts dd { margin: 0; }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
        caption { text-align: left; font-weight: 700; padding: 0 0 0.5rem; }
        th, td { border-bottom: 1px solid #b1b4b6; padding: 0.5rem 0.5rem 0.5rem 0; text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid #0b0c0c; }
        tbody th { font-weight: 600; }
        .kind { display: block; font-weight: 400; color: #3d3d3d; font-size: 0.9em; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        .labels { list-style: none; margin: 0.25rem 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3rem; }
        .label { display: inline-block; padding: 0.05rem 0.45rem; border: 1px solid #505a5f; border-radius: 0.25rem; font-size: 0.8125rem; font-weight: 700; background: #f3f2f1; color: #0b0c0c; }
        .label-fictional { background: #ffdd00; border-color: #0b0c0c; }
        .label-full { background: #f6d7d2; border-color: #942514; color: #6b1a0e; }
        .label-out-of-area, .label-long-journey { background: #fcefe3; border-color: #8a4b08; color: #5c3205; }
        .label-independent-sector, .label-fee-paying { background: #ebe3f2; border-color: #4c2c92; color: #3a226f; }
        .label-named-by-family { background: #dff1e6; border-color: #005a30; color: #00401f; }
        .setting { margin-top: 2.5rem; padding-top: 0.5rem; border-top: 4px solid #1d4f91; }
        .setting h2 { margin-top: 0.5rem; }
        .setting .rank { color: #1d4f91; }
        .setting-facts { color: #3d3d3d; margin: 0.25rem 0 0.5rem; }
        .why-listed { margin: 0.5rem 0; padding: 0.5rem 0.75rem; background: #f3f2f1; border-left: 4px solid #505a5f; }
        ul.weigh { padding-left: 1.25rem; }
        ul.weigh li { margin-bottom: 0.6rem; }
        ul.weigh p { margin: 0; }
        ul.weigh p.ask { margin-top: 0.15rem; }
        .note { padding: 0.5rem 0.75rem; border-left: 4px solid #8a4b08; background: #fcefe3; }
        figure.quote { margin: 0.5rem 0 0.75rem; }
        blockquote { margin: 0; padding: 0.5rem 1rem; border-left: 4px solid #505a5f; background: #f3f2f1; font-style: italic; }
        blockquote p { margin: 0; }
        figcaption { font-size: 0.9375rem; color: #3d3d3d; padding: 0.25rem 0 0 1.25rem; }
        figcaption cite { font-style: normal; font-weight: 600; }
        .officer { margin-top: 3rem; padding: 0.25rem 1rem 1rem; border: 2px dashed #505a5f; background: #fafafa; }
        .officer h2 { margin-top: 0.75rem; }
        details.breakdown { margin: 0.75rem 0 0; border: 1px solid #b1b4b6; padding: 0.5rem 0.75rem; background: #ffffff; }
        details.breakdown summary { cursor: pointer; font-weight: 700; color: #1d4f91; }
        ul.tree { margin: 0.5rem 0 0; padding-left: 1.25rem; font-size: 0.9375rem; }
        ul.tree ul { padding-left: 1.5rem; }
        .pts { display: inline-block; min-width: 4.5rem; font-weight: 700; font-variant-numeric: tabular-nums; }
        code.key { color: #505a5f; font-size: 0.8rem; }
        footer { margin-top: 3rem; padding-top: 0.5rem; border-top: 2px solid #0b0c0c; font-size: 0.9375rem; }
        footer h2 { font-size: 1.2rem; }
        dl.stamp { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.2rem 1rem; }
        dl.stamp dt { font-weight: 700; }
        dl.stamp dd { margin: 0; overflow-wrap: anywhere; }
        @media (max-width: 40rem) {
          body { padding: 0.75rem 0.9rem 2rem; }
          dl.facts { grid-template-columns: 1fr; }
          dl.facts dd { margin-bottom: 0.4rem; }
          dl.stamp { grid-template-columns: 1fr; }
          h1 { font-size: 1.6rem; }
          .easy-read { font-size: 1.1875rem; padding: 0.5rem 0.9rem; }
          table.card, table.card caption, table.card tbody, table.card tr, table.card th, table.card td { display: block; }
          table.card thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
          table.card tr { border-bottom: 2px solid #505a5f; padding: 0.5rem 0; }
          table.card th, table.card td { border: none; padding: 0.1rem 0; text-align: left; }
          table.card td::before { content: attr(data-label) ": "; font-weight: 700; }
          table.card td.rank-cell { display: none; }
        }
        @media print {
          @page { size: A4; margin: 18mm 13mm 15mm; @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt system-ui, "Liberation Sans", Arial, sans-serif; color: #3d3d3d; } }
          body { max-width: none; padding: 0; font-size: 10pt; line-height: 1.4; }
          a { color: inherit; text-decoration: none; }
          h1 { font-size: 18pt; margin: 0 0 2mm; }
          h1 .ref { display: inline; font-size: 14pt; }
          h2 { font-size: 14pt; margin: 5mm 0 2mm; }
          h3 { font-size: 11pt; margin: 3mm 0 1mm; }
          .lede { font-size: 10.5pt; margin-bottom: 2mm; }
          .banner { padding: 1.5mm 3mm; font-size: 9.5pt; margin-bottom: 1.5mm; }
          .easy-read { break-after: page; font-size: 12pt; line-height: 1.35; margin: 2mm 0 0; padding: 0 5mm 1mm; }
          .easy-list li br { display: none; }
          .easy-list li strong::after { content: "\\00a0\\2013\\00a0"; }
          .easy-read h2 { font-size: 16pt; margin: 2mm 0 1.5mm; }
          .easy-read h3 { font-size: 14pt; margin: 2mm 0 1mm; }
          .easy-read p, .easy-list li { margin: 0 0 1mm; }
          .the-list h2 { margin-top: 0; }
          .advisory { margin: 1mm 0 2mm; padding: 1mm 3mm; font-size: 9pt; }
          .table-wrap { overflow: visible; }
          table { font-size: 8.5pt; }
          th, td { padding: 1mm 1.5mm 1mm 0; }
          thead { display: table-header-group; }
          .label { font-size: 7.5pt; }
          .banner, .advisory, .label, .note, blockquote, .why-listed, .officer, .easy-read { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          .setting { margin-top: 5mm; }
          h1, h2, h3, caption, summary { break-after: avoid; }
          caption, thead { break-inside: avoid; }
          tr, figure.quote, dl.facts, .advisory, .banner, ul.bullets li, ul.weigh li, .why-listed, .easy-list li { break-inside: avoid; }
          .glossary dl.facts { break-inside: auto; font-size: 9pt; line-height: 1.3; gap: 0.8mm 4mm; }
          .glossary dl.facts dt, .glossary dl.facts dd { break-inside: avoid; }
          .officer { break-before: page; border: none; padding: 0; background: none; }
          ul.tree { font-size: 8.5pt; }
          details.breakdown { border: none; padding: 0; break-inside: avoid; }
          details.breakdown summary { list-style: none; color: inherit; }
          details.breakdown summary::-webkit-details-marker { display: none; }
          details.breakdown::details-content { content-visibility: visible; display: block; }
          footer { break-inside: avoid; }
        }

        """
}
