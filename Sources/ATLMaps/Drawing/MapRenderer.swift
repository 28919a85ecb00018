import Foundation

/// One rendering of a map: the SVG text and what happened to its labels.
public struct RenderedMap: Sendable, Hashable {
    public var svg: String
    public var layout: MapLayout
    /// The viewBox size; the map frame is the top `mapHeight` units, the legend below it.
    public var width: Double, height: Double, mapHeight: Double
    public var placed: [PlacedLabel]
    /// Circles whose labels did not fit: list them in a key table under the map (`MapFigure` does).
    public var unplacedCircles: [MapCircle]
    /// Towns inside the frame whose names did not fit (context only; the figure caption names them).
    public var unplacedTowns: [Town]
}

/// Draws a `MapSpec` as SVG text: pure, deterministic (fixed decimals, stable order), one element per line.
public enum MapRenderer {
    static func n(_ v: Double) -> String { MapText.fixed(v, 1) }
    static let labelColour = "#1b1b1b", townColour = "#595959"

    public static func render(_ spec: MapSpec, layout: MapLayout = .wide) -> RenderedMap {
        let id = "\(spec.id)-\(layout.name)"
        let extent = spec.fittedExtent ?? GridExtent(minEasting: 300_000, minNorthing: 200_000, maxEasting: 450_000, maxNorthing: 370_000)
        let proj = MapProjection(fitting: extent, width: layout.width, maxHeight: layout.maxMapHeight, margin: layout.margin)
        let W = layout.width, mapH = proj.height
        let frame = LabelBox(x: 0, y: 0, width: W, height: mapH)

        // Proportional circles: area ∝ count.
        let maxCount = max(1, spec.circles.map(\.count).max() ?? 1)
        func radius(_ count: Int) -> Double {
            max(layout.minCircleRadius, layout.maxCircleRadius * (Double(max(0, count)) / Double(maxCount)).squareRoot())
        }
        let circles = spec.circles.sorted {
            $0.count != $1.count ? $0.count > $1.count : ($0.id != $1.id ? MapText.naturalLess($0.id, $1.id) : $0.point.easting < $1.point.easting)
        }
        let towns = spec.towns.filter { frame.inset(by: -layout.margin).contains(LabelBox(x: proj.point($0.point).x, y: proj.point($0.point).y, width: 0, height: 0)) }
            .sorted { ($0.rank, $0.name) < ($1.rank, $1.name) }

        // Fixed furniture: scale bar (bottom left) and north arrow (top right).
        let scaleKm = niceScale(maxUnits: W * 0.25, unitsPerKm: proj.units(metres: 1000))
        let scaleLen = proj.units(metres: Double(scaleKm) * 1000)
        let scaleText = "\(scaleKm) km"
        let scaleBox = LabelBox(x: layout.margin - 2, y: mapH - layout.margin - 16, width: scaleLen + 8 + TextMetrics.width(scaleText, fontSize: 12), height: 18)
        let northBox = LabelBox(x: W - layout.margin - 16, y: layout.margin - 2, width: 16, height: 30)

        // Labels.
        var obstacles: [LabelObstacle] = [.box(scaleBox), .box(northBox)]
        obstacles += circles.map { .circle(proj.point($0.point), radius: radius($0.count), coverable: true) }
        obstacles += towns.map { .circle(proj.point($0.point), radius: 2.5) }
        if layout.labelsAvoidSymbols {
            obstacles += spec.symbols.map { .circle(proj.point($0.point), radius: layout.symbolRadius + 0.5) }
        }
        // Order: principal towns first (a few names that anchor the geography), then the data labels, largest
        // count first, then the other towns where room is left.
        var requests = circles.map {
            LabelRequest(id: "circle:\($0.id)", text: $0.label, anchor: proj.point($0.point), anchorRadius: radius($0.count),
                         fontSize: layout.labelFontSize, group: 1, weight: $0.count, allowLeader: true)
        }
        requests += towns.map {
            LabelRequest(id: "town:\($0.name)", text: $0.name, anchor: proj.point($0.point), anchorRadius: 2,
                         fontSize: layout.townFontSize, group: $0.rank == 1 ? 0 : 2, weight: 0, allowLeader: false,
                         mayCoverCircles: true)
        }
        let placer = LabelPlacer(bounds: LabelBox(x: 2, y: 2, width: W - 4, height: mapH - 4), obstacles: obstacles)
        let (placed, unplaced) = placer.place(requests)
        let unplacedIDs = Set(unplaced.map(\.id))
        let unplacedCircles = circles.filter { unplacedIDs.contains("circle:\($0.id)") }
        let unplacedTowns = towns.filter { unplacedIDs.contains("town:\($0.name)") }

        // Legend layout (below the map).
        let legend = Legend.layout(spec: spec, layout: layout, maxCount: maxCount, radius: radius, top: mapH)
        let H = (mapH + legend.height).rounded(.up)

        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"atl-map-svg\" id=\"\(id)\" viewBox=\"0 0 \(n(W)) \(n(H))\" width=\"100%\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\" font-family=\"\(TextMetrics.fontFamily)\">\n"
        s += "<title id=\"\(id)-t\">\(MapText.escape(spec.title))</title>\n"
        var desc = spec.description
        if !unplacedCircles.isEmpty {
            desc += " \(unplacedCircles.count) \(unplacedCircles.count == 1 ? "label does" : "labels do") not fit on the map and \(unplacedCircles.count == 1 ? "is" : "are") listed in the table under it."
        }
        s += "<desc id=\"\(id)-d\">\(MapText.escape(desc))</desc>\n"
        s += "<defs><clipPath id=\"\(id)-clip\"><rect x=\"0\" y=\"0\" width=\"\(n(W))\" height=\"\(n(mapH))\"/></clipPath></defs>\n"
        s += "<rect x=\"0.5\" y=\"0.5\" width=\"\(n(W - 1))\" height=\"\(n(mapH - 1))\" fill=\"#ffffff\" stroke=\"#8a8a8a\"/>\n"
        s += "<g clip-path=\"url(#\(id)-clip)\">\n"
        let lines = ScreenLines(spec: spec, projection: proj)
        if !lines.context.isEmpty {
            s += "<g fill=\"none\" stroke=\"#c4c4c4\" stroke-width=\"0.6\" stroke-linejoin=\"round\">\n"
            for (name, d) in lines.context where !d.isEmpty { s += "<path d=\"\(d)\"><title>\(MapText.escape(name))</title></path>\n" }
            s += "</g>\n"
        }
        if !lines.districts.isEmpty {
            s += "<g fill=\"#f3f0e6\" stroke=\"#8a8a8a\" stroke-width=\"0.7\" stroke-linejoin=\"round\" fill-rule=\"evenodd\">\n"
            for (name, d) in lines.districts where !d.isEmpty { s += "<path d=\"\(d)\"><title>\(MapText.escape(name))</title></path>\n" }
            s += "</g>\n"
        }
        if !lines.outlines.isEmpty {
            s += "<path fill=\"none\" stroke=\"#333333\" stroke-width=\"2\" stroke-linejoin=\"round\" d=\"\(lines.outlines)\"/>\n"
        }
        if !towns.isEmpty {
            s += "<g fill=\"\(townColour)\">\n"
            for t in towns {
                let p = proj.point(t.point)
                s += "<circle cx=\"\(n(p.x))\" cy=\"\(n(p.y))\" r=\"2\"/>\n"
            }
            s += "</g>\n"
        }
        if !spec.symbols.isEmpty {
            let cats = Dictionary(spec.categories.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            s += "<g stroke=\"#333333\" stroke-width=\"0.7\">\n"
            let order = Dictionary(spec.categories.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            let symbols = spec.symbols.sorted {
                (order[$0.category] ?? Int.max, $0.point.northing, $0.point.easting, $0.title)
                    > (order[$1.category] ?? Int.max, $1.point.northing, $1.point.easting, $1.title)
            }
            for sym in symbols {
                let c = cats[sym.category] ?? MapCategory(id: sym.category, label: sym.category, fill: "#ffffff", shape: .circle)
                s += shape(c.shape, at: proj.point(sym.point), r: layout.symbolRadius, fill: c.fill, title: sym.title) + "\n"
            }
            s += "</g>\n"
        }
        if !circles.isEmpty {
            let style = spec.circleStyle ?? MapCircleStyle(countNoun: "count")
            s += "<g fill=\"\(style.fill)\" fill-opacity=\"0.6\" stroke=\"\(style.stroke)\" stroke-width=\"1\">\n"
            for c in circles {
                let p = proj.point(c.point)
                s += "<circle cx=\"\(n(p.x))\" cy=\"\(n(p.y))\" r=\"\(n(radius(c.count)))\"><title>\(MapText.escape(c.title))</title></circle>\n"
            }
            s += "</g>\n"
        }
        let leaders = placed.compactMap(\.leader)
        if !leaders.isEmpty {
            s += "<g stroke=\"#333333\" stroke-width=\"0.8\">\n"
            for (a, b) in leaders {
                s += "<line x1=\"\(n(a.x))\" y1=\"\(n(a.y))\" x2=\"\(n(b.x))\" y2=\"\(n(b.y))\"/><circle cx=\"\(n(a.x))\" cy=\"\(n(a.y))\" r=\"1.5\" fill=\"#333333\"/>\n"
            }
            s += "</g>\n"
        }
        let halo = "stroke=\"#ffffff\" stroke-width=\"3.5\" stroke-linejoin=\"round\" paint-order=\"stroke\""
        let dataLabels = placed.filter { $0.request.id.hasPrefix("circle:") }, townLabels = placed.filter { $0.request.id.hasPrefix("town:") }
        if !dataLabels.isEmpty {
            s += "<g font-size=\"\(n(layout.labelFontSize))\" fill=\"\(labelColour)\" \(halo)>\n"
            for l in dataLabels { s += "<text x=\"\(n(l.baseline.x))\" y=\"\(n(l.baseline.y))\">\(MapText.escape(l.request.text))</text>\n" }
            s += "</g>\n"
        }
        if !townLabels.isEmpty {
            s += "<g font-size=\"\(n(layout.townFontSize))\" fill=\"\(townColour)\" font-style=\"italic\" \(halo)>\n"
            for l in townLabels { s += "<text x=\"\(n(l.baseline.x))\" y=\"\(n(l.baseline.y))\">\(MapText.escape(l.request.text))</text>\n" }
            s += "</g>\n"
        }
        s += "</g>\n"
        // Scale bar and north arrow.
        let sy = mapH - layout.margin - 4, sx = layout.margin + 2
        s += "<g stroke=\"#333333\" stroke-width=\"1.5\" fill=\"none\"><path d=\"M\(n(sx)) \(n(sy - 4))V\(n(sy))H\(n(sx + scaleLen))V\(n(sy - 4))\"/></g>\n"
        s += "<text x=\"\(n(sx + scaleLen + 4))\" y=\"\(n(sy + 1))\" font-size=\"12\" fill=\"#333333\">\(scaleText)</text>\n"
        let nx = W - layout.margin - 8, ny = layout.margin
        s += "<path d=\"M\(n(nx)) \(n(ny))L\(n(nx + 5)) \(n(ny + 12))L\(n(nx)) \(n(ny + 9))L\(n(nx - 5)) \(n(ny + 12))Z\" fill=\"#333333\"/>\n"
        s += "<text x=\"\(n(nx))\" y=\"\(n(ny + 26))\" font-size=\"12\" text-anchor=\"middle\" fill=\"#333333\">N</text>\n"
        s += legend.svg
        s += "</svg>"
        return RenderedMap(svg: s, layout: layout, width: W, height: H, mapHeight: mapH, placed: placed,
                           unplacedCircles: unplacedCircles, unplacedTowns: unplacedTowns)
    }

    /// The largest of 1, 2, 5, 10, 20, 50, 100 km that fits in `maxUnits`.
    static func niceScale(maxUnits: Double, unitsPerKm: Double) -> Int {
        [100, 50, 20, 10, 5, 2, 1].first { Double($0) * unitsPerKm <= maxUnits } ?? 1
    }

    /// A point symbol of the given shape, about 2r across, with its tooltip if any.
    static func shape(_ kind: MapShape, at p: SVGPoint, r: Double, fill: String, title: String?) -> String {
        let body: String
        switch kind {
        case .circle:
            body = "<circle cx=\"\(n(p.x))\" cy=\"\(n(p.y))\" r=\"\(n(r))\" fill=\"\(fill)\""
        case .square:
            let h = r * 0.9
            body = "<rect x=\"\(n(p.x - h))\" y=\"\(n(p.y - h))\" width=\"\(n(2 * h))\" height=\"\(n(2 * h))\" fill=\"\(fill)\""
        case .diamond:
            let h = r * 1.25
            body = "<path d=\"M\(n(p.x)) \(n(p.y - h))L\(n(p.x + h)) \(n(p.y))L\(n(p.x)) \(n(p.y + h))L\(n(p.x - h)) \(n(p.y))Z\" fill=\"\(fill)\""
        case .triangle:
            let h = r * 1.2
            body = "<path d=\"M\(n(p.x)) \(n(p.y - h))L\(n(p.x + h)) \(n(p.y + h * 0.8))L\(n(p.x - h)) \(n(p.y + h * 0.8))Z\" fill=\"\(fill)\""
        case .cross:
            let h = r
            body = "<path d=\"M\(n(p.x - h)) \(n(p.y - h))L\(n(p.x + h)) \(n(p.y + h))M\(n(p.x - h)) \(n(p.y + h))L\(n(p.x + h)) \(n(p.y - h))\" stroke=\"\(fill == "#ffffff" ? "#333333" : fill)\" stroke-width=\"2\""
        }
        let tag = String(body.dropFirst().prefix { $0 != " " })
        return title.map { body + "><title>\(MapText.escape($0))</title></\(tag)>" } ?? body + "/>"
    }
}

/// The legend drawn under the map: symbol categories, what circles count (with two reference sizes), the
/// town mark and the two boundary lines. Items flow left to right and wrap.
enum Legend {
    static func layout(spec: MapSpec, layout: MapLayout, maxCount: Int, radius: @escaping (Int) -> Double, top: Double) -> (svg: String, height: Double) {
        let n = MapRenderer.n
        let fs = layout.legendFontSize
        struct Item { var width: Double, height: Double, draw: (SVGPoint) -> String }
        var items: [Item] = []
        func text(_ t: String, _ x: Double, _ y: Double) -> String {
            "<text x=\"\(n(x))\" y=\"\(n(y))\">\(MapText.escape(t))</text>"
        }
        let usedCats = Set(spec.symbols.map(\.category))
        for c in spec.categories where usedCats.contains(c.id) {
            let w = 16 + TextMetrics.width(c.label, fontSize: fs)
            items.append(Item(width: w, height: 18) { p in
                MapRenderer.shape(c.shape, at: SVGPoint(x: p.x + 6, y: p.y + 9), r: layout.symbolRadius, fill: c.fill, title: nil)
                    + text(c.label, p.x + 16, p.y + 9 + fs * 0.35)
            })
        }
        if !spec.circles.isEmpty {
            let style = spec.circleStyle ?? MapCircleStyle(countNoun: "count")
            let small = smallReference(maxCount)
            let values = small < maxCount ? [small, maxCount] : [maxCount]
            let caption = "Circle area: \(style.countNoun)"
            var w = TextMetrics.width(caption, fontSize: fs) + 6
            var parts: [(Int, Double)] = []
            for v in values {
                parts.append((v, w))
                w += 2 * radius(v) + 4 + TextMetrics.width(String(v), fontSize: fs) + 8
            }
            let h = max(18, 2 * radius(maxCount) + 4)
            items.append(Item(width: w, height: h) { p in
                var s = text(caption, p.x, p.y + h / 2 + fs * 0.35)
                for (v, dx) in parts {
                    let r = radius(v)
                    s += "<circle cx=\"\(n(p.x + dx + r))\" cy=\"\(n(p.y + h / 2))\" r=\"\(n(r))\" fill=\"\(style.fill)\" fill-opacity=\"0.6\" stroke=\"\(style.stroke)\"/>"
                    s += text(String(v), p.x + dx + 2 * r + 4, p.y + h / 2 + fs * 0.35)
                }
                return s
            })
        }
        if !spec.towns.isEmpty {
            items.append(Item(width: 10 + TextMetrics.width("Town", fontSize: fs), height: 18) { p in
                "<circle cx=\"\(n(p.x + 3))\" cy=\"\(n(p.y + 9))\" r=\"2\" fill=\"\(MapRenderer.townColour)\"/>" + text("Town", p.x + 10, p.y + 9 + fs * 0.35)
            })
        }
        if !spec.districts.isEmpty && !spec.outlines.isEmpty {
            items.append(Item(width: 24 + TextMetrics.width("District boundary", fontSize: fs), height: 18) { p in
                "<line x1=\"\(n(p.x))\" y1=\"\(n(p.y + 9))\" x2=\"\(n(p.x + 18))\" y2=\"\(n(p.y + 9))\" stroke=\"#8a8a8a\" stroke-width=\"0.7\"/>" + text("District boundary", p.x + 24, p.y + 9 + fs * 0.35)
            })
        }
        if !spec.outlines.isEmpty {
            items.append(Item(width: 24 + TextMetrics.width("LA boundary", fontSize: fs), height: 18) { p in
                "<line x1=\"\(n(p.x))\" y1=\"\(n(p.y + 9))\" x2=\"\(n(p.x + 18))\" y2=\"\(n(p.y + 9))\" stroke=\"#333333\" stroke-width=\"2\"/>" + text("LA boundary", p.x + 24, p.y + 9 + fs * 0.35)
            })
        }
        guard !items.isEmpty else { return ("", 0) }
        // Flow into rows.
        let left = layout.margin, right = layout.width - layout.margin
        var x = left, y = top + 8, rowH = 0.0
        var body = ""
        for it in items {
            if x > left && x + it.width > right {
                x = left
                y += rowH + 6
                rowH = 0
            }
            body += it.draw(SVGPoint(x: x, y: y)) + "\n"
            x += it.width + 16
            rowH = max(rowH, it.height)
        }
        let height = y + rowH + 6 - top
        return ("<g font-size=\"\(n(fs))\" fill=\"#1b1b1b\">\n" + body + "</g>\n", height)
    }

    /// A round reference value well below the maximum (1, 2, 5, 10, 20, 50 … at most a quarter of it).
    static func smallReference(_ maxCount: Int) -> Int {
        var best = 1
        for v in [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] where v * 4 <= maxCount { best = v }
        return best
    }
}
