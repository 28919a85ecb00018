import ATLModel

/// The outline of a union of districts: the edges no two of them share.
///
/// Districts that tile a region share borders vertex for vertex (the shipped file guarantees this, see
/// `SharedBorderSimplifier`), so an edge inside the union appears once in each direction and cancels. What
/// is left chains into the union's rings. O(n log n) in the number of edges.
public enum Outline {
    /// Rings of the union: outer rings anticlockwise, holes clockwise, each without a repeated closing
    /// vertex, in a deterministic order (by least starting vertex).
    public static func union(_ polygons: [BoundaryPolygon]) -> [[GridPoint]] {
        struct Edge: Hashable { var from: GridPoint, to: GridPoint }
        var count: [Edge: Int] = [:]
        func add(_ ring: [GridPoint], anticlockwise: Bool) {
            let r = Rings.oriented(Rings.normalised(ring), anticlockwise: anticlockwise)
            guard r.count >= 3 else { return }
            for i in r.indices { count[Edge(from: r[i], to: r[(i + 1) % r.count]), default: 0] += 1 }
        }
        for p in polygons {
            add(p.outer, anticlockwise: true)
            for h in p.holes { add(h, anticlockwise: false) }
        }
        // Cancel opposite pairs.
        var outgoing: [GridPoint: [GridPoint]] = [:]
        for (e, n) in count {
            let left = n - min(n, count[Edge(from: e.to, to: e.from)] ?? 0)
            for _ in 0..<left { outgoing[e.from, default: []].append(e.to) }
        }
        for k in outgoing.keys { outgoing[k]!.sort(by: { gridLess($1, $0) }) }  // popLast takes the least
        var rings: [[GridPoint]] = []
        while let start = outgoing.keys.filter({ !(outgoing[$0]!.isEmpty) }).min(by: gridLess) {
            var ring = [start]
            var at = start
            while let next = outgoing[at]?.popLast() {
                if next == start { break }
                ring.append(next)
                at = next
            }
            rings.append(ring)
            outgoing = outgoing.filter { !$0.value.isEmpty }
        }
        return rings
    }
}
