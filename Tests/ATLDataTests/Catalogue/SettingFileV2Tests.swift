import ATLTestSupport
@testable import ATLModel
@testable import ATLData
import Foundation
import Testing

/// The catalogue format `atl-setting/2`: facts with provenance, read and written through the field table.
@Suite struct SettingFileV2Tests {
    static let v2 = """
        ---
        format: atl-setting/2
        urn: 123629
        name: Haughton School                       [schools 2026-01-30]
        la-code: 894                                [schools 2026-01-30]
        la-name: Telford and Wrekin                 [schools 2026-01-30]
        type: special                               [special-2025 2025-01]
        gias-type: Community special school         [special-2025 2025-01]
        phase: not-applicable                       [schools 2026-01-30]
        age-range: 5-11                             [local-offer undated]
        dfe-number: 894/7001                        [census-2019 2019-01]
        needs: SLD, PMLD (partial)                  [local-offer undated, confirmed 2026-11-23 by SENDO-07]
        needs-as-published: broad range of SEN incl. severe, complex and profound learning disabilities  [local-offer undated]
        specialist-places: 134                      [officer 2026-11-23 by SENDO-07]
        places-as-published: places for 134 children; classes up to 15  [local-offer undated]
        largest-class: 15                           [local-offer undated]
        pupils-with-ehcp: 193 of 193                [special-2025 2025-01]
        pupils-on-sen-support: 0 of 193             [special-2025 2025-01]
        sen-report-link: http://haughtonschool.co.uk/school-information/admission-criteria  [report-link undated]
        sen-report-kind: admission criteria         [report-link undated]
        source: census-2019 | public | DfE school census | census, Jan 2019
        source: local-offer | public | telfordsend.org.uk | Telford: provision as published | https://www.telfordsend.org.uk/homepage/19
        source: report-link | public | haughtonschool.co.uk | admission criteria | http://haughtonschool.co.uk/school-information/admission-criteria
        source: schools | public | GIAS (schools file) | schools file 2026-01-30
        source: special-2025 | public | DfE SEN in England | special schools 2024/25
        confirmed: local-offer:9a5865c1  [officer 2026-11-23 by SENDO-07]
        rejected: sen-2023:0badc0de  [officer 2026-11-23 by SENDO-07]
        ---

        ## Complaints

        Write to the head.

        """

    @Test func readsFactsWithTheirProvenance() throws {
        let (s, d) = parseSetting({ try SettingFile.parse(text: Self.v2, file: "h.setting.md") })
        #expect(d.isEmpty, "\(d)")
        let h = try #require(s)
        #expect(h.type == .special)
        #expect(h.provenance["type"]?.description == "special-2025 2025-01")
        #expect(h.needs == nil, "a partial designation never reaches the engine's needs")
        #expect(h.partialNeeds == NeedSet([.SLD, .PMLD]))
        #expect(h.provenance["needs"]?.confirmedBy == "SENDO-07")
        #expect(h.sourceClass(of: "needs") == .officer)
        #expect(h.sourceClass(of: "specialist-places") == .officer)
        #expect(h.sourceClass(of: "type") == .public)
        #expect(h.pupilsWithEHCP == PupilCount(count: 193, total: 193))
        #expect(h.dfeNumber == "894/7001")
        #expect(h.confirmedRows.map(\.rowID) == ["local-offer:9a5865c1"])
        #expect(h.rejectedRows.map(\.rowID) == ["sen-2023:0badc0de"])
        #expect(h.report[.complaints] == "Write to the head.")
    }

    @Test func writingIsAFixedPoint() throws {
        let s = try #require(parseSetting({ try SettingFile.parse(text: Self.v2, file: "h") }).0)
        let text = SettingFile.render(s)
        #expect(text == Self.v2, "the canonical text: fields in order, provenance padded to column \(SettingFile.provenanceColumn)")
        let back = try #require(parseSetting({ try SettingFile.parse(text: text, file: "h") }).0)
        #expect(back == s)
    }

    @Test func mainstreamWithAResourcedProvisionIsMainstreamResourced() throws {
        let text = """
            ---
            format: atl-setting/2
            urn: 139102
            name: Lakelands Academy                     [schools 2026-01-30]
            type: mainstream                            [census-2019 2019-01]
            specialist-provision: resourced-provision   [local-offer undated]
            source: census-2019 | public | DfE school census | census
            source: local-offer | public | shropshire.gov.uk | Local Offer | https://www.shropshire.gov.uk/x
            source: schools | public | GIAS (schools file) | schools file
            ---

            """
        let s = try #require(parseSetting({ try SettingFile.parse(text: text, file: "l") }).0)
        #expect(s.type == .mainstreamResourced, "the effective type the engine matches on")
        #expect(s.typeGroup == .mainstream)
        #expect(SettingFile.render(s) == text, "written back as two facts with their own sources")
    }

    @Test func v1FilesReadAndWriteExactlyAsBefore() throws {
        let v1 = SettingFixture.file("specialist-provision: resourced-provision\nsource: hand-written", body: "\n## Complaints\n\nWrite to us.\n")
        let s = try #require(parseSetting({ try SettingFile.parse(text: v1, file: "v1") }).0)
        #expect(s.provenance.isEmpty)
        #expect(s.type == .mainstreamResourced)
        #expect(SettingFile.render(s) == v1, "a setting without provenance is still written as atl-setting/1")
        #expect(s.sources == ["hand-written"])
    }

