import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import ATLSynthetic
import ATLRender
import ATLRender
import Foundation

enum AllocationFormat: String, CaseIterable { case md, json, csv }

/// `atl allocate`: a capacity-aware allocation simulation over a batch of advisory lists.
enum AllocateCommand {
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
        let format = try args.choice("format", AllocationFormat.self)!
        let date = try EngineOptions.date(args)
        guard let seedText = args.value("seed"), let seed = UInt64(seedText) else {
            throw CLIError.usage("--seed expects a whole number from 0 to \(UInt64.max), got \"\(args.value("seed") ?? "")\"")
        }
        let path = try args.required("lists")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError.input([Diagnostic(code: "cli.allocate.file-found-readable", file: path, "file not found or not readable")])
        }
        let records = try BatchRecordReader.read(data, file: path)
        let root = args.value("catalogue")!
        let catalogue = try CommandSupport.loadCatalogue(root, console: console)
        // Lists made from another catalogue: one clear line, not one error per listed setting.
        if let c = records.listed.first(where: { $0.fictionalCatalogue != catalogue.isFictional }) {
            throw CLIError.input([Diagnostic(code: "cli.allocate.list-fictional-catalogue", file: path, line: c.line, field: "list.fictional_catalogue",
                "the lists were made from a \(c.fictionalCatalogue ? "fictional" : "real") catalogue but --catalogue \(root) is "
                + (c.fictionalCatalogue ? "real; pass the fictional catalogue the batch used"
                                        : "fictional; pass the real catalogue the batch used, e.g. --catalogue provision-catalogue/west-midlands"))])
        }
        if let c = records.listed.first(where: { $0.syntheticCatalogue != catalogue.isSynthetic }) {
            throw CLIError.input([Diagnostic(code: "cli.allocate.list-synthetic-catalogue", file: path, line: c.line, field: "list.synthetic_catalogue",
                c.syntheticCatalogue ? "the lists were made from a SYNTHETIC catalogue (real schools, invented SEN facts) but --catalogue \(root) is not synthetic; synthetic and real data are never mixed"
                                     : "the lists were made from a catalogue that is not synthetic but --catalogue \(root) is SYNTHETIC (real schools, invented SEN facts); synthetic and real data are never mixed")])
        }
        let otherHashes = Set(records.listed.compactMap(\.catalogueHash)).subtracting([catalogue.contentHash]).sorted()
        let mismatched = records.listed.filter { $0.catalogueHash.map { $0 != catalogue.contentHash } ?? false }.count
        let problem: AllocationProblem
        do throws(ATLError) {
            problem = try AllocationProblem.from(children: records.listed, unlisted: records.unlisted, catalogue: catalogue, seed: seed)
        } catch {
            let notInCatalogue: DiagnosticCode = "allocation.setting-not-in-catalogue"
            let missing = error.diagnostics.filter { $0.code == notInCatalogue }
            guard mismatched > 0, missing.count > 1 else { throw CLIError.input(error.diagnostics) }
            let urns = Set(missing.compactMap(\.subject))
            let first = missing.min()!
            let firstURN = first.subject ?? "?"
            let others = urns.count - 1
            throw CLIError.input(error.diagnostics.filter { $0.code != notInCatalogue } + [
                Diagnostic(code: "cli.allocate.setting-catalogue", file: first.file, line: first.line, field: first.field,
                    "setting \(firstURN) is not in the catalogue \(root)"
                    + (others > 0 ? ", nor \(others == 1 ? "is 1 other listed setting" : "are \(others) other listed settings")" : "")
                    + ": \(mismatched) of \(records.listed.count) lists were made from a different catalogue (catalogue_hash "
                    + "\(otherHashes.first.map { String($0.prefix(12)) } ?? "?")…, not \(catalogue.contentHash.prefix(12))…); pass the catalogue the batch used")])
        }
        if mismatched > 0 {
            console.errLine("atl allocate: warning: \(mismatched) of \(records.listed.count) lists were made from a different catalogue "
                            + "(catalogue_hash \(otherHashes.first.map { String($0.prefix(12)) } ?? "?")…) than --catalogue \(root) "
                            + "(\(catalogue.contentHash.prefix(12))…); places and settings are taken from \(root)")
        }
        let report = AllocationReport(problem)
        let stamp = ProvenanceStamp(engineVersion: ATL.version, catalogue: AuditCommand.catalogueName(root),
                                    catalogueHash: catalogue.contentHash, inputs: [.init("lists", hash: SHA256.hex([UInt8](data)))], date: date)
        let text: String
        switch format {
        case .md: text = AllocationMarkdown.render(report, stamp: stamp)
        case .json: text = AllocationJSON.render(report, stamp: stamp)
        case .csv: text = AllocationCSV.render(report)
        }
        try CommandSupport.emit(text, to: args.value("output"), console: console)
        let da = report.summaries[0], gr = report.summaries[1]
        console.errLine("\(problem.children.count) children listed (\(AllocationText.label(problem))), \(problem.unlisted.count) not listed; "
                        + "deferred acceptance places \(da.placed), leaves \(da.unplaced) unplaced; greedy nearest places \(gr.placed), leaves \(gr.unplaced)")
        return 0
    }
}
