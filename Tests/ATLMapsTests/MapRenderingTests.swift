import Foundation
import Testing
@testable import ATLMaps
import ATLTestSupport

/// Golden files in Tests/ATLMapsTests/Golden/, checked by the project's golden-file helper
/// (`ATL_UPDATE_GOLDEN=1` rewrites them and still fails, so a changed golden is always reviewed).
enum MapGolden {
    static func check(_ actual: String, _ name: String) throws {
        try Golden.check(actual, "Tests/ATLMapsTests/Golden/" + name)
    }
}

@Suite("Map rendering: byte-stable SVG, escaping, accessibility")
struct MapRenderingTests {
    /// Two fictional square districts side by side (10 km each) forming one fictional LA "999".
    static let districts = [
        DistrictBoundary(code: "E09999991", name: "West Test", laCode: "999",
                         polygons: [BoundaryPolygon(outer: [gp(300_000, 300_000), gp(310_000, 300_000), gp(310_000, 310_000), gp(300_000, 310_000)])]),
        DistrictBoundary(code: "E09999992", name: "East Test", laCode: "999",
                         polygons: [BoundaryPolygon(outer: [gp(310_000, 300_000), gp(320_000, 300_000), gp(320_000, 310_000), gp(310_000, 310_000)])]),
    ]

    static func smallSpec(townName: String = "Testbury", label: String = "TE1: 11 unplaced") -> MapSpec {
        let set = DistrictBoundaries(provenance: "test", districts: districts)
        return MapSpec(
            id: "golden", title: "Test LA: unmet demand", description: "A fictional two-district LA.",
            districts: districts, outlines: set.outline(ofLA: "999"),
            towns: [Town(name: townName, laCode: "999", point: gp(305_000, 306_000), postcodeDistricts: ["TE1"], rank: 1)],
            symbols: [MapSymbol(point: gp(314_000, 304_000), category: "special", title: "Fictional School (special)")],
            categories: [MapCategory(id: "special", label: "Special school", fill: "#009E73", shape: .square)],
            circles: [MapCircle(id: "TE1", point: gp(306_000, 303_000), count: 11, label: label, title: "TE1: 11 of 14 children unplaced"),
                      MapCircle(id: "TE2", point: gp(315_000, 307_000), count: 3, label: "TE2: 3 unplaced", title: "TE2: 3 of 9 children unplaced")],
            circleStyle: MapCircleStyle(countNoun: "children unplaced"))
    }

    @Test("a small map renders byte for byte as the golden file")
    func golden() throws {
        let r = MapRenderer.render(Self.smallSpec(), layout: .wide)
        try MapGolden.check(r.svg + "\n", "small-map-wide.svg")
        let narrow = MapRenderer.render(Self.smallSpec(), layout: .narrow)
        try MapGolden.check(narrow.svg + "\n", "small-map-narrow.svg")
        try MapGolden.check(MapFigure.html(Self.smallSpec()), "small-map-figure.html")
    }

    @Test("rendering is deterministic: the same spec gives the same bytes, whatever the input order")
    func byteStable() {
        var spec = Self.smallSpec()
        let a = MapRenderer.render(spec).svg
        #expect(MapRenderer.render(spec).svg == a)
        spec.circles.reverse()
        #expect(MapRenderer.render(spec).svg == a)
    }

    @Test("label, town, title and description text is escaped everywhere")
    func escaping() {
        var spec = Self.smallSpec(townName: "A&B <Town>", label: "<script>alert('x')</script> & \"q\"")
        spec.title = "Title <b>&"
        spec.description = "Desc \"quoted\" <i>"
        spec.symbols[0].title = "School's <name>"
        spec.categories[0].label = "Cat & <dog>"
        let html = MapFigure.html(spec)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>") && !html.contains("<i>") && !html.contains("<Town>") && !html.contains("<dog>") && !html.contains("<name>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"))
        #expect(html.contains("A&amp;B &lt;Town&gt;"))
        #expect(html.contains("Title &lt;b&gt;&amp;"))
        #expect(MapText.escape("a\u{1}b") == "a\u{FFFD}b")
    }

