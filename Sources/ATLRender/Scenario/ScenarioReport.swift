import ATLModel
import ATLEngine
import ATLPlanning

/// The scenario report as Markdown: the same tables as the HTML report, without charts.
public enum ScenarioMarkdown {
    static func table(_ t: ScenarioTables.Table) -> String { MarkdownText.table(t.header, t.rows, align: t.align) }

    public static func render(_ c: ScenarioComparison) -> String {
        var out = "# Sufficiency scenarios: " + c.scenarios.map(\.name).joined(separator: "; ") + "\n\n"
        for b in ScenarioTables.banners(c) { out += "> **\(b)**\n>\n" }
        out += "\n## Audit stamp\n\n"
        for (k, v) in ScenarioTables.stamp(c) { out += "- \(k): `\(v)`\n" }
        out += "\n## Changes\n\n"
        for s in c.scenarios {
            out += "### \(s.name)\n\n"
            if let d = s.description { out += d + "\n\n" }
            if s.log.isEmpty { out += "- No changes: this scenario is the baseline.\n" }
            for l in s.log {
                out += "- line \(l.line), `\(l.operation)`: \(l.text)" + (l.altersRealSetting ? " **(alters a real setting's facts in this scenario only)**" : "") + "\n"
            }
            out += "\n"
        }
        out += "## Headline figures\n\n" + table(ScenarioTables.headline(c)) + "\n"
        if !c.unknowns.isEmpty {
            out += "## What these results rest on\n\n"
            for u in c.unknowns { out += "- \(u)\n" }
            out += "\n"
        }
        out += "## Journey distribution (children placed)\n\n" + table(ScenarioTables.journeys(c)) + "\n"
        for r in [c.baseline] + c.scenarios {
            out += "## \(r.name): demand and places by primary need\n\n" + table(ScenarioTables.needs(r)) + "\n"
            out += "## \(r.name): outcomes by home district\n\n" + table(ScenarioTables.districts(r)) + "\n"
            out += "## \(r.name): place utilisation by setting district\n\n" + table(ScenarioTables.settingDistricts(r)) + "\n"
        }
        for (i, s) in c.scenarios.enumerated() {
            out += "## \(s.name): settings changed or used\n\n" + table(ScenarioTables.settingUse(s, baseline: c.baseline)) + "\n"
            out += "## \(s.name): children whose outcome changed\n\n"
            out += c.changes[i].isEmpty ? "None.\n\n"
                : ScenarioTables.changeSummary(c.changes[i]) + ".\n\n" + table(ScenarioTables.changes(c.changes[i])) + "\n"
        }
        return out
    }
}

/// The scenario report as JSON (schema `atl-scenario-report/1`): stable key order, fixed decimals.
public enum ScenarioJSON {
    public static let schema = "atl-scenario-report/1"

    static func km(_ v: Double?) -> JSON { v.map { JSON.fixed($0, 2) } ?? .null }

    static func metrics(_ m: ScenarioMetrics) -> JSON {
        .object([
            ("children", .int(m.children)), ("noSuitablePlace", .int(m.noSuitablePlace)), ("unplaced", .int(m.unplaced)),
            ("placed", .int(m.placed)), ("meanKm", km(m.meanKm)), ("medianKm", km(m.medianKm)), ("p95Km", km(m.p95Km)),
            ("beyondWalkingDistance", .int(m.beyondWalkingDistance)), ("outOfArea", .int(m.outOfArea)),
            ("independentSector", .int(m.independentSector)), ("placedInHypothetical", .int(m.placedInHypothetical)),
            ("placedWherePlacesUnknown", .int(m.placedWherePlacesUnknown)),
            ("placedWhereTypeUnknown", .int(m.placedWhereTypeUnknown)),
        ])
    }

