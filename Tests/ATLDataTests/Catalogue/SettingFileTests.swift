import ATLTestSupport
@testable import ATLModel
@testable import ATLData
import Testing

@Suite struct SettingFileTests {
    @Test func parsesMinimalFile() throws {
        let (s, d) = parseSetting({ try SettingFile.parse(text: SettingFixture.file(), file: "a.setting.md") })
        #expect(d.isEmpty)
        let setting = try #require(s)
        #expect(setting.urn == 123456)
        #expect(setting.type == .mainstreamResourced)
        #expect(setting.needs == nil, "absent field stays unknown")
        #expect(setting.facilities == nil)
        #expect(setting.status == .open)
    }

    @Test func roundTripsFullSetting() throws {
        let s = Setting(urn: 9000003, name: "Kingfisher Meadow Academy", fictional: true,
                        localAuthority: LocalAuthority(code: 999, name: "Severnvale (fictional example LA)"),
                        type: .mainstreamResourced, giasType: "Academy converter", phase: .secondary,
                        ageRange: AgeRange(low: 11, high: 16), gender: .mixed, religiousCharacter: "None",
                        ofsted: .good, location: GridPoint(easting: 369850, northing: 308720), postcode: "TF3 4NB",
                        capacity: 1050, onRoll: 1002, needs: NeedSet([.ASD, .SLCN]),
                        specialistProvision: .resourcedProvision, specialistPlaces: 20, specialistOnRoll: 18,
                        placesByNeed: [.ASD: 14, .SLCN: 6], facilities: FacilitySet([.saltOnsite, .sensoryRoom]),
                        costBand: .B, sources: ["one", "two"],
                        report: [.kindsOfSEN: "We provide for autism.\n\nAnd SLCN.", .senco: ""])
        let text = SettingFile.render(s)
        let (back, d) = parseSetting({ try SettingFile.parse(text: text, file: "x") })
        #expect(d.isEmpty)
        #expect(back == s)
        #expect(SettingFile.render(back!) == text, "rendering is a fixed point")
    }

    @Test func toleratesBOMAndCRLF() throws {
        let text = SettingFixture.file(body: "## Complaints\n\nWrite to us.\n").replacingOccurrences(of: "\n", with: "\r\n")
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        let (s, d) = parseSetting({ try SettingFile.parse(bytes, file: "crlf.setting.md") })
        #expect(d.isEmpty)
        #expect(s?.report[.complaints] == "Write to us.")
    }

    @Test func emptyAndMissingSectionsDiffer() throws {
        let (s, _) = parseSetting({ try SettingFile.parse(text: SettingFixture.file(body: "## Complaints\n\n## Transport\nBus.\n"), file: "x") })
        #expect(s?.report[.complaints] == "")
        #expect(s?.report[.transport] == "Bus.")
        #expect(s?.report[.senco] == nil)
    }

    @Test func headingsMatchIgnoringCaseAndPunctuation() {
        #expect(ReportSection(heading: "SENCO name and contact details") == .senco)
        #expect(ReportSection(heading: "senco-name and contact DETAILS!") == .senco)
        #expect(ReportSection(heading: "class-sizes-staffing") == .classSizes)
        #expect(ReportSection(heading: "Our lovely garden") == nil)
    }

    @Test func slugIsStableASCII() {
        #expect(SettingFile.slug("St Mary's C of E (VA) Primary") == "st-marys-c-of-e-va-primary")
        #expect(SettingFile.slug("Ysgol Gymraeg Llundain — École") == "ysgol-gymraeg-llundain-ecole")
    }
}
