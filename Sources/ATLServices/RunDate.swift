import ATLModel

/// The date a command runs as: written in every provenance stamp, and it sets the academic year that turns a
/// date of birth into a year group. Given (`--date`) to reproduce an output byte for byte, else today in England.
public struct RunDate: Sendable, Hashable {
    /// `YYYY-MM-DD`.
    public let text: String
    /// The starting calendar year of the academic year the date falls in.
    public let academicYear: Int

    /// The given date, checked as a real calendar date in 1900...2100; nil when it is not one.
    public init?(_ given: String) {
        guard CalendarDate.isValid(given, years: 1900...2100), let y = CalendarDate.academicYear(of: given) else { return nil }
        text = given
        academicYear = y
    }

    /// Today's date in England.
    public static func today() -> RunDate { RunDate(CalendarDate.today())! }

    /// What to say when a given date is not one.
    public static func problem(_ given: String) -> String {
        "--date expects a real date as YYYY-MM-DD in the years 1900 to 2100, got \"\(given.prefix(80))\""
    }
}
