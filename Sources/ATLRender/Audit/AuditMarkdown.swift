import ATLModel
import ATLEngine
import ATLPlanning

/// The gap analysis as a Markdown report an LA can read or send on: summary tables (overall, by LA, by setting
/// type, by report section, by header fact), then one row per setting grouped by LA, then the question to ask
/// for each item. Deterministic: the same analysis and stamp give byte-identical text.
public enum AuditMarkdown {
    /// `facts`, when given, adds the section on the dated facts (by source and age, per LA and type; the
    /// settings still untyped; what only the LA can supply) before the per-setting tables.
    public static func render(_ a: GapAnalysis, facts: FactAudit? = nil, stamp: ProvenanceStamp) -> String {
        var out = "# SEN information gap analysis — \(a.label)\n\n"
        out += banner(a) + "\n\n"
        out += stampTable(a, stamp)
        out += whatThisMeasures
        out += headline(a.overall, byLA: a.byLA)
        out += overall(a.overall)
        out += byGroup(a)
        out += bySection(a)
        out += byFact(a)
        if let facts { out += FactAuditMarkdown.section(facts) }
        out += settingTables(a)
        out += whatToAsk
        out += "---\n\n\(a.label) · \(AuditFormat.stampLine(stamp))\n"
        return out
    }

    /// The run's provenance, first, so a report sent on can be traced to the catalogue it describes.
    static func stampTable(_ a: GapAnalysis, _ stamp: ProvenanceStamp) -> String {
        MarkdownText.table(["Audit stamp", "Value"], [
            ["Engine", "atl \(stamp.engineVersion)"],
            ["Catalogue", stamp.catalogue ?? ""],
            ["Catalogue content hash", "`\(stamp.catalogueHash)`"],
            ["Date", stamp.date],
            ["Data", a.label],
        ]) + "\n"
    }

    /// What is counted and how, with the warning that "missing" describes the catalogue, not the setting.
    static var whatThisMeasures: String {
        """
        ## What this measures

        For every setting, each of the \(ReportSection.allCases.count) sections of the SEN information report \
        (SEND Regulations 2014, Schedule 1, items 1–13 with item 3 in its seven parts; the four accessibility items \
        of the Children and Families Act 2014 s.69(3)(b); seven criteria parent carers asked for) and each of the \
        \(HeaderFact.allCases.count) header facts the matching engine uses is **present** (text or a value held), \
        **empty** (a heading with no text), **missing** (not held) or **not applicable** (does not apply to a \
        setting of its type). Coverage is present ÷ applicable, where applicable = present + empty + missing; group \
        figures pool the items of all the group's settings. **Missing means this catalogue does not hold it, not \
        that the setting has not published it.** See docs/audit.md.


        """
    }

    /// The few figures a reader takes away: settings and LAs, coverage of sections, facts and both, and how many
    /// settings are complete or hold no report text at all.
    static func headline(_ o: AuditTotals, byLA: [GapAnalysis.LAGroup]) -> String {
        var out = "## Headline\n\n"
        let laCount = byLA.filter { $0.localAuthority != nil }.count
        out += "- **\(AuditFormat.count(o.settings)) setting\(o.settings == 1 ? "" : "s")** in \(laCount) local authorit\(laCount == 1 ? "y" : "ies")"
        if let none = byLA.first(where: { $0.localAuthority == nil }) {
            out += " (and \(AuditFormat.count(none.totals.settings)) with no LA recorded)"
        }
        out += ".\n"
        out += "- Report sections: **\(AuditFormat.count(o.report.present)) of \(AuditFormat.count(o.report.applicable))** applicable sections held (\(AuditFormat.percent(o.report))); \(AuditFormat.count(o.report.empty)) empty, \(AuditFormat.count(o.report.missing)) missing.\n"
        out += "- Header facts: **\(AuditFormat.count(o.facts.present)) of \(AuditFormat.count(o.facts.applicable))** applicable facts held (\(AuditFormat.percent(o.facts))); \(AuditFormat.count(o.facts.missing)) missing.\n"
        out += "- Combined: **\(AuditFormat.percent(o.combined))** (\(AuditFormat.count(o.combined.present)) of \(AuditFormat.count(o.combined.applicable)) items).\n"
        func holds(_ n: Int, _ what: String, first: Bool = false) -> String {
            AuditFormat.count(n) + (first ? (n == 1 ? " setting" : " settings") : "") + (n == 1 ? " holds " : " hold ") + what
        }
        func them(_ n: Int) -> String { n == 1 ? "it" : "them" }
        out += "- " + holds(o.completeReports, "every report section that applies to \(them(o.completeReports))", first: true)
            + "; " + holds(o.noReport, "no report text at all") + "; "
            + holds(o.completeFacts, "every header fact that applies to \(them(o.completeFacts))") + ".\n\n"
        return out
    }

    /// Present, empty, missing and not applicable for report sections, header facts and both together.
    static func overall(_ o: AuditTotals) -> String {
        "## Overall\n\n" + MarkdownText.table(
            ["Part", "Present", "Empty", "Missing", "Not applicable", "Applicable", "Coverage"],
            [coverageRow("Report sections", o.report), coverageRow("Header facts", o.facts),
             coverageRow("Combined", o.combined)],
            align: ["l", "r", "r", "r", "r", "r", "r"]) + "\n"
    }

