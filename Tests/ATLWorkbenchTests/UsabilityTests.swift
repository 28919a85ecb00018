import ATLTestSupport
import ATLModel
import ATLData
import ATLEngine
import ATLHTTP
import ATLServices
@testable import ATLWorkbench
import Foundation
import Testing

/// What a first-time user found hard: a form as long as the vocabulary, codes and tags instead of names, a
/// scenario that silently changed nothing, a name search that gave up on large catalogues.
@Suite struct UsabilityTests {
    /// The `<details>` groups of provision on a new-list page, as (title, open).
    static func groups(_ html: String) -> [(title: String, open: Bool)] {
        let pattern = try! NSRegularExpression(pattern: #"<details class="wb-details wb-group"( open)?><summary><span class="wb-group__title">([^<]+)</span>"#)
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { m in
            (String(html[Range(m.range(at: 2), in: html)!]), m.range(at: 1).location != NSNotFound)
        }
    }

    /// Provision is asked in closed groups (the blank form is short), every facility still has its three choices,
    /// and a group with an answer in it is drawn open with what it holds in its summary.
    @Test func provisionGroupsAreClosedUntilTheyHoldAnAnswer() throws {
        let c = try Fixture.client()
        let blank = try c.get("/lists/new")
        let titles = ["Secondary needs"] + ProfileForm.groupedFacilities.map(\.title)
        #expect(Self.groups(blank.text).map(\.title) == titles)
        #expect(Self.groups(blank.text).allSatisfy { !$0.open }, "a blank form shows every group closed")
        for x in Facility.allCases {
            for (i, value) in ["must", "desirable", "none"].enumerated() {
                let id = i == 0 ? "facility-\(x.rawValue)" : "facility-\(x.rawValue)-\(i + 1)"
                #expect(blank.text.contains("id=\"\(id)\" name=\"facility-\(x.rawValue)\" type=\"radio\" value=\"\(value)\""), "\(id)")
            }
        }
        let filled = try c.post("/lists/new", form: [("_csrf", blank.csrf ?? ""), ("primary-need", "ASD"), ("facility-salt-onsite", "must"),
                                                      ("facility-hydrotherapy", "desirable"), ("facility-quiet-space", "none")])
        let open = Self.groups(filled.text).filter(\.open).map(\.title)
        #expect(open == ["Therapies and health"], "only the group with an answer is open: \(open)")
        #expect(filled.text.contains("Therapies and health</span> <span class=\"wb-group__answered\">(1 required, 1 would help)</span>"))
        #expect(filled.text.contains("Learning environment</span> <span class=\"wb-group__answered\">(none asked for)</span>"))
        // Secondary needs are a closed group too, open once one is chosen.
        let secondary = try c.post("/lists/new", form: [("_csrf", blank.csrf ?? ""), ("primary-need", "ASD"), ("secondary-SLCN", "moderate")])
        #expect(Self.groups(secondary.text).filter(\.open).map(\.title) == ["Secondary needs"])
        #expect(secondary.text.contains("Secondary needs</span> <span class=\"wb-group__answered\">(1 chosen)</span>"))
    }

    /// The error summary links to a facility's control; the group holding it is drawn open so the link lands on
    /// a visible field without any script.
    @Test func aGroupWithAnErrorIsDrawnOpen() throws {
        let app = Fixture.shared.workbench.app
        let id = ProfileForm.controlID("must-have")
        let page = app.newListPage(try HTTPRequest(), input: ProfileForm.blank, errors: [H.FieldError(field: id, message: "Check the provision")])
        let html = String(decoding: page.body, as: UTF8.self)
        #expect(html.contains("href=\"#\(id)\""))
        let holding = try #require(ProfileForm.groupedFacilities.first { g in g.facilities.contains { "facility-\($0.rawValue)" == id } })
        #expect(Self.groups(html).filter(\.open).map(\.title) == [holding.title])
        // An error on a facility of another group opens that group.
        let last = ProfileForm.groupedFacilities.last!
        let other = app.newListPage(try HTTPRequest(), input: ProfileForm.blank,
                                    errors: [H.FieldError(field: "facility-\(last.facilities.last!.rawValue)", message: "Check it")])
        #expect(Self.groups(String(decoding: other.body, as: UTF8.self)).filter(\.open).map(\.title) == [last.title])
        // And a problem with the secondary needs opens their group.
        let secondaryID = ProfileForm.controlID("secondary-needs")
        let needs = app.newListPage(try HTTPRequest(), input: ProfileForm.blank, errors: [H.FieldError(field: secondaryID, message: "Check the needs")])
        let needsHTML = String(decoding: needs.body, as: UTF8.self)
        #expect(needsHTML.contains("href=\"#\(secondaryID)\"") && needsHTML.contains("id=\"\(secondaryID)\""))
        #expect(Self.groups(needsHTML).filter(\.open).map(\.title) == ["Secondary needs"])
    }

    /// "Why is this setting not on the list?" names missing provision and designated needs in plain words,
    /// never by their tags or codes.
    @Test func whyNamesProvisionAndNeedsPlainly() throws {
        let catalogue = Fixture.engine.catalogue
        let withFacilities = try #require(catalogue.settings.first { ($0.facilities?.count ?? 0) >= 2 })
        let detail = WorkbenchApp.plainDetail(.mustHaveMissing, setting: withFacilities, distanceKm: 5)
        var rest = detail
        for x in withFacilities.facilities!.facilities {
            #expect(detail.contains(x.title), "\(x.rawValue) by its name")
            rest = rest.replacingOccurrences(of: x.title, with: "")
        }
        // Once the plain names are taken out, no tag is left (some names contain their tag's words, like step-free).
        #expect(Facility.allCases.allSatisfy { !rest.contains($0.rawValue) }, "tags in “\(detail)”")
        let designated = try #require(catalogue.settings.first { $0.needs != nil && !$0.needs!.codes.isEmpty })
        let needs = WorkbenchApp.plainDetail(.needNotProvided, setting: designated, distanceKm: 5)
        #expect(designated.needs!.codes.allSatisfy { needs.contains($0.plainLabel) }, "\(needs)")
        // The settings search shows designated needs by name too.
        let search = try Fixture.client().get("/settings?need=ASD")
        #expect(search.text.contains("<td>Autism (ASD)") || search.text.contains(", Autism (ASD)"), "designated needs by name")
        // Other rules keep the engine's words.
        #expect(WorkbenchApp.plainDetail(.journey, setting: designated, distanceKm: 16.09344) == EligibilityRule.journey.detail(for: designated, distanceKm: 16.09344))
    }
}

/// The name search for preferred and avoided settings works at any catalogue size, answers with at most 20
/// settings, and leaves nothing of its query in the log.
@Suite struct FindSettingTests {
    @Test func theNameSearchWorksOnALargeCatalogueAndIsBounded() throws {
        // 4,000 settings: past the size at which the form stops listing every name for the browser.
        let example = Fixture.engine.catalogue.settings
        let many: [Setting] = (0..<4000).map { i in
            var s = example[i % example.count]
            s.urn = 8_000_000 + i
            s.name = "Test Setting \(i) Academy"
            return s
        }
        let engine = MatchingEngine(catalogue: Catalogue(settings: many, root: "large-test"), weights: Fixture.engine.weights,
                                    engineVersion: "test")
        var c = WorkbenchConfiguration(setup: Fixture.setup)
        c.port = 0
        c.dataDirectory = Fixture.dataFolder("find-setting")
        c.date = RunDate(Fixture.date)
        let log = LogLines()
        c.log = log.add
        let w = try Workbench(configuration: c, engine: engine)
        try w.start()
        defer { w.shutdown(gracePeriod: .seconds(1)) }
        let client = TestClient(port: w.port)
        let form = try client.get("/lists/new")
        #expect(!form.text.contains("<datalist id=\"setting-names\""), "too many names to send to the browser")
        #expect(form.text.contains("<form id=\"find-setting-form\" method=\"get\" action=\"/lists/find-setting\" target=\"_blank\""))
        #expect(form.text.contains("id=\"find-setting\" name=\"q\" type=\"search\" form=\"find-setting-form\""))
        let broad = try client.get("/lists/find-setting?q=academy")
        #expect(broad.status == 200 && broad.text.contains("4000 settings match"))
        #expect(broad.allMatches(#"<li><strong>([^<]+)</strong>"#).count == 20)
        let one = try client.get("/lists/find-setting?q=Test+Setting+3999")
        #expect(one.text.contains("1 setting matches") && one.text.contains("<strong>Test Setting 3999 Academy</strong><br>URN 8003999"))
        #expect(try client.get("/lists/find-setting?q=zzzz-nothing").text.contains("No settings match"))
        #expect(!log.all.contains { $0.contains("academy") || $0.contains("3999") || $0.contains("zzzz") }, "\(log.all)")
        #expect(log.all.contains { $0.contains("/lists/find-setting") })
    }
}

/// The scenario form: six changes, needs by name, a new site's ages and postcode; and the result page says, from
/// the run, why a change made no difference.
@Suite struct ScenarioFormTests {
    @Test func theFormOffersSixChangesWithNeedsByName() throws {
        let page = try Fixture.client().get("/commissioning")
        for slot in 1...6 { #expect(page.text.contains("name=\"change-\(slot)-op\""), "change \(slot)") }
        #expect(!page.text.contains("name=\"change-7-op\""))
        #expect(page.text.contains("id=\"change-1-needs-2\" name=\"change-1-needs\" type=\"checkbox\" value=\"ASD\""))
        #expect(page.text.contains("<label for=\"change-1-needs-2\">Autism (ASD)</label>"))
        #expect(page.text.contains("<option value=\"HI\">Hearing impairment (HI)</option>"))
        for name in ["change-1-postcode", "change-1-age-from", "change-1-age-to"] { #expect(page.text.contains("name=\"\(name)\""), "\(name)") }
        // Rows 2 to 6 stay closed until used.
        #expect(page.text.components(separatedBy: "<details class=\"wb-details\" open>").count - 1 == 1)
    }

    @Test func ticksAgesAndAPostcodeBecomeScenarioText() throws {
        let catalogue = Fixture.engine.catalogue, postcodes = try #require(Fixture.engine.postcodes)
        let point = try #require(postcodes.locate("TF3 1LA")).point
        let f = FormInput(fields: [("scenario-name", "Two bases"), ("change-1-op", "open"), ("change-1-name", "Base"), ("change-1-type", "special"),
                                   ("change-1-needs", "ASD"), ("change-1-needs", "SLCN"), ("change-1-places", "8"), ("change-1-postcode", "TF3 1LA"),
                                   ("change-1-age-from", "11"), ("change-1-age-to", "16"), ("change-6-op", "demand"), ("change-6-need", "HI"),
                                   ("change-6-growth", "+5%")])
        let built = ScenarioForm.build(f, catalogue: catalogue, postcodes: postcodes)
        #expect(built.errors.isEmpty)
        #expect(built.text == """
            format: atl-scenario/1
            name: Two bases

            change: open
            name: Base
            type: special
            needs: ASD, SLCN
            places: 8
            easting: \(point.easting)
            northing: \(point.northing)
            age-range: 11-16

            change: demand
            need: HI
            growth: +5%

            """)
        // Half an age range, or a postcode the lookup does not hold, is an error at its box.
        var half = f
        half.fields.removeAll { $0.name == "change-1-age-to" }
        half.fields = half.fields.map { $0.name == "change-1-postcode" ? ($0.name, "ZZ9 9ZZ") : $0 }
        let bad = ScenarioForm.build(half, catalogue: catalogue, postcodes: postcodes)
        #expect(Set(bad.errors.map(\.field)) == ["change-1-age-from", "change-1-postcode"])
    }

    /// New places for a need no child has, new places for ages no child is, and growth of a need no child has:
    /// the run's page says so for each, with the counts the run produced.
    @Test func theResultSaysWhyAChangeMadeNoDifference() throws {
        let (w, c, _) = try Fixture.workbench("effects")
        defer { w.shutdown(gracePeriod: .seconds(1)) }
        let form = try c.get("/commissioning")
        let cohort = try #require(FileManager.default.contents(atPath: Repository.path("examples/cohort-example-la.csv")))
        let fields: [(String, String)] = [
            ("_csrf", form.csrf ?? ""), ("cohort-source", "upload"), ("scenario-source", "form"), ("scenario-name", "Places nobody can use"), ("seed", "1"),
            ("change-1-op", "open"), ("change-1-name", "Hearing base"), ("change-1-type", "mainstream-resourced"), ("change-1-needs", "HI"),
            ("change-1-places", "8"), ("change-1-host", "9000004"),
            ("change-2-op", "open"), ("change-2-name", "Infant autism base"), ("change-2-type", "special"), ("change-2-needs", "ASD"),
            ("change-2-places", "10"), ("change-2-postcode", "TF3 1LA"), ("change-2-age-from", "4"), ("change-2-age-to", "7"),
            ("change-3-op", "demand"), ("change-3-need", "HI"), ("change-3-growth", "+50%"),
        ]
        let started = try c.post("/commissioning", multipart: fields, files: [("cohort-file", "cohort.csv", [UInt8](cohort))])
        #expect(started.status == 303, "\(started.text.suffix(2000))")
        let done = try PagesTests.waitForJob(c, try #require(started.header("Location")))
        #expect(done.text.contains("<h2>What each change did</h2>"), "\(done.text.suffix(3000))")
        #expect(done.text.contains("This scenario changed no child’s outcome"))
        #expect(done.text.contains("Change 1 (open “Hearing base”): no child was placed in the new provision. No child in the cohort has a primary need it is designated for (Hearing impairment (HI))"))
        #expect(done.text.contains("Change 2 (open “Infant autism base”): no child was placed in the new provision. 6 children have a primary need it is designated for (Autism (ASD)), but it could not be on any of their lists: "))
        #expect(done.text.contains("; 6 are of a year group it does not admit."), "every child of the need is of a year it does not admit")
        #expect(done.text.contains("Change 3 (demand +50%): no child in the cohort is among the children whose primary need is Hearing impairment (HI)"))
        // Closing a setting children were placed at does change outcomes: no "changed no child" line, and the count.
        let closing = try c.post("/commissioning", multipart: fields + [("change-4-op", "close"), ("change-4-setting", "9000004")],
                                 files: [("cohort-file", "cohort.csv", [UInt8](cohort))])
        let closed = try PagesTests.waitForJob(c, try #require(closing.header("Location")))
        #expect(!closed.text.contains("This scenario changed no child’s outcome"))
        #expect(closed.text.contains("Change 4 (close Brackenridge Academy (URN 9000004)): 4 children placed there in the baseline had to be placed elsewhere"))
    }
}

extension FindSettingTests {
    /// The search tab says the data is fictional, like every page that shows settings, and how to go back.
    @Test func theSearchTabCarriesTheDataBanner() throws {
        let r = try Fixture.client().get("/lists/find-setting?q=school")
        #expect(r.status == 200 && r.text.contains("id=\"data-banner-title\"") && r.text.contains("close this tab"))
    }
}
