import ATLModel
import ATLData
import Foundation

/// Where a child's home is, resolved from the profile.
public struct ResolvedHome: Sendable, Hashable {
    public var point: GridPoint
    /// Postcode district (outward code), when the home was given as a postcode.
    public var postcodeDistrict: String?
    /// ONS district code, when known.
    public var districtCode: String?
    public var localAuthority: LocalAuthority?
    /// Key into a travel matrix (the postcode as given).
    public var matrixOrigin: String?
    public var approximate: Bool
}

/// Everything a list is computed from, loaded once: catalogue → compiled index, weights, geography, and an
/// optional travel matrix. Data flows one way: catalogue → index → scoring → list → renderers.
public struct MatchingEngine: Sendable {
    public let catalogue: Catalogue
    public let index: CompiledIndex
    public let weights: Weights
    public let postcodes: PostcodeLookup?
    public let districts: DistrictTable
    public let matrix: TravelMatrix?
    public let engineVersion: String
    private let positionByURN: [Int32: Int]
    /// The LAs of the catalogue's settings, by code.
    public let catalogueAuthorities: [LocalAuthority]
    /// Listed settings' reports split into sentences, by position, for evidence quotes (shared by copies).
    public let reportSplits = ReportSplits()

    public init(catalogue: Catalogue, index: CompiledIndex? = nil, weights: Weights = .defaults,
                postcodes: PostcodeLookup? = nil, districts: DistrictTable = DistrictTable(),
                matrix: TravelMatrix? = nil, engineVersion: String) {
        self.catalogue = catalogue
        let idx = index ?? CompiledIndex(catalogue)
        self.index = idx
        self.weights = weights
        self.postcodes = postcodes
        self.districts = districts
        self.matrix = matrix
        self.engineVersion = engineVersion
        var m: [Int32: Int] = [:]
        for i in 0..<idx.count { m[idx.urn[i]] = i }
        self.positionByURN = m
        self.catalogueAuthorities = Array(Set(catalogue.settings.compactMap(\.localAuthority))).sorted()
    }

    public func position(ofURN urn: Int) -> Int? { positionByURN[Int32(clamping: urn)] }

    /// Resolves the profile's home. Errors name the profile file and field.
    public func resolveHome(_ p: NeedsProfile, file: String) throws(ATLError) -> ResolvedHome {
        switch p.home {
        case .grid(let g):
            guard g.isInGreatBritain else {
                throw ATLError(code: "engine.home-outside-great-britain", file: file, line: p.lineOf["home-easting"], field: "home-easting", "home coordinates are outside Great Britain")
            }
            return ResolvedHome(point: g, postcodeDistrict: nil, districtCode: nil, localAuthority: nil, matrixOrigin: nil, approximate: false)
        case .postcode(let pc):
            guard let lookup = postcodes else {
                throw ATLError(code: "engine.no-postcode-lookup", file: file, line: p.lineOf["home-postcode"], field: "home-postcode",
                                 "no postcode lookup is loaded; give home-easting and home-northing")
            }
            guard let m = lookup.locate(pc) else {
                throw ATLError(code: "engine.postcode-not-in-lookup", file: file, line: p.lineOf["home-postcode"], field: "home-postcode",
                    "this postcode (district \(Postcode.outcode(of: pc))) is not in the postcode lookup (it holds \(lookup.coverage)); give home-easting and home-northing instead")
            }
            return ResolvedHome(point: m.point, postcodeDistrict: String(Postcode.outcode(of: m.postcode)),
                                districtCode: m.districtCode, localAuthority: homeAuthority(districts.localAuthority(m.districtCode)),
                                matrixOrigin: m.postcode, approximate: m.precision == .outcode)
        }
    }

    /// The home's LA as this catalogue sees it. The fictional example LA overlays real geography, so in a
    /// fictional catalogue with one LA every home belongs to it; otherwise the district's own LA.
    func homeAuthority(_ districtLA: LocalAuthority?) -> LocalAuthority? {
        if catalogue.isFictional, let only = catalogueAuthorities.first, catalogueAuthorities.count == 1 { return only }
        return districtLA
    }

    /// Compiles the query for a child (resolving matrix distances to index positions).
    public func query(_ p: NeedsProfile, home: ResolvedHome) -> CompiledQuery {
        var matrixKm: [Float] = []
        if let matrix, let origin = home.matrixOrigin, let legs = matrix.legs(from: origin) {
            matrixKm = [Float](repeating: .nan, count: index.count)
            for (urn, leg) in legs { if let i = position(ofURN: urn) { matrixKm[i] = Float(leg.km) } }
        }
        return CompiledQuery(profile: p, home: home.point, homeLA: home.localAuthority?.code, index: index,
                             weights: weights, matrixKm: matrixKm)
    }

