import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import ATLServices
import ATLRender

/// `atl batch`: advisory lists for a whole cohort, written as JSON Lines in input order, resumable.
enum BatchCommand {
    enum ListFileFormat: String, CaseIterable { case md, html }

    static let spec = CommandSpec(
        name: "batch",
        abstract: "Build advisory lists for a whole cohort (CSV or folder of profiles) as JSON Lines, with a summary.",
        discussion: """
            Reads the cohort one child at a time (a CSV with one child per row and needs-profile field names as
            columns, or a folder of .profile files taken in file-name order; docs/cohort-format.md), matches
            children in parallel blocks and writes one atl-batch/1 record per input row to --output, in INPUT
            ORDER, a block at a time: the output is byte-identical for any --threads. A row with problems gives an
            error record naming its lines and fields; a child with no suitable setting is still listed. The run
            keeps a state file (<output>.state) after each block, so --resume continues an interrupted run
            without redoing or duplicating children. Exit code 2 when any row had errors (after writing all
            records). See docs/batch.md.
            """,
        options: [
            .value("cohort", "csv|dir", "The cohort: a CSV file or a folder of .profile files", required: true),
            .value("output", "file.jsonl", "Where to write the records (JSON Lines, schema atl-batch/1)", required: true),
            .value("lists-dir", "dir", "Also write each child's list into this folder (<row>-<reference>.md|html)"),
            .value("list-format", "md|html", "Format of the files in --lists-dir", default: "md"),
            .flag("resume", "Continue an interrupted run of the same cohort and configuration"),
            .value("summary", "file.md", "Write the cohort summary (Markdown) here"),
            .value("summary-json", "file.json", "Write the cohort summary as JSON (schema atl-cohort-summary/1) here"),
            .value("few", "k", "A child with fewer than k suitable settings counts as having few options", default: "3"),
            .value("threads", "n", "Worker threads (default: ATL_THREADS or the processor count)"),
            .value("block-size", "n", "Children matched and written per block", default: "256"),
        ] + EngineOptions.options
    ) { args, console in
        try run(args, console: console, hooks: BatchService.Hooks())
    }

    static func run(_ args: ParsedArguments, console: Console, hooks: BatchService.Hooks) throws -> Int32 {
        let format = try args.choice("list-format", ListFileFormat.self)!
        let request = BatchService.Request(
            cohort: try args.required("cohort"), output: try args.required("output"), listsDir: args.value("lists-dir"),
            listExtension: format.rawValue, resume: args.flag("resume"), fewOptions: try args.int("few", min: 1, max: 1000)!,
            threads: try args.int("threads", min: 1, max: 1024) ?? Parallel.defaultThreads,
            blockSize: try args.int("block-size", min: 1, max: 100_000)!, date: try EngineOptions.date(args),
            postcodesFile: args.value("postcodes"))
        // Check before the run that every output can be written (not after the whole cohort has been matched).
        for name in ["summary", "summary-json"] { if let p = args.value(name) { try OutputFile.checkWritable(p, label: "--\(name)") } }
        if let dir = request.listsDir { try OutputFile.checkWritableFolder(dir, label: "--lists-dir") }
        let engine = try EngineOptions.engine(args, console: console)
        let bar = BatchProgress(console: console)
        let result = try BatchService.run(request, engine: engine, renderList: format == .md ? ListMarkdown.render : ListHTML.render,
                                          notify: console.notify, progress: bar.update, hooks: hooks)
        bar.finish()
        guard result.completed else { return 3 }

        let context = CohortSummaryRender.Context(cohort: request.cohort, cohortHash: result.cohortHash,
                                                  fictionalCatalogue: engine.catalogue.isFictional, stamp: result.stamp,
                                                  syntheticCatalogue: engine.catalogue.isSynthetic)
        if let path = args.value("summary") {
            try OutputFile.write(CohortSummaryRender.markdown(result.summary, demand: result.demand, context: context), to: path)
        }
        if let path = args.value("summary-json") {
            try OutputFile.write(CohortSummaryRender.json(result.summary, demand: result.demand, context: context).serialized(pretty: true) + "\n", to: path)
        }
        for l in result.firstErrors.prefix(20) { console.errLine(l) }
        if result.summary.errors > 0 && result.firstErrors.count >= 20 { console.errLine("… see the error records in \(request.output) for the rest") }
        console.errLine(summaryLine(result.summary, k: request.fewOptions))
        return result.summary.errors > 0 ? 2 : 0
    }

    /// The closing line: "atl batch: 3 input rows = 2 listed + 1 error. 2 listed children have fewer than 3
    /// suitable settings; 1 has none."
    static func summaryLine(_ summary: CohortSummary, k: Int) -> String {
        func n(_ count: Int, _ one: String, _ many: String) -> String { "\(count) \(count == 1 ? one : many)" }
        let few = summary.all.fewerThanK, none = summary.all.noneSuitable
        return "atl batch: \(n(summary.rows, "input row", "input rows")) = \(summary.listed) listed + \(n(summary.errors, "error", "errors")). "
            + "\(n(few, "listed child has", "listed children have")) fewer than \(n(k, "suitable setting", "suitable settings")); "
            + "\(none) \(none == 1 ? "has" : "have") none."
    }
}
