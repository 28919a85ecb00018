import ATLModel
import ATLEngine
import ATLPlanning
import ATLMaps

/// The gap analysis as one self-contained HTML page an LA can share with settings and governors: headline
/// figures, coverage by LA and by setting type, a setting × Schedule 1 item table with heat colouring *and* a
/// text value in every cell, coverage of the other report items and header facts, the letters (what each
/// setting is asked for), and the audit stamp last. No scripts, no external files; prints on A4 with the wide
/// setting table on landscape pages.
public enum AuditHTML {
    static let esc = HTMLText.escape

    /// The Schedule 1 items (SEND Regulations 2014): the columns of the setting table.
    static let schedule1 = ReportSection.allCases.filter { $0.source == .schedule1 }

    /// Heat colours for a coverage, orange (little held) to blue (all held): a diverging scale readable by
    /// colour-blind readers, every step light enough for black text at more than 7:1. The figure is always
    /// printed in the cell too.
    static func heat(_ c: Coverage) -> String {
        guard let f = c.fraction else { return "h-na" }
        if f >= 1 { return "h4" }
        if f >= 0.75 { return "h3" }
        if f >= 0.5 { return "h2" }
        if f >= 0.25 { return "h1" }
        return "h0"
    }

    static let css = """
        .h0{background:#fdae6b}.h1{background:#fdd0a2}.h2{background:#deebf7}.h3{background:#c6dbef}.h4{background:#9ecae1}.h-na{background:#fff}
        .key{display:flex;flex-wrap:wrap;gap:4px 14px;padding:0;list-style:none;font-size:.9em}.key li{display:flex;gap:6px;align-items:center}
        .key span.sw{display:inline-block;min-width:2.2em;text-align:center;border:1px solid #bbb;padding:0 4px}
        table.matrix{font-size:.85em}table.matrix td{text-align:center;padding:2px 4px;min-width:1.6em}table.matrix tbody th{white-space:normal;min-width:12em}
        .vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        .letter{border-top:1px solid #bbb;padding-top:4px}.letter h3{font-size:1em;margin:.6em 0 .2em}.letter p{margin:.2em 0}
        @media print{.wide-print{page:landscape}table.matrix{font-size:7pt}table.matrix td{padding:1px 2px}.letter{break-inside:avoid}}
        """

    static func table(_ header: [String], _ rows: [[(text: String, cls: String?)]], caption: String, numeric: Set<Int> = []) -> String {
        var out = "<div class=\"tw\" tabindex=\"0\" role=\"region\" aria-label=\"\(esc(caption))\"><table><caption>\(esc(caption))</caption><thead><tr>"
        for (i, h) in header.enumerated() { out += "<th scope=\"col\"\(numeric.contains(i) ? " class=\"n\"" : "")>\(esc(h))</th>" }
        out += "</tr></thead><tbody>"
        for r in rows {
            out += "<tr>"
            for (i, c) in r.enumerated() {
                var cls = [String]()
                if numeric.contains(i) { cls.append("n") }
                if let x = c.cls { cls.append(x) }
                let attr = cls.isEmpty ? "" : " class=\"\(cls.joined(separator: " "))\""
                out += i == 0 ? "<th scope=\"row\"\(attr)>\(esc(c.text))</th>" : "<td\(attr)>\(esc(c.text))</td>"
            }
            out += "</tr>"
        }
        return out + "</tbody></table></div>\n"
    }

    static func plain(_ s: String) -> (text: String, cls: String?) { (s, nil) }
    static func heated(_ c: Coverage) -> (text: String, cls: String?) { (AuditFormat.percent(c), heat(c)) }

