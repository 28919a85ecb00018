import ATLModel
import ATLEngine
import ATLPlanning
import ATLMaps

/// The tables a scenario report shows (shared by the Markdown and HTML renderers, so both say the same).
public enum ScenarioTables {
    public typealias Table = (header: [String], rows: [[String]], align: [Character])

    static func km(_ v: Double?) -> String { v.map { Fixed.format($0, places: 1) } ?? "–" }
    static func delta(_ a: Int, _ b: Int) -> String { b == a ? "0" : (b > a ? "+\(b - a)" : "\(b - a)") }
    /// Change between two journeys as printed (one decimal), so "4.6 → 4.4" reads "-0.2", never "-0.1".
    static func deltaKm(_ a: Double?, _ b: Double?) -> String {
        guard let a, let b else { return "–" }
        func tenths(_ v: Double) -> Int { Int(Fixed.format(v, places: 1).replacingOccurrences(of: ".", with: "")) ?? 0 }
        let d = tenths(b) - tenths(a)
        let text = "\(abs(d) / 10).\(abs(d) % 10)"
        return d < 0 ? "-" + text : d == 0 ? text : "+" + text
    }

    static var headlineLabels: [(String, KeyPath<ScenarioMetrics, Int>?)] {
        [("Children in the cohort", \.children),
         ("No suitable place within the maximum journey", \.noSuitablePlace),
         ("Unplaced after allocation", \.unplaced),
         ("Placed", \.placed),
         ("Mean journey (km)", nil), ("Median journey (km)", nil), ("95th percentile journey (km)", nil),
         ("Placed beyond statutory walking distance (transport cost proxy)", \.beyondWalkingDistance),
         ("Out-of-area placements", \.outOfArea),
         ("Independent or non-maintained placements", \.independentSector),
         ("Placed in hypothetical settings", \.placedInHypothetical),
         ("Placements resting on unknown places", \.placedWherePlacesUnknown),
         ("Placements at settings of unknown type", \.placedWhereTypeUnknown)]
    }

    /// Headline figures: baseline, then each scenario and its change from baseline.
    public static func headline(_ c: ScenarioComparison) -> Table {
        var header = ["Measure", "Baseline"]
        for s in c.scenarios { header += [s.name, "Change"] }
        let b = c.baseline.metrics
        var rows: [[String]] = []
        for (label, path) in headlineLabels {
            var row = [label]
            if let path {
                row.append(String(b[keyPath: path]))
                for s in c.scenarios { row += [String(s.metrics[keyPath: path]), delta(b[keyPath: path], s.metrics[keyPath: path])] }
            } else {
                let get: (ScenarioMetrics) -> Double? = label.hasPrefix("Mean") ? { $0.meanKm } : label.hasPrefix("Median") ? { $0.medianKm } : { $0.p95Km }
                row.append(km(get(b)))
                for s in c.scenarios { row += [km(get(s.metrics)), deltaKm(get(b), get(s.metrics))] }
            }
            rows.append(row)
        }
        return (header, rows, ["l"] + Array(repeating: "r", count: header.count - 1))
    }

    /// Demand vs places by primary need, for one run.
    public static func needs(_ r: ScenarioResult) -> Table {
        (["Primary need", "Children", "Designated places (known)", "Designated settings, places unknown", "Placed",
          "Placed in provision designated for the need", "No suitable place", "Unplaced"],
         r.needs.map { n in
             [PlainWords.need(n.need), String(n.children), String(n.designatedPlaces), String(n.settingsWithUnknownPlaces),
              String(n.placed), String(n.placedInDesignated), String(n.noSuitablePlace), String(n.unplaced)]
         }, ["l", "r", "r", "r", "r", "r", "r", "r"])
    }

    /// Outcomes by home district, for one run.
    public static func districts(_ r: ScenarioResult) -> Table {
        (["Home district", "Children", "Placed", "Unplaced", "No suitable place", "Mean journey (km)"],
         r.districts.map { d in
             [d.district, String(d.children), String(d.placed), String(d.unplaced), String(d.noSuitablePlace), km(d.meanKm)]
         }, ["l", "r", "r", "r", "r", "r"])
    }

    /// Place utilisation by the settings' own postcode district, for one run.
    public static func settingDistricts(_ r: ScenarioResult) -> Table {
        (["Setting district", "Open settings", "Known places", "Settings with places unknown", "Children placed",
          "Placed where places unknown", "Known places used"],
         r.settingDistricts.map { d in
             let known = d.placed - d.placedWherePlacesUnknown
             return [d.district, String(d.settings), String(d.places), String(d.settingsWithUnknownPlaces), String(d.placed),
                     String(d.placedWherePlacesUnknown), d.places == 0 ? "–" : Fixed.format(100 * Double(known) / Double(d.places), places: 0) + "%"]
         }, ["l", "r", "r", "r", "r", "r", "r"])
    }

    /// Journey distribution: children placed per distance band, baseline and scenarios.
    public static func journeys(_ c: ScenarioComparison) -> Table {
        let runs = [c.baseline] + c.scenarios
        let counts = runs.map { JourneyBands.counts($0.children) }
        return (["Journey"] + runs.map(\.name),
                JourneyBands.labels.enumerated().map { i, l in [l] + counts.map { String($0[i]) } },
                ["l"] + Array(repeating: "r", count: runs.count))
    }

