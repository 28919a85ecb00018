import ATLModel
import ATLData
import ATLEngine
import Foundation

/// Where the matching engine's inputs come from: the catalogue (or a snapshot of it), the weights, the
/// postcode lookup and district names, and an optional travel matrix. Relative paths resolve from the working
/// directory; a default file that is missing is a note (built-in defaults or no lookup), a given file that is
/// missing is an error.
public struct EngineSetup: Sendable {
    public static let defaultCatalogue = "provision-catalogue/example-la"
    public static let defaultWeights = "provision-catalogue/weights.conf"
    public static let defaultPostcodes = "provision-catalogue/geography/postcodes-west-midlands.txt"
    public static let defaultDistricts = "provision-catalogue/geography/districts.csv"

    public var catalogue: String = EngineSetup.defaultCatalogue
    /// A snapshot (`atl index`) to load instead of parsing the catalogue's files; checked against them.
    public var index: String?
    /// The weights file; nil for the default file, which may be absent (built-in defaults are used).
    public var weights: String?
    /// The postcode lookup; nil for the default file, which may be absent.
    public var postcodes: String?
    public var travelMatrix: String?
    /// False for commands that never locate a home (the lookup is then not loaded).
    public var needsPostcodes = true

    public init(catalogue: String = EngineSetup.defaultCatalogue, index: String? = nil, weights: String? = nil,
                postcodes: String? = nil, travelMatrix: String? = nil, needsPostcodes: Bool = true) {
        self.catalogue = catalogue
        self.index = index
        self.weights = weights
        self.postcodes = postcodes
        self.travelMatrix = travelMatrix
        self.needsPostcodes = needsPostcodes
    }
}

/// Loads what the engine needs, once: the CLI per command, the web workbench at start-up (then shared read-only
/// across requests). Notes for the user (a default file not found) go to `notify`; warnings in the catalogue too.
public enum EngineLoader {
    public typealias Notify = @Sendable (String) -> Void

    public static func load(_ setup: EngineSetup, notify: Notify) throws(ATLError) -> MatchingEngine {
        let catalogue: Catalogue
        var index: CompiledIndex?
        if let path = setup.index {
            let snapshot = try IndexSnapshot.load(path: path, engineVersion: EngineVersion.current)
            try snapshot.checkFresh(catalogueRoot: setup.catalogue, file: path)
            (catalogue, index) = (snapshot.catalogue, snapshot.index)
        } else {
            catalogue = try CatalogueService.load(setup.catalogue, notify: notify)
        }
        let weights = try loadWeights(setup.weights, notify: notify)
        var postcodes: PostcodeLookup?
        var districts = DistrictTable()
        if setup.needsPostcodes {
            let path = setup.postcodes ?? EngineSetup.defaultPostcodes
            if setup.postcodes != nil || FileManager.default.fileExists(atPath: path) {
                postcodes = try PostcodeLookup.load(path: path)
            } else {
                notify("atl: note: postcodes: no lookup loaded (\(path) not found); give --postcodes for profiles with a home postcode")
            }
            districts = try loadDistricts(notify: notify)
        }
        var matrix: TravelMatrix?
        if let m = setup.travelMatrix { matrix = try TravelMatrix.load(path: m, catalogue: catalogue, postcodes: postcodes) }
        return MatchingEngine(catalogue: catalogue, index: index, weights: weights, postcodes: postcodes, districts: districts,
                              matrix: matrix, engineVersion: EngineVersion.current)
    }

    /// The weights file, or the built-in defaults (with a note) when the default file is not there.
    public static func loadWeights(_ given: String?, defaultPath: String = EngineSetup.defaultWeights,
                                   notify: Notify) throws(ATLError) -> Weights {
        let path = given ?? defaultPath
        guard FileManager.default.fileExists(atPath: path) else {
            if given == nil {
                notify("atl: note: weights: built-in defaults (\(path) not found in \(FileManager.default.currentDirectoryPath); give --weights to use an LA's file)")
                return .defaults
            }
            throw ATLError(code: "input.not-found", file: path, "weights file not found")
        }
        return try Weights.load(path: path)
    }

    /// The district table, or an empty one with a note when the shipped file is not found.
    public static func loadDistricts(notify: Notify) throws(ATLError) -> DistrictTable {
        let path = EngineSetup.defaultDistricts
        guard FileManager.default.fileExists(atPath: path) else {
            notify("atl: note: districts: no district names loaded (\(path) not found in \(FileManager.default.currentDirectoryPath))")
            return DistrictTable()
        }
        return try DistrictTable.load(path: path)
    }
}

/// Loading and checking catalogue folders.
public enum CatalogueService {
    /// Loads a catalogue, passing each warning's text to `notify`; throws the errors (warnings are still shown).
    public static func load(_ root: String, notify: EngineLoader.Notify) throws(ATLError) -> Catalogue {
        let loaded: CatalogueLoader.Loaded
        do { loaded = try CatalogueLoader.load(root: root) } catch {
            for w in error.diagnostics where w.level == .warning { notify(w.description) }
            throw ATLError(error.errors)
        }
        for w in loaded.warnings { notify(w.description) }
        return loaded.catalogue
    }

    /// The outcome of checking a catalogue folder: every problem, and the catalogue when it has no error.
    public struct Validation: Sendable {
        public var catalogue: Catalogue?
        /// Errors and warnings, sorted.
        public var diagnostics: [Diagnostic]
        public var fileCount: Int
        public var seconds: Double
        public var errorCount: Int { diagnostics.filter { $0.level == .error }.count }
        public var warningCount: Int { diagnostics.count - errorCount }
    }

    /// Checks every setting file below `root` and reports every problem at once (`atl validate`). With a
    /// `runDate`, no fact may be dated after it and real `atl-setting/1` files get a warning.
    public static func validate(_ root: String, runDate: String? = nil) -> Validation {
        let start = Date()
        do throws(ATLError) {
            let l = try CatalogueLoader.load(root: root, runDate: runDate)
            return Validation(catalogue: l.catalogue, diagnostics: l.warnings, fileCount: l.fileCount,
                              seconds: Date().timeIntervalSince(start))
        } catch {
            let files = (try? CatalogueLoader.settingFiles(root: root).count) ?? 0
            return Validation(catalogue: nil, diagnostics: error.diagnostics, fileCount: files,
                              seconds: Date().timeIntervalSince(start))
        }
    }

    /// The catalogue's name for stamps: its folder name ("west-midlands"), not the path it was given as.
    public static func name(_ root: String) -> String {
        let trimmed = root.hasSuffix("/") ? String(root.dropLast()) : root
        return trimmed.split(separator: "/").last.map(String.init) ?? trimmed
    }
}
