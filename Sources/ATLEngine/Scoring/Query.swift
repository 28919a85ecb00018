import ATLModel
import ATLData
import Foundation

/// A needs profile compiled against one index and one set of weights: numbers and bitmasks only, ready for
/// the pair loop. Built once per child.
public struct CompiledQuery: Sendable {
    public let reference: String
    public let homeEast: Double
    public let homeNorth: Double
    public let year: Int8
    /// 0 not given, 1 female, 2 male.
    public let sex: UInt8
    public let allowedTypes: UInt16
    public let primaryBit: UInt16
    public let primaryCode: NeedCode
    /// Share of the primary need's points by ``ProvisionClass`` raw value, for its severity.
    public let primaryShare: [Double]
    /// Band of the primary need by ``ProvisionClass`` raw value (policy R5), before the profile's overrides.
    public let primaryBand: [UInt8]
    /// Each secondary need with its share by ``ProvisionClass`` raw value, for its severity.
    public let secondary: [(code: NeedCode, bit: UInt16, share: [Double])]
    /// `allowed-types` given: a setting of an allowed type is never left off for fit (band at least B).
    public let allowedTypesGiven: Bool
    /// Secondary needs of severe or profound severity: a specialist setting designated for one of them, though not
    /// for the primary need, may also meet the child's needs (band B, policy R10).
    public let severeSecondaryBits: UInt16
    /// The family would like independent schools considered: an independent setting is not ordered after
    /// maintained ones (policy R6).
    public let prefersIndependent: Bool
    public let mustHave: UInt32
    public let desirable: UInt32
    public let desirableList: [Facility]
    /// Evidence query: concept index, its share of the evidence points (shares sum to 1), and for a facility
    /// concept the facility's bit (0 for a need): a setting known not to have the facility earns no evidence for
    /// it, whatever its report says (policy R15).
    public let evidenceConcepts: [(concept: Int, share: Double, facility: UInt32)]
    public let walkingKm: Double
    public let maxKm: Double
    /// Straight-line radius (metres) that can hold settings within `maxKm` by road.
    public let searchRadius: Double
    /// A squared straight-line distance (m²) beyond which a setting is surely further than `maxKm` by road
    /// (straight line × circuity), with a relative margin for rounding; `.infinity` when no such bound is safe.
    /// The pair loop compares against it and skips the square root for settings it excludes on the journey rule.
    public let beyondJourneySquared: Double
    /// Religious characters (interned ids < 64) matching the family's faith preference.
    public let faithMask: UInt64
    public let preferred: [Int32]
    /// Settings a brother or sister attends (`siblings-at`).
    public let siblings: [Int32]
    /// The family's fit preferences, in the order stated (each earns `points.fit` ÷ their number).
    public let fit: [FitPreference]
    public let avoided: [Int32]
    public let mainstreamFirst: Bool
    public let preferSingleSex: Bool
    public let avoidSingleSex: Bool
    public let excludeFull: Bool
    /// The profile asks for alternative provision (policy R8) / fee-paying independent schools (R12).
    public let alternativeProvisionAsked: Bool
    public let feePayingAsked: Bool
    public let weights: Weights
    /// Road distances (km) from this child's home by index position, from an imported travel matrix;
    /// NaN where the matrix has no entry. Empty when no matrix is used.
    public let matrixKm: [Float]
    /// Home LA, when known (for out-of-area labels).
    public let homeLA: Int?

