import ATLModel
import ATLData
/// One scored part of a setting's total, in thousandths of a point. Every total is the exact sum of its
/// leaves, so explanations add up to the score to the last digit.
public enum ScoreLeaf: Sendable, Hashable {
    case needPrimary
    case needSecondary(NeedCode)
    case evidence(Vocabulary.Concept)
    case facility(Facility)
    case travel
    case capacity
    case ofsted
    case preferenceNamed
    case preferenceFaith
    case preferenceSingleSex
    case preferenceMainstreamFirst
    /// Partial credit for a partial designation naming a need (nil: the primary need).
    case needPartial(NeedCode?)
    case preferenceSibling
    case fit(FitPreference)

    public var component: ScoreComponent {
        switch self {
        case .needPrimary, .needSecondary, .needPartial: .need
        case .preferenceSibling: .preference
        case .fit: .fit
        case .evidence: .evidence
        case .facility: .facilities
        case .travel: .travel
        case .capacity: .capacity
        case .ofsted: .quality
        case .preferenceNamed, .preferenceFaith, .preferenceSingleSex, .preferenceMainstreamFirst: .preference
        }
    }

    /// Stable key, e.g. `need.secondary.SLCN`, `evidence.facility.salt-onsite`.
    public var key: String {
        switch self {
        case .needPrimary: "need.primary"
        case .needSecondary(let n): "need.secondary.\(n.rawValue)"
        case .evidence(let c): "evidence.\(c.key)"
        case .facility(let f): "facilities.\(f.rawValue)"
        case .travel: "travel.distance"
        case .capacity: "capacity.vacancies"
        case .ofsted: "quality.ofsted"
        case .preferenceNamed: "preference.named"
        case .preferenceFaith: "preference.faith"
        case .preferenceSingleSex: "preference.single-sex"
        case .preferenceMainstreamFirst: "preference.mainstream-first"
        case .needPartial(nil): "need.primary.partial"
        case .needPartial(let n?): "need.secondary.\(n.rawValue).partial"
        case .preferenceSibling: "preference.sibling"
        case .fit(let f): "fit.\(f.rawValue)"
        }
    }
}

/// The components a score is made of, in the order explanations list them.
public enum ScoreComponent: String, CaseIterable, Sendable {
    case need, evidence, facilities, travel, capacity, quality, preference, fit

    public var title: String {
        switch self {
        case .need: "Meets the child's needs"
        case .evidence: "Evidence in its SEN information report"
        case .facilities: "Desirable provision"
        case .travel: "Journey"
        case .capacity: "Vacancies"
        case .quality: "Ofsted judgement"
        case .preference: "Family preferences"
        case .fit: "The family's fit preferences"
        }
    }
}

/// Receives the leaves of one pair's score. The pair loop uses a sink that only adds; explanations use one
/// that records every leaf. Both run the same ``PairEvaluator`` code, so they cannot disagree.
public protocol LeafSink {
    mutating func add(_ leaf: ScoreLeaf, _ milli: Int32)
}

/// The pair loop's sink: a running total.
public struct TotalSink: LeafSink {
    public var total: Int32 = 0
    @inline(__always) public init() {}
    @inline(__always) public mutating func add(_ leaf: ScoreLeaf, _ milli: Int32) { total &+= milli }
}

/// Every leaf, in evaluation order (explanations).
public struct RecordingSink: LeafSink {
    public var leaves: [(ScoreLeaf, Int32)] = []
    public init() {}
    public mutating func add(_ leaf: ScoreLeaf, _ milli: Int32) { leaves.append((leaf, milli)) }
    public var total: Int32 { leaves.reduce(0) { $0 + $1.1 } }
}

