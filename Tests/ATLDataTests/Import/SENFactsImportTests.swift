import ATLTestSupport
@testable import ATLModel
@testable import ATLData
import Foundation
import Testing

/// `atl import-sen-facts` on a small fixture: the match rules, precedence over confirmed facts and report
/// text, the to-confirm report, idempotence, and an officer's confirmation.
@Suite struct SENFactsImportTests {
    static func run(_ f: SENFactsFixture) throws -> SENFactsImportResult {
        try SENFactsImport.run(catalogue: f.catalogue, sources: f.sources)
    }

    static func setting(_ f: SENFactsFixture, _ urn: Int) throws -> Setting {
        try #require(parseSetting({ try SettingFile.parse(text: f.text(urn), file: "\(urn)") }).0)
    }

    @Test func certainMatchesAreAppliedWithTheirSourceAndDate() throws {
        let f = try SENFactsFixture()
        let r = try Self.run(f)
        let alpha = try Self.setting(f, 100001)
        #expect(alpha.type == .special)
        #expect(alpha.provenance["type"]?.description == "special-2025 2025-01", "the newest of three agreeing sources")
        #expect(alpha.giasType == "Community special school")
        #expect(alpha.needs == NeedSet([.SEMH]) && alpha.provenance["needs"]?.description == "local-offer undated")
        #expect(alpha.ageRange == AgeRange(low: 5, high: 16))
        #expect(alpha.specialistPlaces == 50)
        #expect(alpha.pupilsWithEHCP == PupilCount(count: 120, total: 120))
        #expect(alpha.senReportLink == "https://alpha.example.sch.uk/sen-report")
        let lo = try #require(alpha.sourceDeclarations["local-offer"])
        #expect(lo.urls == ["https://www.example-la.gov.uk/local-offer/special", "https://alpha.example.sch.uk/about"])
        #expect(lo.shortName == "example-la.gov.uk", "the site that published the page")

        let gamma = try Self.setting(f, 100003)
        #expect(gamma.type == .mainstream, "census secondary with the catalogue's secondary phase")
        #expect(gamma.dfeNumber == "894/4001")
        #expect(gamma.pupilsOnSENSupport == PupilCount(count: 100, total: 900))

        let delta = try Self.setting(f, 100004)
        #expect(delta.type == .independentSpecial, "s41 list joined by DfE number through the census")
        #expect(delta.s41Approved == true && delta.s41ApprovedSince == "2018-08-01")

        let beta = try Self.setting(f, 100002)
        #expect(beta.pupilsWithEHCP == PupilCount(count: 6, total: 220), "SEN 2023 (exact name) is newer than the census")
        #expect(beta.senReportLink == nil, "a link whose published name differs is not applied")
        #expect(r.rowsApplied > 0)
    }

    /// No fact is applied on a probable match: the Walsall resourced provision row names Epsilon Junior
    /// School as a probable match, so its type, provision and need stay unknown and the row is listed.
    @Test func aProbableMatchNeverAppliesAFact() throws {
        let f = try SENFactsFixture()
        let before = f.text(100005)
        let r = try Self.run(f)
        let eps = try Self.setting(f, 100005)
        #expect(eps.type == .unknown)
        #expect(eps.specialistProvision == nil && eps.needs == nil && eps.needsAsPublished == nil)
        #expect(!f.text(100005).contains("local-offer"), "no Local Offer fact or declaration in the file")
        #expect(f.text(100005) != before, "the file is migrated to atl-setting/2, nothing more")
        let row = try #require(r.toConfirm.first { $0.source == "local-offer" && $0.candidateURNs == [100005] })
        #expect(row.why == "probable name match")
        #expect(row.url == "https://send.example-la.gov.uk/srp")
        #expect(row.candidateFact.contains("needs: ASD (complete)"))
    }

    @Test func everyUncertainRowIsListedWithWhy() throws {
        let f = try SENFactsFixture()
        let r = try Self.run(f)
        let why = Dictionary(grouping: r.toConfirm, by: \.source).mapValues { $0.map(\.why) }
        #expect(why["sen-2023"] == ["no URN in the source and no unique exact name match in the same LA"])
        #expect(why["report-link"]?.first?.hasPrefix("published name differs") == true)
        #expect(why["not-s41-2022"]?.first?.hasPrefix("exact name, but the catalogue files URN 100005 under Walsall") == true)
        #expect(why["census-2019"]?.first?.hasPrefix("'Independent school'") != true, "Delta is typed by the s41 list, so its census type is not asked")
        #expect(r.toConfirm.allSatisfy { SettingFile.isRowID($0.id) })
    }

    @Test func reImportChangesNoByteAndKeepsReportText() throws {
        let f = try SENFactsFixture()
        _ = try Self.run(f)
        let first = f.snapshot()
        #expect(first.values.allSatisfy { $0.hasPrefix("---\nformat: atl-setting/2\n") })
        #expect(f.text(100001).hasSuffix("---\n\n" + SENFactsFixture.report), "report bytes copied as they were")
        let again = try Self.run(f)
        #expect(again.updated.isEmpty && again.unchanged == 5)
        #expect(f.snapshot() == first)
    }

