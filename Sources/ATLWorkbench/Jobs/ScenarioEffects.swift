import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import Foundation

/// What each change of a scenario did, in plain words, and — when a change made no difference — why, worked out
/// from the run itself: the baseline and scenario outcomes, the cohort, and (for new provision nobody took) the
/// engine's own eligibility rules for each child of the needs it is for. Never a guess: every sentence states a
/// count the run produced. A commissioner who opens 16 places and sees no change otherwise cannot tell a
/// mistake in the scenario (places for a need no child has, ages no child is) from a cohort already placed.
enum ScenarioEffects {
    /// Most children of a new provision's needs whose eligibility is checked one by one (the rest are counted).
    static let childrenChecked = 5_000

    struct Inputs {
        var comparison: ScenarioComparison
        var scenario: Scenario
        /// The engine the run used for the unchanged catalogue (for the scenario's changed catalogue a new one is
        /// built only when a new provision needs explaining).
        var engine: MatchingEngine
        var cohort: [CohortChild]
        var seed: UInt64
    }

    /// One paragraph per change, in the scenario's order, after a first line on the scenario as a whole.
    static func explain(_ x: Inputs) -> [String] {
        guard let run = x.comparison.scenarios.first, let changed = x.comparison.changes.first else { return [] }
        let base = x.comparison.baseline
        var out: [String] = []
        if let line = noDifference(run: run, base: base, changed: changed) { out.append(line) }
        var scenarioCatalogue = ScenarioCatalogue()
        var opened = 0
        for (k, entry) in x.scenario.changes.enumerated() {
            let n = "Change \(k + 1)"
            switch entry.change {
            case .open(let h):
                let urn = ScenarioApplication.firstHypotheticalURN + opened
                opened += 1
                if let line = newProvision(n, h, urn: urn, x, run: run, base: base, scenarioCatalogue: &scenarioCatalogue) { out.append(line) }
            case .close(let urn):
                out.append(closedSetting(n, urn: urn, x, base: base))
            case .places(let urn, _), .vacancies(let urn, _), .needs(let urn, _):
                out.append(changedSetting(n, entry.change, urn: urn, x, run: run, base: base))
            case .demand(let need, let percent, let la):
                out.append(changedDemand(n, k, need: need, percent: percent, la: la, run: run, base: base, changed: changed))
            case .maxJourney:
                out.append(changedJourney(n, run: run, base: base))
            case .weight(let key, _):
                out.append("\(n) (weight \(key)): \(count(changed.filter { $0.kind == .moved }.count, "child was", "children were")) placed somewhere else.")
            }
        }
        return out
    }

    /// The first line when nothing changed, so a commissioner is not left to compare two identical tables.
    static func noDifference(run: ScenarioResult, base: ScenarioResult, changed: [OutcomeChange]) -> String? {
        let madeDifference = !changed.isEmpty || run.metrics != base.metrics
        guard !madeDifference else { return nil }
        var line = "This scenario changed no child’s outcome: every child has the same place (or no place) as in the baseline."
        if base.metrics.unplaced == 0 { line += " Every child in the cohort already had a place in the baseline, so extra places could not place anyone new." }
        return line
    }

    /// The catalogue and engine as the scenario changed them, built at most once and only when a new provision
    /// nobody took needs explaining (building them costs a full index).
    struct ScenarioCatalogue {
        var applied: AppliedScenario?
        var engine: MatchingEngine?
    }

    /// A new provision: how many children it placed, or, when none, why not (nil when the engine cannot find it).
    static func newProvision(_ n: String, _ h: HypotheticalSetting, urn: Int, _ x: Inputs, run: ScenarioResult, base: ScenarioResult,
                             scenarioCatalogue sc: inout ScenarioCatalogue) -> String? {
        let placed = run.children.filter { $0.placedURN == urn }.count
        if placed > 0 {
            return "\(n) (open “\(h.name)”): \(count(placed, "child was", "children were")) placed in the new provision."
        }
        let needs = h.needs.codes
        let withNeed = run.children.filter { h.needs.contains($0.primaryNeed) }
        let why = "\(n) (open “\(h.name)”): no child was placed in the new provision. "
        guard !withNeed.isEmpty else {
            return why + "No child in the cohort has a primary need it is designated for (\(names(needs))), and its places are for those needs."
        }
        // The engine's own rules, child by child, on the catalogue as the scenario changed it.
        if sc.applied == nil { sc.applied = try? ScenarioApplication.apply(x.scenario, catalogue: x.engine.catalogue, weights: x.engine.weights, cohort: x.cohort, seed: x.seed) }
        guard let a = sc.applied, let setting = a.catalogue.setting(urn: urn) else {
            return why + "\(count(withNeed.count, "child has", "children have")) a primary need it is designated for."
        }
        if sc.engine == nil {
            sc.engine = MatchingEngine(catalogue: a.catalogue, weights: a.weights, postcodes: x.engine.postcodes, districts: x.engine.districts,
                                       matrix: x.engine.matrix, engineVersion: EngineVersion.current)
        }
        guard let engine = sc.engine, let position = engine.position(ofURN: urn) else { return nil }
        let children = a.cohort.filter { h.needs.contains($0.profile.primaryNeed) }
        let check = eligibility(of: setting, at: position, for: children, engine: engine)
        return why + notTaken(urn: urn, needs: needs, children: children, check: check, engine: engine, base: base)
    }

