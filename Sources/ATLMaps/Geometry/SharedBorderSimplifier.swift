import ATLModel

/// Simplifies the rings of districts that tile a region so that neighbours keep one identical border.
///
/// Each ring is cut into *arcs* at its *nodes*: vertices where three or more borders meet, or where a
/// border stops being shared (in graph terms, a vertex with other than two distinct neighbouring vertices
/// over all rings). A border shared by two districts is then one arc, simplified once by Douglas–Peucker and
/// used by both (one of them reversed), so neighbours never gap or overlap. Nodes are always kept.
///
/// Simplification can make an arc cross another arc or itself, or collapse a small ring. Every arc in such a
/// conflict is simplified again with half the tolerance, repeatedly, down to 1 m (below that the arc is
/// kept whole). Cost: O(n log n) for the arcs plus a sweep over segments per round.
public enum SharedBorderSimplifier {
    public struct Result: Sendable, Hashable {
        /// The simplified rings, in input order, each without a repeated closing vertex.
        public var rings: [[GridPoint]]
        /// Distinct arcs, and how many of them are used by two rings (shared borders).
        public var arcs: Int, sharedArcs: Int
        /// Vertices where rings are cut.
        public var nodes: Int
        /// Arcs that needed a smaller tolerance than asked to avoid a crossing or a collapse.
        public var tightenedArcs: Int
        /// Conflicts left after tightening (0 unless the input itself has crossings).
        public var remainingConflicts: Int
        /// Vertex counts over all rings, before and after.
        public var verticesBefore: Int, verticesAfter: Int
    }

    /// One use of an arc by a ring.
    struct ArcUse: Hashable { var arc: Int; var reversed: Bool }

    public static func simplify(_ input: [[GridPoint]], tolerance: Double) -> Result {
        let rings = input.map(Rings.normalised)
        // Neighbouring vertices of every vertex over all rings.
        var neighbours: [GridPoint: Set<GridPoint>] = [:]
        for ring in rings where ring.count >= 2 {
            for i in ring.indices {
                let prev = ring[(i + ring.count - 1) % ring.count], next = ring[(i + 1) % ring.count]
                neighbours[ring[i], default: []].formUnion([prev, next])
            }
        }
        let isNode: (GridPoint) -> Bool = { neighbours[$0]?.count != 2 }

        // Cut rings into canonical arcs.
        var arcIndex: [[GridPoint]: Int] = [:]
        var arcs: [[GridPoint]] = []
        var uses = [Int](), ringArcs: [[ArcUse]] = []
        func intern(_ seq: [GridPoint]) -> ArcUse {
            let rev = Array(seq.reversed())
            let reversed = gridSequenceLess(rev, seq)
            let key = reversed ? rev : seq
            if let id = arcIndex[key] {
                uses[id] += 1
                return ArcUse(arc: id, reversed: reversed)
            }
            arcIndex[key] = arcs.count
            arcs.append(key)
            uses.append(1)
            return ArcUse(arc: arcs.count - 1, reversed: reversed)
        }
        var nodeSet = Set<GridPoint>()
        for ring in rings {
            guard ring.count >= 3 else { ringArcs.append([]); continue }
            let nodes = ring.indices.filter { isNode(ring[$0]) }
            nodeSet.formUnion(nodes.map { ring[$0] })
            if nodes.isEmpty {
                // A ring meeting no other ring, or an island exactly filling a hole: one closed arc, started at
                // its least vertex and run towards the lesser neighbour so both rings find the same arc.
                let m = ring.indices.min { gridLess(ring[$0], ring[$1]) }!
                let rotated = Array(ring[m...] + ring[..<m])
                ringArcs.append([intern(rotated + [rotated[0]])])
                continue
            }
            let rotated = Array(ring[nodes[0]...] + ring[..<nodes[0]])
            let cuts = nodes.map { $0 - nodes[0] } + [ring.count]
            var list: [ArcUse] = []
            for k in 0..<(cuts.count - 1) {
                let end = cuts[k + 1]
                var seq = Array(rotated[cuts[k]..<min(end, ring.count)])
                seq.append(rotated[end % ring.count])
                list.append(intern(seq))
            }
            ringArcs.append(list)
        }

        // Simplify, then tighten arcs in conflict until none are left.
        var tolerances = [Double](repeating: tolerance, count: arcs.count)
        var simplified = arcs.map { simplifyArc($0, tolerance: tolerance) }
        var tightened = Set<Int>()
        var conflicts = Set<Int>()
        for _ in 0..<32 {
            conflicts = conflictingArcs(simplified)
            for list in ringArcs where !list.isEmpty {
                let ring = assemble(list, simplified)
                if Set(ring).count < 3 || Rings.doubleSignedArea(ring) == 0 {
                    conflicts.formUnion(list.map(\.arc))
                }
            }
            let adjustable = conflicts.filter { simplified[$0] != arcs[$0] }
            if adjustable.isEmpty { break }
            for id in adjustable.sorted() {
                tolerances[id] /= 2
                tightened.insert(id)
                simplified[id] = tolerances[id] < 1 ? arcs[id] : simplifyArc(arcs[id], tolerance: tolerances[id])
            }
        }

        let out = ringArcs.enumerated().map { i, list in list.isEmpty ? rings[i] : assemble(list, simplified) }
        return Result(rings: out, arcs: arcs.count, sharedArcs: uses.filter { $0 > 1 }.count, nodes: nodeSet.count,
                      tightenedArcs: tightened.count, remainingConflicts: conflicts.count,
                      verticesBefore: rings.map(\.count).reduce(0, +), verticesAfter: out.map(\.count).reduce(0, +))
    }

