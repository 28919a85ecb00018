/// Fixed-decimal formatting that does not depend on the platform's float printing or locale.
public enum Fixed {
    /// Formats `v` with exactly `places` decimals, rounding half away from zero. "-0.000" is written "0.000".
    public static func format(_ v: Double, places: Int) -> String {
        precondition(places >= 0 && places <= 9)
        guard v.isFinite else { return "0" }
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(v) * Double(scale)).rounded(.toNearestOrAwayFromZero)
        let n = Int64(scaled)
        let whole = n / scale, frac = n % scale
        var s = (v < 0 && n != 0 ? "-" : "") + String(whole)
        if places > 0 {
            let f = String(frac)
            s += "." + String(repeating: "0", count: places - f.count) + f
        }
        return s
    }
}
