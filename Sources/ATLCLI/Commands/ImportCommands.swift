import ATLCore
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
            .value("output", "path", "Lookup file to write", default: "provision-catalogue/geography/postcodes-west-midlands.txt"),
            .value("note", "text", "Provenance line for the file header", repeatable: true),
        ]
    ) { args, console in
        let path = try args.required("csv")
        var reader: CSVReader
        reader = try CSVReader.open(path: path)
        let (rows, diags) = PostcodeImporter.read(&reader)
        if !diags.isEmpty { throw CLIError.input(diags) }
        let header = ["ATL postcode lookup: postcode -> British National Grid easting/northing (metres) and ONS district.",
                      "Format: '@OUTCODE DISTRICT' lines, then 'INWARD EASTING NORTHING [DISTRICT]'. See PROVENANCE.md."]
            + args.values("note")
        let text = PostcodeLookup.render(rows, header: header)
        try CommandSupport.write(text, to: args.value("output")!)
        console.line("\(rows.count) postcodes written to \(args.value("output")!)")
        return 0
    }
}
