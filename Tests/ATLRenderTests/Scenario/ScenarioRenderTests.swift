import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
@testable import ATLPlanning
import Foundation
import Testing
@testable import ATLRender

@Suite("Scenario reports") struct ScenarioRenderTests {
    @Test func escapesText() {
        #expect(SVG.escape("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
    }

    @Test func projectionKeepsNorthUpAndAspect() throws {
        let p = try #require(GridProjection(points: [GridPoint(easting: 360_000, northing: 300_000),
                                                     GridPoint(easting: 380_000, northing: 310_000)],
                                            width: 420, height: 220, margin: 10))
        let sw = p.project(GridPoint(easting: 360_000, northing: 300_000))
        let ne = p.project(GridPoint(easting: 380_000, northing: 310_000))
        #expect(sw.x == 10 && ne.x == 410, "20 km across 400 units")
        #expect(sw.y == 210 && ne.y == 10, "north is up")
        #expect(abs(p.units(km: 1) - 20) < 1e-9)
        #expect(GridProjection(points: [], width: 10, height: 10) == nil)
        let one = try #require(GridProjection(points: [GridPoint(easting: 1000, northing: 1000)], width: 100, height: 100))
        let c = one.project(GridPoint(easting: 1000, northing: 1000))
        #expect(c.x == 50 && c.y == 50, "a single point sits in the middle")
    }

    @Test func chartsCarryTextAlternativesAndEscapeLabels() {
        let svg = GroupedBarChart.render(id: "c", title: "Demand <&>", desc: "d", categories: ["A&B"],
                                         series: [("Base", [3]), ("What if", [5])])
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>"))
        #expect(svg.contains("role=\"img\"") && svg.contains("<title id=\"c-t\">Demand &lt;&amp;&gt;</title>"))
        #expect(svg.contains(">A&amp;B<") && !svg.contains("A&B"))
        let map = SufficiencyMap.render(id: "m", title: "Map", settings: [
            SettingUse(urn: 1, name: "<script>", type: .special, location: GridPoint(easting: 370_000, northing: 310_000),
                       needs: nil, places: 4, placed: 1, hypothetical: true, closed: false)],
            districts: [DistrictUse(district: "TF3", centre: GridPoint(easting: 371_000, northing: 311_000), children: 3,
                                    placed: 1, noSuitablePlace: 0, meanKm: 2)])
        #expect(!map.contains("<script>") && map.contains("&lt;script&gt;"))
        #expect(map.contains("TF3 2"), "unmet demand labelled by district")
    }

    static func comparison() throws -> ScenarioComparison {
        let la = LocalAuthority(code: 999, name: "Severnvale (fictional example LA)")
        func s(_ urn: Int, _ type: SettingType, km: Double, needs: [NeedCode]?, places: Int?, onRoll: Int?) -> Setting {
            MatchFixture.setting(urn, "Setting \(urn) & Co", type: type, km: km, needs: needs, facilities: nil, places: places,
                                 onRoll: onRoll, capacity: 900, pupils: 899)
        }
        let catalogue = Catalogue(settings: [
            s(9000001, .mainstream, km: 1, needs: nil, places: nil, onRoll: nil),
            s(9000002, .mainstreamResourced, km: 3, needs: [.ASD], places: 10, onRoll: 9),
            s(9000003, .special, km: 8, needs: [.ASD, .SEMH], places: 50, onRoll: 49),
        ], root: "test/example-la")
        let home = ResolvedHome(point: GridPoint(easting: 370_000, northing: 310_000), postcodeDistrict: "TF3", districtCode: nil,
                                localAuthority: la, matrixOrigin: nil, approximate: false)
        let cohort = (1...6).map { i in
            CohortChild(profile: NeedsProfile(reference: "SYN-\(i)", synthetic: true, primaryNeed: i % 3 == 0 ? .SEMH : .ASD,
                                              placementYear: 7, home: .grid(home.point), maxJourneyKm: 20),
                        home: home, profileHash: "h\(i)")
        }
        let scen = try ScenarioParser.parse(Array("""
            format: atl-scenario/1
            name: Open an autism base & grow demand
            change: open
            name: Autism base <north>
            type: mainstream-resourced
            needs: ASD
            places: 4
            host: 9000001
            change: demand
            need: ASD
            growth: +25%
            """.utf8), file: "t.scenario")
        let runner = ScenarioRunner(engineVersion: "test", seed: 5, date: "2026-11-23",
                                    districtCentre: { $0 == "TF3" ? GridPoint(easting: 370_500, northing: 310_500) : nil }, threads: 1)
        return try runner.run(catalogue: catalogue, weights: .defaults, cohort: cohort, cohortHash: "cohort-hash", scenarios: [scen])
    }

    @Test func reportsAreDeterministicAndMatchGolden() throws {
        let a = try Self.comparison(), b = try Self.comparison()
        let html = ScenarioHTML.render(a)
        #expect(html == ScenarioHTML.render(b))
        #expect(ScenarioMarkdown.render(a) == ScenarioMarkdown.render(b))
        #expect(ScenarioJSON.render(a) == ScenarioJSON.render(b))
        #expect(!html.contains("<north>") && html.contains("Autism base &lt;north&gt;"))
        // No script, and no address outside the page but the SVG namespace (which is a name, never fetched).
        #expect(!html.contains("<script"))
        #expect(!html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("http://"))
        #expect(!html.contains("https://"))
        #expect(html.contains("FICTIONAL EXAMPLE") && html.contains("SYNTHETIC COHORT") && html.contains("cohort-hash"))
        try Golden.check([("scenario.md", ScenarioMarkdown.render(a)), ("scenario.json", ScenarioJSON.render(a)),
                          ("scenario.html", html)].map { (RenderGolden.path($0.0), Data($0.1.utf8)) })
    }

    @Test func jsonIsValidAndCarriesTheStamp() throws {
        let text = ScenarioJSON.render(try Self.comparison())
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(obj["schema"] as? String == "atl-scenario-report/1")
        let stamp = try #require(obj["stamp"] as? [String: Any])
        #expect(stamp["seed"] as? String == "5" && stamp["cohortHash"] as? String == "cohort-hash")
        #expect((stamp["scenarioHashes"] as? [String])?.count == 1)
    }

    /// Tester 2 #22: charts shown side by side share one y-axis scale.
    @Test func needChartsShareOneScale() {
        let a = GroupedBarChart.render(id: "a", title: "t", desc: "d", categories: ["ASD"], series: [("x", [90])], scaleMax: 108)
        let b = GroupedBarChart.render(id: "b", title: "t", desc: "d", categories: ["ASD"], series: [("x", [108])], scaleMax: 108)
        #expect(a.contains(">54</text>") && b.contains(">54</text>") && !a.contains(">45</text>"), "half-way gridline of the shared scale")
    }

    /// Tester 2 #24: journey changes are computed from the figures as printed.
    @Test func journeyChangeIsComputedFromRoundedFigures() {
        #expect(ScenarioTables.km(4.56) == "4.6" && ScenarioTables.km(4.44) == "4.4")
        #expect(ScenarioTables.deltaKm(4.56, 4.44) == "-0.2")
        #expect(ScenarioTables.deltaKm(15.94, 15.76) == "-0.1")
        #expect(ScenarioTables.deltaKm(2.15, 2.49) == "+0.3" || ScenarioTables.deltaKm(2.15, 2.49) == "+0.4")
        #expect(ScenarioTables.deltaKm(3.0, 3.04) == "0.0" && ScenarioTables.deltaKm(nil, 1) == "–")
        #expect(ScenarioTables.deltaKm(0.2, 12.3) == "+12.1")
    }
}
