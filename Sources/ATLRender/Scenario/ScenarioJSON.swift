import ATLModel
import ATLEngine
import ATLPlanning

/// The scenario report as JSON (schema `atl-scenario-report/1`): stable key order, fixed decimals.
public enum ScenarioJSON {
    public static let schema = "atl-scenario-report/1"

    static func km(_ v: Double?) -> JSON { v.map { JSON.fixed($0, 2) } ?? .null }

    static func metrics(_ m: ScenarioMetrics) -> JSON {
        .object([
            ("children", .int(m.children)), ("noSuitablePlace", .int(m.noSuitablePlace)), ("unplaced", .int(m.unplaced)),
            ("placed", .int(m.placed)), ("meanKm", km(m.meanKm)), ("medianKm", km(m.medianKm)), ("p95Km", km(m.p95Km)),
            ("beyondWalkingDistance", .int(m.beyondWalkingDistance)), ("outOfArea", .int(m.outOfArea)),
            ("independentSector", .int(m.independentSector)), ("placedInHypothetical", .int(m.placedInHypothetical)),
            ("placedWherePlacesUnknown", .int(m.placedWherePlacesUnknown)),
            ("placedWhereTypeUnknown", .int(m.placedWhereTypeUnknown)),
        ])
    }

    static func run(_ r: ScenarioResult) -> JSON {
        .object([
            ("name", .string(r.name)), ("description", .optional(r.description)), ("scenarioHash", .string(r.scenarioHash)),
            ("catalogueHash", .string(r.catalogueHash)), ("weightsHash", .string(r.weightsHash)),
            ("changes", .array(r.log.map { l in .object([("line", .int(l.line)), ("operation", .string(l.operation)),
                                                         ("text", .string(l.text)), ("altersRealSetting", .bool(l.altersRealSetting))]) })),
            ("metrics", metrics(r.metrics)),
            ("journeyBands", .array(zip(JourneyBands.labels, JourneyBands.counts(r.children)).map { .object([("band", .string($0)), ("children", .int($1))]) })),
            ("needs", .array(r.needs.map { n in .object([
                ("need", .string(n.need.rawValue)), ("children", .int(n.children)), ("placed", .int(n.placed)),
                ("noSuitablePlace", .int(n.noSuitablePlace)), ("designatedPlaces", .int(n.designatedPlaces)),
                ("designatedSettingsWithUnknownPlaces", .int(n.settingsWithUnknownPlaces)),
                ("placedInDesignated", .int(n.placedInDesignated))]) })),
            ("districts", .array(r.districts.map { d in .object([
                ("district", .string(d.district)), ("children", .int(d.children)), ("placed", .int(d.placed)),
                ("noSuitablePlace", .int(d.noSuitablePlace)), ("meanKm", km(d.meanKm))]) })),
            ("settingDistricts", .array(r.settingDistricts.map { d in .object([
                ("district", .string(d.district)), ("settings", .int(d.settings)), ("places", .int(d.places)),
                ("settingsWithUnknownPlaces", .int(d.settingsWithUnknownPlaces)), ("placed", .int(d.placed)),
                ("placedWherePlacesUnknown", .int(d.placedWherePlacesUnknown))]) })),
            ("settings", .array(r.settings.filter { $0.placed > 0 || $0.hypothetical || $0.closed }.map { s in .object([
                ("urn", .int(s.urn)), ("name", .string(s.name)), ("type", .string(s.type.rawValue)),
                ("hypothetical", .bool(s.hypothetical)), ("closed", .bool(s.closed)), ("places", .optional(s.places)),
                ("placed", .int(s.placed))]) })),
            ("children", .array(r.children.map { c in .object([
                ("reference", .string(c.reference)), ("synthetic", .bool(c.synthetic)),
                ("addedByScenario", .bool(c.addedByScenario)), ("primaryNeed", .string(c.primaryNeed.rawValue)),
                ("homeDistrict", .optional(c.homeDistrict)), ("eligible", .int(c.eligible)),
                ("placedURN", .optional(c.placedURN)), ("distanceKm", km(c.distanceKm)),
                ("beyondWalkingDistance", .bool(c.beyondWalkingDistance)), ("outOfArea", .bool(c.outOfArea)),
                ("independentSector", .bool(c.independentSector)), ("placesUnknown", .bool(c.placesUnknown))]) })),
        ])
    }

    public static func render(_ c: ScenarioComparison) -> String {
        let s = c.stamp
        let v: JSON = .object([
            ("schema", .string(schema)),
            ("fictionalCatalogue", .bool(c.fictionalCatalogue)), ("syntheticCatalogue", .bool(c.syntheticCatalogue)),
            ("syntheticCohort", .bool(c.syntheticCohort)),
            ("stamp", .object([
                ("engineVersion", .string(s.engineVersion)), ("catalogue", .string(s.catalogue ?? "")),
                ("catalogueHash", .string(s.catalogueHash)), ("cohortHash", .string(s.hash(of: "cohort") ?? "")),
                ("weightsHash", .string(s.weightsHash ?? "")), ("scenarioHashes", .array(s.hashes(of: "scenario").map(JSON.string))),
                ("seed", .string(String(s.seed ?? 0))), ("date", .string(s.date)), ("allocator", .string(s.method ?? ""))])),
            ("unknowns", .array(c.unknowns.map(JSON.string))),
            ("baseline", run(c.baseline)),
            ("scenarios", .array(c.scenarios.enumerated().map { i, r in
                var o = run(r)
                if case .object(var kv) = o {
                    kv.append(("outcomeChanges", .array(c.changes[i].map { ch in .object([
                        ("reference", .string(ch.reference)), ("kind", .string(ch.kind.rawValue)),
                        ("before", .optional(ch.before)), ("after", .optional(ch.after))]) })))
                    o = .object(kv)
                }
                return o
            })),
        ])
        return v.serialized(pretty: true) + "\n"
    }
}