/// Eligibility and score of one (setting, child) pair. No allocation, no Strings, no Dictionaries.
public struct PairOutcome: Sendable {
    /// Broken rules (``EligibilityRule`` bits); 0 when eligible.
    public var excluded: UInt16 = 0
    /// ``UnknownFact`` bits that matter for this child.
    public var unknown: UInt16 = 0
    /// Estimated road distance, km (NaN when a location is unknown).
    public var distanceKm: Double = .nan
    /// Total score in thousandths of a point.
    public var total: Int32 = 0
    /// The vacancies the capacity rule used (−1 unknown).
    public var vacancies: Int32 = -1
    public var fromMatrix = false
    /// Further than the profile's maximum journey (policy R2: a caution, and a rule only for the first pass).
    public var beyondJourney = false
    /// Band of the primary need (policy R5): 2 = A (meets the need: the provision level the severity points to),
    /// 1 = B (may also meet it), 0 = not listed.
    public var band: UInt8 = 2
    /// The ordering key (``Candidate/order``): band, then within the journey, then not judged Inadequate, then
    /// maintained (or independent as asked).
    public var order: UInt8 = 0
}

/// The scoring model. All functions are pure; see `docs/scoring.md` for the same rules in plain English.
public enum PairEvaluator {
    @inline(__always) static func milli(_ points: Double) -> Int32 {
        Int32((points * 1000).rounded(.toNearestOrAwayFromZero))
    }

    /// Travel credit: 1 at the door falling linearly to `walkingCredit` at the statutory walking distance,
    /// then linearly to `maxCredit` at the maximum journey, then linearly to 0 at `zeroAtMultiple` × the maximum
    /// (a long journey listed because too few settings within the maximum meet the need, policy R2). Never
    /// increases with distance, and continuous at the maximum.
    @inline(__always) public static func travelCredit(km d: Double, walkingKm: Double, maxKm: Double, w: Weights) -> Double {
        if d > maxKm {
            let atMax = withinJourneyCredit(km: maxKm, walkingKm: walkingKm, maxKm: maxKm, w: w)
            let zero = w.travelZeroAtMultiple * maxKm
            return zero > maxKm ? max(0, atMax * (zero - d) / (zero - maxKm)) : 0
        }
        return withinJourneyCredit(km: d, walkingKm: walkingKm, maxKm: maxKm, w: w)
    }

    @inline(__always) static func withinJourneyCredit(km d: Double, walkingKm: Double, maxKm: Double, w: Weights) -> Double {
        if d <= walkingKm {
            return 1 - (1 - w.travelWalkingCredit) * (d / walkingKm)
        }
        if maxKm <= walkingKm { return w.travelWalkingCredit }
        let t = min(1, (d - walkingKm) / (maxKm - walkingKm))
        return w.travelWalkingCredit - (w.travelWalkingCredit - w.travelMaxCredit) * t
    }

    /// Bits of ``PairOutcome/order`` and ``Candidate/order``, most significant first.
    public enum Order {
        /// The band (0, 1 or 2) sits in bits 3–4.
        public static let bandShift: UInt8 = 3
        public static let withinJourney: UInt8 = 1 << 2
        public static let notInadequate: UInt8 = 1 << 1
        public static let maintainedOrAsked: UInt8 = 1 << 0

        /// The band an ordering key holds.
        @inline(__always) public static func band(_ order: UInt8) -> UInt8 { order >> bandShift }
    }

    /// Capacity credit: linear in vacancies, full at `capacityFullCreditAt`. Never decreases with vacancies.
    @inline(__always) public static func capacityCredit(vacancies v: Int32, w: Weights) -> Double {
        v <= 0 ? 0 : min(1, Double(v) / w.capacityFullCreditAt)
    }

    /// Need credit for one need code (policy R5): the share its provision class earns for the need's severity
    /// (`share`, by class), times `designatedNoPlacesCredit` for a designated need with no places commissioned.
    @inline(__always) static func needCredit(bit: UInt16, share: [Double], needs: UInt16, zeroPlaces: UInt16,
                                             flags: UInt16, type: UInt8, w: Weights) -> Double {
        let c = ProvisionClass.of(bit: bit, flags: flags, needs: needs, type: type)
        let credit = share[c.rawValue]
        return (c == .designatedMainstream || c == .designatedSpecial) && zeroPlaces & bit != 0 ? credit * w.designatedNoPlacesCredit : credit
    }

