import ATLModel
import ATLEngine
import ATLPlanning

/// Small, dependency-free SVG building blocks for the scenario report: escaping, a British National Grid
/// projection, a map, grouped bar charts. Numbers are written with fixed decimals so output is byte-stable.
public enum SVG {
    /// Escapes text for SVG/HTML element content and attribute values.
    public static func escape(_ s: String) -> String {
        HTMLText.escape(s)
    }

    /// A coordinate with one decimal place.
    static func n(_ v: Double) -> String { Fixed.format(v, places: 1) }

    /// Okabe–Ito colours (safe for colour-blind readers) by setting type.
    public static func colour(_ t: SettingType) -> String {
        switch t {
        case .mainstream: "#56B4E9"
        case .mainstreamResourced: "#0072B2"
        case .special: "#009E73"
        case .nonMaintainedSpecial: "#CC79A7"
        case .independentSpecial: "#D55E00"
        case .independent: "#E69F00"
        case .alternativeProvision: "#F0E442"
        case .post16: "#999999"
        case .earlyYears: "#BBBBBB"
        case .unknown: "#FFFFFF"
        }
    }

    static let seriesColours = ["#999999", "#0072B2", "#D55E00", "#009E73", "#CC79A7"]

    /// Opening tag of an accessible image: role, a title and a description the screen reader reads.
    static func open(id: String, width: Int, height: Int, title: String, desc: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\">"
            + "<title id=\"\(id)-t\">\(escape(title))</title><desc id=\"\(id)-d\">\(escape(desc))</desc>"
    }
}

/// Projects British National Grid points (metres; north up) into an SVG viewBox, keeping the aspect ratio
/// and centring the extent with a margin.
public struct GridProjection: Sendable, Hashable {
    public var minE: Double, minN: Double, scale: Double
    public var width: Double, height: Double, offsetX: Double, offsetY: Double

    /// nil when there are no points. A single point (or a line) gets a 2 km extent around it.
    public init?(points: [GridPoint], width: Double, height: Double, margin: Double = 16) {
        guard !points.isEmpty else { return nil }
        var lo = (Double(points.map(\.easting).min()!), Double(points.map(\.northing).min()!))
        var hi = (Double(points.map(\.easting).max()!), Double(points.map(\.northing).max()!))
        if hi.0 - lo.0 < 2000 { let c = (hi.0 + lo.0) / 2; lo.0 = c - 1000; hi.0 = c + 1000 }
        if hi.1 - lo.1 < 2000 { let c = (hi.1 + lo.1) / 2; lo.1 = c - 1000; hi.1 = c + 1000 }
        let s = min((width - 2 * margin) / (hi.0 - lo.0), (height - 2 * margin) / (hi.1 - lo.1))
        self.minE = lo.0
        self.minN = lo.1
        self.scale = s
        self.width = width
        self.height = height
        self.offsetX = (width - (hi.0 - lo.0) * s) / 2
        self.offsetY = (height - (hi.1 - lo.1) * s) / 2
    }

    /// SVG x, y for a point: east to the right, north up.
    public func project(_ p: GridPoint) -> (x: Double, y: Double) {
        (offsetX + (Double(p.easting) - minE) * scale, height - offsetY - (Double(p.northing) - minN) * scale)
    }

    /// Kilometres per SVG unit inverse: SVG units for `km` kilometres.
    public func units(km: Double) -> Double { km * 1000 * scale }
}

