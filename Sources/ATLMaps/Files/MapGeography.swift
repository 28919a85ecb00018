import ATLModel

/// The base map a report draws under its data: the shipped LA district boundaries and town positions.
/// Read once by a service (the files live in `provision-catalogue/geography/`) and handed to renderers,
/// which stay pure.
public struct MapGeography: Sendable, Hashable {
    public var boundaries: DistrictBoundaries
    public var towns: [Town]

    public init(boundaries: DistrictBoundaries, towns: [Town]) {
        self.boundaries = boundaries
        self.towns = towns
    }

    /// Reads both files' text; a malformed line in either is an error naming the format and line.
    public static func parse(boundaries: String, towns: String) throws(MapFileError) -> MapGeography {
        MapGeography(boundaries: try BoundaryFile.parse(boundaries), towns: try TownFile.parse(towns).towns)
    }

    /// The education LAs whose districts contain at least `minimum` of the points (a point on a border may
    /// count for either), ascending by code. Used to choose which LAs a map draws: those where the data are.
    public func laCodes(containing points: [GridPoint], minimum: Int = 1) -> [String] {
        var counts: [String: Int] = [:]
        for p in points { if let la = boundaries.laCode(containing: p) { counts[la, default: 0] += 1 } }
        return counts.filter { $0.value >= minimum }.keys.sorted()
    }

    /// A base map of the given LAs: their districts filled with their outlines drawn thick, every other
    /// district as faint context, and the towns. The caller adds symbols and circles.
    public func baseSpec(id: String, title: String, description: String, laCodes: [String]) -> MapSpec {
        let shown = Set(laCodes)
        return MapSpec(id: id, title: title, description: description,
                       districts: boundaries.districts.filter { shown.contains($0.laCode) },
                       contextDistricts: boundaries.districts.filter { !shown.contains($0.laCode) },
                       outlines: laCodes.flatMap { boundaries.outline(ofLA: $0) }, towns: towns)
    }
}
