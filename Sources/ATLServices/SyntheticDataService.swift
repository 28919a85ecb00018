import ATLModel
import ATLData
import ATLSynthetic
import Foundation

/// Invented data, always marked: the example LA's generated settings, the national benchmark catalogue and
/// synthetic cohorts.
public enum SyntheticDataService {
    public struct ExampleLAOutcome: Sendable {
        public var settings: [Setting]
        public var created = 0, updated = 0, unchanged = 0, removed = 0
        /// Hand-written settings in the folder, left as they are.
        public var handWritten = 0
    }

    /// (Re)generates the example LA's fictional settings in `folder` beside the hand-written ones, whose names
    /// are never reused and which are never touched; earlier generated files no longer produced are removed.
    public static func exampleLA(seed: UInt64, count: Int, folder dir: String, postcodesFile: String) throws(ATLError) -> ExampleLAOutcome {
        let postcodes = try PostcodeLookup.load(path: postcodesFile)
        // Existing files: hand-written ones reserve their names; earlier generated ones may be replaced.
        var reserved = Set<String>()
        var oldGenerated: [String: Int] = [:]
        var problems: [Diagnostic] = []
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        for file in names.sorted() where file.hasSuffix(SettingFile.fileSuffix) {
            let path = dir + "/" + file
            let s: Setting
            do throws(ATLError) {
                s = try SettingFile.parse(InputFile.read(path, what: "setting file", limit: InputFile.Limit.settingFile), file: path).value
            } catch {
                problems += error.errors
                continue
            }
            if s.sources.contains(where: { $0.hasPrefix(ExampleLAGenerator.sourcePrefix) }) {
                oldGenerated[file] = s.urn
                continue
            }
            if !s.fictional {
                problems.append(Diagnostic(code: "example-la.holds-real-setting", file: path, field: "fictional",
                                           "the example LA folder holds a real setting; generated fictional settings are never mixed with real ones"))
            } else if s.urn >= ExampleLAGenerator.firstURN {
                problems.append(Diagnostic(code: "example-la.urn-in-generated-range", file: path, field: "urn",
                                           "hand-written setting \(s.urn) is in the generated range; give it a URN below \(ExampleLAGenerator.firstURN)"))
            }
            reserved.insert(s.name)
        }
        if !problems.isEmpty { throw ATLError(problems) }

        let settings = ExampleLAGenerator.generate(seed: seed, count: count, postcodes: postcodes, reservedNames: reserved)
        guard settings.count == count else {
            throw ATLError(code: "example-la.no-postcodes", file: postcodesFile,
                           "no postcodes of Telford and Wrekin (E06000020) or Shropshire (E06000051) in the lookup")
        }
        var outcome = ExampleLAOutcome(settings: settings, handWritten: reserved.count)
        var written = Set<String>()
        for s in settings {
            let file = SettingFile.fileName(for: s)
            written.insert(file)
            let path = dir + "/" + file
            let text = SettingFile.render(s)
            if let old = FileManager.default.contents(atPath: path) {
                if old == Data(text.utf8) { outcome.unchanged += 1; continue }
                outcome.updated += 1
            } else {
                outcome.created += 1
            }
            try OutputFile.write(text, to: path)
        }
        for file in oldGenerated.keys.sorted() where !written.contains(file) {
            do { try FileManager.default.removeItem(atPath: dir + "/" + file) } catch {
                throw ATLError(code: "output.cannot-remove", file: dir + "/" + file, "cannot remove \(dir)/\(file): \(FileProblem.describe(error))")
            }
            outcome.removed += 1
        }
        return outcome
    }

    /// England's open schools with invented SEN facts (`atl synth-national`), written into `output`, which must
    /// not be inside `provision-catalogue/`.
    public static func national(schools path: String, seed: UInt64, limit: Int?, output: String) throws(ATLError) -> [Setting] {
        let settings = try nationalSettings(schools: path, seed: seed, limit: limit)
        try OutputFile.createFolder(output, shownAs: output)
        let failures = Parallel.map(settings.count) { i -> String? in
            let s = settings[i]
            let path = output + "/" + SettingFile.fileName(for: s)
            do throws(ATLError) { try OutputFile.write(SettingFile.render(s), to: path) } catch { return path }
            return nil
        }.compactMap { $0 }
        if let first = failures.first {
            throw ATLError(code: "output.cannot-write", file: first, "cannot write \(first) (\(failures.count) files failed)")
        }
        return settings
    }

    /// Reads the schools file and adds the synthetic facts.
    public static func nationalSettings(schools path: String, seed: UInt64, limit: Int?) throws(ATLError) -> [Setting] {
        var reader = try CSVReader.open(path: path, what: "schools file")
        let result = SchoolsFileImporter.read(&reader, sourceNote: "schools-england.csv (GIAS open establishments, OGL v3.0; see Benchmarks/data/PROVENANCE.md)")
        if !result.diagnostics.isEmpty { throw ATLError(result.diagnostics) }
        let schools = limit.map { Array(result.settings.prefix($0)) } ?? result.settings
        return NationalSynthesis.synthesise(schools, seed: seed)
    }

    /// A synthetic cohort CSV of `size` invented children at real postcodes of an LA, written in blocks so
    /// memory stays small for millions of rows.
    public static func cohort(_ cohort: SyntheticCohort, size: Int, output: String) throws(ATLError) {
        // Staged: a run that fails half way (a full disk) leaves an earlier cohort file as it was.
        let out = try OutputFile.stage(output)
        var w = CSVWriter()
        w.row(SyntheticCohort.columns.map(\.rawValue))
        for i in 0..<size {
            w.row(cohort.row(i))
            if i % 1000 == 999 {
                try out.append(w.text)
                w = CSVWriter()
            }
        }
        try out.append(w.text)
        try out.commit()
    }
}
