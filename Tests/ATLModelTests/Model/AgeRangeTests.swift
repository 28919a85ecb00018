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
