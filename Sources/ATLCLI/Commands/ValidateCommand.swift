import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import ATLSynthetic
import ATLRender
import Foundation

/// Shared option: which catalogue folder to read.
enum CommonOptions {
    static let defaultCatalogue = "provision-catalogue/example-la"
    static let catalogue = OptionSpec.value(
        "catalogue", "dir", "Catalogue folder (the real one is provision-catalogue/west-midlands)",
        default: defaultCatalogue)
    static let output = OptionSpec.value("output", "path", "Write the result to this file instead of standard output")
}

enum ValidateCommand {
    static let spec = CommandSpec(
        name: "validate",
        abstract: "Check a catalogue folder and list every problem at once.",
        discussion: """
            Reads every *.setting.md file below the folder and reports each problem as
            file:line: field 'name': message. Exits 2 if there is any error, 0 otherwise (warnings allowed).
            In atl-setting/2 files every fact's source must be declared and every date real and not after
            --date; atl-setting/1 files get a warning (their facts carry no dates).
            """,
        options: [CommonOptions.catalogue,
                  .value("date", "YYYY-MM-DD", "Run date: no fact may be dated after it (default: today)")]
    ) { args, console in
        let root = args.value("catalogue")!
        let runDate = try AuditCommand.auditDate(args.value("date"))
        let start = Date()
        let loaded: CatalogueLoader.Loaded
        do throws(ATLError) { loaded = try CatalogueLoader.load(root: root, runDate: runDate) } catch {
            for d in error.diagnostics { console.errLine(d.description) }
            let errors = error.errors.count, warnings = error.diagnostics.count - errors
            let files = (try? CatalogueLoader.settingFiles(root: root).count) ?? 0
            console.line("\(root): \(files) files, \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
            return 2
        }
        let elapsed = Date().timeIntervalSince(start)
        for d in loaded.warnings { console.errLine(d.description) }
        let warnings = loaded.warnings.count
        do {
            let c = loaded.catalogue
            let kind = c.isFictional ? "fictional example" : c.isSynthetic ? "SYNTHETIC: real schools with invented SEN data" : "real"
            console.line("\(root): \(c.settings.count) settings (\(kind)), \(warnings) warning\(warnings == 1 ? "" : "s"), no errors")
            console.line("content hash \(c.contentHash)")
            console.errLine(String(format: "loaded in %.3f s", elapsed))
            return 0
        }
    }
}
