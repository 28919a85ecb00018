import ATLModel
import ATLEngine
import ATLPlanning

/// Wording shared by the list renderers, so Markdown, HTML, CSV and JSON say the same things.
public enum ListText {
    public static let advisoryNotice = AdvisoryList.advisoryNotice

    public static func fictionalNotice(_ l: AdvisoryList) -> String? {
        l.fictionalCatalogue ? "FICTIONAL EXAMPLE: every setting on this list is invented (the example LA, Severnvale). None is a real school." : nil
    }

    public static let syntheticCatalogueText = "SYNTHETIC CATALOGUE: the settings on this list are real schools, but their type, SEN provision, places, facilities and report text were invented by 'atl synth-national' for benchmarking. They are not facts about these schools. Do not use this list for a child."

    public static func syntheticCatalogueNotice(_ l: AdvisoryList) -> String? {
        l.syntheticCatalogue ? syntheticCatalogueText : nil
    }

    public static func syntheticNotice(_ l: AdvisoryList) -> String? {
        l.synthetic ? "SYNTHETIC CHILD: this profile is invented for demonstration and testing." : nil
    }

    public static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    public static func miles(_ km: Double) -> String { Fixed.format(km / 1.609344, places: 1) }

    public static func journey(_ e: ListEntry) -> String {
        guard let km = e.distanceKm else { return "not known" }
        return "\(miles(km)) mi (\(Fixed.format(km, places: 1)) km), ~\(e.minutes ?? 0) min"
    }

    public static func vacancies(_ e: ListEntry) -> String {
        guard let v = e.vacancies else { return "not known" }
        return v == 0 ? "full" : String(v)
    }

    public static func inclusion(_ e: ListEntry) -> String { e.inclusionReason }

    /// "The list: 5 settings, 3 types" (or "types not known" when no listed setting has a known type).
    public static func listHeading(_ l: AdvisoryList) -> String {
        let types = l.typesIllustrated.isEmpty && !l.entries.isEmpty ? "types not known" : count(l.typesIllustrated.count, "type")
        return "The list: \(count(l.entries.count, "setting")), \(types)"
    }

    public static func severityNeed(_ code: NeedCode, _ s: Severity) -> String { "\(code.rawValue) (\(code.title), \(s.rawValue))" }

    public static func profileLines(_ l: AdvisoryList) -> [(String, String)] {
        var out: [(String, String)] = [
            ("Reference", l.reference),
            ("Placement for", l.placementYear == 0 ? "Reception" : l.placementYear < 0 ? "Nursery" : "Year \(l.placementYear)"),
            ("Primary need", severityNeed(l.primaryNeed, l.primarySeverity)),
        ]
        if !l.secondaryNeeds.isEmpty {
            out.append(("Secondary needs", l.secondaryNeeds.map { severityNeed($0.code, $0.severity) }.joined(separator: "; ")))
        }
        if !l.mustHave.isEmpty { out.append(("Must have", l.mustHave.map(\.title).joined(separator: "; "))) }
        if !l.desirable.isEmpty { out.append(("Would like", l.desirable.map(\.title).joined(separator: "; "))) }
        var home = l.homeDistrict.map { "postcode district \($0)" } ?? "given as grid coordinates"
        if let la = l.homeLA { home += " (\(la.name))" }
        out.append(("Home", home))
        out.append(("Longest journey", "\(miles(l.maxJourneyKm)) miles (\(Fixed.format(l.maxJourneyKm, places: 1)) km) by road"))
        out.append(("Statutory walking distance", walkingDistanceLine(l)))
        if !l.siblingsAt.isEmpty { out.append(("Brother or sister attends", l.siblingsAt.map { "URN \($0)" }.joined(separator: ", "))) }
        if !l.fit.isEmpty { out.append(("Fit preferences", l.fit.map(\.title).joined(separator: "; "))) }
        return out
    }

    /// The profile's walking-distance line: the distance for the child's age, or why none applies yet or any more.
    public static func walkingDistanceLine(_ l: AdvisoryList) -> String {
        if l.placementYear >= 12 { return "none after Year 11 (the home LA's post-16 transport policy applies)" }
        if l.placementYear <= 0 { return "none until compulsory school age (the term after the 5th birthday); then \(miles(l.walkingDistanceKm)) miles" }
        if l.placementYear == 3 { return "\(miles(l.walkingDistanceKm)) miles until the 8th birthday (during Year 3), then 3 miles" }
        return "\(miles(l.walkingDistanceKm)) miles for this age"
    }

    /// Said once for every list: transport depends on more than distance.
    public static let transportNote = AdvisoryList.transportNote

    public static func excludedSummary(_ l: AdvisoryList) -> [String] {
        var out = l.namedSettingsNotListed.map { n in
            "Named by the family but not listed: \(n.name.map { "\($0) (URN \(n.urn))" } ?? "URN \(n.urn)"), because: \(n.reason)."
        }
        out.append("\(l.settingsConsidered) settings considered, \(l.eligible) eligible.")
        for (rule, n) in l.excludedByRule {
            if rule == .journey {
                out.append("\(n) further than the maximum journey (when too few settings within it meet the need, the nearest beyond it are listed as long journeys).")
            } else {
                out.append("\(n) not eligible: \(rule.title).")
            }
        }
        if l.leftOutByShare > 0 {
            out.append("\(l.leftOutByShare) higher-scoring settings were left out so that the list illustrates choice (no one type takes more than its share, and each suitable type has a place).")
        }
        if !l.typesWithNoEligible.isEmpty {
            let types = l.typesWithNoEligible.map(\.shortTitle).joined(separator: ", ")
            if l.entries.contains(where: { $0.setting.type == .unknown }) {
                // Unknown-type settings were eligible, so any of these types may be among them.
                out.append("No eligible setting is known to be of these types: \(types). The type of some eligible settings is not known, so settings of these types may be among them.")
            } else {
                out.append("No eligible setting of these types: \(types).")
            }
        }
        return out
    }

    public static func stampLines(_ s: ProvenanceStamp) -> [(String, String)] {
        [("Engine", "atl \(s.engineVersion)"), ("Catalogue", s.catalogueHash)]
            + s.inputs.map { ($0.name.capitalisedFirstLetter, $0.hash) }
            + [("Weights", s.weightsHash ?? ""), ("Date", s.date)]
    }

    public static func settingFacts(_ s: Setting) -> String {
        var parts = [s.type.title]
        if let a = s.ageRange { parts.append("ages \(a.low)–\(a.high)") } else if let p = s.phase, p != .notApplicable { parts.append("\(p.title.lowercased()) phase") }
        if let g = s.gender, g != .mixed { parts.append(g.rawValue) }
        if let r = s.religiousCharacter, r != "None" { parts.append(r) }
        // A judgement is information for families, never a reason a setting suits (policy R7).
        parts.append(s.ofsted.map { "Ofsted: \($0.rawValue)" } ?? "no Ofsted judgement recorded")
        if let la = s.localAuthority { parts.append(la.name) }
        if let pc = s.postcode ?? s.nearestPostcode { parts.append(pc) }
        return parts.joined(separator: " · ")
    }
}
