import ATLModel

/// Douglas–Peucker line simplification: keeps the two ends, then recursively the vertex farthest from the
/// chord while it is farther than the tolerance. O(n log n) typical, O(n²) worst case.
public enum DouglasPeucker {
    /// The kept vertices of an open polyline, ends always kept. Distance is to the chord *segment* (not
    /// its infinite line), so a polyline that doubles back is not flattened onto itself.
    public static func simplify(_ points: [GridPoint], tolerance: Double) -> [GridPoint] {
        guard points.count > 2 else { return points }
        let keep = keptIndices(points, tolerance: tolerance)
        return keep.map { points[$0] }
    }

    /// Indices kept, ascending.
    static func keptIndices(_ points: [GridPoint], tolerance: Double) -> [Int] {
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        keep[points.count - 1] = true
        var stack = [(0, points.count - 1)]
        let t2 = tolerance * tolerance
        while let (first, last) = stack.popLast() {
            guard last > first + 1 else { continue }
            var worst = -1.0, index = first
            for i in (first + 1)..<last {
                let d = squaredDistance(points[i], toSegment: points[first], points[last])
                if d > worst { (worst, index) = (d, i) }
            }
            if worst > t2 {
                keep[index] = true
                stack.append((first, index))
                stack.append((index, last))
            }
        }
        return keep.indices.filter { keep[$0] }
    }

    /// Squared distance in square metres from `p` to the segment a–b.
    static func squaredDistance(_ p: GridPoint, toSegment a: GridPoint, _ b: GridPoint) -> Double {
        let (ax, ay) = (Double(a.easting), Double(a.northing))
        let (dx, dy) = (Double(b.easting) - ax, Double(b.northing) - ay)
        let (px, py) = (Double(p.easting) - ax, Double(p.northing) - ay)
        let len2 = dx * dx + dy * dy
        let t = len2 == 0 ? 0 : max(0, min(1, (px * dx + py * dy) / len2))
        let (ex, ey) = (px - t * dx, py - t * dy)
        return ex * ex + ey * ey
    }
}