    static func run(_ r: ScenarioResult) -> JSON {
        .object([
            ("name", .string(r.name)), ("description", .optional(r.description)), ("scenarioHash", .string(r.scenarioHash)),
            ("catalogueHash", .string(r.catalogueHash)), ("weightsHash", .string(r.weightsHash)),
            ("changes", .array(r.log.map { l in .object([("line", .int(l.line)), ("operation", .string(l.operation)),
                                                         ("text", .string(l.text)), ("altersRealSetting", .bool(l.altersRealSetting))]) })),
            ("metrics", metrics(r.metrics)),
            ("journeyBands", .array(zip(JourneyBands.labels, JourneyBands.counts(r.children)).map { .object([("band", .string($0)), ("children", .int($1))]) })),
            ("needs", .array(r.needs.map { n in .object([
                ("need", .string(n.need.rawValue)), ("children", .int(n.children)), ("placed", .int(n.placed)),
                ("noSuitablePlace", .int(n.noSuitablePlace)), ("designatedPlaces", .int(n.designatedPlaces)),
                ("designatedSettingsWithUnknownPlaces", .int(n.settingsWithUnknownPlaces)),
                ("placedInDesignated", .int(n.placedInDesignated))]) })),
            ("districts", .array(r.districts.map { d in .object([
                ("district", .string(d.district)), ("children", .int(d.children)), ("placed", .int(d.placed)),
                ("noSuitablePlace", .int(d.noSuitablePlace)), ("meanKm", km(d.meanKm))]) })),
            ("settingDistricts", .array(r.settingDistricts.map { d in .object([
                ("district", .string(d.district)), ("settings", .int(d.settings)), ("places", .int(d.places)),
                ("settingsWithUnknownPlaces", .int(d.settingsWithUnknownPlaces)), ("placed", .int(d.placed)),
                ("placedWherePlacesUnknown", .int(d.placedWherePlacesUnknown))]) })),
            ("settings", .array(r.settings.filter { $0.placed > 0 || $0.hypothetical || $0.closed }.map { s in .object([
                ("urn", .int(s.urn)), ("name", .string(s.name)), ("type", .string(s.type.rawValue)),
                ("hypothetical", .bool(s.hypothetical)), ("closed", .bool(s.closed)), ("places", .optional(s.places)),
                ("placed", .int(s.placed))]) })),
            ("children", .array(r.children.map { c in .object([
                ("reference", .string(c.reference)), ("synthetic", .bool(c.synthetic)),
                ("addedByScenario", .bool(c.addedByScenario)), ("primaryNeed", .string(c.primaryNeed.rawValue)),
                ("homeDistrict", .optional(c.homeDistrict)), ("eligible", .int(c.eligible)),
                ("placedURN", .optional(c.placedURN)), ("distanceKm", km(c.distanceKm)),
                ("beyondWalkingDistance", .bool(c.beyondWalkingDistance)), ("outOfArea", .bool(c.outOfArea)),
                ("independentSector", .bool(c.independentSector)), ("placesUnknown", .bool(c.placesUnknown))]) })),
        ])
    }

    public static func render(_ c: ScenarioComparison) -> String {
        let s = c.stamp
        let v: JSON = .object([
            ("schema", .string(schema)),
            ("fictionalCatalogue", .bool(c.fictionalCatalogue)), ("syntheticCatalogue", .bool(c.syntheticCatalogue)),
            ("syntheticCohort", .bool(c.syntheticCohort)),
            ("stamp", .object([
                ("engineVersion", .string(s.engineVersion)), ("catalogue", .string(s.catalogue ?? "")),
                ("catalogueHash", .string(s.catalogueHash)), ("cohortHash", .string(s.hash(of: "cohort") ?? "")),
                ("weightsHash", .string(s.weightsHash ?? "")), ("scenarioHashes", .array(s.hashes(of: "scenario").map(JSON.string))),
                ("seed", .string(String(s.seed ?? 0))), ("date", .string(s.date)), ("allocator", .string(s.method ?? ""))])),
            ("unknowns", .array(c.unknowns.map(JSON.string))),
            ("baseline", run(c.baseline)),
            ("scenarios", .array(c.scenarios.enumerated().map { i, r in
                var o = run(r)
                if case .object(var kv) = o {
                    kv.append(("outcomeChanges", .array(c.changes[i].map { ch in .object([
                        ("reference", .string(ch.reference)), ("kind", .string(ch.kind.rawValue)),
                        ("before", .optional(ch.before)), ("after", .optional(ch.after))]) })))
                    o = .object(kv)
                }
                return o
            })),
        ])
        return v.serialized(pretty: true) + "\n"
    }
}