    /// The engine's own eligibility rules for a new provision, child by child (at most ``childrenChecked``): how
    /// often each rule kept it off a list, and which children could have it on theirs.
    static func eligibility(of setting: Setting, at position: Int, for children: [CohortChild], engine: MatchingEngine)
        -> (ruleCounts: [EligibilityRule: Int], eligible: [String]) {
        var ruleCounts: [EligibilityRule: Int] = [:]
        var eligible: [String] = []
        for c in children.prefix(childrenChecked) {
            let q = engine.query(c.profile, home: c.home)
            let d = EntryExplainer.explain(position: position, setting: setting, query: q, index: engine.index, profile: c.profile, matrixMinutes: nil)
            let broken = EligibilityRule.rules(in: d.outcome.excluded)
            if broken.isEmpty { eligible.append(c.profile.reference) }
            for r in broken { ruleCounts[r, default: 0] += 1 }
        }
        return (ruleCounts, eligible)
    }

    /// Why children of a new provision's needs did not take it: the rules that kept it off their lists, or that
    /// they already had a place, or that better-fitting settings came first on their lists.
    static func notTaken(urn: Int, needs: [NeedCode], children: [CohortChild],
                         check: (ruleCounts: [EligibilityRule: Int], eligible: [String]), engine: MatchingEngine, base: ScenarioResult) -> String {
        let (ruleCounts, eligible) = check
        let checked = min(children.count, childrenChecked)
        var why = "\(count(children.count, "child has", "children have")) a primary need it is designated for (\(names(needs)))"
        if eligible.isEmpty {
            let reasons = EligibilityRule.allCases.compactMap { r in ruleCounts[r].map { "\($0) \(plain(r))" } }
            why += ", but it could not be on any of their lists" + (checked < children.count ? " (of the first \(checked) checked)" : "")
                + (reasons.isEmpty ? "." : ": " + reasons.joined(separator: "; ") + ".")
        } else {
            let placedBefore = Set(base.children.filter(\.placed).map(\.reference))
            let stillUnplaced = eligible.filter { !placedBefore.contains($0) }
            let reasons = EligibilityRule.allCases.compactMap { r in ruleCounts[r].map { "\($0) \(plain(r))" } }
            if !reasons.isEmpty { why += "; \(checked - eligible.count) could not have it on their list (\(reasons.joined(separator: "; ")))" }
            why += "; \(count(eligible.count, "of them", "of them")) could be listed there"
            if stillUnplaced.isEmpty {
                why += ", and every one of them already had a place in the baseline and kept it."
            } else {
                why += onTheirLists(urn: urn, stillUnplaced: stillUnplaced, children: children, engine: engine)
            }
        }
        return why
    }

    /// For eligible children still without a place: their lists on the changed catalogue, to say whether the new
    /// provision was on them.
    static func onTheirLists(urn: Int, stillUnplaced: [String], children: [CohortChild], engine: MatchingEngine) -> String {
        let unplaced = Set(stillUnplaced.prefix(200))
        var offList = 0, onList = 0
        for c in children where unplaced.contains(c.profile.reference) {
            let q = engine.query(c.profile, home: c.home)
            let list = engine.compose(c.profile, home: c.home, query: q, result: engine.score(q), profileHash: "", date: "")
            if list.entries.contains(where: { $0.setting.urn == urn }) { onList += 1 } else { offList += 1 }
        }
        var why = ". \(count(stillUnplaced.count, "of these has", "of these have")) no place in the baseline"
        if offList > 0 { why += "; for \(offList) of them it was not on their list, which keeps the best-fitting settings first" }
        if onList > 0 { why += "; \(onList) had it on their list and were still not placed there" }
        why += "."
        return why
    }

