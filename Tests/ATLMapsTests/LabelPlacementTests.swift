import Testing
@testable import ATLMaps
import ATLModel

@Suite("Label placement never overlaps")
struct LabelPlacementTests {
    /// Checks every property placement promises: boxes inside the bounds, no two boxes overlapping, no box
    /// on an obstacle (except coverable circles for labels allowed to cover them), no leader through a label
    /// box or across another leader, and every request either placed or returned.
    static func checkInvariants(_ placer: LabelPlacer, _ requests: [LabelRequest], _ result: (placed: [PlacedLabel], unplaced: [LabelRequest]),
                                sourceLocation: SourceLocation = #_sourceLocation) {
        let (placed, unplaced) = result
        #expect(placed.count + unplaced.count == requests.count, sourceLocation: sourceLocation)
        #expect(Set(placed.map(\.request.id) + unplaced.map(\.id)) == Set(requests.map(\.id)), sourceLocation: sourceLocation)
        for (i, a) in placed.enumerated() {
            #expect(placer.bounds.contains(a.box), "\(a.request.text) leaves the bounds", sourceLocation: sourceLocation)
            for b in placed[(i + 1)...] {
                #expect(!a.box.intersects(b.box), "\(a.request.text) overlaps \(b.request.text)", sourceLocation: sourceLocation)
                if let (p, q) = a.leader {
                    #expect(!b.box.intersects(segmentFrom: p, to: q), "leader of \(a.request.text) crosses \(b.request.text)", sourceLocation: sourceLocation)
                }
                if let (p, q) = b.leader {
                    #expect(!a.box.intersects(segmentFrom: p, to: q), "leader of \(b.request.text) crosses \(a.request.text)", sourceLocation: sourceLocation)
                }
                if let (p, q) = a.leader, let (r, s) = b.leader {
                    #expect(!placer.segmentsCross(p, q, r, s), "leaders of \(a.request.text) and \(b.request.text) cross", sourceLocation: sourceLocation)
                }
            }
            for o in placer.obstacles {
                switch o {
                case .circle(let c, let r, let coverable):
                    if !(coverable && a.request.mayCoverCircles) {
                        #expect(!a.box.intersects(circle: c, radius: r), "\(a.request.text) covers a symbol", sourceLocation: sourceLocation)
                    }
                case .box(let b):
                    #expect(!a.box.intersects(b), "\(a.request.text) covers the furniture", sourceLocation: sourceLocation)
                }
            }
        }
    }

    /// Random anchors with random counts in a 640 × 480 frame, circles as obstacles.
    static func randomScene(seed: UInt64, count: Int, clustered: Bool) -> (LabelPlacer, [LabelRequest]) {
        var rng = TestRandom(state: seed)
        var requests: [LabelRequest] = []
        var obstacles: [LabelObstacle] = [.box(LabelBox(x: 10, y: 450, width: 120, height: 20))]
        for i in 0..<count {
            let x = clustered ? 320 + rng.double(-60...60) : rng.double(0...640)
            let y = clustered ? 240 + rng.double(-60...60) : rng.double(0...480)
            let n = rng.int(1...40)
            let r = 3 + 15 * (Double(n) / 40).squareRoot()
            obstacles.append(.circle(SVGPoint(x: x, y: y), radius: r, coverable: true))
            requests.append(LabelRequest(id: "c\(i)", text: "X\(i): \(n) unplaced", anchor: SVGPoint(x: x, y: y),
                                         anchorRadius: r, fontSize: 13, group: 1, weight: n))
        }
        for i in 0..<(count / 4) {
            let p = SVGPoint(x: rng.double(0...640), y: rng.double(0...480))
            obstacles.append(.circle(p, radius: 2.5))
            requests.append(LabelRequest(id: "t\(i)", text: "Town \(i)", anchor: p, anchorRadius: 2, fontSize: 12,
                                         group: 0, allowLeader: false, mayCoverCircles: true))
        }
        return (LabelPlacer(bounds: LabelBox(x: 2, y: 2, width: 636, height: 476), obstacles: obstacles), requests)
    }

    @Test("random seeded scenes: no overlaps, nothing lost", arguments: Array(1...8) as [UInt64])
    func randomScenes(seed: UInt64) {
        for (count, clustered) in [(10, false), (40, false), (25, true)] {
            let (placer, requests) = Self.randomScene(seed: seed, count: count, clustered: clustered)
            Self.checkInvariants(placer, requests, placer.place(requests))
        }
    }

