import ATLModel
import ATLData
import ATLEngine
import ATLPlanning

/// JSON rendering of an allocation report. Schema `atl-allocation/1` (docs/allocation.md); keys in a fixed
/// order, numbers fixed decimals: the same report and stamp give byte-identical output.
public enum AllocationJSON {
    public static let schema = "atl-allocation/1"

    public static func value(_ r: AllocationReport, stamp: ProvenanceStamp) -> JSON {
        let p = r.problem
        return .object([
            ("schema", .string(schema)),
            ("simulation", .string(AllocationText.notice)),
            ("fictional_settings", .bool(p.fictionalSettings)),
            ("synthetic_settings", .bool(p.syntheticSettings)),
            ("synthetic_children", .bool(p.syntheticChildren)),
            ("seed", .number(String(p.seed))),
            ("places_rule", .string(AllocationText.placesRule)),
            ("priority_rule", .string(AllocationText.priorityRule)),
            ("inputs", .object([
                ("children_listed", .int(p.children.count)),
                ("children_not_listed", .int(p.unlisted.count)),
                ("settings_listed", .int(p.providers.count)),
            ])),
            ("methods", .array(r.summaries.map(summary))),
            ("unplaced", .array(r.unplacedDA.map(JSON.string))),
            ("not_listed", .array(p.unlisted.map { u in
                .object([("row", .int(u.row)), ("source", .string(u.source)), ("reference", .optional(u.reference)),
                         ("errors", .array(u.errors.map(JSON.string)))])
            })),
            ("settings", .array(r.settings.map { s in
                let v = p.providers[s.provider]
                return .object([
                    ("urn", .int(v.urn)), ("name", .string(v.name)), ("type", .string(v.type.rawValue)),
                    ("fictional", .bool(v.fictional)), ("pool", .string(s.pool.rawValue)),
                    ("places", .optional(s.places)), ("first_choice", .int(s.firstChoice)), ("any_choice", .int(s.anyChoice)),
                    ("first_choice_per_place", s.firstChoicePerPlace.map { .fixed($0, 2) } ?? .null),
                    ("placed", .int(s.placedDA)), ("fill", s.fill.map { .fixed($0, 3) } ?? .null),
                    ("turned_away", .int(s.turnedAway)), ("placed_greedy", .int(s.placedGreedy)),
                ])
            })),
            ("needs", .array(r.needs.map { n in
                .object([
                    ("code", .string(n.need.rawValue)), ("children", .int(n.children)), ("with_empty_list", .int(n.withEmptyList)),
                    ("placed", .int(n.placedDA)), ("placed_in_specialist_places", .int(n.placedSpecialistDA)),
                    ("unplaced", .int(n.unplacedDA)), ("unplaced_greedy", .int(n.unplacedGreedy)),
                    ("specialist_places_listed", .int(n.specialistPlacesListed)),
                    ("specialist_pools_unknown_capacity", .int(n.specialistPoolsUnknown)),
                ])
            })),
            ("children", .array(p.children.indices.map { c in
                let child = p.children[c]
                return .object([
                    ("reference", .string(child.reference)), ("source", .string(child.source)),
                    ("primary_need", .string(child.primaryNeed.rawValue)), ("settings_listed", .int(child.settingsListed)),
                    ("deferred_acceptance", placement(p, c, r.deferredAcceptance.placement[c])),
                    ("greedy_nearest", placement(p, c, r.greedy.placement[c])),
                ])
            })),
            ("notes", .array(p.notes.map(JSON.string))),
            ("stamp", .object([
                ("engine_version", .string(stamp.engineVersion)), ("catalogue", .string(stamp.catalogue ?? "")),
                ("catalogue_hash", .string(stamp.catalogueHash)), ("lists_hash", .string(stamp.hash(of: "lists") ?? "")),
                ("date", .string(stamp.date)),
            ])),
        ])
    }

    static func summary(_ s: AllocationReport.MethodSummary) -> JSON {
        .object([
            ("method", .string(s.method.rawValue)), ("placed", .int(s.placed)), ("unplaced", .int(s.unplaced)),
            ("placed_on_unknown_capacity", .int(s.placedOnUnknownCapacity)), ("first_choice", .int(s.firstChoice)),
            ("mean_km", s.meanKm.map { .fixed($0, 2) } ?? .null), ("median_km", s.medianKm.map { .fixed($0, 2) } ?? .null),
            ("distance_unknown", .int(s.distanceUnknown)), ("children_with_justified_envy", .int(s.justifiedEnvy)),
        ])
    }

    static func placement(_ p: AllocationProblem, _ c: Int, _ ai: Int?) -> JSON {
        guard let ai else { return .null }
        let a = p.children[c].applications[ai]
        let v = p.providers[a.provider]
        return .object([
            ("urn", .int(v.urn)), ("list_rank", .int(a.listRank)), ("pool", .string(a.pool.rawValue)),
            ("distance_km", a.distanceKm.map { .fixed($0, 2) } ?? .null),
            ("rests_on_unknown_capacity", .bool(p.places(a) == nil)),
        ])
    }

    public static func render(_ r: AllocationReport, stamp: ProvenanceStamp) -> String {
        value(r, stamp: stamp).serialized(pretty: true) + "\n"
    }
}
