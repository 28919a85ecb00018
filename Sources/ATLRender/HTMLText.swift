import ATLMaps

/// Escaping for HTML and SVG text, shared by every HTML renderer (the family list page, the scenario and audit
/// reports and their inline SVG, and the maps) so that one function decides what is safe to put between tags
/// and inside attribute values: `& < > " '` become entities and control characters other than tab and
/// newline (not allowed in XML 1.0) become U+FFFD.
public enum HTMLText {
    /// Escapes text for element content and double- or single-quoted attribute values.
    public static func escape(_ s: String) -> String { MapText.escape(s) }
}
