import ATLModel

/// The shape of a point symbol. Shapes as well as colours tell categories apart, for readers who do not see
/// the colours and for grey-scale prints.
public enum MapShape: String, Sendable, Hashable, CaseIterable {
    case circle, square, diamond, triangle, cross
}

/// A legend entry for point symbols: what the symbol means and how it is drawn.
public struct MapCategory: Sendable, Hashable {
    public var id: String
    /// Legend text, e.g. "Special school".
    public var label: String
    /// Fill colour (CSS colour; Okabe–Ito colours are safe for colour-blind readers).
    public var fill: String
    public var shape: MapShape

    public init(id: String, label: String, fill: String, shape: MapShape) {
        self.id = id
        self.label = label
        self.fill = fill
        self.shape = shape
    }
}

/// An unlabelled point symbol, e.g. a setting.
public struct MapSymbol: Sendable, Hashable {
    public var point: GridPoint
    /// `MapCategory.id`.
    public var category: String
    /// Tooltip (SVG `<title>`): the full description, e.g. "Example School (URN 123456): special, 12 places".
    public var title: String

    public init(point: GridPoint, category: String, title: String) {
        self.point = point
        self.category = category
        self.title = title
    }
}

/// A proportional circle (area ∝ count) with a label saying what it counts, e.g. "SY13: 11 unplaced".
public struct MapCircle: Sendable, Hashable {
    /// Stable identity, e.g. the postcode district "SY13".
    public var id: String
    public var point: GridPoint
    public var count: Int
    /// The label drawn beside the circle; it must say what the number counts.
    public var label: String
    /// Tooltip and text-alternative wording, e.g. "SY13: 11 of 14 children unplaced".
    public var title: String

    public init(id: String, point: GridPoint, count: Int, label: String, title: String) {
        self.id = id
        self.point = point
        self.count = count
        self.label = label
        self.title = title
    }
}

/// How proportional circles are drawn and named in the legend.
public struct MapCircleStyle: Sendable, Hashable {
    public var fill: String, stroke: String
    /// What one unit of count is, for the legend: "children unplaced" → "Circle area: children unplaced".
    public var countNoun: String

    public init(fill: String = "#D55E00", stroke: String = "#6b2f00", countNoun: String) {
        self.fill = fill
        self.stroke = stroke
        self.countNoun = countNoun
    }
}

/// Everything one map shows. Build it from the engine's results; `MapRenderer` turns it into SVG.
public struct MapSpec: Sendable, Hashable {
    /// Unique within the page (letters, digits, hyphens); prefixes the SVG's element ids.
    public var id: String
    /// The map's title (SVG `<title>`), e.g. "Telford and Wrekin: unmet demand by home postcode district".
    public var title: String
    /// One or two sentences for SVG `<desc>`, e.g. what is drawn and where the same data are in tables.
    public var description: String
    /// Districts of the mapped LA(s): light fill, thin border.
    public var districts: [DistrictBoundary]
    /// Neighbouring districts drawn for context: no fill, faint border.
    public var contextDistricts: [DistrictBoundary]
    /// LA outlines (e.g. `DistrictBoundaries.outline(ofLA:)`): thick line.
    public var outlines: [[GridPoint]]
    public var towns: [Town]
    public var symbols: [MapSymbol]
    /// Legend entries for `symbols`, in legend order.
    public var categories: [MapCategory]
    public var circles: [MapCircle]
    public var circleStyle: MapCircleStyle?
    /// The area to show; nil fits the districts, outlines, symbols and circles.
    public var extent: GridExtent?

    public init(id: String, title: String, description: String, districts: [DistrictBoundary] = [],
                contextDistricts: [DistrictBoundary] = [], outlines: [[GridPoint]] = [], towns: [Town] = [],
                symbols: [MapSymbol] = [], categories: [MapCategory] = [], circles: [MapCircle] = [],
                circleStyle: MapCircleStyle? = nil, extent: GridExtent? = nil) {
        self.id = id
        self.title = title
        self.description = description
        self.districts = districts
        self.contextDistricts = contextDistricts
        self.outlines = outlines
        self.towns = towns
        self.symbols = symbols
        self.categories = categories
        self.circles = circles
        self.circleStyle = circleStyle
        self.extent = extent
    }

    /// The extent drawn when `extent` is nil: districts and outlines if any, else the points; with 3% margin.
    public var fittedExtent: GridExtent? {
        if let e = extent { return e }
        let area = districts.flatMap(\.allPoints) + outlines.flatMap { $0 }
        let pts = area.isEmpty ? symbols.map(\.point) + circles.map(\.point) + towns.map(\.point) : area + symbols.map(\.point) + circles.map(\.point)
        guard let e = GridExtent(points: pts) else { return nil }
        return e.padded(by: max(e.width, e.height) * 0.03)
    }
}

/// Sizes for one rendering of a map. Text sizes are in user units; with the SVG shown at most `width` px
/// wide (the CSS max-width), one unit is at most one CSS pixel, and the figure wrapper switches to the
/// narrow layout on small screens so text stays near its stated size there too.
public struct MapLayout: Sendable, Hashable {
    /// The layout's name, used in element ids ("wide", "narrow").
    public var name: String
    public var width: Double
    public var maxMapHeight: Double
    public var margin: Double = 10
    public var labelFontSize: Double = 13
    public var townFontSize: Double = 12
    public var legendFontSize: Double = 12
    /// Radius of the largest proportional circle and the floor for the smallest.
    public var maxCircleRadius: Double
    public var minCircleRadius: Double = 3
    /// Half-size of point symbols.
    public var symbolRadius: Double = 3.5
    /// Whether labels must also keep clear of point symbols (not only circles and town dots).
    public var labelsAvoidSymbols: Bool = true

    public init(name: String, width: Double, maxMapHeight: Double, maxCircleRadius: Double) {
        self.name = name
        self.width = width
        self.maxMapHeight = maxMapHeight
        self.maxCircleRadius = maxCircleRadius
    }

    /// For screens 700 px wide and more, and for print.
    public static let wide = MapLayout(name: "wide", width: 640, maxMapHeight: 620, maxCircleRadius: 18)
    /// For phones: a 340-unit frame shown about 1:1 in a 360–390 px wide viewport.
    public static let narrow = MapLayout(name: "narrow", width: 340, maxMapHeight: 420, maxCircleRadius: 12)
}
