import ATLModel
import ATLMaps

/// A grouped horizontal bar chart as inline SVG: one group per category (its name on a line of its own, so
/// long names such as "Social, emotional and mental health needs (SEMH)" need no abbreviation), one bar per
/// series, every bar labelled with its value. Drawn twice, 640 and 340 units wide; the page's CSS shows the
/// narrow one on phones, so text is never drawn smaller than 12 CSS pixels. Pure and byte-stable.
public enum BarChart {
    public typealias Series = (name: String, values: [Int])

    /// Okabe–Ito colours, safe for colour-blind readers; each series also has its own legend entry.
    static let colours = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9"]
    static let fontSize = 12.0, barHeight = 14.0, barGap = 3.0, groupGap = 10.0

    /// The chart in a `<figure>` with both layouts and a caption.
    public static func figure(id: String, title: String, description: String, categories: [String], series: [Series],
                              scaleMax: Int? = nil, caption: String) -> String {
        var s = "<figure class=\"chart\" id=\"\(HTMLText.escape(id))\">\n"
        for (name, width) in [("wide", 640.0), ("narrow", 340.0)] {
            s += "<div class=\"chart-\(name)\">" + svg(id: "\(id)-\(name)", title: title, description: description,
                                                       categories: categories, series: series, scaleMax: scaleMax, width: width)
                + "</div>\n"
        }
        return s + "<figcaption>\(HTMLText.escape(caption))</figcaption>\n</figure>\n"
    }

    static func n(_ v: Double) -> String { MapText.fixed(v, 1) }

    /// One layout of the chart, `width` units wide; its height follows from the content.
    public static func svg(id: String, title: String, description: String, categories: [String], series: [Series],
                           scaleMax: Int? = nil, width: Double) -> String {
        let maxValue = max(1, scaleMax ?? 0, series.flatMap(\.values).max() ?? 1)
        let left = 4.0, right = width - 4
        let valueRoom = TextMetrics.width(String(maxValue), fontSize: fontSize) + 8
        let plotWidth = right - left - valueRoom
        var body = ""
        var y = 4.0
        // Legend first: what each bar colour is.
        var x = left
        for (i, s) in series.enumerated() {
            let w = 18 + TextMetrics.width(s.name, fontSize: fontSize)
            if x > left && x + w > right { x = left; y += 18 }
            body += "<rect x=\"\(n(x))\" y=\"\(n(y + 2))\" width=\"12\" height=\"12\" fill=\"\(colours[i % colours.count])\"/>"
            body += "<text x=\"\(n(x + 16))\" y=\"\(n(y + 12.5))\">\(HTMLText.escape(s.name))</text>\n"
            x += w + 14
        }
        y += 18 + 8
        let axisTop = y
        for (ci, category) in categories.enumerated() {
            // Bold text runs about a tenth wider than the regular widths `TextMetrics` knows.
            for line in wrap(category, width: (right - left) * 0.9) {
                body += "<text x=\"\(n(left))\" y=\"\(n(y + 12))\" font-weight=\"bold\">\(HTMLText.escape(line))</text>\n"
                y += 16
            }
            y += 2
            for (si, s) in series.enumerated() {
                let v = ci < s.values.count ? s.values[ci] : 0
                let length = plotWidth * Double(v) / Double(maxValue)
                let label = HTMLText.escape("\(category), \(s.name): \(v)")
                if v > 0 {
                    body += "<rect x=\"\(n(left))\" y=\"\(n(y))\" width=\"\(n(max(1, length)))\" height=\"\(n(barHeight))\" fill=\"\(colours[si % colours.count])\"><title>\(label)</title></rect>"
                }
                body += "<text x=\"\(n(left + length + 4))\" y=\"\(n(y + 11.5))\">\(v)</text>\n"
                y += barHeight + barGap
            }
            y += groupGap
        }
        let height = (y + 2).rounded(.up)
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"100%\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\" font-family=\"\(TextMetrics.fontFamily)\" font-size=\"\(n(fontSize))\" fill=\"#1b1b1b\">"
        s += "<title id=\"\(id)-t\">\(HTMLText.escape(title))</title><desc id=\"\(id)-d\">\(HTMLText.escape(description))</desc>\n"
        s += "<line x1=\"\(n(left))\" y1=\"\(n(axisTop))\" x2=\"\(n(left))\" y2=\"\(n(height - 2))\" stroke=\"#8a8a8a\"/>\n"
        return s + body + "</svg>"
    }

    /// Splits text at spaces into lines no wider than `width` at the chart's font size (a single word wider
    /// than that stays whole on its own line).
    static func wrap(_ text: String, width: Double) -> [String] {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if !line.isEmpty && TextMetrics.width(candidate, fontSize: fontSize) > width {
                lines.append(line)
                line = String(word)
            } else {
                line = candidate
            }
        }
        return line.isEmpty ? lines : lines + [line]
    }
}
