import ATLTestSupport
import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import ATLSynthetic
import Foundation
import Testing
@testable import ATLCLI

/// `atl index` and `--index FILE`: same list as from the text files; corrupt, truncated and stale snapshots
/// refused with exit 2 and a message naming the snapshot.
@Suite struct IndexCommandTests {
    static let la = LocalAuthority(code: 999, name: "Severnvale (fictional example LA)")
    static let settings = (0..<6).map { i in
        Setting(urn: 9_000_500 + i, name: "Test Setting \(i)", fictional: true, localAuthority: la,
                type: i % 3 == 0 ? .special : .mainstream, phase: i % 3 == 0 ? .allThrough : .secondary,
                ageRange: AgeRange(low: 11, high: 16), gender: .mixed, ofsted: .good,
                location: GridPoint(easting: 370_000 + 1000 * i, northing: 310_000), capacity: 900, onRoll: 880,
                needs: i % 3 == 0 ? NeedSet([.ASD]) : nil, facilities: FacilitySet([.quietSpace]),
                report: [.kindsOfSEN: "We support autistic pupils with a quiet space."])
    }
    static let profile = """
        format: atl-profile/1
        reference: T-IDX-1
        synthetic: yes
        primary-need: ASD moderate
        placement-year: 7
        home-easting: 370000
        home-northing: 310000
        max-journey: 20 km

        """


    @Test func indexThenListMatchesTextLoadAndRejectsBadSnapshots() throws {
        let cat = try TempCatalogue(Self.settings, name: "idx-catalogue")
        let dir = cat.root.deletingLastPathComponent().path
        let profile = dir + "/child.profile"
        try Data(Self.profile.utf8).write(to: URL(fileURLWithPath: profile))
        let snap = dir + "/cat.atlidx"
        let built = atl(["index", "--catalogue", cat.path, "--output", snap])
        #expect(built.code == 0, "\(built.err)")
        let base = ["list", "--catalogue", cat.path, "--profile", profile, "--date", "2026-11-23", "--format", "json"]
        let text = atl(base), fast = atl(base + ["--index", snap])
        #expect(text.code == 0, "\(text.err)")
        #expect(fast.code == 0, "\(fast.err)")
        #expect(text.out == fast.out)

        // Corrupt: one flipped byte near the end (report text).
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: snap)))
        let good = bytes
        bytes[bytes.count - 40] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: snap))
        let corrupt = atl(base + ["--index", snap])
        #expect(corrupt.code == 2)
        #expect(corrupt.err.contains(snap) && corrupt.err.contains("corrupt"))
        // Truncated.
        try Data(good.prefix(good.count / 3)).write(to: URL(fileURLWithPath: snap))
        let truncated = atl(base + ["--index", snap])
        #expect(truncated.code == 2)
        #expect(truncated.err.contains("truncated"))
        // Stale: a setting file edited after the snapshot was built.
        try Data(good).write(to: URL(fileURLWithPath: snap))
        let victim = try CatalogueLoader.settingFiles(root: cat.path)[0]
        let path = cat.path + "/" + victim
        let original = try String(contentsOfFile: path, encoding: .utf8)
        try Data(original.replacingOccurrences(of: "capacity: 900", with: "capacity: 901").utf8).write(to: URL(fileURLWithPath: path))
        let stale = atl(base + ["--index", snap])
        #expect(stale.code == 2)
        #expect(stale.err.contains("stale: \(path) has changed"))
        // Missing snapshot.
        let missing = atl(base + ["--index", dir + "/none.atlidx"])
        #expect(missing.code == 2)
    }
}

/// Tester 2 #4: `atl index --output` never writes inside the catalogue it reads, nor over a setting file.
@Suite struct IndexOutputClashTests {

    @Test func refusesOutputInsideTheCatalogue() throws {
        let cat = try TempCatalogue(SyntheticCatalogueCLITests.settings, name: "idx-clash")
        let file = try #require(FileManager.default.enumerator(atPath: cat.path)?.allObjects
            .compactMap { $0 as? String }.first { $0.hasSuffix(".setting.md") })
        let target = cat.path + "/" + file
        let before = try Data(contentsOf: URL(fileURLWithPath: target))
        let r = atl(["index", "--catalogue", cat.path, "--output", target])
        #expect(r.code != 0)
        #expect(r.err.contains("setting file"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == before)
        let inside = atl(["index", "--catalogue", cat.path, "--output", cat.path + "/../idx-clash/cat.atlidx"])
        #expect(inside.code != 0)
        #expect(inside.err.contains("inside the catalogue folder"))
        #expect(!FileManager.default.fileExists(atPath: cat.path + "/cat.atlidx"))
        let elsewhere = atl(["index", "--catalogue", cat.path, "--output", cat.path + "-x.atlidx"])
        #expect(elsewhere.code == 0, "\(elsewhere.err)")
        try? FileManager.default.removeItem(atPath: cat.path + "-x.atlidx")
    }

    @Test func snapshotCarriesTheSyntheticFlag() throws {
        let cat = try TempCatalogue(SyntheticCatalogueCLITests.settings, name: "idx-syn")
        let dir = cat.root.deletingLastPathComponent().path
        let snap = dir + "/syn.atlidx", profile = dir + "/child.profile"
        try Data(SyntheticCatalogueCLITests.profile.utf8).write(to: URL(fileURLWithPath: profile))
        #expect(atl(["index", "--catalogue", cat.path, "--output", snap]).code == 0)
        let base = ["list", "--catalogue", cat.path, "--profile", profile, "--date", "2026-11-23", "--format", "json"]
        let text = atl(base), fast = atl(base + ["--index", snap])
        #expect(fast.code == 0, "\(fast.err)")
        #expect(fast.out == text.out)
        #expect(fast.out.contains("\"synthetic_catalogue\": true"))
    }
}
