import ATLModel

/// An axis-aligned rectangle on the National Grid, in metres.
public struct GridExtent: Sendable, Hashable {
    public var minEasting: Double, minNorthing: Double, maxEasting: Double, maxNorthing: Double

    public init(minEasting: Double, minNorthing: Double, maxEasting: Double, maxNorthing: Double) {
        self.minEasting = minEasting
        self.minNorthing = minNorthing
        self.maxEasting = maxEasting
        self.maxNorthing = maxNorthing
    }

    /// The smallest extent holding every point; nil when there are none.
    public init?(points: some Sequence<GridPoint>) {
        var it = points.makeIterator()
        guard let first = it.next() else { return nil }
        var e = (Double(first.easting), Double(first.easting)), n = (Double(first.northing), Double(first.northing))
        while let p = it.next() {
            e = (min(e.0, Double(p.easting)), max(e.1, Double(p.easting)))
            n = (min(n.0, Double(p.northing)), max(n.1, Double(p.northing)))
        }
        self.init(minEasting: e.0, minNorthing: n.0, maxEasting: e.1, maxNorthing: n.1)
    }

    public var width: Double { maxEasting - minEasting }
    public var height: Double { maxNorthing - minNorthing }

    /// This extent grown on every side by `metres`.
    public func padded(by metres: Double) -> GridExtent {
        GridExtent(minEasting: minEasting - metres, minNorthing: minNorthing - metres,
                   maxEasting: maxEasting + metres, maxNorthing: maxNorthing + metres)
    }

    /// This extent widened about its centre so neither side is shorter than `metres`: a single point or a
    /// line of points still gets a map around it.
    public func atLeast(_ metres: Double) -> GridExtent {
        var r = self
        if width < metres {
            let c = (minEasting + maxEasting) / 2
            (r.minEasting, r.maxEasting) = (c - metres / 2, c + metres / 2)
        }
        if height < metres {
            let c = (minNorthing + maxNorthing) / 2
            (r.minNorthing, r.maxNorthing) = (c - metres / 2, c + metres / 2)
        }
        return r
    }

    /// The smallest extent holding both.
    public func union(_ o: GridExtent) -> GridExtent {
        GridExtent(minEasting: min(minEasting, o.minEasting), minNorthing: min(minNorthing, o.minNorthing),
                   maxEasting: max(maxEasting, o.maxEasting), maxNorthing: max(maxNorthing, o.maxNorthing))
    }
}
