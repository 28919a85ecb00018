@testable import ATLModel
import Testing

/// GIAS statutory ages → national curriculum years: low = age on joining (Year N + 4), high = age reached in
/// the last year (Year N + 5).
@Test(arguments: [
    (4, 11, 0...6), (11, 16, 7...11), (11, 18, 7...13), (16, 19, 12...14), (7, 11, 3...6), (4, 7, 0...2),
    (9, 13, 5...8), (3, 11, -1...6), (2, 19, -2...14),
])
func ageRangeYears(low: Int, high: Int, years: ClosedRange<Int>) {
    #expect(AgeRange(low: low, high: high).years == years)
}

@Test func ageRangeAgreesWithPhase() {
    #expect(AgeRange(low: 4, high: 11).years == Phase.primary.typicalYears)
    #expect(AgeRange(low: 11, high: 18).years == Phase.secondary.typicalYears)
    #expect(AgeRange(low: 16, high: 19).years == Phase.sixteenPlus.typicalYears)
}

/// Policy R4: a nursery school admits only the years below Reception. Its statutory upper age of 5 is for children
/// who stay until compulsory school age (School Admissions Code 2.17), not a Reception class.
@Suite struct AdmittedYearsTests {
    func setting(_ type: SettingType, phase: Phase?, ages: (Int, Int)) -> Setting {
        Setting(urn: 9000001, name: "N", fictional: true, type: type, phase: phase, ageRange: AgeRange(low: ages.0, high: ages.1))
    }

    @Test func nurserySchoolHasNoReceptionClass() {
        #expect(setting(.earlyYears, phase: .nursery, ages: (3, 5)).admittedYears?.years == -1 ... -1)
        #expect(setting(.earlyYears, phase: .nursery, ages: (2, 5)).admittedYears?.years == -2 ... -1)
        #expect(setting(.earlyYears, phase: nil, ages: (3, 5)).admittedYears?.years == -1 ... -1, "early-years type alone")
        #expect(setting(.mainstream, phase: .nursery, ages: (3, 5)).admittedYears?.years == -1 ... -1, "nursery phase alone")
    }

    @Test func schoolsWithANurseryStillAdmitReception() {
        #expect(setting(.mainstream, phase: .primary, ages: (3, 11)).admittedYears?.years == -1 ... 6)
        #expect(setting(.special, phase: .allThrough, ages: (2, 19)).admittedYears?.years == -2 ... 14)
    }
}
