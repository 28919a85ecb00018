import ATLTestSupport
@testable import ATLModel
@testable import ATLData
import Foundation
import Testing

/// Every diagnostic of the public SEN facts importer and of an officer's confirmation, one test per site, on
/// the small real-shaped fixture (``SENFactsFixture``).
@Suite struct SENFactsDiagnostics {
    func check<T>(_ row: DiagnosticRow, _ r: Result<T, ATLError>, file: String) {
        #expect(row.mismatch(in: r, file: file) == nil, "\(row.mismatch(in: r, file: file) ?? "")")
    }
    func check(_ row: DiagnosticRow, _ diags: [Diagnostic], file: String) {
        #expect(row.mismatch(in: diags, file: file) == nil, "\(row.mismatch(in: diags, file: file) ?? "")")
    }

    func reading(_ f: SENFactsFixture) throws -> SENFactsReading {
        let cat = try CatalogueLoader.load(root: f.catalogue).catalogue
        return try SENFactsReader.read(folder: f.sources, settings: Dictionary(uniqueKeysWithValues: cat.settings.map { ($0.urn, $0) }))
    }

    @Test func sourceFiles() throws {
        let f = try SENFactsFixture()
        let empty = try TemporaryFolder("sources")
        check(DiagnosticRow("sen-facts.file-missing", line: nil), attempt { try SENFactsReader.read(folder: empty.path, settings: [:]) },
              file: empty.path + "/" + SENFactsReader.File.gias2016)
        try f.folder.write("sources/" + SENFactsReader.File.census2019, "")
        check(DiagnosticRow("sen-facts.file-empty", line: 1), attempt { try self.reading(f) }, file: f.sources + "/" + SENFactsReader.File.census2019)
    }

    @Test func cellsTheMappingDoesNotKnowAndDatesThatDisagree() throws {
        let lo = SENFactsFixture.files[SENFactsReader.File.localOffer]!.replacingOccurrences(of: ",SEMH,", with: ",SEMH and a new wording,")
        let s41 = SENFactsFixture.files[SENFactsReader.File.s41England]!.replacingOccurrences(of: "43313,2018-08-01", with: "43313,2019-08-01")
        let f = try SENFactsFixture(replacing: [SENFactsReader.File.localOffer: lo, SENFactsReader.File.s41England: s41])
        let r = try reading(f)
        check(DiagnosticRow("sen-facts.unmapped-value", line: 2, field: "need_served_as_published", level: .warning), r.warnings,
              file: f.sources + "/" + SENFactsReader.File.localOffer)
        check(DiagnosticRow("sen-facts.s41-date", line: 2, field: "date_approved_s41_iso (derived)", level: .warning), r.warnings,
              file: f.sources + "/" + SENFactsReader.File.s41England)
    }

    @Test func onlyARealCatalogueTakesPublicFacts() throws {
        let f = try SENFactsFixture()
        let folder = try TemporaryFolder("fictional")
        try folder.write("999-x/9000001-a.setting.md", "---\nformat: atl-setting/1\nurn: 9000001\nname: A\nfictional: yes\ntype: special\n---\n")
        check(DiagnosticRow("sen-facts.not-real", line: nil, field: "fictional"), attempt { try SENFactsImport.run(catalogue: folder.path, sources: f.sources) },
              file: folder.path)
    }

    @Test func confirmationRefusals() throws {
        let f = try SENFactsFixture()
        let imported = try SENFactsImport.run(catalogue: f.catalogue, sources: f.sources)
        func confirm(_ a: OfficerConfirmation.Action, urn: Int = 100005, by: String = "SENDO-07", day: String = "2026-11-23") -> Result<OfficerConfirmation.Result, ATLError> {
            attempt { try OfficerConfirmation.apply(a, urn: urn, catalogue: f.catalogue, officer: by, day: day, sources: f.sources) }
        }
        let root = f.catalogue
        let lo = try #require(imported.toConfirm.first { $0.source == "local-offer" })
        check(DiagnosticRow("confirm.officer-id", line: nil, field: "by"), confirm(.confirmRow(lo.id), by: "Jane Smith"), file: root)
        check(DiagnosticRow("confirm.date", line: nil, field: "date"), confirm(.confirmRow(lo.id), day: "2026-02-30"), file: root)
        check(DiagnosticRow("confirm.unknown-urn", line: nil, field: "urn"), confirm(.facts([.init(.type, "special")]), urn: 999999), file: root)
        check(DiagnosticRow("confirm.nothing", line: nil), confirm(.facts([])), file: root)
        check(DiagnosticRow("confirm.not-an-officer-fact", line: nil, field: "urn"), confirm(.facts([.init(.urn, "1")])), file: root)
        check(DiagnosticRow("confirm.bad-row-id", line: nil, field: "row"), confirm(.confirmRow("nonsense")), file: root)
        check(DiagnosticRow("confirm.conflict-row", line: nil, field: "row"), confirm(.confirmRow("conflict:12345678")), file: root)
        check(DiagnosticRow("confirm.row-not-found", line: nil, field: "row"), confirm(.confirmRow("local-offer:00000000")), file: f.sources)
        check(DiagnosticRow("confirm.row-other-setting", line: nil, field: "urn"), confirm(.confirmRow(lo.id), urn: 100002), file: root)
        // A row of a dated source confirmed on a day before its as-of date.
        let r = try reading(f)
        let dated = try #require(r.rows.first { !$0.facts.isEmpty && $0.facts.first?.provenance.asOf.firstDay != nil && $0.candidateURNs.count == 1 })
        check(DiagnosticRow("confirm.date", line: nil, field: "date", says: "before the row's as-of date"),
              confirm(.confirmRow(dated.id), urn: dated.candidateURNs[0], day: "2000-01-01"), file: root)
        // A row that gives no fact for one setting.
        let bare = try #require(r.rows.first { $0.facts.isEmpty && $0.candidateURNs.count <= 1 })
        check(DiagnosticRow("confirm.row-no-facts", line: nil, field: "row"), confirm(.confirmRow(bare.id), urn: bare.candidateURNs.first ?? 100001), file: root)
    }
}
