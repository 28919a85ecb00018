import ATLModel
import ATLData
import ATLEngine

extension ScenarioApplication {
    /// The scenario's catalogue, weights and cohort part-way through its changes, with the log so far and every
    /// problem found. Each kind of change is one function below; none throws, so every problem in a scenario
    /// is found in one run (``apply(_:catalogue:weights:cohort:seed:)`` throws them together at the end).
    struct Draft {
        let scenario: Scenario
        /// The catalogue as given: LAs named by code are looked up here, and it is kept when no setting changes.
        let catalogue: Catalogue
        /// Children in the input cohort: demand growth is bounded by this, not by the cohort grown so far.
        let inputCohortSize: Int
        let seed: UInt64
        /// "Scenario "<name>"", the start of every source line the scenario adds to a setting.
        let tag: String

        var byURN: [Int: Setting] = [:]
        var weights: Weights
        var children: [CohortChild]
        var log: [AppliedScenario.LogEntry] = []
        var hypothetical = Set<Int>()
        var closed = Set<Int>()
        var diags: [Diagnostic] = []
        var nextURN = ScenarioApplication.firstHypotheticalURN
        /// The line that closed each closed setting, for the message when a later line changes it.
        var closedOnLine: [Int: Int] = [:]

        init(scenario s: Scenario, catalogue: Catalogue, weights: Weights, cohort: [CohortChild], seed: UInt64) {
            scenario = s
            self.catalogue = catalogue
            inputCohortSize = cohort.count
            self.seed = seed
            tag = "Scenario \"\(s.name)\""
            for st in catalogue.settings { byURN[st.urn] = st }
            self.weights = weights
            children = cohort
        }

        /// One change. `changeNumber` (1-based) seeds demand growth and marks the children it adds.
        mutating func apply(_ e: Scenario.Entry, changeNumber: Int) {
            switch e.change {
            case .open(let h): open(h, e)
            case .close(let urn): close(urn, e)
            case .places(let urn, let places): setPlaces(urn, places, e)
            case .vacancies(let urn, let v): setVacancies(urn, v, e)
            case .needs(let urn, let needs): setNeeds(urn, needs, e)
            case .weight(let key, let value): setWeight(key, value, e)
            case .maxJourney(let km): setMaxJourney(km, e)
            case .demand(let need, let percent, let la): changeDemand(need, percent, la, e, changeNumber: changeNumber)
            }
        }

        /// The scenario applied. The catalogue is rebuilt (in URN order) only when a change touched a setting.
        func applied() -> AppliedScenario {
            let settings = byURN.values.sorted { $0.urn < $1.urn }
            let cat = ScenarioApplication.changesSettings(scenario)
                ? Catalogue(settings: settings, files: catalogue.files, root: catalogue.root)
                : catalogue
            return AppliedScenario(scenario: scenario, catalogue: cat, weights: weights, cohort: children, log: log,
                                   hypothetical: hypothetical, closed: closed)
        }

        // MARK: Helpers shared by the changes

        /// The setting a change names, or nil with a diagnostic: a URN not in the catalogue, or a setting this
        /// scenario already closed (a change to it would be reported but have no effect).
        mutating func existing(_ urn: Int, _ e: Scenario.Entry, field: String = "setting") -> Setting? {
            guard let st = byURN[urn] else {
                diags.append(Diagnostic(code: "scenario.unknown-urn", file: scenario.file, line: e.line, field: field,
                    "no setting with URN \(urn) in the catalogue\(catalogue.root.isEmpty ? "" : " \(catalogue.root)")"))
                return nil
            }
            if let line = closedOnLine[urn] {
                diags.append(Diagnostic(code: "scenario.setting-already-closed", file: scenario.file, line: e.line, field: field,
                    "setting \(urn) was closed on line \(line) of this scenario; a closed setting cannot be changed again"
                    + (field == "host" ? " or host a new provision" : "")))
                return nil
            }
            return st
        }

        /// "Name (URN n)" or "Name (URN n, hypothetical)", as the report's log names a setting.
        func label(_ st: Setting) -> String { "\(st.name) (URN \(st.urn)\(hypothetical.contains(st.urn) ? ", hypothetical" : ""))" }