    /// The same group columns by local authority and by setting type, so gaps that belong to one LA's records
    /// or to one kind of setting stand out.
    static func byGroup(_ a: GapAnalysis) -> String {
        let groupHeader = ["Settings", "Report sections", "Header facts", "Combined", "Complete reports", "No report text", "Complete facts"]
        let groupAlign: [Character] = ["l", "r", "r", "r", "r", "r", "r", "r"]
        var out = "## By local authority\n\n"
        out += MarkdownText.table(["Local authority"] + groupHeader,
                                  a.byLA.map { [AuditFormat.laLabel($0.localAuthority)] + groupCells($0.totals) },
                                  align: groupAlign) + "\n"
        out += "## By setting type\n\n"
        out += MarkdownText.table(["Setting type"] + groupHeader,
                                  a.byType.map { [$0.type.shortTitle] + groupCells($0.totals) },
                                  align: groupAlign) + "\n"
        return out
    }

    /// One row per report section, with its legal source and whom it applies to.
    static func bySection(_ a: GapAnalysis) -> String {
        "## By report section\n\nHow many settings' reports hold each section.\n\n" + MarkdownText.table(
            ["Item", "Section", "Source", "Applies to", "Present", "Empty", "Missing", "N/A", "Held by"],
            a.bySection.map { ic in
                [ic.item.item, ic.item.title, AuditFormat.shortSource(ic.item), AuditFormat.appliesShort(ic.item),
                 AuditFormat.count(ic.counts.present), AuditFormat.count(ic.counts.empty),
                 AuditFormat.count(ic.counts.missing), AuditFormat.count(ic.counts.notApplicable),
                 AuditFormat.percent(ic.counts)]
            },
            align: ["l", "l", "l", "l", "r", "r", "r", "r", "r"]) + "\n"
    }

    /// One row per header fact, naming the catalogue fields that hold it.
    static func byFact(_ a: GapAnalysis) -> String {
        "## By header fact\n\nHow many settings' catalogue headers hold each fact the matching engine uses.\n\n" + MarkdownText.table(
            ["Ref", "Fact", "Catalogue fields", "Applies to", "Present", "Missing", "N/A", "Held by"],
            a.byFact.map { ic in
                guard case .fact(let f) = ic.item else { return [] }
                return [f.item, f.title, f.fields.map { "`\($0)`" }.joined(separator: ", "), AuditFormat.appliesShort(ic.item),
                        AuditFormat.count(ic.counts.present), AuditFormat.count(ic.counts.missing),
                        AuditFormat.count(ic.counts.notApplicable), AuditFormat.percent(ic.counts)]
            },
            align: ["l", "l", "l", "l", "r", "r", "r", "r"]) + "\n"
    }

    /// One table per LA, one row per setting, with a character per item (``AuditFormat/matrix(_:)``) so the
    /// gaps of a setting can be read along its row.
    static func settingTables(_ a: GapAnalysis) -> String {
        var out = "## Settings\n\n"
        out += """
            One row per setting, in URN order within each local authority. *Gaps* counts the applicable items not \
            held (missing or empty). *Sections* has one character per report section, in the order \
            \(ReportSection.allCases.map(\.item).joined(separator: " ")); *Facts* one per header fact, \
            H1–H\(HeaderFact.allCases.count). `P` present, `E` empty, `.` missing, `-` not applicable.


            """
        for g in a.byLA {
            let rows = a.settings.filter { $0.localAuthority == g.localAuthority }
            out += "### \(AuditFormat.laLabel(g.localAuthority)) (\(AuditFormat.count(rows.count)) settings)\n\n"
            out += MarkdownText.table(
                ["URN", "Setting", "Type", "Report", "Facts", "Combined", "Gaps", "Sections", "Facts held"],
                rows.map { s in
                    let m = AuditFormat.matrix(s)
                    return [String(s.urn), s.name, s.type.shortTitle, AuditFormat.percent(s.reportCoverage),
                            AuditFormat.percent(s.factCoverage), AuditFormat.percent(s.combinedCoverage),
                            String(s.combinedCoverage.gaps), "`\(m.sections)`", "`\(m.facts)`"]
                },
                align: ["r", "l", "l", "r", "r", "r", "r", "l", "l"]) + "\n"
        }
        return out
    }

    /// The question an LA sends for each item a setting does not hold (the letters ask them per setting).
    static var whatToAsk: String {
        var out = "## What to ask\n\nThe question the LA sends a setting for each applicable item it does not hold "
        out += "(`atl audit --letters <dir>` writes one letter per setting with its own questions).\n\n"
        out += MarkdownText.table(["Item", "Section or fact", "Question"],
                                  AuditItem.all.map { [$0.item, $0.title, $0.question] }) + "\n"
        return out
    }

    /// The opening note: fictional or real, and what "missing" means for this catalogue.
    static func banner(_ a: GapAnalysis) -> String {
        if a.fictional {
            return "> **\(GapAnalysis.fictionalLabel).** Every setting in this catalogue is invented for demonstration; no figure here describes a real school."
        }
        if a.synthetic {
            return "> **\(GapAnalysis.syntheticLabel).** These are real schools, but their type, SEN provision, places, facilities and report text were invented by 'atl synth-national' for benchmarking. No figure here describes what a school publishes; do not send anything from it to a school."
        }
        return "> **Real settings.** The figures describe what this catalogue holds about each setting, from the sources named on each setting's `source:` lines. A section or fact counted as missing may well be published by the setting; it is not yet in the catalogue."
    }

    static func coverageRow(_ label: String, _ c: Coverage) -> [String] {
        [label, AuditFormat.count(c.present), AuditFormat.count(c.empty), AuditFormat.count(c.missing),
         AuditFormat.count(c.notApplicable), AuditFormat.count(c.applicable), AuditFormat.percent(c)]
    }

    static func groupCells(_ t: AuditTotals) -> [String] {
        [AuditFormat.count(t.settings), AuditFormat.percent(t.report), AuditFormat.percent(t.facts),
         AuditFormat.percent(t.combined), AuditFormat.count(t.completeReports), AuditFormat.count(t.noReport),
         AuditFormat.count(t.completeFacts)]
    }
}
