import ATLModel
import ATLData
import ATLServices
import Foundation

/// `atl confirm`: a thin shell over ``OfficerConfirmation``.
enum ConfirmCommand {
    static let spec = CommandSpec(
        name: "confirm",
        abstract: "Record an LA officer's confirmation of a setting's facts (officer precedence, with the day).",
        discussion: """
            --fact FIELD=VALUE (repeatable) enters a fact as [officer DAY by ID]; FIELD= (empty) records that the fact
            was checked and is not known (removes it). --row ID confirms a to-confirm row: its candidate facts are
            recomputed from the source file and written as [source as-of, confirmed DAY by ID]. --row ID --reject
            leaves the row out of later reports. The officer ID is a role or staff reference (2-20 letters, digits,
            '-'), never a name. Only the setting's header changes; its report sections are kept byte for byte. No
            import overwrites an officer's fact. Prints the header lines changed.
            """,
        options: [
            .value("catalogue", "dir", "Catalogue folder", required: true),
            .value("urn", "n", "The setting's URN", required: true),
            .value("by", "id", "Officer ID (a role or staff reference, e.g. SENDO-07)", required: true),
            .value("fact", "field=value", "A fact to enter (repeatable)", repeatable: true),
            .value("row", "id", "A to-confirm row to confirm (or reject with --reject)"),
            .flag("reject", "Reject the --row instead of confirming it"),
            .value("sources", "dir", "The sen-facts folder a row is recomputed from", default: ImportSENFactsCommand.defaultSources),
            .value("date", "YYYY-MM-DD", "Day of the confirmation (default: today)"),
        ]
    ) { args, console in
        guard let urn = Int(try args.required("urn")), urn > 0 else { throw CLIError.usage("--urn expects a URN (a whole number)") }
        let date = try EngineOptions.date(args).text
        let facts = args.values("fact")
        let action: OfficerConfirmation.Action
        switch (facts.isEmpty, args.value("row")) {
        case (false, nil):
            if args.flag("reject") { throw CLIError.usage("--reject goes with --row") }
            var entries: [OfficerConfirmation.Entry] = []
            for f in facts {
                guard let eq = f.firstIndex(of: "="), let field = SettingFile.Field(rawValue: String(f[..<eq]).lowercased()) else {
                    throw CLIError.usage("--fact expects FIELD=VALUE with a catalogue field (e.g. type=special, needs=SEMH), got \"\(f.prefix(80))\"")
                }
                entries.append(OfficerConfirmation.Entry(field, String(f[f.index(after: eq)...]).trimmingCharacters(in: .whitespaces)))
            }
            action = .facts(entries)
        case (true, let row?):
            action = args.flag("reject") ? .rejectRow(row) : .confirmRow(row)
        default:
            throw CLIError.usage("give either --fact FIELD=VALUE (repeatable) or --row ID [--reject]")
        }
        let result = try OfficerConfirmation.apply(action, urn: urn, catalogue: args.value("catalogue")!, officer: args.value("by")!,
                                                   day: date, sources: args.value("sources")!)
        console.line("\(result.file): \(result.changes.isEmpty ? "no change" : "\(result.changes.count) header line\(result.changes.count == 1 ? "" : "s") changed")")
        for c in result.changes { console.line("  \(c)") }
        return 0
    }
}