        /// Adds a log line. `real` marks a change to a fact of a real setting, which reports flag.
        mutating func note(_ e: Scenario.Entry, _ text: String, real: Bool) {
            log.append(.init(line: e.line, operation: e.change.operation, text: text, altersRealSetting: real))
        }

        /// Stores a changed setting and its log line; the change alters a real setting unless the scenario opened it.
        mutating func store(_ st: Setting, _ e: Scenario.Entry, _ text: String) {
            byURN[st.urn] = st
            note(e, text, real: !hypothetical.contains(st.urn))
        }

        // MARK: Opening a hypothetical setting

        /// Opens a hypothetical setting: a resourced provision in a host school (taking the host's location,
        /// phase, ages, gender, faith and Ofsted) or a new site; facts the scenario gives win over the host's.
        /// Its URN is the next free one from ``ScenarioApplication/firstHypotheticalURN`` (taken before the host
        /// is checked).
        mutating func open(_ h: HypotheticalSetting, _ e: Scenario.Entry) {
            while byURN[nextURN] != nil { nextURN += 1 }
            let urn = nextURN
            nextURN += 1
            var st = Setting(urn: urn, name: "Hypothetical: \(h.name)", fictional: catalogue.isFictional,
                             type: h.type, status: .open, sources: ["\(tag): hypothetical setting, not a real one"])
            if let hostURN = h.host {
                guard let host = existing(hostURN, e, field: "host") else { return }
                takeFacts(of: host, into: &st)
                if host.location == nil {
                    diags.append(Diagnostic(code: "scenario.host-without-location", file: scenario.file, line: e.line, field: "host",
                        "the host URN \(hostURN) has no location in the catalogue; give easting and northing instead"))
                    return
                }
            }
            giveFacts(h, to: &st)
            byURN[urn] = st
            hypothetical.insert(urn)
            let needs = h.needs.codes.map(\.plainLabel).joined(separator: "; ")
            note(e, "Opened \(label(st)): \(h.type.shortTitle), \(h.places) places for \(needs)"
                 + (h.host.map { " in the host setting URN \($0)" } ?? " at a new site")
                 + ". Its SEN information report is unknown; facilities \(h.facilities == nil ? "unknown" : "as given").", real: false)
        }

        /// The facts a provision shares with the school that hosts it, with a source line naming the host.
        func takeFacts(of host: Setting, into st: inout Setting) {
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
        }

        /// The facts the scenario file gives: where and for whom, and the provision itself. An LA code the
        /// catalogue knows takes that LA's name.
        func giveFacts(_ h: HypotheticalSetting, to st: inout Setting) {
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
        }

        // MARK: Changing a setting

        /// Closes a setting to new placements; later lines may not change it.
        mutating func close(_ urn: Int, _ e: Scenario.Entry) {
            guard var st = existing(urn, e) else { return }
            st.status = .closed
            st.sources.append("\(tag): closed")
            byURN[urn] = st
            closed.insert(urn)
            closedOnLine[urn] = e.line
            note(e, "Closed \(label(st)) to new placements.", real: !hypothetical.contains(urn))
        }

        /// New specialist places. Vacancies then follow from places − on roll (a stated vacancy figure would
        /// contradict the new places, so it is dropped); without an on-roll figure they would be unknown, so the
        /// change is refused in favour of a `vacancies` change.
        mutating func setPlaces(_ urn: Int, _ places: Int, _ e: Scenario.Entry) {
            guard var st = existing(urn, e) else { return }
            let before = st.specialistPlaces
            st.specialistPlaces = places
            if st.specialistVacanciesStated != nil {
                st.specialistVacanciesStated = nil
            }
            if st.specialistOnRoll == nil {
                diags.append(Diagnostic(code: "scenario.places-without-on-roll", file: scenario.file, line: e.line, field: "setting",
                    "URN \(urn) has no specialist on-roll figure in the catalogue, so its vacancies after the change would be unknown; use a 'vacancies' change instead"))
                return
            }
            st.sources.append("\(tag): specialist places \(before.map(String.init) ?? "unknown") → \(places)")
            store(st, e, "Specialist places at \(label(st)): \(before.map(String.init) ?? "unknown") → \(places) (on roll \(st.specialistOnRoll!), so vacancies \(st.specialistVacancies!)).")
        }

