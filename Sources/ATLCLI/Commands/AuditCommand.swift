import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import ATLSynthetic
import ATLRender
import ATLRender
import Foundation

enum AuditCommand {
    enum Format: String, CaseIterable {
        case md, csv
        case csvSettings = "csv-settings"
        case json
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
            (one row per setting with coverage and a status column per item), json (schema atl-audit/1).
            --letters writes one Markdown letter per setting (<urn>-<slug>.md) with the questions to ask it
            (refused for a SYNTHETIC catalogue from synth-national: the facts in it are invented).
            See docs/audit.md.
            """,
        options: [
            CommonOptions.catalogue,
            .value("format", "md|csv|csv-settings|json", "Output format", default: "md"),
            CommonOptions.output,
            .value("letters", "dir", "Also write one letter per setting into this folder"),
            .value("urn", "n", "Write letters only for this URN", repeatable: true),
            .value("date", "YYYY-MM-DD", "Date of the audit stamp and letters (default: today)"),
        ]
    ) { args, console in
        let format = try args.choice("format", Format.self) ?? .md
        let date = try auditDate(args.value("date"))
        var urns = Set<Int>()
        for v in args.values("urn") {
            guard let u = Int(v), u > 0 else { throw CLIError.usage("--urn expects a URN (a whole number), got \"\(v)\"") }
            urns.insert(u)
        }
        if !urns.isEmpty && args.value("letters") == nil { throw CLIError.usage("--urn only selects letters; give --letters <dir> too") }

        let root = args.value("catalogue")!
        let catalogue = try CommandSupport.loadCatalogue(root, console: console)
        let analysis = GapAnalysis(catalogue: catalogue)
        let stamp = ProvenanceStamp(engineVersion: ATL.version, catalogue: catalogueName(root),
                               catalogueHash: catalogue.contentHash, date: date)

        let text: String
        switch format {
        case .md: text = AuditMarkdown.render(analysis, stamp: stamp)
        case .csv: text = AuditCSV.items(analysis)
        case .csvSettings: text = AuditCSV.settings(analysis, stamp: stamp)
        case .json: text = AuditJSON.render(analysis, stamp: stamp)
        }

        if let dir = args.value("letters") {
            if catalogue.isSynthetic {
                throw CLIError.input([Diagnostic(code: "cli.audit.synthetic", file: root, field: "synthetic",
                    "this catalogue is SYNTHETIC (real schools with invented SEN facts, from atl synth-national): no letters are written, as they would state invented facts to real schools")])
            }
            let chosen = urns.isEmpty ? analysis.settings : analysis.settings.filter { urns.contains($0.urn) }
            let unknown = urns.subtracting(chosen.map(\.urn)).sorted()
            if !unknown.isEmpty {
                throw CLIError.input(unknown.map { Diagnostic(code: "cli.audit.urn", file: root, field: "urn", "no setting with URN \($0) in this catalogue") })
            }
            for s in chosen {
                try CommandSupport.write(AuditLetter.render(s, stamp: stamp), to: dir + "/" + AuditLetter.fileName(for: s))
            }
            console.errLine("\(chosen.count) letter\(chosen.count == 1 ? "" : "s") written to \(dir)")
        }
        try CommandSupport.emit(text, to: args.value("output"), console: console)
        let o = analysis.overall
        console.errLine("\(o.settings) settings (\(analysis.label)): report sections \(o.report.percent ?? "n/a")%, header facts \(o.facts.percent ?? "n/a")%, combined \(o.combined.percent ?? "n/a")%")
        return 0
    }

    /// The catalogue's name for the stamp: its folder name ("west-midlands"), not the path it was given as.
    static func catalogueName(_ root: String) -> String {
        let trimmed = root.hasSuffix("/") ? String(root.dropLast()) : root
        return trimmed.split(separator: "/").last.map(String.init) ?? trimmed
    }

    /// `--date` checked as a real calendar date in 1900...2100, or today's date in England when not given.
    static func auditDate(_ given: String?) throws -> String {
        guard let given else { return CalendarDate.today() }
        guard CalendarDate.isValid(given, years: 1900...2100) else {
            throw CLIError.usage("--date expects a real date as YYYY-MM-DD in the years 1900 to 2100, got \"\(given.prefix(80))\"")
        }
        return given
    }
}
