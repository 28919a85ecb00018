@testable import ATLModel
import Testing

/// Policy R15: a requirement is met by the facility itself or by an equivalent declared in one table. A step-free
/// building on one level has no floors a lift would serve.
@Suite struct FacilityEquivalenceTests {
    @Test func singleStoreyAndStepFreeMeetALiftRequirement() {
        let both: FacilitySet = [FacilitySet(.singleStorey), FacilitySet(.stepFree)]
        #expect(FacilityEquivalence.effective(both).contains(.lift))
        #expect(!FacilityEquivalence.effective(FacilitySet(.stepFree)).contains(.lift), "step-free alone: stairs may remain")
        #expect(!FacilityEquivalence.effective(FacilitySet(.singleStorey)).contains(.lift), "one level, but with steps")
        #expect(FacilityEquivalence.effective(FacilitySet(.lift)) == FacilitySet(.lift))
        #expect(FacilityEquivalence.meetsBy(.lift, in: both) == [.stepFree, .singleStorey], "in facility order")
        #expect(FacilityEquivalence.meetsBy(.lift, in: FacilitySet(.lift)) == nil, "has it itself")
    }

    @Test func everyEquivalenceNamesOtherFacilities() {
        for (f, alternatives) in FacilityEquivalence.alternatives {
            for a in alternatives { #expect(!a.contains(f) && a.count >= 1) }
        }
    }
}
