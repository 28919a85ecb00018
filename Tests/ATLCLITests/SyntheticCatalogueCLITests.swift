import ATLTestSupport
import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import ATLSynthetic
import Foundation
import Testing
@testable import ATLCLI

/// Tester 2 #1: a synth-national catalogue (real schools, invented SEN facts) is marked SYNTHETIC in every
/// output, and `audit --letters` refuses it.
@Suite struct SyntheticCatalogueCLITests {
    static let la = LocalAuthority(code: 894, name: "Telford and Wrekin")
    static let settings: [Setting] = NationalSynthesis.synthesise((0..<8).map { i in
        Setting(urn: 123_400 + i, name: "Real School \(i)", localAuthority: la, type: .unknown,
                phase: i % 2 == 0 ? .notApplicable : .secondary, location: GridPoint(easting: 370_000 + 800 * i, northing: 310_000),
                sources: ["Schools file test"])
    }, seed: 1, threads: 1)
    static let profile = """
        format: atl-profile/1
        reference: T-SYN-1
        synthetic: yes
        primary-need: ASD moderate
        placement-year: 7
        home-easting: 370000
        home-northing: 310000
        max-journey: 20 km

        """


    @Test func validateSaysSynthetic() throws {
        let cat = try TempCatalogue(Self.settings, name: "syn-catalogue")
        let r = atl(["validate", "--catalogue", cat.path])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("8 settings (SYNTHETIC: real schools with invented SEN data)"))
    }

    @Test func auditHeadsEveryOutputAndRefusesLetters() throws {
        let cat = try TempCatalogue(Self.settings, name: "syn-catalogue")
        let md = atl(["audit", "--catalogue", cat.path, "--date", "2026-11-23"])
        #expect(md.code == 0, "\(md.err)")
        #expect(md.out.hasPrefix("# SEN information gap analysis — SYNTHETIC"))
        #expect(!md.out.contains("Real settings"))
        for format in ["csv", "csv-settings", "json"] {
            let r = atl(["audit", "--catalogue", cat.path, "--date", "2026-11-23", "--format", format])
            #expect(r.code == 0, "\(r.err)")
            #expect(r.out.contains(GapAnalysis.syntheticLabel), "\(format)")
        }
        let json = atl(["audit", "--catalogue", cat.path, "--date", "2026-11-23", "--format", "json"])
        #expect(json.out.contains("\"synthetic\": true") || json.out.contains("\"synthetic\":true"))
        let dir = cat.root.deletingLastPathComponent().appendingPathComponent("letters")
        let letters = atl(["audit", "--catalogue", cat.path, "--date", "2026-11-23", "--letters", dir.path])
        #expect(letters.code == 2)
        #expect(letters.err.contains("SYNTHETIC"))
        #expect(!FileManager.default.fileExists(atPath: dir.path))
    }

    @Test func listAndWhyCarryATopBanner() throws {
        let cat = try TempCatalogue(Self.settings, name: "syn-catalogue")
        let profile = cat.root.deletingLastPathComponent().appendingPathComponent("child.profile").path
        try Data(Self.profile.utf8).write(to: URL(fileURLWithPath: profile))
        let base = ["list", "--catalogue", cat.path, "--profile", profile, "--date", "2026-11-23"]
        let md = atl(base)
        #expect(md.code == 0, "\(md.err)")
        #expect(md.out.hasPrefix("# Advisory Tailored List: T-SYN-1\n\n> **SYNTHETIC CATALOGUE:"))
        let html = atl(base + ["--format", "html"])
        let header = html.out.components(separatedBy: "<h1>").first ?? ""
        #expect(header.contains("SYNTHETIC CATALOGUE:"))
        #expect(html.out.contains("<title>Advisory Tailored List for T-SYN-1 (SYNTHETIC catalogue)"))
        let json = atl(base + ["--format", "json"])
        #expect(json.out.contains("\"synthetic_catalogue\": true"))
        // Every listed row carries the synthetic-data label, so a row copied out of a CSV keeps its marking.
        let csv = atl(base + ["--format", "csv"])
        let rows = csv.out.split(separator: "\r\n").dropFirst()
        #expect(!rows.isEmpty && rows.allSatisfy { $0.contains("synthetic-data") })
        let why = atl(["why", "--catalogue", cat.path, "--profile", profile, "--setting", "123400", "--date", "2026-11-23"])
        #expect(why.code == 0, "\(why.err)")
        #expect(why.out.hasPrefix("Real School 0 (URN 123400) [SYNTHETIC"))
    }
}
