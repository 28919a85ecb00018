import ATLTestSupport
@testable import ATLModel
@testable import ATLData
import Testing

/// The mapping tables of the sen-facts importers, row by row where a decision was made.
@Suite struct SENFactsMappingsTests {
    @Test(arguments: [
        ("SEMH", [NeedCode.SEMH], SENFactsMappings.NeedScope.complete),
        ("broad range of SEN incl. severe, complex and profound learning disabilities", [.SLD, .PMLD], .partial),
        ("communication and interaction", [], .none),
        ("C&I", [], .none),
        ("generic", [], .none),
        ("SEMH; may also have MLD and health conditions", [.SEMH], .complete),
        ("SEMH/C&I", [.SEMH], .partial),
        ("SPLD/Dyslexia", [.SPLD], .complete),
        ("North: significant autism diagnosis; South: SEMH", [.ASD, .SEMH], .complete),
        ("pupils taught out of mainstream for a limited period", [], .none),
    ])
    func needWordings(wording: String, codes: [NeedCode], scope: SENFactsMappings.NeedScope) throws {
        let m = try #require(SENFactsMappings.needs[wording])
        #expect(m.codes == codes && m.scope == scope)
    }

    @Test func areasNeverMapToCodes() {
        for (wording, m) in SENFactsMappings.needs where wording == "communication and interaction" || wording == "C&I" {
            #expect(m.codes.isEmpty, "\(wording)")
        }
    }

    @Test func ageRangesOnlyFromWholeYears() {
        #expect(SENFactsMappings.ageRange("4-19 (Reception to Y14)") == AgeRange(low: 4, high: 19))
        #expect(SENFactsMappings.ageRange("5-16 (boys only KS3-4)") == AgeRange(low: 5, high: 16))
        #expect(SENFactsMappings.ageRange("11-16") == AgeRange(low: 11, high: 16))
        for text in ["KS2 (Y3-6)", "Primary", "Y5/Y6-11", "19+", "Junior (Year 3-6)", "16-30", "9-5"] {
            #expect(SENFactsMappings.ageRange(text) == nil, "\(text)")
        }
    }

    @Test func placesOnlyAPlainCountOfTheSettingsOwn() {
        #expect(SENFactsMappings.places["places for 134 children; classes up to 15"] == 134)
        #expect(SENFactsMappings.largestClass["places for 134 children; classes up to 15"] == 15)
        #expect(SENFactsMappings.places["more than 60 pupils"] == nil)
    }

    @Test func datesThePageStatesForItself() {
        #expect(SENFactsMappings.localOfferAsOf["page refers to Sept 2024"] == "undated", "a date referred to does not date the page")
        #expect(SENFactsMappings.localOfferAsOf["news 9 Feb 2026"] == "2026-02-09")
        #expect(SENFactsMappings.localOfferAsOf.values.allSatisfy { AsOfDate(parsing: $0) != nil })
    }

    @Test func censusTypes() {
        #expect(SENFactsMappings.censusType["Independent school"] == .ambiguous, "never applied alone")
        #expect(SENFactsMappings.secondaryGroup(phase: .secondary) == .mainstream)
        #expect(SENFactsMappings.secondaryGroup(phase: .sixteenPlus) == .post16)
        #expect(SENFactsMappings.secondaryGroup(phase: .notApplicable) == nil)
    }

    @Test func localOfferKindsSayWhatTheRowIsAbout() {
        #expect(SENFactsMappings.provisionKind["SEN unit"]?.provision == .senUnit)
        #expect(SENFactsMappings.provisionKind["resourced provision (proposed)"]?.meaning == .proposal)
        #expect(SENFactsMappings.provisionKind["specialist hub (satellite of Haughton)"]?.meaning == .otherSetting)
        #expect(SENFactsMappings.provisionKind["special school post-16 satellite"]?.meaning == .satellite)
    }

    @Test func excelSerials() {
        #expect(SENFactsReader.excelSerialDate(42095) == "2015-04-01")
        #expect(SENFactsReader.excelSerialDate(43313) == "2018-08-01")
    }

    @Test func rowIDsAreStable() {
        #expect(SENFactsReader.rowID("local-offer", ["a", "b"]) == SENFactsReader.rowID("local-offer", ["a", "b"]))
        #expect(SENFactsReader.rowID("local-offer", ["a", "b"]) != SENFactsReader.rowID("local-offer", ["a", "c"]))
        #expect(SettingFile.isRowID(SENFactsReader.rowID("local-offer", ["a"])))
    }

    @Test func namesFoldForTheReportLinkMatch() {
        #expect(SENFactsMappings.foldedName("Queen's Croft High School") == SENFactsMappings.foldedName("Queens Croft High School"))
        #expect(SENFactsMappings.foldedName("A & B School") == SENFactsMappings.foldedName("A and B school"))
        #expect(SENFactsMappings.foldedName("Donnington Wood Infant School") != SENFactsMappings.foldedName("Donnington Wood Infant School and Nursery Centre"))
    }
}
