/// Estimated advance widths of sans-serif text, so labels can be placed without a font engine.
///
/// Each width (in 1/1000 em) is the larger of two fonts measured in Chromium 156: Liberation Sans (metrically
/// the same as Arial and Helvetica) and DejaVu Sans (the usual Linux fallback, about 15% wider). A label
/// box computed from this table holds the text in either, so placement stays overlap-free whichever font the
/// reader's browser picks for `font-family: Arial, "Liberation Sans", Helvetica, sans-serif`.
public enum TextMetrics {
    /// The font stack the map uses; the widths below cover each of its members.
    public static let fontFamily = "Arial, 'Liberation Sans', Helvetica, sans-serif"

    /// Widths of U+0020…U+007E.
    static let ascii: [Int] = [
        318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,  //  !"#$%&'()*+,-./
        636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 556,  // 0123456789:;<=>?
        1015, 684, 686, 722, 770, 667, 611, 778, 752, 295, 500, 667, 557, 863, 748, 787,  // @ABCDEFGHIJKLMNO
        667, 787, 722, 667, 611, 732, 684, 989, 685, 667, 685, 390, 337, 390, 838, 556,  // PQRSTUVWXYZ[\]^_
        500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,  // `abcdefghijklmno
        635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,  // pqrstuvwxyz{|}~
    ]

    /// A few common non-ASCII characters; anything else counts as a full em (wide, so never too small).
    static let other: [Unicode.Scalar: Int] = [
        "–": 556, "—": 1000, "‘": 318, "’": 318, "“": 518, "”": 518, "…": 1000, "·": 318, "×": 838, "£": 636,
        "é": 615, "è": 615, "ô": 612, "ö": 612, "ü": 634, "↑": 838, "\u{00A0}": 318,
    ]

    /// Estimated width of `text` at `fontSize` (user units).
    public static func width(_ text: String, fontSize: Double) -> Double {
        var units = 0
        for s in text.unicodeScalars {
            if s.value >= 32 && s.value <= 126 { units += ascii[Int(s.value) - 32] } else { units += other[s] ?? 1000 }
        }
        return Double(units) * fontSize / 1000
    }

    /// Text box height as a multiple of the font size: ascent 0.95 em above the baseline and descent 0.25 em
    /// below it cover both fonts' ascent and descent (at most 0.928 and 0.236 em).
    public static let ascent = 0.95, descent = 0.25
}
