import ATLModel
import ATLPlanning
import ATLMaps

/// The scenario report's maps: for each run, the LAs the cohort lives in (real ONS boundaries, towns), the
/// settings as symbols by type, and a circle per home postcode district where children are unplaced, labelled
/// with what it counts ("SY13: 11 unplaced").
public enum ScenarioMaps {
    /// Legend categories for settings: shape and colour both differ between the main kinds, so the map reads
    /// in grey-scale print and for readers who do not see the colours. Earlier categories are drawn on top, so
    /// what a scenario opens or closes is never hidden under the settings around it.
    static let categories: [MapCategory] = [
        MapCategory(id: "hypothetical", label: "Hypothetical (exists only in the scenario)", fill: "#000000", shape: .diamond),
        MapCategory(id: "closed", label: "Closed by the scenario", fill: "#000000", shape: .cross),
        MapCategory(id: "special", label: "Special school", fill: "#009E73", shape: .square),
        MapCategory(id: "resourced", label: "Mainstream with resourced provision or unit", fill: "#0072B2", shape: .diamond),
        MapCategory(id: "mainstream", label: "Mainstream school", fill: "#56B4E9", shape: .circle),
        MapCategory(id: "independent", label: "Independent school (special or other)", fill: "#E69F00", shape: .triangle),
        MapCategory(id: "other", label: "Alternative provision, post-16 or early years", fill: "#F0E442", shape: .square),
        MapCategory(id: "unknown", label: "Type not known", fill: "#bdbdbd", shape: .circle),
    ]

    static func category(_ s: SettingUse) -> String {
        if s.closed { return "closed" }
        if s.hypothetical { return "hypothetical" }
        switch s.type {
        case .special, .nonMaintainedSpecial: return "special"
        case .mainstreamResourced: return "resourced"
        case .mainstream: return "mainstream"
        case .independent, .independentSpecial: return "independent"
        case .alternativeProvision, .post16, .earlyYears: return "other"
        case .unknown: return "unknown"
        }
    }

    /// The LAs a report's maps draw: those where at least 5% of the cohort's children live (by the centre of
    /// their home postcode district), so one border district does not pull in a whole neighbouring county.
    public static func laCodes(_ c: ScenarioComparison, geography: MapGeography) -> [String] {
        var children: [String: Int] = [:]
        var total = 0
        for d in c.baseline.districts {
            guard let p = d.centre, let la = geography.boundaries.laCode(containing: p) else { continue }
            children[la, default: 0] += d.children
            total += d.children
        }
        let codes = children.filter { $0.value * 20 >= total }.keys.sorted()
        return codes.isEmpty ? geography.laCodes(containing: c.baseline.settings.compactMap(\.location)) : codes
    }

    /// Names of the LAs drawn, for titles: "Shropshire and Telford and Wrekin".
    public static func laNames(_ codes: [String], geography: MapGeography) -> String {
        let names = codes.compactMap { code -> String? in
            let ds = geography.boundaries.districts(inLA: code)
            if ds.count == 1 { return ds[0].name.replacingOccurrences(of: ", County of", with: "") }
            return countyNames[code]
        }
        return names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
    }

    /// County LAs are made of several ONS districts, none of which carries the county's name.
    static let countyNames = ["860": "Staffordshire", "885": "Worcestershire"]

    /// The map of one run.
    public static func spec(_ r: ScenarioResult, index: Int, laCodes: [String], geography: MapGeography) -> MapSpec {
        let unmet = r.districts.filter { $0.unplaced > 0 && $0.centre != nil }
        let drawn = r.settings.filter { $0.location != nil }
        let place = laNames(laCodes, geography: geography)
        let unplacedText = unmet.isEmpty ? "No child is unplaced in this run."
            : "Circles mark the \(PlainWords.count(unmet.count, "home postcode district", "home postcode districts")) with children unplaced, their area growing with the number."
        var spec = geography.baseSpec(
            id: "map\(index)", title: "\(r.name): children without a place and settings, \(place)",
            description: "Map of \(place) with local authority and district boundaries. \(unplacedText) Symbols mark \(drawn.count) settings by type. The tables in this section give the same figures.",
            laCodes: laCodes)
        spec.symbols = drawn.sorted { $0.urn < $1.urn }.map { s in
            MapSymbol(point: s.location!, category: category(s), title: symbolTitle(s))
        }
        spec.categories = categories
        spec.circles = unmet.map { d in
            MapCircle(id: d.district, point: d.centre!, count: d.unplaced, label: "\(d.district): \(d.unplaced) unplaced",
                      title: "\(d.district): \(d.unplaced) of \(PlainWords.count(d.children, "child", "children")) unplaced"
                        + (d.noSuitablePlace > 0 ? " (\(d.noSuitablePlace) with no suitable place within their maximum journey)" : ""))
        }
        spec.circleStyle = MapCircleStyle(fill: "#CC79A7", stroke: "#6e2a55", countNoun: "children unplaced, by home postcode district")
        return spec
    }

    /// The wide and narrow layouts for a map. Where settings are dense, labels may sit on their symbols (each
    /// label has a white halo; every setting is still in the tables and has its tooltip): otherwise the town
    /// names and counts find no room in the towns, which is where the settings are.
    public static func layouts(_ spec: MapSpec) -> [MapLayout] {
        [MapLayout.wide, MapLayout.narrow].map { l in
            var l = l
            l.labelsAvoidSymbols = spec.symbols.count <= 60
            return l
        }
    }

    static func symbolTitle(_ s: SettingUse) -> String {
        var t = "\(s.name) (URN \(s.urn)): \(s.type.title)"
        if s.closed { return t + "; closed in this scenario" }
        t += s.places.map { "; \($0) places, \(s.spare ?? 0) left after allocation" } ?? "; places not known"
        if s.placed > 0 { t += "; \(s.placed) placed" }
        if s.hypothetical { t += "; hypothetical" }
        return t
    }
}
