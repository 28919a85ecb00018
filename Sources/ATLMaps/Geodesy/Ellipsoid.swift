import Foundation

/// A reference ellipsoid, given by its semi-major and semi-minor axes in metres.
///
/// Two are needed for British National Grid: GRS80 (ETRS89, which GPS and WGS84 coordinates agree with to
/// well under a metre in Britain) and Airy 1830 (the OSGB36 datum the National Grid is drawn on).
/// Values from the Ordnance Survey's "A guide to coordinate systems in Great Britain", table 1.
public struct Ellipsoid: Sendable, Hashable {
    /// Semi-major axis a, metres.
    public var a: Double
    /// Semi-minor axis b, metres.
    public var b: Double

    public init(a: Double, b: Double) {
        self.a = a
        self.b = b
    }

    /// Eccentricity squared, e² = (a² − b²) / a².
    public var eccentricitySquared: Double { (a * a - b * b) / (a * a) }

    /// GRS80, the ellipsoid of ETRS89 (and, to well under a metre in Britain, WGS84).
    public static let grs80 = Ellipsoid(a: 6_378_137.000, b: 6_356_752.3141)
    /// Airy 1830, the ellipsoid of OSGB36 and the National Grid.
    public static let airy1830 = Ellipsoid(a: 6_377_563.396, b: 6_356_256.909)

    /// Earth-centred cartesian X, Y, Z (metres) of a point given by latitude and longitude (radians) and
    /// ellipsoidal height (metres). OS guide, annex B.1.
    public func cartesian(latitude φ: Double, longitude λ: Double, height h: Double = 0) -> Cartesian {
        let e2 = eccentricitySquared
        let sinφ = sin(φ)
        let ν = a / (1 - e2 * sinφ * sinφ).squareRoot()
        return Cartesian(x: (ν + h) * cos(φ) * cos(λ),
                         y: (ν + h) * cos(φ) * sin(λ),
                         z: ((1 - e2) * ν + h) * sinφ)
    }

    /// Latitude and longitude (radians) and ellipsoidal height (metres) of a cartesian point. OS guide,
    /// annex B.2: latitude by iteration until it changes by less than 1e-12 rad (about 6 µm).
    public func geodetic(_ c: Cartesian) -> (latitude: Double, longitude: Double, height: Double) {
        let e2 = eccentricitySquared
        let λ = atan2(c.y, c.x)
        let p = (c.x * c.x + c.y * c.y).squareRoot()
        var φ = atan2(c.z, p * (1 - e2))
        var ν = a
        for _ in 0..<20 {
            let sinφ = sin(φ)
            ν = a / (1 - e2 * sinφ * sinφ).squareRoot()
            let next = atan2(c.z + e2 * ν * sinφ, p)
            let change = abs(next - φ)
            φ = next
            if change < 1e-12 { break }
        }
        let sinφ = sin(φ)
        ν = a / (1 - e2 * sinφ * sinφ).squareRoot()
        return (φ, λ, p / cos(φ) - ν)
    }
}

/// An earth-centred, earth-fixed cartesian point in metres.
public struct Cartesian: Sendable, Hashable {
    public var x: Double, y: Double, z: Double
    public init(x: Double, y: Double, z: Double) {
        self.x = x
        self.y = y
        self.z = z
    }
}
