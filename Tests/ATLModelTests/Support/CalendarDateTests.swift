import ATLModel
import Foundation
import Testing

/// Calendar dates (dates of birth, `--date`): leap days are dates only in leap years. Impossible dates are
/// tested with the profile parser (ProfileValidationTests), which reports them at their line.
@Suite struct CalendarDateTests {
    @Test func leapDaysAreDates() {
        #expect(CalendarDate.parse("2016-02-29") == DateComponents(year: 2016, month: 2, day: 29))
        #expect(CalendarDate.parse("2000-02-29") != nil)
        #expect(CalendarDate.parse("2100-02-29") == nil)
    }
}
