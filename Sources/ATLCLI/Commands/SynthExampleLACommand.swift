import ATLModel
import ATLSynthetic
import ATLServices

/// `atl synth-example-la`: (re)generates the example LA's fictional settings next to the hand-written ones.
enum SynthExampleLACommand {
    static let defaultOutput = "provision-catalogue/example-la/999-severnvale"

    static let spec = CommandSpec(
        name: "synth-example-la",
        abstract: "Generate the example LA's fictional settings (URN 9000100 up) from a seed.",
        discussion: """
            Writes about 180 invented settings of every type, with complete SEN information reports, at real
            postcodes of Telford and Wrekin and Shropshire. Every file is marked fictional. Hand-written
            settings in the folder (any file without the generator's source line; their URNs must be below
            9000100) are never touched and their names are never reused; a real setting in the folder is an
            error. Same seed and count give byte-identical files; generated files from an earlier run that
            are no longer produced (a smaller --count) are removed. See docs/example-la.md.
            """,
        options: [
            .value("seed", "n", "Random seed", default: String(ExampleLAGenerator.defaultSeed)),
            .value("count", "n", "Number of settings to generate", default: String(ExampleLAGenerator.defaultCount)),
            .value("output", "dir", "Catalogue LA folder to write into", default: defaultOutput),
            .value("postcodes", "path", "Postcode lookup", default: EngineSetup.defaultPostcodes),
        ]
    ) { args, console in
        let seedText = args.value("seed")!
        guard let seed = UInt64(seedText) else { throw CLIError.usage("--seed expects a whole number from 0, got \"\(seedText)\"") }
        let count = try args.int("count", min: 1, max: 899_900)!
        let dir = args.value("output")!
        let o = try SyntheticDataService.exampleLA(seed: seed, count: count, folder: dir, postcodesFile: args.value("postcodes")!)
        console.line("\(dir): \(o.settings.count) fictional settings from seed \(seed) (URN \(o.settings.first!.urn)-\(o.settings.last!.urn)): \(o.created) created, \(o.updated) updated, \(o.unchanged) unchanged, \(o.removed) removed; \(o.handWritten) hand-written settings left as they are")
        var byType: [SettingType: Int] = [:]
        for s in o.settings { byType[s.type, default: 0] += 1 }
        for t in SettingType.allCases where byType[t] != nil {
            console.line("  " + t.shortTitle.padding(toLength: 34, withPad: " ", startingAt: 0) + String(byType[t]!))
        }
        return 0
    }
}