    /// A closed setting: whether anyone placed there had to move.
    static func closedSetting(_ n: String, urn: Int, _ x: Inputs, base: ScenarioResult) -> String {
        let name = settingName(urn, x)
        let before = base.children.filter { $0.placedURN == urn }.count
        return before == 0
            ? "\(n) (close \(name)): no child was placed there in the baseline, so closing it moved no one."
            : "\(n) (close \(name)): \(count(before, "child", "children")) placed there in the baseline had to be placed elsewhere (see the children whose outcome changed)."
    }

    /// Changed places, vacancies or designated needs at a setting: children placed there before and after, and
    /// why an unchanged count is no surprise (it was not full, or no child has the needs).
    static func changedSetting(_ n: String, _ change: ScenarioChange, urn: Int, _ x: Inputs, run: ScenarioResult, base: ScenarioResult) -> String {
        let name = settingName(urn, x)
        let before = base.children.filter { $0.placedURN == urn }.count
        let after = run.children.filter { $0.placedURN == urn }.count
        var line = "\(n) (\(change.operation) at \(name)): \(count(before, "child was", "children were")) placed there in the baseline and \(after) in the scenario."
        if before == after {
            let places = base.settings.first { $0.urn == urn }?.places
            if let p = places, before < p { line += " It was not full in the baseline (\(before) of \(p) places used), so a change to its places did not decide anyone’s place." }
            if case .needs(_, let set) = change, run.children.allSatisfy({ !set.contains($0.primaryNeed) }) {
                line += " No child in the cohort has a primary need it is now designated for (\(names(set.codes)))."
            }
        }
        return line
    }

    /// Changed demand for a need: how many children it applied to and how many were added or removed.
    static func changedDemand(_ n: String, _ k: Int, need: NeedCode, percent: Double, la: Int?, run: ScenarioResult, base: ScenarioResult,
                              changed: [OutcomeChange]) -> String {
        let group = base.children.filter { $0.primaryNeed == need && !$0.addedByScenario && (la == nil || $0.homeLA == la) }
        let added = run.children.filter { $0.addedByScenario && $0.reference.hasPrefix("G\(k + 1)-") }.count
        let removed = changed.filter { $0.kind == .removed }.count
        let whom = "children whose primary need is \(need.plainLabel)" + (la.map { " in LA \($0)" } ?? "")
        if group.isEmpty {
            return "\(n) (demand \(percentText(percent))): no child in the cohort is among the \(whom), so there was no one to add or remove."
        } else if percent >= 0 {
            return "\(n) (demand \(percentText(percent))): \(group.count) \(whom); the scenario added \(added)"
                + (added == 0 ? " (\(group.count) × \(percentText(percent)) rounds to none)." : ".")
        } else {
            return "\(n) (demand \(percentText(percent))): \(group.count) \(whom); the scenario removed \(removed) children in all."
        }
    }

    /// A changed longest journey: how many children have more or fewer settings within reach.
    static func changedJourney(_ n: String, run: ScenarioResult, base: ScenarioResult) -> String {
        var before: [String: Int] = [:]
        for c in base.children { before[c.reference] = c.eligible }
        let more = run.children.filter { c in before[c.reference].map { c.eligible > $0 } ?? false }.count
        let fewer = run.children.filter { c in before[c.reference].map { c.eligible < $0 } ?? false }.count
        return "\(n) (longest journey): \(count(more, "child has", "children have")) more settings within reach and \(fewer) fewer"
            + (more == 0 && fewer == 0 ? ", so no list changed." : ".")
    }

    static func count(_ n: Int, _ one: String, _ many: String) -> String { n == 1 ? "1 \(one)" : "\(n) \(many)" }

    static func names(_ needs: [NeedCode]) -> String { needs.map(\.plainLabel).joined(separator: ", ") }

    static func percentText(_ p: Double) -> String { (p >= 0 ? "+" : "") + Fixed.format(p, places: p.rounded() == p ? 0 : 1) + "%" }

    static func settingName(_ urn: Int, _ x: Inputs) -> String {
        x.engine.catalogue.setting(urn: urn).map { "\($0.name) (URN \(urn))" } ?? "URN \(urn)"
    }

    /// A broken rule as the reason a number of children could not have the setting on their list.
    static func plain(_ r: EligibilityRule) -> String {
        switch r {
        case .journey: "live further away than their longest journey"
        case .phase: "are of a year group it does not admit"
        case .gender: "are of the other sex for a single-sex setting"
        case .typeNotAllowed: "are not considering its type of setting"
        case .mustHaveMissing: "need provision it is not known to have"
        case .notOpen: "would find it not open"
        default: "are ruled out because: " + r.title
        }
    }
}
