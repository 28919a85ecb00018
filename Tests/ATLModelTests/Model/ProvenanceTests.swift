import ATLTestSupport
@testable import ATLModel
import Testing

@Suite struct ProvenanceTests {
    @Test func asOfDatesParseAtThePrecisionPublished() {
        #expect(AsOfDate(parsing: "2016") == .year(2016))
        #expect(AsOfDate(parsing: "2016-11") == .month(2016, 11))
        #expect(AsOfDate(parsing: "2022-03-22") == .day(2022, 3, 22))
        #expect(AsOfDate(parsing: "undated") == .undated)
        for bad in ["2016-13", "2015-02-30", "16-11", "2016/11", "2016-1", "Nov 2016", "", "2016-11-01x", "0201"] {
            #expect(AsOfDate(parsing: bad) == nil, "\(bad)")
        }
        #expect(AsOfDate(parsing: "2016-11")?.description == "2016-11")
        #expect(AsOfDate.month(2016, 11).text == "Nov 2016")
        #expect(AsOfDate.day(2022, 3, 22).text == "22 Mar 2022")
    }

    @Test func datesOfDifferentPrecisionCompareByTheDaysTheyCanMean() {
        let y2022 = AsOfDate.year(2022), mar = AsOfDate.month(2022, 3), day = AsOfDate.day(2022, 3, 22)
        #expect(mar.isSameAge(as: day), "overlapping: the same age")
        #expect(y2022.isSameAge(as: mar))
        #expect(AsOfDate.month(2025, 1).isNewer(than: mar))
        #expect(!mar.isNewer(than: AsOfDate.month(2025, 1)))
        #expect(AsOfDate.year(1990).isNewer(than: .undated), "any date is newer than undated")
        #expect(!AsOfDate.undated.isNewer(than: .year(1990)))
        #expect(AsOfDate.undated.isSameAge(as: .undated))
    }

    @Test func ageAndFutureOnARunDate() {
        #expect(AsOfDate.month(2025, 1).monthsOld(on: "2026-11-23") == 21, "from the month's last day")
        #expect(AsOfDate.day(2022, 3, 22).monthsOld(on: "2026-11-23") == 56)
        #expect(AsOfDate.undated.monthsOld(on: "2026-11-23") == nil)
        #expect(AsOfDate.month(2026, 12).isAfter("2026-11-23"))
        #expect(!AsOfDate.year(2026).isAfter("2026-11-23"), "2026 can mean a day before the run date")
    }

    @Test func provenanceRoundTrips() throws {
        for text in ["census-2019 2019-01", "local-offer undated, confirmed 2026-11-23 by SENDO-07", "officer 2026-11-23 by SENDO-07",
                     "s41-2022 2022-03-22"] {
            #expect(try FactProvenance.parse(text).description == text)
        }
        let p = try FactProvenance.parse("local-offer undated, confirmed 2026-11-23 by SENDO-07")
        #expect(p.isVouchedByOfficer && !p.isOfficerEntry)
        #expect(try FactProvenance.parse("officer 2026-11-23 by SENDO-07").isOfficerEntry)
    }

    @Test func provenanceErrorsHaveCodesAndNeverRepeatAnOfficerID() {
        func code(_ s: String) -> String? {
            do { _ = try FactProvenance.parse(s); return nil } catch { return error.code }
        }
        #expect(code("census-2019") == "provenance.syntax")
        #expect(code("Census 2019-01") == "provenance.source-key")
        #expect(code("census-2019 2019-13") == "provenance.date")
        #expect(code("officer 2026-11-23 by Jane Smith") == "provenance.syntax")
        #expect(code("officer 2026-11-23 by J") == "provenance.officer-id")
        do { _ = try FactProvenance.parse("officer 2026-11-23 by Jane.Smith") } catch {
            #expect(error.code == "provenance.officer-id")
            #expect(!error.message.contains("Jane"), "a name typed as an ID is never repeated")
        }
    }

    @Test func sourceDeclarations() throws {
        let d = try SourceDeclaration.parse("local-offer | public | shropshire.gov.uk | Shropshire: provision | https://a.example/x ; https://b.example/y")
        #expect(d.key == "local-offer" && d.sourceClass == .public && d.urls.count == 2)
        #expect(d.description == "local-offer | public | shropshire.gov.uk | Shropshire: provision | https://a.example/x ; https://b.example/y")
        func code(_ s: String) -> String? {
            do { _ = try SourceDeclaration.parse(s); return nil } catch { return error.code }
        }
        #expect(code("local-offer | public | site | a page") == "source.url-missing", "a web source names its page")
        #expect(code("census | private | DfE | x") == "source.class")
        #expect(code("officer | public | x | y") == "source.key", "officer is reserved")
        #expect(code("x | public | y") == "source.syntax")
        #expect(code("report-link | public | y | z | ftp://x") == "source.bad-url")
    }

    @Test func precedenceClassesOrder() {
        #expect(SourceClass.public < .giasExtract && SourceClass.giasExtract < .officer)
    }

    @Test func giasTypeNamesIn2016AndTodaySpellings() {
        #expect(SettingType.giasGroup("Free Schools - Alternative Provision") == .placed(.alternativeProvision))
        #expect(SettingType.giasGroup("Free schools alternative provision") == .placed(.alternativeProvision))
        #expect(SettingType.giasGroup("LA Nursery School") == .placed(.earlyYears))
        #expect(SettingType.giasGroup("Free Schools - 16-19") == .placed(.post16))
        #expect(SettingType.giasGroup("Non-Maintained Special School") == .placed(.nonMaintainedSpecial))
        #expect(SettingType.giasGroup("Other Independent Special School") == .placed(.independentSpecial))
        #expect(SettingType.giasGroup("Higher Education Institutions") == .notPlaced)
        #expect(SettingType.giasGroup("Service children’s education") == .notPlaced)
        #expect(SettingType.giasGroup("Something new") == .unknownName, "never guessed")
        #expect(SettingType(giasTypeName: "Academy converter", resourced: true) == .mainstreamResourced, "as before")
    }

    @Test func effectiveTypeFromGroupAndProvision() {
        #expect(SettingType.effective(group: .mainstream, provision: .resourcedProvision) == .mainstreamResourced)
        #expect(SettingType.effective(group: .mainstream, provision: SpecialistProvisionKind.none) == .mainstream)
        #expect(SettingType.effective(group: .mainstream, provision: nil) == .mainstream)
        #expect(SettingType.effective(group: .special, provision: .senUnit) == .special)
        var s = Setting(urn: 100001, name: "X", type: .mainstreamResourced, specialistProvision: .senUnit)
        #expect(s.typeGroup == .mainstream)
        s.specialistProvision = nil
        #expect(s.typeGroup == .mainstreamResourced, "a v1 mainstream-resourced with no kind known keeps its value")
    }

    @Test func pupilCounts() {
        #expect(PupilCount(parsing: "193 of 193")?.description == "193 of 193")
        #expect(PupilCount(parsing: "194 of 193") == nil)
        #expect(PupilCount(parsing: "12 out of 30") == nil)
    }
}
