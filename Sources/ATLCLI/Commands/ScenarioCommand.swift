import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import ATLSynthetic
import ATLRender
import ATLRender
import Foundation

enum ScenarioFormat: String, CaseIterable { case html, md, json }

/// `atl scenario`: sufficiency what-ifs — baseline and scenarios on the same cohort and seed.
enum ScenarioCommand {
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
        let format = try args.choice("format", ScenarioFormat.self)!
        let date = try EngineOptions.date(args)
        guard let seedText = args.value("seed"), let seed = UInt64(seedText) else {
            throw CLIError.usage("--seed expects a whole number from 0, got \"\(args.value("seed") ?? "")\"")
        }
        var scenarios: [Scenario] = []
        var diags: [Diagnostic] = []
        var failed: [String] = []
        for path in args.values("scenario") {
            do throws(ATLError) { scenarios.append(try ScenarioParser.load(path: path)) } catch {
                diags += error.diagnostics
                failed.append(path)
            }
        }
        diags += ScenarioParser.duplicateNames(scenarios)
        if !diags.isEmpty {
            // Check the URNs of files with other errors against the catalogue too: every problem at once.
            if !failed.isEmpty, let engine = try? EngineOptions.engine(args, console: console) {
                for path in failed {
                    guard let data = FileManager.default.contents(atPath: path) else { continue }
                    diags += ScenarioParser.unknownSettings([UInt8](data), file: path, catalogue: engine.catalogue)
                }
                diags = diags.enumerated().sorted { a, b in
                    a.element.file != b.element.file ? a.offset < b.offset
                        : ((a.element.line ?? 0), a.offset) < ((b.element.line ?? 0), b.offset)
                }.map(\.element)
            }
            throw CLIError.input(diags)
        }
        let engine = try EngineOptions.engine(args, console: console)
        let (cohort, cohortHash) = try loadCohort(try args.required("cohort"), engine: engine, date: date)
        let postcodes = engine.postcodes, districts = engine.districts, matrix = engine.matrix
        var runner = ScenarioRunner(
            engineVersion: ATL.version, seed: seed, date: date,
            makeEngine: { MatchingEngine(catalogue: $0, weights: $1, postcodes: postcodes, districts: districts,
                                         matrix: matrix, engineVersion: ATL.version) },
            districtCentre: { postcodes?.locate($0)?.point })
        runner.loadedEngine = engine
        let result = try runner.run(catalogue: engine.catalogue, weights: engine.weights, cohort: cohort,
                                    cohortHash: cohortHash, scenarios: scenarios)
        let text: String
        switch format {
        case .html: text = ScenarioHTML.render(result)
        case .md: text = ScenarioMarkdown.render(result)
        case .json: text = ScenarioJSON.render(result)
        }
        try CommandSupport.emit(text, to: args.value("output"), console: console)
        return 0
    }

    /// Reads the cohort (a cohort CSV or a folder of `.profile` files, docs/cohort-format.md) with the shared
    /// cohort reader, resolves every home, and hashes the cohort's bytes. Every problem in every row is
    /// reported; a reference given twice is an error.
    static func loadCohort(_ path: String, engine: MatchingEngine, date: String) throws -> ([CohortChild], String) {
        let (_, hash) = try CohortReader.survey(path: path)
        var reader = try CohortReader(path: path, academicYear: EngineOptions.academicYear(date))
        var out: [CohortChild] = []
        var diags: [Diagnostic] = []
        var seen: [String: String] = [:]
        while let row = reader.next() {
            switch row.profile {
            case .failure(let e): diags += e.diagnostics
            case .success(let (p, profileHash)):
                if let other = seen[p.reference] {
                    diags.append(Diagnostic(code: "cli.scenario.reference", file: row.file, line: row.line, field: "reference",
                                            "reference \(p.reference) is also used at \(other)"))
                    continue
                }
                seen[p.reference] = row.source
                do {
                    out.append(CohortChild(profile: p, home: try engine.resolveHome(p, file: row.file), profileHash: profileHash))
                } catch {
                    for var d in error.diagnostics {
                        if d.line == nil || row.line > 1 { d.line = row.line }
                        diags.append(d)
                    }
                }
            }
        }
        if out.isEmpty && diags.isEmpty { diags.append(Diagnostic(code: "cli.scenario.cohort-children", file: path, "the cohort has no children")) }
        if !diags.isEmpty { throw CLIError.input(diags) }
        if Set(out.map(\.profile.synthetic)).count > 1 {
            throw CLIError.input([Diagnostic(code: "cli.scenario.synthetic", file: path, field: "synthetic",
                "the cohort mixes synthetic and real children; keep invented children in their own cohort")])
        }
        return (out, hash)
    }
}
