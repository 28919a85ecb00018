import Foundation

/// A point in SVG user units (x right, y down).
public struct SVGPoint: Sendable, Hashable {
    public var x: Double, y: Double
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// An axis-aligned box in SVG user units.
public struct LabelBox: Sendable, Hashable {
    public var x: Double, y: Double, width: Double, height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }

    /// True when the interiors overlap (boxes that only touch do not).
    public func intersects(_ o: LabelBox) -> Bool {
        x < o.maxX && o.x < maxX && y < o.maxY && o.y < maxY
    }

    /// True when `o` lies wholly inside this box.
    public func contains(_ o: LabelBox) -> Bool {
        o.x >= x && o.y >= y && o.maxX <= maxX && o.maxY <= maxY
    }

    /// True when the disc of radius `r` about `c` overlaps the box's interior.
    public func intersects(circle c: SVGPoint, radius r: Double) -> Bool {
        let dx = c.x - max(x, min(c.x, maxX)), dy = c.y - max(y, min(c.y, maxY))
        return dx * dx + dy * dy < r * r
    }

    /// True when the segment a–b passes through the box's interior (Liang–Barsky clipping).
    public func intersects(segmentFrom a: SVGPoint, to b: SVGPoint) -> Bool {
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        for (p, q) in [(-dx, a.x - x), (dx, maxX - a.x), (-dy, a.y - y), (dy, maxY - a.y)] {
            if p == 0 {
                if q <= 0 { return false }
            } else {
                let t = q / p
                if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
                if t0 >= t1 { return false }
            }
        }
        return true
    }

    /// The box grown by `d` on every side.
    public func inset(by d: Double) -> LabelBox { LabelBox(x: x - d, y: y - d, width: width + 2 * d, height: height + 2 * d) }
}

/// Something labels must not cover: a drawn symbol or a fixed piece of the map (scale bar, north arrow).
public enum LabelObstacle: Sendable, Hashable {
    /// A disc: a point symbol or town mark (never covered), or a semi-transparent proportional circle
    /// (`coverable`: a request with `mayCoverCircles` may sit on it when nothing else is free).
    case circle(SVGPoint, radius: Double, coverable: Bool = false)
    case box(LabelBox)
}

/// A label to place beside an anchor point.
public struct LabelRequest: Sendable, Hashable {
    /// Stable identity (e.g. "circle:SY13", "town:Ludlow").
    public var id: String
    public var text: String
    public var anchor: SVGPoint
    /// Radius of the symbol at the anchor; labels start just outside it.
    public var anchorRadius: Double
    public var fontSize: Double
    /// Placement order: lower group first (data labels 0, town names 1), then larger weight (the count), then
    /// text in natural order, then id.
    public var group: Int
    public var weight: Int
    /// Whether the label may move away from its anchor with a leader line when no adjacent spot is free.
    public var allowLeader: Bool
    /// Whether, failing every clear position, the label may sit on coverable (semi-transparent) circles:
    /// for town names, which matter as landmarks and are often under a cluster of circles.
    public var mayCoverCircles: Bool

    public init(id: String, text: String, anchor: SVGPoint, anchorRadius: Double, fontSize: Double,
                group: Int = 0, weight: Int = 0, allowLeader: Bool = true, mayCoverCircles: Bool = false) {
        self.id = id
        self.text = text
        self.anchor = anchor
        self.anchorRadius = anchorRadius
        self.fontSize = fontSize
        self.group = group
        self.weight = weight
        self.allowLeader = allowLeader
        self.mayCoverCircles = mayCoverCircles
    }

    /// The label's box size: estimated text width and the font's ascent plus descent, plus 1 unit padding.
    public var size: (width: Double, height: Double) {
        (TextMetrics.width(text, fontSize: fontSize) + 2, fontSize * (TextMetrics.ascent + TextMetrics.descent) + 2)
    }

    static func placementOrder(_ a: LabelRequest, _ b: LabelRequest) -> Bool {
        if a.group != b.group { return a.group < b.group }
        if a.weight != b.weight { return a.weight > b.weight }
        if a.text != b.text { return MapText.naturalLess(a.text, b.text) }
        return a.id < b.id
    }
}