    /// The page. `title` names what was audited, e.g. "Telford and Wrekin" (defaults to the catalogue).
    public static func render(_ a: GapAnalysis, stamp: ProvenanceStamp, title: String? = nil) -> String {
        let subject = title ?? "catalogue \(stamp.catalogue ?? "")"
        let h1 = "SEN information held about \(AuditFormat.count(a.overall.settings)) settings: \(subject)"
        var out = "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        out += "<title>\(esc(h1))</title><style>\n\(PageStyle.css())\n\(css)\n</style></head><body>\n<header><h1>\(esc(h1))</h1>\n"
        out += "<p class=\"banner\">\(esc(banner(a)))</p>\n"
        out += "<p class=\"lede\">For each setting, which parts of its SEN information report (the special educational needs information every school must publish) and which basic facts the local authority holds. <strong>\"Not held\" means the local authority's catalogue does not hold it, not that the setting has not published it.</strong></p>\n</header><main>\n"

        let o = a.overall
        out += "<section aria-labelledby=\"headline\"><h2 id=\"headline\">Headline figures</h2><ul>"
        out += "<li>Report sections held: <strong>\(AuditFormat.count(o.report.present)) of \(AuditFormat.count(o.report.applicable))</strong> (\(AuditFormat.percent(o.report))).</li>"
        out += "<li>Basic facts held: <strong>\(AuditFormat.count(o.facts.present)) of \(AuditFormat.count(o.facts.applicable))</strong> (\(AuditFormat.percent(o.facts))).</li>"
        out += "<li>\(esc(PlainWords.count(o.completeReports, "setting holds", "settings hold"))) every report section that applies to \(o.completeReports == 1 ? "it" : "them"); \(esc(PlainWords.count(o.noReport, "setting has", "settings have"))) no report text held at all.</li>"
        out += "</ul>\n"
        out += key()
        out += "</section>\n"

        let groupHeader = ["Settings", "Report sections held", "Basic facts held", "All items held", "Complete reports", "No report text"]
        func groupRow(_ label: String, _ t: AuditTotals) -> [(text: String, cls: String?)] {
            [plain(label), plain(AuditFormat.count(t.settings)), heated(t.report), heated(t.facts), heated(t.combined),
             plain(AuditFormat.count(t.completeReports)), plain(AuditFormat.count(t.noReport))]
        }
        out += "<section aria-labelledby=\"summaries\"><h2 id=\"summaries\">By local authority and by type of setting</h2>\n"
        out += table(["Local authority"] + groupHeader, a.byLA.map { groupRow(AuditFormat.laLabel($0.localAuthority), $0.totals) },
                     caption: "Coverage by local authority", numeric: [1, 2, 3, 4, 5, 6])
        out += table(["Type of setting"] + groupHeader, a.byType.map { groupRow($0.type.title, $0.totals) },
                     caption: "Coverage by type of setting", numeric: [1, 2, 3, 4, 5, 6])
        out += "</section>\n"

        out += matrix(a)
        out += items(a)
        out += letters(a)

        out += "</main>\n<footer><h2 id=\"stamp\">Audit stamp</h2><dl class=\"stamp\">"
        for (k, v) in [("Engine", "atl \(stamp.engineVersion)"), ("Catalogue", stamp.catalogue ?? ""),
                       ("Catalogue content hash", stamp.catalogueHash), ("Date", stamp.date), ("Data", a.label)] {
            out += "<dt>\(esc(k))</dt><dd>\(esc(v))</dd>"
        }
        out += "</dl>\n<p>\(esc(AuditFormat.stampLine(stamp))). The same catalogue and date give this page byte for byte.</p></footer></body></html>\n"
        return out
    }

    static func banner(_ a: GapAnalysis) -> String {
        if a.fictional { return "\(GapAnalysis.fictionalLabel): every setting here is invented for demonstration; no figure describes a real school." }
        if a.synthetic { return "\(GapAnalysis.syntheticLabel): real schools whose SEN facts were invented for benchmarking. Do not send anything from this page to a school." }
        return "Real settings: the figures describe what this catalogue holds, from the sources named for each setting. An item counted as not held may well be published by the setting."
    }

    /// The key to the cell colours and symbols, in words.
    static func key() -> String {
        "<ul class=\"key\" aria-label=\"Key to the tables\">"
            + "<li><span class=\"sw h4\">✓</span> held</li><li><span class=\"sw h1\">E</span> heading with no text</li>"
            + "<li><span class=\"sw h0\">✗</span> not held</li><li><span class=\"sw h-na\">–</span> does not apply</li>"
            + "<li><span class=\"sw h0\">0–24%</span></li><li><span class=\"sw h1\">25–49%</span></li><li><span class=\"sw h2\">50–74%</span></li>"
            + "<li><span class=\"sw h3\">75–99%</span></li><li><span class=\"sw h4\">100%</span></li></ul>\n"
    }

    static func cell(_ s: AuditStatus) -> String {
        let (symbol, word, cls): (String, String, String) = switch s {
        case .present: ("✓", "held", "h4")
        case .empty: ("E", "heading with no text", "h1")
        case .missing: ("✗", "not held", "h0")
        case .notApplicable: ("–", "does not apply", "h-na")
        }
        return "<td class=\"\(cls)\"><span aria-hidden=\"true\">\(symbol)</span><span class=\"vh\">\(word)</span></td>"
    }

