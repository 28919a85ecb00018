import ATLModel
import ATLEngine
import ATLPlanning
/// Escaping for HTML and SVG text, shared by every HTML renderer (the family list page, the scenario report and
/// its inline SVG) so that one function decides what is safe to put between tags and inside attribute values.
public enum HTMLText {
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
            default: o.unicodeScalars.append(c)
            }
        }
        return o
    }
}
