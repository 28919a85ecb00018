import ATLTestSupport
@testable import ATLModel
@testable import ATLData
import Foundation
import Testing

/// Builds GIAS extract fixtures in the exact published format: all 135 columns of `edubasealldata` in their
/// published order, RFC 4180 quoting, CRLF record ends, Windows-1252 bytes.
enum GIASFixture {
    /// The column names, in order, of the full GIAS establishment extract (shared/data/gias-columns.txt).
    static let columns: [String] = [
        "URN", "LA (code)", "LA (name)", "EstablishmentNumber", "EstablishmentName", "TypeOfEstablishment (code)",
        "TypeOfEstablishment (name)", "EstablishmentTypeGroup (code)", "EstablishmentTypeGroup (name)",
        "EstablishmentStatus (code)", "EstablishmentStatus (name)", "ReasonEstablishmentOpened (code)",
        "ReasonEstablishmentOpened (name)", "OpenDate", "ReasonEstablishmentClosed (code)",
        "ReasonEstablishmentClosed (name)", "CloseDate", "PhaseOfEducation (code)", "PhaseOfEducation (name)",
        "StatutoryLowAge", "StatutoryHighAge", "Boarders (code)", "Boarders (name)", "NurseryProvision (name)",
        "OfficialSixthForm (code)", "OfficialSixthForm (name)", "Gender (code)", "Gender (name)",
        "ReligiousCharacter (code)", "ReligiousCharacter (name)", "ReligiousEthos (name)", "Diocese (code)",
        "Diocese (name)", "AdmissionsPolicy (code)", "AdmissionsPolicy (name)", "SchoolCapacity",
        "SpecialClasses (code)", "SpecialClasses (name)", "CensusDate", "NumberOfPupils", "NumberOfBoys",
        "NumberOfGirls", "PercentageFSM", "TrustSchoolFlag (code)", "TrustSchoolFlag (name)", "Trusts (code)",
        "Trusts (name)", "SchoolSponsorFlag (name)", "SchoolSponsors (name)", "FederationFlag (name)",
        "Federations (code)", "Federations (name)", "UKPRN", "FEHEIdentifier", "FurtherEducationType (name)",
        "LastChangedDate", "Street", "Locality", "Address3", "Town", "County (name)", "Postcode", "SchoolWebsite",
        "TelephoneNum", "HeadTitle (name)", "HeadFirstName", "HeadLastName", "HeadPreferredJobTitle",
        "BSOInspectorateName (name)", "InspectorateReport", "DateOfLastInspectionVisit", "NextInspectionVisit",
        "TeenMoth (name)", "TeenMothPlaces", "CCF (name)", "SENPRU (name)", "EBD (name)", "PlacesPRU",
        "FTProv (name)", "EdByOther (name)", "Section41Approved (name)", "SEN1 (name)", "SEN2 (name)", "SEN3 (name)",
        "SEN4 (name)", "SEN5 (name)", "SEN6 (name)", "SEN7 (name)", "SEN8 (name)", "SEN9 (name)", "SEN10 (name)",
        "SEN11 (name)", "SEN12 (name)", "SEN13 (name)", "TypeOfResourcedProvision (name)", "ResourcedProvisionOnRoll",
        "ResourcedProvisionCapacity", "SenUnitOnRoll", "SenUnitCapacity", "GOR (code)", "GOR (name)",
        "DistrictAdministrative (code)", "DistrictAdministrative (name)", "AdministrativeWard (code)",
        "AdministrativeWard (name)", "ParliamentaryConstituency (code)", "ParliamentaryConstituency (name)",
        "UrbanRural (code)", "UrbanRural (name)", "GSSLACode (name)", "Easting", "Northing", "MSOA (name)",
        "LSOA (name)", "InspectorateName (name)", "SENStat", "SENNoStat", "BoardingEstablishment (name)", "PropsName",
        "PreviousLA (code)", "PreviousLA (name)", "PreviousEstablishmentNumber", "Country (name)", "UPRN", "SiteName",
        "QABName (code)", "QABName (name)", "EstablishmentAccredited (code)", "EstablishmentAccredited (name)",
        "QABReport", "CHNumber", "MSOA (code)", "LSOA (code)", "FSM", "AccreditationExpiryDate",
    ]

    /// Values most rows share; each row overrides what matters to it. Other columns stay blank.
    static let base: [String: String] = [
        "LA (code)": "894", "LA (name)": "Telford and Wrekin", "EstablishmentNumber": "2001",
        "EstablishmentStatus (code)": "1", "EstablishmentStatus (name)": "Open",
        "ReasonEstablishmentOpened (code)": "00", "ReasonEstablishmentOpened (name)": "Not applicable",
        "OpenDate": "01-09-1974", "Boarders (code)": "1", "Boarders (name)": "No boarders",
        "Gender (code)": "3", "Gender (name)": "Mixed", "ReligiousCharacter (code)": "99",
        "ReligiousCharacter (name)": "Does not apply", "CensusDate": "16-01-2025", "LastChangedDate": "30-01-2026",
        "Street": "Hall Park Way", "Town": "Telford", "Postcode": "TF3 4NB", "SchoolWebsite": "http://www.example.org.uk",
        "TelephoneNum": "01952000000", "HeadTitle (name)": "Mrs", "HeadFirstName": "Ann", "HeadLastName": "Example",
        "TypeOfResourcedProvision (name)": "Not applicable", "GOR (code)": "F", "GOR (name)": "West Midlands",
        "UrbanRural (code)": "A1", "UrbanRural (name)": "(England/Wales) Urban major conurbation",
        "GSSLACode (name)": "E06000020", "Easting": "369850", "Northing": "308720", "Country (name)": "United Kingdom",
        "FSM": "42", "PercentageFSM": "17.3",
    ]

