import ATLModel

/// One polygon of a district: an outer ring and any holes, each listing its vertices once (the closing edge
/// is implied).
public struct BoundaryPolygon: Sendable, Hashable {
    public var outer: [GridPoint]
    public var holes: [[GridPoint]]
    public init(outer: [GridPoint], holes: [[GridPoint]] = []) {
        self.outer = outer
        self.holes = holes
    }
}

/// An ONS Local Authority District and the education LA it belongs to.
public struct DistrictBoundary: Sendable, Hashable {
    /// ONS code, e.g. "E07000197".
    public var code: String
    /// ONS name, e.g. "Stafford".
    public var name: String
    /// DfE code of the education LA, e.g. "860" for Staffordshire.
    public var laCode: String
    public var polygons: [BoundaryPolygon]

    public init(code: String, name: String, laCode: String, polygons: [BoundaryPolygon]) {
        self.code = code
        self.name = name
        self.laCode = laCode
        self.polygons = polygons
    }

    /// Every vertex of every ring.
    public var allPoints: [GridPoint] { polygons.flatMap { $0.outer + $0.holes.flatMap { $0 } } }
}

/// The districts of the shipped boundary file, with the questions maps ask of them.
public struct DistrictBoundaries: Sendable, Hashable {
    /// The file's provenance text (its header line after the format and CRS).
    public var provenance: String
    /// Districts in file order (by ONS code).
    public var districts: [DistrictBoundary]

    public init(provenance: String, districts: [DistrictBoundary]) {
        self.provenance = provenance
        self.districts = districts
    }

    /// DfE codes of the LAs present, ascending.
    public var laCodes: [String] { Array(Set(districts.map(\.laCode))).sorted() }

    /// The districts of one education LA, in file order.
    public func districts(inLA laCode: String) -> [DistrictBoundary] { districts.filter { $0.laCode == laCode } }

    /// The LA's outline: the union of its districts (for a unitary LA, its one district's rings).
    public func outline(ofLA laCode: String) -> [[GridPoint]] {
        Outline.union(districts(inLA: laCode).flatMap(\.polygons))
    }

    /// The extent of an LA's districts; nil for an unknown code.
    public func extent(ofLA laCode: String) -> GridExtent? {
        GridExtent(points: districts(inLA: laCode).flatMap(\.allPoints))
    }

    /// The education LA whose districts contain the point, if any (boundary points may go either way).
    public func laCode(containing p: GridPoint) -> String? {
        districts.first { d in
            d.polygons.contains { Rings.contains($0.outer, p) && !$0.holes.contains { Rings.contains($0, p) } }
        }?.laCode
    }
}
