import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
import Testing

/// Policy R15: evidence only for what a setting offers, and equivalent facilities meet a requirement.
@Suite struct FacilityEvidenceTests {
    typealias F = MatchFixture

    @Test func aSingleStoreyStepFreeSchoolMeetsALiftRequirement() throws {
        let flat = F.setting(9000001, type: .mainstream, ages: (4, 11), facilities: [.singleStorey, .stepFree])
        let steps = F.setting(9000002, type: .mainstream, ages: (4, 11), facilities: [.stepFree])
        let p = F.profile(.PD, mustHave: [.lift], year: 3)
        let l = F.list(F.engine([flat, steps]), p)
        #expect(l.entries.map(\.setting.urn) == [9000001])
        let e = try #require(l.entries.first)
        #expect(e.reasons.contains { $0.lowercased().contains("single-storey") && $0.contains("no lift needed") })
        let desirable = F.evaluate(9000001, in: F.engine([flat]), F.profile(.PD, desirable: [.lift], year: 3)).1
        #expect(desirable.leaves.first { $0.0 == .facility(.lift) }!.1 == 8000, "the equivalence counts for a wish too")
    }

    @Test func reportEvidenceForAFacilityCountsOnlyWhenTheSettingListsIt() {
        let text = "We do not have therapists based on site. Speech and language therapy is from the NHS on referral."
        let without = F.setting(9000001, type: .mainstream, facilities: [.quietSpace], report: [.therapies: text])
        let with = F.setting(9000002, type: .mainstream, facilities: [.saltOnsite], report: [.therapies: text])
        let unknown = F.setting(9000003, type: .mainstream, facilities: nil, report: [.therapies: text])
        let e = F.engine([without, with, unknown])
        func evidence(_ urn: Int) -> Int32 {
            F.evaluate(urn, in: e, F.profile(desirable: [.saltOnsite])).1.leaves.first { $0.0 == .evidence(.facility(.saltOnsite)) }!.1
        }
        #expect(evidence(9000001) == 0, "it says it does not have it")
        #expect(evidence(9000002) > 0)
        #expect(evidence(9000003) == evidence(9000002), "facilities not published: the report counts, and the question is asked")
    }
}
