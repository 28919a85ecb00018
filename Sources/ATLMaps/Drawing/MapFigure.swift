import Foundation
import ATLModel

/// The HTML around a map: both layouts (the page's CSS shows one), the key table of labels that did not fit,
/// the attribution, and a text alternative listing what the circles show.
public enum MapFigure {
    /// CSS for the figure. Include once per page. The wide layout is shown from 700 px and in print; the
    /// narrow layout below 700 px. Neither SVG has a pixel width: each is 100% wide, capped at its viewBox
    /// width so one user unit is at most one CSS pixel (text stays at its stated size, at least 12 px).
    public static let css = """
    .atl-map{margin:1rem 0;max-width:640px}
    .atl-map svg{display:block;width:100%;height:auto}
    .atl-map-wide svg{max-width:640px}
    .atl-map-narrow svg{max-width:340px}
    .atl-map-narrow{display:none}
    @media (max-width:699px){.atl-map-wide{display:none}.atl-map-narrow{display:block}}
    .atl-map figcaption{font-size:.875rem;color:#3d3d3d;margin-top:.25rem}
    .atl-map table{border-collapse:collapse;margin:.5rem 0;font-size:.875rem}
    .atl-map caption{text-align:left;font-weight:600;padding:.25rem 0}
    .atl-map th,.atl-map td{border:1px solid #bbb;padding:.2rem .5rem;text-align:left;vertical-align:top}
    .atl-map td.n{text-align:right;font-variant-numeric:tabular-nums}
    @media print{.atl-map{break-inside:avoid;page-break-inside:avoid}.atl-map-wide{display:block!important}.atl-map-narrow{display:none!important}}
    """

    /// The attribution every map with ONS boundaries must carry.
    public static let boundaryAttribution = "Boundaries: ONS Local Authority Districts (May 2020), Open Government Licence v3.0. Contains OS data © Crown copyright and database right 2020. Source: Office for National Statistics."
    /// The attribution for town positions (postcode centroids).
    public static let townAttribution = "Town positions from postcode centroids: contains OS data © Crown copyright and database right; contains Royal Mail data © Royal Mail copyright and database right; contains National Statistics data © Crown copyright and database right."

    /// The figure: `<figure class="atl-map">` with one block per layout (SVG plus its key table), a caption,
    /// and a text alternative (`<details>`, closed on screen; a print stylesheet or the page may open it).
    public static func html(_ spec: MapSpec, layouts: [MapLayout] = [.wide, .narrow], caption: String? = nil) -> String {
        var s = "<figure class=\"atl-map\" id=\"\(MapText.escape(spec.id))\">\n"
        var unplacedTowns: [String] = []
        for layout in layouts {
            let r = MapRenderer.render(spec, layout: layout)
            s += "<div class=\"atl-map-\(MapText.escape(layout.name))\">\n" + r.svg + "\n"
            s += keyTable(r, spec: spec)
            s += "</div>\n"
            if layout == layouts.first { unplacedTowns = r.unplacedTowns.map(\.name) }
        }
        var cap = caption.map { MapText.escape($0) + " " } ?? ""
        if !spec.districts.isEmpty || !spec.contextDistricts.isEmpty { cap += MapText.escape(boundaryAttribution) }
        if !spec.towns.isEmpty { cap += " " + MapText.escape(townAttribution) }
        if !unplacedTowns.isEmpty {
            cap += " Town names left off for lack of space: " + MapText.escape(unplacedTowns.joined(separator: ", ")) + "."
        }
        s += "<figcaption>\(cap)</figcaption>\n"
        s += textAlternative(spec)
        return s + "</figure>\n"
    }

    /// Labels that did not fit, with where their circle is, so nothing is dropped silently.
    public static func keyTable(_ r: RenderedMap, spec: MapSpec) -> String {
        guard !r.unplacedCircles.isEmpty else { return "" }
        var s = "<table class=\"atl-map-key\"><caption>Circles whose labels did not fit on the map</caption>\n"
        s += "<thead><tr><th scope=\"col\">Label</th><th scope=\"col\">Where</th></tr></thead><tbody>\n"
        for c in r.unplacedCircles {
            s += "<tr><td>\(MapText.escape(c.label))</td><td>\(MapText.escape(whereIs(c.point, towns: spec.towns)))</td></tr>\n"
        }
        return s + "</tbody></table>\n"
    }

    /// Everything the circles and symbols show, as text.
    public static func textAlternative(_ spec: MapSpec) -> String {
        var s = "<details class=\"atl-map-text\"><summary>The map as text</summary>\n"
        if !spec.symbols.isEmpty {
            var counts: [String: Int] = [:]
            for sym in spec.symbols { counts[sym.category, default: 0] += 1 }
            let parts = spec.categories.compactMap { c in counts[c.id].map { "\(c.label): \($0)" } }
            s += "<p>Points on the map: " + MapText.escape(parts.joined(separator: "; ")) + ".</p>\n"
        }
        if !spec.circles.isEmpty {
            let noun = spec.circleStyle?.countNoun ?? "count"
            s += "<table><caption>Circles (area shows \(MapText.escape(noun))), largest first</caption>\n"
            s += "<thead><tr><th scope=\"col\">Circle</th><th scope=\"col\">Count</th><th scope=\"col\">Where</th></tr></thead><tbody>\n"
            let sorted = spec.circles.sorted { $0.count != $1.count ? $0.count > $1.count : MapText.naturalLess($0.id, $1.id) }
            for c in sorted {
                s += "<tr><td>\(MapText.escape(c.title))</td><td class=\"n\">\(c.count)</td><td>\(MapText.escape(whereIs(c.point, towns: spec.towns)))</td></tr>\n"
            }
            s += "</tbody></table>\n"
        }
        return s + "</details>\n"
    }

    /// "in Telford" within 2 km of a town's point, else "6 km north-east of Telford" for the nearest town;
    /// "" with no towns.
    public static func whereIs(_ p: GridPoint, towns: [Town]) -> String {
        func d2(_ t: Town) -> Int {
            let dx = t.point.easting - p.easting, dy = t.point.northing - p.northing
            return dx * dx + dy * dy
        }
        guard let t = towns.min(by: { d2($0) != d2($1) ? d2($0) < d2($1) : $0.name < $1.name }) else { return "" }
        let dx = Double(p.easting - t.point.easting), dy = Double(p.northing - t.point.northing)
        let km = (dx * dx + dy * dy).squareRoot() / 1000
        if km < 2 { return "in or near \(t.name)" }
        let names = ["east", "north-east", "north", "north-west", "west", "south-west", "south", "south-east"]
        var angle = atan2(dy, dx) * 180 / .pi
        if angle < 0 { angle += 360 }
        let dir = names[Int(((angle + 22.5) / 45).rounded(.down)) % 8]
        return "\(Int(km.rounded())) km \(dir) of \(t.name)"
    }
}
