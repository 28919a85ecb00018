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

    /// Builds the advisory list for one child.
    /// - Parameters:
    ///   - profileHash: SHA-256 of the profile file as read (for the audit stamp).
    ///   - threads: workers for scoring this one child (a batch passes 1 and parallelises over children).
    public func advisoryList(for p: NeedsProfile, file: String, profileHash: String, date: String,
                             threads: Int = Parallel.defaultThreads) throws(ATLError) -> AdvisoryList {
        let home = try resolveHome(p, file: file)
        let q = query(p, home: home)
        let w = weights
        let pool = max(w.listPoolInt, w.listSizeInt)
        let result = Scorer.score(q, index: index, pool: pool, threads: threads)
        return compose(p, home: home, query: q, result: result, profileHash: profileHash, date: date)
    }

    /// Turns a scoring result into a list: diversity composition, then explanations for listed settings only.
    public func compose(_ p: NeedsProfile, home: ResolvedHome, query q: CompiledQuery, result: ScoringResult,
                        profileHash: String, date: String) -> AdvisoryList {
        let w = weights
        let x = index
        let composition = ListComposer.compose(pool: result.top, type: { SettingType.allCases[Int(x.typeIndex[Int($0.position)])] },
                                               size: w.listSizeInt, maxShare: w.listMaxShare)
        var entries: [ListEntry] = []
        for (rank, (c, inclusion)) in composition.chosen.enumerated() {
            let i = Int(c.position)
            let s = catalogue.settings[Int(x.catalogueIndex[i])]
            let d = EntryExplainer.explain(position: i, setting: s, query: q, index: x, profile: p,
                                           matrixMinutes: matrixMinutes(home, urn: s.urn))
            precondition(d.explanation.milli == c.total, "explanation must add up to the score")
            var labels: [EntryLabel] = []
            if let la = s.localAuthority?.code, let home = home.localAuthority?.code, la != home { labels.append(.outOfArea) }
            if s.type.isIndependentSector { labels.append(.independentSector) }
            if d.outcome.vacancies == 0 { labels.append(.full) }
            if p.preferredSettings.contains(s.urn) { labels.append(.namedByFamily) }
            if s.type == .unknown { labels.append(.unknownType) }
            if s.fictional { labels.append(.fictional) }
            if s.synthetic { labels.append(.synthetic) }
            entries.append(ListEntry(rank: rank + 1, setting: s, milli: c.total, inclusion: inclusion, labels: labels,
                                     distanceKm: d.outcome.distanceKm.isNaN ? nil : d.outcome.distanceKm, minutes: d.minutes,
                                     distanceFromMatrix: d.outcome.fromMatrix,
                                     withinWalkingDistance: !d.outcome.distanceKm.isNaN && d.outcome.distanceKm <= q.walkingKm,
                                     vacancies: d.outcome.vacancies >= 0 ? Int(d.outcome.vacancies) : nil,
                                     explanation: d.explanation, reasons: d.reasons, notOffered: d.notOffered,
                                     toAsk: d.toAsk, quotes: d.quotes, unknown: UnknownFact.facts(in: d.outcome.unknown)))
        }
        let allowed = p.allowedTypes ?? Set(SettingType.allCases.filter { $0 != .unknown })
        let typesInPool = Set(result.top.map { SettingType.allCases[Int(x.typeIndex[Int($0.position)])] })
        let eligibleTypes = result.eligible > result.top.count ? eligibleTypeSet(q) : typesInPool
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
        let named = namedSettingsNotListed(p, home: home, query: q, listed: Set(entries.map(\.setting.urn)))
        for (field, urns) in [("preferred-settings", p.preferredSettings), ("avoid-settings", p.avoidSettings)] {
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
            namedSettingsNotListed: named, syntheticCatalogue: catalogue.isSynthetic)
    }

    /// The family's preferred settings that are not on the list, each with its reason (for a few URNs, so
    /// each is explained in full like `atl why`).
    func namedSettingsNotListed(_ p: NeedsProfile, home: ResolvedHome, query q: CompiledQuery, listed: Set<Int>) -> [NamedSettingNotListed] {
        var out: [NamedSettingNotListed] = []
        var seen = Set<Int>()
        for urn in p.preferredSettings where !listed.contains(urn) && seen.insert(urn).inserted {
            guard let i = position(ofURN: urn) else {
                out.append(NamedSettingNotListed(urn: urn, name: nil, rule: nil, reason: "not in this catalogue"))
                continue
            }
            let s = catalogue.settings[Int(index.catalogueIndex[i])]
            let d = EntryExplainer.explain(position: i, setting: s, query: q, index: index, profile: p,
                                           matrixMinutes: matrixMinutes(home, urn: urn))
            if let rule = EligibilityRule.rules(in: d.outcome.excluded).first {
                out.append(NamedSettingNotListed(urn: urn, name: s.name, rule: rule,
                                                 reason: rule.title + rule.detail(for: s, distanceKm: d.outcome.distanceKm)))
            } else {
                out.append(NamedSettingNotListed(urn: urn, name: s.name, rule: nil,
                    reason: "eligible, but higher-scoring settings (or the rule that the list illustrates choice) took the places"))
            }
        }
        return out
    }

    /// Types that have at least one eligible setting (a second pass; only when the pool did not hold them all).
    private func eligibleTypeSet(_ q: CompiledQuery) -> Set<SettingType> {
        var seen = Set<SettingType>()
        index.forEachCandidateRange(east: q.homeEast, north: q.homeNorth, radius: q.searchRadius) { r in
            for i in r {
                var sink = TotalSink()
                if PairEvaluator.evaluate(i, q, index, sink: &sink).excluded == 0 {
                    seen.insert(SettingType.allCases[Int(index.typeIndex[i])])
                }
            }
        }
        return seen
    }

    /// Why a setting is (or is not) on a child's list: every rule it breaks, its score and rank among eligible
    /// settings, and its explanation.
    public struct WhyAnswer: Sendable {
        public var setting: Setting
        public var brokenRules: [EligibilityRule]
        public var detail: EntryExplainer.Detail
        /// Rank among eligible settings (1 = best) when eligible.
        public var rank: Int?
        public var eligible: Int
        public var onList: Bool
        public var listSize: Int
        public var inclusion: Inclusion?
    }

    public func why(_ p: NeedsProfile, file: String, urn: Int) throws(ATLError) -> WhyAnswer {
        guard let i = position(ofURN: urn) else {
            throw ATLError(code: "engine.unknown-urn", file: catalogue.root, field: "urn", "no setting with URN \(urn) in this catalogue")
        }
        let home = try resolveHome(p, file: file)
        let q = query(p, home: home)
        let s = catalogue.settings[Int(index.catalogueIndex[i])]
        let d = EntryExplainer.explain(position: i, setting: s, query: q, index: index, profile: p,
                                       matrixMinutes: matrixMinutes(home, urn: urn))
        let broken = EligibilityRule.rules(in: d.outcome.excluded)
        let result = Scorer.score(q, index: index, pool: max(weights.listPoolInt, weights.listSizeInt))
        let list = compose(p, home: home, query: q, result: result, profileHash: "", date: "")
        var rank: Int?
        if broken.isEmpty {
            // Rank = 1 + eligible settings that outrank it (a full pass; `why` is not a hot path).
            let me = Candidate(total: d.explanation.milli, urn: Int32(urn), position: Int32(i))
            var above = 0
            index.forEachCandidateRange(east: q.homeEast, north: q.homeNorth, radius: q.searchRadius) { r in
                for j in r {
                    var sink = TotalSink()
                    let o = PairEvaluator.evaluate(j, q, index, sink: &sink)
                    if o.excluded == 0 && Candidate(total: o.total, urn: index.urn[j], position: Int32(j)).ranksAbove(me) { above += 1 }
                }
            }
            rank = above + 1
        }
        let entry = list.entries.first { $0.setting.urn == urn }
        return WhyAnswer(setting: s, brokenRules: broken, detail: d, rank: rank, eligible: result.eligible,
                         onList: entry != nil, listSize: list.entries.count, inclusion: entry?.inclusion)
    }
}
