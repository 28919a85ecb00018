import ATLTestSupport
@testable import ATLModel
@testable import ATLData
import Testing

/// Every diagnostic a needs profile can produce, one row per site (file `p.profile`, academic year 2026/27),
/// and the privacy rule: no message ever repeats a value from a profile.
@Suite struct ProfileDiagnostics {
    static let file = "p.profile"
    static let base = "format: atl-profile/1\nreference: EHC-2026-0042\nprimary-need: ASD\nnc-year: 6\nhome-postcode: TF3 1AB\n"

    /// Rows whose input is extra lines (line 6 on) or, after `FILE:`, the whole profile.
    static let rows: [DiagnosticRow] = [
        .init("profile.unknown-field", line: 6, "colour: blue"),
        .init("profile.include-alternative-provision-not-allowed", line: 7, field: "include-alternative-provision",
              "allowed-types: special\ninclude-alternative-provision: yes"),
        .init("profile.prefers-independent-not-allowed", line: 7, field: "prefers-independent",
              "allowed-types: special, mainstream\nprefers-independent: yes"),
        .init("profile.empty-value", line: 6, field: "sex", "sex:"),
        .init("profile.field-given-twice", line: 6, field: "nc-year", "nc-year: 5"),
        .init("profile.journey-too-short", line: 6, field: "max-journey", "max-journey: 0.01 km"),
        .init("profile.journey-too-long", line: 6, field: "max-journey", "max-journey: 500 miles"),
        .init("profile.not-a-distance", line: 6, field: "max-journey", "max-journey: far"),
        .init("profile.required-field-missing", line: 1, field: "reference", "FILE:format: atl-profile/1\nprimary-need: ASD\nnc-year: 6\nhome-postcode: TF3 1AB\n"),
        .init("profile.wrong-format", line: 1, field: "format", "FILE:" + base.replacingOccurrences(of: "atl-profile/1", with: "atl-profile/9")),
        .init("profile.invalid-reference", line: 2, field: "reference", "FILE:" + base.replacingOccurrences(of: "EHC-2026-0042", with: "Jane Smith")),
        .init("profile.unknown-primary-need", line: 3, field: "primary-need", "FILE:" + base.replacingOccurrences(of: "primary-need: ASD", with: "primary-need: XYZ")),
        .init("profile.unknown-severity", line: 3, field: "primary-need", "FILE:" + base.replacingOccurrences(of: "primary-need: ASD", with: "primary-need: ASD awful")),
        .init("profile.bad-secondary-need", line: 6, field: "secondary-needs", "secondary-needs: SLCN very"),
        .init("profile.need-given-twice", line: 6, field: "secondary-needs", "secondary-needs: SLCN, SLCN mild"),
        .init("profile.secondary-is-primary", line: 6, field: "secondary-needs", "secondary-needs: ASD"),
        .init("profile.facility-given-twice", line: 6, field: "must-have", "must-have: hoist, hoist"),
        .init("profile.desirable-is-must-have", line: 7, field: "desirable", "must-have: hoist\ndesirable: hoist"),
        .init("profile.bad-date-of-birth", line: 6, field: "date-of-birth", "date-of-birth: 2015-13-40"),
        .init("profile.date-of-birth-out-of-range", line: 4, field: "date-of-birth",
              "FILE:format: atl-profile/1\nreference: R-1\nprimary-need: ASD\ndate-of-birth: 1995-01-01\nhome-postcode: TF3 1AB\n"),
        .init("profile.placement-year-missing", line: 1, field: "placement-year", "FILE:format: atl-profile/1\nreference: R-1\nprimary-need: ASD\nhome-postcode: TF3 1AB\n"),
        .init("profile.date-of-birth-contradicts-nc-year", line: 6, field: "date-of-birth", "date-of-birth: 2010-01-01"),
        .init("profile.placement-year-before-date-of-birth-year", line: 4, field: "date-of-birth",
              "FILE:format: atl-profile/1\nreference: R-1\nprimary-need: ASD\ndate-of-birth: 2014-01-01\nplacement-year: 5\nhome-postcode: TF3 1AB\n"),
        .init("profile.placement-year-before-nc-year", line: 6, field: "placement-year", "placement-year: 3"),
        .init("profile.home-given-twice", line: 5, field: "home-postcode", "home-easting: 300000\nhome-northing: 300000"),
        .init("profile.bad-home-postcode", line: 5, field: "home-postcode", "FILE:" + base.replacingOccurrences(of: "TF3 1AB", with: "12 High Street")),
        .init("profile.home-grid-incomplete", line: 5, field: "home-northing", "FILE:format: atl-profile/1\nreference: R-1\nprimary-need: ASD\nnc-year: 6\nhome-easting: 300000\n"),
        .init("profile.home-missing", line: 1, field: "home-postcode", "FILE:format: atl-profile/1\nreference: R-1\nprimary-need: ASD\nnc-year: 6\n"),
        .init("profile.unknown-setting-type", line: 6, field: "allowed-types", "allowed-types: castle"),
        .init("profile.no-allowed-type", line: 6, field: "allowed-types", "allowed-types: none"),
        .init("profile.bad-urn", line: 6, field: "preferred-settings", "preferred-settings: abc"),
        .init("profile.urn-given-twice", line: 6, field: "siblings-at", "siblings-at: 123456, 123456"),
        .init("profile.unknown-fit-preference", line: 6, field: "fit", "fit: sunny"),
        .init("profile.fit-given-twice", line: 6, field: "fit", "fit: small-setting, small-setting"),
        .init("profile.urn-preferred-and-avoided", line: 7, field: "avoid-settings", "preferred-settings: 123456\navoid-settings: 123456"),
    ]