/// Where a label went.
public struct PlacedLabel: Sendable, Hashable {
    public var request: LabelRequest
    /// The label's box (text plus 1 unit padding).
    public var box: LabelBox
    /// Start of the text baseline (text-anchor start).
    public var baseline: SVGPoint
    /// A line from the symbol's centre to the label, when the label had to move away.
    public var leader: (from: SVGPoint, to: SVGPoint)? {
        get { leaderFrom.map { ($0, leaderTo!) } }
        set { leaderFrom = newValue?.from; leaderTo = newValue?.to }
    }
    var leaderFrom: SVGPoint?, leaderTo: SVGPoint?

    init(request: LabelRequest, box: LabelBox, leader: (SVGPoint, SVGPoint)?) {
        self.request = request
        self.box = box
        self.baseline = SVGPoint(x: box.x + 1, y: box.y + 1 + request.fontSize * TextMetrics.ascent)
        self.leaderFrom = leader?.0
        self.leaderTo = leader?.1
    }
}

/// Greedy, deterministic label placement that never overlaps.
///
/// Labels are taken in a stable priority order (`LabelRequest.placementOrder`). Each tries 8 positions
/// touching its symbol (east, north-east, south-east, west, north-west, south-west, north, south: right of the
/// symbol reads first), then, if allowed, positions further out in rings joined to the
/// symbol's centre by a leader line (32 directions, up to 7 rings). A position is taken only if its box stays inside `bounds` and overlaps no placed
/// label, no obstacle (every symbol, including the label's own) and no placed leader, and its leader crosses
/// no placed label or leader. When no position is free, one placed label blocking a position may be moved to
/// another free position of its own (a one-step repair). A label still without a position is returned as
/// unplaced, for a key table.
/// Cost: O(L · C · (L + O)) for L labels, C ≤ 8 + 32·rings candidates and O obstacles.
public struct LabelPlacer: Sendable {
    public var bounds: LabelBox
    public var obstacles: [LabelObstacle]
    /// Clear space kept between a label and anything else, user units.
    public var gap: Double = 2
    /// How many rings of leader positions to try, and their spacing as a multiple of the label height.
    public var leaderRings: Int = 7
    public var ringSpacing: Double = 1.15

    public init(bounds: LabelBox, obstacles: [LabelObstacle]) {
        self.bounds = bounds
        self.obstacles = obstacles
    }

    public func place(_ requests: [LabelRequest]) -> (placed: [PlacedLabel], unplaced: [LabelRequest]) {
        var placed: [PlacedLabel] = [], unplaced: [LabelRequest] = []
        var options: [String: [(box: LabelBox, leader: (SVGPoint, SVGPoint)?)]] = [:]
        for r in requests.sorted(by: LabelRequest.placementOrder) {
            options[r.id] = candidates(r)
            if let p = firstFit(r, options[r.id]!, placed) {
                placed.append(p)
            } else if !repair(r, options, &placed) {
                unplaced.append(r)
            }
        }
        // Report in placement order, whatever moved during repairs.
        let rank = Dictionary(uniqueKeysWithValues: requests.sorted(by: LabelRequest.placementOrder).enumerated().map { ($1.id, $0) })
        return (placed.sorted { rank[$0.request.id]! < rank[$1.request.id]! }, unplaced)
    }

    /// The first candidate that fits among `placed`: clear of circles first, then (for labels allowed to)
    /// over coverable circles.
    func firstFit(_ r: LabelRequest, _ options: [(box: LabelBox, leader: (SVGPoint, SVGPoint)?)], _ placed: [PlacedLabel]) -> PlacedLabel? {
        for cover in r.mayCoverCircles ? [false, true] : [false] {
            if let o = options.first(where: { blockers($0.box, leader: $0.leader, placed: placed, coverCircles: cover)?.isEmpty == true }) {
                return PlacedLabel(request: r, box: o.box, leader: o.leader)
            }
        }
        return nil
    }

    /// One-step repair for a label with no free position: take a position blocked by exactly one placed
    /// label, and move that label to another position of its own that is free. Tries at most 16 such
    /// positions, in the label's order of preference. Returns whether it succeeded.
    func repair(_ r: LabelRequest, _ options: [String: [(box: LabelBox, leader: (SVGPoint, SVGPoint)?)]], _ placed: inout [PlacedLabel]) -> Bool {
        var attempts = 0
        for o in options[r.id]! {
            guard let b = blockers(o.box, leader: o.leader, placed: placed, coverCircles: false), b.count == 1 else { continue }
            attempts += 1
            if attempts > 16 { return false }
            var rest = placed
            let moved = rest.remove(at: b[0])
            rest.append(PlacedLabel(request: r, box: o.box, leader: o.leader))
            if let m = firstFit(moved.request, options[moved.request.id]!, rest) {
                rest.append(m)
                placed = rest
                return true
            }
        }
        return false
    }

