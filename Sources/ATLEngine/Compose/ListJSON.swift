import ATLModel
import ATLData

/// The advisory list's wire format, schema `atl-list/1` (`docs/list-output.md`), owned here: written for
/// `atl list --format json` and inside every `atl-batch/1` record, and read back by allocation
/// (``ListJSON/readRecord(_:)``). Keys keep a fixed order and numbers fixed decimals, so the same inputs give
/// byte-identical output.
public enum ListJSON {
    public static let schema = "atl-list/1"

    public static func value(_ l: AdvisoryList) -> JSON {
        .object([
            ("schema", .string(schema)),
            ("advisory", .string(AdvisoryList.advisoryNotice)),
            ("fictional_catalogue", .bool(l.fictionalCatalogue)),
            ("synthetic_catalogue", .bool(l.syntheticCatalogue)),
            ("synthetic_child", .bool(l.synthetic)),
            ("profile", .object([
                ("reference", .string(l.reference)),
                ("placement_year", .int(l.placementYear)),
                ("primary_need", .object([("code", .string(l.primaryNeed.rawValue)), ("severity", .string(l.primarySeverity.rawValue))])),
                ("secondary_needs", .array(l.secondaryNeeds.map { .object([("code", .string($0.code.rawValue)), ("severity", .string($0.severity.rawValue))]) })),
                ("must_have", .array(l.mustHave.map { .string($0.rawValue) })),
                ("desirable", .array(l.desirable.map { .string($0.rawValue) })),
                ("home_postcode_district", .optional(l.homeDistrict)),
                ("home_la", l.homeLA.map { .object([("code", .int($0.code)), ("name", .string($0.name))]) } ?? .null),
                ("max_journey_km", .fixed(l.maxJourneyKm, 3)),
                ("walking_distance_km", .fixed(l.walkingDistanceKm, 2)),
                ("siblings_at", .array(l.siblingsAt.map { .int($0) })),
                ("fit", .array(l.fit.map { .string($0.rawValue) })),
                ("facts_check_after_months", .int(l.factsCheckAfterMonths)),
            ])),
            ("entries", .array(l.entries.map(entry))),
            ("summary", .object([
                ("settings_considered", .int(l.settingsConsidered)),
                ("eligible", .int(l.eligible)),
                ("excluded", .array(l.excludedByRule.map { .object([("rule", .string($0.rule.key)), ("count", .int($0.count))]) })),
                ("types_illustrated", .array(l.typesIllustrated.map { .string($0.rawValue) })),
                ("types_with_no_eligible_setting", .array(l.typesWithNoEligible.map { .string($0.rawValue) })),
                ("left_out_by_share_rule", .int(l.leftOutByShare)),
                ("named_settings_not_listed", .array(l.namedSettingsNotListed.map { n in
                    .object([("urn", .int(n.urn)), ("name", .optional(n.name)), ("rule", .optional(n.rule?.key)),
                             ("reason", .string(n.reason))])
                })),
                ("notes", .array(l.notes.map(JSON.string))),
            ])),
            ("stamp", stamp(l.stamp)),
        ])
    }

    public static func stamp(_ s: ProvenanceStamp) -> JSON {
        .object([("engine_version", .string(s.engineVersion)), ("catalogue_hash", .string(s.catalogueHash))]
                + s.inputs.map { ("\($0.name.replacingOccurrences(of: "-", with: "_"))_hash", JSON.string($0.hash)) }
                + [("weights_hash", .string(s.weightsHash ?? "")), ("date", .string(s.date))])
    }

    static func entry(_ e: ListEntry) -> JSON {
        let s = e.setting
        let facts = JSON.array(e.facts.map(fact))
        let fit = JSON.array(e.fit.map(fitJSON))
        return .object([
            ("rank", .int(e.rank)),
            ("urn", .int(s.urn)),
            ("name", .string(s.name)),
            ("type", .string(s.type.rawValue)),
            ("fictional", .bool(s.fictional)),
            ("la", s.localAuthority.map { .object([("code", .int($0.code)), ("name", .string($0.name))]) } ?? .null),
            ("phase", .optional(s.phase?.rawValue)),
            ("age_range", .optional(s.ageRange?.description)),
            ("postcode", .optional(s.postcode ?? s.nearestPostcode)),
            ("score", .number(e.points)),
            ("band", .string(e.band.rawValue)),
            ("inclusion", .string(e.inclusion.key)),
            ("inclusion_reason", .string(e.inclusionReason)),
            ("labels", .array(e.labels.map { .string($0.rawValue) })),
            ("distance_km", e.distanceKm.map { .fixed($0, 2) } ?? .null),
            ("distance_source", e.distanceKm == nil ? .null : .string(e.distanceFromMatrix ? "travel-matrix" : "straight-line-x-circuity")),
            ("minutes", .optional(e.minutes)),
            ("within_walking_distance", .bool(e.withinWalkingDistance)),
            ("vacancies", .optional(e.vacancies)),
            ("reasons", .array(e.reasons.map(JSON.string))),
            ("not_offered", .array(e.notOffered.map(JSON.string))),
            ("to_ask", .array(e.toAsk.map(JSON.string))),
            ("cautions", .array(e.cautions.map { .object([("key", .string($0.key.rawValue)), ("text", .string($0.text)), ("question", .string($0.question))]) })),
            ("unknown", .array(e.unknown.map { .string($0.key) })),
            ("evidence", .array(e.quotes.map { .object([("section", .string($0.section.rawValue)), ("text", .string($0.text))]) })),
            ("walking_distance", walking(e.walking)),
            ("facts", facts),
            ("sibling_attends", .bool(e.siblingAttends)),
            ("fit", fit),
            ("explanation", explanation(e.explanation)),
        ])
    }

    /// One dated fact: what it says, its source and date, and whether the officer should check it.
    static func fact(_ f: DatedFact) -> JSON {
        .object([("field", .string(f.field)), ("text", .string(f.text)), ("source", .optional(f.source)),
                 ("as_of", .optional(f.asOf)), ("confirmed_by_officer", .bool(f.confirmedByOfficer)),
                 ("check", .bool(f.check)), ("url", .optional(f.url))])
    }

    static func walking(_ w: WalkingDistanceStatement?) -> JSON {
        guard let w else { return .null }
        return .object([("case", .string(w.kind.rawValue)), ("threshold_miles", .optional(w.thresholdMiles)), ("text", .string(w.text))])
    }

    static func fitJSON(_ f: (preference: FitPreference, outcome: FitFacts.Outcome, reason: String)) -> JSON {
        .object([("preference", .string(f.preference.rawValue)), ("outcome", .string(outcomeKey(f.outcome))), ("reason", .string(f.reason))])
    }

    static func outcomeKey(_ o: FitFacts.Outcome) -> String {
        switch o {
        case .met: "met"
        case .notMet: "not-met"
        case .unknown: "unknown"
        }
    }

    public static func explanation(_ e: Explanation) -> JSON {
        var members: [(String, JSON)] = [("key", .string(e.key)), ("value", .number(e.points)), ("description", .string(e.description))]
        if !e.details.isEmpty { members.append(("details", .array(e.details.map(explanation)))) }
        return .object(members)
    }

    public static func render(_ l: AdvisoryList) -> String { value(l).serialized(pretty: true) + "\n" }
}
