import ATLServices

/// `atl import-postcodes`: the compact postcode lookup from a postcode CSV.
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
        let output = args.value("output")!
        let (written, duplicates) = try ImportService.postcodes(csv: try args.required("csv"), output: output, notes: args.values("note"))
        console.line("\(written) postcodes written to \(output)"
                     + (duplicates > 0 ? " (\(duplicates) repeated \(duplicates == 1 ? "row" : "rows") with the same values left out)" : ""))
        return 0
    }
}
