@testable import ATLPlanning
import Testing

/// The closing summary of a batch run: counts per group, and rows = listed + errors.
@Suite struct CohortSummaryTests {
    @Test func summaryCountsAndReconciles() {
        var s = CohortSummary(k: 3)
        s.add(.init(listed: true, synthetic: true, primaryNeed: "ASD", homeDistrict: "TF3", eligible: 5, withinJourney: 9, listedURNs: [1, 2]))
        s.add(.init(listed: true, synthetic: true, primaryNeed: "ASD", homeDistrict: "TF10", eligible: 0, withinJourney: 0, listedURNs: []))
        s.add(.init(listed: true, synthetic: true, primaryNeed: "SEMH", homeDistrict: "TF2", eligible: 2, withinJourney: 4, listedURNs: [2]))
        s.add(.error)
        #expect(s.rows == 4 && s.listed == 3 && s.errors == 1)
        #expect(!s.reconciles, "without the cohort's own row count nothing is proved")
        s.inputRows = 4
        #expect(s.reconciles)
        s.inputRows = 5
        #expect(!s.reconciles, "a row of the file with no record does not reconcile")
        #expect(s.all.fewerThanK == 2 && s.all.noneSuitable == 1 && s.all.noneWithinJourney == 1)
        #expect(s.needRows.map(\.need) == ["ASD", "SEMH"])
        #expect(s.districtRows.map(\.district) == ["TF2", "TF3", "TF10"])
        #expect(s.appearances == [1: 1, 2: 2])
    }
}
