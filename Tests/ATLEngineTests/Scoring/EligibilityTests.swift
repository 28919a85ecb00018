import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
import Testing

/// One test per eligibility rule: the rule excludes, names itself, and unknown facts never exclude.
@Suite struct EligibilityTests {
    typealias F = MatchFixture

    func rules(_ s: Setting, _ p: NeedsProfile) -> [EligibilityRule] {
        let e = F.engine([s])
        return EligibilityRule.rules(in: F.evaluate(s.urn, in: e, p).0.excluded)
    }

    func unknowns(_ s: Setting, _ p: NeedsProfile) -> [UnknownFact] {
        UnknownFact.facts(in: F.evaluate(s.urn, in: F.engine([s]), p).0.unknown)
    }

    @Test func eligibleBaseline() {
        #expect(rules(F.setting(9000001, type: .mainstream), F.profile()) == [])
    }

    @Test func journeyBeyondMaximum() {
        // 10 km straight × 1.3 circuity = 13 km by road.
        #expect(rules(F.setting(9000001, type: .mainstream, km: 10), F.profile(maxKm: 12.9)) == [.journey])
        #expect(rules(F.setting(9000001, type: .mainstream, km: 10), F.profile(maxKm: 13.1)) == [])
    }

    @Test func closedAndProposed() {
        #expect(rules(F.setting(9000001, type: .mainstream, status: .closed), F.profile()) == [.notOpen])
        #expect(rules(F.setting(9000001, type: .mainstream, status: .proposed), F.profile()) == [.notOpen])
    }

    @Test func phaseFit() {
        #expect(rules(F.setting(9000001, type: .mainstream, ages: (4, 11)), F.profile(year: 7)) == [.phase])
        #expect(rules(F.setting(9000001, type: .mainstream, ages: (4, 11)), F.profile(year: 6)) == [])
        #expect(rules(F.setting(9000001, type: .mainstream, ages: (11, 16)), F.profile(year: 12)) == [.phase])
        #expect(rules(F.setting(9000001, type: .mainstream, ages: (11, 18)), F.profile(year: 12)) == [])
    }

    @Test func unknownAgeRangeNeverExcludes() {
        let s = F.setting(9000001, type: .mainstream, ages: nil)
        #expect(rules(s, F.profile(year: 7)) == [])
        #expect(unknowns(s, F.profile()).contains(.ageRange))
        var phased = s
        phased.phase = .primary
        #expect(rules(phased, F.profile(year: 7)) == [.phase], "a published phase is used when the age range is not")
        #expect(unknowns(phased, F.profile(year: 5)).contains(.ageRangeApproximate))
    }

    @Test func genderOfSingleSexSettings() {
        let girls = F.setting(9000001, type: .mainstream, gender: .girls)
        #expect(rules(girls, F.profile(sex: .male)) == [.gender])
        #expect(rules(girls, F.profile(sex: .female)) == [])
        #expect(rules(girls, F.profile()) == [], "sex not given: flagged, not excluded")
        #expect(unknowns(girls, F.profile()).contains(.gender))
        #expect(rules(girls, F.profile(sex: .female, singleSex: .avoid)) == [.singleSexAvoided])
    }

    @Test func settingTypeAllowed() {
        let special = F.setting(9000001, type: .special, needs: [.ASD])
        #expect(rules(special, F.profile(allowed: [.mainstream, .mainstreamResourced])) == [.typeNotAllowed])
        #expect(rules(special, F.profile(allowed: [.special])) == [])
        let unknownType = F.setting(9000002, type: .unknown)
        #expect(rules(unknownType, F.profile(allowed: [.special])) == [], "unknown type is never excluded")
        #expect(unknowns(unknownType, F.profile()).contains(.type))
    }

    // Policy R8: alternative provision is education for a time (Education Act 1996 s19), listed only when the
    // profile asks for it.
    @Test func alternativeProvisionOnlyWhenAsked() {
        let ap = F.setting(9000001, type: .alternativeProvision, needs: [.SEMH], places: 20, onRoll: 10)
        #expect(rules(ap, F.profile(.SEMH, severity: .severe)) == [.alternativeProvisionNotAsked])
        #expect(rules(ap, F.profile(.SEMH, severity: .severe, allowed: [.special, .alternativeProvision])) == [])
        var asks = F.profile(.SEMH, severity: .severe)
        asks.includeAlternativeProvision = true
        #expect(rules(ap, asks) == [])
        #expect(rules(ap, F.profile(.SEMH, severity: .severe, allowed: [.special])) == [.typeNotAllowed])
    }

