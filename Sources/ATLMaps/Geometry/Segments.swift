import ATLModel

/// Exact integer predicates on segments between grid points.
enum Segments {
    /// Sign of the turn a → b → c: positive anticlockwise, negative clockwise, zero collinear. Exact: the
    /// products of National Grid coordinates (below 2²¹) fit easily in 64 bits.
    @inline(__always) static func orientation(_ a: GridPoint, _ b: GridPoint, _ c: GridPoint) -> Int {
        let v = (b.easting - a.easting) * (c.northing - a.northing) - (b.northing - a.northing) * (c.easting - a.easting)
        return v > 0 ? 1 : (v < 0 ? -1 : 0)
    }

    /// True when c, known collinear with a–b, lies within the segment's bounding box (so on the segment).
    @inline(__always) static func onSegment(_ a: GridPoint, _ b: GridPoint, _ c: GridPoint) -> Bool {
        min(a.easting, b.easting) <= c.easting && c.easting <= max(a.easting, b.easting)
            && min(a.northing, b.northing) <= c.northing && c.northing <= max(a.northing, b.northing)
    }

    /// True when segments p1–p2 and q1–q2 meet anywhere other than at one shared endpoint: a crossing, a
    /// touch in the middle of either, or a collinear overlap. With `mayShareEndpoint` false, meeting at a
    /// shared endpoint also counts.
    static func conflict(_ p1: GridPoint, _ p2: GridPoint, _ q1: GridPoint, _ q2: GridPoint,
                         mayShareEndpoint: Bool) -> Bool {
        let o1 = orientation(p1, p2, q1), o2 = orientation(p1, p2, q2)
        let o3 = orientation(q1, q2, p1), o4 = orientation(q1, q2, p2)
        if o1 == 0 && o2 == 0 {
            // Collinear: conflict if the overlap is more than a single shared endpoint.
            let touching = [q1, q2].filter { onSegment(p1, p2, $0) } + [p1, p2].filter { onSegment(q1, q2, $0) }
            if touching.isEmpty { return false }
            let distinct = Set(touching)
            if distinct.count > 1 { return true }
            let t = distinct.first!
            let shared = (t == p1 || t == p2) && (t == q1 || t == q2)
            return !(shared && mayShareEndpoint)
        }
        if o1 * o2 < 0 && o3 * o4 < 0 { return true }
        // Touches: one segment's endpoint lies on the other.
        var touches: [GridPoint] = []
        if o1 == 0 && onSegment(p1, p2, q1) { touches.append(q1) }
        if o2 == 0 && onSegment(p1, p2, q2) { touches.append(q2) }
        if o3 == 0 && onSegment(q1, q2, p1) { touches.append(p1) }
        if o4 == 0 && onSegment(q1, q2, p2) { touches.append(p2) }
        for t in touches {
            let shared = (t == p1 || t == p2) && (t == q1 || t == q2)
            if !(shared && mayShareEndpoint) { return true }
        }
        return false
    }
}