    /// One row's cells in the order of `columns`: `base` overridden by `values`. Every key must be a GIAS
    /// column (a typo in a fixture would otherwise pass silently).
    static func cells(_ values: [String: String], columns: [String] = columns) -> [String] {
        for key in values.keys where !Self.columns.contains(key) { fatalError("not a GIAS column: \(key)") }
        let merged = base.merging(values) { $1 }
        return columns.map { merged[$0] ?? "" }
    }

    static func quote(_ v: String) -> String {
        guard v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r\n" || $0 == "\n" || $0 == "\r" }) else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The file's text: header and rows, each ended by CRLF.
    static func text(header: [String] = columns, rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(quote).joined(separator: ",") + "\r\n" }.joined()
    }

    /// Windows-1252 bytes, with a UTF-8 byte-order mark in front when asked.
    static func bytes(_ text: String, bom: Bool = false) -> [UInt8] {
        (bom ? [0xEF, 0xBB, 0xBF] : []) + Windows1252.encode(text)!
    }

    static func run(_ bytes: [UInt8], file: String = "edubasealldata20260130.csv",
                    date: String? = "2026-01-30") -> GIASImport {
        var reader = CSVReader(bytes: bytes, encoding: .windows1252, file: file)
        return GIASImporter.importExtract(reader: &reader, sourceName: file, extractDate: date)
    }

    // MARK: The main fixture: one of each kind of setting, and bad rows between them.

