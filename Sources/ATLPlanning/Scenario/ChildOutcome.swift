import ATLModel
import ATLData
import ATLEngine
import Foundation

/// What happened to one child in one run (baseline or scenario). Carries the child's reference only.
public struct ChildOutcome: Sendable, Hashable {
    public var reference: String
    public var synthetic: Bool
    public var addedByScenario: Bool
    public var primaryNeed: NeedCode
    /// Postcode district (outward code) of the home, when known; never the full postcode.
    public var homeDistrict: String?
    public var homeLA: Int?
    /// Settings eligible within the child's maximum journey (0 = no suitable place within it).
    public var eligible: Int
    public var listed: Int
    public var placedURN: Int?
    /// Journey to the placement by road estimate (or the travel matrix), in km.
    public var distanceKm: Double?
    public var beyondWalkingDistance: Bool
    public var outOfArea: Bool
    public var independentSector: Bool
    public var placedInHypothetical: Bool
    /// Placed at a setting whose places are not known (so the placement assumes room).
    public var placesUnknown: Bool
    /// Placed at a setting whose type of establishment is not known.
    public var typeUnknown: Bool

    /// Placed in a school's general places because its base or unit designated for the child's need was full.
    public var inGeneralPlacesAfterBase: Bool = false

    public var placed: Bool { placedURN != nil }
}

/// How one child's outcome differs between baseline and a scenario.
public struct OutcomeChange: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case newlyPlaced = "newly-placed"
        case newlyUnplaced = "newly-unplaced"
        case moved
        case added = "added-by-scenario"
        case removed = "removed-by-scenario"
    }
    public var reference: String
    public var kind: Kind
    public var before: Int?
    public var after: Int?

    /// Changes by reference order.
    public static func between(_ base: [ChildOutcome], _ scen: [ChildOutcome]) -> [OutcomeChange] {
        var b: [String: ChildOutcome] = [:]
        for c in base { b[c.reference] = c }
        var out: [OutcomeChange] = []
        var seen = Set<String>()
        for c in scen {
            seen.insert(c.reference)
            guard let o = b[c.reference] else {
                out.append(.init(reference: c.reference, kind: .added, before: nil, after: c.placedURN))
                continue
            }
            switch (o.placedURN, c.placedURN) {
            case (nil, let a?): out.append(.init(reference: c.reference, kind: .newlyPlaced, before: nil, after: a))
            case (let p?, nil): out.append(.init(reference: c.reference, kind: .newlyUnplaced, before: p, after: nil))
            case (let p?, let a?) where p != a: out.append(.init(reference: c.reference, kind: .moved, before: p, after: a))
            default: break
            }
        }
        for c in base where !seen.contains(c.reference) {
            out.append(.init(reference: c.reference, kind: .removed, before: c.placedURN, after: nil))
        }
        return out.sorted { $0.reference < $1.reference }
    }
}
