import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import ATLSynthetic
import ATLRender
import Foundation

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
            .value("postcodes", "path", "Postcode lookup", default: "provision-catalogue/geography/postcodes-west-midlands.txt"),
        ]
    ) { args, console in
        let seedText = args.value("seed")!
        guard let seed = UInt64(seedText) else {
            throw CLIError.usage("--seed expects a whole number from 0, got \"\(seedText)\"")
        }
        let count = try args.int("count", min: 1, max: 899_900)!
        let dir = args.value("output")!
        let postcodes = try PostcodeLookup.load(path: args.value("postcodes")!)

        // Existing files: hand-written ones reserve their names; earlier generated ones may be replaced.
        var reserved = Set<String>()
        var oldGenerated: [String: Int] = [:]
        var problems: [Diagnostic] = []
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        for file in names.sorted() where file.hasSuffix(SettingFile.fileSuffix) {
            let path = dir + "/" + file
            guard let data = FileManager.default.contents(atPath: path) else {
                problems.append(Diagnostic(code: "cli.synthexamplela.cannot-read", file: path, "cannot read"))
                continue
            }
            let s: Setting
            do throws(ATLError) { s = try SettingFile.parse([UInt8](data), file: path).value } catch {
                problems += error.errors
                continue
            }
            if s.sources.contains(where: { $0.hasPrefix(ExampleLAGenerator.sourcePrefix) }) {
                oldGenerated[file] = s.urn
                continue
            }
            if !s.fictional {
                problems.append(Diagnostic(code: "cli.synthexamplela.fictional", file: path, field: "fictional",
                                           "the example LA folder holds a real setting; generated fictional settings are never mixed with real ones"))
            } else if s.urn >= ExampleLAGenerator.firstURN {
                problems.append(Diagnostic(code: "cli.synthexamplela.urn", file: path, field: "urn",
                                           "hand-written setting \(s.urn) is in the generated range; give it a URN below \(ExampleLAGenerator.firstURN)"))
            }
            reserved.insert(s.name)
        }
        if !problems.isEmpty { throw CLIError.input(problems) }

        let settings = ExampleLAGenerator.generate(seed: seed, count: count, postcodes: postcodes, reservedNames: reserved)
        guard settings.count == count else {
            throw CLIError.input([Diagnostic(code: "cli.synthexamplela.postcodes", file: args.value("postcodes")!,
                                             "no postcodes of Telford and Wrekin (E06000020) or Shropshire (E06000051) in the lookup")])
        }
        var created = 0, updated = 0, unchanged = 0
        var written = Set<String>()
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw CLIError.failure("cannot create \(dir): \(CommandSupport.describe(error))")
        }
        for s in settings {
            let file = SettingFile.fileName(for: s)
            written.insert(file)
            let path = dir + "/" + file
            let bytes = Data(SettingFile.render(s).utf8)
            if let old = FileManager.default.contents(atPath: path) {
                if old == bytes { unchanged += 1; continue }
                updated += 1
            } else {
                created += 1
            }
            do { try bytes.write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
                throw CLIError.failure("cannot write \(path): \(CommandSupport.describe(error))")
            }
        }
        var removed = 0
        for file in oldGenerated.keys.sorted() where !written.contains(file) {
            do { try FileManager.default.removeItem(atPath: dir + "/" + file) } catch {
                throw CLIError.failure("cannot remove \(dir)/\(file): \(CommandSupport.describe(error))")
            }
            removed += 1
        }
        var byType: [SettingType: Int] = [:]
        for s in settings { byType[s.type, default: 0] += 1 }
        console.line("\(dir): \(settings.count) fictional settings from seed \(seed) (URN \(settings.first!.urn)-\(settings.last!.urn)): \(created) created, \(updated) updated, \(unchanged) unchanged, \(removed) removed; \(reserved.count) hand-written settings left as they are")
        for t in SettingType.allCases where byType[t] != nil {
            console.line("  " + t.shortTitle.padding(toLength: 34, withPad: " ", startingAt: 0) + String(byType[t]!))
        }
        return 0
    }
}
