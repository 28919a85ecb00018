import ATLModel
import ATLEngine
import ATLServices
import Foundation

/// Options shared by every command that scores children, and what they become: an ``EngineSetup`` and a
/// ``RunDate`` for the services.
enum EngineOptions {
    static let options: [OptionSpec] = [
        CommonOptions.catalogue,
        .value("weights", "file", "Scoring weights file", default: EngineSetup.defaultWeights),
        .value("postcodes", "file", "Postcode lookup", default: EngineSetup.defaultPostcodes),
        .value("travel-matrix", "csv", "Road distances/times from a routing engine (docs/travel-matrix.md)"),
        .value("date", "YYYY-MM-DD", "Run date (default: today): written in the audit stamp, and it sets the academic year that turns a date of birth into a year group; fix it to reproduce an output"),
        .value("index", "file", "Load the catalogue from this snapshot ('atl index') instead of its text files"),
    ]

    static func setup(_ args: ParsedArguments, needsPostcodes: Bool = true) -> EngineSetup {
        EngineSetup(catalogue: args.value("catalogue")!, index: args.value("index"), weights: args.given("weights"),
                    postcodes: args.given("postcodes"), travelMatrix: args.value("travel-matrix"), needsPostcodes: needsPostcodes)
    }

    /// `--date`, checked (a usage error when it is not a real date), or today in England.
    static func date(_ args: ParsedArguments) throws -> RunDate {
        guard let given = args.value("date") else { return RunDate.today() }
        guard let d = RunDate(given) else { throw CLIError.usage(RunDate.problem(given)) }
        return d
    }

    static func engine(_ args: ParsedArguments, console: Console, needsPostcodes: Bool = true) throws -> MatchingEngine {
        try EngineLoader.load(setup(args, needsPostcodes: needsPostcodes), notify: console.notify)
    }
}

/// Options shared by most commands.
enum CommonOptions {
    static let catalogue = OptionSpec.value(
        "catalogue", "dir", "Catalogue folder (the real one is provision-catalogue/west-midlands)",
        default: EngineSetup.defaultCatalogue)
    static let output = OptionSpec.value("output", "path", "Write the result to this file instead of standard output")
}

extension Console {
    /// Notes and warnings from the services, one line each on standard error.
    var notify: EngineLoader.Notify { { [self] line in self.errLine(line) } }
}
