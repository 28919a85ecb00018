import ATLModel
import ATLData
import ATLEngine
import ATLPlanning

/// The gap analysis of the SEN information a catalogue holds (docs/audit.md).
public enum AuditService {
    public struct Result: Sendable {
        public var catalogue: Catalogue
        /// The settings audited: the whole catalogue, or one LA's.
        public var settings: [Setting]
        public var analysis: GapAnalysis
        /// The dated facts: coverage by fact, source and age; what only the LA can supply.
        public var facts: FactAudit
        public var stamp: ProvenanceStamp
    }

    /// `weights` gives `facts.check-after-months` (nil: the default weights file, or the built-in defaults).
    /// `localAuthority` (a DfE LA code) audits only that LA's settings, as an LA shares the report with its own
    /// settings and governors.
    public static func run(catalogue root: String, date: RunDate, weights: String? = nil, localAuthority: Int? = nil,
                           notify: EngineLoader.Notify) throws(ATLError) -> Result {
        let catalogue = try CatalogueService.load(root, notify: notify)
        return try run(catalogue, root: root, date: date, weights: try EngineLoader.loadWeights(weights, notify: notify),
                       localAuthority: localAuthority)
    }

    /// The gap analysis of a catalogue already loaded with its weights (the workbench's, loaded once at start-up).
    public static func run(_ catalogue: Catalogue, root: String, date: RunDate, weights w: Weights,
                           localAuthority: Int? = nil) throws(ATLError) -> Result {
        let stamp = ProvenanceStamp(engineVersion: EngineVersion.current, catalogue: CatalogueService.name(root),
                                    catalogueHash: catalogue.contentHash, date: date.text)
        var settings = catalogue.settings
        if let code = localAuthority {
            settings = settings.filter { $0.localAuthority?.code == code }
            guard !settings.isEmpty else {
                throw ATLError(code: "audit.unknown-la", file: root, field: "la", subject: String(code),
                               "no setting of LA \(code) in this catalogue")
            }
        }
        return Result(catalogue: catalogue, settings: settings, analysis: GapAnalysis(settings: settings),
                      facts: FactAudit(settings: settings, runDate: date.text, checkAfterMonths: w.factsCheckAfterMonthsInt),
                      stamp: stamp)
    }

    /// The name of the one LA an analysis covers ("Telford and Wrekin"), nil when it covers several.
    public static func singleLAName(_ a: GapAnalysis) -> String? {
        let las = Set(a.byLA.map(\.localAuthority))
        guard las.count == 1, let la = las.first ?? nil else { return nil }
        return la.name
    }

    /// The settings to write letters to: all, or those with the given URNs. Refused for a SYNTHETIC catalogue
    /// (the letters would state invented facts to real schools) and for URNs not in the catalogue.
    public static func letterRecipients(_ r: Result, urns: Set<Int>, catalogueRoot root: String) throws(ATLError) -> [SettingAudit] {
        if r.catalogue.isSynthetic {
            throw ATLError(code: "audit.letters-for-synthetic-catalogue", file: root, field: "synthetic",
                "this catalogue is SYNTHETIC (real schools with invented SEN facts, from atl synth-national): no letters are written, as they would state invented facts to real schools")
        }
        let chosen = urns.isEmpty ? r.analysis.settings : r.analysis.settings.filter { urns.contains($0.urn) }
        let unknown = urns.subtracting(chosen.map(\.urn)).sorted()
        if !unknown.isEmpty {
            throw ATLError(unknown.map { Diagnostic(code: "audit.unknown-urn", file: root, field: "urn", subject: String($0),
                                                    "no setting with URN \($0) in this catalogue") })
        }
        return chosen
    }
}