    /// Settings the scenario changed or opened, and every setting children were placed at, with use.
    public static func settingUse(_ r: ScenarioResult, baseline: ScenarioResult) -> Table {
        let before = Dictionary(uniqueKeysWithValues: baseline.settings.map { ($0.urn, $0.placed) })
        let rows = r.settings.filter { $0.placed > 0 || $0.hypothetical || $0.closed || (before[$0.urn] ?? 0) > 0 }.map { s in
            [String(s.urn), s.name + (s.hypothetical ? " (hypothetical)" : ""), s.type.shortTitle,
             s.needs.map(PlainWords.needs) ?? "not known",
             s.closed ? "closed" : s.places.map(String.init) ?? "not known", String(before[s.urn] ?? 0), String(s.placed)]
        }
        return (["URN", "Setting", "Type", "Designated needs", "Places", "Placed (baseline)", "Placed (\(r.name))"], rows,
                ["r", "l", "l", "l", "r", "r", "r"])
    }

    /// What a kind of change means, as a table cell ("Placed at a different setting").
    public static func words(_ k: OutcomeChange.Kind) -> String {
        switch k {
        case .newlyPlaced: "Placed (no place in the baseline)"
        case .newlyUnplaced: "No longer placed"
        case .moved: "Placed at a different setting"
        case .added: "Added by the scenario's demand growth"
        case .removed: "Removed by the scenario"
        }
    }

    /// A count of one kind of change as a phrase ("16 children placed at a different setting").
    static func phrase(_ k: OutcomeChange.Kind, _ n: Int) -> String {
        let who = PlainWords.count(n, "child", "children")
        switch k {
        case .newlyPlaced: return "\(who) placed who had no place in the baseline"
        case .newlyUnplaced: return "\(who) no longer placed"
        case .moved: return "\(who) placed at a different setting"
        case .added: return "\(who) added by the scenario's demand growth"
        case .removed: return "\(who) removed by the scenario"
        }
    }

    /// Children whose outcome changed, in natural order of reference (G1-2 before G1-10): references only,
    /// with the setting each was placed at by name and URN.
    public static func changes(_ ch: [OutcomeChange], names: [Int: String] = [:]) -> Table {
        func setting(_ urn: Int?) -> String {
            guard let urn else { return "none" }
            return names[urn].map { "\($0) (URN \(urn))" } ?? "URN \(urn)"
        }
        return (["Child reference", "What changed", "Baseline placement", "Scenario placement"],
                ch.sorted { MapText.naturalLess($0.reference, $1.reference) }.map {
                    [$0.reference, words($0.kind), setting($0.before), setting($0.after)]
                },
                ["l", "l", "l", "l"])
    }

    /// Setting names by URN across runs, for the table of changed outcomes.
    public static func settingNames(_ c: ScenarioComparison) -> [Int: String] {
        var out: [Int: String] = [:]
        for r in [c.baseline] + c.scenarios { for s in r.settings where out[s.urn] == nil { out[s.urn] = s.name } }
        return out
    }

    /// Count of changes by kind, in a fixed order.
    public static func changeSummary(_ ch: [OutcomeChange]) -> String {
        OutcomeChange.Kind.allCases.compactMap { k in
            let n = ch.filter { $0.kind == k }.count
            return n == 0 ? nil : phrase(k, n)
        }.joined(separator: ", ")
    }

    /// One sentence per scenario with the figures a commissioner reads first, each against the baseline.
    public static func summary(_ c: ScenarioComparison) -> [String] {
        let b = c.baseline.metrics
        func change(_ a: Int, _ s: Int) -> String { s == a ? "no change" : delta(a, s) }
        return c.scenarios.map { r in
            let m = r.metrics
            return "\(r.name): \(m.unplaced) of \(PlainWords.count(m.children, "child", "children")) unplaced after allocation (baseline \(b.unplaced), \(change(b.unplaced, m.unplaced))); "
                + "\(m.noSuitablePlace) with no suitable place within their maximum journey (baseline \(b.noSuitablePlace), \(change(b.noSuitablePlace, m.noSuitablePlace))); "
                + "mean journey \(km(m.meanKm)) km (baseline \(km(b.meanKm)) km); "
                + "\(m.beyondWalkingDistance) placed beyond statutory walking distance (baseline \(b.beyondWalkingDistance))."
        }
    }

    /// The audit stamp as label/value pairs.
    public static func stamp(_ c: ScenarioComparison) -> [(String, String)] {
        var out: [(String, String)] = [
            ("Engine", "atl \(c.stamp.engineVersion)"),
            ("Catalogue", "\(c.stamp.catalogue ?? "") (content hash \(c.stamp.catalogueHash))"),
            ("Cohort hash", c.stamp.hash(of: "cohort") ?? ""),
            ("Weights hash", c.stamp.weightsHash ?? ""),
        ]
        for (s, h) in zip(c.scenarios, c.stamp.hashes(of: "scenario")) { out.append(("Scenario \"\(s.name)\" hash", h)) }
        out += [("Seed", String(c.stamp.seed ?? 0)), ("Run date", c.stamp.date), ("Allocation", c.stamp.method ?? "")]
        return out
    }

    /// Banner lines: what is fictional or synthetic.
    public static func banners(_ c: ScenarioComparison) -> [String] {
        var out: [String] = []
        if c.syntheticCatalogue { out.append("SYNTHETIC CATALOGUE: real schools whose type, SEN provision, places and facilities were invented by 'atl synth-national' for benchmarking; no figure here describes these schools.") }
        if c.fictionalCatalogue { out.append("FICTIONAL EXAMPLE: every setting in this catalogue is invented (the example LA); none is a real school.") }
        if c.syntheticCohort { out.append("SYNTHETIC COHORT: every child in this cohort is invented; no real child's data is used.") }
        out.append("Settings marked hypothetical exist only in a scenario. This is a planning what-if, not a placement decision: families keep their right to name any school.")
        return out
    }
}
