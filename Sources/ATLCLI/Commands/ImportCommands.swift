import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import ATLSynthetic
import ATLRender
import Foundation

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
        let path = try args.required("csv")
        try ImportPostcodesCommand.checkIsFile(path)
        var reader: CSVReader
        reader = try CSVReader.open(path: path)
        let result = SchoolsFileImporter.read(&reader, sourceNote: args.value("source")!)
        if !result.diagnostics.isEmpty { throw CLIError.input(result.diagnostics) }
        let summary = try CatalogueWriter.write(result.settings, into: args.value("catalogue")!,
                                                owned: SchoolsFileImporter.ownedFields,
                                                isOwnSource: SchoolsFileImporter.isOwnSource)
        report(summary, rows: result.rowsRead, settings: result.settings.count, console: console)
        return 0
    }

    static func report(_ s: CatalogueWriter.Summary, rows: Int, settings: Int, console: Console) {
        console.line("\(rows) rows read, \(settings) settings imported: \(s.created) created, \(s.updated) updated, \(s.unchanged) unchanged")
        if !s.notInImport.isEmpty {
            console.line("\(s.notInImport.count) settings in the catalogue were not in this import and were left as they are (first: \(s.notInImport.prefix(5).map(String.init).joined(separator: ", ")))")
        }
    }
}

enum ImportPostcodesCommand {
    static let spec = CommandSpec(
        name: "import-postcodes",
        abstract: "Build the compact postcode lookup from a postcode CSV (postcode, easting, northing, district).",
        options: [
            .positional("csv", "Postcode CSV with postcode, easting, northing and admin_district_code columns"),
            .value("output", "path", "Lookup file to write (e.g. provision-catalogue/geography/postcodes-west-midlands.txt)", required: true),
            .value("note", "text", "Provenance line for the file header", repeatable: true),
        ]
    ) { args, console in
        let path = try args.required("csv")
        try checkIsFile(path)
        var reader: CSVReader
        reader = try CSVReader.open(path: path)
        let (rows, diags, duplicates) = PostcodeImporter.read(&reader)
        if !diags.isEmpty { throw CLIError.input(diags) }
        let header = ["ATL postcode lookup: postcode -> British National Grid easting/northing (metres) and ONS district.",
                      "Format: '@OUTCODE DISTRICT' lines, then 'INWARD EASTING NORTHING [DISTRICT]'. See PROVENANCE.md."]
            + args.values("note")
        let text = PostcodeLookup.render(rows, header: header)
        try CommandSupport.write(text, to: args.value("output")!)
        console.line("\(rows.count) postcodes written to \(args.value("output")!)"
                     + (duplicates > 0 ? " (\(duplicates) repeated \(duplicates == 1 ? "row" : "rows") with the same values left out)" : ""))
        return 0
    }

    /// A folder given where a CSV file is expected is an input error (not Foundation's "Code=256").
    static func checkIsFile(_ path: String) throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            throw CLIError.input([Diagnostic(code: "cli.imports.folder-csv-file", file: path, "is a folder, not a CSV file")])
        }
    }
}

enum ImportGIASCommand {
    /// Header fields the GIAS extract publishes (Ofsted, facilities, cost band and stated vacancies are not in it).
    static let ownedFields: Set<SettingFile.Field> = [
        .urn, .name, .laCode, .laName, .type, .giasType, .status, .phase, .ageRange, .gender, .religiousCharacter,
        .easting, .northing, .postcode, .capacity, .onRoll, .needs, .specialistProvision, .specialistPlaces,
        .specialistOnRoll,
    ]

    static func isOwnSource(_ s: String) -> Bool {
        s.hasPrefix(GIASImporter.sourceName) || s.hasPrefix("GIAS status:")
    }

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
        let path = try args.required("csv")
        var las = Set<Int>()
        for v in args.values("la") {
            guard let c = Int(v), (100...999).contains(c) else { throw CLIError.usage("--la expects a three-digit LA code, got \"\(v)\"") }
            las.insert(c)
        }
        if let d = args.value("extract-date"), !GIASImporter.isValidExtractDate(d) {
            throw CLIError.usage("--extract-date: \(GIASImporter.extractDateProblem(d))")
        }
        guard FileManager.default.fileExists(atPath: path) else { throw CLIError.input([Diagnostic(code: "cli.imports.file-found", file: path, "file not found")]) }
        try ImportPostcodesCommand.checkIsFile(path)
        let result = GIASImporter.importExtract(path: path, extractDate: args.value("extract-date"))
        if let note = result.encodingNote { console.errLine("\(path): \(note)") }
        for w in result.warnings { console.errLine(w.description) }
        if result.hasErrors && !args.flag("keep-going") {
            throw CLIError.input(result.errors)
        }
        let settings = las.isEmpty ? result.settings
            : result.settings.filter { s in s.localAuthority.map { las.contains($0.code) } ?? false }
        let summary = try CatalogueWriter.write(settings, into: args.value("catalogue")!, owned: ownedFields,
                                                isOwnSource: isOwnSource)
        ImportSchoolsCommand.report(summary, rows: result.rowsRead, settings: settings.count, console: console)
        for (reason, count) in result.skipped { console.line("  skipped \(count): \(reason)") }
        if result.rowsRejected > 0 { console.line("  rejected \(result.rowsRejected) rows with errors") }
        if result.hasErrors {
            for e in result.errors { console.errLine(e.description) }
            return 2
        }
        return 0
    }
}
