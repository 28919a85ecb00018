import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import ATLRender
import ATLServices
import Foundation

/// `atl import-sen-facts`: a thin shell over ``SENFactsRun``.
enum ImportSENFactsCommand {
    static let defaultSources = "provision-catalogue/sources/sen-facts"

    static let spec = CommandSpec(
        name: "import-sen-facts",
        abstract: "Import the dated public SEN facts (sen-facts) into a real catalogue, and write the to-confirm report.",
        discussion: """
            Reads the ten files of the sources folder (GIAS types 2016, school census 2019, SEN in England 2023 and
            2024/25, the s41 and not-s41 lists 2022, Local Offer provision, SEN information report links) and applies a
            fact only where the match to a setting is certain (URN in the source, DfE-number join, or an exact name
            match the file marks), never over a fact of higher precedence (officer > GIAS extract > newer public >
            older public), and never touching report sections. Every setting file is written as atl-setting/2.
            Everything not applied goes to the to-confirm report (--to-confirm, --to-confirm-csv) for atl confirm.
            A second run with the same files changes no byte. See docs/sen-facts.md and docs/catalogue-format.md.
            """,
        options: [
            .value("catalogue", "dir", "Real catalogue folder to update", required: true),
            .value("sources", "dir", "The sen-facts folder", default: defaultSources),
            .value("to-confirm", "file.md", "Write the to-confirm report (Markdown) here"),
            .value("to-confirm-csv", "file.csv", "Write the to-confirm report (CSV) here"),
            .value("summary", "file.md", "Write coverage before and after, by LA and source, here"),
            .value("weights", "file", "Weights file (for facts.check-after-months)", default: EngineSetup.defaultWeights),
            .value("date", "YYYY-MM-DD", "Run date for the reports (default: today)"),
            .flag("dry-run", "Read and report, write no setting file"),
        ]
    ) { args, console in
        let date = try EngineOptions.date(args).text
        let weights = try EngineLoader.loadWeights(args.given("weights"), notify: console.notify)
        let root = args.value("catalogue")!
        let sources = args.value("sources")!
        let outcome = try SENFactsRun.run(catalogue: root, sources: sources, runDate: date,
                                          checkAfterMonths: weights.factsCheckAfterMonthsInt, write: !args.flag("dry-run"))
        let r = outcome.result
        for w in r.warnings { console.errLine(w.description) }
        let name = CatalogueService.name(root)
        if let md = args.value("to-confirm") {
            try CommandSupport.write(ToConfirmReport.markdown(r.toConfirm, catalogue: name, sources: sources, date: date), to: md)
        }
        if let csv = args.value("to-confirm-csv") { try CommandSupport.write(ToConfirmReport.csv(r.toConfirm), to: csv) }
        if let summary = args.value("summary") {
            try CommandSupport.write(FactAuditMarkdown.importSummary(before: outcome.before, after: outcome.after, toConfirm: r.toConfirm.count,
                                                                     title: "SEN facts imported into \(name): coverage before and after"), to: summary)
        }
        let rows = r.rowsRead.values.reduce(0, +)
        console.line("\(rows) source rows read, \(r.rowsApplied) applied (certain matches); \(r.updated.count) setting files \(args.flag("dry-run") ? "would change" : "updated"), \(r.unchanged) unchanged")
        console.line("type known: \(outcome.before.overall.typeKnown) → \(outcome.after.overall.typeKnown) of \(outcome.after.overall.settings); to confirm: \(r.toConfirm.count) rows")
        return 0
    }
}
