import ATLServices
import ATLRender

/// `atl allocate`: a capacity-aware allocation simulation over a batch of advisory lists.
enum AllocateCommand {
    enum Format: String, CaseIterable { case md, json, csv }

    static let spec = CommandSpec(
        name: "allocate",
        abstract: "Simulate allocating a cohort to the places on their lists (sufficiency planning, not a decision).",
        discussion: """
            Reads the JSON Lines written by 'atl batch' (schema atl-batch/1), looks up each listed setting's places
            in the catalogue, and runs child-proposing deferred acceptance (settings rank children by suitability
            score, then distance, then a seeded lottery) beside a greedy nearest-setting allocation. Reports who
            would be unplaced (references only), pressure per setting and per need, and the comparison. Records
            the batch could not list are counted and reported. Unknown vacancies are not capacity-limited: such
            placements are reported as resting on unknown capacity. See docs/allocation.md.
            Formats: md (default), json (schema atl-allocation/1), csv (one row per child).
            """,
        options: [
            .value("lists", "batch.jsonl", "Advisory lists of the cohort, from 'atl batch' (JSON Lines)", required: true),
            .value("seed", "n", "Lottery seed (a whole number); the same seed gives the same result", default: "1"),
            .value("format", "md|json|csv", "Output format", default: "md"),
            CommonOptions.output,
            CommonOptions.catalogue,
            .value("date", "YYYY-MM-DD", "Date written in the run stamp (default: today); fix it to reproduce an output"),
        ]
    ) { args, console in
        let format = try args.choice("format", Format.self)!
        let date = try EngineOptions.date(args)
        guard let seedText = args.value("seed"), let seed = UInt64(seedText) else {
            throw CLIError.usage("--seed expects a whole number from 0 to \(UInt64.max), got \"\(args.value("seed") ?? "")\"")
        }
        let lists = try args.required("lists"), root = args.value("catalogue")!
        let catalogue = try CatalogueService.load(root, notify: console.notify)
        let r = try AllocationService.run(lists: lists, catalogueRoot: root, catalogue: catalogue, seed: seed, date: date,
                                          notify: console.notify)
        let text: String
        switch format {
        case .md: text = AllocationMarkdown.render(r.report, stamp: r.stamp)
        case .json: text = AllocationJSON.render(r.report, stamp: r.stamp)
        case .csv: text = AllocationCSV.render(r.report)
        }
        try CommandSupport.emit(text, to: args.value("output"), console: console)
        let da = r.report.summaries[0], gr = r.report.summaries[1]
        console.errLine("\(r.problem.children.count) children listed (\(AllocationText.label(r.problem))), \(r.problem.unlisted.count) not listed; "
                        + "deferred acceptance places \(da.placed), leaves \(da.unplaced) unplaced; greedy nearest places \(gr.placed), leaves \(gr.unplaced)")
        return 0
    }
}
