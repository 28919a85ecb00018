import Foundation

/// Dates as every input format writes them: `YYYY-MM-DD` (four, two and two ASCII digits) naming a real day of the
/// Gregorian calendar. One parser for profile dates of birth, `--date` and the GIAS extract date, so they all
/// accept and refuse the same strings.
public enum CalendarDate {
    /// The date's year, month and day, or nil when `s` is not a real calendar date written `YYYY-MM-DD`
    /// (2015-02-30 is not one).
    public static func parse(_ s: String) -> DateComponents? {
        let b = Array(s.utf8)
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D,
              b.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || (0x30...0x39).contains($0.element) }),
              let y = Int(s.prefix(4)), let m = Int(s.dropFirst(5).prefix(2)), let d = Int(s.suffix(2)),
              (1...12).contains(m) else { return nil }
        let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        guard (1...days).contains(d) else { return nil }
        return DateComponents(year: y, month: m, day: d)
    }

    /// Whether `s` is a real calendar date written `YYYY-MM-DD` in the given years.
    public static func isValid(_ s: String, years: ClosedRange<Int>) -> Bool {
        parse(s).map { years.contains($0.year!) } ?? false
    }

    /// The academic year (its starting calendar year) a `YYYY-MM-DD` date falls in: 1 September starts a new
    /// one, so 2026-11-23 is in academic year 2026 (2026/27) and 2026-08-31 in 2025. Nil for a string that is
    /// not a date.
    public static func academicYear(of date: String) -> Int? {
        guard let d = parse(date) else { return nil }
        return d.month! >= 9 ? d.year! : d.year! - 1
    }

    /// The academic year today falls in, in England.
    public static func currentAcademicYear() -> Int { academicYear(of: today())! }

    /// Today's date in England (Europe/London), written `YYYY-MM-DD`: the default run date of every command.
    public static func today() -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Europe/London")!, from: Date())
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}
