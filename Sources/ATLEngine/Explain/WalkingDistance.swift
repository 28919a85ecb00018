import ATLModel
import ATLData

/// Where a journey stands against the statutory walking distance (Education Act 1996 s.444(5): 2 miles for a
/// child under 8, 3 miles from 8), stated on every list entry because beyond it the family may be eligible for
/// free travel arrangements from the LA (s.508B, Schedule 35B). Below compulsory school age and after Year 11
/// there is no statutory walking distance, and the entry says what applies instead.
public struct WalkingDistanceStatement: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case within
        case beyond
        /// A Year 3 starter (7 at the start, 8 during the year): beyond 2 miles, within 3.
        case beyondUntilEighthBirthday = "beyond-until-8th-birthday"
        /// Reception or nursery: below compulsory school age when the placement starts.
        case belowCompulsorySchoolAge = "below-compulsory-school-age"
        /// Year 12 and up: no statutory walking distance.
        case post16 = "post-16"
        /// The setting's location is not known.
        case journeyNotKnown = "journey-not-known"
    }

    public var kind: Kind
    /// The walking distance the statement compares with, in miles (2 or 3); nil post-16 or when not known.
    public var thresholdMiles: Int?
    /// The full sentence for the entry.
    public var text: String
    /// A short phrase for the journey line ("beyond the statutory walking distance (3 miles at this age)").
    public var brief: String
}

public enum WalkingDistance {
    static func miles(_ km: Double) -> String { Fixed.format(km / 1.609344, places: 1) }

    /// The statement for a journey of `km` (road distance, estimated unless `routed`). The child's age is the
    /// engine's: Year N starts at N + 4 (``NeedsProfile/ageAtPlacementStart``), the same age the walking distance
    /// in the journey points uses.
    public static func statement(km: Double, profile p: NeedsProfile, weights w: Weights, routed: Bool) -> WalkingDistanceStatement {
        let how = routed ? "by the routed road distance" : "by road, estimated from the straight line"
        let measure = "the LA measures the shortest walking route, which may differ"
        if p.placementYear >= 12 {
            return .init(kind: .post16, thresholdMiles: nil,
                         text: "Post-16: there is no statutory walking distance after Year 11. The home LA's post-16 transport policy statement (Education Act 1996 s.509AA) says what travel support it offers; from 19, with an EHC plan, the LA's adult transport duty applies (s.508F).",
                         brief: "no statutory walking distance after Year 11 (post-16 transport policy applies)")
        }
        guard !km.isNaN else {
            return .init(kind: .journeyNotKnown, thresholdMiles: nil,
                         text: "The journey could not be measured (the setting's location is not known), so whether it is beyond the statutory walking distance is not known.",
                         brief: "journey not known")
        }
        let d = miles(km)
        if p.placementYear <= 0 {
            let beyond = km > w.walkingDistanceUnder8Km
            return .init(kind: .belowCompulsorySchoolAge, thresholdMiles: 2,
                         text: "Below compulsory school age when the placement starts: the statutory walking distance (2 miles under 8) applies from the term after the 5th birthday. The journey is about \(d) miles (\(how)), \(beyond ? "beyond" : "within") it; ask the LA what travel support it offers before then (it has discretion).",
                         brief: "below compulsory school age at the start; \(beyond ? "beyond" : "within") 2 miles once it applies")
        }
        let age = p.ageAtPlacementStart
        if age == 7 && km > w.walkingDistanceUnder8Km && km <= w.walkingDistance8PlusKm {
            return .init(kind: .beyondUntilEighthBirthday, thresholdMiles: 2,
                         text: "Beyond 2 miles, the statutory walking distance until the 8th birthday (during Year 3), and within 3 miles after it: about \(d) miles (\(how); \(measure)). The family may be eligible for free travel arrangements from the LA until then.",
                         brief: "beyond the statutory walking distance (2 miles) until the 8th birthday, within 3 miles after it")
        }
        let limitKm = age < 8 ? w.walkingDistanceUnder8Km : w.walkingDistance8PlusKm
        let limit = age < 8 ? 2 : 3
        if km > limitKm {
            return .init(kind: .beyond, thresholdMiles: limit,
                         text: "Beyond the statutory walking distance (\(limit) miles at this age): about \(d) miles (\(how); \(measure)). The family may be eligible for free travel arrangements from the LA.",
                         brief: "beyond the statutory walking distance (\(limit) miles at this age)")
        }
        return .init(kind: .within, thresholdMiles: limit,
                     text: "Within the statutory walking distance (\(limit) miles at this age): about \(d) miles (\(how); \(measure)). A child who cannot reasonably be expected to walk because of SEN or disability may still be eligible for travel support.",
                     brief: "within the statutory walking distance (\(limit) miles at this age)")
    }
}
