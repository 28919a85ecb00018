import ATLTestSupport
import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import ATLSynthetic
import Foundation
import Testing
@testable import ATLCLI

/// `atl scenario` end to end on the shipped example LA, a small synthetic cohort and the example scenarios.
@Suite struct ScenarioCommandTests {
    static let repo = Repository.root
    static func path(_ rel: String) -> String { repo.appendingPathComponent(rel).path }


    /// The first 16 children of the committed example-LA cohort, and a postcode lookup holding only their
    /// postcodes (loading the full lookup would make the tests slow).
    static func cohort(_ t: TemporaryFolder) throws -> String {
        _ = try t.write("postcodes.txt", fixture.postcodes)
        return try t.write("cohort.csv", fixture.csv)
    }

    static let fixture: (csv: String, postcodes: String) = {
        let text = try! String(contentsOfFile: path("docs/examples/scenarios/example-la-cohort.csv"), encoding: .utf8)
        let rows = Array(text.components(separatedBy: "\r\n").prefix(17))
        var wanted: [String: Set<String>] = [:]
        for r in rows.dropFirst() {
            if let m = r.firstMatch(of: /[A-Z]{1,2}[0-9][0-9A-Z]? [0-9][A-Z]{2}/) {
                let parts = m.output.split(separator: " ")
                wanted[String(parts[0]), default: []].insert(String(parts[1]))
            }
        }
        let lookup = try! String(contentsOfFile: path("provision-catalogue/geography/postcodes-west-midlands.txt"), encoding: .utf8)
        let inwards = wanted.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        var out = "", keep = false
        for line in lookup.split(separator: "\n") {
            if line.hasPrefix("@") {
                let oc = String(line.dropFirst().split(separator: " ")[0])
                keep = wanted[oc] != nil
                if keep { out += line + "\n" }
            } else if keep, let inward = line.split(separator: " ").first, inwards.contains(String(inward)) {
                out += line + "\n"
            }
        }
        return (rows.joined(separator: "\r\n") + "\r\n", out)
    }()

    func run(_ args: [String]) -> (code: Int32, out: String, err: String) {
        let postcodes = args.firstIndex(of: "--cohort").map { URL(fileURLWithPath: args[$0 + 1]).deletingLastPathComponent().appendingPathComponent("postcodes.txt").path } ?? ""
        return atl(["scenario"] + args + ["--catalogue", Self.path("provision-catalogue/example-la"),
                                          "--postcodes", postcodes,
                                          "--weights", Self.path("provision-catalogue/weights.conf"), "--date", "2026-11-23"])
    }

    @Test func runsTwoScenariosReproducibly() throws {
        let t = try TemporaryFolder()
        let cohort = try Self.cohort(t)
        let args = ["--cohort", cohort, "--scenario", Self.path("examples/scenarios/asd-demand-plus-20.scenario"),
                    "--scenario", Self.path("examples/scenarios/example-la-semh-base.scenario"), "--seed", "7"]
        let html1 = run(args + ["--output", t.url.appendingPathComponent("a.html").path])
        #expect(html1.code == 0, "\(html1.err)")
        let html2 = run(args + ["--output", t.url.appendingPathComponent("b.html").path])
        #expect(html2.code == 0)
        let a = try Data(contentsOf: t.url.appendingPathComponent("a.html")), b = try Data(contentsOf: t.url.appendingPathComponent("b.html"))
        #expect(a == b, "same inputs and seed give a byte-identical report")
        let text = String(decoding: a, as: UTF8.self)
        #expect(text.contains("Seed</dt><dd>7</dd>") && text.contains("FICTIONAL EXAMPLE") && text.contains("SYNTHETIC COHORT"))
        #expect(text.contains("Hypothetical: Severnvale SEMH base"))
        let json = run(args + ["--format", "json"])
        #expect(json.code == 0 && json.out.contains("\"schema\": \"atl-scenario-report/1\""))
    }

    @Test func invalidScenarioIsExit2WithFileLineField() throws {
        let t = try TemporaryFolder()
        let bad = try t.write("bad.scenario", "format: atl-scenario/1\nname: bad\nchange: places\nsetting: 9000004\nplaces: many\n")
        let r = run(["--cohort", try Self.cohort(t), "--scenario", bad])
        #expect(r.code == 2)
        #expect(r.err.contains("bad.scenario:5: field 'places': expected a whole number"))
    }

    @Test func unknownURNIsExit2() throws {
        let t = try TemporaryFolder()
        let bad = try t.write("close.scenario", "format: atl-scenario/1\nname: x\nchange: close\nsetting: 4242\n")
        let r = run(["--cohort", try Self.cohort(t), "--scenario", bad])
        #expect(r.code == 2)
        #expect(r.err.contains("close.scenario:3: field 'setting': no setting with URN 4242"))
    }

    @Test func usageErrors() throws {
        let t = try TemporaryFolder()
        #expect(run(["--cohort", try Self.cohort(t)]).code == 1, "--scenario is required")
        let s = Self.path("examples/scenarios/asd-demand-plus-20.scenario")
        #expect(run(["--cohort", try Self.cohort(t), "--scenario", s, "--seed", "-1"]).code == 1)
        #expect(run(["--cohort", try Self.cohort(t), "--scenario", s, "--format", "pdf"]).code == 1)
        #expect(run(["--cohort", t.url.appendingPathComponent("nope.csv").path, "--scenario", s]).code == 2)
    }
}