    static func input(_ row: DiagnosticRow) -> String {
        row.input.hasPrefix("FILE:") ? String(row.input.dropFirst(5)) : base + row.input + "\n"
    }

    @Test(arguments: rows)
    func everyProfileDiagnostic(_ row: DiagnosticRow) {
        let result = attempt { try ProfileParser.parse(text: Self.input(row), file: Self.file, academicYear: 2026) }
        #expect(row.mismatch(in: result, file: Self.file) == nil, "\(row.mismatch(in: result, file: Self.file) ?? "")")
    }

    static let secrets = ["Jane", "Smith", "07700", "1AB", "High Street"]
    static let hostile = "Jane Smith, 12 High Street, TF3 1AB, 07700 900123"

    /// A value in any field that is not what the field expects — a name, an address, a phone number — is never
    /// repeated in a message: the message says what was expected, not what was found.
    @Test(arguments: ProfileParser.Field.allCases)
    func noMessageRepeatsAValue(_ field: ProfileParser.Field) {
        let others = Self.base.split(separator: "\n").filter { !$0.hasPrefix(field.rawValue + ":") }.joined(separator: "\n")
        let text = others + "\n\(field.rawValue): \(Self.hostile)\n"
        guard case .failure(let e) = attempt({ try ProfileParser.parse(text: text, file: Self.file, academicYear: 2026) }) else {
            if field == .faith { return } // free text, never an error and never repeated
            Issue.record("\(field.rawValue) accepted \(Self.hostile)")
            return
        }
        for d in e.diagnostics {
            for s in Self.secrets {
                #expect(!d.description.contains(s), "\(field.rawValue): \(d)")
            }
        }
    }

    /// Lines that are not `key: value`, or whose key is a name, are reported by line only.
    @Test func linesThatAreNotFieldsAreNotRepeated() {
        for line in [Self.hostile, "Jane Smith: TF3 1AB", "janesmith: 07700 900123"] {
            guard case .failure(let e) = attempt({ try ProfileParser.parse(text: Self.base + line + "\n", file: Self.file, academicYear: 2026) }) else {
                Issue.record("accepted \(line)"); continue
            }
            #expect(e.diagnostics.map(\.line) == [6])
            for s in Self.secrets + ["janesmith"] { #expect(!e.description.contains(s), "\(e)") }
        }
    }

    /// The profile from the adversarial run: CR-only line ends. It is read line by line, so the only problem is
    /// the reference (a name), which is not repeated.
    @Test func carriageReturnOnlyProfile() {
        let text = "format: atl-profile/1\rreference: Jane Smith\rprimary-need: ASD\rhome-postcode: TF3 1AB\rnc-year: 6\r"
        guard case .failure(let e) = attempt({ try ProfileParser.parse(text: text, file: Self.file, academicYear: 2026) }) else {
            Issue.record("accepted"); return
        }
        #expect(e.diagnostics.map(\.code) == ["profile.invalid-reference"])
        #expect(e.diagnostics.map(\.line) == [2])
        for s in Self.secrets { #expect(!e.description.contains(s), "\(e)") }
        let fixed = text.replacingOccurrences(of: "Jane Smith", with: "EHC-1")
        #expect(throws: Never.self) { try ProfileParser.parse(text: fixed, file: Self.file, academicYear: 2026) }
    }
}

/// The parent criteria of issue 13 (`siblings-at`, `fit`): read, and written back by the profile renderer.
@Suite struct ParentCriteriaProfileTests {
    @Test func siblingsAndFitRoundTrip() throws {
        let text = ProfileDiagnostics.base + "siblings-at: 104214, 123456\nfit: small-setting, time-with-mainstream-peers\n"
        let p = try ProfileParser.parse(text: text, file: "p.profile", academicYear: 2026)
        #expect(p.siblingsAt == [104214, 123456])
        #expect(p.fit == [.smallSetting, .timeWithMainstreamPeers])
        let again = try ProfileParser.parse(text: ProfileParser.render(p), file: "p.profile", academicYear: 2026)
        #expect(again.siblingsAt == p.siblingsAt && again.fit == p.fit)
    }
}