    public init(profile p: NeedsProfile, home: GridPoint, homeLA: Int? = nil, index: CompiledIndex,
                weights w: Weights, matrixKm: [Float] = []) {
        reference = p.reference
        homeEast = Double(home.easting)
        homeNorth = Double(home.northing)
        year = Int8(clamping: p.placementYear)
        sex = p.sex == nil ? 0 : (p.sex == .female ? 1 : 2)
        var mask: UInt16 = 0
        for t in p.allowedTypes ?? Set(SettingType.allCases) { mask |= 1 << UInt16(t.bit) }
        mask |= 1 << UInt16(SettingType.unknown.bit) // unknown type is never excluded, only flagged
        allowedTypes = mask
        primaryBit = NeedSet(p.primaryNeed).rawValue
        primaryCode = p.primaryNeed
        primaryShare = ProvisionClass.allCases.map { w.needShare($0, p.primarySeverity) }
        primaryBand = ProvisionClass.allCases.map { NeedBand.band($0, p.primarySeverity, need: p.primaryNeed) }
        secondary = p.secondaryNeeds.map { n in (n.code, NeedSet(n.code).rawValue, ProvisionClass.allCases.map { w.needShare($0, n.severity) }) }
        allowedTypesGiven = p.allowedTypes != nil
        severeSecondaryBits = NeedSet(p.secondaryNeeds.filter { $0.severity >= .severe }.map(\.code)).rawValue
        prefersIndependent = p.prefersIndependent
        mustHave = p.mustHave.rawValue
        desirable = p.desirable.rawValue
        desirableList = p.desirable.facilities
        var concepts: [(Int, Double)] = [(Vocabulary.Concept.need(p.primaryNeed).index, w.evidenceWeightPrimary)]
        for s in p.secondaryNeeds { concepts.append((Vocabulary.Concept.need(s.code).index, w.evidenceWeightSecondary)) }
        for f in p.mustHave.facilities { concepts.append((Vocabulary.Concept.facility(f).index, w.evidenceWeightMustHave)) }
        for f in p.desirable.facilities { concepts.append((Vocabulary.Concept.facility(f).index, w.evidenceWeightDesirable)) }
        let total = concepts.reduce(0) { $0 + $1.1 }
        func facilityBit(_ concept: Int) -> UInt32 {
            if case .facility(let f) = Vocabulary.Concept.all[concept] { return FacilitySet(f).rawValue }
            return 0
        }
        evidenceConcepts = total > 0 ? concepts.filter { $0.1 > 0 }.map { ($0.0, $0.1 / total, facilityBit($0.0)) } : []
        walkingKm = p.ageAtPlacementStart < 8 ? w.walkingDistanceUnder8Km : w.walkingDistance8PlusKm
        maxKm = p.maxJourneyKm ?? w.defaultMaxJourneyKm
        // A matrix may report road distances shorter than straight line × circuity: search the full radius then.
        searchRadius = matrixKm.isEmpty ? maxKm * 1000 / w.circuity + 1 : maxKm * 1000 + 1
        beyondJourneySquared = Self.beyondJourneySquared(maxKm: maxKm, circuity: w.circuity)
        var fm: UInt64 = 0
        if let f = p.faith?.lowercased().trimmedSpaces, !f.isEmpty {
            for (i, r) in index.religions.enumerated() where i < 64 && (r.contains(f) || f.contains(r)) { fm |= 1 << UInt64(i) }
        }
        faithMask = fm
        preferred = p.preferredSettings.map { Int32(clamping: $0) }
        siblings = p.siblingsAt.map { Int32(clamping: $0) }
        fit = p.fit
        avoided = p.avoidSettings.map { Int32(clamping: $0) }
        mainstreamFirst = p.mainstreamFirst
        preferSingleSex = p.singleSex == .prefer
        avoidSingleSex = p.singleSex == .avoid
        excludeFull = p.excludeFull
        alternativeProvisionAsked = p.asksForAlternativeProvision
        feePayingAsked = p.asksForFeePayingSchools
        weights = w
        self.matrixKm = matrixKm
        self.homeLA = homeLA
    }

    /// The squared straight-line distance (m²) past which `sqrt(d²) × circuity / 1000 > maxKm` is certain. The
    /// relative margin (1e-9, far above the few ulps of rounding in either computation) leaves a thin band where the
    /// pair loop computes the distance exactly, so the shortcut never changes an outcome.
    public static func beyondJourneySquared(maxKm: Double, circuity: Double) -> Double {
        guard maxKm.isFinite, circuity.isFinite, maxKm > 0, circuity > 0 else { return .infinity }
        let metres = maxKm * 1000 / circuity
        let squared = metres * metres * (1 + 1e-9)
        return squared.isFinite ? squared : .infinity
    }
}
