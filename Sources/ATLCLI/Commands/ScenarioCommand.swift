import ATLCore
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
            The cohort is a folder of .profile files (or a cohort CSV where supported).
            """,
        options: [.value("cohort", "path", "The cohort: a folder of .profile files", required: true),
                  .value("scenario", "file", "A scenario file (.scenario)", required: true, repeatable: true),
                  .value("seed", "n", "Seed for demand growth (same seed, same report)", default: "1"),
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
        for path in args.values("scenario") {
            switch ScenarioParser.load(path: path) {
            case .success(let s): scenarios.append(s)
            case .failure(let e): diags += e.diagnostics
            }
        }
        if !diags.isEmpty { throw CLIError.input(diags) }
        let engine = try EngineOptions.engine(args, console: console)
        let (cohort, cohortHash) = try loadCohort(try args.required("cohort"), engine: engine, date: date)
        let postcodes = engine.postcodes, districts = engine.districts, matrix = engine.matrix
        let runner = ScenarioRunner(
            engineVersion: ATL.version, seed: seed, date: date,
            makeEngine: { MatchingEngine(catalogue: $0, weights: $1, postcodes: postcodes, districts: districts,
                                         matrix: matrix, engineVersion: ATL.version) },
            districtCentre: { postcodes?.locate($0)?.point })
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

    /// Reads every `.profile` file in the folder (sorted by name), resolves homes, and hashes the cohort
    /// (file names and bytes in order). Every problem in every file is reported.
    static func loadCohort(_ path: String, engine: MatchingEngine, date: String) throws -> ([CohortChild], String) {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw CLIError.input([Diagnostic(file: path, "cohort not found")])
        }
        guard isDir.boolValue else {
            throw CLIError.input([Diagnostic(file: path, "give a folder of .profile files as the cohort")])
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".profile") }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        if names.isEmpty { throw CLIError.input([Diagnostic(file: path, "no .profile files in the cohort folder")]) }
        var h = SHA256()
        var out: [CohortChild] = []
        var diags: [Diagnostic] = []
        var seen: [String: String] = [:]
        let year = EngineOptions.academicYear(date)
        for n in names {
            let file = (path.hasSuffix("/") ? String(path.dropLast()) : path) + "/" + n
            do {
                let (p, hash) = try EngineOptions.profile(file, academicYear: year)
                h.update(n)
                h.update(hash)
                if let other = seen[p.reference] {
                    diags.append(Diagnostic(file: file, line: p.lineOf["reference"], field: "reference",
                                            "reference \(p.reference) is also used by \(other)"))
                    continue
                }
                seen[p.reference] = file
                let home = try engine.resolveHome(p, file: file)
                out.append(CohortChild(profile: p, home: home, profileHash: hash))
            } catch let e as CLIError {
                if case .input(let d) = e { diags += d } else { throw e }
            } catch let d as Diagnostic {
                diags.append(d)
            }
        }
        if !diags.isEmpty { throw CLIError.input(diags) }
        return (out, h.hexDigest())
    }
}
