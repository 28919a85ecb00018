import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
import Testing

/// Policy R5: severity shapes the provision level for mainstream and specialist settings alike. Each setting's
/// provision for the primary need puts it in band A (meets the need), B (may also meet it) or nowhere.
@Suite struct NeedBandTests {
    typealias F = MatchFixture
    typealias C = ProvisionClass

    @Test func bandTableForLearningCommunicationAndSEMHNeeds() {
        let expected: [C: [UInt8]] = [
            .mainstream: [2, 2, 1, 0],
            .designatedMainstream: [2, 2, 2, 1],
            .designatedSpecial: [1, 1, 2, 2],
            .alternativeProvision: [1, 1, 1, 1],
            .otherSpecialist: [0, 0, 0, 0],
            .unknown: [1, 1, 1, 1],
        ]
        for (c, bands) in expected {
            #expect(Severity.allCases.map { NeedBand.band(c, $0, need: .ASD) } == bands, "\(c)")
        }
    }

    @Test func bandTableForSensoryAndPhysicalNeeds() {
        let expected: [C: [UInt8]] = [
            .mainstream: [2, 2, 1, 1],
            .designatedMainstream: [2, 2, 2, 2],
            .designatedSpecial: [1, 2, 2, 2],
            .alternativeProvision: [1, 1, 1, 1],
        ]
        for code in [NeedCode.HI, .VI, .MSI, .PD] {
            for (c, bands) in expected {
                #expect(Severity.allCases.map { NeedBand.band(c, $0, need: code) } == bands, "\(code) \(c)")
            }
        }
    }

    @Test func severityShapesSpecialistCreditAsWellAsMainstream() {
        let w = Weights.defaults
        // A mild need: a mainstream school earns more than a special school designated for it.
        #expect(w.needShare(.mainstream, .mild) > w.needShare(.designatedSpecial, .mild))
        // A severe need: the designated special school earns more.
        #expect(w.needShare(.designatedSpecial, .severe) > w.needShare(.mainstream, .severe))
        // A resourced provision designated for the need earns at least a plain mainstream school's share.
        for s in Severity.allCases { #expect(w.needShare(.designatedMainstream, s) >= w.needShare(.mainstream, s)) }
        #expect(w.needShare(.otherSpecialist, .severe) == 0 && w.needShare(.unknown, .mild) == 0, "unknown never earns")
    }

    func band(_ s: Setting, _ p: NeedsProfile) -> UInt8 { F.evaluate(s.urn, in: F.engine([s]), p).0.band }

    @Test func aProfoundNeedIsNotPaddedWithPlainMainstreamSchools() {
        let plain = F.setting(9000001, type: .mainstream)
        let rules = EligibilityRule.rules(in: F.evaluate(9000001, in: F.engine([plain]), F.profile(.PMLD, severity: .profound)).0.excluded)
        #expect(rules == [.notFit])
        #expect(band(plain, F.profile(.PMLD, severity: .profound, allowed: [.mainstream, .special])) == 1,
                "a type the profile allows explicitly is never left off for fit")
        #expect(band(plain, F.profile(.PD, severity: .profound)) == 1, "mainstream may also meet a profound physical need")
    }

    // Lead's decision (R10): a special school designated for a severe secondary need, not the primary one, may
    // also meet the child's needs.
    @Test func aSpecialSchoolForASevereSecondaryNeedIsBandB() {
        let sld = F.setting(9000001, type: .special, ages: (4, 19), needs: [.SLD], places: 40, onRoll: 30)
        let severe = F.profile(.ASD, severity: .severe, secondary: [.init(.SLD, .severe)])
        let (o, _) = F.evaluate(9000001, in: F.engine([sld]), severe)
        #expect(o.excluded == 0 && o.band == 1)
        let moderate = F.profile(.ASD, severity: .severe, secondary: [.init(.SLD, .moderate)])
        #expect(EligibilityRule.rules(in: F.evaluate(9000001, in: F.engine([sld]), moderate).0.excluded) == [.needNotProvided])
        let e = F.list(F.engine([sld]), severe).entries.first
        #expect(e?.reasons.first?.contains("severe secondary need") == true)
    }

    @Test func mainstreamFirstPutsMainstreamSchoolsInBandA() {
        let plain = F.setting(9000001, type: .mainstream)
        #expect(band(plain, F.profile(.SPLD, severity: .severe)) == 1)
        #expect(band(plain, F.profile(.SPLD, severity: .severe, mainstreamFirst: true)) == 2)
        let special = F.setting(9000002, type: .special, needs: [.SPLD])
        #expect(band(special, F.profile(.SPLD, severity: .moderate, mainstreamFirst: true)) == 1, "not a mainstream school")
    }

