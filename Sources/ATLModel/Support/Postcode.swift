/// UK postcode normalisation: upper case, one space before the inward code ("tf11aa" → "TF1 1AA").
public enum Postcode {
    /// Returns the normalised full postcode, or nil if the text is not shaped like one.
    public static func normalise(_ raw: some StringProtocol) -> String? {
        let compact = raw.uppercased().filter { !$0.isWhitespace }
        guard (5...7).contains(compact.count), compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { return nil }
        let inward = compact.suffix(3), outward = compact.dropLast(3)
        guard let d = inward.first, d.isNumber, inward.dropFirst().allSatisfy(\.isLetter),
              isOutcode(outward) else { return nil }
        return "\(outward) \(inward)"
    }

    /// The outward code of a normalised postcode ("TF1 1AA" → "TF1").
    public static func outcode(of postcode: String) -> Substring {
        postcode.split(separator: " ").first ?? Substring(postcode)
    }

    /// True for an outward code shape: 1–2 letters, a digit, then an optional letter or digit ("B1", "TF10", "W1A").
    public static func isOutcode(_ s: some StringProtocol) -> Bool {
        let u = Array(s.uppercased())
        guard (2...4).contains(u.count), u[0].isLetter, u.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { return false }
        return u.contains(where: \.isNumber)
    }
}
