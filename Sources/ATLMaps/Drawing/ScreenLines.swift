import ATLModel

/// The boundary lines of one map as SVG path data, simplified for the screen.
///
/// All rings (districts, context districts, outlines) are projected to tenths of a user unit and simplified
/// together by `SharedBorderSimplifier` at 0.5 units (half a pixel at full size): a line that shows no difference at this size loses its
/// surplus vertices, and because shared borders are simplified once, districts, their neighbours and the LA
/// outline still meet exactly. Context districts wholly outside the frame are left out. This keeps a whole-LA
/// map to a few thousand vertices however detailed the shipped file is.
struct ScreenLines {
    /// (district name, path data) in the spec's order.
    var districts: [(String, String)] = []
    var context: [(String, String)] = []
    /// Path data of every outline ring.
    var outlines: String = ""

    static let tolerance = 5.0   // tenths of a user unit

    init(spec: MapSpec, projection proj: MapProjection) {
        let frame = proj.extent
        func overlaps(_ d: DistrictBoundary) -> Bool {
            guard let e = GridExtent(points: d.allPoints) else { return false }
            return e.minEasting <= frame.maxEasting && e.maxEasting >= frame.minEasting
                && e.minNorthing <= frame.maxNorthing && e.maxNorthing >= frame.minNorthing
        }
        let context = spec.contextDistricts.filter(overlaps)
        // Every ring, tagged with where it goes: (layer 0 district / 1 context / 2 outline, index).
        var rings: [[GridPoint]] = [], owner: [(layer: Int, index: Int)] = []
        for (layer, list) in [spec.districts, context].enumerated() {
            for (i, d) in list.enumerated() {
                for p in d.polygons {
                    for r in [p.outer] + p.holes {
                        rings.append(r.map { Self.screen(proj.point($0)) })
                        owner.append((layer, i))
                    }
                }
            }
        }
        for (i, r) in spec.outlines.enumerated() {
            rings.append(r.map { Self.screen(proj.point($0)) })
            owner.append((2, i))
        }
        let simplified = SharedBorderSimplifier.simplify(rings, tolerance: Self.tolerance).rings
        var paths: [[String]] = [Array(repeating: "", count: spec.districts.count), Array(repeating: "", count: context.count), []]
        for (k, ring) in simplified.enumerated() where ring.count >= 3 {
            let d = Self.pathData(ring)
            let (layer, i) = owner[k]
            if layer == 2 { paths[2].append(d) } else { paths[layer][i] += (paths[layer][i].isEmpty ? "" : " ") + d }
        }
        districts = zip(spec.districts.map(\.name), paths[0]).map { ($0, $1) }
        self.context = zip(context.map(\.name), paths[1]).map { ($0, $1) }
        outlines = paths[2].joined(separator: " ")
    }

    /// A projected point in tenths of a unit, as a grid point so the exact integer geometry applies.
    static func screen(_ p: SVGPoint) -> GridPoint {
        GridPoint(easting: Int((p.x * 10).rounded()), northing: Int((p.y * 10).rounded()))
    }

    /// "M x y l dx dy dx dy … z": the first point absolute, the rest relative (a quarter shorter). Exact,
    /// because every coordinate is a whole number of tenths.
    static func pathData(_ ring: [GridPoint]) -> String {
        var s = "M" + tenths(ring[0].easting) + " " + tenths(ring[0].northing) + "l"
        for i in 1..<ring.count {
            let dx = ring[i].easting - ring[i - 1].easting, dy = ring[i].northing - ring[i - 1].northing
            s += (i > 1 ? " " : "") + tenths(dx) + " " + tenths(dy)
        }
        return s + "z"
    }

    /// An integer number of tenths written with one decimal ("-0.3", "12.0").
    static func tenths(_ v: Int) -> String {
        let a = abs(v)
        return (v < 0 ? "-" : "") + String(a / 10) + "." + String(a % 10)
    }
}
