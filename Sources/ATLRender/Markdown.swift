/// Small Markdown helpers shared by the renderers.
public enum MarkdownText {
    /// A pipe table. Cells have `|` escaped and line breaks flattened; `align` per column: "l", "r".
    public static func table(_ header: [String], _ rows: [[String]], align: [Character]? = nil) -> String {
        var out = "| " + header.map(cell).joined(separator: " | ") + " |\n|"
        for i in header.indices {
            let a = align.map { i < $0.count ? $0[i] : "l" } ?? "l"
            out += a == "r" ? "---:|" : "---|"
        }
        out += "\n"
        for r in rows { out += "| " + r.map(cell).joined(separator: " | ") + " |\n" }
        return out
    }

    public static func cell(_ s: String) -> String {
        // Most cells (references, numbers, setting names) need nothing: one pass over the bytes, no copy. A table
        // of 100,000 unplaced children spent most of its time in the two replacements below.
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x7C || $0 == 0x0A || $0 == 0x0D }) else { return s }
        return inline(s).replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    /// Text from an input file (a setting's name, a quote, a profile value) made safe for Markdown: `&`, `<`
    /// and `>` become entities (so `<script>` is shown, never run, where Markdown is turned into HTML) and `|`
    /// is escaped so it cannot break a table.
    public static func inline(_ s: String) -> String {
        guard s.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || $0 == "|" }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "|": out += "\\|"
            default: out.append(c)
            }
        }
        return out
    }
}

import ATLModel
import ATLEngine
import ATLPlanning
import Foundation