/// The sufficiency map: settings by type (circle area by spare places), hypothetical and closed settings
/// marked, and unmet demand by home district (red squares sized by children unplaced).
public enum SufficiencyMap {
    public static func render(id: String, title: String, settings: [SettingUse], districts: [DistrictUse],
                              width: Int = 460, height: Int = 420) -> String {
        let points = settings.compactMap(\.location) + districts.compactMap(\.centre)
        let unmet = districts.filter { $0.unplaced > 0 && $0.centre != nil }
        let desc = "Map of \(settings.count) settings (\(settings.filter { $0.location == nil }.count) without a location are not drawn) and unmet demand in \(unmet.count) home districts. The tables below give the same data."
        var out = SVG.open(id: id, width: width, height: height, title: title, desc: desc)
        out += "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#f7f7f2\" stroke=\"#888\"/>"
        guard let proj = GridProjection(points: points, width: Double(width), height: Double(height) - 24) else {
            return out + "<text x=\"10\" y=\"20\">No located settings</text></svg>"
        }
        // Scale bar: 5 km.
        let bar = proj.units(km: 5)
        out += "<g font-size=\"11\" font-family=\"sans-serif\"><line x1=\"10\" y1=\"\(height - 10)\" x2=\"\(SVG.n(10 + bar))\" y2=\"\(height - 10)\" stroke=\"#333\" stroke-width=\"2\"/>"
        out += "<text x=\"\(SVG.n(14 + bar))\" y=\"\(height - 6)\">5 km</text><text x=\"\(width - 60)\" y=\"\(height - 6)\">N ↑</text></g>"
        // Settings: unknown places small hollow; known places area ∝ spare places.
        for s in settings.sorted(by: { ($0.hypothetical ? 0 : 1, $0.spare ?? -1, $0.urn) > ($1.hypothetical ? 0 : 1, $1.spare ?? -1, $1.urn) }) {
            guard let p = s.location else { continue }
            let (x, y) = proj.project(p)
            let label = SVG.escape("\(s.name) (URN \(s.urn)): \(s.type.shortTitle); "
                + (s.closed ? "closed" : s.places.map { "\($0) places, \(s.spare ?? 0) spare after allocation" } ?? "places unknown")
                + (s.placed > 0 ? ", \(s.placed) placed" : "") + (s.hypothetical ? "; hypothetical" : ""))
            if s.closed {
                out += "<g stroke=\"#000\" stroke-width=\"2\"><title>\(label)</title><line x1=\"\(SVG.n(x - 5))\" y1=\"\(SVG.n(y - 5))\" x2=\"\(SVG.n(x + 5))\" y2=\"\(SVG.n(y + 5))\"/><line x1=\"\(SVG.n(x - 5))\" y1=\"\(SVG.n(y + 5))\" x2=\"\(SVG.n(x + 5))\" y2=\"\(SVG.n(y - 5))\"/></g>"
                continue
            }
            let r = s.spare.map { 2.5 + Double($0).squareRoot() * 1.2 } ?? 2.5
            if s.hypothetical {
                let h = max(r, 5) + 4
                out += "<rect x=\"\(SVG.n(x - h))\" y=\"\(SVG.n(y - h))\" width=\"\(SVG.n(2 * h))\" height=\"\(SVG.n(2 * h))\" fill=\"#fff\" fill-opacity=\"0.6\" stroke=\"#000\" stroke-width=\"2\" stroke-dasharray=\"3 2\" transform=\"rotate(45 \(SVG.n(x)) \(SVG.n(y)))\"/>"
                out += "<text x=\"\(SVG.n(x + h + 3))\" y=\"\(SVG.n(y - h))\" font-size=\"11\" font-family=\"sans-serif\" font-weight=\"bold\">hypothetical</text>"
            }
            out += "<circle cx=\"\(SVG.n(x))\" cy=\"\(SVG.n(y))\" r=\"\(SVG.n(min(r, 14)))\" fill=\"\(SVG.colour(s.type))\" fill-opacity=\"0.8\" stroke=\"#333\" stroke-width=\"0.6\"\(s.places == nil ? " stroke-dasharray=\"1.5 1\"" : "")><title>\(label)</title></circle>"
        }
        for d in unmet {
            let (x, y) = proj.project(d.centre!)
            let side = 6 + Double(d.unplaced).squareRoot() * 4
            out += "<g><title>\(SVG.escape("\(d.district): \(d.unplaced) of \(d.children) children unplaced"))</title>"
            out += "<rect x=\"\(SVG.n(x - side / 2))\" y=\"\(SVG.n(y - side / 2))\" width=\"\(SVG.n(side))\" height=\"\(SVG.n(side))\" fill=\"#C00\" fill-opacity=\"0.55\" stroke=\"#700\"/>"
            out += "<text x=\"\(SVG.n(x + side / 2 + 2))\" y=\"\(SVG.n(y + 4))\" font-size=\"11\" font-family=\"sans-serif\" fill=\"#700\">\(SVG.escape(d.district)) \(d.unplaced)</text></g>"
        }
        return out + "</svg>"
    }

    /// The legend as SVG (types present, hypothetical, closed, unmet demand).
    public static func legend(types: [SettingType]) -> String {
        let rows = types.count + 3
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"\(rows * 18 + 6)\" aria-hidden=\"true\" font-size=\"12\" font-family=\"sans-serif\">"
        var y = 14
        for t in types {
            out += "<circle cx=\"10\" cy=\"\(y - 4)\" r=\"5\" fill=\"\(SVG.colour(t))\" stroke=\"#333\"/><text x=\"22\" y=\"\(y)\">\(SVG.escape(t.shortTitle))</text>"
            y += 18
        }
        out += "<rect x=\"4\" y=\"\(y - 10)\" width=\"12\" height=\"12\" fill=\"none\" stroke=\"#000\" stroke-dasharray=\"3 2\" transform=\"rotate(45 10 \(y - 4))\"/><text x=\"22\" y=\"\(y)\">Hypothetical (scenario only)</text>"
        y += 18
        out += "<line x1=\"5\" y1=\"\(y - 9)\" x2=\"15\" y2=\"\(y + 1)\" stroke=\"#000\" stroke-width=\"2\"/><line x1=\"5\" y1=\"\(y + 1)\" x2=\"15\" y2=\"\(y - 9)\" stroke=\"#000\" stroke-width=\"2\"/><text x=\"22\" y=\"\(y)\">Closed</text>"
        y += 18
        out += "<rect x=\"4\" y=\"\(y - 10)\" width=\"12\" height=\"12\" fill=\"#C00\" fill-opacity=\"0.55\"/><text x=\"22\" y=\"\(y)\">Children unplaced, by home district</text>"
        return out + "</svg>"
    }
}

