import ATLTestSupport
@testable import ATLModel
@testable import ATLData
import Foundation
import Testing

@Suite struct ProfileParserTests {
    static let valid = """
        # a comment
        format: atl-profile/1
        reference: EX-0001
        synthetic: yes
        primary-need: ASD severe
        secondary-needs: SLCN moderate, SEMH
        must-have: salt-onsite
        desirable: sensory-room, quiet-space
        nc-year: 6
        home-postcode: tf3 1la
        max-journey: 12 miles
        allowed-types: special, mainstream-resourced
        preferred-settings: 9000004
        faith: Roman Catholic
        single-sex: avoid
        mainstream-first: yes
        """

    func parse(_ text: String, academicYear: Int = 2026) -> Result<NeedsProfile, ATLError> {
        attempt({ try ProfileParser.parse(text: text, file: "p.profile", academicYear: academicYear) })
    }

    func errors(_ text: String) -> [Diagnostic] {
        if case .failure(let e) = parse(text) { return e.diagnostics }
        return []
    }

    @Test func parsesAFullProfile() throws {
        let p = try parse(Self.valid).get()
        #expect(p.reference == "EX-0001")
        #expect(p.synthetic)
        #expect(p.primaryNeed == .ASD && p.primarySeverity == .severe)
        #expect(p.secondaryNeeds == [.init(.SLCN, .moderate), .init(.SEMH, .moderate)])
        #expect(p.mustHave == FacilitySet([.saltOnsite]))
        #expect(p.placementYear == 7, "nc-year 6 → placement for Year 7")
        #expect(p.home == .postcode("TF3 1LA"))
        #expect(abs(p.maxJourneyKm! - 19.312128) < 1e-9)
        #expect(p.allowedTypes == [.special, .mainstreamResourced])
        #expect(p.singleSex == .avoid && p.mainstreamFirst)
        #expect(p.lineOf["home-postcode"] == 10)
    }

    // Policy R8, R12: the family asks for alternative provision or independent schools explicitly.
    @Test func asksForAlternativeProvisionAndIndependentSchools() throws {
        let base = "format: atl-profile/1\nreference: EX-0002\nprimary-need: SEMH severe\nplacement-year: 9\nhome-postcode: TF3 1LA\n"
        let p = try parse(base + "include-alternative-provision: yes\nprefers-independent: yes\n").get()
        #expect(p.includeAlternativeProvision && p.prefersIndependent)
        let plain = try parse(base).get()
        #expect(!plain.includeAlternativeProvision && !plain.prefersIndependent)
        var back = try parse(ProfileParser.render(p)).get()
        back.lineOf = [:]
        #expect(back.includeAlternativeProvision && back.prefersIndependent, "render keeps both")
        let contradiction = errors(base + "allowed-types: special\ninclude-alternative-provision: yes\n")
        #expect(contradiction.contains { $0.field == "include-alternative-provision" && $0.message.contains("allowed-types") })
        let noIndependent = errors(base + "allowed-types: special\nprefers-independent: yes\n")
        #expect(noIndependent.contains { $0.field == "prefers-independent" && $0.message.contains("allowed-types") })
    }

    @Test func renderRoundTrips() throws {
        let p = try parse(Self.valid).get()
        var back = try parse(ProfileParser.render(p)).get()
        back.lineOf = p.lineOf
        var expected = p
        expected.home = .postcode("TF3 1LA")
        #expect(back.reference == expected.reference && back.secondaryNeeds == expected.secondaryNeeds)
        #expect(abs(back.maxJourneyKm! - expected.maxJourneyKm!) < 0.001)
        #expect(back.allowedTypes == expected.allowedTypes && back.placementYear == expected.placementYear)
    }

    @Test func dateOfBirthGivesTheYearGroup() throws {
        // Born May 2015: Year 7 in 2026/27, so the placement is for Year 8.
        let base = "format: atl-profile/1\nreference: R1\nprimary-need: MLD\nhome-easting: 370000\nhome-northing: 310000\n"
        #expect(try parse(base + "date-of-birth: 2015-05-14\n").get().placementYear == 8)
        // Born October 2015: one year group below.
        #expect(try parse(base + "date-of-birth: 2015-10-01\n").get().placementYear == 7)
        #expect(ProfileParser.ncYear(born: DateComponents(year: 2015, month: 5, day: 14), academicYear: 2026) == 7)
        #expect(ProfileParser.ncYear(born: DateComponents(year: 2015, month: 9, day: 1), academicYear: 2026) == 6)
        #expect(ProfileParser.ncYear(born: DateComponents(year: 2015, month: 8, day: 31), academicYear: 2026) == 7)
    }