    /// Every provenance problem is reported at its line with a stable code.
    @Test(arguments: [
        ("gender: mixed", "setting.provenance-missing"),
        ("gender: mixed  [census-2019 2019-13]", "setting.provenance.date"),
        ("gender: mixed  [census 2019-01]", "setting.source-undeclared"),
        ("gender: mixed  [schools 2026-01-30, confirmed 2026-11-23 by Jane Smith]", "setting.provenance.syntax"),
        ("gender: mixed  [schools 2026-01-30, confirmed 2025-11-23 by SENDO-07]", "setting.confirmed-before-as-of"),
        ("gender: mixed  [officer 2026-11-23 by J]", "setting.provenance.officer-id"),
        ("needs-as-published: a [b]  [schools 2026-01-30]", "setting.value-ends-in-bracket"),
        ("pupils-with-ehcp: 9 of 8  [schools 2026-01-30]", "setting.pupil-count"),
        ("dfe-number: 8941001  [schools 2026-01-30]", "setting.dfe-number"),
        ("la-code: 894  [schools 2026-01-30]\nla-name: Telford  [officer 2026-11-23 by SENDO-07]", "setting.pair-provenance"),
        ("source: local-offer | public | site | a page", "setting.source.url-missing"),
        ("source: schools | public | again | twice", "setting.source-key-twice"),
        ("confirmed: not-an-id  [officer 2026-11-23 by SENDO-07]", "setting.reviewed-row"),
        ("needs: none (partial)  [schools 2026-01-30]", "setting.needs-partial"),
    ])
    func provenanceErrors(line: String, code: String) {
        let text = "---\nformat: atl-setting/2\nurn: 100001\nname: A School  [schools 2026-01-30]\ntype: unknown\n"
            + "source: schools | public | GIAS (schools file) | schools file\n" + line + "\n---\n"
        let (_, d) = parseSetting({ try SettingFile.parse(text: text, file: "p") })
        #expect(d.contains { $0.code.rawValue == code && $0.level == .error }, "\(d.map { "\($0.code): \($0.message)" })")
        #expect(!d.contains { $0.message.contains("Jane") }, "an officer ID is never repeated")
    }

    @Test func runDateChecksFutureDatesAndWarnsOnRealV1Files() {
        let text = "---\nformat: atl-setting/2\nurn: 100001\nname: A School  [schools 2027-01]\ntype: unknown\n"
            + "source: schools | public | GIAS (schools file) | schools file\n---\n"
        #expect(parseSetting({ try SettingFile.parse(text: text, file: "f") }).1.isEmpty, "no run date: not checked")
        let (_, d) = parseSetting({ try SettingFile.parse(text: text, file: "f", runDate: "2026-11-23") })
        #expect(d.contains { $0.code == "setting.as-of-future" && $0.level == .error })
        let v1 = "---\nformat: atl-setting/1\nurn: 100001\nname: A School\ntype: unknown\n---\n"
        let (_, w) = parseSetting({ try SettingFile.parse(text: v1, file: "v1", runDate: "2026-11-23") })
        #expect(w.map(\.code) == ["setting.format-v1-without-provenance"] && w.allSatisfy { $0.level == .warning })
        let fictional = "---\nformat: atl-setting/1\nurn: 9000001\nname: A School\nfictional: yes\ntype: unknown\n---\n"
        #expect(parseSetting({ try SettingFile.parse(text: fictional, file: "x", runDate: "2026-11-23") }).1.isEmpty,
                "invented example settings are not asked for dates")
    }

    @Test func unusedDeclarationIsAWarning() {
        let text = "---\nformat: atl-setting/2\nurn: 100001\nname: A School  [schools 2026-01-30]\ntype: unknown\n"
            + "source: schools | public | GIAS (schools file) | schools file\nsource: gias-2016 | public | GIAS | types\n---\n"
        let (s, d) = parseSetting({ try SettingFile.parse(text: text, file: "u") })
        #expect(s != nil)
        #expect(d.map(\.code) == ["setting.source-unused"])
    }

    @Test func headerIsReplacedAndBodyBytesKept() {
        let old = "\u{FEFF}---\r\nformat: atl-setting/1\r\nurn: 1\r\n---\r\n\r\n## Complaints\r\n\r\n  odd   spacing  \r\n"
        let new = CatalogueWriter.replacingHeader(of: old, with: "---\nNEW\n---\n")
        #expect(new == "---\nNEW\n---\n\r\n## Complaints\r\n\r\n  odd   spacing  \r\n")
        #expect(CatalogueWriter.replacingHeader(of: "no header", with: "x") == nil)
    }

    @Test func snapshotCodecCarriesProvenance() throws {
        let s = try #require(parseSetting({ try SettingFile.parse(text: Self.v2, file: "h") }).0)
        var lines: [String] = []
        for spec in SettingFile.fields {
            for (v, p) in SettingFile.lineValues(spec, s) { lines.append(p.map { "\(v)  [\($0)]" } ?? v) }
        }
        #expect(lines.contains("SLD, PMLD (partial)  [local-offer undated, confirmed 2026-11-23 by SENDO-07]"))
    }
}
