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

    @Test func aDateThatIsNotADayIsAnErrorAndADateAloneIsAllowed() {
        let (_, bad) = parseSetting({ try SettingFile.parse(text: SettingFixture.file("ofsted: Good\nofsted-date: 2023-02-30"), file: "a") })
        #expect(bad.contains { $0.field == "ofsted-date" && $0.level == .error })
        // Inspections since September 2024 give no single-word judgement: a date alone is a fact.
        let (s, warnings) = parseSetting({ try SettingFile.parse(text: SettingFixture.file("ofsted-date: 2025-03-04"), file: "a") })
        #expect(s?.ofstedDate == "2025-03-04" && warnings.isEmpty)
    }
}