    /// Candidate boxes in order of preference.
    func candidates(_ r: LabelRequest) -> [(box: LabelBox, leader: (SVGPoint, SVGPoint)?)] {
        let (w, h) = r.size
        let c = r.anchor, rad = r.anchorRadius + gap
        let d = rad * 0.7071
        var out: [(LabelBox, (SVGPoint, SVGPoint)?)] = [
            (LabelBox(x: c.x + rad, y: c.y - h / 2, width: w, height: h), nil),          // E
            (LabelBox(x: c.x + d, y: c.y - d - h, width: w, height: h), nil),            // NE
            (LabelBox(x: c.x + d, y: c.y + d, width: w, height: h), nil),                // SE
            (LabelBox(x: c.x - rad - w, y: c.y - h / 2, width: w, height: h), nil),      // W
            (LabelBox(x: c.x - d - w, y: c.y - d - h, width: w, height: h), nil),        // NW
            (LabelBox(x: c.x - d - w, y: c.y + d, width: w, height: h), nil),            // SW
            (LabelBox(x: c.x - w / 2, y: c.y - rad - h, width: w, height: h), nil),      // N
            (LabelBox(x: c.x - w / 2, y: c.y + rad, width: w, height: h), nil),          // S
        ]
        guard r.allowLeader else { return out }
        // Directions in degrees (anticlockwise from east), in order of preference.
        let angles: [Double] = [0, 45, -45, 180, 135, -135, 90, -90, 22.5, -22.5, 157.5, -157.5, 67.5, -67.5, 112.5, -112.5,
                                11.25, -11.25, 168.75, -168.75, 33.75, -33.75, 146.25, -146.25,
                                56.25, -56.25, 123.75, -123.75, 78.75, -78.75, 101.25, -101.25]
        for k in 1...max(1, leaderRings) {
            let dist = rad + Double(k) * h * ringSpacing
            for a in angles {
                let (cs, sn) = (cos(a * .pi / 180), sin(a * .pi / 180))
                let p = SVGPoint(x: c.x + dist * cs, y: c.y - dist * sn)
                let x = cs > 0.38 ? p.x : (cs < -0.38 ? p.x - w : p.x - w / 2)
                let y = sn > 0.38 ? p.y - h : (sn < -0.38 ? p.y : p.y - h / 2)
                out.append((LabelBox(x: x, y: y, width: w, height: h), (c, p)))
            }
        }
        return out
    }

    /// nil when the box leaves the bounds or covers an obstacle; otherwise the indices of placed labels it
    /// conflicts with (its box on their box or leader, its leader through their box or across their leader).
    func blockers(_ box: LabelBox, leader: (SVGPoint, SVGPoint)?, placed: [PlacedLabel], coverCircles: Bool) -> [Int]? {
        guard bounds.contains(box) else { return nil }
        let padded = box.inset(by: gap / 2)
        for o in obstacles {
            switch o {
            case .circle(let c, let r, let coverable):
                if !(coverable && coverCircles) && padded.intersects(circle: c, radius: r) { return nil }
            case .box(let b): if padded.intersects(b) { return nil }
            }
        }
        // A leader may cross symbols and other circles: it starts from a dot at its own circle's centre, so
        // it is clear which circle it belongs to. It may not cross a label or another leader.
        var out: [Int] = []
        for (i, p) in placed.enumerated() {
            var clash = padded.intersects(p.box.inset(by: gap / 2))
            if !clash, let (a, b) = p.leader { clash = padded.intersects(segmentFrom: a, to: b) }
            if !clash, let (a, b) = leader {
                clash = p.box.inset(by: gap / 2).intersects(segmentFrom: a, to: b)
                if !clash, let (c, d) = p.leader { clash = segmentsCross(a, b, c, d) }
            }
            if clash { out.append(i) }
        }
        return out
    }

    /// True when two segments properly cross (shared endpoints and touching do not count).
    func segmentsCross(_ a: SVGPoint, _ b: SVGPoint, _ c: SVGPoint, _ d: SVGPoint) -> Bool {
        func o(_ p: SVGPoint, _ q: SVGPoint, _ r: SVGPoint) -> Double { (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x) }
        return o(a, b, c) * o(a, b, d) < 0 && o(c, d, a) * o(c, d, b) < 0
    }
}