    func matrixMinutes(_ home: ResolvedHome, urn: Int) -> Double? {
        guard let origin = home.matrixOrigin else { return nil }
        return matrix?.legs(from: origin)?[urn]?.minutes
    }

    /// Scores every setting within the child's maximum journey, keeping the best `list.size` of each setting type
    /// (all list composition can use). `threads` > 1 splits one child's scoring (a batch passes 1).
    public func score(_ q: CompiledQuery, threads: Int = 1) -> ScoringResult {
        Scorer.score(q, index: index, keepPerType: weights.listSizeInt, threads: threads)
    }

    /// Builds the advisory list for one child.
    /// - Parameters:
    ///   - profileHash: SHA-256 of the profile file as read (for the audit stamp).
    ///   - threads: workers for scoring this one child (a batch passes 1 and parallelises over children).
    public func advisoryList(for p: NeedsProfile, file: String, profileHash: String, date: String,
                             threads: Int = Parallel.defaultThreads) throws(ATLError) -> AdvisoryList {
        let home = try resolveHome(p, file: file)
        let q = query(p, home: home)
        let result = score(q, threads: threads)
        return compose(p, home: home, query: q, result: result, profileHash: profileHash, date: date)
    }

    func settingType(_ c: Candidate) -> SettingType { MatchingEngine.types[Int(index.typeIndex[Int(c.position)])] }
    /// `SettingType.allCases` made once (the synthesised `allCases` builds a new array on every call).
    static let types = SettingType.allCases

