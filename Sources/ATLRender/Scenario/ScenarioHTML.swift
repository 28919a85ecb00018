import ATLModel
import ATLEngine
import ATLPlanning
import ATLMaps

/// The scenario report as one self-contained HTML page for a commissioner: headline figures first, then what
/// each scenario changes, what the results rest on, maps on real LA boundaries, charts with their tables, the
/// children whose outcome changed, and the audit stamp last. Inline SVG only; no scripts, no external files.
/// Every chart and map has a text alternative and its figures in a table; the page prints on A4 with each map
/// on a landscape page.
public enum ScenarioHTML {
    static let esc = HTMLText.escape

    /// An accessible table in a horizontally scrolling wrapper (the page itself never scrolls sideways).
    static func table(_ t: ScenarioTables.Table, caption: String) -> String {
        // A region that scrolls must be reachable by keyboard: focusable, with a name.
        var out = "<div class=\"tw\" tabindex=\"0\" role=\"region\" aria-label=\"\(esc(caption))\"><table><caption>\(esc(caption))</caption><thead><tr>"
        for (i, h) in t.header.enumerated() {
            let num = i > 0 && i < t.align.count && t.align[i] == "r"
            out += "<th scope=\"col\"\(num ? " class=\"n\"" : "")>\(esc(h))</th>"
        }
        out += "</tr></thead><tbody>"
        for r in t.rows {
            out += "<tr>"
            for (i, cell) in r.enumerated() {
                let num = i < t.align.count && t.align[i] == "r"
                out += i == 0 ? "<th scope=\"row\">\(esc(cell))</th>" : "<td\(num ? " class=\"n\"" : "")>\(esc(cell))</td>"
            }
            out += "</tr>"
        }
        if t.rows.isEmpty { out += "<tr><td colspan=\"\(t.header.count)\">None.</td></tr>" }
        return out + "</tbody></table></div>\n"
    }

    /// The page. `geography` (the shipped LA boundaries and towns) draws the maps on real boundaries; without
    /// it the maps show only the settings and circles on a blank ground, and say so.
    public static func render(_ c: ScenarioComparison, geography: MapGeography? = nil) -> String {
        let title = "Sufficiency scenarios: " + c.scenarios.map(\.name).joined(separator: "; ")
        let runs = [c.baseline] + c.scenarios
        var out = "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        out += "<title>\(esc(title))</title><style>\n\(PageStyle.css(maps: true))\n</style></head><body>\n<header><h1>\(esc(title))</h1>\n"
        out += "<p class=\"lede\">The baseline and \(PlainWords.count(c.scenarios.count, "scenario", "scenarios")) for the same \(PlainWords.count(c.baseline.metrics.children, "child", "children")) and the same random seed, run on \(esc(c.stamp.date)).</p>\n"
        for b in ScenarioTables.banners(c) { out += "<p class=\"banner\">\(esc(b))</p>\n" }
        out += "</header><main>\n"

        // Headline figures first.
        out += "<section aria-labelledby=\"headline\"><h2 id=\"headline\">Headline figures</h2>\n"
        let summary = ScenarioTables.summary(c)
        if !summary.isEmpty { out += "<ul>" + summary.map { "<li>\(esc($0))</li>" }.joined() + "</ul>\n" }
        out += table(ScenarioTables.headline(c), caption: "Baseline and scenarios on the same cohort and seed") + "</section>\n"

        out += "<section aria-labelledby=\"changes\"><h2 id=\"changes\">What each scenario changes</h2>\n"
        for s in c.scenarios {
            out += "<h3>\(esc(s.name))</h3>" + (s.description.map { "<p>\(esc($0))</p>" } ?? "") + "<ul>"
            if s.log.isEmpty { out += "<li>No changes: this scenario is the baseline.</li>" }
            for l in s.log {
                out += "<li>\(esc(l.text)) <span class=\"src\">(scenario file, line \(l.line))</span>"
                    + (l.altersRealSetting ? " <span class=\"real\">(alters a real setting's facts in this scenario only)</span>" : "") + "</li>"
            }
            out += "</ul>\n"
        }
        out += "</section>\n"
        if !c.unknowns.isEmpty {
            out += "<section aria-labelledby=\"unknowns\"><h2 id=\"unknowns\">What these results rest on</h2><ul>"
                + c.unknowns.map { "<li>\(esc($0))</li>" }.joined() + "</ul></section>\n"
        }

        out += maps(c, runs: runs, geography: geography)

        // Demand against places, per need; one scale for every run so the charts compare.
        out += "<section aria-labelledby=\"needs\"><h2 id=\"needs\">Demand and places by primary need</h2>\n"
        out += "<p>For each primary need: the children in the cohort with that need, and the known places in provision designated for it. A need whose bar of places is shorter than its bar of children has more demand than known designated places.</p>\n"
        let needScale = runs.flatMap { $0.needs.flatMap { [$0.children, $0.designatedPlaces] } }.max() ?? 1
        for (i, r) in runs.enumerated() {
            out += BarChart.figure(
                id: "need\(i)", title: "\(r.name): children and known designated places by primary need",
                description: "For each primary need, the number of children with that need and the number of known places in provision designated for it. The table after the chart gives these and more figures.",
                categories: r.needs.map { PlainWords.need($0.need) },
                series: [("Children", r.needs.map(\.children)), ("Known designated places", r.needs.map(\.designatedPlaces))],
                scaleMax: needScale, caption: "\(r.name): children and known designated places by primary need.")
            out += table(ScenarioTables.needs(r), caption: "\(r.name): demand and places by primary need")
        }
        out += "</section>\n"

        out += "<section aria-labelledby=\"journeys\"><h2 id=\"journeys\">Journey distances</h2>\n"
        out += BarChart.figure(
            id: "journeys", title: "Children placed by journey distance, baseline and scenarios",
            description: "The number of children placed in each band of journey distance (road estimate), for the baseline and each scenario. The table after the chart gives the figures.",
            categories: JourneyBands.labels, series: runs.map { ($0.name, JourneyBands.counts($0.children)) },
            caption: "Children placed by journey distance (road estimate).")
        out += table(ScenarioTables.journeys(c), caption: "Children placed by journey distance (road estimate)") + "</section>\n"

        let names = ScenarioTables.settingNames(c)
        for (i, s) in c.scenarios.enumerated() {
            out += "<section aria-labelledby=\"use\(i)\"><h2 id=\"use\(i)\">\(esc(s.name)): settings changed or used</h2>\n"
                + table(ScenarioTables.settingUse(s, baseline: c.baseline), caption: "Placements by setting, baseline and scenario") + "</section>\n"
            out += "<section aria-labelledby=\"outcomes\(i)\"><h2 id=\"outcomes\(i)\">\(esc(s.name)): children whose outcome changed</h2>\n"
            if c.changes[i].isEmpty { out += "<p>None.</p>\n" } else {
                out += "<p>\(esc(ScenarioTables.changeSummary(c.changes[i]))). Children are shown by reference only.</p>\n"
                out += table(ScenarioTables.changes(c.changes[i], names: names), caption: "Children whose outcome changed")
            }
            out += "</section>\n"
        }
        out += "</main>\n<footer><h2 id=\"stamp\">Audit stamp</h2><dl class=\"stamp\">"
        for (k, v) in ScenarioTables.stamp(c) { out += "<dt>\(esc(k))</dt><dd>\(esc(v))</dd>" }
        out += "</dl>\n<p>Generated by atl \(esc(c.stamp.engineVersion)). Re-running with the same catalogue, cohort, scenarios, weights, seed and date gives this page byte for byte.</p></footer></body></html>\n"
        return out
    }

    /// The map section: one map per run on the cohort's LAs, with the tables that hold the same figures.
    static func maps(_ c: ScenarioComparison, runs: [ScenarioResult], geography: MapGeography?) -> String {
        var out = "<section aria-labelledby=\"maps\"><h2 id=\"maps\">Where children are without a place</h2>\n"
        let area = c.baseline.settings.count
        out += "<p>Each map shows the children left without a place, as circles at the centre of their home postcode district (a circle's area grows with the number, and its label says what it counts), and the settings by type. "
            + "The maps draw the \(area) settings within 5 km of the cohort's home postcode districts, and any setting a child was placed at"
            + (c.catalogueSettings > area ? "; the notes above count all \(c.catalogueSettings) settings in the catalogue." : ".")
            + " British National Grid, north up.</p>\n"
        var laCodes: [String] = []
        if let g = geography {
            laCodes = ScenarioMaps.laCodes(c, geography: g)
        } else {
            out += "<p>No boundary file was loaded, so the maps have no LA boundaries or towns.</p>\n"
        }
        let base = geography ?? MapGeography(boundaries: DistrictBoundaries(provenance: "", districts: []), towns: [])
        for (i, r) in runs.enumerated() {
            let spec = ScenarioMaps.spec(r, index: i, laCodes: laCodes, geography: base)
            out += MapFigure.html(spec, layouts: ScenarioMaps.layouts(spec), caption: "\(r.name): \(r.metrics.unplaced) unplaced, \(r.metrics.noSuitablePlace) with no suitable place within their maximum journey; \(r.settings.count) settings drawn.")
        }
        for r in runs { out += table(ScenarioTables.districts(r), caption: "\(r.name): outcomes by home postcode district (the figures on the map)") }
        for r in runs { out += table(ScenarioTables.settingDistricts(r), caption: "\(r.name): place use by the settings' own postcode district") }
        return out + "</section>\n"
    }
}
