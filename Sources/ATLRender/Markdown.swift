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
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\n", with: " ")
    }
}

import Foundation
