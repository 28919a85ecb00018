import Foundation

/// A Transverse Mercator projection on an ellipsoid, in the series form the Ordnance Survey publishes
/// (OS guide, annex C: Redfearn's formulae), accurate to about a millimetre within Britain.
public struct TransverseMercator: Sendable, Hashable {
    public var ellipsoid: Ellipsoid
    /// Scale factor on the central meridian, F0.
    public var scaleFactor: Double
    /// True origin, radians.
    public var originLatitude: Double, originLongitude: Double
    /// Grid coordinates of the true origin, metres.
    public var falseEasting: Double, falseNorthing: Double

    public init(ellipsoid: Ellipsoid, scaleFactor: Double, originLatitude: Double, originLongitude: Double,
                falseEasting: Double, falseNorthing: Double) {
        self.ellipsoid = ellipsoid
        self.scaleFactor = scaleFactor
        self.originLatitude = originLatitude
        self.originLongitude = originLongitude
        self.falseEasting = falseEasting
        self.falseNorthing = falseNorthing
    }

    /// The British National Grid (EPSG:27700 without its datum): Airy 1830, F0 = 0.9996012717, true origin
    /// 49°N 2°W, false origin 400 km west and 100 km north of it.
    public static let nationalGrid = TransverseMercator(
        ellipsoid: .airy1830, scaleFactor: 0.9996012717,
        originLatitude: 49 * .pi / 180, originLongitude: -2 * .pi / 180,
        falseEasting: 400_000, falseNorthing: -100_000)

    /// Developed meridian arc M from the origin latitude to φ (OS guide, equation C3).
    func meridionalArc(_ φ: Double) -> Double {
        let (a, b) = (ellipsoid.a, ellipsoid.b)
        let n = (a - b) / (a + b), n2 = n * n, n3 = n2 * n
        let φ0 = originLatitude
        let d = φ - φ0, s = φ + φ0
        return b * scaleFactor * ((1 + n + 5.0 / 4 * n2 + 5.0 / 4 * n3) * d
            - (3 * n + 3 * n2 + 21.0 / 8 * n3) * sin(d) * cos(s)
            + (15.0 / 8 * n2 + 15.0 / 8 * n3) * sin(2 * d) * cos(2 * s)
            - 35.0 / 24 * n3 * sin(3 * d) * cos(3 * s))
    }

    /// Radii of curvature scaled by F0: ν (prime vertical), ρ (meridian) and η² = ν/ρ − 1.
    func radii(_ φ: Double) -> (ν: Double, ρ: Double, η2: Double) {
        let aF0 = ellipsoid.a * scaleFactor, e2 = ellipsoid.eccentricitySquared
        let w = 1 - e2 * sin(φ) * sin(φ)
        let ν = aF0 / w.squareRoot()
        let ρ = aF0 * (1 - e2) / (w * w.squareRoot())
        return (ν, ρ, ν / ρ - 1)
    }

    /// Easting and northing (metres) of latitude φ and longitude λ (radians) on this projection's
    /// ellipsoid. OS guide, annex C.1.
    public func project(latitude φ: Double, longitude λ: Double) -> (easting: Double, northing: Double) {
        let (ν, ρ, η2) = radii(φ)
        let sinφ = sin(φ), cosφ = cos(φ), tanφ = tan(φ)
        let t2 = tanφ * tanφ, t4 = t2 * t2
        let cos3 = cosφ * cosφ * cosφ, cos5 = cos3 * cosφ * cosφ
        let i = meridionalArc(φ) + falseNorthing
        let ii = ν / 2 * sinφ * cosφ
        let iii = ν / 24 * sinφ * cos3 * (5 - t2 + 9 * η2)
        let iiiA = ν / 720 * sinφ * cos5 * (61 - 58 * t2 + t4)
        let iv = ν * cosφ
        let v = ν / 6 * cos3 * (ν / ρ - t2)
        let vi = ν / 120 * cos5 * (5 - 18 * t2 + t4 + 14 * η2 - 58 * t2 * η2)
        let dλ = λ - originLongitude
        let dλ2 = dλ * dλ
        let northing = i + dλ2 * (ii + dλ2 * (iii + dλ2 * iiiA))
        let easting = falseEasting + dλ * (iv + dλ2 * (v + dλ2 * vi))
        return (easting, northing)
    }

    /// Latitude and longitude (radians) of a grid position. OS guide, annex C.2: the footpoint latitude by
    /// iteration until the meridian arc is within 0.01 mm, then the series.
    public func unproject(easting: Double, northing: Double) -> (latitude: Double, longitude: Double) {
        let aF0 = ellipsoid.a * scaleFactor
        var φ = (northing - falseNorthing) / aF0 + originLatitude
        var m = meridionalArc(φ)
        for _ in 0..<50 where abs(northing - falseNorthing - m) >= 0.00001 {
            φ += (northing - falseNorthing - m) / aF0
            m = meridionalArc(φ)
        }
        let (ν, ρ, η2) = radii(φ)
        let tanφ = tan(φ), secφ = 1 / cos(φ)
        let t2 = tanφ * tanφ, t4 = t2 * t2, t6 = t4 * t2
        let ν3 = ν * ν * ν, ν5 = ν3 * ν * ν, ν7 = ν5 * ν * ν
        let vii = tanφ / (2 * ρ * ν)
        let viii = tanφ / (24 * ρ * ν3) * (5 + 3 * t2 + η2 - 9 * t2 * η2)
        let ix = tanφ / (720 * ρ * ν5) * (61 + 90 * t2 + 45 * t4)
        let x = secφ / ν
        let xi = secφ / (6 * ν3) * (ν / ρ + 2 * t2)
        let xii = secφ / (120 * ν5) * (5 + 28 * t2 + 24 * t4)
        let xiiA = secφ / (5040 * ν7) * (61 + 662 * t2 + 1320 * t4 + 720 * t6)
        let e = easting - falseEasting, e2 = e * e
        let latitude = φ - e2 * (vii - e2 * (viii - e2 * ix))
        let longitude = originLongitude + e * (x - e2 * (xi - e2 * (xii - e2 * xiiA)))
        return (latitude, longitude)
    }
}
