import Testing
@testable import ATLMaps

/// SplitMix64, for seeded test inputs.
struct TestRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ r: ClosedRange<Int>) -> Int { r.lowerBound + Int(next() % UInt64(r.count)) }
    mutating func double(_ r: ClosedRange<Double>) -> Double { r.lowerBound + (r.upperBound - r.lowerBound) * Double(next() >> 11) / Double(1 << 53) }
}

func gp(_ e: Int, _ n: Int) -> GridPoint { GridPoint(easting: e, northing: n) }

/// A wiggly polyline from a to b: `steps` vertices with seeded sideways jitter (perpendicular, up to `amp`,
/// tapering to nothing at both ends so that lines leaving one point do not cross). It advances steadily
/// along a–b, so it never crosses itself.
func wiggle(_ a: GridPoint, _ b: GridPoint, steps: Int, amp: Int, rng: inout TestRandom) -> [GridPoint] {
    var pts = [a]
    let dx = b.easting - a.easting, dy = b.northing - a.northing
    let len = Double(dx * dx + dy * dy).squareRoot()
    for i in 1..<steps {
        let t = Double(i) / Double(steps)
        let off = Double(rng.int(-amp...amp)) * min(1, 4 * min(t, 1 - t))
        pts.append(gp(a.easting + Int(Double(dx) * t - off * Double(dy) / len), a.northing + Int(Double(dy) * t + off * Double(dx) / len)))
    }
    return pts
}

/// Four districts tiling a 20 km square, split by two wiggly borders that meet at a wiggly centre: the
/// borders are shared vertex for vertex, as in the ONS data.
func tiledSquare(seed: UInt64) -> [[GridPoint]] {
    var rng = TestRandom(state: seed)
    let o = 300_000
    let c = gp(o + 10_000 + rng.int(-2000...2000), o + 10_000 + rng.int(-2000...2000))
    let n = gp(o + 10_000, o + 20_000), s = gp(o + 10_000, o), w = gp(o, o + 10_000), e = gp(o + 20_000, o + 10_000)
    let cn = wiggle(c, n, steps: 60, amp: 400, rng: &rng), cs = wiggle(c, s, steps: 60, amp: 400, rng: &rng)
    let cw = wiggle(c, w, steps: 60, amp: 400, rng: &rng), ce = wiggle(c, e, steps: 60, amp: 400, rng: &rng)
    let outer = { (a: GridPoint, b: GridPoint) in wiggle(a, b, steps: 40, amp: 300, rng: &rng) }
    let nw = gp(o, o + 20_000), ne = gp(o + 20_000, o + 20_000), se = gp(o + 20_000, o), sw = gp(o, o)
    let nToNW = outer(n, nw), nwToW = outer(nw, w), wToSW = outer(w, sw), swToS = outer(sw, s)
    let sToSE = outer(s, se), seToE = outer(se, e), eToNE = outer(e, ne), neToN = outer(ne, n)
    // Each quadrant: centre → edge point along one border, round the outside, back along the other border.
    // (`wiggle` includes its start and not its end.)
    let q1 = cn + nToNW + nwToW + [w] + cw.reversed().dropLast()   // north-west
    let q2 = cw + wToSW + swToS + [s] + cs.reversed().dropLast()   // south-west
    let q3 = cs + sToSE + seToE + [e] + ce.reversed().dropLast()   // south-east
    let q4 = ce + eToNE + neToN + [n] + cn.reversed().dropLast()   // north-east
    return [q1, q2, q3, q4].map(Rings.normalised)
}

