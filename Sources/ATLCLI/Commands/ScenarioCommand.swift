import ATLServices
import ATLRender

/// `atl scenario`: sufficiency what-ifs — baseline and scenarios on the same cohort and seed.
enum ScenarioCommand {
    enum Format: String, CaseIterable { case html, md, json }

    static let spec = CommandSpec(
        name: "scenario",
        abstract: "Compare sufficiency what-if scenarios (open, close, places, demand growth) against the baseline.",
        discussion: """
            Runs the cohort against the catalogue as it is (the baseline) and against each scenario file
            (docs/scenario-format.md) with the same seed, allocates places, and reports the differences: children
            with no suitable place, unplaced, journeys, beyond walking distance, out of area, independent
            placements, demand and places by need and district, and which children's outcomes changed (by
            reference only). Formats: html (default; self-contained with inline SVG), md, json.
            The cohort is a cohort CSV or a folder of .profile files (docs/cohort-format.md).
            """,
        options: [.value("cohort", "path", "The cohort: a cohort CSV or a folder of .profile files (docs/cohort-format.md)", required: true),
                  .value("scenario", "file", "A scenario file (.scenario)", required: true, repeatable: true),
                  .value("seed", "n", "Seed for demand growth and the allocation lottery (same seed, same report)", default: "1"),
                  .value("format", "html|md|json", "Output format", default: "html"),
                  CommonOptions.output] + EngineOptions.options
    ) { args, console in
        let format = try args.choice("format", Format.self)!
        let date = try EngineOptions.date(args)
        guard let seedText = args.value("seed"), let seed = UInt64(seedText) else {
            throw CLIError.usage("--seed expects a whole number from 0, got \"\(args.value("seed") ?? "")\"")
        }
        let scenarios = try ScenarioService.loadScenarios(args.values("scenario")) {
            (try? EngineOptions.engine(args, console: console))?.catalogue
        }
        let request = ScenarioService.Request(cohort: try args.required("cohort"), scenarios: args.values("scenario"), seed: seed, date: date)
        let result = try ScenarioService.run(request, scenarios: scenarios, engine: try EngineOptions.engine(args, console: console))
        let text: String
        switch format {
        case .html: text = ScenarioHTML.render(result, geography: try GeographyLoader.load(notify: console.notify))
        case .md: text = ScenarioMarkdown.render(result)
        case .json: text = ScenarioJSON.render(result)
        }
        try CommandSupport.emit(text, to: args.value("output"), console: console)
        return 0
    }
}
