import ATLModel
import ATLData
import ATLEngine
import Foundation

/// One child of a cohort with the home already resolved (so scenarios never re-read postcodes).
public struct CohortChild: Sendable {
    public var profile: NeedsProfile
    public var home: ResolvedHome
    /// SHA-256 of the profile as read ("" for children a scenario added).
    public var profileHash: String
    /// True for a child a demand-growth change added (a marked copy of a cohort child of that need).
    public var addedByScenario: Bool

    public init(profile: NeedsProfile, home: ResolvedHome, profileHash: String = "", addedByScenario: Bool = false) {
        self.profile = profile
        self.home = home
        self.profileHash = profileHash
        self.addedByScenario = addedByScenario
    }
}

/// A scenario applied: the changed catalogue, weights and cohort, and a log line for every change made.
public struct AppliedScenario: Sendable {
    /// What one change did, in words a commissioner reads in the report.
    public struct LogEntry: Sendable, Hashable {
        public var line: Int
        public var operation: String
        public var text: String
        /// True when the change alters a fact of a real setting (closing it, its places, vacancies or needs).
        public var altersRealSetting: Bool
    }

    public var scenario: Scenario
    public var catalogue: Catalogue
    public var weights: Weights
    public var cohort: [CohortChild]
    public var log: [LogEntry]
    /// URNs of the hypothetical settings the scenario opened.
    public var hypothetical: Set<Int>
    /// URNs of the settings the scenario closed.
    public var closed: Set<Int>
}

/// Applies a scenario's changes to a catalogue, weights and cohort. Pure and deterministic: the same inputs and
/// seed give the same result. A change naming a URN that is not in the catalogue is an error.
public enum ScenarioApplication {
    /// URNs of hypothetical settings start here (fictional example settings use 9,000,000 and above).
    public static let firstHypotheticalURN = 9_900_001

    /// Demand growth is bounded (docs/scenario-format.md, docs/limits.md): after a scenario's changes the cohort
    /// may hold at most this many times the children of the input cohort…
    public static let maxGrowthFactor = 10
    /// …and at most this many more children. Every child costs memory for its list and allocation (about
    /// 30 KB), so unbounded compounding growth (+1000% four times over) would exhaust the machine.
    public static let maxAddedChildren = 50_000

    /// The most children a scenario may grow a cohort of `n` to.
    public static func growthLimit(cohort n: Int) -> Int { max(n, min(n * maxGrowthFactor, n + maxAddedChildren)) }

    /// Applies the changes in file order, each to the catalogue, weights and cohort as the changes before it left
    /// them (a setting closed on line 3 cannot be changed on line 5). Every problem is collected, so one run
    /// reports all of a scenario's mistakes; any problem makes the whole scenario an error.
    public static func apply(_ s: Scenario, catalogue: Catalogue, weights: Weights, cohort: [CohortChild],
                             seed: UInt64) throws(ATLError) -> AppliedScenario {
        var draft = Draft(scenario: s, catalogue: catalogue, weights: weights, cohort: cohort, seed: seed)
        for (k, e) in s.changes.enumerated() {
            draft.apply(e, changeNumber: k + 1)
        }
        guard draft.diags.isEmpty else { throw ATLError(draft.diags) }
        return draft.applied()
    }

    /// Whether a scenario changes any setting. Demand, journey and weight changes leave the catalogue exactly as
    /// it was given (the same value, not a rebuilt copy).
    static func changesSettings(_ s: Scenario) -> Bool {
        s.changes.contains(where: { if case .demand = $0.change { false } else if case .maxJourney = $0.change { false } else if case .weight = $0.change { false } else { true } })
    }

    /// Demand growth: with n children of that primary need (in that LA), adds round(n × percent / 100)
    /// copies of them, or removes that many when negative, chosen by a seeded shuffle of the group in reference
    /// order. Copies keep the profile, home and synthetic flag (a cohort is wholly synthetic or wholly real) and
    /// get a marked reference `G<change>-<i>-<original>`; reports count them as added by the scenario.
    /// The number of children a demand change adds (negative: removes), as ``grow`` computes it.
    static func growthDelta(_ cohort: [CohortChild], need: NeedCode, percent: Double, la: Int?) -> Int {
        let n = cohort.lazy.filter { $0.profile.primaryNeed == need && (la == nil || $0.home.localAuthority?.code == la) }.count
        return n == 0 ? 0 : Int((Double(n) * percent / 100).rounded(.toNearestOrAwayFromZero))
    }

    public static func grow(_ cohort: [CohortChild], need: NeedCode, percent: Double, la: Int?, seed: UInt64,
                            stream: UInt64, changeNumber: Int) -> [CohortChild] {
        var group = cohort.indices.filter {
            cohort[$0].profile.primaryNeed == need && (la == nil || cohort[$0].home.localAuthority?.code == la)
        }
        group.sort { cohort[$0].profile.reference < cohort[$1].profile.reference }
        let delta = Int((Double(group.count) * percent / 100).rounded(.toNearestOrAwayFromZero))
        guard delta != 0, !group.isEmpty else { return cohort }
        var rng = SeededRandom(seed: seed, stream: stream)
        rng.shuffle(&group)
        if delta < 0 {
            let drop = Set(group.prefix(-delta))
            return cohort.indices.filter { !drop.contains($0) }.map { cohort[$0] }
        }
        var out = cohort
        for i in 0..<delta {
            var c = cohort[group[i % group.count]]
            c.profile.reference = "G\(changeNumber)-\(i + 1)-\(c.profile.reference)"
            c.profileHash = ""
            c.addedByScenario = true
            out.append(c)
        }
        return out
    }
}
