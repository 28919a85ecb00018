/// HTML escaping for text and attribute values.
public enum HTML {
    /// Escapes `& < > " '` so the result is safe inside element content and inside quoted attributes.
    /// (Not for unquoted attributes, URLs in `href`, scripts or styles: never interpolate into those.)
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
