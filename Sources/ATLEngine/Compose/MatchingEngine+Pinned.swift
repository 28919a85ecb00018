import ATLModel
import ATLData

/// The settings a list holds whatever their rank: the family's named settings (policy R1) and the long-journey
/// fallback (R2). See `docs/matching-policy.md`.
extension MatchingEngine {
    /// Rules a named setting breaks that mean it cannot take the child at all: it is still listed, last, with the
    /// reason (R1).
    static let cannotAdmit: UInt16 = EligibilityRule.notOpen.bit | EligibilityRule.phase.bit | EligibilityRule.gender.bit
    /// Rules about suitability for the need: a named setting breaking one may still be named by the LA, so it is
    /// listed as "may also meet the need" with the caution (R1, R10).
    static let unsuitable: UInt16 = EligibilityRule.needNotProvided.bit | EligibilityRule.mustHaveMissing.bit

    /// The ordering key of a setting the family named: never below band B (naming it is the request, whatever
    /// its type, journey or fullness), band B when it breaks a suitability rule, 0 (last) when it cannot admit the
    /// child; always "asked for", so an independent setting the family named does not yield to maintained ones.
    static func namedOrder(_ o: PairOutcome) -> UInt8 {
        typealias O = PairEvaluator.Order
        if o.excluded & cannotAdmit != 0 { return 0 }
        let band: UInt8 = o.excluded & unsuitable != 0 ? 1 : max(o.band, 1)
        return band << O.bandShift | (o.order & (O.withinJourney | O.notInadequate)) | O.maintainedOrAsked
    }

    /// Every setting the family named that is in the catalogue, in the order named, scored with every rule
    /// checked (R1: named settings are always listed).
    func namedCandidates(_ p: NeedsProfile, query q: CompiledQuery) -> [(candidate: Candidate, inclusion: Inclusion)] {
        var out: [(candidate: Candidate, inclusion: Inclusion)] = []
        var seen = Set<Int>()
        for urn in p.preferredSettings where seen.insert(urn).inserted {
            guard let i = position(ofURN: urn) else { continue }
            var sink = TotalSink()
            let o = PairEvaluator.evaluate(i, q, index, sink: &sink, fullRules: true, scoreExcluded: true)
            out.append((Candidate(order: MatchingEngine.namedOrder(o), total: o.total, urn: Int32(urn), position: Int32(i)), .named))
        }
        return out
    }

    /// Road distance from the child's home to setting `i` as the pair loop measures it (NaN when not located).
    func distanceKm(_ q: CompiledQuery, _ i: Int) -> Double {
        var sink = TotalSink()
        return PairEvaluator.evaluate(i, q, index, sink: &sink, fullRules: true, journeyIsARule: false).distanceKm
    }

    /// A maintained or academy setting (not independent or non-maintained) not judged Inadequate.
    func isMaintainedAndNotInadequate(_ position: Int32) -> Bool {
        let i = Int(position)
        return index.flags[i] & CompiledIndex.Flag.independentSector == 0 && index.ofsted[i] != 4
    }

    /// The long-journey fallback (R2): the maximum journey decides what is near, not what exists.
    /// - When fewer than `list.fallback-band-a` settings within the journey meet the need (band A), specialist
    ///   settings within it whose designation is not published are added first (they may meet it: ask), then the
    ///   nearest band A settings beyond it, nearest first, until there are that many.
    /// - When no band A setting within the journey is maintained and not judged Inadequate, the nearest such
    ///   setting beyond it is added too, so the officer sees the maintained option.
    /// - When nothing at all within the journey is suitable, the nearest suitable settings of either band are added.
    /// A setting further than `travel.fallback-limit-km` (or `travel.fallback-limit-residential-km` for a
    /// residential one) is mentioned in a note instead of listed. Costs one extra pass over the catalogue, only for
    /// the children who need it. `removed` settings (taken off by an officer in review) are never pinned.
    /// `exhaustive` evaluates every located setting in one pass (the old way; tests compare the two).
    func longJourneyFallback(_ q: CompiledQuery, within: [Candidate], named: Set<Int32>, removed: Set<Int32> = [],
                             exhaustive: Bool = false)
        -> (pinned: [(candidate: Candidate, inclusion: Inclusion)], notes: [String]) {
        let target = weights.listFallbackBandAInt
        let bandA = within.filter { $0.band == 2 }
        let maintainedWithin = bandA.contains { isMaintainedAndNotInadequate($0.position) }
        guard bandA.count < target || !maintainedWithin || within.isEmpty else { return ([], []) }

        // Second pass, outward from home: the located settings within a straight-line radius that doubles until
        // the nearest ones decide the answer (``outward(_:exhaustive:_:)``); the journey not a rule; keep the suitable ones
        // beyond it. The old pass evaluated every located setting for every child that needed a fallback.
        var answer: (pinned: [(candidate: Candidate, inclusion: Inclusion)], notes: [String]) = ([], [])
        outward(q, exhaustive: exhaustive) { positions, kmCut in
            let beyond = beyondJourney(q, positions, kmCut: kmCut, removed: removed)
            let r = fallbackFrom(beyond, q, within: within, bandA: bandA, maintainedWithin: maintainedWithin, named: named)
            answer = (r.pinned, r.notes)
            return r.decided
        }
        return answer
    }

    /// A setting found by the long-journey pass: suitable, beyond the maximum journey.
    struct Beyond { var c: Candidate; var km: Double; var limitKm: Double }