    static let community: [String: String] = [
        "URN": "100001", "EstablishmentName": "Oakfield Primary School", "TypeOfEstablishment (code)": "01",
        "TypeOfEstablishment (name)": "Community school", "EstablishmentTypeGroup (code)": "4",
        "EstablishmentTypeGroup (name)": "Local authority maintained schools", "PhaseOfEducation (code)": "2",
        "PhaseOfEducation (name)": "Primary", "StatutoryLowAge": "4", "StatutoryHighAge": "11",
        "ReligiousCharacter (name)": "None", "SchoolCapacity": "420", "NumberOfPupils": "398",
        "Easting": "369850", "Northing": "308720", "Postcode": "tf3  4nb",
    ]
    static let academyRP: [String: String] = [
        "URN": "137001", "LA (code)": "893", "LA (name)": "Shropshire", "EstablishmentName": "Kingfisher Academy",
        "TypeOfEstablishment (code)": "34", "TypeOfEstablishment (name)": "Academy converter",
        "EstablishmentTypeGroup (name)": "Academies", "PhaseOfEducation (name)": "Secondary",
        "StatutoryLowAge": "11", "StatutoryHighAge": "16", "SchoolCapacity": "1050", "NumberOfPupils": "1002",
        "SEN1 (name)": "ASD - Autistic Spectrum Disorder", "SEN2 (name)": "SLCN - Speech, language and Communication",
        "SEN3 (name)": "SpLD - Specific Learning Difficulty", "TypeOfResourcedProvision (name)": "Resourced provision",
        "ResourcedProvisionOnRoll": "18", "ResourcedProvisionCapacity": "20", "Easting": "349500", "Northing": "312800",
        "Postcode": "SY1 1AA",
    ]
    static let wrongCount: [String: String] = ["URN": "100050", "EstablishmentName": "Short Row School",
                                               "TypeOfEstablishment (name)": "Community school"]
    static let both: [String: String] = [
        "URN": "123003", "EstablishmentName": "Severn Vale School", "TypeOfEstablishment (code)": "05",
        "TypeOfEstablishment (name)": "Foundation school", "PhaseOfEducation (name)": "Secondary",
        "StatutoryLowAge": "11", "StatutoryHighAge": "18", "SchoolCapacity": "1400", "NumberOfPupils": "1350",
        "SEN1 (name)": "HI - Hearing Impairment", "SEN2 (name)": "VI - Visual Impairment",
        "TypeOfResourcedProvision (name)": "Resourced provision and SEN unit", "ResourcedProvisionOnRoll": "8",
        "ResourcedProvisionCapacity": "10", "SenUnitOnRoll": "12", "SenUnitCapacity": "12",
    ]
    static let stMarys: [String: String] = [
        "URN": "100011", "EstablishmentName": "St Mary's, \"The Hill\" School", "TypeOfEstablishment (code)": "02",
        "TypeOfEstablishment (name)": "Voluntary aided school", "PhaseOfEducation (name)": "Primary",
        "StatutoryLowAge": "3", "StatutoryHighAge": "11", "ReligiousCharacter (code)": "03",
        "ReligiousCharacter (name)": "Roman Catholic", "Street": "1 Hill Road\r\nUpper Town",
        "Gender (name)": "Girls",
    ]
    static let specialAcademy: [String: String] = [
        "URN": "140004", "EstablishmentName": "Wrekin View Academy", "TypeOfEstablishment (code)": "44",
        "TypeOfEstablishment (name)": "Academy special converter", "EstablishmentTypeGroup (name)": "Special schools",
        "PhaseOfEducation (code)": "0", "PhaseOfEducation (name)": "Not applicable", "StatutoryLowAge": "2",
        "StatutoryHighAge": "19", "SchoolCapacity": "120", "NumberOfPupils": "131",
        "SEN1 (name)": "SLD - Severe Learning Difficulty", "SEN2 (name)": "PMLD - Profound and Multiple Learning Difficulty",
        "SEN3 (name)": "MSI - Multi-Sensory Impairment", "TypeOfResourcedProvision (name)": "",
    ]
    static let badURN: [String: String] = ["URN": "12a45", "EstablishmentName": "Typo School",
                                           "TypeOfEstablishment (name)": "Community school"]
    static let independentSpecial: [String: String] = [
        "URN": "125005", "EstablishmentName": "The Meadows School", "TypeOfEstablishment (code)": "10",
        "TypeOfEstablishment (name)": "Other independent special school", "PhaseOfEducation (name)": "Not applicable",
        "StatutoryLowAge": "7", "StatutoryHighAge": "19", "Gender (name)": "Boys", "SchoolCapacity": "40",
        "NumberOfPupils": "33", "SEN1 (name)": "SEMH - Social, Emotional and Mental Health",
        "SEN2 (name)": "OTH - Other Difficulty/Disability", "TypeOfResourcedProvision (name)": "",
        "Section41Approved (name)": "Approved", "Easting": "365123", "Northing": "310456",
    ]
    static let pru: [String: String] = [
        "URN": "123006", "EstablishmentName": "Telford Tuition Service", "TypeOfEstablishment (code)": "14",
        "TypeOfEstablishment (name)": "Pupil referral unit", "PhaseOfEducation (name)": "Not applicable",
        "StatutoryLowAge": "11", "StatutoryHighAge": "16", "SchoolCapacity": "60", "NumberOfPupils": "",
    ]
    static let badEasting: [String: String] = ["URN": "100052", "EstablishmentName": "Far Away School",
                                               "TypeOfEstablishment (name)": "Community school",
                                               "Easting": "800000", "Northing": "300000"]
    static let college: [String: String] = [
        "URN": "130007", "EstablishmentName": "Telford College", "TypeOfEstablishment (code)": "18",
        "TypeOfEstablishment (name)": "Further education", "PhaseOfEducation (name)": "16 plus",
        "StatutoryLowAge": "16", "StatutoryHighAge": "99", "FurtherEducationType (name)": "General Further Education",
        "ReligiousCharacter (name)": "", "Postcode": "TF1 2NP",
    ]
    static let nursery: [String: String] = [
        "URN": "103008", "EstablishmentName": "Hadley Nursery School", "TypeOfEstablishment (code)": "15",
        "TypeOfEstablishment (name)": "Local authority nursery school", "PhaseOfEducation (name)": "Nursery",
        "StatutoryLowAge": "2", "StatutoryHighAge": "5", "SchoolCapacity": "78", "NumberOfPupils": "64",
    ]
    static let closed: [String: String] = [
        "URN": "100009", "EstablishmentName": "Old Park Infants", "TypeOfEstablishment (name)": "Community school",
        "EstablishmentStatus (code)": "2", "EstablishmentStatus (name)": "Closed", "CloseDate": "31-08-2019",
        "Easting": "not recorded",
    ]
    static let welsh: [String: String] = [
        "URN": "401010", "LA (code)": "660", "LA (name)": "Isle of Anglesey", "EstablishmentName": "Ysgol Gynradd",
        "TypeOfEstablishment (code)": "30", "TypeOfEstablishment (name)": "Welsh establishment",
        "Easting": "245000", "Northing": "375000", "Postcode": "LL77 7AA",
    ]
    static let badAges: [String: String] = ["URN": "100053", "EstablishmentName": "Backwards School",
                                            "TypeOfEstablishment (name)": "Community school",
                                            "StatutoryLowAge": "11", "StatutoryHighAge": "4"]
    static let ecole: [String: String] = [
        "URN": "100012", "EstablishmentName": "École Élan – St Mary’s", "TypeOfEstablishment (name)": "Community school",
        "EstablishmentStatus (code)": "4", "EstablishmentStatus (name)": "Open, but proposed to close",
        "PhaseOfEducation (name)": "All-through", "StatutoryLowAge": "4", "StatutoryHighAge": "18",
    ]
    static let proposed: [String: String] = [
        "URN": "150013", "EstablishmentName": "New Town Free School", "TypeOfEstablishment (name)": "Free schools",
        "EstablishmentStatus (code)": "3", "EstablishmentStatus (name)": "Proposed to open",
    ]
    static let unknownNeed: [String: String] = [
        "URN": "100014", "EstablishmentName": "Brook Primary", "TypeOfEstablishment (name)": "Community school",
        "PhaseOfEducation (name)": "Primary", "SEN1 (name)": "ASD - Autistic Spectrum Disorder",
        "SEN2 (name)": "XYZ - Something New", "TypeOfResourcedProvision (name)": "SEN unit", "SenUnitCapacity": "8",
    ]
    static let duplicate: [String: String] = ["URN": "100001", "EstablishmentName": "Oakfield Primary School (copy)",
                                              "TypeOfEstablishment (name)": "Community school"]
    static let last: [String: String] = [
        "URN": "100015", "EstablishmentName": "Last Lane Primary", "TypeOfEstablishment (name)": "Community school",
        "Easting": "0", "Northing": "0", "Postcode": "",
    ]

