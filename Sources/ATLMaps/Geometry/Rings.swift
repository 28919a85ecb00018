import ATLModel

/// Small exact computations on closed rings of grid points (a ring lists each vertex once; the closing
/// edge from the last vertex back to the first is implied).
public enum Rings {
    /// Twice the signed area in square metres: positive when the ring runs anticlockwise (east right,
    /// north up). Exact in integers.
    public static func doubleSignedArea(_ ring: [GridPoint]) -> Int {
        guard ring.count >= 3 else { return 0 }
        var s = 0
        var prev = ring[ring.count - 1]
        for p in ring {
            s += prev.easting * p.northing - p.easting * prev.northing
            prev = p
        }
        return s
    }

    /// The ring without repeated consecutive vertices and without a repeated closing vertex.
    public static func normalised(_ ring: [GridPoint]) -> [GridPoint] {
        var out: [GridPoint] = []
        out.reserveCapacity(ring.count)
        for p in ring where out.last != p { out.append(p) }
        while out.count > 1, out.first == out.last { out.removeLast() }
        return out
    }

    /// The ring turned to run anticlockwise (`true`) or clockwise.
    public static func oriented(_ ring: [GridPoint], anticlockwise: Bool) -> [GridPoint] {
        (doubleSignedArea(ring) > 0) == anticlockwise ? ring : Array(ring.reversed())
    }

    /// True when `p` is inside the ring (even–odd rule; a point on the boundary may go either way).
    public static func contains(_ ring: [GridPoint], _ p: GridPoint) -> Bool {
        var inside = false
        var j = ring.count - 1
        for i in ring.indices {
            let a = ring[i], b = ring[j]
            if (a.northing > p.northing) != (b.northing > p.northing) {
                let x = Double(b.easting - a.easting) * Double(p.northing - a.northing)
                    / Double(b.northing - a.northing) + Double(a.easting)
                if Double(p.easting) < x { inside.toggle() }
            }
            j = i
        }
        return inside
    }
}

/// Total order on grid points (easting, then northing), used wherever a canonical choice is needed.
@inline(__always) func gridLess(_ a: GridPoint, _ b: GridPoint) -> Bool {
    a.easting != b.easting ? a.easting < b.easting : a.northing < b.northing
}

/// Lexicographic order on point sequences by `gridLess`.
func gridSequenceLess(_ a: [GridPoint], _ b: [GridPoint]) -> Bool {
    for (x, y) in zip(a, b) where x != y { return gridLess(x, y) }
    return a.count < b.count
}