    /// The suitable settings beyond the journey among `positions` whose distance is at most `kmCut`, nearest
    /// first (then by URN).
    func beyondJourney(_ q: CompiledQuery, _ ranges: [Range<Int>], kmCut: Double, removed: Set<Int32>) -> [Beyond] {
        let w = weights
        var beyond: [Beyond] = []
        for r in ranges { for i in r {
            var sink = TotalSink()
            let o = PairEvaluator.evaluate(i, q, index, sink: &sink, journeyIsARule: false)
            guard o.excluded == 0, o.beyondJourney, o.distanceKm <= kmCut, !removed.contains(index.urn[i]) else { continue }
            let residential = index.facilities[i] & (1 << UInt32(Facility.residential.bit)) != 0
            beyond.append(Beyond(c: Candidate(order: o.order, total: o.total, urn: index.urn[i], position: Int32(i)),
                                 km: o.distanceKm, limitKm: residential ? w.fallbackLimitResidentialKm : w.fallbackLimitKm))
        } }
        beyond.sort { $0.km != $1.km ? $0.km < $1.km : $0.c.urn < $1.c.urn }
        return beyond
    }

    /// The fallback's choices from `beyond` (a nearest-first prefix of every suitable setting beyond the journey).
    /// `decided` is true when every choice was settled inside the prefix (each loop reached its count, the
    /// maintained setting was found), so a longer prefix could not change the answer.
    func fallbackFrom(_ beyond: [Beyond], _ q: CompiledQuery, within: [Candidate], bandA: [Candidate],
                      maintainedWithin: Bool, named: Set<Int32>)
        -> (pinned: [(candidate: Candidate, inclusion: Inclusion)], notes: [String], decided: Bool) {
        let target = weights.listFallbackBandAInt
        var decided = true
        var pinned: [(candidate: Candidate, inclusion: Inclusion)] = []
        var mentioned: [Beyond] = []
        func pin(_ b: Beyond, _ why: Inclusion) {
            if !named.contains(b.c.urn) && !pinned.contains(where: { $0.candidate.urn == b.c.urn }) { pinned.append((b.c, why)) }
        }
        func mention(_ b: Beyond) {
            if !named.contains(b.c.urn) && !mentioned.contains(where: { $0.c.urn == b.c.urn }) { mentioned.append(b) }
        }
        // A specialist setting within the journey whose designation is not published may meet the need: it makes up
        // the shortfall before any long journey does (unknown never excludes; asking it is cheaper than a journey).
        var found = 0
        let unpublished = within.filter { c in
            let f = index.flags[Int(c.position)]
            return f & CompiledIndex.Flag.specialistType != 0 && f & CompiledIndex.Flag.needsKnown == 0
        }.sorted { a, b in
            let da = distanceKm(q, Int(a.position)), db = distanceKm(q, Int(b.position))
            return da != db ? da < db : a.urn < b.urn
        }
        for c in unpublished where found < target - bandA.count {
            if !named.contains(c.urn) { pinned.append((c, .designationNotPublished)) }
            found += 1
        }
        let bandABeyond = beyond.filter { $0.c.band == 2 }
        for b in bandABeyond where found < target - bandA.count {
            if b.km <= b.limitKm { pin(b, .longJourney); found += 1 } else if mentioned.count < target { mention(b) }
        }
        if found < target - bandA.count { decided = false }
        if !maintainedWithin {
            if let b = bandABeyond.first(where: { isMaintainedAndNotInadequate($0.c.position) }) {
                if b.km <= b.limitKm { pin(b, .nearestMaintained) } else { mention(b) }
            } else {
                decided = false
            }
        }
        if within.isEmpty && found == 0 {
            for b in beyond where found < target {
                if b.km <= b.limitKm { pin(b, .longJourney); found += 1 } else if mentioned.count < target { mention(b) }
            }
            if found < target { decided = false }
        }
        let notes = mentioned.map { b -> String in
            let s = catalogue.settings[Int(index.catalogueIndex[Int(b.c.position)])]
            return "Beyond the limit for long journeys (\(Caution.miles(b.limitKm)) miles), \(s.name) (URN \(s.urn), \(s.type.title.lowercasedFirstLetter)) also meets or may meet the need, about \(Caution.miles(b.km)) miles away: mentioned here, not listed. The family can still ask for it."
        }
        return (pinned, notes, decided)
    }

    /// Offers `body` the located settings near home, nearest rings first: the positions (as ranges of index
    /// positions) within a straight-line radius (in whole grid cells, so some further ones too) and `kmCut`, a road
    /// distance that every located setting not offered surely exceeds (the radius × circuity, less a margin of 1e-6
    /// for rounding). `body` considers only settings at most `kmCut` away, and returns true when they decide its
    /// answer; otherwise the radius doubles. The last call offers every located setting with `kmCut` infinite;
    /// with a travel matrix (whose road distances need not grow with the straight line) that is the only call.
    func outward(_ q: CompiledQuery, exhaustive: Bool = false,
                 _ body: (_ positions: [Range<Int>], _ kmCut: Double) -> Bool) {
        if !exhaustive && q.matrixKm.isEmpty && weights.circuity.isFinite && weights.circuity > 0 && q.homeEast.isFinite && q.homeNorth.isFinite {
            var radius = max(2 * q.searchRadius, 20_000)
            // Past 2,000 km of straight line the grid (Great Britain) is surely covered: one complete pass instead.
            var ranges: [Range<Int>] = []
            while radius.isFinite && radius < 2_000_000 {
                ranges.removeAll(keepingCapacity: true)
                var n = 0
                index.forEachCandidateRange(east: q.homeEast, north: q.homeNorth, radius: radius) { r in
                    let located = r.clamped(to: 0..<index.locatedCount)
                    if !located.isEmpty { ranges.append(located); n += located.count }
                }
                if n == index.locatedCount { break }
                if body(ranges, radius * weights.circuity / 1000 * (1 - 1e-6)) { return }
                radius *= 2
            }
        }
        _ = body([0..<index.locatedCount], .infinity)
    }
}
