import ATLModel
import ATLData
import ATLEngine
import Foundation

/// One run (baseline or a scenario) of the cohort against a catalogue.
public struct ScenarioResult: Sendable {
    public var name: String
    public var description: String?
    public var scenarioHash: String
    public var catalogueHash: String
    public var weightsHash: String
    public var log: [AppliedScenario.LogEntry]
    /// Per child, sorted by reference.
    public var children: [ChildOutcome]
    /// Settings in the area of the cohort (or placed at), in URN order.
    public var settings: [SettingUse]
    public var needs: [NeedUse]
    public var districts: [DistrictUse]
    /// Place utilisation by the settings' own district.
    public var settingDistricts: [SettingDistrictUse]
    public var metrics: ScenarioMetrics
}

/// Baseline and scenarios on the same cohort and seed, with each scenario's changed outcomes.
public struct ScenarioComparison: Sendable {
    public var baseline: ScenarioResult
    public var scenarios: [ScenarioResult]
    /// Per scenario, the children whose outcome changed.
    public var changes: [[OutcomeChange]]
    public var stamp: ProvenanceStamp
    public var fictionalCatalogue: Bool
    public var syntheticCohort: Bool
    /// What results rest on: unknown places, types, SEN data in the catalogue.
    public var unknowns: [String]
    /// Real schools with invented SEN facts (`atl synth-national`): every output says SYNTHETIC at the top.
    public var syntheticCatalogue: Bool = false
    /// Settings in the catalogue (the maps draw only those in the cohort's area; the notes count them all).
    public var catalogueSettings: Int = 0
}
