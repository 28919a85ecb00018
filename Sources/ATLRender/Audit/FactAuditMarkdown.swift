import ATLModel
import ATLData
import ATLPlanning

/// The dated facts of a catalogue as Markdown: coverage by fact, source and age, per LA and setting type; the
/// settings whose type is still not known; what only the LA can supply. Used by `atl audit` (a section of its
/// report) and by `atl import-sen-facts --summary` (before and after).
public enum FactAuditMarkdown {
    /// Short names for the source keys the shipped importers write (others are shown as their key).
    static func sourceName(_ key: String) -> String {
        switch key {
        case "schools": "schools file 2026"
        case "ofsted-mi": "Ofsted MI"
        case "gias-extract": "GIAS extract"
        case "gias-2016": "GIAS 2016"
        case "census-2019": "census 2019"
        case "sen-2023": "SEN 2023"
        case "s41-2022": "s41 list 2022"
        case "not-s41-2022": "not-s41 list 2022"
        case "special-2025": "special schools 2025"
        case "officer": "officer"
        default: key.hasPrefix("local-offer") ? "Local Offer" : key.hasPrefix("report-link") ? "report link" : key
        }
    }

    static func factTitle(_ f: SettingFile.Field) -> String {
        switch f {
        case .type: "Type group known"
        case .giasType: "GIAS type of establishment"
        case .phase: "Phase"
        case .ageRange: "Age range"
        case .needs: "Need codes (designation; complete or partial)"
        case .needsAsPublished: "Need as published (Local Offer wording)"
        case .specialistProvision: "Resourced provision / SEN unit"
        case .specialistPlaces: "Specialist places"
        case .largestClass: "Largest class"
        case .pupilsWithEHCP: "Pupils with an EHC plan (recent experience)"
        case .pupilsOnSENSupport: "Pupils on SEN support (recent experience)"
        case .s41Approved: "s41 approval status"
        case .dfeNumber: "DfE number"
        case .senReportLink: "SEN information report link"
        case .ofsted: "Ofsted judgement"
        default: f.rawValue
        }
    }

    /// The audit section, headed `## Facts and their sources`.
    public static func section(_ a: FactAudit) -> String {
        var out = "## Facts and their sources\n\n"
        out += """
            Each fact in an `atl-setting/2` file carries its source and as-of date. *Officer* facts were entered or \
            confirmed by an LA officer; every other fact is dated, and a public fact older than \
            \(a.checkAfterMonths) months on \(a.runDate) (`facts.check-after-months` in the weights), or undated, is \
            counted under *to check*. Counts are settings.


            """
        let o = a.overall
        out += "### By local authority\n\n"
        let cols: [SettingFile.Field] = [.type, .needs, .needsAsPublished, .ageRange, .specialistPlaces, .pupilsWithEHCP, .s41Approved, .senReportLink]
        var rows = a.byLA.map { [$0.la] + cells($0.group, cols) }
        rows.append(["**all**"] + cells(o, cols).map { "**\($0)**" })
        out += MarkdownText.table(["LA", "Settings", "Type known", "Share", "Needs", "Need as published", "Age range", "Places",
                                   "EHC-plan counts", "s41 status", "Report link", "Facts to check"],
                                  rows, align: ["l"] + Array(repeating: "r", count: 11)) + "\n"

        out += "### By setting type\n\n"
        out += MarkdownText.table(["Type", "Settings", "Needs", "Need as published", "Places", "EHC-plan counts", "s41 status", "Report link"],
                                  a.byType.map { t in
                                      [t.type.shortTitle, String(t.group.settings)] + [.needs, .needsAsPublished, .specialistPlaces, .pupilsWithEHCP, .s41Approved, .senReportLink].map { String(t.group.count($0)) }
                                  }, align: ["l", "r", "r", "r", "r", "r", "r", "r"]) + "\n"

        out += "### By fact and source\n\nSettings holding each fact, by the source of the fact they hold.\n\n"
        out += MarkdownText.table(["Fact", "Settings", "Sources"], FactAudit.facts.map { f in
            [factTitle(f), String(o.count(f)), sourceList(o.sources[f] ?? [:])]
        }, align: ["l", "r", "l"]) + "\n"

        out += "### By fact and age\n\nHow old each fact is on \(a.runDate) (from the last day its as-of date can mean).\n\n"
        let ages = FactAudit.Age.allCases
        out += MarkdownText.table(["Fact"] + ages.map(\.rawValue), FactAudit.facts.map { f in
            [factTitle(f)] + ages.map { age in (o.ages[f]?[age]).map(String.init) ?? "" }
        }, align: ["l"] + ages.map { _ in "r" }) + "\n"

        out += "### Type not known, phase not applicable (\(a.untypedNotApplicable.count))\n\n"
        out += """
            GIAS gives phase "not applicable" to special schools, pupil referral units, most independent schools and \
            some academies, so every special school or PRU still untyped is among these. **Ask the LA (or import the \
            GIAS extract) for their type.** The share of pupils with an EHC plan is shown as a signal for the officer, \
            never applied as a type. Highest share first within each LA.


            """
        out += MarkdownText.table(["URN", "Setting", "LA", "Pupils with an EHC plan", "From"], a.untypedNotApplicable.map { u in
            [String(u.urn), u.name, u.la, u.pupilsWithEHCP?.description ?? "", u.ehcpSource ?? ""]
        }, align: ["r", "l", "l", "r", "l"]) + "\n"
        if !a.outsidePlacement.isEmpty {
            out += "### Not a setting the LA places children in (\(a.outsidePlacement.count))\n\n"
            out += "Their GIAS type of establishment (a university, a Welsh school, an FE unit …) is one the engine does not place children in; their type stays unknown and they are marked so lists can leave them out.\n\n"
            out += MarkdownText.table(["URN", "Setting", "LA"], a.outsidePlacement.map { [String($0.urn), $0.name, $0.la] }, align: ["r", "l", "l"]) + "\n"
        }
        out += "### What only the LA can supply\n\n"
        out += """
            No public file gives these: commissioned places and vacancies, the designation of every resourced \
            provision not on a Local Offer page, facilities, and the SEN information report text. Counts of settings \
            that lack them (specialist places: settings with a specialist offer or whose type is not known).


            """
        out += MarkdownText.table(["LA", "Settings", "No specialist places", "No vacancy figure", "No report text"], a.laOnly.map { l in
            [l.la, String(l.settings), String(l.specialistWithoutPlaces), String(l.withoutVacancies), String(l.withoutReport)]
        }, align: ["l", "r", "r", "r", "r"]) + "\n"
        return out
    }

