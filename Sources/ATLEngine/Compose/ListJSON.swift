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

    /// The list as indented JSON and a line feed. Written straight to bytes (``write(_:to:)``); the same bytes as
    /// `value(l).serialized(pretty: true) + "\n"` (tests compare the two on many lists).
    public static func render(_ l: AdvisoryList) -> String { String(decoding: renderBytes(l), as: UTF8.self) }

    /// ``render(_:)`` as UTF-8 bytes.
    public static func renderBytes(_ l: AdvisoryList) -> [UInt8] {
        var w = JSONWriter(pretty: true, capacity: 16_384 + 12_288 * l.entries.count)
        write(l, to: &w)
        var out = w.bytes
        out.append(0x0A)
        return out
    }

    // MARK: writing straight to bytes: the same members in the same order as `value`, without the tree.

    /// Writes the list (``value(_:)``) to `w`.
    public static func write(_ l: AdvisoryList, to w: inout JSONWriter) {
        w.beginObject()
        w.key("schema"); w.string(schema)
        w.key("advisory"); w.string(AdvisoryList.advisoryNotice)
        w.key("fictional_catalogue"); w.bool(l.fictionalCatalogue)
        w.key("synthetic_catalogue"); w.bool(l.syntheticCatalogue)
        w.key("synthetic_child"); w.bool(l.synthetic)
        w.key("profile"); w.beginObject()
        w.key("reference"); w.string(l.reference)
        w.key("placement_year"); w.int(l.placementYear)
        w.key("primary_need"); w.beginObject()
        w.key("code"); w.string(l.primaryNeed.rawValue); w.key("severity"); w.string(l.primarySeverity.rawValue)
        w.endObject()
        w.key("secondary_needs"); w.beginArray()
        for n in l.secondaryNeeds {
            w.beginObject(); w.key("code"); w.string(n.code.rawValue); w.key("severity"); w.string(n.severity.rawValue); w.endObject()
        }
        w.endArray()
        w.key("must_have"); w.strings(l.mustHave.map(\.rawValue))
        w.key("desirable"); w.strings(l.desirable.map(\.rawValue))
        w.key("home_postcode_district"); w.optional(l.homeDistrict)
        w.key("home_la"); authority(l.homeLA, to: &w)
        w.key("max_journey_km"); w.fixed(l.maxJourneyKm, 3)
        w.key("walking_distance_km"); w.fixed(l.walkingDistanceKm, 2)
        w.key("siblings_at"); w.beginArray(); for u in l.siblingsAt { w.int(u) }; w.endArray()
        w.key("fit"); w.strings(l.fit.map(\.rawValue))
        w.key("facts_check_after_months"); w.int(l.factsCheckAfterMonths)
        w.endObject()
        w.key("entries"); w.beginArray(); for e in l.entries { entry(e, to: &w) }; w.endArray()
        w.key("summary"); w.beginObject()
        w.key("settings_considered"); w.int(l.settingsConsidered)
        w.key("eligible"); w.int(l.eligible)
        w.key("excluded"); w.beginArray()
        for x in l.excludedByRule { w.beginObject(); w.key("rule"); w.string(x.rule.key); w.key("count"); w.int(x.count); w.endObject() }
        w.endArray()
        w.key("types_illustrated"); w.strings(l.typesIllustrated.map(\.rawValue))
        w.key("types_with_no_eligible_setting"); w.strings(l.typesWithNoEligible.map(\.rawValue))
        w.key("left_out_by_share_rule"); w.int(l.leftOutByShare)
        w.key("named_settings_not_listed"); w.beginArray()
        for n in l.namedSettingsNotListed {
            w.beginObject()
            w.key("urn"); w.int(n.urn); w.key("name"); w.optional(n.name); w.key("rule"); w.optional(n.rule?.key)
            w.key("reason"); w.string(n.reason)
            w.endObject()
        }
        w.endArray()
        w.key("notes"); w.strings(l.notes)
        w.endObject()
        w.key("stamp"); w.json(stamp(l.stamp))
        w.endObject()
    }

    static func authority(_ a: LocalAuthority?, to w: inout JSONWriter) {
        guard let a else { w.null(); return }
        w.beginObject(); w.key("code"); w.int(a.code); w.key("name"); w.string(a.name); w.endObject()
    }

    static func entry(_ e: ListEntry, to w: inout JSONWriter) {
        let s = e.setting
        w.beginObject()
        w.key("rank"); w.int(e.rank)
        w.key("urn"); w.int(s.urn)
        w.key("name"); w.string(s.name)
        w.key("type"); w.string(s.type.rawValue)
        w.key("fictional"); w.bool(s.fictional)
        w.key("la"); authority(s.localAuthority, to: &w)
        w.key("phase"); w.optional(s.phase?.rawValue)
        w.key("age_range"); w.optional(s.ageRange?.description)
        w.key("postcode"); w.optional(s.postcode ?? s.nearestPostcode)
        w.key("score"); w.number(e.points)
        w.key("band"); w.string(e.band.rawValue)
        w.key("inclusion"); w.string(e.inclusion.key)
        w.key("inclusion_reason"); w.string(e.inclusionReason)
        w.key("labels"); w.strings(e.labels.map(\.rawValue))
        w.key("distance_km"); if let d = e.distanceKm { w.fixed(d, 2) } else { w.null() }
        w.key("distance_source")
        if e.distanceKm == nil { w.null() } else { w.string(e.distanceFromMatrix ? "travel-matrix" : "straight-line-x-circuity") }
        w.key("minutes"); w.optional(e.minutes)
        w.key("within_walking_distance"); w.bool(e.withinWalkingDistance)
        w.key("vacancies"); w.optional(e.vacancies)
        w.key("reasons"); w.strings(e.reasons)
        w.key("not_offered"); w.strings(e.notOffered)
        w.key("to_ask"); w.strings(e.toAsk)
        w.key("cautions"); w.beginArray()
        for c in e.cautions {
            w.beginObject(); w.key("key"); w.string(c.key.rawValue); w.key("text"); w.string(c.text); w.key("question"); w.string(c.question); w.endObject()
        }
        w.endArray()
        w.key("unknown"); w.strings(e.unknown.map(\.key))
        w.key("evidence"); w.beginArray()
        for q in e.quotes { w.beginObject(); w.key("section"); w.string(q.section.rawValue); w.key("text"); w.string(q.text); w.endObject() }
        w.endArray()
        w.key("walking_distance")
        if let wd = e.walking {
            w.beginObject(); w.key("case"); w.string(wd.kind.rawValue); w.key("threshold_miles"); w.optional(wd.thresholdMiles)
            w.key("text"); w.string(wd.text); w.endObject()
        } else {
            w.null()
        }
        w.key("facts"); w.beginArray()
        for f in e.facts {
            w.beginObject()
            w.key("field"); w.string(f.field); w.key("text"); w.string(f.text); w.key("source"); w.optional(f.source)
            w.key("as_of"); w.optional(f.asOf); w.key("confirmed_by_officer"); w.bool(f.confirmedByOfficer)
            w.key("check"); w.bool(f.check); w.key("url"); w.optional(f.url)
            w.endObject()
        }
        w.endArray()
        w.key("sibling_attends"); w.bool(e.siblingAttends)
        w.key("fit"); w.beginArray()
        for f in e.fit {
            w.beginObject(); w.key("preference"); w.string(f.preference.rawValue); w.key("outcome"); w.string(outcomeKey(f.outcome))
            w.key("reason"); w.string(f.reason); w.endObject()
        }
        w.endArray()
        w.key("explanation"); explanation(e.explanation, to: &w)
        w.endObject()
    }

    static func explanation(_ e: Explanation, to w: inout JSONWriter) {
        w.beginObject()
        w.key("key"); w.string(e.key); w.key("value"); w.number(e.points); w.key("description"); w.string(e.description)
        if !e.details.isEmpty {
            w.key("details"); w.beginArray(); for d in e.details { explanation(d, to: &w) }; w.endArray()
        }
        w.endObject()
    }
}