    /// Settings × Schedule 1 items, grouped by LA, settings in natural order of name.
    static func matrix(_ a: GapAnalysis) -> String {
        var out = "<section class=\"wide-print\" aria-labelledby=\"matrix\"><h2 id=\"matrix\">Each setting against Schedule 1</h2>\n"
        out += "<p>The SEND Regulations 2014, Schedule 1, list what a school's SEN information report must cover (item 3 has seven parts). One row per setting; the last column is the share of the items that apply to it which are held. Each setting's letter, further down, lists what to ask it.</p>\n"
        out += "<ol class=\"key\" aria-label=\"Schedule 1 items\">" + schedule1.map { "<li>\(esc($0.item)): \(esc($0.title))</li>" }.joined() + "</ol>\n"
        for g in a.byLA {
            let rows = a.settings.filter { $0.localAuthority == g.localAuthority }
                .sorted { $0.name != $1.name ? MapText.naturalLess($0.name, $1.name) : $0.urn < $1.urn }
            let caption = "\(AuditFormat.laLabel(g.localAuthority)): Schedule 1 items held, \(PlainWords.count(rows.count, "setting", "settings"))"
            out += "<div class=\"tw\" tabindex=\"0\" role=\"region\" aria-label=\"\(esc(caption))\"><table class=\"matrix\"><caption>\(esc(caption))</caption><thead><tr><th scope=\"col\">Setting</th>"
            for s in schedule1 {
                out += "<th scope=\"col\"><span aria-hidden=\"true\">\(esc(s.item))</span><span class=\"vh\">Item \(esc(s.item)): \(esc(s.title))</span></th>"
            }
            out += "<th scope=\"col\" class=\"n\">Held</th></tr></thead><tbody>"
            for s in rows {
                let c = Coverage(schedule1.map { s.status($0) })
                let name = s.questions.isEmpty ? esc(s.name) : "<a href=\"#letter-\(s.urn)\">\(esc(s.name))</a>"
                out += "<tr><th scope=\"row\">\(name) <span class=\"urn\">(URN \(s.urn))</span></th>"
                for item in schedule1 { out += cell(s.status(item)) }
                out += "<td class=\"n \(heat(c))\">\(esc(AuditFormat.percent(c)))</td></tr>"
            }
            out += "</tbody></table></div>\n"
        }
        return out + "</section>\n"
    }

    /// Every item: how many settings hold it (report sections beyond Schedule 1 and the basic facts included).
    static func items(_ a: GapAnalysis) -> String {
        var out = "<section aria-labelledby=\"items\"><h2 id=\"items\">Each item across all settings</h2>\n"
        out += "<p>Report sections: Schedule 1 items, the accessibility items of the Children and Families Act 2014 s.69(3)(b) (A1–A4), and what parent carers asked for (P1–P7). Basic facts (H1–H12): the facts about a setting the matching uses.</p>\n"
        let rows = a.byItem.map { ic -> [(text: String, cls: String?)] in
            [plain("\(ic.item.item) \(ic.item.title)"), plain(AuditFormat.shortSource(ic.item)),
             plain(AuditFormat.count(ic.counts.present)), plain(AuditFormat.count(ic.counts.empty + ic.counts.missing)),
             plain(AuditFormat.count(ic.counts.notApplicable)), heated(ic.counts)]
        }
        out += table(["Item", "Source", "Settings holding it", "Not held or empty", "Does not apply", "Held by"], rows,
                     caption: "Each item: settings that hold it", numeric: [2, 3, 4, 5])
        return out + "</section>\n"
    }

    /// The letters, compact: the question for each item once, then one row per setting with the items to ask
    /// it about. The full letter for each setting (with what the law asks for) is `atl audit --letters <dir>`.
    static func letters(_ a: GapAnalysis) -> String {
        var out = "<section aria-labelledby=\"letters\"><h2 id=\"letters\">Letters: what to ask each setting</h2>\n"
        out += "<p>Each setting is asked about the items that apply to it and are not held: the question for each item is in the first table, the items for each setting in the second. The audit's letters option writes a full letter for each setting, with what the law asks for (see the audit guide).</p>\n"
        let sorted = a.byLA.flatMap { g in
            a.settings.filter { $0.localAuthority == g.localAuthority }
                .sorted { $0.name != $1.name ? MapText.naturalLess($0.name, $1.name) : $0.urn < $1.urn }
        }
        let asked = Set(sorted.flatMap { $0.questions.map(\.item) })
        let items = AuditItem.all.filter(asked.contains)
        if items.isEmpty {
            out += "<p>Every setting holds every item that applies to it: no letters are needed.</p>\n"
        } else {
            out += table(["Item", "Question"], items.map { [plain("\($0.item) \($0.title)"), plain($0.question)] },
                         caption: "The question for each item")
        }
        let caption = "Items to ask each setting about"
        out += "<div class=\"tw\" tabindex=\"0\" role=\"region\" aria-label=\"\(esc(caption))\"><table><caption>\(esc(caption))</caption><thead><tr>"
            + "<th scope=\"col\">Setting</th><th scope=\"col\" class=\"n\">Questions</th><th scope=\"col\">Items to ask about</th></tr></thead><tbody>"
        for s in sorted where !s.questions.isEmpty {
            let refs = s.questions.map(\.item.item)
            out += "<tr id=\"letter-\(s.urn)\"><th scope=\"row\">\(esc(s.name)) (URN \(s.urn))</th><td class=\"n\">\(refs.count)</td>"
                + "<td>\(esc(refs.joined(separator: ", ")))</td></tr>"
        }
        out += "</tbody></table></div>\n"
        let complete = sorted.filter { $0.questions.isEmpty }.count
        if complete > 0 { out += "<p>\(esc(PlainWords.count(complete, "setting holds", "settings hold"))) every item that applies and \(complete == 1 ? "needs" : "need") no letter.</p>\n" }
        return out + "</section>\n"
    }
}
