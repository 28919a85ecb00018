import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
@testable import ATLPlanning
import Foundation
import Testing
@testable import ATLRender
import ATLMaps

@Suite("Scenario reports") struct ScenarioRenderTests {
    @Test func escapesText() {
        #expect(HTMLText.escape("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(HTMLText.escape("a\u{1}b") == "a\u{FFFD}b", "control characters are not allowed in XML")
    }

    @Test func chartsCarryTextAlternativesEscapeLabelsAndKeepTextLegible() {
        let fig = BarChart.figure(id: "c", title: "Demand <&>", description: "d", categories: ["A&B"],
                                  series: [("Base", [3]), ("What if", [5])], caption: "cap <x>")
        #expect(fig.contains("<title id=\"c-wide-t\">Demand &lt;&amp;&gt;</title>") && fig.contains("<title id=\"c-narrow-t\">"))
        #expect(fig.contains(">A&amp;B<") && !fig.contains("A&B") && fig.contains("cap &lt;x&gt;"))
        #expect(fig.contains("role=\"img\"") && fig.contains("viewBox=\"0 0 640.0 ") && fig.contains("viewBox=\"0 0 340.0 "))
        #expect(!fig.contains("height=\"") || !fig.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" viewBox=\"0 0 640.0 0"))
        for size in Self.fontSizes(fig) { #expect(size >= 12, "chart text at \(size) units") }
    }

    /// Every `font-size="…"` in a fragment of SVG.
    static func fontSizes(_ svg: String) -> [Double] {
        svg.components(separatedBy: "font-size=\"").dropFirst().compactMap { Double($0.prefix { $0 != "\"" }) }
    }

    /// A small fictional geography: one LA "999" of two 10 km districts around the fixture's homes.
    static func geography() -> MapGeography {
        func gp(_ e: Int, _ n: Int) -> GridPoint { GridPoint(easting: e, northing: n) }
        let west = DistrictBoundary(code: "E09999991", name: "West Test", laCode: "999",
                                    polygons: [BoundaryPolygon(outer: [gp(360_000, 300_000), gp(372_000, 300_000), gp(372_000, 320_000), gp(360_000, 320_000)])])
        let east = DistrictBoundary(code: "E09999992", name: "East Test", laCode: "999",
                                    polygons: [BoundaryPolygon(outer: [gp(372_000, 300_000), gp(384_000, 300_000), gp(384_000, 320_000), gp(372_000, 320_000)])])
        return MapGeography(boundaries: DistrictBoundaries(provenance: "test", districts: [west, east]),
                            towns: [Town(name: "Testham & <Co>", laCode: "999", point: gp(366_000, 306_000), postcodeDistricts: ["TF3"], rank: 1)])
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
        let html = ScenarioHTML.render(a, geography: Self.geography())
        #expect(html == ScenarioHTML.render(b, geography: Self.geography()))
        #expect(ScenarioMarkdown.render(a) == ScenarioMarkdown.render(b))
        #expect(ScenarioJSON.render(a) == ScenarioJSON.render(b))
        #expect(!html.contains("<north>") && html.contains("Autism base &lt;north&gt;"))
        #expect(!html.contains("Testham & <Co>") && html.contains("Testham &amp; &lt;Co&gt;"))
        // No script, and no address outside the page but the SVG namespace (which is a name, never fetched).
        #expect(!html.contains("<script"))
        #expect(!html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("http://"))
        #expect(!html.contains("https://"))
        #expect(html.contains("FICTIONAL EXAMPLE") && html.contains("SYNTHETIC COHORT") && html.contains("cohort-hash"))
        try Golden.check([("scenario.md", ScenarioMarkdown.render(a)), ("scenario.json", ScenarioJSON.render(a)),
                          ("scenario.html", html)].map { (RenderGolden.path($0.0), Data($0.1.utf8)) })
    }

    /// Issue 14: what a commissioner reads first and last, and no internal keys or bare need codes in the text.
    @Test func headlineFirstStampLastNoInternalKeys() throws {
        let c = try Self.comparison()
        for page in [ScenarioHTML.render(c, geography: Self.geography()), ScenarioMarkdown.render(c)] {
            let headline = try #require(page.range(of: "Headline figures")), stamp = try #require(page.range(of: "Audit stamp"))
            #expect(headline.lowerBound < stamp.lowerBound)
            #expect(!page[stamp.upperBound...].contains("<h2") && !page[stamp.upperBound...].contains("\n## "), "the stamp is the last section")
            for key in ["added-by-scenario", "newly-unplaced", "newly-placed", "docs/allocation.md", "rule 5", "<code>"] {
                #expect(!page.contains(key), "\(key)")
            }
            #expect(page.contains("Autism (ASD)") && page.contains("Social, emotional and mental health needs (SEMH)"))
        }
    }

    /// Issue 14: the map draws the LA's real boundary under the settings, labels say what they count, and the
    /// SVG scales to the screen (a viewBox, no fixed pixel width).
    @Test func mapsDrawBoundariesAndLabelWhatTheyCount() throws {
        let c = try Self.comparison()
        let html = ScenarioHTML.render(c, geography: Self.geography())
        #expect(html.contains("class=\"atl-map-svg\"") && html.contains("viewBox=\"0 0 640.0") && html.contains("viewBox=\"0 0 340.0"))
        #expect(html.contains("<title>West Test</title>") && html.contains("LA boundary"))
        let unplaced = c.baseline.districts.filter { $0.unplaced > 0 }
        for d in unplaced { #expect(html.contains("\(d.district): \(d.unplaced) unplaced")) }
        #expect(html.contains("@page landscape") && html.contains("page:landscape"))
        #expect(html.contains("details::details-content{content-visibility:visible"), "closed sections print open")
        for size in Self.fontSizes(html) { #expect(size >= 12, "text at \(size) units") }
    }

    @Test func changedOutcomesInNaturalOrderOfReference() {
        let ch = ["G1-10", "G1-2", "G1-1", "SYN-9", "SYN-10"].map { OutcomeChange(reference: $0, kind: .added, before: nil, after: 5) }
        let t = ScenarioTables.changes(ch, names: [5: "Setting & Co"])
        #expect(t.rows.map { $0[0] } == ["G1-1", "G1-2", "G1-10", "SYN-9", "SYN-10"])
        #expect(t.rows[0][1] == "Added by the scenario's demand growth" && t.rows[0][3] == "Setting & Co (URN 5)")
    }

    @Test func jsonIsValidAndCarriesTheStamp() throws {
        let text = ScenarioJSON.render(try Self.comparison())
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(obj["schema"] as? String == "atl-scenario-report/1")
        let stamp = try #require(obj["stamp"] as? [String: Any])
        #expect(stamp["seed"] as? String == "5" && stamp["cohortHash"] as? String == "cohort-hash")
        #expect((stamp["scenarioHashes"] as? [String])?.count == 1)
    }

    /// Tester 2 #22: charts shown side by side share one scale.
    @Test func needChartsShareOneScale() {
        let a = BarChart.svg(id: "a", title: "t", description: "d", categories: ["ASD"], series: [("x", [54])], scaleMax: 108, width: 640)
        let b = BarChart.svg(id: "b", title: "t", description: "d", categories: ["ASD"], series: [("x", [108])], scaleMax: 108, width: 640)
        func barWidth(_ s: String) -> Double? {
            s.components(separatedBy: "<rect ").compactMap { r -> Double? in
                guard r.contains("<title>") else { return nil }
                return r.components(separatedBy: "width=\"").dropFirst().first.flatMap { Double($0.prefix { $0 != "\"" }) }
            }.first
        }
        let wa = barWidth(a), wb = barWidth(b)
        #expect(wa != nil && wb != nil && abs((wa ?? 0) * 2 - (wb ?? 0)) < 0.2, "half the value, half the bar")
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
