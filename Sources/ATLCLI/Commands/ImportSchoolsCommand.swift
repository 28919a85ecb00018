import ATLData
import ATLServices

/// `atl import-schools`: the real-data schools files into a catalogue folder.
enum ImportSchoolsCommand {
    static let spec = CommandSpec(
        name: "import-schools",
        abstract: "Import a schools CSV (URN, name, LA, phase, Ofsted, location) into a catalogue folder.",
        discussion: """
            For the real-data schools files (schools-west-midlands.csv, schools-england.csv). Only the facts
            those files publish are written; type of establishment, age range, capacity and SEN fields stay
            absent (type: unknown) and are reported by 'atl audit'. Re-importing replaces only those facts and
            keeps every hand-written field and report section. Nothing is written if any row has an error.
            """,
        options: [
            .positional("csv", "The schools CSV file (UTF-8)"),
            .value("catalogue", "dir", "Catalogue folder to create or update", required: true),
            .value("source", "text", "Provenance written on each setting's source line",
                   default: "GIAS open establishments via the ATL shared data"),
        ]
    ) { args, console in
        let o = try ImportService.schools(csv: try args.required("csv"), into: args.value("catalogue")!, source: args.value("source")!)
        report(o, console: console)
        return 0
    }

    /// What an import wrote, in two lines.
    static func report(_ o: ImportService.Outcome, console: Console) {
        let s = o.written
        console.line("\(o.rowsRead) rows read, \(o.settings) settings imported: \(s.created) created, \(s.updated) updated, \(s.unchanged) unchanged")
        if !s.notInImport.isEmpty {
            console.line("\(s.notInImport.count) settings in the catalogue were not in this import and were left as they are (first: \(s.notInImport.prefix(5).map(String.init).joined(separator: ", ")))")
        }
    }
}
