/// A seven-parameter Helmert transformation between two datums' cartesian coordinates: a translation, a
/// scale change and three small rotations (OS guide, section 6.2).
public struct HelmertTransformation: Sendable, Hashable {
    /// Translations in metres.
    public var tx: Double, ty: Double, tz: Double
    /// Scale change in parts per million.
    public var scalePPM: Double
    /// Rotations in seconds of arc.
    public var rx: Double, ry: Double, rz: Double

    public init(tx: Double, ty: Double, tz: Double, scalePPM: Double, rx: Double, ry: Double, rz: Double) {
        self.tx = tx
        self.ty = ty
        self.tz = tz
        self.scalePPM = scalePPM
        self.rx = rx
        self.ry = ry
        self.rz = rz
    }

    /// ETRS89 (GRS80) → OSGB36 (Airy 1830), the OS guide's table 4 parameters. A single transformation for
    /// all of Britain, so it is good to about 5 m (OSTN15, the definitive transformation, is a grid of
    /// corrections too large to ship and unnecessary at the scale of an LA map).
    public static let etrs89ToOSGB36 = HelmertTransformation(
        tx: -446.448, ty: 125.157, tz: -542.060, scalePPM: 20.4894, rx: -0.1502, ry: -0.2470, rz: -0.8421)

    /// The approximate inverse (every parameter negated), as the OS guide uses for the reverse direction.
    public var inverse: HelmertTransformation {
        HelmertTransformation(tx: -tx, ty: -ty, tz: -tz, scalePPM: -scalePPM, rx: -rx, ry: -ry, rz: -rz)
    }

    /// Applies the small-angle form of the transformation (OS guide, equation 6.3).
    public func apply(_ c: Cartesian) -> Cartesian {
        let s = scalePPM * 1e-6
        let arcsec = Double.pi / (180 * 3600)
        let (ωx, ωy, ωz) = (rx * arcsec, ry * arcsec, rz * arcsec)
        return Cartesian(x: tx + (1 + s) * c.x - ωz * c.y + ωy * c.z,
                         y: ty + ωz * c.x + (1 + s) * c.y - ωx * c.z,
                         z: tz - ωy * c.x + ωx * c.y + (1 + s) * c.z)
    }
}
