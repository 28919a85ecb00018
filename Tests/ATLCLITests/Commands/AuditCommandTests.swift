import ATLTestSupport
import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import ATLSynthetic
import Foundation
import Testing
@testable import ATLCLI
import ATLServices

@Suite struct AuditCommandTests {
    static let la = LocalAuthority(code: 894, name: "Telford and Wrekin")
    static let settings = [
        Setting(urn: 135031, name: "Woodlands Primary School", localAuthority: la, type: .unknown, phase: .primary,
                ofsted: .good, location: GridPoint(easting: 368385, northing: 304058), nearestPostcode: "TF7 5HX",
                sources: ["Schools file schools-test.csv"]),
        Setting(urn: 123445, name: "John Randall Primary School", localAuthority: la, type: .mainstream, phase: .primary,
                sources: ["Schools file schools-test.csv"],
                report: [.kindsOfSEN: "All four broad areas of need.", .senco: "", .complaints: "Write to the head."]),
    ]


    @Test func markdownToStandardOutput() throws {
        let cat = try TempCatalogue(Self.settings)
        let r = atl(["audit", "--catalogue", cat.path, "--date", "2026-11-23"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.hasPrefix("# SEN information gap analysis — real settings\n"))
        #expect(r.out.contains("| Engine | atl \(ATL.version) |"))
        #expect(r.out.contains("| Catalogue | test-catalogue |"))
        #expect(r.out.contains("| Date | 2026-11-23 |"))
        // 2 settings × 30 sections, all applicable (unknown type and mainstream): 2 present, 1 empty, 57 missing.
        #expect(r.out.contains("| Report sections | 2 | 1 | 57 | 0 | 60 | 3.3% |"))
        #expect(r.out.contains("| 123445 | John Randall Primary School | Mainstream |"))
        #expect(r.err.contains("2 settings (real settings): report sections 3.3%"))
        let again = atl(["audit", "--catalogue", cat.path, "--date", "2026-11-23"])
        #expect(again.out == r.out, "same catalogue and date: byte-identical report")
    }

    @Test func formatsAndOutputFile() throws {
        let cat = try TempCatalogue(Self.settings)
        let json = cat.file("out/audit.json")
        #expect(atl(["audit", "--catalogue", cat.path, "--format", "json", "--date", "2026-11-23", "--output", json.path]).code == 0)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
        #expect(obj["schema"] as? String == "atl-audit/1")
        #expect((obj["stamp"] as? [String: Any])?["date"] as? String == "2026-11-23")

        let csv = atl(["audit", "--catalogue", cat.path, "--format", "csv", "--date", "2026-11-23"])
        #expect(csv.code == 0)
        #expect(csv.out.components(separatedBy: "\r\n").count == 1 + 2 * 42 + 1)
        #expect(csv.out.contains("123445,John Randall Primary School,894,Telford and Wrekin,mainstream,report,senco,4,Schedule 1,empty,real settings\r\n"))

        let wide = atl(["audit", "--catalogue", cat.path, "--format", "csv-settings", "--date", "2026-11-23"])
        #expect(wide.code == 0)
        #expect(wide.out.components(separatedBy: "\r\n").count == 1 + 2 + 1)
    }

    /// Issue 14: the page an LA shares, for one LA's settings.
    @Test func htmlForOneLocalAuthority() throws {
        let cat = try TempCatalogue(Self.settings)
        let r = atl(["audit", "--catalogue", cat.path, "--format", "html", "--la", "894", "--date", "2026-11-23"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.hasPrefix("<!DOCTYPE html>") && r.out.contains("<h1>SEN information held about 2 settings: Telford and Wrekin</h1>"))
        #expect(r.out.contains("Woodlands Primary School") && r.out.contains("id=\"letter-135031\""))
        let other = atl(["audit", "--catalogue", cat.path, "--format", "html", "--la", "893", "--date", "2026-11-23"])
        #expect(other.code == 2 && other.err.contains("no setting of LA 893") && other.out.isEmpty)
        #expect(atl(["audit", "--catalogue", cat.path, "--la", "Telford"]).code == 1)
    }

    @Test func lettersOnePerSetting() throws {
        let cat = try TempCatalogue(Self.settings)
        let dir = cat.file("letters")
        let r = atl(["audit", "--catalogue", cat.path, "--date", "2026-11-23", "--letters", dir.path, "--output", cat.file("a.md").path])
        #expect(r.code == 0, "\(r.err)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files == ["123445-john-randall-primary-school.md", "135031-woodlands-primary-school.md"])
        let letter = try String(contentsOf: dir.appendingPathComponent(files[1]), encoding: .utf8)
        #expect(letter.contains("**Date:** 23 November 2026"))
        #expect(letter.contains("- Schools file schools-test.csv\n"))
        #expect(letter.contains("They may be incomplete or out of date"))
        #expect(r.err.contains("2 letters written to"))

        let one = cat.file("one")
        #expect(atl(["audit", "--catalogue", cat.path, "--date", "2026-11-23", "--letters", one.path, "--urn", "123445",
                     "--output", cat.file("b.md").path]).code == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: one.path) == ["123445-john-randall-primary-school.md"])
    }

    @Test func fictionalCatalogueIsLabelled() throws {
        var s = Self.settings[1]
        s.urn = 9000001
        s.fictional = true
        s.localAuthority = LocalAuthority(code: 999, name: "Severnvale (fictional example LA)")
        let cat = try TempCatalogue([s], name: "example-la")
        let r = atl(["audit", "--catalogue", cat.path, "--date", "2026-11-23", "--format", "csv"])
        #expect(r.code == 0)
        let rows = r.out.components(separatedBy: "\r\n").dropFirst().dropLast()
        #expect(rows.allSatisfy { $0.hasSuffix(",FICTIONAL example LA — not real schools") })
    }

    @Test func usageErrorsExitOne() throws {
        let cat = try TempCatalogue(Self.settings)
        #expect(atl(["audit", "--catalogue", cat.path, "--format", "pdf"]).code == 1)
        #expect(atl(["audit", "--catalogue", cat.path, "--date", "23/11/2026"]).code == 1)
        #expect(atl(["audit", "--catalogue", cat.path, "--date", "2026-02-30"]).code == 1)
        let r = atl(["audit", "--catalogue", cat.path, "--urn", "123445"])
        #expect(r.code == 1)
        #expect(r.err.contains("--urn only selects letters"))
    }

    @Test func badInputExitsTwo() throws {
        let cat = try TempCatalogue(Self.settings)
        let bad = cat.root.appendingPathComponent("894-telford-and-wrekin/999999-broken.setting.md")
        try Data("---\nformat: atl-setting/1\nurn: 999999\nname: Broken\ntype: castle\n---\n".utf8).write(to: bad)
        let r = atl(["audit", "--catalogue", cat.path])
        #expect(r.code == 2)
        #expect(r.err.contains("999999-broken.setting.md"))
        #expect(r.out.isEmpty)

        let good = try TempCatalogue(Self.settings)
        let u = atl(["audit", "--catalogue", good.path, "--letters", good.file("l").path, "--urn", "111111"])
        #expect(u.code == 2)
        #expect(u.err.contains("no setting with URN 111111"))
        #expect(atl(["audit", "--catalogue", good.file("nowhere").path]).code == 2)
    }

    @Test func defaultDateIsToday() throws {
        let today = RunDate.today().text
        #expect(today.count == 10 && today.split(separator: "-").count == 3)
        #expect(RunDate("2028-02-29")?.text == "2028-02-29")
        #expect(CatalogueService.name("provision-catalogue/west-midlands/") == "west-midlands")
    }

    @Test func listedInHelp() {
        let r = atl(["--help"])
        #expect(r.out.contains("  audit "))
        let h = atl(["audit", "--help"])
        #expect(h.code == 0)
        #expect(h.out.contains("--letters <dir>"))
    }
}