        /// New vacancies: the specialist vacancies of a setting with a specialist offer, else its general ones,
        /// kept as capacity − on roll (changing on roll when capacity is known, else capacity; with neither
        /// known the scenario assumes that many places and says so).
        mutating func setVacancies(_ urn: Int, _ v: Int, _ e: Scenario.Entry) {
            guard var st = existing(urn, e) else { return }
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
            store(st, e, "Vacancies at \(label(st)): \(before.map(String.init) ?? "unknown") → \(v)\(assumption).")
        }

        /// New designated needs for a setting.
        mutating func setNeeds(_ urn: Int, _ needs: NeedSet, _ e: Scenario.Entry) {
            guard var st = existing(urn, e) else { return }
            let before = st.needs.map { $0.codes.map(\.plainLabel).joined(separator: "; ") } ?? "unknown"
            st.needs = needs
            st.sources.append("\(tag): designated needs changed")
            store(st, e, "Designated needs at \(label(st)): \(before) → \(needs.codes.map(\.plainLabel).joined(separator: "; ")).")
        }

        // MARK: Changing the weights and the cohort

        /// One scoring weight (the parser has checked the key).
        mutating func setWeight(_ key: String, _ value: Double, _ e: Scenario.Entry) {
            let p = Weights.parameters.first { $0.key == key }!
            let before = weights[keyPath: p.path]
            weights[keyPath: p.path] = value
            note(e, "Weight \(key): \(Fixed.format(before, places: 2)) → \(Fixed.format(value, places: 2)).", real: false)
        }

        /// Every child's longest acceptable journey, including children added by earlier demand changes.
        mutating func setMaxJourney(_ km: Double, _ e: Scenario.Entry) {
            for i in children.indices { children[i].profile.maxJourneyKm = km }
            note(e, "Every child's longest acceptable journey set to \(Fixed.format(km, places: 1)) km.", real: false)
        }

        /// Grows or shrinks the children of one primary need (in one LA) by a percentage (``grow``), refused
        /// when it would take the cohort past ``growthLimit(cohort:)`` of the input cohort.
        mutating func changeDemand(_ need: NeedCode, _ percent: Double, _ la: Int?, _ e: Scenario.Entry, changeNumber k: Int) {
            let before = children.count
            let limit = growthLimit(cohort: inputCohortSize)
            let added = growthDelta(children, need: need, percent: percent, la: la)
            if before + added > limit {
                diags.append(Diagnostic(code: "scenario.growth-too-large", file: scenario.file, line: e.line, field: "growth",
                    "this change would take the cohort to \(before + added) children; a scenario may grow a cohort of \(inputCohortSize) to at most \(limit) (\(maxGrowthFactor) times the cohort, and at most \(maxAddedChildren) more; see docs/scenario-format.md)"))
                return
            }
            children = grow(children, need: need, percent: percent, la: la, seed: seed, stream: UInt64(k), changeNumber: k)
            let where_ = la.map { " living in LA \($0)" } ?? ""
            let delta = children.count - before
            let group = children.filter { $0.profile.primaryNeed == need && (la == nil || $0.home.localAuthority?.code == la) }
            if group.isEmpty && delta == 0 {
                note(e, "Demand for \(need.plainLabel)\(where_): the cohort has no children with that primary need\(la == nil ? "" : " there"), so nothing changed.", real: false)
                return
            }
            note(e, "Demand for \(need.plainLabel)\(where_) \(percent >= 0 ? "+" : "")\(Fixed.format(percent, places: 1))%: "
                 + (delta >= 0 ? "\(delta) \(delta == 1 ? "child" : "children") added (copies of cohort children with that primary need, references marked 'G\(k)-')."
                               : "\(-delta) \(delta == -1 ? "child" : "children") removed."), real: false)
        }
    }
}
