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
        let titles = ProfileForm.groupedFacilities.map(\.title)
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
