import ATLTestSupport
import ATLModel
import ATLData
import Foundation
import Testing
@testable import ATLCLI

/// A snapshot's reports are checked when read (each has its own checksum): a corrupt one never silently loses
/// a list's quotes. `list`, `why` and `batch` refuse with exit 2 and a message naming the setting and the file.
@Suite struct SnapshotReportFaultTests {
    @Test func corruptReportsAreRefusedByListWhyAndBatch() throws {
        let defects = AdversarialDefectTests()
        let t = try TemporaryFolder("report-fault")
        let e = try defects.catalogue(t)
        #expect(atl(["index", "--catalogue", t.path("cat"), "--output", t.path("i.atlidx")]).code == 0)
        let profile = try t.write("p.profile", "format: atl-profile/1\nreference: R-1\nprimary-need: ASD\nnc-year: 6\nhome-postcode: TF3 1AB\n")
        let cohort = try t.write("c.csv", try defects.batch.syntheticCSV(2))
        let runs = [["list", "--profile", profile], ["why", "--profile", profile, "--setting", "9000201"],
                    ["batch", "--cohort", cohort, "--output", t.path("o.jsonl")]]
        for args in runs {
            let r = atl(args + e + ["--index", t.path("i.atlidx")])
            #expect(r.code == 0, "\(args[0]) from the good snapshot: \(r.err)")
        }
        // Every byte of the reports (after the checked payload) flipped: every report fails its checksum.
        var bytes = try [UInt8](Data(contentsOf: t.url.appendingPathComponent("i.atlidx")))
        let hlen = Int(bytes[12]) | Int(bytes[13]) << 8 | Int(bytes[14]) << 16 | Int(bytes[15]) << 24
        var payload = 0
        for i in 0..<8 { payload |= Int(bytes[16 + hlen - 24 + i]) << (8 * i) }
        let reportsStart = 16 + hlen + payload
        #expect(reportsStart < bytes.count)
        for i in reportsStart..<bytes.count { bytes[i] ^= 0x55 }
        try Data(bytes).write(to: t.url.appendingPathComponent("bad.atlidx"))
        for args in runs {
            let r = atl(args + e + ["--index", t.path("bad.atlidx")])
            let said = r.err + ((try? String(contentsOfFile: t.path("o.jsonl"), encoding: .utf8)) ?? "")
            #expect(r.code == 2, "\(args[0]): \(r.code) \(r.err)")
            #expect(said.contains("report of URN") && said.contains("is corrupt"), "\(args[0]): \(r.err)")
        }
    }
}
