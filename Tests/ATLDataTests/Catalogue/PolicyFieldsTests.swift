import ATLTestSupport
@testable import ATLModel
@testable import ATLData
import Testing

/// The catalogue fields the matching policy reads (docs/catalogue-format.md): `s41-approved` (policy R6) and
/// `ofsted-date` (R7), through the field table like every header field.
@Suite struct PolicyFieldsTests {
    @Test func s41ApprovalAndOfstedDateParseAndRoundTrip() throws {
        let text = SettingFixture.file("type-note: x").replacingOccurrences(of: "type-note: x\n", with: "")
            .replacingOccurrences(of: "type: mainstream-resourced", with: "type: independent-special\ngias-type: Other independent special school\nofsted: Good\nofsted-date: 2023-05-12\ns41-approved: yes")
        let (s, d) = parseSetting({ try SettingFile.parse(text: text, file: "a.setting.md") })
        #expect(d.isEmpty, "\(d)")
        let setting = try #require(s)
        #expect(setting.s41Approved == true && setting.ofstedDate == "2023-05-12")
        let back = SettingFile.render(setting)
        #expect(back.contains("ofsted-date: 2023-05-12\n") && back.contains("s41-approved: yes\n"))
        let (again, _) = parseSetting({ try SettingFile.parse(text: back, file: "b.setting.md") })
        #expect(again == setting)
    }

    @Test func badValuesAreErrorsAndMisplacedOnesWarnings() {
        let (_, bad) = parseSetting({ try SettingFile.parse(text: SettingFixture.file("ofsted: Good\nofsted-date: 2023-02-30"), file: "a") })
        #expect(bad.contains { $0.field == "ofsted-date" && $0.level == .error })
        let (s, warnings) = parseSetting({ try SettingFile.parse(text: SettingFixture.file("s41-approved: yes\nofsted-date: 2023-02-03"), file: "a") })
        #expect(s != nil)
        #expect(warnings.contains { $0.field == "s41-approved" && $0.level == .warning }, "a mainstream school is not on the s41 list")
        #expect(warnings.contains { $0.field == "ofsted-date" && $0.level == .warning }, "a date without a judgement")
    }
}
