/// Text helpers for SVG/HTML output: escaping, fixed decimals, natural order.
public enum MapText {
    /// Escapes text for element content and double- or single-quoted attribute values.
    public static func escape(_ s: String) -> String {
        var o = ""
        o.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": o += "&amp;"
            case "<": o += "&lt;"
            case ">": o += "&gt;"
            case "\"": o += "&quot;"
            case "'": o += "&#39;"
            default:
                // Control characters other than tab and newline are not allowed in XML 1.0.
                if c.value < 0x20 && c != "\t" && c != "\n" { o += "\u{FFFD}" } else { o.unicodeScalars.append(c) }
            }
        }
        return o
    }

    /// `v` with exactly `places` decimals, rounded half away from zero; "-0.0" is written "0.0". Never uses
    /// the locale or `String(format:)`, so output is the same bytes on every platform.
    public static func fixed(_ v: Double, _ places: Int = 1) -> String {
        precondition(places >= 0 && places <= 6)
        guard v.isFinite else { return "0" }
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        let n = Int64((abs(v) * Double(scale)).rounded(.toNearestOrAwayFromZero))
        var s = (v < 0 && n != 0 ? "-" : "") + String(n / scale)
        if places > 0 {
            let f = String(n % scale)
            s += "." + String(repeating: "0", count: places - f.count) + f
        }
        return s
    }

    /// Natural order: runs of digits compare as numbers, so "TF2" < "TF10" and "G1-2" < "G1-10"; ties fall
    /// back to plain string order so the order is total.
    public static func naturalLess(_ a: String, _ b: String) -> Bool {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        var i = 0, j = 0
        func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
        while i < x.count && j < y.count {
            if isDigit(x[i]) && isDigit(y[j]) {
                var i2 = i, j2 = j
                while i2 < x.count && isDigit(x[i2]) { i2 += 1 }
                while j2 < y.count && isDigit(y[j2]) { j2 += 1 }
                // Compare digit runs by value: strip leading zeros, then by length, then digit by digit.
                let dx = x[i..<i2].drop { $0 == "0" }, dy = y[j..<j2].drop { $0 == "0" }
                if dx.count != dy.count { return dx.count < dy.count }
                for (p, q) in zip(dx, dy) where p != q { return p.value < q.value }
                (i, j) = (i2, j2)
            } else {
                if x[i] != y[j] { return x[i].value < y[j].value }
                i += 1
                j += 1
            }
        }
        if x.count - i != y.count - j { return x.count - i < y.count - j }
        return a < b
    }
}
