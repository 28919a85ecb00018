import ATLModel
import ATLEngine
import ATLPlanning

/// The family-facing page of an advisory list: one self-contained, accessible, printable HTML file.
///
/// Inline CSS only (no scripts, no external assets, no web fonts), so it can be emailed, opened offline and
/// printed (layout described in `docs/list-output.md`). Every piece of text from the catalogue or the profile is
/// escaped. The wording is shared with the Markdown and JSON renderers through `ListText`, so every format says
/// the same things.
public enum ListHTML {
    public static func render(_ l: AdvisoryList) -> String {
        var o = "<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        o += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        o += "<meta name=\"robots\" content=\"noindex\">\n"
        o += "<title>\(esc(title(l)))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n"
        o += "<header class=\"page-header\">\n"
        if let n = ListText.syntheticCatalogueNotice(l) { o += "<p class=\"banner banner-fictional\"><strong>\(esc(n))</strong></p>\n" }
        if let n = ListText.fictionalNotice(l) { o += "<p class=\"banner banner-fictional\"><strong>\(esc(n))</strong></p>\n" }
        if let n = ListText.syntheticNotice(l) { o += "<p class=\"banner banner-synthetic\"><strong>\(esc(n))</strong></p>\n" }
        o += "<h1>Advisory Tailored List <span class=\"ref\">for \(esc(l.reference))</span></h1>\n"
        o += "<p class=\"lede\">Education settings that may suit the child's needs, with the reasons, "
        o += "what to ask each one, and how the list was put together.</p>\n</header>\n<main>\n"

        o += "<section class=\"advisory\" aria-labelledby=\"advisory-h\">\n"
        o += "<h2 id=\"advisory-h\">Please read first: this list is advice, not a decision</h2>\n"
        o += "<p>\(esc(ListText.advisoryNotice))</p>\n</section>\n"

        o += "<section aria-labelledby=\"profile-h\">\n<h2 id=\"profile-h\">What the list was built from</h2>\n<dl class=\"facts\">\n"
        for (k, v) in ListText.profileLines(l) { o += "<dt>\(esc(k))</dt><dd>\(esc(v))</dd>\n" }
        o += "</dl>\n</section>\n"

        o += "<section aria-labelledby=\"list-h\">\n"
        o += "<h2 id=\"list-h\">\(esc(ListText.listHeading(l)))</h2>\n"
        if l.entries.isEmpty {
            o += "<p>No setting in the catalogue is eligible for this profile. See <a href=\"#not-listed-h\">Settings not on the list</a>.</p>\n"
        } else {
            o += summaryTable(l)
        }
        for n in l.notes { o += "<p class=\"note\"><strong>Note:</strong> \(esc(n))</p>\n" }
        o += "</section>\n"

        for e in l.entries { o += entry(e) }

        o += "<section aria-labelledby=\"not-listed-h\">\n<h2 id=\"not-listed-h\">Settings not on the list</h2>\n<ul class=\"bullets\">\n"
        for s in ListText.excludedSummary(l) { o += "<li>\(esc(s))</li>\n" }
        o += "<li>An officer can explain why any particular setting is not listed (<code>atl why</code>). "
        o += "You can still ask for any school or setting to be named in the plan.</li>\n</ul>\n</section>\n"
        o += "</main>\n"

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

    static func anchor(_ e: ListEntry) -> String { "setting-\(e.setting.urn)" }

    static func labels(_ e: ListEntry) -> String {
        guard !e.labels.isEmpty else { return "" }
        return "<ul class=\"labels\" aria-label=\"Labels\">"
            + e.labels.map { "<li class=\"label label-\(esc($0.rawValue))\">\(esc($0.title))</li>" }.joined()
            + "</ul>"
    }

    static func summaryTable(_ l: AdvisoryList) -> String {
        var o = "<div class=\"table-wrap\">\n<table class=\"summary\">\n"
        o += "<caption>Settings on the list: those that meet the need first, then those that may also meet it; within each, nearer, maintained and better-judged settings first, then by points (higher points mean a closer match to the profile)</caption>\n"
        o += "<thead><tr><th scope=\"col\">#</th><th scope=\"col\">Setting</th><th scope=\"col\">Type</th><th scope=\"col\">Fit</th>"
        o += "<th scope=\"col\">Journey</th><th scope=\"col\">Vacancies</th><th scope=\"col\">Why listed</th>"
        o += "<th scope=\"col\" class=\"num\">Points</th></tr></thead>\n<tbody>\n"
        for e in l.entries {
            // data-label repeats the column header for the narrow-screen layout, where each row is a card.
            o += "<tr><td class=\"num rank-cell\" data-label=\"#\">\(e.rank)</td>"
            o += "<th scope=\"row\"><a href=\"#\(anchor(e))\">\(esc(e.setting.name))</a>\(labels(e))</th>"
            o += "<td data-label=\"Type\">\(esc(e.setting.type.shortTitle))</td>"
            o += "<td data-label=\"Fit\">\(esc(e.band.title))</td>"
            o += "<td data-label=\"Journey\">\(esc(ListText.journey(e)))</td>"
            o += "<td data-label=\"Vacancies\">\(esc(ListText.vacancies(e)))</td>"
            o += "<td data-label=\"Why listed\">\(esc(ListText.inclusion(e)))</td>"
            o += "<td class=\"num\" data-label=\"Points\">\(esc(e.points))</td></tr>\n"
        }
        o += "</tbody>\n</table>\n</div>\n"
        return o
    }

    static func entry(_ e: ListEntry) -> String {
        let id = anchor(e)
        var o = "<section class=\"setting\" id=\"\(id)\" aria-labelledby=\"\(id)-h\">\n"
        o += "<h2 id=\"\(id)-h\"><span class=\"rank\">\(e.rank).</span> \(esc(e.setting.name))</h2>\n"
        o += labels(e) + (e.labels.isEmpty ? "" : "\n")
        o += "<p class=\"setting-facts\">URN \(e.setting.urn) · \(esc(ListText.settingFacts(e.setting)))</p>\n"
        o += "<dl class=\"facts\">\n"
        var journey = ListText.journey(e)
        if e.distanceKm != nil {
            journey += e.distanceFromMatrix ? " (from the travel-time data)" : " (estimated from the straight line)"
            if e.withinWalkingDistance { journey += "; within the statutory walking distance" }
        }
        o += "<dt>Journey</dt><dd>\(esc(journey))</dd>\n"
        o += "<dt>Vacancies</dt><dd>\(esc(ListText.vacancies(e)))</dd>\n"
        o += "<dt>Fit</dt><dd>\(esc(e.band.title))</dd>\n"
        o += "<dt>Why it is on the list</dt><dd>Listed \(esc(ListText.inclusion(e)))</dd>\n"
        o += "<dt>Points</dt><dd>\(esc(e.points))</dd>\n</dl>\n"
        o += bullets("Why it may suit", e.reasons, id: "\(id)-suits")
        o += bullets("What it does not offer that you asked for", e.notOffered, id: "\(id)-not")
        if !e.quotes.isEmpty {
            o += "<h3 id=\"\(id)-report\">From its SEN information report</h3>\n"
            for q in e.quotes {
                o += "<figure class=\"quote\"><blockquote><p>\(esc(q.text))</p></blockquote>"
                o += "<figcaption>Section: <cite>\(esc(q.section.title))</cite></figcaption></figure>\n"
            }
        }
        o += bullets("Points to weigh", e.cautions.map(\.text), id: "\(id)-weigh")
        o += bullets("Questions to ask the setting or the LA", e.toAsk + standardQuestions(e), id: "\(id)-ask")
        o += "<details class=\"breakdown\"><summary>How the \(esc(e.points)) points add up</summary>\n"
        o += "<ul class=\"tree\">\n" + tree(e.explanation) + "</ul>\n</details>\n"
        o += "</section>\n"
        return o
    }

    /// Questions worth asking every setting, whatever the data says (the cautions' questions come first, in
    /// ``ListEntry/toAsk``).
    static func standardQuestions(_ e: ListEntry) -> [String] {
        ["Can we visit, and talk to the SENCO or head of provision about the child's plan?"]
    }

    static func bullets(_ heading: String, _ items: [String], id: String) -> String {
        guard !items.isEmpty else { return "" }
        return "<h3 id=\"\(id)\">\(esc(heading))</h3>\n<ul class=\"bullets\">\n" + items.map { "<li>\(esc($0))</li>\n" }.joined() + "</ul>\n"
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

    /// Inline stylesheet. Colours meet WCAG AA contrast (text ≥ 4.5:1 on its background); print hides nothing
    /// but opens the score breakdowns and drops link colours.
    static let css = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 60rem; padding: 1rem 1.25rem 2rem; font: 1.0625rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1b1b; background: #ffffff; }
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
        .advisory { margin: 1.5rem 0; padding: 0.25rem 1.25rem 0.75rem; border-left: 0.6rem solid #1d4f91; background: #eef3f9; }
        .advisory h2 { margin-top: 0.75rem; font-size: 1.3rem; }
        .advisory p { font-size: 1.125rem; margin: 0.25rem 0 0.5rem; }
        dl.facts { display: grid; grid-template-columns: minmax(9rem, max-content) 1fr; gap: 0.3rem 1rem; margin: 0.5rem 0 1rem; }
        dl.facts dt { font-weight: 700; }
        dl.facts dd { margin: 0; }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
        caption { text-align: left; font-weight: 700; padding: 0 0 0.5rem; }
        th, td { border-bottom: 1px solid #b1b4b6; padding: 0.5rem 0.5rem 0.5rem 0; text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid #0b0c0c; }
        tbody th { font-weight: 600; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        .labels { list-style: none; margin: 0.25rem 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3rem; }
        .label { display: inline-block; padding: 0.05rem 0.45rem; border: 1px solid #505a5f; border-radius: 0.25rem; font-size: 0.8125rem; font-weight: 700; background: #f3f2f1; color: #0b0c0c; }
        .label-fictional { background: #ffdd00; border-color: #0b0c0c; }
        .label-full { background: #f6d7d2; border-color: #942514; color: #6b1a0e; }
        .label-out-of-area { background: #fcefe3; border-color: #8a4b08; color: #5c3205; }
        .label-independent-sector { background: #ebe3f2; border-color: #4c2c92; color: #3a226f; }
        .label-named-by-family { background: #dff1e6; border-color: #005a30; color: #00401f; }
        .setting { margin-top: 2.5rem; padding-top: 0.5rem; border-top: 4px solid #1d4f91; }
        .setting h2 { margin-top: 0.5rem; }
        .setting .rank { color: #1d4f91; }
        .setting-facts { color: #3d3d3d; margin: 0.25rem 0 0.75rem; }
        .note { padding: 0.5rem 0.75rem; border-left: 4px solid #8a4b08; background: #fcefe3; }
        figure.quote { margin: 0.5rem 0 0.75rem; }
        blockquote { margin: 0; padding: 0.5rem 1rem; border-left: 4px solid #505a5f; background: #f3f2f1; font-style: italic; }
        blockquote p { margin: 0; }
        figcaption { font-size: 0.9375rem; color: #3d3d3d; padding: 0.25rem 0 0 1.25rem; }
        figcaption cite { font-style: normal; font-weight: 600; }
        details.breakdown { margin: 1rem 0 0; border: 1px solid #b1b4b6; padding: 0.5rem 0.75rem; }
        details.breakdown summary { cursor: pointer; font-weight: 700; color: #1d4f91; }
        ul.tree { margin: 0.5rem 0 0; padding-left: 1.25rem; font-size: 0.9375rem; }
        ul.tree ul { padding-left: 1.5rem; }
        .pts { display: inline-block; min-width: 4.5rem; font-weight: 700; font-variant-numeric: tabular-nums; }
        code.key { color: #505a5f; font-size: 0.8rem; }
        footer { margin-top: 3rem; padding-top: 0.5rem; border-top: 2px solid #0b0c0c; font-size: 0.9375rem; }
        footer h2 { font-size: 1.2rem; }
        dl.stamp { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
        dl.stamp dt { font-weight: 700; }
        dl.stamp dd { margin: 0; }
        @media (max-width: 40rem) {
          dl.facts { grid-template-columns: 1fr; }
          dl.facts dd { margin-bottom: 0.4rem; }
          h1 { font-size: 1.6rem; }
          table.summary, table.summary caption, table.summary tbody, table.summary tr, table.summary th, table.summary td { display: block; }
          table.summary thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
          table.summary tr { border-bottom: 2px solid #505a5f; padding: 0.5rem 0; }
          table.summary th, table.summary td { border: none; padding: 0.1rem 0; text-align: left; }
          table.summary td::before { content: attr(data-label) ": "; font-weight: 700; }
          table.summary td.rank-cell { display: none; }
        }
        @media print {
          @page { margin: 15mm; }
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          a { color: inherit; text-decoration: none; }
          .table-wrap { overflow: visible; }
          .banner, .advisory, .label, .note, blockquote { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          .setting { margin-top: 1.5rem; }
          h1, h2, h3, caption, summary { break-after: avoid; }
          caption, thead { break-inside: avoid; }
          tr, figure.quote, dl.facts, .advisory, .banner, ul.bullets li { break-inside: avoid; }
          ul.tree { font-size: 9pt; }
          details.breakdown { border: none; padding: 0; }
          details.breakdown summary { list-style: none; color: inherit; }
          details.breakdown summary::-webkit-details-marker { display: none; }
          details.breakdown::details-content { content-visibility: visible; display: block; }
        }

        """
}
