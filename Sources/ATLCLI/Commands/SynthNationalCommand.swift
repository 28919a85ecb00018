import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import ATLSynthetic
import ATLRender
import Foundation

/// `atl synth-national`: writes the SYNTHETIC national benchmark catalogue (real schools, invented SEN data).
enum SynthNationalCommand {
    static let defaultSchools = "Benchmarks/data/schools-england.csv"

    static let spec = CommandSpec(
        name: "synth-national",
        abstract: "Write a SYNTHETIC national catalogue for benchmarks: England's open schools with invented SEN data.",
        discussion: """
            Every open school in England (Benchmarks/data/schools-england.csv) keeps its real URN, name, phase,
            religious character, Ofsted judgement and location; its type, age range (phase 'Not applicable'),
            capacity, needs, places, facilities and SEN information report are invented from --seed and marked
            SYNTHETIC ('synthetic: yes' in the header, a source line and the top of every report section), so
            every output made from it says SYNTHETIC and audit --letters refuses it. For benchmarking only: never
            write it into provision-catalogue/. See docs/performance.md.
            """,
        options: [.value("output", "dir", "Folder to write the catalogue into (e.g. .build/bench/national)", required: true),
                  .value("seed", "n", "Seed for the invented facts", default: "1"),
                  .value("schools", "csv", "Schools file", default: defaultSchools),
                  .value("limit", "n", "Only the first n schools by URN (for quick runs)")]
    ) { args, console in
        let out = try args.required("output")
        guard let seed = try args.int("seed", min: 0) else { throw CLIError.usage("--seed expects a whole number") }
        let limit = try args.int("limit", min: 1)
        let standard = URL(fileURLWithPath: out).standardizedFileURL.path
        if standard.split(separator: "/").contains("provision-catalogue") {
            throw CLIError.usage("--output must not be inside provision-catalogue/: this catalogue is synthetic")
        }
        let settings = try generate(schools: args.value("schools")!, seed: UInt64(seed), limit: limit)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let failures = Parallel.map(settings.count) { i -> String? in
            let s = settings[i]
            let path = out + "/" + SettingFile.fileName(for: s)
            do { try Data(SettingFile.render(s).utf8).write(to: URL(fileURLWithPath: path)) } catch { return path }
            return nil
        }.compactMap { $0 }
        if let first = failures.first { throw CLIError.failure("cannot write \(first) (\(failures.count) files failed)") }
        console.errLine("\(settings.count) SYNTHETIC settings written to \(out) (seed \(seed))")
        return 0
    }

    /// Reads the schools file and adds the synthetic facts.
    static func generate(schools path: String, seed: UInt64, limit: Int?) throws -> [Setting] {
        var reader = try CSVReader.open(path: path)
        let result = SchoolsFileImporter.read(&reader, sourceNote: "schools-england.csv (GIAS open establishments, OGL v3.0; see Benchmarks/data/PROVENANCE.md)")
        if !result.diagnostics.isEmpty { throw CLIError.input(result.diagnostics) }
        let schools = limit.map { Array(result.settings.prefix($0)) } ?? result.settings
        return NationalSynthesis.synthesise(schools, seed: seed)
    }
}
