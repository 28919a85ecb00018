import ATLModel
import ATLData

/// One header fact of a listed setting as a reader sees it: what it says, who published it and as of when, and
/// whether it is old enough that the officer should check it (`facts.check-after-months`).
public struct DatedFact: Sendable, Hashable {
    /// The catalogue field (`type`, `needs`, `pupils-with-ehcp`, …; `docs/catalogue-format.md`).
    public var field: String
    /// The fact in words, without its source: "Special school (Academy special sponsor led)".
    public var text: String
    /// The source's short name ("DfE SEN in England", "shropshirestar.com"); nil when the file records none
    /// (an `atl-setting/1` file, or a setting built in memory).
    public var source: String?
    /// The as-of date as written in the file (`2025-01`, `undated`); nil with no provenance.
    public var asOf: String?
    /// The as-of date in words ("Jan 2025", "undated").
    public var asOfText: String?
    /// Entered or confirmed by an LA officer (then never labelled for checking).
    public var confirmedByOfficer: Bool
    /// A public fact older than `facts.check-after-months` on the run date, or undated: the officer should check it.
    public var check: Bool
    /// The page the fact was taken from, or the page a link fact points to.
    public var url: String?

    /// The fact with its source and date: "Special school — DfE SEN in England, Jan 2025 (check)".
    public var line: String { text + DatedFacts.suffix(source: source, asOfText: asOfText, officer: confirmedByOfficer, check: check) }
}

/// Reads a setting's dated facts for outputs (`atl list` in every format, `atl why`). Pure: the same setting,
/// run date and threshold give the same facts.
public enum DatedFacts {
    /// The `source:` declaration a fact's key refers to, when the setting's sources are `atl-setting/2` lines.
    public static func declaration(_ s: Setting, key: String) -> SourceDeclaration? {
        for line in s.sources where line.hasPrefix(key + " |") {
            if let d = try? SourceDeclaration.parse(line), d.key == key { return d }
        }
        return nil
    }

    /// True when a fact with this provenance should be checked on `runDate`: a public (unconfirmed) fact older
    /// than `checkAfterMonths`, or undated. Officer and GIAS-extract facts never are; without a run date or a
    /// threshold nothing is labelled.
    public static func needsCheck(_ s: Setting, _ p: FactProvenance, runDate: String, checkAfterMonths: Int?) -> Bool {
        guard let months = checkAfterMonths, !runDate.isEmpty, !p.isVouchedByOfficer, !p.isOfficerEntry else { return false }
        if let d = declaration(s, key: p.source), d.sourceClass != .public { return false }
        guard let age = p.asOf.monthsOld(on: runDate) else { return true }
        return age >= months
    }

    static func suffix(source: String?, asOfText: String?, officer: Bool, check: Bool) -> String {
        guard let source else { return "" }
        var out = " — \(source)"
        if let a = asOfText { out += ", \(a)" }
        if officer { out += ", confirmed by an officer" }
        if check { out += " (check)" }
        return out
    }

    /// Source, date and check label of one field's fact (" — shropshirestar.com, Oct 2023 (check)"); empty when
    /// the setting records no provenance for it.
    public static func sourceSuffix(_ s: Setting, field: String, runDate: String, checkAfterMonths: Int?) -> String {
        guard let p = s.provenance[field] else { return "" }
        let f = describe(s, p, runDate: runDate, checkAfterMonths: checkAfterMonths)
        return suffix(source: f.source, asOfText: f.asOfText, officer: f.officer, check: f.check)
    }

    /// A designation read as "as published on <date>" (issue 13): " — as published on Oct 2023 by
    /// shropshirestar.com (check)"; empty without provenance.
    public static func asPublished(_ s: Setting, field: String, runDate: String, checkAfterMonths: Int? = nil) -> String {
        guard let p = s.provenance[field] else { return "" }
        let f = describe(s, p, runDate: runDate, checkAfterMonths: checkAfterMonths)
        if f.officer { return " — confirmed by an officer" }
        let when: String
        switch p.asOf {
        case .undated: when = "as published (undated)"
        case .day: when = "as published on \(p.asOf.text)"
        default: when = "as published in \(p.asOf.text)"
        }
        return " — \(when) by \(f.source ?? p.source)\(f.check ? " (check)" : "")"
    }