    /// Turns a scoring result into a list: the family's named settings and the long-journey fallback pinned, then
    /// composition by fit and choice, then explanations and cautions for listed settings only.
    /// `removed` holds settings an officer took off the list in review (``OfficerReview``): they are left out of
    /// the pool and of the long-journey fallback, so the next suitable setting takes their place.
    public func compose(_ p: NeedsProfile, home: ResolvedHome, query q: CompiledQuery, result: ScoringResult,
                        profileHash: String, date: String, removed: Set<Int32> = []) -> AdvisoryList {
        let w = weights
        let x = index
        let named = namedCandidates(p, query: q).filter { !removed.contains($0.candidate.urn) }
        let fallback = longJourneyFallback(q, within: result.top, named: Set(named.map(\.candidate.urn)), removed: removed)
        let pinned = named + fallback.pinned
        let pinnedURNs = Set(pinned.map(\.candidate.urn))
        // The type of a candidate, from the index column (a closure over the column, not over a copy of the engine).
        let typeColumn = x.typeIndex
        let settingType: (Candidate) -> SettingType = { MatchingEngine.types[Int(typeColumn[Int($0.position)])] }
        let composition = ListComposer.compose(pool: result.top.filter { !pinnedURNs.contains($0.urn) }, pinned: pinned,
                                               type: settingType, size: w.listSizeInt, maxShare: w.listMaxShare,
                                               handful: w.listHandfulInt)
        let entries = composition.chosen.enumerated().map { rank, chosen in
            listEntry(chosen.0, rank: rank + 1, inclusion: chosen.1, profile: p, home: home, query: q, date: date)
        }
        // Types being considered: those allowed, less alternative provision and fee-paying schools unless asked for.
        var allowed = p.allowedTypes ?? Set(SettingType.allCases.filter { $0 != .unknown })
        if !p.asksForAlternativeProvision { allowed.remove(.alternativeProvision) }
        if !p.asksForFeePayingSchools { allowed.remove(.independent) }
        // The scoring result keeps the best of every type with an eligible setting, so its types are exact; a type
        // the list shows (a long journey, a named setting) is not reported as absent.
        let eligibleTypes = Set(result.top.map(settingType)).union(entries.map(\.setting.type))
        var notes: [String] = []
        if !x.isFictional {
            let noReport = entries.filter { $0.unknown.contains(.report) }.count
            if noReport > 0 {
                notes.append("\(noReport) of \(entries.count) listed settings have no SEN information report in the catalogue: their evidence score is 0, and what to ask them is listed.")
            }
            let unknownType = entries.filter { $0.setting.type == .unknown }.count
            if unknownType > 0 {
                notes.append("\(unknownType) listed settings have no published type of establishment: the diversity rule cannot count them as a type, and their need match earns nothing until it is known.")
            }
        }
        if entries.contains(where: { $0.setting.synthetic }) {
            notes.append("SYNTHETIC benchmark data: the listed settings are real schools, but their type, SEN provision, vacancies, facilities and report text were invented by 'atl synth-national'. Do not use this list for a child.")
        }
        if home.approximate { notes.append("The home location is approximate (the centre of the postcode district), so journeys are approximate.") }
        notes += fallback.notes
        notes += policyNotes(p, home: home, query: q, result: result, entries: entries)
        var notListed: [NamedSettingNotListed] = []
        for urn in p.preferredSettings where position(ofURN: urn) == nil && !notListed.contains(where: { $0.urn == urn }) {
            notListed.append(NamedSettingNotListed(urn: urn, name: nil, rule: nil, reason: "not in this catalogue"))
        }
        if !entries.isEmpty && p.placementYear < 12 { notes.append(AdvisoryList.transportNote) }
        for urn in p.siblingsAt where !entries.contains(where: { $0.setting.urn == urn }) {
            if let pos = position(ofURN: urn) {
                let name = catalogue.settings[Int(x.catalogueIndex[pos])].name
                notes.append("\(name) (URN \(urn)), where a brother or sister attends, is not on this list; 'atl why --urn \(urn)' says why.")
            }
        }
        for (field, urns) in [("preferred-settings", p.preferredSettings), ("avoid-settings", p.avoidSettings), ("siblings-at", p.siblingsAt)] {
            for urn in urns where position(ofURN: urn) == nil {
                notes.append("Warning: URN \(urn) in \(field) is not in this catalogue; check the URN.")
            }
        }
        return AdvisoryList(
            reference: p.reference, synthetic: p.synthetic, fictionalCatalogue: catalogue.isFictional,
            primaryNeed: p.primaryNeed, primarySeverity: p.primarySeverity, secondaryNeeds: p.secondaryNeeds,
            mustHave: p.mustHave.facilities, desirable: p.desirable.facilities, placementYear: p.placementYear,
            homeDistrict: home.postcodeDistrict, homeLA: home.localAuthority, maxJourneyKm: q.maxKm,
            walkingDistanceKm: q.walkingKm, entries: entries, settingsConsidered: result.settings,
            eligible: result.eligible,
            excludedByRule: EligibilityRule.allCases.map { ($0, result.excludedByRule[$0.rawValue]) }.filter { $0.1 > 0 },
            typesIllustrated: composition.typesIllustrated, leftOutByShare: composition.leftOutByShare.count,
            typesWithNoEligible: allowed.filter { !eligibleTypes.contains($0) && $0 != .unknown }.sorted(),
            notes: notes,
            stamp: ProvenanceStamp(engineVersion: engineVersion, catalogueHash: catalogue.contentHash, weightsHash: w.hash,
                              inputs: [.init("profile", hash: profileHash)] + (matrix.map { [.init("travel-matrix", hash: $0.hash)] } ?? []),
                              date: date),
            namedSettingsNotListed: notListed, syntheticCatalogue: catalogue.isSynthetic,
            siblingsAt: p.siblingsAt, fit: p.fit, factsCheckAfterMonths: w.factsCheckAfterMonthsInt)
    }

    /// One listed setting: its explanation, reasons, cautions and labels (only for the few settings on a list).
    func listEntry(_ c: Candidate, rank: Int, inclusion: Inclusion, profile p: NeedsProfile, home: ResolvedHome,
                   query q: CompiledQuery, date: String) -> ListEntry {
        let i = Int(c.position)
        let s = catalogue.settings[Int(index.catalogueIndex[i])]
        let d = EntryExplainer.explain(position: i, setting: s, query: q, index: index, profile: p,
                                       matrixMinutes: matrixMinutes(home, urn: s.urn), runDate: date, reports: reportSplits)
        precondition(d.explanation.milli == c.total, "explanation must add up to the score")
        var labels: [EntryLabel] = []
        if let la = s.localAuthority?.code, let home = home.localAuthority?.code, la != home { labels.append(.outOfArea) }
        if s.isIndependentSector { labels.append(.independentSector) }
        if s.type == .independent { labels.append(.feePaying) }
        if d.outcome.vacancies == 0 { labels.append(.full) }
        if d.outcome.beyondJourney { labels.append(.longJourney) }
        if p.preferredSettings.contains(s.urn) { labels.append(.namedByFamily) }
        if s.type == .unknown { labels.append(.unknownType) }
        if s.fictional { labels.append(.fictional) }
        if s.synthetic { labels.append(.synthetic) }
        return ListEntry(rank: rank, setting: s, milli: c.total, band: EntryBand(order: c.order),
                         inclusion: inclusion, labels: labels,
                         distanceKm: d.outcome.distanceKm.isNaN ? nil : d.outcome.distanceKm, minutes: d.minutes,
                         distanceFromMatrix: d.outcome.fromMatrix,
                         withinWalkingDistance: !d.outcome.distanceKm.isNaN && d.outcome.distanceKm <= q.walkingKm,
                         vacancies: d.outcome.vacancies >= 0 ? Int(d.outcome.vacancies) : nil,
                         explanation: d.explanation, reasons: d.reasons, notOffered: d.notOffered,
                         toAsk: d.toAsk, cautions: d.cautions, quotes: d.quotes, unknown: UnknownFact.facts(in: d.outcome.unknown),
                         walking: WalkingDistance.statement(km: d.outcome.distanceKm, profile: p, weights: weights, routed: d.outcome.fromMatrix),
                         facts: DatedFacts.facts(for: s, runDate: date, checkAfterMonths: weights.factsCheckAfterMonthsInt),
                         siblingAttends: p.siblingsAt.contains(s.urn),
                         fit: p.fit.map { ($0, FitFacts.outcome($0, s, primary: p.primaryNeed, weights), FitReasons.reason($0, s, primary: p.primaryNeed, weights)) })
    }