/// The scenario report as one self-contained HTML page with inline SVG charts; every chart has a text
/// alternative and its data as a table underneath. No scripts, no external files.
public enum ScenarioHTML {
    static let esc = SVG.escape

    static func table(_ t: ScenarioTables.Table, caption: String) -> String {
        var out = "<div class=\"tw\"><table><caption>\(esc(caption))</caption><thead><tr>"
        for h in t.header { out += "<th scope=\"col\">\(esc(h))</th>" }
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

    static let css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1180px;padding:16px 24px;color:#1b1b1b;line-height:1.4}
        h1{font-size:1.6em}h2{border-bottom:2px solid #0072B2;padding-bottom:2px;margin-top:1.8em}
        .banner{background:#fff4ce;border-left:6px solid #d59f00;padding:8px 12px;margin:6px 0;font-weight:600}
        .stamp{font-family:ui-monospace,Menlo,monospace;font-size:.85em;background:#f3f3f3;padding:8px 12px}
        .stamp{display:grid;grid-template-columns:minmax(10em,18em) 1fr;gap:2px 12px}.stamp dt{font-weight:700}.stamp dd{margin:0;word-break:break-all}
        table{border-collapse:collapse;margin:8px 0 16px;font-size:.9em}caption{text-align:left;font-weight:600;padding:4px 0}
        th,td{border:1px solid #bbb;padding:3px 8px;vertical-align:top}thead th{background:#e8eef5}tbody th{text-align:left;font-weight:normal}
        td.n{text-align:right;font-variant-numeric:tabular-nums}.tw{overflow-x:auto}
        .side{display:flex;flex-wrap:wrap;gap:16px}.side figure{margin:0;flex:1 1 460px}figcaption{font-weight:600;margin:4px 0}
        .real{color:#a00;font-weight:600}details{margin:8px 0}
        """

    public static func render(_ c: ScenarioComparison) -> String {
        let title = "Sufficiency scenarios: " + c.scenarios.map(\.name).joined(separator: "; ")
        var out = "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        out += "<title>\(esc(title))</title><style>\(css)</style></head><body>\n<header><h1>\(esc(title))</h1>\n"
        for b in ScenarioTables.banners(c) { out += "<p class=\"banner\">\(esc(b))</p>\n" }
        out += "</header><main>\n<h2>Audit stamp</h2><dl class=\"stamp\">"
        for (k, v) in ScenarioTables.stamp(c) { out += "<dt>\(esc(k))</dt><dd>\(esc(v))</dd>" }
        out += "</dl>\n<h2>Changes</h2>\n"
        for s in c.scenarios {
            out += "<h3>\(esc(s.name))</h3>" + (s.description.map { "<p>\(esc($0))</p>" } ?? "") + "<ul>"
            if s.log.isEmpty { out += "<li>No changes: this scenario is the baseline.</li>" }
            for l in s.log {
                out += "<li>Line \(l.line), <code>\(esc(l.operation))</code>: \(esc(l.text))"
                    + (l.altersRealSetting ? " <span class=\"real\">(alters a real setting's facts in this scenario only)</span>" : "") + "</li>"
            }
            out += "</ul>\n"
        }
        out += "<h2>Headline figures</h2>\n" + table(ScenarioTables.headline(c), caption: "Baseline and scenarios on the same cohort and seed")
        if !c.unknowns.isEmpty {
            out += "<h2>What these results rest on</h2><ul>" + c.unknowns.map { "<li>\(esc($0))</li>" }.joined() + "</ul>\n"
        }

        // Maps side by side.
        let runs = [c.baseline] + c.scenarios
        let types = Array(Set(runs.flatMap { $0.settings.map(\.type) })).sorted()
        out += "<h2>Map: settings, spare places and unmet demand</h2>\n<p>Circles are settings coloured by type; a circle's area grows with the places left after allocation (a dashed outline means places are unknown). Red squares are home districts with children unplaced. British National Grid, north up.</p>\n"
        out += SufficiencyMap.legend(types: types) + "\n<div class=\"side\">"
        for (i, r) in runs.enumerated() {
            out += "<figure>" + SufficiencyMap.render(id: "map\(i)", title: "Map, \(r.name)", settings: r.settings, districts: r.districts)
            out += "<figcaption>\(esc(r.name)): \(r.metrics.unplaced) unplaced, \(r.metrics.noSuitablePlace) with no suitable place</figcaption></figure>"
        }
        out += "</div>\n"
        for r in runs { out += table(ScenarioTables.districts(r), caption: "\(r.name): outcomes by home district (data for the map)") }
        for r in runs { out += table(ScenarioTables.settingDistricts(r), caption: "\(r.name): place utilisation by setting district (data for the map)") }

        // Demand vs places per need.
        out += "<h2>Demand and places by primary need</h2>\n<div class=\"side\">"
        // One y-axis scale for baseline and scenarios, so the charts can be compared side by side.
        let needScale = runs.flatMap { $0.needs.flatMap { [$0.children, $0.designatedPlaces, $0.placed] } }.max() ?? 1
        for (i, r) in runs.enumerated() {
            let cats = r.needs.map(\.need.rawValue)
            out += "<figure>" + GroupedBarChart.render(
                id: "need\(i)", title: "Demand and places by need, \(r.name)",
                desc: "For each primary need: children in the cohort, known places in provision designated for that need, and children placed. The table below gives the figures.",
                categories: cats, series: [("Children", r.needs.map(\.children)), ("Designated places", r.needs.map(\.designatedPlaces)),
                                           ("Placed", r.needs.map(\.placed))], width: 560, scaleMax: needScale)
            out += "<figcaption>\(esc(r.name))</figcaption></figure>"
        }
        out += "</div>\n"
        for r in runs { out += table(ScenarioTables.needs(r), caption: "\(r.name): demand and places by primary need") }

        // Journeys.
        let jt = ScenarioTables.journeys(c)
        out += "<h2>Journey distribution</h2>\n" + GroupedBarChart.render(
            id: "journeys", title: "Children placed by journey distance, baseline and scenarios",
            desc: "Number of children placed in each journey-distance band; the table below gives the figures.",
            categories: JourneyBands.labels, series: runs.map { ($0.name, JourneyBands.counts($0.children)) }, width: 760)
        out += table(jt, caption: "Children placed by journey distance (road estimate)")

        for (i, s) in c.scenarios.enumerated() {
            out += "<h2>\(esc(s.name)): settings changed or used</h2>\n" + table(ScenarioTables.settingUse(s, baseline: c.baseline), caption: "Placements by setting, baseline and scenario")
            out += "<h2>\(esc(s.name)): children whose outcome changed</h2>\n"
            if c.changes[i].isEmpty { out += "<p>None.</p>\n" } else {
                out += "<p>\(esc(ScenarioTables.changeSummary(c.changes[i]))). References only.</p><details><summary>Show the \(c.changes[i].count) children</summary>"
                out += table(ScenarioTables.changes(c.changes[i]), caption: "Children whose outcome changed") + "</details>\n"
            }
        }
        out += "</main><footer><p>Generated by atl \(esc(c.stamp.engineVersion)). Re-running with the same catalogue, cohort, scenarios, weights, seed and date gives this page byte for byte.</p></footer></body></html>\n"
        return out
    }
}