    @Test("placement is deterministic and does not depend on input order")
    func deterministic() {
        let (placer, requests) = Self.randomScene(seed: 77, count: 40, clustered: false)
        let a = placer.place(requests), b = placer.place(requests.reversed())
        #expect(a.placed == b.placed && a.unplaced.map(\.id) == b.unplaced.map(\.id))
        var rng = TestRandom(state: 5)
        let shuffled = requests.sorted { _, _ in rng.next() % 2 == 0 }
        #expect(placer.place(shuffled).placed == a.placed)
    }

    @Test("larger counts are placed first and get the first-choice position, right of the symbol")
    func priority() {
        let placer = LabelPlacer(bounds: LabelBox(x: 0, y: 0, width: 400, height: 300), obstacles: [])
        let big = LabelRequest(id: "big", text: "A: 20 unplaced", anchor: SVGPoint(x: 200, y: 150), anchorRadius: 10, fontSize: 13, weight: 20)
        let small = LabelRequest(id: "small", text: "B: 2 unplaced", anchor: SVGPoint(x: 205, y: 150), anchorRadius: 4, fontSize: 13, weight: 2)
        let r = placer.place([small, big])
        #expect(r.placed.map(\.request.id) == ["big", "small"])
        #expect(r.placed[0].box.x == 200 + 10 + placer.gap && r.placed[0].leader == nil)
    }

    @Test("a label with no room is returned, not dropped")
    func noRoom() {
        let placer = LabelPlacer(bounds: LabelBox(x: 0, y: 0, width: 60, height: 30), obstacles: [])
        let r = placer.place([LabelRequest(id: "x", text: "A very long label that cannot fit", anchor: SVGPoint(x: 30, y: 15), anchorRadius: 3, fontSize: 13)])
        #expect(r.placed.isEmpty && r.unplaced.map(\.id) == ["x"])
    }

    /// Postcode-district centroids (plain centroid of all postcodes, from the shared postcode file) of the
    /// clusters the current scenario reports make unreadable.
    static let telfordCluster: [(String, Int, Int)] = [
        ("TF1", 366078, 311841), ("TF2", 370399, 311443), ("TF3", 369771, 307836), ("TF4", 368195, 307323),
        ("TF7", 369624, 304691), ("TF8", 367469, 303617), ("TF11", 375825, 307563), ("TF12", 367475, 301709),
        ("WV15", 374640, 290899), ("WV16", 370188, 290389), ("SY1", 350066, 314122), ("SY2", 350816, 312341),
        ("SY3", 347886, 311526), ("SY13", 353714, 339647),
    ]

    static func clusterSpec(counts: [Int]) -> MapSpec {
        let circles = telfordCluster.enumerated().map { i, c in
            MapCircle(id: c.0, point: GridPoint(easting: c.1, northing: c.2), count: counts[i % counts.count],
                      label: "\(c.0): \(counts[i % counts.count]) unplaced", title: "\(c.0)")
        }
        return MapSpec(id: "cluster", title: "Cluster", description: "Test", circles: circles,
                       circleStyle: MapCircleStyle(countNoun: "children unplaced"),
                       extent: GridExtent(minEasting: 330_000, minNorthing: 285_000, maxEasting: 385_000, maxNorthing: 345_000))
    }

    @Test("dense clusters TF1–TF4 and WV15/WV16 at the scale of the current reports: every label placed, none overlapping")
    func telfordClusters() {
        for counts in [[11, 7, 9, 4], [1, 2, 3, 20, 5], [14]] {
            for layout in [MapLayout.wide, MapLayout(name: "report", width: 460, maxMapHeight: 420, maxCircleRadius: 14)] {
                let r = MapRenderer.render(Self.clusterSpec(counts: counts), layout: layout)
                let boxes = r.placed.map(\.box)
                for (i, a) in boxes.enumerated() { for b in boxes[(i + 1)...] { #expect(!a.intersects(b)) } }
                let unplaced = r.unplacedCircles.map(\.id)
                let required = ["TF1", "TF2", "TF3", "TF4", "WV15", "WV16"]
                #expect(unplaced.allSatisfy { !required.contains($0) }, "\(layout.name) \(counts): \(unplaced)")
                if layout.name == "wide" { #expect(unplaced.isEmpty, "\(counts): \(unplaced)") }
            }
        }
    }

    @Test("label boxes hold the text: estimated widths cover the measured widths of both fonts")
    func textWidths() {
        // Measured in Chromium 156 at 13 px: Liberation Sans 109.9 px, DejaVu Sans 121.6 px for this text.
        let w = TextMetrics.width("SY13: 11 unplaced", fontSize: 13)
        #expect(w >= 121.6 && w < 128)
        #expect(TextMetrics.width("", fontSize: 13) == 0)
        #expect(TextMetrics.width("漢", fontSize: 10) == 10)
    }
}