    /// The main fixture's rows in file order. The wrong-count row drops its last field.
    static var mainRows: [[String]] {
        var short = cells(wrongCount)
        short.removeLast()
        return [
            cells(community), cells(academyRP), short, cells(both), cells(stMarys), cells(specialAcademy), cells(badURN),
            cells(independentSpecial), cells(pru), cells(badEasting), cells(college), cells(nursery), cells(closed),
            cells(welsh), cells(badAges), cells(ecole), cells(proposed), cells(unknownNeed), cells(duplicate),
            cells(last),
        ]
    }
}

@Suite struct GIASImporterTests {
    typealias F = GIASFixture

    static let main = F.run(F.bytes(F.text(rows: F.mainRows), bom: true))

    private func setting(_ urn: Int) throws -> Setting {
        try #require(Self.main.settings.first { $0.urn == urn }, "URN \(urn) imported")
    }

    @Test func fixtureIsInTheExactGIASShape() {
        #expect(F.columns.count == 135)
        #expect(F.columns.first == "URN" && F.columns.last == "AccreditationExpiryDate")
        #expect(F.mainRows.filter { $0.count == 135 }.count == 19)
        let bytes = F.bytes(F.text(rows: F.mainRows), bom: true)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(bytes.contains(0x92) && bytes.contains(0x96) && bytes.contains(0xC9), "’ – É as Windows-1252 bytes")
    }

