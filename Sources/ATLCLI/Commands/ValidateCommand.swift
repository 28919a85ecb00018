import ATLModel
import ATLServices
import Foundation

/// `atl validate`: checks a catalogue folder and lists every problem at once.
enum ValidateCommand {
    static let spec = CommandSpec(
        name: "validate",
        abstract: "Check a catalogue folder and list every problem at once.",
        discussion: """
            Reads every *.setting.md file below the folder and reports each problem as
            file:line: field 'name': message. Exits 2 if there is any error, 0 otherwise (warnings allowed).
            In atl-setting/2 files every fact's source must be declared and every date real and not after
            --date; real atl-setting/1 files get a warning (their facts carry no dates).
            """,
        options: [CommonOptions.catalogue,
                  .value("date", "YYYY-MM-DD", "Run date: no fact may be dated after it (default: today)")]
    ) { args, console in
        let root = args.value("catalogue")!
        let v = CatalogueService.validate(root, runDate: try EngineOptions.date(args).text)
        for d in v.diagnostics { console.errLine(d.description) }
        let warnings = "\(v.warningCount) warning\(v.warningCount == 1 ? "" : "s")"
        guard let c = v.catalogue else {
            console.line("\(root): \(v.fileCount) files, \(v.errorCount) error\(v.errorCount == 1 ? "" : "s"), \(warnings)")
            return 2
        }
        let kind = c.isFictional ? "fictional example" : c.isSynthetic ? "SYNTHETIC: real schools with invented SEN data" : "real"
        console.line("\(root): \(c.settings.count) settings (\(kind)), \(warnings), no errors")
        console.line("content hash \(c.contentHash)")
        console.errLine(String(format: "loaded in %.3f s", v.seconds))
        return 0
    }
}
