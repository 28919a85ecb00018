import ATLModel
import ATLData
import Foundation

/// Imports of public data into a catalogue folder, and the postcode lookup. Re-imports replace only the facts
/// the source owns and keep hand-written fields and every report section; nothing is written on an error.
public enum ImportService {
    public struct Outcome: Sendable {
        public var rowsRead: Int
        public var settings: Int
        public var written: CatalogueWriter.Summary
    }

    /// The schools files (`schools-west-midlands.csv`, `schools-england.csv`).
    public static func schools(csv path: String, into catalogue: String, source: String) throws(ATLError) -> Outcome {
        var reader = try CSVReader.open(path: path, what: "schools file")
        let result = SchoolsFileImporter.read(&reader, sourceNote: source)
        if !result.diagnostics.isEmpty { throw ATLError(result.diagnostics) }
        let written = try CatalogueWriter.write(result.settings, into: catalogue, owned: SchoolsFileImporter.ownedFields,
                                                isOwnSource: SchoolsFileImporter.isOwnSource)
        return Outcome(rowsRead: result.rowsRead, settings: result.settings.count, written: written)
    }

    /// The full GIAS extract. With `keepGoing`, rows without errors are written even when others have errors
    /// (the errors are then in `import.errors`); otherwise any error stops the import before anything is written.
    public static func gias(csv path: String, into catalogue: String, localAuthorities: Set<Int>, extractDate: String?,
                            keepGoing: Bool, notify: EngineLoader.Notify) throws(ATLError) -> (outcome: Outcome, import: GIASImport) {
        try InputFile.checkRegularFile(path, what: "GIAS extract")
        let result = GIASImporter.importExtract(path: path, extractDate: extractDate)
        if let note = result.encodingNote { notify("\(path): \(note)") }
        for w in result.warnings { notify(w.description) }
        if result.hasErrors && !keepGoing { throw ATLError(result.errors) }
        let settings = localAuthorities.isEmpty ? result.settings
            : result.settings.filter { s in s.localAuthority.map { localAuthorities.contains($0.code) } ?? false }
        let written = try CatalogueWriter.write(settings, into: catalogue, owned: GIASImporter.ownedFields,
                                                isOwnSource: GIASImporter.isOwnSource)
        return (Outcome(rowsRead: result.rowsRead, settings: settings.count, written: written), result)
    }

    /// Builds the compact postcode lookup from a postcode CSV. Returns the postcodes written and the repeated
    /// rows (same values) left out.
    public static func postcodes(csv path: String, output: String, notes: [String]) throws(ATLError) -> (written: Int, duplicates: Int) {
        var reader = try CSVReader.open(path: path, what: "postcode CSV")
        let (rows, diags, duplicates) = PostcodeImporter.read(&reader)
        if !diags.isEmpty { throw ATLError(diags) }
        let header = ["ATL postcode lookup: postcode -> British National Grid easting/northing (metres) and ONS district.",
                      "Format: '@OUTCODE DISTRICT' lines, then 'INWARD EASTING NORTHING [DISTRICT]'. See PROVENANCE.md."] + notes
        try OutputFile.write(PostcodeLookup.render(rows, header: header), to: output)
        return (rows.count, duplicates)
    }

    /// A folder given where a CSV file is expected is an input error (not Foundation's "Code=256").
}