    @Test func countsEveryRowOnce() {
        let r = Self.main
        #expect(r.rowsRead == 20)
        #expect(r.settings.map(\.urn) == [100001, 100011, 100012, 100014, 100015, 103008, 123003, 123006, 125005,
                                          130007, 137001, 140004])
        #expect(r.rowsRejected == 5)
        #expect(r.skipped.map(\.reason) == ["status: Closed", "status: Proposed to open",
                                           "type not placed: Welsh establishment"])
        #expect(r.skipped.map(\.count) == [1, 1, 1])
        #expect(r.settings.count + r.rowsRejected + r.skipped.reduce(0) { $0 + $1.count } == r.rowsRead)
    }

    @Test func errorsNameFileLineAndField() {
        let errors = Self.main.errors
        #expect(errors.map(\.line) == [4, 9, 12, 17, 21], "line numbers count the quoted line break in row 6")
        #expect(errors.map(\.field) == [nil, "URN", "Easting", "StatutoryLowAge", "URN"])
        #expect(errors.allSatisfy { $0.file == "edubasealldata20260130.csv" })
        #expect(errors[0].message.contains("134 fields but the header has 135"))
        #expect(errors[1].message.contains("\"12a45\""))
        #expect(errors[2].message.contains("outside Great Britain"))
        #expect(errors[3].message.contains("low age 11 is above the high age 4"))
        #expect(errors[4].message.contains("repeated (first on line 2)"))
        #expect(errors[1].description == "edubasealldata20260130.csv:9: field 'URN': expected a whole number, got \"12a45\"")
    }

    @Test func warningsLeaveFieldsUnknown() throws {
        let warnings = Self.main.warnings
        #expect(warnings.map(\.line) == [13, 20])
        #expect(warnings.map(\.field) == ["StatutoryHighAge", "SEN2 (name)"])
        #expect(warnings[1].message.contains("unknown need code \"XYZ\""))
        #expect(try setting(130007).ageRange == nil)
        #expect(try setting(100014).needs == NeedSet([.ASD]), "the known code is kept, the unknown one left out")
        #expect(try setting(100014).type == .mainstreamResourced)
        #expect(try setting(100014).specialistProvision == .senUnit)
        #expect(try setting(100014).specialistPlaces == 8)
        #expect(try setting(100014).specialistOnRoll == nil)
    }

    @Test func communitySchool() throws {
        let s = try setting(100001)
        #expect(s.name == "Oakfield Primary School")
        #expect(s.localAuthority == LocalAuthority(code: 894, name: "Telford and Wrekin"))
        #expect(s.type == .mainstream)
        #expect(s.giasType == "Community school")
        #expect(s.status == .open)
        #expect(s.phase == .primary)
        #expect(s.ageRange == AgeRange(low: 4, high: 11))
        #expect(s.gender == .mixed)
        #expect(s.religiousCharacter == "None", "'None' is published and kept")
        #expect(s.location == GridPoint(easting: 369850, northing: 308720))
        #expect(s.postcode == "TF3 4NB")
        #expect(s.capacity == 420 && s.onRoll == 398)
        #expect(s.needs == nil, "no SEN column given: unknown, not empty")
        #expect(s.specialistProvision == nil, "'Not applicable' is not read as 'none'")
        #expect(s.specialistPlaces == nil && s.specialistOnRoll == nil)
        #expect(s.sources == ["DfE GIAS establishment extract 2026-01-30"])
        #expect(s.ofsted == nil && s.facilities == nil && s.nearestPostcode == nil && s.report.isEmpty)
        #expect(!s.fictional)
    }

    @Test func academyWithResourcedProvision() throws {
        let s = try setting(137001)
        #expect(s.type == .mainstreamResourced)
        #expect(s.giasType == "Academy converter")
        #expect(s.localAuthority == LocalAuthority(code: 893, name: "Shropshire"))
        #expect(s.needs == NeedSet([.ASD, .SLCN, .SPLD]))
        #expect(s.specialistProvision == .resourcedProvision)
        #expect(s.specialistPlaces == 20 && s.specialistOnRoll == 18)
        #expect(s.specialistVacancies == 2)
        #expect(s.religiousCharacter == nil, "'Does not apply' says nothing")
        #expect(s.postcode == "SY1 1AA")
        #expect(s.location == GridPoint(easting: 349500, northing: 312800))
    }

    @Test func resourcedProvisionAndSENUnit() throws {
        let s = try setting(123003)
        #expect(s.type == .mainstreamResourced)
        #expect(s.specialistProvision == .both)
        #expect(s.specialistPlaces == 22, "10 resourced + 12 unit")
        #expect(s.specialistOnRoll == 20, "8 + 12")
        #expect(s.needs == NeedSet([.HI, .VI]))
        #expect(s.ageRange == AgeRange(low: 11, high: 18))
    }

    @Test func specialSchools() throws {
        let a = try setting(140004)
        #expect(a.type == .special)
        #expect(a.phase == .notApplicable)
        #expect(a.ageRange == AgeRange(low: 2, high: 19))
        #expect(a.needs == NeedSet([.SLD, .PMLD, .MSI]))
        #expect(a.capacity == 120 && a.onRoll == 131)
        #expect(a.specialistPlaces == nil && a.specialistOnRoll == nil, "never guessed from capacity")
        #expect(a.specialistProvision == nil)
        let i = try setting(125005)
        #expect(i.type == .independentSpecial)
        #expect(i.type.isIndependentSector)
        #expect(i.gender == .boys)
        #expect(i.needs == NeedSet([.SEMH, .OTH]))
        #expect(i.location == GridPoint(easting: 365123, northing: 310456))
    }

    @Test func pruCollegeAndNursery() throws {
        let pru = try setting(123006)
        #expect(pru.type == .alternativeProvision)
        #expect(pru.capacity == 60 && pru.onRoll == nil, "blank NumberOfPupils is unknown")
        let college = try setting(130007)
        #expect(college.type == .post16)
        #expect(college.phase == .sixteenPlus)
        #expect(college.postcode == "TF1 2NP")
        #expect(college.religiousCharacter == nil)
        let nursery = try setting(103008)
        #expect(nursery.type == .earlyYears)
        #expect(nursery.phase == .nursery)
        #expect(nursery.ageRange == AgeRange(low: 2, high: 5))
    }

    @Test func quotedNameAndAddressLineBreak() throws {
        let s = try setting(100011)
        #expect(s.name == "St Mary's, \"The Hill\" School")
        #expect(s.type == .mainstream)
        #expect(s.religiousCharacter == "Roman Catholic")
        #expect(s.gender == .girls)
        #expect(s.ageRange == AgeRange(low: 3, high: 11))
    }

    @Test func nonASCIINameAndProposedToClose() throws {
        let s = try setting(100012)
        #expect(s.name == "École Élan – St Mary’s")
        #expect(s.status == .open)
        #expect(s.phase == .allThrough)
        #expect(s.sources == ["DfE GIAS establishment extract 2026-01-30", "GIAS status: Open, but proposed to close"])
    }

    @Test func zeroCoordinatesAndBlankPostcodeAreUnknown() throws {
        let s = try setting(100015)
        #expect(s.location == nil)
        #expect(s.postcode == nil)
        #expect(s.name == "Last Lane Primary", "the row after the duplicate still imports")
    }

    @Test func closedRowsAreNotCheckedFurther() {
        // The closed row has Easting "not recorded": no diagnostic, since nothing from it is used.
        #expect(!Self.main.diagnostics.contains { $0.line == 15 })
    }

    @Test func missingRequiredColumns() {
        let header = F.columns.filter { $0 != "EstablishmentStatus (name)" && $0 != "URN" }
        let rows = [F.cells(F.community, columns: header)]
        let r = F.run(F.bytes(F.text(header: header, rows: rows)), file: "cut.csv")
        #expect(r.settings.isEmpty)
        #expect(r.rowsRead == 0)
        #expect(r.diagnostics.count == 2)
        #expect(r.diagnostics.map(\.line) == [1, 1])
        #expect(r.diagnostics.map(\.field) == ["EstablishmentStatus (name)", "URN"])
        #expect(r.diagnostics.allSatisfy { $0.file == "cut.csv" && $0.level == .error })
    }

    @Test func optionalColumnsMayBeAbsentAndColumnsAreFoundByName() throws {
        // Only the required columns plus two, in a different order.
        let header = ["EstablishmentName", "Postcode", "TypeOfEstablishment (name)", "URN", "EstablishmentStatus (name)",
                      "SEN1 (name)"]
        let rows = [["Small School", "B1 1AA", "Academy sponsor led", "138000", "Open", "vi - visual impairment"]]
        let r = F.run(F.bytes(F.text(header: header, rows: rows)))
        #expect(r.diagnostics.isEmpty)
        let s = try #require(r.settings.first)
        #expect(s.urn == 138000 && s.name == "Small School" && s.type == .mainstream)
        #expect(s.postcode == "B1 1AA")
        #expect(s.needs == NeedSet([.VI]), "need codes match case-insensitively")
        #expect(s.localAuthority == nil && s.location == nil && s.ageRange == nil && s.capacity == nil)
    }

    @Test func deterministicWhateverTheRowOrder() {
        var rows = F.mainRows
        rows.remove(at: 18)  // the duplicate: which copy counts as the repeat depends on order
        var rng = SplitMix(seed: 7)
        for _ in 0..<3 {
            let shuffled = rows.shuffled(using: &rng)
            let r = F.run(F.bytes(F.text(rows: shuffled)))
            let base = F.run(F.bytes(F.text(rows: rows)))
            #expect(r.settings == base.settings)
            #expect(r.settings == Self.main.settings)
            #expect(r.skipped.map(\.reason) == base.skipped.map(\.reason))
            #expect(r.skipped.map(\.count) == base.skipped.map(\.count))
            #expect(r.diagnostics.map(\.message).sorted() == base.diagnostics.map(\.message).sorted())
        }
    }

    @Test func sameResultAcrossChunkSplits() {
        let bytes = F.bytes(F.text(rows: F.mainRows), bom: true)
        for size in [1, 2, 3, 7, 64, 1000] {
            let chunks = stride(from: 0, to: bytes.count, by: size).map { Array(bytes[$0..<min($0 + size, bytes.count)]) }
            var reader = CSVReader(chunks: chunks, encoding: .windows1252, file: "edubasealldata20260130.csv")
            let r = GIASImporter.importExtract(reader: &reader, sourceName: "edubasealldata20260130.csv",
                                               extractDate: "2026-01-30")
            #expect(r.settings == Self.main.settings, "chunk size \(size)")
            #expect(r.diagnostics == Self.main.diagnostics, "chunk size \(size)")
        }
    }

    @Test func typesNotPlacedAndUnknownTypes() {
        let rows = [
            F.cells(["URN": "150001", "EstablishmentName": "Secure School", "TypeOfEstablishment (name)": "Academy secure 16 to 19"]),
            F.cells(["URN": "150002", "EstablishmentName": "Moon Base", "TypeOfEstablishment (name)": "Lunar academy"]),
            F.cells(["URN": "150003", "EstablishmentName": "Moon Base 2", "TypeOfEstablishment (name)": "Lunar academy"]),
            F.cells(["URN": "150004", "EstablishmentName": "Online", "TypeOfEstablishment (name)": "Online provider"]),
            F.cells(["URN": "150005", "EstablishmentName": "Forces School", "TypeOfEstablishment (name)": "Service children’s education"]),
            F.cells(["URN": "150006", "EstablishmentName": "Sixth Form", "TypeOfEstablishment (name)": "Academy 16-19 converter"]),
        ]
        let r = F.run(F.bytes(F.text(rows: rows)))
        #expect(r.settings.map(\.urn) == [150006])
        #expect(r.settings.first?.type == .post16)
        #expect(r.skipped.map(\.reason) == ["type not placed: Academy secure 16 to 19", "type not placed: Lunar academy",
                                           "type not placed: Online provider",
                                           "type not placed: Service children’s education"])
        #expect(r.skipped.map(\.count) == [1, 2, 1, 1])
        #expect(r.warnings.count == 1, "one warning for a type name the engine has never heard of")
        #expect(r.warnings.first?.line == 3)
        #expect(r.errors.isEmpty)
    }

    @Test func blankLinesAndSyntaxErrorsAreReported() {
        var text = F.text(rows: [F.cells(F.community)])
        text += "\r\n"  // a blank line
        text += F.cells(F.nursery).map(F.quote).joined(separator: ",") + "\r\n"
        text += "100099,\"unclosed\r\n"
        let r = F.run(F.bytes(text))
        #expect(r.settings.map(\.urn) == [100001, 103008], "rows before the syntax error are kept")
        #expect(r.skipped.map(\.reason) == ["blank line"])
        #expect(r.errors.count == 1)
        #expect(r.errors.first?.line == 5)
        #expect(r.errors.first?.message.contains("never closed") == true)
        #expect(r.errors.first?.message.contains("reading stopped") == true)
    }

    @Test func malformedOptionalNumbersAreErrors() {
        let rows = [
            F.cells(["URN": "100101", "EstablishmentName": "A", "TypeOfEstablishment (name)": "Community school",
                     "SchoolCapacity": "-5"]),
            F.cells(["URN": "100102", "EstablishmentName": "B", "TypeOfEstablishment (name)": "Community school",
                     "Northing": "north"]),
            F.cells(["URN": "100103", "EstablishmentName": "C", "TypeOfEstablishment (name)": "Community school",
                     "TypeOfResourcedProvision (name)": "SEN unit", "SenUnitOnRoll": "twelve"]),
            F.cells(["URN": "100104", "EstablishmentName": "D", "TypeOfEstablishment (name)": "Community school",
                     "EstablishmentStatus (name)": "Sort of open"]),
            F.cells(["URN": "100105", "EstablishmentName": "", "TypeOfEstablishment (name)": "Community school"]),
            F.cells(["URN": "100106", "EstablishmentName": "F", "TypeOfEstablishment (name)": "Community school",
                     "Postcode": "NOT A CODE", "Gender (name)": "Both", "LA (code)": "ABC",
                     "PhaseOfEducation (name)": "Elementary", "TypeOfResourcedProvision (name)": "Hub",
                     "StatutoryLowAge": "4", "StatutoryHighAge": "", "Northing": "0"]),
        ]
        let r = F.run(F.bytes(F.text(rows: rows)))
        #expect(r.errors.map(\.field) == ["SchoolCapacity", "Northing", "SenUnitOnRoll", "EstablishmentStatus (name)",
                                          "EstablishmentName"])
        #expect(r.errors.map(\.line) == [2, 3, 4, 5, 6])
        #expect(r.rowsRejected == 5)
        let s = r.settings.first
        #expect(s?.urn == 100106, "warnings do not stop a row")
        #expect(s?.postcode == nil && s?.gender == nil && s?.localAuthority == nil && s?.phase == nil
                && s?.specialistProvision == nil && s?.ageRange == nil && s?.location == nil)
        #expect(r.warnings.compactMap(\.field).sorted() == ["Gender (name)", "LA (code)", "Northing", "PhaseOfEducation (name)",
                                                             "Postcode", "StatutoryHighAge", "TypeOfResourcedProvision (name)"])
        #expect(r.warnings.allSatisfy { $0.line == 7 })
    }

    @Test func importedSettingsAreValidCatalogueFiles() {
        for s in Self.main.settings {
            let text = SettingFile.render(s)
            let (back, diags) = parseSetting({ try SettingFile.parse(text: text, file: "x.setting.md") })
            #expect(diags.filter { $0.level == .error }.isEmpty, "\(s.urn): \(diags)")
            #expect(back == s, "URN \(s.urn) round-trips")
        }
    }

    @Test func readsAFileAndTakesTheDateFromItsName() throws {
        var rows: [[String]] = []
        for i in 0..<1500 {
            rows.append(F.cells(F.academyRP.merging(["URN": "\(110000 + i)", "EstablishmentName": "School \(i), \"Quoted\""]) { $1 }))
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("atl-gias-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("edubasealldata20260130.csv").path
        try Data(F.bytes(F.text(rows: rows))).write(to: URL(fileURLWithPath: path))
        let r = GIASImporter.importExtract(path: path, extractDate: nil)
        #expect(r.diagnostics.isEmpty)
        #expect(r.settings.count == 1500)
        #expect(r.settings.last?.name == "School 1499, \"Quoted\"")
        #expect(r.settings.first?.sources == ["DfE GIAS establishment extract 2026-01-30"])
        let dated = GIASImporter.importExtract(path: path, extractDate: "2026-02-28")
        #expect(dated.settings.first?.sources == ["DfE GIAS establishment extract 2026-02-28"])
        let missing = GIASImporter.importExtract(path: dir.appendingPathComponent("nope.csv").path, extractDate: nil)
        #expect(missing.errors.count == 1)
    }

    /// Tester #9: an impossible `--extract-date` is an error, and nothing is imported with it.
    @Test func extractDateMustBeARealDate() throws {
        for bad in ["2026-99-99", "2026-02-30", "2025-02-29", "30 January 2026", "2026-1-30", "2026-01-30x",
                    "1800-01-01", "9999-01-01", "２０２６-01-30", ""] {
            #expect(!GIASImporter.isValidExtractDate(bad), "\(bad)")
        }
        for good in ["2026-01-30", "2024-02-29", "2000-02-29", "2026-12-31"] {
            #expect(GIASImporter.isValidExtractDate(good), "\(good)")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("atl-gias-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("nodate.csv").path
        try Data(F.bytes(F.text(rows: [F.cells(F.community)]))).write(to: URL(fileURLWithPath: path))
        let r = GIASImporter.importExtract(path: path, extractDate: "2026-99-99")
        #expect(r.settings.isEmpty)
        #expect(r.errors.count == 1 && r.errors.first?.field == "extract-date")
        #expect(r.errors.first?.description.contains("2026-99-99") == true)
        #expect(GIASImporter.extractDate(fromFileName: "edubasealldata20260231.csv") == nil)
    }

    /// Tester #10: a UTF-8 extract (with a BOM, or valid multi-byte UTF-8) is read as UTF-8, and the
    /// result says which encoding was used; Windows-1252 and plain ASCII stay Windows-1252.
    @Test func detectsUTF8() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("atl-gias-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let row = F.cells(F.community.merging(["EstablishmentName": "Ysgol Café Special – St Mary’s"]) { $1 })
        let text = F.text(rows: [row])
        // Pad with ASCII rows so the accented name lands after the first 64 KiB chunk boundary too.
        var padded: [[String]] = []
        for i in 0..<300 { padded.append(F.cells(F.community.merging(["URN": "\(110000 + i)"]) { $1 })) }
        padded.append(F.cells(F.community.merging(["URN": "120000", "EstablishmentName": "Ysgol Café Special"]) { $1 }))
        let cases: [(String, [UInt8], String, String)] = [
            ("bom.csv", [0xEF, 0xBB, 0xBF] + Array(text.utf8), "Ysgol Café Special – St Mary’s", "UTF-8"),
            ("utf8.csv", Array(text.utf8), "Ysgol Café Special – St Mary’s", "UTF-8"),
            ("cp1252.csv", F.bytes(text), "Ysgol Café Special – St Mary’s", "Windows-1252"),
            ("long-utf8.csv", Array(F.text(rows: padded).utf8), "Ysgol Café Special", "UTF-8"),
            ("long-cp1252.csv", F.bytes(F.text(rows: padded)), "Ysgol Café Special", "Windows-1252"),
        ]
        for (name, bytes, expected, encoding) in cases {
            let path = dir.appendingPathComponent(name).path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let r = GIASImporter.importExtract(path: path, extractDate: "2026-01-30")
            #expect(r.diagnostics.isEmpty, "\(name): \(r.diagnostics)")
            #expect(r.settings.last?.name == expected, "\(name)")
            #expect(r.encodingNote?.hasPrefix("read as \(encoding)") == true, "\(name): \(r.encodingNote ?? "nil")")
        }
        let ascii = dir.appendingPathComponent("ascii.csv").path
        try Data(F.text(rows: [F.cells(F.community)]).utf8).write(to: URL(fileURLWithPath: ascii))
        #expect(try GIASImporter.detectEncoding(path: ascii).encoding == .windows1252)
    }

    /// The UTF-8 check gives the same answer wherever chunk boundaries cut a multi-byte sequence.
    @Test func utf8CheckAcrossChunks() {
        let bytes = Array("a€b😀c é".utf8)
        for cut in 0...bytes.count {
            var c = UTF8Check()
            c.feed(Array(bytes[..<cut]))
            c.feed(Array(bytes[cut...]))
            c.finish()
            #expect(!c.invalid && c.multiByte, "cut at \(cut)")
        }
        var truncated = UTF8Check()
        truncated.feed(Array(bytes.dropLast(1)).dropLast(0) + [0xE2, 0x82])
        truncated.finish()
        #expect(truncated.invalid)
        var lone = UTF8Check()
        lone.feed([0x41, 0xE9, 0x42])
        lone.finish()
        #expect(lone.invalid)
    }

    @Test func extractDateFromFileName() {
        #expect(GIASImporter.extractDate(fromFileName: "edubasealldata20260130.csv") == "2026-01-30")
        #expect(GIASImporter.extractDate(fromFileName: "EduBaseAllData20251301.csv") == nil)
        #expect(GIASImporter.extractDate(fromFileName: "schools.csv") == nil)
        #expect(GIASImporter.sourceLine(extractDate: nil) == "DfE GIAS establishment extract")
    }

    @Test func everyGIASTypeNameHasADecision() {
        let placed: [(String, SettingType)] = [
            ("Community school", .mainstream), ("Voluntary aided school", .mainstream),
            ("Voluntary controlled school", .mainstream), ("Foundation school", .mainstream),
            ("City technology college", .mainstream), ("Academy sponsor led", .mainstream),
            ("Academy converter", .mainstream), ("Free schools", .mainstream),
            ("University technical college", .mainstream), ("Studio schools", .mainstream),
            ("Community special school", .special), ("Foundation special school", .special),
            ("Academy special sponsor led", .special), ("Academy special converter", .special),
            ("Free schools special", .special), ("Non-maintained special school", .nonMaintainedSpecial),
            ("Other independent special school", .independentSpecial), ("Other independent school", .independent),
            ("Pupil referral unit", .alternativeProvision), ("Academy alternative provision converter", .alternativeProvision),
            ("Academy alternative provision sponsor led", .alternativeProvision),
            ("Free schools alternative provision", .alternativeProvision), ("Further education", .post16),
            ("Sixth form centres", .post16), ("Special post 16 institution", .post16),
            ("Academy 16-19 converter", .post16), ("Academy 16 to 19 sponsor led", .post16),
            ("Free schools 16 to 19", .post16), ("Local authority nursery school", .earlyYears),
        ]
        for (name, type) in placed {
            #expect(SettingType(giasTypeName: name, resourced: false) == type, "\(name)")
        }
        #expect(SettingType(giasTypeName: "Academy converter", resourced: true) == .mainstreamResourced)
        #expect(SettingType(giasTypeName: "Other independent school", resourced: true) == .independentSpecial)
        #expect(SettingType(giasTypeName: "Community special school", resourced: true) == .special)
        for name in GIASImporter.knownNotPlaced {
            #expect(SettingType(giasTypeName: name, resourced: false) == nil, "\(name)")
        }
        #expect(GIASImporter.knownNotPlaced.count + placed.count == 41, "every GIAS type name is decided")
    }
}

/// A small seeded generator so shuffles are reproducible.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
