import ATLTestSupport
import ATLModel
import ATLData
import ATLEngine
import ATLRender
import Foundation
import Testing
@testable import ATLCLI
import ATLServices

/// `atl list` end to end on the shipped fictional catalogue: every format, reproducibility, privacy of the home
/// postcode, and bad input; the weights every scoring command loads; `atl why` wording.
@Suite struct ListCommandTests {
    static let repo = Repository.root
    static let catalogue = repo.appendingPathComponent("provision-catalogue/example-la").path


    /// Writes the profile and a one-postcode lookup (the shipped lookup's line for TF3 1LA; loading the whole
    /// lookup would make each run slow) to a temporary folder.
    func profile(_ text: String) throws -> (path: String, postcodes: String, cleanup: () -> Void) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("atl-list-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent("child.profile")
        try Data(text.utf8).write(to: url)
        let lookup = dir.appendingPathComponent("postcodes.txt")
        try Data("# test lookup\n@TF3 E06000020\n1LA 370564 305849\n".utf8).write(to: lookup)
        return (url.path, lookup.path, { try? FileManager.default.removeItem(at: dir) })
    }

    static let child = """
        # SYNTHETIC CHILD for a test.
        format: atl-profile/1
        reference: CLI-0001
        synthetic: yes
        primary-need: ASD severe
        secondary-needs: SLCN moderate
        must-have: salt-onsite
        nc-year: 6
        placement-year: 7
        home-postcode: TF3 1LA
        max-journey: 12 miles

        """

    func list(_ p: (path: String, postcodes: String, cleanup: () -> Void), _ format: String) -> (code: Int32, out: String, err: String) {
        atl(["list", "--profile", p.path, "--catalogue", Self.catalogue, "--postcodes", p.postcodes,
             "--date", "2026-11-23", "--format", format])
    }

    @Test func everyFormatIsReproducibleAndKeepsTheHomePostcodePrivate() throws {
        let p = try profile(Self.child)
        defer { p.cleanup() }
        var outputs: [String: String] = [:]
        for format in ["md", "html", "json", "csv"] {
            let r = list(p, format)
            #expect(r.code == 0, "\(format): \(r.err)")
            #expect(r.out.contains("9000004"), "\(format) lists Brackenridge Academy")
            #expect(!r.out.contains("TF3 1LA"), "\(format) must show only the postcode district")
            outputs[format] = r.out
        }
        // Each run loads everything afresh; the renderers' own determinism is covered in ATLRenderTests.
        let html = list(p, "html").out
        #expect(html == outputs["html"], "byte-identical on a second run")
        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"en-GB\">"))
        #expect(html.contains("postcode district TF3"))
        #expect(html.contains("FICTIONAL EXAMPLE"))
        #expect(html.contains("SYNTHETIC CHILD"))
    }

    @Test func unknownFormatIsAUsageError() throws {
        let p = try profile(Self.child)
        defer { p.cleanup() }
        let r = list(p, "pdf")
        #expect(r.code == 1)
        #expect(r.out.isEmpty)
    }

    @Test func malformedProfileNamesFileLineAndField() throws {
        let p = try profile(Self.child.replacingOccurrences(of: "primary-need: ASD severe", with: "primary-need: ASD very"))
        defer { p.cleanup() }
        let r = list(p, "html")
        #expect(r.code == 2)
        #expect(r.out.isEmpty)
        #expect(r.err.contains("child.profile:5: field 'primary-need'"), "\(r.err)")
    }

    // #15: a missing default weights file gives a note; a missing --weights file is an error.
    @Test func missingWeightsAreNoticed() throws {
        let c = CapturingConsole()
        let w = try EngineLoader.loadWeights(nil, defaultPath: "/nonexistent/provision-catalogue/weights.conf", notify: c.console.notify)
        #expect(w.hash == Weights.defaults.hash)
        #expect(c.err.contains("weights: built-in defaults (/nonexistent/provision-catalogue/weights.conf not found"), "\(c.err)")

        #expect(throws: ATLError.self) {
            try EngineLoader.loadWeights("/nonexistent/w.conf", notify: c.console.notify)
        }
    }

    // #28: "1 setting", not "1 settings".
    @Test func whySaysOneSetting() throws {
        let one = try TempCatalogue([BatchFixture.settings[1]], name: "one")
        let catalogue = try #require(loadCatalogue(root: one.path).catalogue)
        let engine = MatchingEngine(catalogue: catalogue, engineVersion: ATL.version)
        let a = try engine.why(BatchFixture.profile("SYN-1", .ASD, km: 1), file: "x.profile", urn: 9000202)
        #expect(a.listSize == 1)
        let text = WhyText.render(a, reference: "SYN-1")
        #expect(text.contains("ON THE LIST: rank 1 of 1 setting "), "\(text)")
    }
}