    /// Why a setting is (or is not) on a child's list: every rule it breaks, its score and rank among eligible
    /// settings, and its explanation.
    public struct WhyAnswer: Sendable {
        public var setting: Setting
        public var brokenRules: [EligibilityRule]
        public var detail: EntryExplainer.Detail
        /// Rank among eligible settings within the journey (1 = best) when eligible.
        public var rank: Int?
        public var eligible: Int
        public var onList: Bool
        public var listSize: Int
        public var inclusion: Inclusion?
        /// Its entry when it is on the list (a long journey or a named setting may be listed although it breaks a
        /// rule: the rule is then a caution).
        public var entry: ListEntry?
        /// The run date (empty when not given) and `facts.check-after-months`: how the facts are dated and labelled.
        public var runDate: String = ""
        public var checkAfterMonths: Int = 24
        /// Where the journey stands against the statutory walking distance.
        public var walking: WalkingDistanceStatement? = nil
    }

    /// `date` (`YYYY-MM-DD`) is the run date, as for a list (it dates Ofsted judgements); empty leaves that out.
    public func why(_ p: NeedsProfile, file: String, urn: Int, date: String = "") throws(ATLError) -> WhyAnswer {
        guard let i = position(ofURN: urn) else {
            throw ATLError(code: "engine.unknown-urn", file: catalogue.root, field: "urn", "no setting with URN \(urn) in this catalogue")
        }
        let home = try resolveHome(p, file: file)
        let q = query(p, home: home)
        let s = catalogue.settings[Int(index.catalogueIndex[i])]
        let d = EntryExplainer.explain(position: i, setting: s, query: q, index: index, profile: p,
                                       matrixMinutes: matrixMinutes(home, urn: urn), runDate: date)
        let broken = EligibilityRule.rules(in: d.outcome.excluded)
        let result = score(q)
        let list = compose(p, home: home, query: q, result: result, profileHash: "", date: date)
        var rank: Int?
        if broken.isEmpty {
            // Rank = 1 + eligible settings that outrank it (a full pass; `why` is not a hot path).
            let me = Candidate(order: d.outcome.order, total: d.explanation.milli, urn: Int32(urn), position: Int32(i))
            var above = 0
            index.forEachCandidateRange(east: q.homeEast, north: q.homeNorth, radius: q.searchRadius) { r in
                for j in r {
                    var sink = TotalSink()
                    let o = PairEvaluator.evaluate(j, q, index, sink: &sink)
                    if o.excluded == 0 && Candidate(order: o.order, total: o.total, urn: index.urn[j], position: Int32(j)).ranksAbove(me) { above += 1 }
                }
            }
            rank = above + 1
        }
        let entry = list.entries.first { $0.setting.urn == urn }
        return WhyAnswer(setting: s, brokenRules: broken, detail: d, rank: rank, eligible: result.eligible,
                         onList: entry != nil, listSize: list.entries.count, inclusion: entry?.inclusion, entry: entry,
                         runDate: date, checkAfterMonths: weights.factsCheckAfterMonthsInt,
                         walking: WalkingDistance.statement(km: d.outcome.distanceKm, profile: p, weights: weights, routed: d.outcome.fromMatrix))
    }
}