    /// The test: a re-import keeps an officer's confirmed fact and the report text.
    @Test func reImportKeepsConfirmedFactsAndReportText() throws {
        let f = try SENFactsFixture()
        _ = try Self.run(f)
        let result = try OfficerConfirmation.apply(.facts([.init(.needs, "SEMH, ASD"), .init(.type, "special")]), urn: 100001,
                                                   catalogue: f.catalogue, officer: "SENDO-07", day: "2026-11-23", sources: f.sources)
        #expect(result.changes.contains { $0.hasPrefix("+ needs: ASD, SEMH") && $0.hasSuffix("[officer 2026-11-23 by SENDO-07]") })
        let confirmed = f.text(100001)
        let r = try Self.run(f)
        #expect(f.text(100001) == confirmed, "not one byte of the officer's file changes")
        #expect(confirmed.hasSuffix(SENFactsFixture.report))
        let conflict = try #require(r.toConfirm.first { $0.id.hasPrefix("conflict:") })
        #expect(conflict.candidateFact == "needs: SEMH" && conflict.why.hasPrefix("an officer holds"))
    }

    /// `atl import-gias` after the public facts: the extract outranks them, a later public re-import keeps it,
    /// and the report text is untouched throughout.
    @Test func theGIASExtractOutranksPublicFactsAcrossImports() throws {
        let f = try SENFactsFixture()
        _ = try Self.run(f)
        let extract = Setting(urn: 100001, name: "Alpha Special School", localAuthority: LocalAuthority(code: 894, name: "Telford and Wrekin"),
                              type: .special, giasType: "Academy special converter", ageRange: AgeRange(low: 4, high: 19),
                              sources: [GIASImporter.sourceName + " 2026-01-30"])
        _ = try CatalogueWriter.write([extract], into: f.catalogue, owned: GIASImporter.ownedFields, isOwnSource: GIASImporter.isOwnSource)
        var alpha = try Self.setting(f, 100001)
        #expect(alpha.provenance["age-range"]?.description == "gias-extract 2026-01-30")
        #expect(alpha.ageRange == AgeRange(low: 4, high: 19), "over the Local Offer's 5-16")
        #expect(alpha.sourceClass(of: "type") == .giasExtract)
        #expect(alpha.needs == NeedSet([.SEMH]), "a fact the extract does not give stays")
        _ = try Self.run(f)
        alpha = try Self.setting(f, 100001)
        #expect(alpha.ageRange == AgeRange(low: 4, high: 19) && alpha.sourceClass(of: "age-range") == .giasExtract)
        #expect(alpha.giasType == "Academy special converter")
        #expect(f.text(100001).hasSuffix(SENFactsFixture.report))
    }

    @Test func confirmingARowWritesItsFactsAsTheOfficers() throws {
        let f = try SENFactsFixture()
        let r = try Self.run(f)
        let row = try #require(r.toConfirm.first { $0.source == "local-offer" && $0.candidateURNs == [100005] })
        _ = try OfficerConfirmation.apply(.confirmRow(row.id), urn: 100005, catalogue: f.catalogue, officer: "SENDO-07",
                                          day: "2026-11-23", sources: f.sources)
        let eps = try Self.setting(f, 100005)
        #expect(eps.type == .mainstreamResourced)
        #expect(eps.needs == NeedSet([.ASD]))
        #expect(eps.provenance["needs"]?.description == "local-offer undated, confirmed 2026-11-23 by SENDO-07")
        #expect(eps.sourceClass(of: "needs") == .officer)
        #expect(eps.confirmedRows.map(\.rowID) == [row.id])
        let again = try Self.run(f)
        #expect(!again.toConfirm.contains { $0.id == row.id }, "a confirmed row is not listed again")
        #expect(try Self.setting(f, 100005).needs == NeedSet([.ASD]))
    }

    @Test func aRejectedRowIsNotReportedAgain() throws {
        let f = try SENFactsFixture()
        let r = try Self.run(f)
        let row = try #require(r.toConfirm.first { $0.source == "sen-2023" })
        _ = try OfficerConfirmation.apply(.rejectRow(row.id), urn: 100003, catalogue: f.catalogue, officer: "SENDO-07",
                                          day: "2026-11-23", sources: f.sources)
        #expect(try Self.setting(f, 100003).rejectedRows.map(\.rowID) == [row.id])
        let again = try Self.run(f)
        #expect(!again.toConfirm.contains { $0.id == row.id })
        #expect(again.toConfirm.count == r.toConfirm.count - 1)
    }