@Suite("Geometry: simplification keeps shared borders, outlines, predicates")
struct GeometryTests {
    @Test("Douglas–Peucker keeps ends and vertices farther than the tolerance")
    func douglasPeucker() {
        let line = [gp(0, 0), gp(100, 10), gp(200, -10), gp(300, 500), gp(400, 0), gp(500, 0)]
        #expect(DouglasPeucker.simplify(line, tolerance: 50) == [gp(0, 0), gp(200, -10), gp(300, 500), gp(400, 0), gp(500, 0)]
            || DouglasPeucker.simplify(line, tolerance: 50) == [gp(0, 0), gp(300, 500), gp(400, 0), gp(500, 0)])
        #expect(DouglasPeucker.simplify(line, tolerance: 1000) == [gp(0, 0), gp(500, 0)])
        #expect(DouglasPeucker.simplify(line, tolerance: 1) == line)
        // Distance is to the chord segment: a spike back past the start is kept.
        #expect(DouglasPeucker.simplify([gp(0, 0), gp(-300, 0), gp(100, 0)], tolerance: 50).count == 3)
    }

    @Test("tiled districts keep identical shared borders: no gaps, no overlaps", arguments: [1, 2, 3, 4, 5] as [UInt64])
    func sharedBorders(seed: UInt64) {
        let rings = tiledSquare(seed: seed)
        let before = Outline.union(rings.map { BoundaryPolygon(outer: $0) })
        #expect(before.count == 1)
        for tolerance in [50.0, 150.0, 400.0] {
            let r = SharedBorderSimplifier.simplify(rings, tolerance: tolerance)
            #expect(r.remainingConflicts == 0)
            #expect(r.verticesAfter < r.verticesBefore)
            // Every simplified vertex is an original vertex.
            let original = Set(rings.flatMap { $0 })
            #expect(r.rings.allSatisfy { $0.allSatisfy(original.contains) })
            // Interior borders cancel exactly: the union is one ring, and the areas add up to its area.
            let union = Outline.union(r.rings.map { BoundaryPolygon(outer: $0) })
            #expect(union.count == 1)
            let sum = r.rings.reduce(0) { $0 + abs(Rings.doubleSignedArea($1)) }
            #expect(sum == Rings.doubleSignedArea(union[0]))
            // The five meeting points (centre and the four edge midpoints) are nodes and are kept.
            for q in r.rings { #expect(q.contains(rings[0][0])) }
            // Each shared border is the same vertices in both rings: every undirected edge is used once or twice,
            // and the edges used twice are exactly the interior ones.
            var uses: [[GridPoint]: Int] = [:]
            for q in r.rings { for i in q.indices {
                let a = q[i], b = q[(i + 1) % q.count]
                uses[gridLess(a, b) ? [a, b] : [b, a], default: 0] += 1
            } }
            #expect(uses.values.allSatisfy { $0 == 1 || $0 == 2 })
            #expect(uses.values.filter { $0 == 1 }.count == union[0].count)
        }
    }

    @Test("an island filling a hole is one closed arc shared by both rings")
    func enclave() {
        var rng = TestRandom(state: 9)
        var island: [GridPoint] = []
        for i in 0..<120 {
            let a = Double(i) / 120 * 2 * .pi, r = 3000 + Double(rng.int(-200...200))
            island.append(gp(310_000 + Int(r * cos(a)), 310_000 + Int(r * sin(a))))
        }
        let square = [gp(300_000, 300_000), gp(320_000, 300_000), gp(320_000, 320_000), gp(300_000, 320_000)]
        // The square's hole runs the other way round from the island.
        let r = SharedBorderSimplifier.simplify([square, Array(island.reversed()), island], tolerance: 300)
        #expect(r.arcs == 2 && r.sharedArcs == 1 && r.nodes == 0)
        #expect(Set(r.rings[1]) == Set(r.rings[2]) && r.rings[1].count == r.rings[2].count)
        #expect(r.rings[2].count >= 3 && r.rings[2].count < 120)
    }

    @Test("arcs that would collapse onto each other are tightened until they do not")
    func tightening() {
        // Two borders between the same two nodes P and Q: S bulges 150 m north, T 100 m north, with a thin lens
        // of a district between them. At 200 m both would become the straight line P–Q and the lens would vanish.
        let p = gp(300_000, 300_000), q = gp(301_000, 300_000)
        let sTop = gp(300_500, 300_150), tTop = gp(300_500, 300_100)
        let above = [p, sTop, q, gp(301_000, 301_000), gp(300_000, 301_000)]
        let lens = [p, tTop, q, sTop]
        let below = [p, gp(300_000, 299_000), gp(301_000, 299_000), q, tTop]
        let r = SharedBorderSimplifier.simplify([above, lens, below], tolerance: 200)
        #expect(r.remainingConflicts == 0)
        #expect(r.tightenedArcs >= 1)
        #expect(r.rings.allSatisfy { Set($0).count >= 3 && Rings.doubleSignedArea($0) != 0 })
        let union = Outline.union(r.rings.map { BoundaryPolygon(outer: $0) })
        let sum = r.rings.reduce(0) { $0 + abs(Rings.doubleSignedArea($1)) }
        #expect(union.count == 1 && sum == Rings.doubleSignedArea(union[0]))
    }

    @Test("the union of a 2×2 block of squares is their outer square")
    func outlineUnion() {
        func sq(_ x: Int, _ y: Int) -> BoundaryPolygon {
            BoundaryPolygon(outer: [gp(x, y), gp(x + 10, y), gp(x + 10, y + 10), gp(x, y + 10)])
        }
        let u = Outline.union([sq(0, 0), sq(10, 0), sq(0, 10), sq(10, 10)])
        #expect(u.count == 1)
        #expect(Rings.doubleSignedArea(u[0]) == 2 * 400)
        #expect(Set(u[0]).isSuperset(of: [gp(0, 0), gp(20, 0), gp(20, 20), gp(0, 20)]))
        // A ring of eight squares around an empty middle: an outer ring and a hole.
        var ringOfSquares: [BoundaryPolygon] = []
        for x in 0..<3 { for y in 0..<3 where !(x == 1 && y == 1) { ringOfSquares.append(sq(x * 10, y * 10)) } }
        let u2 = Outline.union(ringOfSquares)
        #expect(u2.count == 2)
        #expect(u2.map { Rings.doubleSignedArea($0) }.sorted() == [-200, 1800])
    }

    @Test("segment conflicts: crossings, touches and overlaps, but not a shared joint")
    func segmentConflicts() {
        #expect(Segments.conflict(gp(0, 0), gp(10, 10), gp(0, 10), gp(10, 0), mayShareEndpoint: true))
        #expect(!Segments.conflict(gp(0, 0), gp(10, 0), gp(10, 0), gp(20, 5), mayShareEndpoint: true))
        #expect(Segments.conflict(gp(0, 0), gp(10, 0), gp(10, 0), gp(20, 5), mayShareEndpoint: false))
        #expect(Segments.conflict(gp(0, 0), gp(10, 0), gp(5, 0), gp(5, 5), mayShareEndpoint: true))       // T-touch
        #expect(Segments.conflict(gp(0, 0), gp(10, 0), gp(5, 0), gp(15, 0), mayShareEndpoint: true))      // overlap
        #expect(Segments.conflict(gp(0, 0), gp(10, 0), gp(10, 0), gp(0, 0), mayShareEndpoint: true))      // identical
        #expect(!Segments.conflict(gp(0, 0), gp(10, 0), gp(0, 5), gp(10, 5), mayShareEndpoint: true))
    }
}

import Foundation
import ATLModel
