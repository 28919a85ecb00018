import ATLTestSupport
import ATLModel
import ATLData
import Foundation
import Testing
@testable import ATLCLI

/// The shells over the sen-facts importer, the officer's confirmation, migration and validate --date.
@Suite struct SENFactsCommandTests {
    @Test func importWritesTheReportsAndIsIdempotent() throws {
        let f = try SENFactsFixture()
        let md = f.folder.path("out/to-confirm.md"), csv = f.folder.path("out/to-confirm.csv"), sum = f.folder.path("out/coverage.md")
        let r = atl(["import-sen-facts", "--catalogue", f.catalogue, "--sources", f.sources, "--to-confirm", md,
                     "--to-confirm-csv", csv, "--summary", sum, "--date", "2026-11-23"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("5 setting files updated"))
        #expect(r.out.contains("type known: 0 → 4 of 5"))
        let report = f.folder.read("out/to-confirm.md")
        #expect(report.contains("## Walsall"))
        #expect(report.contains("probable name match"))
        #expect(f.folder.read("out/to-confirm.csv").hasPrefix("id,la,candidate_urn,catalogue_name,name_as_published,candidate_fact,source,as_of,url,why_unconfirmed\r\n"))
        #expect(f.folder.read("out/coverage.md").contains("| Telford and Wrekin | 4 | 0 | 4 |"))
        let again = atl(["import-sen-facts", "--catalogue", f.catalogue, "--sources", f.sources, "--date", "2026-11-23"])
        #expect(again.out.contains("0 setting files updated, 5 unchanged"))
    }

    @Test func dryRunWritesNoSettingFile() throws {
        let f = try SENFactsFixture()
        let before = f.snapshot()
        let r = atl(["import-sen-facts", "--catalogue", f.catalogue, "--sources", f.sources, "--dry-run", "--date", "2026-11-23"])
        #expect(r.code == 0)
        #expect(r.out.contains("5 setting files would change"))
        #expect(f.snapshot() == before)
    }

    @Test func confirmPrintsTheChangedLines() throws {
        let f = try SENFactsFixture()
        _ = atl(["import-sen-facts", "--catalogue", f.catalogue, "--sources", f.sources, "--date", "2026-11-23"])
        let r = atl(["confirm", "--catalogue", f.catalogue, "--urn", "100002", "--fact", "needs=ASD", "--fact", "specialist-places=8",
                     "--by", "SENDO-07", "--date", "2026-11-23"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("+ needs: ASD"))
        #expect(r.out.contains("[officer 2026-11-23 by SENDO-07]"))
        #expect(f.text(100002).contains("specialist-places: 8"))
        let bad = atl(["confirm", "--catalogue", f.catalogue, "--urn", "100002", "--fact", "needs=ASD", "--by", "Jane Smith"])
        #expect(bad.code == 2)
        #expect(!bad.err.contains("Jane"), "a name given as an ID is never repeated")
        let usage = atl(["confirm", "--catalogue", f.catalogue, "--urn", "100002", "--by", "SENDO-07"])
        #expect(usage.code == 1)
    }

    @Test func validateChecksSourcesAndDates() throws {
        let f = try SENFactsFixture()
        _ = atl(["import-sen-facts", "--catalogue", f.catalogue, "--sources", f.sources, "--date", "2026-11-23"])
        #expect(atl(["validate", "--catalogue", f.catalogue, "--date", "2026-11-23"]).code == 0)
        let early = atl(["validate", "--catalogue", f.catalogue, "--date", "2020-01-01"])
        #expect(early.code == 2)
        #expect(early.err.contains("is after the run date 2020-01-01"))
        // An undeclared source key.
        let path = f.folder.path("cat/" + SENFactsFixture.settings[1].rel)
        let text = f.text(100002).replacingOccurrences(of: "[census-2019 2019-01]", with: "[census-2018 2018-01]")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let undeclared = atl(["validate", "--catalogue", f.catalogue, "--date", "2026-11-23"])
        #expect(undeclared.code == 2)
        #expect(undeclared.err.contains("source 'census-2018' is not declared"))
    }

    @Test func migrateWritesV2AndKeepsReports() throws {
        let f = try SENFactsFixture()
        let r = atl(["migrate", "--catalogue", f.catalogue])
        #expect(r.code == 0)
        #expect(r.out.contains("5 files written as atl-setting/2, 0 unchanged"))
        #expect(f.text(100001).hasPrefix("---\nformat: atl-setting/2\n"))
        #expect(f.text(100001).hasSuffix(SENFactsFixture.report))
        #expect(atl(["migrate", "--catalogue", f.catalogue]).out.contains("0 files written as atl-setting/2, 5 unchanged"))
    }
}
