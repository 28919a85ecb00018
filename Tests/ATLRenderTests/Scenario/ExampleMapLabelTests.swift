import ATLTestSupport
import ATLMaps
import Foundation
import Testing

/// Issue 14: on the committed example reports (real boundaries, real postcode-district centres), no two map
/// labels overlap and none is smaller than 12 units. Boxes are computed as the label placer computes them
/// (`TextMetrics` widths, which cover both Liberation Sans and DejaVu Sans); tests/check-pages.sh measures the
/// same in Chromium from the rendered boxes.
@Suite("Labels on the example maps") struct ExampleMapLabelTests {
    struct Label { var text: String; var x: Double, y: Double, size: Double }

    /// The labels of every map SVG in a page: the `<text>` lines inside the groups that carry a white halo
    /// (count labels and town names), with their group's font size. The renderer writes one element a line.
    static func labels(_ html: String) -> [[Label]] {
        var maps: [[Label]] = []
        for svg in html.components(separatedBy: "<svg ").dropFirst() where svg.hasPrefix("xmlns=\"http://www.w3.org/2000/svg\" class=\"atl-map-svg\"") {
            var current: [Label] = [], size: Double?
            for line in svg.split(separator: "\n") {
                if line.hasPrefix("<g font-size=\""), line.contains("paint-order") {
                    size = Double(line.dropFirst(14).prefix { $0 != "\"" })
                } else if line == "</g>" {
                    size = nil
                } else if let s = size, line.hasPrefix("<text x=\"") {
                    let parts = line.split(separator: "\"")
                    guard parts.count >= 4, let x = Double(parts[1]), let y = Double(parts[3]) else { continue }
                    let text = line.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }
                    current.append(Label(text: String(text), x: x, y: y, size: s))
                }
                if line.hasPrefix("</svg>") { break }
            }
            maps.append(current)
        }
        return maps
    }

    @Test(arguments: ["docs/examples/scenarios/example-la-asd-plus-20.html", "docs/examples/scenarios/telford-asd-resourced-provision.html"])
    func noLabelsOverlap(page: String) throws {
        let html = try String(contentsOfFile: Repository.path(page), encoding: .utf8)
        let maps = Self.labels(html)
        #expect(maps.count >= 4, "wide and narrow layouts of at least two maps")
        #expect(maps.allSatisfy { !$0.isEmpty }, "every map names its towns")
        #expect(maps.map(\.count).reduce(0, +) >= 8, "the labels were found")
        for labels in maps {
            let boxes = labels.map { l in
                LabelBox(x: l.x, y: l.y - l.size * TextMetrics.ascent,
                         width: TextMetrics.width(MapTextUnescape.text(l.text), fontSize: l.size), height: l.size * (TextMetrics.ascent + TextMetrics.descent))
            }
            for l in labels { #expect(l.size >= 12, "\(l.text) at \(l.size)") }
            for i in boxes.indices { for j in boxes.indices where j > i {
                #expect(!boxes[i].intersects(boxes[j]), "\(labels[i].text) overlaps \(labels[j].text)")
            } }
        }
    }
}

/// The few entities the renderer writes, turned back into the characters whose widths count.
enum MapTextUnescape {
    static func text(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
