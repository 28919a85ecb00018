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

    public static func apply(_ s: Scenario, catalogue: Catalogue, weights: Weights, cohort: [CohortChild],
                             seed: UInt64) throws(ATLError) -> AppliedScenario {
        var byURN: [Int: Setting] = [:]
        for st in catalogue.settings { byURN[st.urn] = st }
        var w = weights
        var children = cohort
        var log: [AppliedScenario.LogEntry] = []
        var hypothetical = Set<Int>(), closed = Set<Int>()
        var diags: [Diagnostic] = []
        var nextURN = firstHypotheticalURN
        let tag = "Scenario \"\(s.name)\""

        var closedOnLine: [Int: Int] = [:]
        func existing(_ urn: Int, _ e: Scenario.Entry, field: String = "setting") -> Setting? {
            guard let st = byURN[urn] else {
                diags.append(Diagnostic(code: "scenario.unknown-urn", file: s.file, line: e.line, field: field,
                    "no setting with URN \(urn) in the catalogue\(catalogue.root.isEmpty ? "" : " \(catalogue.root)")"))
                return nil
            }
            // A change to a setting this scenario already closed would be reported but have no effect.
            if let line = closedOnLine[urn] {
                diags.append(Diagnostic(code: "scenario.setting-already-closed", file: s.file, line: e.line, field: field,
                    "setting \(urn) was closed on line \(line) of this scenario; a closed setting cannot be changed again"
                    + (field == "host" ? " or host a new provision" : "")))
                return nil
            }
            return st
        }
        func label(_ st: Setting) -> String { "\(st.name) (URN \(st.urn)\(hypothetical.contains(st.urn) ? ", hypothetical" : ""))" }
        func note(_ e: Scenario.Entry, _ text: String, real: Bool) {
            log.append(.init(line: e.line, operation: e.change.operation, text: text, altersRealSetting: real))
        }

        for (k, e) in s.changes.enumerated() {
            switch e.change {
            case .open(let h):
                while byURN[nextURN] != nil { nextURN += 1 }
                let urn = nextURN
                nextURN += 1
                var st = Setting(urn: urn, name: "Hypothetical: \(h.name)", fictional: catalogue.isFictional,
                                 type: h.type, status: .open, sources: ["\(tag): hypothetical setting, not a real one"])
                if let hostURN = h.host {
                    guard let host = existing(hostURN, e, field: "host") else { continue }
                    st.localAuthority = host.localAuthority
                    st.location = host.location
                    st.postcode = host.postcode
                    st.nearestPostcode = host.nearestPostcode
                    st.phase = host.phase
                    st.ageRange = host.ageRange
                    st.gender = host.gender
                    st.religiousCharacter = host.religiousCharacter
                    // A resourced provision is inspected as part of its host school.
                    st.ofsted = host.ofsted
                    st.sources.append("location, phase, ages, gender, faith and Ofsted of the host, \(label(host))")
                    if host.location == nil {
                        diags.append(Diagnostic(code: "scenario.host-without-location", file: s.file, line: e.line, field: "host",
                            "the host URN \(hostURN) has no location in the catalogue; give easting and northing instead"))
                        continue
                    }
                }
                if let p = h.location { st.location = p }
                if let a = h.ageRange { st.ageRange = a }
                if let p = h.phase { st.phase = p }
                if let code = h.localAuthority {
                    let known = catalogue.settings.lazy.compactMap(\.localAuthority).first { $0.code == code }
                    st.localAuthority = known ?? LocalAuthority(code: code, name: "LA \(code)")
                }
                st.needs = h.needs
                st.specialistProvision = h.type == .mainstreamResourced ? .resourcedProvision : nil
                st.specialistPlaces = h.places
                st.specialistOnRoll = 0
                // The hypothetical setting is the provision only: a resourced provision has no general places of
                // its own (the host keeps those), so children it is not designated for find it full.
                st.capacity = h.places
                st.onRoll = h.type == .mainstreamResourced ? h.places : 0
                st.facilities = h.facilities
                byURN[urn] = st
                hypothetical.insert(urn)
                let needs = h.needs.codes.map(\.plainLabel).joined(separator: "; ")
                note(e, "Opened \(label(st)): \(h.type.shortTitle), \(h.places) places for \(needs)"
                     + (h.host.map { " in the host setting URN \($0)" } ?? " at a new site")
                     + ". Its SEN information report is unknown; facilities \(h.facilities == nil ? "unknown" : "as given").", real: false)
            case .close(let urn):
                guard var st = existing(urn, e) else { continue }
                st.status = .closed
                st.sources.append("\(tag): closed")
                byURN[urn] = st
                closed.insert(urn)
                closedOnLine[urn] = e.line
                note(e, "Closed \(label(st)) to new placements.", real: !hypothetical.contains(urn))
            case .places(let urn, let places):
                guard var st = existing(urn, e) else { continue }
                let before = st.specialistPlaces
                st.specialistPlaces = places
                if st.specialistVacanciesStated != nil {
                    st.specialistVacanciesStated = nil
                }
                if st.specialistOnRoll == nil {
                    diags.append(Diagnostic(code: "scenario.places-without-on-roll", file: s.file, line: e.line, field: "setting",
                        "URN \(urn) has no specialist on-roll figure in the catalogue, so its vacancies after the change would be unknown; use a 'vacancies' change instead"))
                    continue
                }
                st.sources.append("\(tag): specialist places \(before.map(String.init) ?? "unknown") → \(places)")
                byURN[urn] = st
                note(e, "Specialist places at \(label(st)): \(before.map(String.init) ?? "unknown") → \(places) (on roll \(st.specialistOnRoll!), so vacancies \(st.specialistVacancies!)).",
                     real: !hypothetical.contains(urn))
            case .vacancies(let urn, let v):
                guard var st = existing(urn, e) else { continue }
                var assumption = ""
                let before: Int?
                if st.hasSpecialistOffer {
                    before = st.specialistVacancies
                    st.specialistVacanciesStated = v
                } else {
                    // No specialist offer: the vacancies are the general ones, capacity − on roll.
                    before = st.generalVacancies
                    switch (st.capacity, st.onRoll) {
                    case (let c?, _) where c >= v: st.onRoll = c - v
                    case (_, let r?): st.capacity = r + v
                    default:
                        st.capacity = v
                        st.onRoll = 0
                        assumption = " (capacity and number on roll are not known: the scenario assumes \(v) places)"
                    }
                }
                st.sources.append("\(tag): vacancies \(before.map(String.init) ?? "unknown") → \(v)")
                byURN[urn] = st
                note(e, "Vacancies at \(label(st)): \(before.map(String.init) ?? "unknown") → \(v)\(assumption).", real: !hypothetical.contains(urn))
            case .needs(let urn, let needs):
                guard var st = existing(urn, e) else { continue }
                let before = st.needs.map { $0.codes.map(\.plainLabel).joined(separator: "; ") } ?? "unknown"
                st.needs = needs
                st.sources.append("\(tag): designated needs changed")
                byURN[urn] = st
                note(e, "Designated needs at \(label(st)): \(before) → \(needs.codes.map(\.plainLabel).joined(separator: "; ")).",
                     real: !hypothetical.contains(urn))
            case .weight(let key, let value):
                let p = Weights.parameters.first { $0.key == key }!
                let before = w[keyPath: p.path]
                w[keyPath: p.path] = value
                note(e, "Weight \(key): \(Fixed.format(before, places: 2)) → \(Fixed.format(value, places: 2)).", real: false)
            case .maxJourney(let km):
                for i in children.indices { children[i].profile.maxJourneyKm = km }
                note(e, "Every child's longest acceptable journey set to \(Fixed.format(km, places: 1)) km.", real: false)
            case .demand(let need, let percent, let la):
                let before = children.count
                let limit = growthLimit(cohort: cohort.count)
                let added = growthDelta(children, need: need, percent: percent, la: la)
                if before + added > limit {
                    diags.append(Diagnostic(code: "scenario.growth-too-large", file: s.file, line: e.line, field: "growth",
                        "this change would take the cohort to \(before + added) children; a scenario may grow a cohort of \(cohort.count) to at most \(limit) (\(maxGrowthFactor) times the cohort, and at most \(maxAddedChildren) more; see docs/scenario-format.md)"))
                    continue
                }
                children = grow(children, need: need, percent: percent, la: la, seed: seed, stream: UInt64(k + 1), changeNumber: k + 1)
                let where_ = la.map { " living in LA \($0)" } ?? ""
                let delta = children.count - before
                let group = children.filter { $0.profile.primaryNeed == need && (la == nil || $0.home.localAuthority?.code == la) }
                if group.isEmpty && delta == 0 {
                    note(e, "Demand for \(need.plainLabel)\(where_): the cohort has no children with that primary need\(la == nil ? "" : " there"), so nothing changed.", real: false)
                    continue
                }
                note(e, "Demand for \(need.plainLabel)\(where_) \(percent >= 0 ? "+" : "")\(Fixed.format(percent, places: 1))%: "
                     + (delta >= 0 ? "\(delta) \(delta == 1 ? "child" : "children") added (copies of cohort children with that primary need, references marked 'G\(k + 1)-')."
                                   : "\(-delta) \(delta == -1 ? "child" : "children") removed."), real: false)
            }
        }
        guard diags.isEmpty else { throw ATLError(diags) }
        let settings = byURN.values.sorted { $0.urn < $1.urn }
        let cat = s.changes.contains(where: { if case .demand = $0.change { false } else if case .maxJourney = $0.change { false } else if case .weight = $0.change { false } else { true } })
            ? Catalogue(settings: settings, files: catalogue.files, root: catalogue.root)
            : catalogue
        return AppliedScenario(scenario: s, catalogue: cat, weights: w, cohort: children, log: log,
                               hypothetical: hypothetical, closed: closed)
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