/// A grouped vertical bar chart: one group per category, one bar per series, values labelled.
public enum GroupedBarChart {
    public static func render(id: String, title: String, desc: String, categories: [String],
                              series: [(name: String, values: [Int])], width: Int = 640, height: Int = 260,
                              scaleMax: Int? = nil) -> String {
        var out = SVG.open(id: id, width: width, height: height, title: title, desc: desc)
        let left = 36.0, bottom = 44.0, top = 26.0
        let plotW = Double(width) - left - 8, plotH = Double(height) - bottom - top
        // `scaleMax` gives charts shown side by side one y-axis scale.
        let maxV = max(1, scaleMax ?? 0, series.flatMap(\.values).max() ?? 1)
        out += "<g font-family=\"sans-serif\" font-size=\"11\">"
        // Axis and gridlines at 0, ½, max.
        for frac in [0.0, 0.5, 1.0] {
            let y = top + plotH * (1 - frac)
            out += "<line x1=\"\(SVG.n(left))\" y1=\"\(SVG.n(y))\" x2=\"\(SVG.n(left + plotW))\" y2=\"\(SVG.n(y))\" stroke=\"#ccc\"/>"
            out += "<text x=\"\(SVG.n(left - 4))\" y=\"\(SVG.n(y + 4))\" text-anchor=\"end\">\(Int((Double(maxV) * frac).rounded()))</text>"
        }
        let groupW = plotW / Double(max(1, categories.count))
        let barW = min(28, (groupW - 6) / Double(max(1, series.count)))
        for (ci, cat) in categories.enumerated() {
            let gx = left + groupW * Double(ci) + (groupW - barW * Double(series.count)) / 2
            for (si, s) in series.enumerated() {
                let v = ci < s.values.count ? s.values[ci] : 0
                let h = plotH * Double(v) / Double(maxV)
                let x = gx + barW * Double(si)
                out += "<rect x=\"\(SVG.n(x))\" y=\"\(SVG.n(top + plotH - h))\" width=\"\(SVG.n(barW - 1))\" height=\"\(SVG.n(h))\" fill=\"\(SVG.seriesColours[si % SVG.seriesColours.count])\"><title>\(SVG.escape("\(cat), \(s.name): \(v)"))</title></rect>"
                if barW >= 12 {
                    out += "<text x=\"\(SVG.n(x + barW / 2))\" y=\"\(SVG.n(top + plotH - h - 2))\" text-anchor=\"middle\" font-size=\"9\">\(v)</text>"
                }
            }
            out += "<text x=\"\(SVG.n(left + groupW * (Double(ci) + 0.5)))\" y=\"\(SVG.n(top + plotH + 14))\" text-anchor=\"middle\">\(SVG.escape(cat))</text>"
        }
        // Legend.
        var lx = left
        for (si, s) in series.enumerated() {
            out += "<rect x=\"\(SVG.n(lx))\" y=\"\(SVG.n(Double(height) - 16))\" width=\"10\" height=\"10\" fill=\"\(SVG.seriesColours[si % SVG.seriesColours.count])\"/>"
            out += "<text x=\"\(SVG.n(lx + 14))\" y=\"\(SVG.n(Double(height) - 7))\">\(SVG.escape(s.name))</text>"
            lx += 14 + Double(s.name.count) * 6.2 + 16
        }
        return out + "</g></svg>"
    }
}
