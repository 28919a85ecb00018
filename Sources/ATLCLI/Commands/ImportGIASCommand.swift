import ATLData
import ATLServices

/// `atl import-gias`: the DfE GIAS establishment extract into a catalogue folder.
enum ImportGIASCommand {
    static let spec = CommandSpec(
        name: "import-gias",
        abstract: "Import the DfE GIAS establishment extract (edubasealldataYYYYMMDD.csv) into a catalogue folder.",
        discussion: """
            Reads the full extract (Windows-1252, or UTF-8 when the file has a byte-order mark or is valid
            UTF-8 with non-ASCII characters, as a re-saved copy often is; stderr says which) as a stream: open establishments only, types mapped to
            setting groups, SEN1..SEN13 to need codes, resourced provision / SEN unit places, age range, capacity,
            gender. Re-importing replaces only GIAS facts and keeps hand-written fields (facilities, Ofsted,
            cost band) and every report section. Every rejected row is reported as file:line: field.
            By default nothing is written if any row has an error; --keep-going writes the good rows and still
            exits 2.
            """,
        options: [
            .positional("csv", "The GIAS extract (Windows-1252 or UTF-8)"),
            .value("catalogue", "dir", "Catalogue folder to create or update", required: true),
            .value("la", "code", "Only settings of this LA code (e.g. 894)", repeatable: true),
            .value("extract-date", "YYYY-MM-DD", "Date of the extract (default: from the file name)"),
            .flag("keep-going", "Write the rows without errors even if some rows have errors (exit code stays 2)"),
        ]
    ) { args, console in
        var las = Set<Int>()
        for v in args.values("la") {
            guard let c = Int(v), (100...999).contains(c) else { throw CLIError.usage("--la expects a three-digit LA code, got \"\(v)\"") }
            las.insert(c)
        }
        if let d = args.value("extract-date"), !GIASImporter.isValidExtractDate(d) {
            throw CLIError.usage("--extract-date: \(GIASImporter.extractDateProblem(d))")
        }
        let (outcome, result) = try ImportService.gias(csv: try args.required("csv"), into: args.value("catalogue")!,
                                                       localAuthorities: las, extractDate: args.value("extract-date"),
                                                       keepGoing: args.flag("keep-going"), notify: console.notify)
        ImportSchoolsCommand.report(outcome, console: console)
        for (reason, count) in result.skipped { console.line("  skipped \(count): \(reason)") }
        if result.rowsRejected > 0 { console.line("  rejected \(result.rowsRejected) rows with errors") }
        guard result.hasErrors else { return 0 }
        for e in result.errors { console.errLine(e.description) }
        return 2
    }
}