    static func cells(_ g: FactAudit.Group, _ cols: [SettingFile.Field]) -> [String] {
        let share = g.settings == 0 ? "" : Fixed.format(Double(g.typeKnown) * 100 / Double(g.settings), places: 1) + "%"
        return [String(g.settings), String(g.typeKnown), share] + cols.dropFirst().map { String(g.count($0)) } + [String(g.toCheck)]
    }

    static func sourceList(_ m: [String: Int]) -> String {
        m.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\(sourceName($0.key)) \($0.value)" }.joined(separator: ", ")
    }

    /// Before and after an import, by LA: type known, where the type came from, and the other facts.
    public static func importSummary(before: FactAudit, after: FactAudit, toConfirm: Int, title: String) -> String {
        var out = "# \(title)\n\n"
        out += "Run date \(after.runDate). Figures are settings; a setting counts once per fact, under the source of the fact it holds after the import.\n\n"
        out += "## Type group known, before and after, by LA\n\n"
        let typeSources = Array(Set(after.overall.sources[.type]?.keys.map { $0 } ?? [])).sorted { FactMerge.sameAgeRank($0) < FactMerge.sameAgeRank($1) || (FactMerge.sameAgeRank($0) == FactMerge.sameAgeRank($1) && $0 < $1) }
        func row(_ la: String, _ b: FactAudit.Group?, _ g: FactAudit.Group) -> [String] {
            let share = g.settings == 0 ? "" : Fixed.format(Double(g.typeKnown) * 100 / Double(g.settings), places: 1) + "%"
            return [la, String(g.settings), String(b?.typeKnown ?? 0), String(g.typeKnown), share]
                + typeSources.map { String(g.sources[.type]?[$0] ?? 0) }
        }
        var rows = after.byLA.map { l in row(l.la, before.byLA.first { $0.la == l.la }?.group, l.group) }
        rows.append(row("all", before.overall, after.overall).map { "**\($0)**" })
        out += MarkdownText.table(["LA", "Settings", "Type known before", "Type known after", "Share"] + typeSources.map { "from \(sourceName($0))" },
                                  rows, align: ["l"] + Array(repeating: "r", count: 4 + typeSources.count)) + "\n"
        out += "## Other facts, before → after, by LA\n\n"
        let facts: [SettingFile.Field] = [.needs, .needsAsPublished, .specialistProvision, .ageRange, .specialistPlaces, .pupilsWithEHCP, .s41Approved, .dfeNumber, .senReportLink]
        func pair(_ b: FactAudit.Group?, _ a: FactAudit.Group, _ f: SettingFile.Field) -> String {
            let x = b?.count(f) ?? 0, y = a.count(f)
            return x == y ? String(y) : "\(x) → \(y)"
        }
        var rows2 = after.byLA.map { l in
            let b = before.byLA.first { $0.la == l.la }?.group
            return [l.la] + facts.map { pair(b, l.group, $0) }
        }
        rows2.append(["**all**"] + facts.map { "**\(pair(before.overall, after.overall, $0))**" })
        out += MarkdownText.table(["LA"] + facts.map(factTitle), rows2, align: ["l"] + facts.map { _ in "r" }) + "\n"
        out += "## Special schools, alternative provision and independent special schools typed, after\n\n"
        let kinds: [SettingType] = [.special, .alternativeProvision, .independentSpecial, .nonMaintainedSpecial, .mainstreamResourced]
        out += MarkdownText.table(["Type", "Settings"], kinds.map { t in
            [t.shortTitle, String(after.byType.first { $0.type == t }?.group.settings ?? 0)]
        }, align: ["l", "r"]) + "\n"
        out += "Still untyped with phase \"not applicable\" (may be special schools, PRUs or independent schools): **\(after.untypedNotApplicable.count)** — listed in `atl audit`. "
        out += "Rows in the to-confirm report: **\(toConfirm)**.\n"
        return out
    }
}
