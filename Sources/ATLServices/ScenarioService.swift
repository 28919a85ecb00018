import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import Foundation

/// Sufficiency what-ifs: the baseline and each scenario on the same cohort and seed, through the same matching
/// engine and allocation as `atl allocate` (docs/scenario-format.md).
public enum ScenarioService {
    public struct Request: Sendable {
        public var cohort: String
        public var scenarios: [String]
        public var seed: UInt64
        public var date: RunDate
        public init(cohort: String, scenarios: [String], seed: UInt64, date: RunDate) {
            self.cohort = cohort
            self.scenarios = scenarios
            self.seed = seed
            self.date = date
        }
    }

    /// Reads every scenario file. When any has problems, all are reported at once, including settings unknown
    /// to the catalogue in files that have other errors (`catalogue` is asked for only then).
    public static func loadScenarios(_ paths: [String], catalogue: () -> Catalogue?) throws(ATLError) -> [Scenario] {
        var scenarios: [Scenario] = []
        var diags: [Diagnostic] = []
        var failed: [String] = []
        for path in paths {
            do throws(ATLError) { scenarios.append(try ScenarioParser.load(path: path)) } catch {
                diags += error.diagnostics
                failed.append(path)
            }
        }
        diags += ScenarioParser.duplicateNames(scenarios)
        guard !diags.isEmpty else { return scenarios }
        if !failed.isEmpty, let c = catalogue() {
            for path in failed {
                guard let data = try? InputFile.read(path, what: "scenario file", limit: InputFile.Limit.smallText) else { continue }
                diags += ScenarioParser.unknownSettings(data, file: path, catalogue: c)
            }
        }
        throw ATLError(diags)
    }

    public static func run(_ r: Request, scenarios: [Scenario], engine: MatchingEngine) throws(ATLError) -> ScenarioComparison {
        let (cohort, cohortHash) = try CohortReader.children(path: r.cohort, engine: engine, academicYear: r.date.academicYear)
        let postcodes = engine.postcodes, districts = engine.districts, matrix = engine.matrix
        var runner = ScenarioRunner(
            engineVersion: EngineVersion.current, seed: r.seed, date: r.date.text,
            makeEngine: { MatchingEngine(catalogue: $0, weights: $1, postcodes: postcodes, districts: districts,
                                         matrix: matrix, engineVersion: EngineVersion.current) },
            districtCentre: { postcodes?.locate($0)?.point })
        runner.loadedEngine = engine
        return try runner.run(catalogue: engine.catalogue, weights: engine.weights, cohort: cohort,
                              cohortHash: cohortHash, scenarios: scenarios)
    }
}
