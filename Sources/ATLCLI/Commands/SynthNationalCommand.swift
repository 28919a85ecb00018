import ATLServices
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
        if URL(fileURLWithPath: out).standardizedFileURL.path.split(separator: "/").contains("provision-catalogue") {
            throw CLIError.usage("--output must not be inside provision-catalogue/: this catalogue is synthetic")
        }
        let settings = try SyntheticDataService.national(schools: args.value("schools")!, seed: UInt64(seed), limit: limit, output: out)
        console.errLine("\(settings.count) SYNTHETIC settings written to \(out) (seed \(seed))")
        return 0
    }
}