    // Policy R12: a fee-paying independent school is listed only when the family asks.
    @Test func feePayingIndependentOnlyWhenAsked() {
        let indie = F.setting(9000001, type: .independent)
        #expect(rules(indie, F.profile(.SPLD, severity: .mild)) == [.feePayingNotAsked])
        #expect(rules(indie, F.profile(.SPLD, severity: .mild, allowed: [.mainstream, .independent])) == [])
        var asks = F.profile(.SPLD, severity: .mild)
        asks.prefersIndependent = true
        #expect(rules(indie, asks) == [])
        // Independent special schools are never left out for their sector (domain primer).
        #expect(rules(F.setting(9000002, type: .independentSpecial, needs: [.SPLD]), F.profile(.SPLD, severity: .severe)) == [])
    }

    @Test func needNotProvidedBySpecialistSetting() {
        let semh = F.setting(9000001, type: .special, needs: [.SEMH])
        #expect(rules(semh, F.profile(.ASD)) == [.needNotProvided])
        #expect(rules(semh, F.profile(.SEMH)) == [])
        // A resourced mainstream school designated for other needs is still a mainstream school.
        let rp = F.setting(9000002, type: .mainstreamResourced, needs: [.HI])
        #expect(rules(rp, F.profile(.ASD)) == [])
        // Unknown needs: flagged, not excluded.
        let unknownNeeds = F.setting(9000003, type: .special, needs: nil)
        #expect(rules(unknownNeeds, F.profile(.ASD)) == [])
        #expect(unknowns(unknownNeeds, F.profile(.ASD)).contains(.needs))
    }

    @Test func mustHaveProvision() {
        let s = F.setting(9000001, type: .mainstream, facilities: [.sensoryRoom])
        #expect(rules(s, F.profile(mustHave: [.saltOnsite])) == [.mustHaveMissing])
        #expect(rules(s, F.profile(mustHave: [.sensoryRoom])) == [])
        let unknown = F.setting(9000002, type: .mainstream, facilities: nil)
        #expect(rules(unknown, F.profile(mustHave: [.saltOnsite])) == [], "unknown facilities never exclude")
        #expect(unknowns(unknown, F.profile(mustHave: [.saltOnsite])).contains(.facilities))
    }

    @Test func avoidedByFamily() {
        #expect(rules(F.setting(9000001, type: .mainstream), F.profile(avoid: [9000001])) == [.avoided])
    }

    @Test func fullSettingsFlaggedUnlessExcluded() {
        let full = F.setting(9000001, type: .special, needs: [.ASD], places: 10, onRoll: 10)
        #expect(rules(full, F.profile()) == [])
        #expect(F.evaluate(9000001, in: F.engine([full]), F.profile()).0.vacancies == 0)
        #expect(rules(full, F.profile(excludeFull: true)) == [.full])
    }

    @Test func everyBrokenRuleIsReported() {
        let s = F.setting(9000001, type: .special, km: 40, ages: (4, 11), needs: [.SEMH], status: .closed)
        #expect(rules(s, F.profile(.ASD, year: 7, maxKm: 10, avoid: [9000001])) == [.journey, .notOpen, .phase, .needNotProvided, .avoided])
    }

    @Test func whyAnswersForExcludedAndListedSettings() throws {
        let e = F.engine(F.mixed)
        let far = try e.why(F.profile(maxKm: 20), file: "t", urn: 9000113)
        #expect(far.brokenRules == [.journey])
        #expect(!far.onList)
        let listed = try e.why(F.profile(maxKm: 20), file: "t", urn: 9000106)
        #expect(listed.brokenRules.isEmpty)
        #expect(listed.onList)
        #expect(listed.rank == 1)
        #expect(throws: ATLError.self) { try e.why(F.profile(), file: "t", urn: 123) }
    }
}
