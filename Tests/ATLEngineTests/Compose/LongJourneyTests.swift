import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
import Testing

/// Policy R2: the maximum journey decides what is near, not what exists. A list is never empty while a suitable
/// setting lies within the long-journey limit; long journeys are flagged with how far, and never outrank a near
/// setting of the same band.
@Suite struct LongJourneyTests {
    typealias F = MatchFixture

    @Test func travelCreditContinuesPastTheMaximumToZeroAtTwice() {
        let w = Weights.defaults
        func credit(_ km: Double) -> Double { PairEvaluator.travelCredit(km: km, walkingKm: 4.83, maxKm: 20, w: w) }
        #expect(abs(credit(20) - w.travelMaxCredit) < 1e-12)
        #expect(abs(credit(20.000001) - w.travelMaxCredit) < 1e-6, "continuous at the maximum")
        #expect(abs(credit(30) - w.travelMaxCredit / 2) < 1e-12)
        #expect(credit(40) == 0 && credit(55) == 0)
        #expect(credit(25) < credit(21) && credit(21) < credit(19), "never increases with distance")
        // A maximum inside the walking distance: beyond it the credit still falls to 0 at twice the maximum.
        let short = { (km: Double) in PairEvaluator.travelCredit(km: km, walkingKm: 4.83, maxKm: 1, w: w) }
        #expect(short(3) == 0 && abs(short(1.5) - short(1) / 2) < 1e-12)
    }

    @Test func nearestSuitableSettingsBeyondTheJourneyAreAddedAndFlagged() throws {
        // Only specialist settings for other needs nearby; three SLD schools beyond 20 km, one beyond the limit.
        let settings = [
            F.setting(9000001, type: .special, km: 5, needs: [.SEMH]),
            F.setting(9000002, type: .special, km: 17, ages: (4, 19), needs: [.SLD], places: 40, onRoll: 38),
            F.setting(9000003, type: .special, km: 19, ages: (4, 19), needs: [.SLD], places: 40, onRoll: 40),
            F.setting(9000004, type: .special, km: 25, ages: (4, 19), needs: [.SLD], places: 40, onRoll: 30),
            F.setting(9000005, type: .special, km: 60, ages: (4, 19), needs: [.SLD], places: 40, onRoll: 30),
        ]
        let l = F.list(F.engine(settings), F.profile(.SLD, severity: .severe, mustHave: [], maxKm: 20, allowed: [.special]))
        #expect(Set(l.entries.map(\.setting.urn)) == [9000002, 9000003, 9000004], "the three nearest, not the fourth at 78 km")
        for e in l.entries {
            #expect(e.labels.contains(.longJourney) && e.inclusion == .longJourney)
            let c = try #require(e.cautions.first { $0.key == .longJourney })
            #expect(c.text.contains("miles each way") && c.question.contains("s508B"))
        }
        // 9000004 is 32.5 km away by road: the default limit (60 km) lists it; a 30 km limit mentions it instead.
        var w = Weights.defaults
        w.fallbackLimitKm = 30
        let limited = F.list(F.engine(settings, weights: w), F.profile(.SLD, severity: .severe, maxKm: 20, allowed: [.special]))
        #expect(Set(limited.entries.map(\.setting.urn)) == [9000002, 9000003])
        #expect(limited.notes.contains { $0.contains("9000004") && $0.contains("mentioned here, not listed") })
        // A residential setting has its own, longer limit: the child boards.
        var residential = settings
        residential[3].facilities = FacilitySet([.residential])
        let boards = F.list(F.engine(residential, weights: w), F.profile(.SLD, severity: .severe, maxKm: 20, allowed: [.special]))
        #expect(boards.entries.map(\.setting.urn).contains(9000004))
    }

    // Unknown never excludes: a nearby special school that does not publish its designation may meet the need, so
    // it makes up the shortfall before any long journey does.
    @Test func aNearSpecialSchoolOfUnpublishedDesignationComesBeforeALongJourney() throws {
        let settings = [
            F.setting(9000001, type: .special, km: 4, ages: (4, 19), needs: [.SLD], places: 40, onRoll: 30),
            F.setting(9000002, type: .special, km: 6, ages: (4, 19), needs: nil, places: 40, onRoll: 30),
            F.setting(9000003, type: .special, km: 8, ages: (4, 19), needs: nil, places: 40, onRoll: 30),
            F.setting(9000004, type: .special, km: 25, ages: (4, 19), needs: [.SLD], places: 40, onRoll: 30),
        ]
        let l = F.list(F.engine(settings), F.profile(.SLD, severity: .severe, maxKm: 20, allowed: [.special]))
        #expect(Set(l.entries.map(\.setting.urn)) == [9000001, 9000002, 9000003], "no long journey while near ones may meet it")
        let unknown = try #require(l.entries.first { $0.setting.urn == 9000002 })
        #expect(unknown.inclusion == .designationNotPublished && unknown.unknown.contains(.needs))
    }

    @Test func aLongJourneyNeverOutranksANearSettingOfTheSameBand() {
        // A near mainstream school and a far one scoring more (vacancies, evidence) beyond the journey.
        var far = F.setting(9000002, type: .mainstreamResourced, km: 18, needs: [.ASD], facilities: [.sensoryRoom], places: 20, onRoll: 10)
        far.report = [.kindsOfSEN: "Autism autism autism sensory routine visual."]
        let near = F.setting(9000001, type: .mainstream, km: 1, pupils: 999)
        let l = F.list(F.engine([near, far]), F.profile(.ASD, severity: .moderate, desirable: [.sensoryRoom], maxKm: 20))
        #expect(l.entries.map(\.setting.urn) == [9000001, 9000002])
        #expect(l.entries[1].milli > l.entries[0].milli, "it scores more, and still comes after")
    }

    @Test func whySaysALongJourneyIsOnTheList() throws {
        let settings = [F.setting(9000002, type: .special, km: 17, ages: (4, 19), needs: [.SLD], places: 40, onRoll: 38)]
        let a = try F.engine(settings).why(F.profile(.SLD, severity: .severe, maxKm: 20), file: "t", urn: 9000002)
        #expect(a.onList && a.brokenRules == [.journey] && a.entry?.inclusion == .longJourney)
    }
}
