import ATLModel
import ATLData
import ATLEngine
import Foundation

/// Allocates children to places: given every child's advisory list (cohort order), the catalogue the lists were
/// built from and the seed, returns for each child the URN placed at, or nil. A setting whose places are unknown
/// is not capacity-limited (the report counts those placements as resting on unknowns).
public typealias PlacementAllocator = @Sendable (_ lists: [AdvisoryList], _ catalogue: Catalogue, _ seed: UInt64) throws(ATLError) -> [ScenarioPlacement?]

/// Where the allocation places one child: the setting, and whether it is a general place taken because the
/// setting's base or unit designated for the child's need was full (docs/allocation.md, rule 5).
public struct ScenarioPlacement: Sendable, Hashable {
    public var urn: Int
    public var inGeneralPlacesAfterBase: Bool
    public init(urn: Int, inGeneralPlacesAfterBase: Bool = false) {
        self.urn = urn
        self.inGeneralPlacesAfterBase = inGeneralPlacesAfterBase
    }
}

/// The shared allocation simulation: child-proposing deferred acceptance with places per setting and need
/// (``AllocationProblem``), the same as `atl allocate`.
public enum ScenarioAllocation {
    public static let deferredAcceptance: PlacementAllocator = { lists, catalogue, seed throws(ATLError) in
        let problem = try AllocationProblem.from(lists: lists, catalogue: catalogue, seed: seed)
        let outcome = problem.deferredAcceptance()
        return outcome.placement.enumerated().map { i, app in
            app.map { ai in
                let a = problem.children[i].applications[ai]
                return ScenarioPlacement(urn: problem.providers[a.provider].urn, inGeneralPlacesAfterBase: a.fallback)
            }
        }
    }
}