    @Test("the SVG is an accessible, responsive image: role, title, description, viewBox, no pixel width")
    func accessible() {
        let r = MapRenderer.render(Self.smallSpec(), layout: .wide)
        let open = String(r.svg.prefix { $0 != "\n" })
        #expect(open.contains("role=\"img\""))
        #expect(open.contains("aria-labelledby=\"golden-wide-t golden-wide-d\""))
        #expect(open.contains("viewBox=\"0 0 640.0 "))
        #expect(open.contains("width=\"100%\"") && !open.contains("height="))
        #expect(r.svg.contains("<title id=\"golden-wide-t\">Test LA: unmet demand</title>"))
        #expect(r.svg.contains("<desc id=\"golden-wide-d\">A fictional two-district LA.</desc>"))
        let html = MapFigure.html(Self.smallSpec())
        #expect(html.contains("<details class=\"atl-map-text\"><summary>The map as text</summary>"))
        #expect(html.contains("<td>TE1: 11 of 14 children unplaced</td><td class=\"n\">11</td><td>3 km south of Testbury</td>"))
        #expect(html.contains("Contains OS data © Crown copyright"))
        // Every text element is at least 12 units, so at least 12 px wherever the SVG is shown at full size.
        let sizes = r.svg.components(separatedBy: "font-size=\"").dropFirst().compactMap { Double($0.prefix { $0 != "\"" }) }
        #expect(!sizes.isEmpty && sizes.allSatisfy { $0 >= 12 })
    }

    @Test("labels that do not fit are listed under the map and counted in the description")
    func keyTable() {
        var spec = Self.smallSpec()
        // Twelve circles on one spot in a narrow frame cannot all be labelled.
        spec.circles = (1...12).map { i in
            MapCircle(id: "TE\(i)", point: gp(310_000, 305_000), count: i, label: "TE\(i): \(i) unplaced with a long explanation", title: "TE\(i)")
        }
        let r = MapRenderer.render(spec, layout: .narrow)
        #expect(!r.unplacedCircles.isEmpty)
        #expect(r.placed.count + r.unplacedCircles.count + r.unplacedTowns.count == 13)
        #expect(r.svg.contains("\(r.unplacedCircles.count) labels do not fit on the map and are listed in the table under it."))
        let table = MapFigure.keyTable(r, spec: spec)
        for c in r.unplacedCircles { #expect(table.contains("<td>\(c.label)</td>")) }
        // Natural order in the key: TE2 before TE10 among equal counts is by count first, so check counts descend.
        let counts = r.unplacedCircles.map(\.count)
        #expect(counts == counts.sorted(by: >))
    }

    @Test("the projection is north up, keeps the aspect ratio and fits the extent inside the margins")
    func projection() {
        let e = GridExtent(minEasting: 300_000, minNorthing: 200_000, maxEasting: 340_000, maxNorthing: 220_000)
        let p = MapProjection(fitting: e, width: 640, maxHeight: 600, margin: 10)
        let sw = p.point(gp(300_000, 200_000)), ne = p.point(gp(340_000, 220_000))
        #expect(ne.y < sw.y && ne.x > sw.x)
        #expect(abs((ne.x - sw.x) / (sw.y - ne.y) - 2) < 1e-9)
        #expect(abs(sw.x - 10) < 1e-9 && abs(ne.x - 630) < 1e-9)
        #expect(p.height == 330)
        // A tall extent is capped at maxHeight and centred across the width.
        let tall = MapProjection(fitting: GridExtent(minEasting: 0, minNorthing: 0, maxEasting: 10_000, maxNorthing: 100_000), width: 640, maxHeight: 600)
        #expect(tall.height == 600)
        #expect(abs(tall.point(gp(5_000, 50_000)).x - 320) < 1e-9)
        #expect(MapRenderer.niceScale(maxUnits: 160, unitsPerKm: 7) == 20)
    }

    @Test("fixed decimals and natural order")
    func text() {
        #expect(MapText.fixed(1.25, 1) == "1.3" && MapText.fixed(-0.04, 1) == "0.0" && MapText.fixed(-1.25, 1) == "-1.3" && MapText.fixed(12, 0) == "12")
        let ids = ["G1-10", "G1-2", "G1-1", "TF10", "TF2", "TF1", "SY13", "SY3", "A", "TF02"]
        #expect(ids.sorted(by: MapText.naturalLess) == ["A", "G1-1", "G1-2", "G1-10", "SY3", "SY13", "TF1", "TF02", "TF2", "TF10"])
    }

    @Test("where a circle is, in words, from the nearest town")
    func whereIs() {
        let towns = [Town(name: "Testbury", laCode: "999", point: gp(300_000, 300_000), postcodeDistricts: ["TE1"], rank: 1)]
        #expect(MapFigure.whereIs(gp(301_000, 300_500), towns: towns) == "in or near Testbury")
        #expect(MapFigure.whereIs(gp(306_000, 306_000), towns: towns) == "8 km north-east of Testbury")
        #expect(MapFigure.whereIs(gp(300_000, 290_000), towns: towns) == "10 km south of Testbury")
        #expect(MapFigure.whereIs(gp(300_000, 290_000), towns: []) == "")
    }
}