    static func describe(_ s: Setting, _ p: FactProvenance, runDate: String, checkAfterMonths: Int?)
        -> (source: String?, asOfText: String?, officer: Bool, check: Bool, url: String?) {
        if p.isOfficerEntry { return ("LA officer", p.confirmedOn, true, false, nil) }
        let d = declaration(s, key: p.source)
        return (d?.shortName ?? p.source, p.asOf.text, p.isVouchedByOfficer,
                needsCheck(s, p, runDate: runDate, checkAfterMonths: checkAfterMonths), d?.urls.first)
    }

    static func fact(_ s: Setting, _ field: SettingFile.Field, _ text: String, runDate: String, checkAfterMonths: Int?,
                     url: String? = nil) -> DatedFact {
        guard let p = s.provenance[field.rawValue] else {
            return DatedFact(field: field.rawValue, text: text, confirmedByOfficer: false, check: false, url: url)
        }
        let d = describe(s, p, runDate: runDate, checkAfterMonths: checkAfterMonths)
        return DatedFact(field: field.rawValue, text: text, source: d.source, asOf: p.asOf.description, asOfText: d.asOfText,
                         confirmedByOfficer: d.officer, check: d.check, url: url ?? d.url)
    }

    /// Every SEN fact a list entry relies on, in a fixed order: type, designation (complete or partial, with
    /// the wording as published), resourced provision, age range, places, largest class, recent experience
    /// (pupils with an EHC plan, on SEN support), s41 status, SEN information report link.
    public static func facts(for s: Setting, runDate: String, checkAfterMonths: Int?) -> [DatedFact] {
        var out: [DatedFact] = []
        func add(_ f: SettingFile.Field, _ text: String, url: String? = nil) {
            out.append(fact(s, f, text, runDate: runDate, checkAfterMonths: checkAfterMonths, url: url))
        }
        if s.type == .unknown {
            out.append(DatedFact(field: "type", text: "Type not known", confirmedByOfficer: false, check: false))
        } else {
            add(.type, s.typeGroup.title + (s.giasType.map { " (\($0))" } ?? ""))
        }
        if let n = s.needs {
            add(.needs, "Designated for \(n.codes.map(\.rawValue).joined(separator: ", "))")
        } else if let n = s.partialNeeds, !n.isEmpty {
            add(.needs, "Needs named: \(n.codes.map(\.rawValue).joined(separator: ", ")), and others (a partial list)")
        }
        if let w = s.needsAsPublished { add(.needsAsPublished, "Need as published: \u{201C}\(w)\u{201D}") }
        if let k = s.specialistProvision, SettingType.isKnownUnit(k), s.provenance[SettingFile.Field.specialistProvision.rawValue] != nil {
            add(.specialistProvision, "Has a \(k.title)")
        }
        if let a = s.ageRange, s.provenance[SettingFile.Field.ageRange.rawValue] != nil { add(.ageRange, "Ages \(a.low)–\(a.high)") }
        if let p = s.specialistPlaces { add(.specialistPlaces, "\(p) specialist places") }
        if let p = s.placesAsPublished { add(.placesAsPublished, "Places as published: \u{201C}\(p)\u{201D} (not scored)") }
        if let c = s.largestClass { add(.largestClass, "Largest class: \(c) pupils") }
        if let e = s.pupilsWithEHCP {
            add(.pupilsWithEHCP, "Recent experience: \(e.count) of \(e.total) pupils had an EHC plan or statement (not a designation, places or vacancies)")
        }
        if let e = s.pupilsOnSENSupport { add(.pupilsOnSENSupport, "Recent experience: \(e.count) of \(e.total) pupils were on SEN support") }
        if let a = s.s41Approved {
            let since = s.s41ApprovedSince.flatMap { AsOfDate(day: $0)?.text }.map { " since \($0)" } ?? ""
            add(.s41Approved, a ? "Approved under section 41\(since): the family may ask for it to be named in the EHCP as for a maintained school"
                                : "Not approved under section 41: the LA may name it but need not, and it need not admit")
        }
        if let link = s.senReportLink {
            add(.senReportLink, s.senReportKind.map(\.capitalisedFirstLetter) ?? "SEN information report", url: link)
        }
        return out
    }
}