    @Test func distancesInMilesAndKilometres() throws {
        let kv = { (v: String) in KeyValueLine(key: "max-journey", value: v, line: 1) }
        #expect(try ProfileParser.parseDistance(kv("10 km"), file: "f") == 10)
        #expect(abs(try ProfileParser.parseDistance(kv("5mi"), file: "f") - 8.04672) < 1e-9)
        #expect(throws: ATLError.self) { try ProfileParser.parseDistance(kv("far"), file: "f") }
        #expect(throws: ATLError.self) { try ProfileParser.parseDistance(kv("-3 km"), file: "f") }
        #expect(throws: ATLError.self) { try ProfileParser.parseDistance(kv("500 miles"), file: "f") }
    }

    /// Each malformed profile gives an error naming the file, line and field.
    @Test(arguments: [
        ("primary-need: XYZ", "primary-need", 5),
        ("primary-need: ASD extreme", "primary-need", 5),
        ("secondary-needs: SLCN, ,MLD", "secondary-needs", 5),
        ("secondary-needs: ASD", "secondary-needs", 5),
        ("must-have: jacuzzi", "must-have", 5),
        ("nc-year: eleven", "nc-year", 5),
        ("placement-year: 40", "placement-year", 5),
        ("max-journey: 3 leagues", "max-journey", 5),
        ("home-postcode: NOT A CODE", "home-postcode", 5),
        ("allowed-types: castle", "allowed-types", 5),
        ("preferred-settings: abc", "preferred-settings", 5),
        ("single-sex: sometimes", "single-sex", 5),
        ("colour: blue", "", 5),
        ("reference: Jane Smith", "reference", 5),
        ("date-of-birth: 2015-13-40", "date-of-birth", 5),
        ("sex: other", "sex", 5),
    ])
    func malformedField(line: String, field: String, lineNumber: Int) {
        let text = "format: atl-profile/1\nreference: R1\nprimary-need: ASD\nnc-year: 6\n\(line)\nhome-easting: 1\nhome-northing: 1\n"
        let errs = errors(text)
        // An unknown field is not named (a profile line may hold personal data): its line is.
        #expect(errs.contains { ($0.field ?? "") == field && $0.line == lineNumber && $0.file == "p.profile" }, "\(errs)")
    }

    @Test func missingRequiredFieldsAreAllReported() {
        let errs = errors("format: atl-profile/1\n")
        let fields = Set(errs.compactMap(\.field))
        #expect(fields.isSuperset(of: ["reference", "primary-need", "placement-year", "home-postcode"]))
    }

    @Test func contradictionsAreErrors() {
        let base = "format: atl-profile/1\nreference: R1\nprimary-need: ASD\nnc-year: 6\nhome-easting: 1\nhome-northing: 1\n"
        #expect(errors(base + "must-have: hoist\ndesirable: hoist\n").contains { $0.field == "desirable" })
        #expect(errors(base + "preferred-settings: 123456\navoid-settings: 123456\n").contains { $0.field == "avoid-settings" })
        #expect(errors(base + "home-postcode: TF1 1AA\n").contains { $0.field == "home-postcode" })
        #expect(errors(base + "reference: R2\n").contains { $0.message.contains("given twice") })
        #expect(errors("format: atl-profile/1\nreference: R1\nprimary-need: ASD\nnc-year: 6\nplacement-year: 5\nhome-easting: 1\nhome-northing: 1\n")
            .contains { $0.field == "placement-year" })
        #expect(errors("format: atl-profile/2\nreference: R1\nprimary-need: ASD\nnc-year: 6\nhome-easting: 1\nhome-northing: 1\n")
            .contains { $0.field == "format" })
        #expect(errors("format: atl-profile/1\nreference: R1\nprimary-need: ASD\nnc-year: 6\nhome-easting: 1\n")
            .contains { $0.field == "home-northing" })
    }

    @Test func adversarialBytes() {
        // Not UTF-8, a lone BOM, binary junk, an enormous line, no colon.
        let inputs: [[UInt8]] = [[0xFF, 0xFE, 0x00], [0xEF, 0xBB, 0xBF], Array("\u{0}\u{1}\u{2}".utf8),
                                 Array(String(repeating: "x", count: 100_000).utf8), Array("just words\n".utf8)]
        for bytes in inputs {
            if case .success = attempt({ try ProfileParser.parse(bytes, file: "bad.profile", academicYear: 2026) }) {
                Issue.record("accepted \(bytes.prefix(8))")
            }
        }
    }
}