    @Test func confirmRefusesWhatItCannotVouchFor() throws {
        let f = try SENFactsFixture()
        let r = try Self.run(f)
        let row = try #require(r.toConfirm.first { $0.source == "local-offer" })
        func code(_ a: OfficerConfirmation.Action, urn: Int = 100005, by: String = "SENDO-07") -> String? {
            do { _ = try OfficerConfirmation.apply(a, urn: urn, catalogue: f.catalogue, officer: by, day: "2026-11-23", sources: f.sources); return nil }
            catch { return error.diagnostics.first?.code.rawValue }
        }
        #expect(code(.confirmRow(row.id), by: "Jane Smith") == "confirm.officer-id")
        #expect(code(.confirmRow(row.id), urn: 100002) == "confirm.row-other-setting")
        #expect(code(.confirmRow("local-offer:00000000")) == "confirm.row-not-found")
        #expect(code(.facts([.init(.needs, "AUTISM")])) == "text.unknown-need-code")
        #expect(code(.facts([.init(.urn, "1")])) == "confirm.not-an-officer-fact")
        #expect(code(.facts([.init(.type, "special")]), urn: 999999) == "confirm.unknown-urn")
    }

    @Test func fictionalCataloguesAreRefused() throws {
        let f = try SENFactsFixture()
        let folder = try TemporaryFolder("fict")
        try folder.write("999-x/9000001-a.setting.md", "---\nformat: atl-setting/1\nurn: 9000001\nname: A\nfictional: yes\ntype: special\n---\n")
        #expect(throws: ATLError.self) { try SENFactsImport.run(catalogue: folder.path, sources: f.sources) }
    }

    @Test func aValueNotInTheMappingTablesIsNeverGuessed() throws {
        let lo = SENFactsFixture.files[SENFactsReader.File.localOffer]!.replacingOccurrences(of: ",SEMH,", with: ",SEMH and a new wording,")
        let f = try SENFactsFixture(replacing: [SENFactsReader.File.localOffer: lo])
        let r = try Self.run(f)
        #expect(r.warnings.contains { $0.code == "sen-facts.unmapped-value" && $0.field == "need_served_as_published" })
        #expect(r.toConfirm.contains { $0.why == "need wording not in the mapping table" })
        #expect(try Self.setting(f, 100001).needs == nil)
    }

    @Test func importOrderDoesNotChangeTheResult() throws {
        // The merge sees each setting's facts from every file at once; the rule, not the file order, decides:
        // merging the same facts reversed gives the same setting.
        let f = try SENFactsFixture()
        let cat = try CatalogueLoader.load(root: f.catalogue).catalogue
        let reading = try SENFactsReader.read(folder: f.sources, settings: Dictionary(uniqueKeysWithValues: cat.settings.map { ($0.urn, $0) }))
        for s in cat.settings {
            let rows = reading.rows.filter { $0.appliedTo == s.urn }
            let facts = rows.flatMap(\.facts)
            let decls = rows.map(\.declaration)
            let a = try FactMerge.merge(s, incoming: facts, declarations: decls, ownKeys: SENFactsReader.ownsKey, file: "x").setting
            let b = try FactMerge.merge(s, incoming: facts.reversed(), declarations: decls.reversed(), ownKeys: SENFactsReader.ownsKey, file: "x").setting
            #expect(a == b)
            // and applying the files one at a time, in either order, ends in the same place
            let start = try FactMerge.merge(s, incoming: [], declarations: [], ownKeys: { _ in false }, file: "x").setting
            var c = start, d = start
            for row in rows { c = try FactMerge.merge(c, incoming: row.facts, declarations: [row.declaration], ownKeys: { $0 == row.source }, file: "x").setting }
            for row in rows.reversed() { d = try FactMerge.merge(d, incoming: row.facts, declarations: [row.declaration], ownKeys: { $0 == row.source }, file: "x").setting }
            #expect(c == d, "URN \(s.urn)")
            #expect(c == a, "URN \(s.urn)")
        }
    }

    /// The shipped files on the shipped real catalogue: the target, and the to-confirm report's size.
    @Test func shippedFilesOnTheRealCatalogue() throws {
        let r = try SENFactsImport.run(catalogue: Repository.path("provision-catalogue/west-midlands"),
                                       sources: Repository.path("provision-catalogue/sources/sen-facts"), write: false)
        let typed = r.after.filter { $0.type != .unknown }.count
        #expect(typed >= 1000, "type group known for at least 1,000 of 1,352 from certain matches")
        #expect(typed == 1004)
        #expect(r.toConfirm.count == 241)
        #expect(r.warnings.isEmpty, "every value in the shipped files is in the mapping tables")
        // Every Local Offer provision with a certain match carries its need as published and its source; the
        // 21st certain row (Walton Hall's post-16 satellite) publishes no need and only a type that newer DfE
        // data already gives.
        let lo = r.after.filter { s in s.provenance.values.contains { $0.source.hasPrefix("local-offer") } }
        #expect(lo.count == 20)
        #expect(lo.allSatisfy { $0.needsAsPublished != nil && $0.provenance["needs-as-published"]?.source == "local-offer" })
        #expect(lo.allSatisfy { $0.sourceDeclarations["local-offer"]?.urls.isEmpty == false })
    }
}
