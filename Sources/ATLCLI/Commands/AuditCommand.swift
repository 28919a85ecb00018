import ATLServices
import ATLRender

/// `atl audit`: the gap analysis of the SEN information a catalogue holds, with letters to settings.
enum AuditCommand {
    enum Format: String, CaseIterable {
        case md, csv
        case csvSettings = "csv-settings"
        case json
        case csvFacts = "csv-facts"
        case html
    }

    static let spec = CommandSpec(
        name: "audit",
        abstract: "Gap analysis of the SEN information a catalogue holds, with letters to send to settings.",
        discussion: """
            For every setting, each SEN information report section (SEND Regulations 2014 Schedule 1, Children and
            Families Act 2014 s.69(3)(b), parent-carer criteria) and each header fact the matching engine uses is
            present, empty, missing or not applicable; coverage = present / applicable, per setting, LA, setting
            type and item. 'Missing' means the catalogue does not hold it, not that the setting has not published it.
            Formats: md (summary tables and one row per setting), csv (one row per setting and item), csv-settings
            (one row per setting with coverage and a status column per item), json (schema atl-audit/1),
            csv-facts (one row per setting and dated fact: value, source, as-of, class, age, check), html (a
            self-contained page to share with settings and governors: coverage by LA and type, each setting
            against Schedule 1 with heat colouring, the letters). --la limits the audit to one LA's settings.
            The Markdown report also has the dated facts by source and age, per LA and type, the settings whose
            type is still not known, and what only the LA can supply.
            --letters writes one Markdown letter per setting (<urn>-<slug>.md) with the questions to ask it
            (refused for a SYNTHETIC catalogue from synth-national: the facts in it are invented).
            See docs/audit.md.
            """,
        options: [
            CommonOptions.catalogue,
            .value("format", "md|csv|csv-settings|json|csv-facts|html", "Output format", default: "md"),
            .value("la", "code", "Audit only the settings of this local authority (DfE LA code, e.g. 894)"),
            .value("weights", "file", "Weights file (for facts.check-after-months)", default: EngineSetup.defaultWeights),
            CommonOptions.output,
            .value("letters", "dir", "Also write one letter per setting into this folder"),
            .value("urn", "n", "Write letters only for this URN", repeatable: true),
            .value("date", "YYYY-MM-DD", "Date of the audit stamp and letters (default: today)"),
        ]
    ) { args, console in
        let format = try args.choice("format", Format.self) ?? .md
        let date = try EngineOptions.date(args)
        var urns = Set<Int>()
        for v in args.values("urn") {
            guard let u = Int(v), u > 0 else { throw CLIError.usage("--urn expects a URN (a whole number), got \"\(v)\"") }
            urns.insert(u)
        }
        if !urns.isEmpty && args.value("letters") == nil { throw CLIError.usage("--urn only selects letters; give --letters <dir> too") }

        let root = args.value("catalogue")!
        var la: Int?
        if let v = args.value("la") {
            guard let code = Int(v), code > 0 else { throw CLIError.usage("--la expects a DfE LA code (a whole number), got \"\(v)\"") }
            la = code
        }
        let r = try AuditService.run(catalogue: root, date: date, weights: args.given("weights"), localAuthority: la,
                                     notify: console.notify)
        let text: String
        switch format {
        case .md: text = AuditMarkdown.render(r.analysis, facts: r.facts, stamp: r.stamp)
        case .csvFacts: text = FactAuditCSV.render(r.settings, audit: r.facts)
        case .csv: text = AuditCSV.items(r.analysis)
        case .csvSettings: text = AuditCSV.settings(r.analysis, stamp: r.stamp)
        case .json: text = AuditJSON.render(r.analysis, stamp: r.stamp)
        case .html: text = AuditHTML.render(r.analysis, stamp: r.stamp, title: AuditService.singleLAName(r.analysis))
        }
        if let dir = args.value("letters") {
            let chosen = try AuditService.letterRecipients(r, urns: urns, catalogueRoot: root)
            for s in chosen { try CommandSupport.write(AuditLetter.render(s, stamp: r.stamp), to: dir + "/" + AuditLetter.fileName(for: s)) }
            console.errLine("\(chosen.count) letter\(chosen.count == 1 ? "" : "s") written to \(dir)")
        }
        try CommandSupport.emit(text, to: args.value("output"), console: console)
        let o = r.analysis.overall
        console.errLine("\(o.settings) settings (\(r.analysis.label)): report sections \(o.report.percent ?? "n/a")%, header facts \(o.facts.percent ?? "n/a")%, combined \(o.combined.percent ?? "n/a")%")
        return 0
    }
}