    /// Evaluates setting `i` for query `q`. With `fullRules` false it stops at the first broken rule (the pair
    /// loop); with true it checks every rule (explanations and `atl why`). Leaves go to `sink` only when the
    /// setting is eligible (or `scoreExcluded` is set).
    /// `journeyIsARule` false (the long-journey fallback's pass) records a setting beyond the maximum journey as
    /// ``PairOutcome/beyondJourney`` without excluding it.
    @inline(__always)
    public static func evaluate<S: LeafSink>(_ i: Int, _ q: CompiledQuery, _ x: CompiledIndex, sink: inout S,
                                            fullRules: Bool = false, scoreExcluded: Bool = false,
                                            journeyIsARule: Bool = true) -> PairOutcome {
        var o = PairOutcome()
        let w = q.weights
        let f = x.flags[i]
        // Journey.
        if f & CompiledIndex.Flag.hasLocation != 0 {
            var km = Double.nan
            if !q.matrixKm.isEmpty {
                let m = q.matrixKm[i]
                if !m.isNaN { km = Double(m); o.fromMatrix = true }
            }
            if km.isNaN {
                let dx = x.easting[i] - q.homeEast, dy = x.northing[i] - q.homeNorth
                km = (dx * dx + dy * dy).squareRoot() * w.circuity / 1000
            }
            o.distanceKm = km
            if km > q.maxKm {
                o.beyondJourney = true
                if journeyIsARule {
                    o.excluded |= EligibilityRule.journey.bit
                    if !fullRules { return o }
                }
            }
        } else {
            o.unknown |= UnknownFact.location.bit
        }
        if f & CompiledIndex.Flag.open == 0 {
            o.excluded |= EligibilityRule.notOpen.bit
            if !fullRules { return o }
        }
        if f & CompiledIndex.Flag.outsidePlacement != 0 {
            o.excluded |= EligibilityRule.notPlaced.bit
            if !fullRules { return o }
        }
        if f & CompiledIndex.Flag.yearsKnown != 0 {
            if q.year < x.minYear[i] || q.year > x.maxYear[i] {
                o.excluded |= EligibilityRule.phase.bit
                if !fullRules { return o }
            }
            if f & CompiledIndex.Flag.yearsApproximate != 0 { o.unknown |= UnknownFact.ageRangeApproximate.bit }
        } else {
            o.unknown |= UnknownFact.ageRange.bit
        }
        let singleSex = f & (CompiledIndex.Flag.boys | CompiledIndex.Flag.girls)
        if singleSex != 0 {
            if (q.sex == 1 && f & CompiledIndex.Flag.boys != 0) || (q.sex == 2 && f & CompiledIndex.Flag.girls != 0) {
                o.excluded |= EligibilityRule.gender.bit
                if !fullRules { return o }
            }
            if q.sex == 0 { o.unknown |= UnknownFact.gender.bit }
            if q.avoidSingleSex {
                o.excluded |= EligibilityRule.singleSexAvoided.bit
                if !fullRules { return o }
            }
        }
        let type = x.typeIndex[i]
        if q.allowedTypes & (1 << UInt16(type)) == 0 {
            o.excluded |= EligibilityRule.typeNotAllowed.bit
            if !fullRules { return o }
        } else if Int(type) == SettingType.alternativeProvision.bit && !q.alternativeProvisionAsked {
            o.excluded |= EligibilityRule.alternativeProvisionNotAsked.bit
            if !fullRules { return o }
        } else if Int(type) == SettingType.independent.bit && !q.feePayingAsked {
            o.excluded |= EligibilityRule.feePayingNotAsked.bit
            if !fullRules { return o }
        }
        if Int(type) == SettingType.unknown.bit { o.unknown |= UnknownFact.type.bit }
        let needs = x.needs[i]
        let provision = ProvisionClass.of(bit: q.primaryBit, flags: f, needs: needs, type: type)
        // A specialist setting designated for a severe secondary need, though not for the primary one, may also
        // meet the child's needs (band B); any other specialist setting for other needs is not suitable (R10).
        let forSevereSecondary = provision == .otherSpecialist && needs & q.severeSecondaryBits != 0
        if provision == .otherSpecialist && !forSevereSecondary {
            o.excluded |= EligibilityRule.needNotProvided.bit
            if !fullRules { return o }
        }
        if f & CompiledIndex.Flag.needsKnown == 0 && (f & CompiledIndex.Flag.mainstreamLike == 0 || Int(type) == SettingType.mainstreamResourced.bit) {
            o.unknown |= UnknownFact.needs.bit
        }
        // Band (policy R5): the family's wish for mainstream puts mainstream schools in band A; a type the profile
        // allows explicitly is never left off for fit.
        var band = forSevereSecondary ? 1 : q.primaryBand[provision.rawValue]
        if q.mainstreamFirst && f & CompiledIndex.Flag.mainstreamType != 0 { band = 2 }
        if band == 0 && q.allowedTypesGiven && provision != .otherSpecialist { band = 1 }
        o.band = band
        if band == 0 && provision != .otherSpecialist {
            o.excluded |= EligibilityRule.notFit.bit
            if !fullRules { return o }
        }
        let fac = x.facilities[i]
        if f & CompiledIndex.Flag.facilitiesKnown != 0 {
            if fac & q.mustHave != q.mustHave {
                o.excluded |= EligibilityRule.mustHaveMissing.bit
                if !fullRules { return o }
            }
        } else if q.mustHave | q.desirable != 0 {
            o.unknown |= UnknownFact.facilities.bit
        }
        let urn = x.urn[i]
        if !q.avoided.isEmpty && q.avoided.contains(urn) {
            o.excluded |= EligibilityRule.avoided.bit
            if !fullRules { return o }
        }
        // Vacancies in the relevant provision.
        let designated = f & CompiledIndex.Flag.needsKnown != 0 && needs & q.primaryBit != 0
        // Specialist places count when the child would take one (designated need, a special school or AP);
        // otherwise, or when unknown, the whole setting's vacancies.
        let sv = x.specialistVacancies[i]
        let specialistSetting = f & CompiledIndex.Flag.specialistType != 0 || Int(type) == SettingType.alternativeProvision.bit
        let v = (designated || specialistSetting) && sv >= 0 ? sv : x.generalVacancies[i]
        o.vacancies = v
        if v < 0 { o.unknown |= UnknownFact.vacancies.bit }
        if v == 0 && q.excludeFull {
            o.excluded |= EligibilityRule.full.bit
            if !fullRules { return o }
        }
        if f & CompiledIndex.Flag.hasReport == 0 { o.unknown |= UnknownFact.report.bit }
        if x.ofsted[i] == 0 { o.unknown |= UnknownFact.ofsted.bit }
        // Order (policy R2, R6, R7): band, then within the journey, then not judged Inadequate, then maintained (an
        // independent setting yields unless the family would like independent schools).
        o.order = o.band << Order.bandShift | (o.beyondJourney ? 0 : Order.withinJourney)
            | (x.ofsted[i] == 4 ? 0 : Order.notInadequate)
            | (f & CompiledIndex.Flag.independentSector == 0 || q.prefersIndependent ? Order.maintainedOrAsked : 0)
        if o.excluded != 0 && !scoreExcluded { return o }

        // Score leaves. Each is rounded to thousandths; the total is their exact sum.
        var total: Int32 = 0
        @inline(__always) func put(_ leaf: ScoreLeaf, _ points: Double) {
            let m = milli(points)
            total &+= m
            sink.add(leaf, m)
        }
        let zero = x.zeroPlaceNeeds[i]
        put(.needPrimary, w.needPrimary * needCredit(bit: q.primaryBit, share: q.primaryShare, needs: needs, zeroPlaces: zero,
                                                     flags: f, type: type, w: w))
        let partial = f & CompiledIndex.Flag.needsKnown == 0 ? x.partialNeeds[i] : 0
        if partial & q.primaryBit != 0 {
            put(.needPartial(nil), w.needPrimary * partialCredit(bit: q.primaryBit, share: q.primaryShare, partial: partial,
                                                                 flags: f, type: type, w: w))
        }
        if !q.secondary.isEmpty {
            let share = w.needSecondary / Double(q.secondary.count)
            for s in q.secondary {
                put(.needSecondary(s.code), share * needCredit(bit: s.bit, share: s.share, needs: needs, zeroPlaces: zero,
                                                               flags: f, type: type, w: w))
                if partial & s.bit != 0 {
                    put(.needPartial(s.code), share * partialCredit(bit: s.bit, share: s.share, partial: partial, flags: f, type: type, w: w))
                }
            }
        }
        let facilitiesKnown = f & CompiledIndex.Flag.facilitiesKnown != 0
        for c in q.evidenceConcepts {
            if c.facility != 0 && facilitiesKnown && fac & c.facility == 0 {
                put(.evidence(Vocabulary.Concept.all[c.concept]), 0)
                continue
            }
            let s = Double(x.evidence.score(concept: c.concept, setting: i))
            let k = w.evidenceSaturation * Double(x.evidence.medians[c.concept])
            put(.evidence(Vocabulary.Concept.all[c.concept]), w.evidence * c.share * (s / (s + k)))
        }
        if q.desirable != 0 {
            let share = w.facilities / Double(q.desirableList.count)
            for fa in q.desirableList {
                put(.facility(fa), facilitiesKnown && fac & (1 << UInt32(fa.bit)) != 0 ? share : 0)
            }
        }
        put(.travel, o.distanceKm.isNaN ? 0 : w.travel * travelCredit(km: o.distanceKm, walkingKm: q.walkingKm, maxKm: q.maxKm, w: w))
        put(.capacity, w.capacity * capacityCredit(vacancies: v, w: w))
        switch x.ofsted[i] {
        case 3: put(.ofsted, w.ofstedRequiresImprovementPoints)
        case 4: put(.ofsted, w.ofstedInadequatePoints)
        default: put(.ofsted, 0)
        }
        if !q.preferred.isEmpty {
            put(.preferenceNamed, q.preferred.contains(urn) ? w.preferenceNamed : 0)
        }
        if q.faithMask != 0 {
            let r = x.religion[i]
            put(.preferenceFaith, r >= 0 && r < 64 && q.faithMask & (1 << UInt64(r)) != 0 ? w.preferenceFaith : 0)
        }
        if q.preferSingleSex {
            put(.preferenceSingleSex, singleSex != 0 ? w.preferenceSingleSex : 0)
        }
        if q.mainstreamFirst {
            put(.preferenceMainstreamFirst, f & CompiledIndex.Flag.mainstreamType != 0 ? w.preferenceMainstreamFirst : 0)
        }
        if !q.siblings.isEmpty {
            put(.preferenceSibling, q.siblings.contains(urn) ? w.preferenceSibling : 0)
        }
        if !q.fit.isEmpty {
            let share = w.fit / Double(q.fit.count)
            for pref in q.fit {
                put(.fit(pref), fitMet(pref, i, q, x, flags: f) ? share : 0)
            }
        }
        o.total = total
        return o
    }

