import ATLModel

/// WGS84 (ETRS89) latitude/longitude → British National Grid (EPSG:27700) easting/northing, the way the
/// Ordnance Survey's guide describes without OSTN15: to cartesian on GRS80, Helmert to OSGB36, back to
/// latitude/longitude on Airy 1830, then the National Grid projection. Good to about 5 m (the Helmert
/// transformation's own accuracy), far below what an LA-scale map shows.
public enum NationalGrid {
    /// Easting and northing in metres (not rounded) of a WGS84 latitude and longitude in degrees.
    public static func fromWGS84(latitude: Double, longitude: Double) -> (easting: Double, northing: Double) {
        let rad = Double.pi / 180
        let etrs = Ellipsoid.grs80.cartesian(latitude: latitude * rad, longitude: longitude * rad, height: 0)
        let osgb = HelmertTransformation.etrs89ToOSGB36.apply(etrs)
        let g = Ellipsoid.airy1830.geodetic(osgb)
        return TransverseMercator.nationalGrid.project(latitude: g.latitude, longitude: g.longitude)
    }

    /// The grid point, rounded to the metre, of a WGS84 latitude and longitude in degrees.
    public static func gridPoint(latitude: Double, longitude: Double) -> GridPoint {
        let p = fromWGS84(latitude: latitude, longitude: longitude)
        return GridPoint(easting: Int(p.easting.rounded()), northing: Int(p.northing.rounded()))
    }

    /// WGS84 latitude and longitude in degrees of a grid position (the inverse chain, for checks).
    public static func toWGS84(easting: Double, northing: Double) -> (latitude: Double, longitude: Double) {
        let g = TransverseMercator.nationalGrid.unproject(easting: easting, northing: northing)
        let osgb = Ellipsoid.airy1830.cartesian(latitude: g.latitude, longitude: g.longitude, height: 0)
        let etrs = HelmertTransformation.etrs89ToOSGB36.inverse.apply(osgb)
        let w = Ellipsoid.grs80.geodetic(etrs)
        return (w.latitude * 180 / .pi, w.longitude * 180 / .pi)
    }
}
