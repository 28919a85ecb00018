import ATLModel

/// British National Grid → SVG user units for one map: north up, east right, equal scale both ways, the
/// extent fitted inside a frame of the given width with a margin, and centred.
public struct MapProjection: Sendable, Hashable {
    /// The grid extent shown (after widening to the frame's shape).
    public var extent: GridExtent
    /// The map frame in user units: x 0…width, y 0…height.
    public var width: Double, height: Double
    /// User units per metre.
    public var scale: Double
    var offsetX: Double, offsetY: Double

    /// Fits `extent` into a frame `width` units wide. The frame's height follows the extent's shape, but no
    /// more than `maxHeight` (then the extent is centred across the width instead); never less than
    /// `minHeight`.
    public init(fitting extent: GridExtent, width: Double, maxHeight: Double, minHeight: Double = 120, margin: Double = 12) {
        let e = extent.atLeast(2_000)
        let innerW = width - 2 * margin
        var h = innerW * e.height / e.width + 2 * margin
        h = min(max(h, minHeight), maxHeight)
        let s = min(innerW / e.width, (h - 2 * margin) / e.height)
        self.width = width
        self.height = h.rounded(.up)
        self.scale = s
        self.offsetX = (width - e.width * s) / 2
        self.offsetY = (self.height - e.height * s) / 2
        // The extent actually visible in the frame.
        self.extent = GridExtent(minEasting: e.minEasting - offsetX / s, minNorthing: e.minNorthing - offsetY / s,
                                 maxEasting: e.minEasting + (width - offsetX) / s,
                                 maxNorthing: e.minNorthing + (self.height - offsetY) / s)
        self.minE = e.minEasting
        self.minN = e.minNorthing
    }

    var minE: Double, minN: Double

    /// SVG position of a grid point.
    public func point(_ p: GridPoint) -> SVGPoint {
        SVGPoint(x: offsetX + (Double(p.easting) - minE) * scale, y: height - offsetY - (Double(p.northing) - minN) * scale)
    }

    /// User units for a distance on the ground.
    public func units(metres: Double) -> Double { metres * scale }
}