    @Test func specialPost16InstitutionIsASpecialistSetting() {
        var college = F.setting(9000001, type: .post16, ages: (16, 25), needs: [.ASD, .MLD])
        college.giasType = "Special post 16 institution"
        let sld = F.profile(.SLD, severity: .severe, year: 12)
        #expect(EligibilityRule.rules(in: F.evaluate(9000001, in: F.engine([college]), sld).0.excluded) == [.needNotProvided])
        var fe = college
        fe.giasType = "Further education"
        #expect(EligibilityRule.rules(in: F.evaluate(9000001, in: F.engine([fe]), sld).0.excluded) == [], "an FE college is mainstream")
    }
}

/// Policy R6, R7, R2: within a band, an Inadequate setting comes after every setting not so judged, and an
/// independent one after maintained settings that meet the need as well unless the family asked for it.
@Suite struct OrderingTests {
    typealias F = MatchFixture

    func urns(_ settings: [Setting], _ p: NeedsProfile) -> [Int] { F.list(F.engine(settings), p).entries.map(\.setting.urn) }

    @Test func independentAfterMaintainedThatMeetsTheNeedAsWell() {
        let independent = F.setting(9000001, type: .independentSpecial, km: 1, needs: [.ASD], facilities: [.sensoryRoom], places: 40, onRoll: 20)
        let maintained = F.setting(9000002, type: .special, km: 9, needs: [.ASD], places: 40, onRoll: 39, ofsted: .requiresImprovement)
        let p = F.profile(.ASD, severity: .severe, desirable: [.sensoryRoom])
        #expect(urns([independent, maintained], p) == [9000002, 9000001])
        #expect(urns([independent, maintained], F.profile(.ASD, severity: .severe, desirable: [.sensoryRoom], preferred: [9000001]))
                == [9000001, 9000002], "named: the family asked for it")
        var prefers = p
        prefers.prefersIndependent = true
        #expect(urns([independent, maintained], prefers) == [9000001, 9000002])
    }

    @Test func inadequateAfterAComparableSettingNotSoJudged() {
        let inadequate = F.setting(9000001, type: .mainstream, km: 0.5, ofsted: .inadequate)
        let good = F.setting(9000002, type: .mainstream, km: 15, pupils: 999, ofsted: .good)
        #expect(urns([inadequate, good], F.profile(.ASD, severity: .moderate)) == [9000002, 9000001])
        // An Inadequate maintained setting does not hold back a Good independent one (lead's decision).
        let indie = F.setting(9000003, type: .independentSpecial, km: 3, needs: [.ASD], places: 10, onRoll: 5)
        let badSpecial = F.setting(9000004, type: .special, km: 2, needs: [.ASD], places: 10, onRoll: 5, ofsted: .inadequate)
        #expect(urns([indie, badSpecial], F.profile(.ASD, severity: .severe)) == [9000003, 9000004])
    }

    @Test func ofstedIsACautionInPointsNotAReward() {
        func ofsted(_ j: OfstedJudgement?) -> Int32? {
            let s = F.setting(9000001, type: .mainstream, ofsted: j)
            return F.evaluate(9000001, in: F.engine([s]), F.profile()).1.leaves.first { $0.0 == .ofsted }?.1
        }
        #expect(ofsted(.outstanding) == 0 && ofsted(.good) == 0 && ofsted(nil) == 0)
        #expect(ofsted(.requiresImprovement) == -3000 && ofsted(.inadequate) == -10000)
    }

    @Test func mildNeedLeadsWithMainstreamNotAnIndependentSpecialSchool() {
        let indie = F.setting(9000001, type: .independentSpecial, km: 0.5, needs: [.ASD], places: 40, onRoll: 30)
        let rp = F.setting(9000002, type: .mainstreamResourced, km: 0.6, needs: [.ASD], places: 20, onRoll: 18)
        let plain = F.setting(9000003, type: .mainstream, km: 3)
        let l = F.list(F.engine([indie, rp, plain]), F.profile(.ASD, severity: .mild))
        #expect(l.entries.map(\.setting.urn) == [9000002, 9000003, 9000001])
        #expect(l.entries.map(\.band) == [.meetsNeed, .meetsNeed, .mayAlsoMeet])
    }
}
