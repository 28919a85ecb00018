import ATLTestSupport
@testable import ATLModel
@testable import ATLData
import Foundation
import Testing

/// What the profile parser refuses, and how its messages keep personal data out: names are not case
/// references, impossible dates and distances, contradicting year groups, repeated tags, long values cut.
/// (Numbers in the comments are the findings of the first tester's report.)
@Suite struct ProfileValidationTests {
    static let base = "format: atl-profile/1\nreference: R-1\nprimary-need: ASD\nhome-easting: 370000\nhome-northing: 310000\n"

    func errors(_ text: String, academicYear: Int = 2026) -> [Diagnostic] {
        if case .failure(let e) = attempt({ try ProfileParser.parse(text: text, file: "p.profile", academicYear: academicYear) }) { return e.diagnostics }
        return []
    }

    func profile(reference: String) -> String {
        "format: atl-profile/1\nreference: \(reference)\nprimary-need: ASD\nnc-year: 6\nhome-easting: 370000\nhome-northing: 310000\n"
    }

    /// #3: names, bare dots and slashes are not case references.
    @Test(arguments: ["Smith", "JohnSmith", "Oliver.Brown", "john_smith", "Mary-Jane", ".", "..", "/", "../1", "1/", "-1",
                      "A--1", "A//1", "EX-0001.", String(repeating: "A1", count: 21)])
    func namesAreNotReferences(_ r: String) {
        let errs = errors(profile(reference: r))
        #expect(errs.contains { $0.field == "reference" && $0.line == 2 }, "\(r): \(errs)")
        #expect(!ProfileParser.isValidReference(r))
    }

    @Test(arguments: ["EX-0001", "SYN-999-000001", "EHC/2026/42", "R1", "G1-2-SYN-8", "12345"])
    func caseReferencesAreAccepted(_ r: String) {
        #expect(errors(profile(reference: r)).isEmpty)
    }

    /// #2: a message about the reference never repeats it; one about the postcode gives at most the district.
    @Test func personalDataIsNotRepeated() {
        let errs = errors(profile(reference: "Jane Doe"))
        #expect(errs.count == 1)
        #expect(!errs.description.contains("Jane"))
        let pc = errors("format: atl-profile/1\nreference: R-1\nprimary-need: ASD\nnc-year: 6\nhome-postcode: 12 Acacia Avenue\n")
        #expect(pc.contains { $0.field == "home-postcode" })
        #expect(!pc.description.contains("Acacia"))
    }

    /// #8: a date of birth and an nc-year that disagree.
    @Test func dateOfBirthContradictingNCYearIsAnError() {
        // Born May 2014: Year 8 in 2026/27.
        let errs = errors(Self.base + "date-of-birth: 2014-05-14\nnc-year: 6\nplacement-year: 7\n")
        let d = errs.first { $0.field == "date-of-birth" }
        #expect(d?.line == 6)
        #expect(d?.message.contains("Year 8") == true && d?.message.contains("line 7") == true, "\(errs)")
        #expect(errors(Self.base + "date-of-birth: 2014-05-14\nnc-year: 8\n").isEmpty)
        #expect(errors(Self.base + "date-of-birth: 2014-05-14\nplacement-year: 7\n").contains { $0.field == "date-of-birth" })
        #expect(errors(Self.base + "date-of-birth: 2014-05-14\nplacement-year: 9\n").isEmpty)
    }

    /// #9: impossible calendar dates.
    @Test(arguments: ["2015-02-30", "2015-02-29", "2015-04-31", "2015-00-10", "2015-1-01", "2015-+1-01", "15-01-01", "2015-01-01x"])
    func impossibleDatesAreRejected(_ d: String) {
        #expect(errors(Self.base + "date-of-birth: \(d)\n").contains { $0.field == "date-of-birth" && $0.line == 6 })
        #expect(CalendarDate.parse(d) == nil)
    }

    /// #19: a facility tag given twice, like a secondary need given twice.
    @Test func duplicateFacilityTagsAreErrors() {
        let errs = errors(Self.base + "nc-year: 6\ndesirable: sensory-room, quiet-space, Sensory-Room\n")
        #expect(errs.contains { $0.field == "desirable" && $0.line == 7 && $0.message.contains("sensory-room given twice") }, "\(errs)")
        #expect(errors(Self.base + "nc-year: 6\nmust-have: hoist, hoist\n").contains { $0.field == "must-have" })
    }

    /// #22: echoed values are cut to about 80 characters.
    @Test func longValuesAreCut() {
        let long = String(repeating: "x", count: 100_000)
        for line in ["max-journey: \(long)", "sex: \(long)", "allowed-types: \(long)", "nc-year: \(long)", "\(long): 1"] {
            let errs = errors(Self.base + "nc-year: 6\n" + line + "\n")
            #expect(!errs.isEmpty)
            #expect(errs.allSatisfy { $0.description.count < 800 }, "\(line.prefix(20))")
        }
        #expect(Diagnostic.quote(long).count == Diagnostic.echoLimit + 2)
        #expect(Diagnostic.quote(long).hasSuffix("…\""))
        #expect(Diagnostic.quote("short") == "\"short\"")
    }

    /// #25: an empty required field is one error, not two.
    @Test func anEmptyReferenceIsOneError() {
        let errs = errors("format: atl-profile/1\nprimary-need: ASD\nreference:\nnc-year: 6\nhome-easting: 370000\nhome-northing: 310000\n")
        #expect(errs.count == 1, "\(errs)")
        #expect(errs.first?.line == 3 && errs.first?.field == "reference")
        #expect(errs.first?.message.contains("required") == true)
        #expect(errors("format: atl-profile/1\nreference: R-1\nprimary-need: ASD\nnc-year:\nhome-postcode:\n").count == 2)
    }

    /// #29: hex, exponents and tiny journeys.
    @Test(arguments: ["0x10 km", "1e1 km", "+5 km", "nan km", "inf miles", "1.2.3 km", "0.001 km", "0.05 miles", ". km"])
    func oddDistancesAreRejected(_ v: String) {
        #expect(errors(Self.base + "nc-year: 6\nmax-journey: \(v)\n").contains { $0.field == "max-journey" }, "\(v)")
    }

    @Test func plainDistancesAreAccepted() throws {
        let kv = { (v: String) in KeyValueLine(key: "max-journey", value: v, line: 1) }
        #expect(try ProfileParser.parseDistance(kv("0.1 km"), file: "f") == 0.1)
        #expect(try ProfileParser.parseDistance(kv(".5 km"), file: "f") == 0.5)
        #expect(try ProfileParser.parseDistance(kv("12.50 miles"), file: "f") > 20)
    }
}
