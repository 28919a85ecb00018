import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import ATLSynthetic
import ATLRender
import ATLRender
import Foundation

/// Options and loading shared by every command that scores children.
enum EngineOptions {
    static let defaultWeights = "provision-catalogue/weights.conf"
    static let defaultPostcodes = "provision-catalogue/geography/postcodes-west-midlands.txt"
    static let defaultDistricts = "provision-catalogue/geography/districts.csv"

    static let options: [OptionSpec] = [
        CommonOptions.catalogue,
        .value("weights", "file", "Scoring weights file", default: defaultWeights),
        .value("postcodes", "file", "Postcode lookup", default: defaultPostcodes),
        .value("travel-matrix", "csv", "Road distances/times from a routing engine (docs/travel-matrix.md)"),
        .value("date", "YYYY-MM-DD", "Run date (default: today): written in the audit stamp, and it sets the academic year that turns a date of birth into a year group; fix it to reproduce an output"),
        .value("index", "file", "Load the catalogue from this snapshot ('atl index') instead of its text files"),
    ]

    static func date(_ args: ParsedArguments) throws -> String {
        try AuditCommand.auditDate(args.value("date"))
    }

    /// The academic year (starting calendar year) of the run date, for turning dates of birth into year groups.
    static func academicYear(_ date: String) -> Int { CalendarDate.academicYear(of: date)! }

    static func weights(_ args: ParsedArguments, console: Console) throws -> Weights {
        let path = args.value("weights")!
        if args.values("weights").isEmpty && !FileManager.default.fileExists(atPath: path) {
            console.errLine("atl: note: weights: built-in defaults (\(path) not found in \(FileManager.default.currentDirectoryPath); give --weights to use an LA's file)")
            return .defaults
        }
        if !FileManager.default.fileExists(atPath: path) { throw CLIError.input([Diagnostic(code: "cli.list.weights", file: path, field: "weights", "weights file not found")]) }
        return try Weights.load(path: path)
    }

    static func engine(_ args: ParsedArguments, console: Console, needPostcodes: Bool = true) throws -> MatchingEngine {
        var catalogue: Catalogue
        var index: CompiledIndex?
        if let path = args.value("index") {
            let snapshot = try IndexSnapshot.load(path: path, engineVersion: ATL.version)
            try snapshot.checkFresh(catalogueRoot: args.value("catalogue")!, file: path)
            (catalogue, index) = (snapshot.catalogue, snapshot.index)
        } else {
            catalogue = try CommandSupport.loadCatalogue(args.value("catalogue")!, console: console)
        }
        let w = try weights(args, console: console)
        var postcodes: PostcodeLookup?
        var districts = DistrictTable()
        if needPostcodes {
            let path = args.value("postcodes")!
            if FileManager.default.fileExists(atPath: path) || !args.values("postcodes").isEmpty {
                postcodes = try PostcodeLookup.load(path: path)
            } else {
                console.errLine("atl: note: postcodes: no lookup loaded (\(path) not found); give --postcodes for profiles with a home postcode")
            }
            districts = try loadDistricts(console: console)
        }
        var matrix: TravelMatrix?
        if let m = args.value("travel-matrix") {
            matrix = try TravelMatrix.load(path: m, catalogue: catalogue, postcodes: postcodes)
        }
        return MatchingEngine(catalogue: catalogue, index: index, weights: w, postcodes: postcodes, districts: districts,
                              matrix: matrix, engineVersion: ATL.version)
    }

    /// The district table, or an empty one with a note on stderr when the shipped file is not found.
    static func loadDistricts(console: Console) throws -> DistrictTable {
        guard FileManager.default.fileExists(atPath: defaultDistricts) else {
            console.errLine("atl: note: districts: no district names loaded (\(defaultDistricts) not found in \(FileManager.default.currentDirectoryPath))")
            return DistrictTable()
        }
        return try DistrictTable.load(path: defaultDistricts)
    }

    /// Reads and parses a profile; returns it with the SHA-256 of its bytes.
    static func profile(_ path: String, academicYear: Int) throws -> (NeedsProfile, String) {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            throw CLIError.input([Diagnostic(code: "cli.list.folder-profile", file: path, "is a folder, not a profile")])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError.input([Diagnostic(code: "cli.list.profile-found", file: path, "profile not found")])
        }
        let bytes = [UInt8](data)
        return (try ProfileParser.parse(bytes, file: path, academicYear: academicYear), SHA256.hex(bytes))
    }
}

enum ListFormat: String, CaseIterable { case md, json, csv, html }

enum ListCommand {
    static let spec = CommandSpec(
        name: "list",
        abstract: "Build an explained advisory list of settings for one child's needs profile.",
        discussion: """
            Scores every setting in the catalogue against the profile (eligibility rules, need match, report
            evidence, journey, vacancies, preferences), composes a list that illustrates choice, and explains each
            listed setting. The list is advisory: an officer reviews it and the family may name any school.
            Formats: md (default), json (schema atl-list/1), csv, html (self-contained page for families).
            """,
        options: [.value("profile", "file", "The child's needs profile (.profile)", required: true),
                  .value("format", "md|json|csv|html", "Output format", default: "md"),
                  CommonOptions.output] + EngineOptions.options
    ) { args, console in
        let format = try args.choice("format", ListFormat.self)!
        let date = try EngineOptions.date(args)
        let path = try args.required("profile")
        let (profile, hash) = try EngineOptions.profile(path, academicYear: EngineOptions.academicYear(date))
        let engine = try EngineOptions.engine(args, console: console)
        let list = try engine.advisoryList(for: profile, file: path, profileHash: hash, date: date)
        let text: String
        switch format {
        case .md: text = ListMarkdown.render(list)
        case .json: text = ListJSON.render(list)
        case .csv: text = ListCSV.render(list)
        case .html: text = ListHTML.render(list)
        }
        try CommandSupport.emit(text, to: args.value("output"), console: console)
        return 0
    }
}

enum WhyCommand {
    static let spec = CommandSpec(
        name: "why",
        abstract: "Explain why a setting is or is not on a child's list.",
        discussion: "Lists every eligibility rule the setting breaks, its score breakdown and rank, and what is unknown.",
        options: [.value("profile", "file", "The child's needs profile", required: true),
                  .value("setting", "urn", "URN of the setting to explain", required: true)] + EngineOptions.options
    ) { args, console in
        let date = try EngineOptions.date(args)
        let path = try args.required("profile")
        guard let urn = try args.int("setting", min: 1) else { throw CLIError.usage("missing --setting") }
        let (profile, _) = try EngineOptions.profile(path, academicYear: EngineOptions.academicYear(date))
        let engine = try EngineOptions.engine(args, console: console)
        let a = try engine.why(profile, file: path, urn: urn)
        console.out(WhyText.render(a, reference: profile.reference))
        return 0
    }
}

enum WeightsCommand {
    static let spec = CommandSpec(
        name: "weights",
        abstract: "Print the scoring weights in use (defaults, or a weights file checked and completed).",
        options: [.value("weights", "file", "A weights file to check and print in full"), CommonOptions.output]
    ) { args, console in
        var w = Weights.defaults
        if let path = args.value("weights") {
            w = try Weights.load(path: path)
        }
        try CommandSupport.emit(w.render(), to: args.value("output"), console: console)
        console.errLine("weights hash \(w.hash)")
        return 0
    }
}