    /// A ring from its arcs: each arc's points in the ring's direction, joints and the closing vertex once.
    static func assemble(_ list: [ArcUse], _ arcs: [[GridPoint]]) -> [GridPoint] {
        var ring: [GridPoint] = []
        for use in list {
            let pts = use.reversed ? Array(arcs[use.arc].reversed()) : arcs[use.arc]
            ring.append(contentsOf: ring.isEmpty ? pts[...] : pts.dropFirst())
        }
        if ring.count > 1, ring.first == ring.last { ring.removeLast() }
        return ring
    }

    /// Douglas–Peucker on an arc. A closed arc (first vertex = last) is split at the vertex farthest from its
    /// start and each half simplified, keeping at least a triangle so the ring cannot collapse to a line.
    static func simplifyArc(_ arc: [GridPoint], tolerance: Double) -> [GridPoint] {
        guard arc.count > 2 else { return arc }
        guard arc.first == arc.last else { return DouglasPeucker.simplify(arc, tolerance: tolerance) }
        let start = arc[0]
        func d2(_ p: GridPoint) -> Int {
            let dx = p.easting - start.easting, dy = p.northing - start.northing
            return dx * dx + dy * dy
        }
        let far = arc.indices.max { d2(arc[$0]) < d2(arc[$1]) || (d2(arc[$0]) == d2(arc[$1]) && $0 > $1) }!
        guard far > 0 && far < arc.count - 1 else { return arc }
        var first = DouglasPeucker.simplify(Array(arc[...far]), tolerance: tolerance)
        var second = DouglasPeucker.simplify(Array(arc[far...]), tolerance: tolerance)
        if first.count == 2 && second.count == 2 {
            // Keep the vertex farthest from the chord start–far, from whichever half holds it.
            let chord = (arc[0], arc[far])
            let best = arc.indices.dropFirst().dropLast().filter { $0 != far }.max {
                DouglasPeucker.squaredDistance(arc[$0], toSegment: chord.0, chord.1)
                    < DouglasPeucker.squaredDistance(arc[$1], toSegment: chord.0, chord.1)
            }
            if let b = best {
                if b < far { first.insert(arc[b], at: 1) } else { second.insert(arc[b], at: 1) }
            }
        }
        return first + second.dropFirst()
    }

    /// Arcs with a segment that crosses, touches or overlaps another segment other than at a shared joint.
    static func conflictingArcs(_ arcs: [[GridPoint]]) -> Set<Int> {
        struct Segment { var a: GridPoint, b: GridPoint, arc: Int, index: Int, minX: Int, maxX: Int, minY: Int, maxY: Int }
        var segments: [Segment] = []
        for (id, arc) in arcs.enumerated() where arc.count >= 2 {
            for i in 0..<(arc.count - 1) {
                let a = arc[i], b = arc[i + 1]
                segments.append(Segment(a: a, b: b, arc: id, index: i,
                                        minX: min(a.easting, b.easting), maxX: max(a.easting, b.easting),
                                        minY: min(a.northing, b.northing), maxY: max(a.northing, b.northing)))
            }
        }
        segments.sort { ($0.minX, $0.arc, $0.index) < ($1.minX, $1.arc, $1.index) }
        var found = Set<Int>()
        var active: [Int] = []
        for (i, s) in segments.enumerated() {
            active.removeAll { segments[$0].maxX < s.minX }
            for j in active {
                let t = segments[j]
                guard t.minY <= s.maxY && s.minY <= t.maxY else { continue }
                var mayShare = true
                if s.arc == t.arc {
                    let n = arcs[s.arc].count - 1
                    let gap = abs(s.index - t.index)
                    let closed = arcs[s.arc].first == arcs[s.arc].last
                    mayShare = gap == 1 || (closed && gap == n - 1)
                }
                if Segments.conflict(s.a, s.b, t.a, t.b, mayShareEndpoint: mayShare) {
                    found.insert(s.arc)
                    found.insert(t.arc)
                }
            }
            active.append(i)
        }
        return found
    }
}