    /// Partial designation (`need.partial-credit`): a fraction of what a complete designation of the need would add
    /// to the share the setting earns without it; never negative.
    @inline(__always) static func partialCredit(bit: UInt16, share: [Double], partial: UInt16, flags: UInt16, type: UInt8,
                                                w: Weights) -> Double {
        let without = share[ProvisionClass.of(bit: bit, flags: flags, needs: 0, type: type).rawValue]
        let complete = share[ProvisionClass.of(bit: bit, flags: flags | CompiledIndex.Flag.needsKnown, needs: partial, type: type).rawValue]
        return w.needPartialCredit * max(0, complete - without)
    }

    /// A fit preference met on known facts (``FitFacts``, the same rule on the compiled index).
    @inline(__always) static func fitMet(_ pref: FitPreference, _ i: Int, _ q: CompiledQuery, _ x: CompiledIndex, flags f: UInt16) -> Bool {
        let w = q.weights
        switch pref {
        case .smallSetting:
            let c = x.classSize[i]
            if c >= 0 && Double(c) <= w.fitSmallClassSize { return true }
            let n = x.pupils[i]
            guard n >= 0, let g = FitFacts.SizeGroup(rawValue: x.sizeGroup[i]) else { return false }
            return Double(n) <= FitFacts.smallMaxPupils(g, w)
        case .peersSimilarNeeds:
            return (f & CompiledIndex.Flag.needsKnown != 0 && x.needs[i] & q.primaryBit != 0) || x.partialNeeds[i] & q.primaryBit != 0
        case .timeWithMainstreamPeers:
            return f & CompiledIndex.Flag.mainstreamType != 0
        }
    }
}
