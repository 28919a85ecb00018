import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
@testable import ATLPlanning
import Foundation
import Testing
@testable import ATLRender

/// A small fixed fictional catalogue around a home at (370000, 310000) in the fictional LA 999, and one synthetic
/// child, for the list renderers' golden files. Names and report text include characters every format must
/// escape (`&`, `<`, `>`, quotes, `|`, commas) and text that looks like markup or a URL.
enum ListRenderFixture {
    static let home = GridPoint(easting: 370_000, northing: 310_000)
    static let severnvale = LocalAuthority(code: 999, name: "Severnvale (fictional example LA)")
    static let neighbour = LocalAuthority(code: 998, name: "Westmarch (fictional neighbour LA)")

    static func setting(_ urn: Int, _ name: String, type: SettingType, km: Double, ages: (Int, Int) = (11, 16),
                        la: LocalAuthority = severnvale, needs: [NeedCode]? = nil, facilities: [Facility]? = [],
                        places: Int? = nil, onRoll: Int? = nil, ofsted: OfstedJudgement? = .good,
                        report: [ReportSection: String] = [:]) -> Setting {
        MatchFixture.setting(urn, name, type: type, km: km, ages: ages, la: la, needs: needs, facilities: facilities, places: places,
                             onRoll: onRoll, capacity: 900, pupils: 880, ofsted: ofsted, religion: "None",
                             postcode: "ZZ9 \(urn % 10)AA", sources: ["Render test fixture"], report: report)
    }

    static let settings: [Setting] = [
        setting(9100001, "Alder Bank Academy", type: .mainstream, km: 2, facilities: [.quietSpace, .stepFree],
                report: [.kindsOfSEN: "We support pupils with autism, speech and language needs and dyslexia in mainstream classes.",
                         .approachToTeaching: "Visual timetables, quiet spaces at break and lunch, and pre-teaching of vocabulary."]),
        setting(9100002, "Oak & Ash <\"Quiet\"> Base | Unit", type: .mainstreamResourced, km: 4, needs: [.ASD, .SLCN],
                facilities: [.sensoryRoom, .saltOnsite, .smallClasses], places: 10, onRoll: 10,
                report: [.kindsOfSEN: "The base is for autistic pupils, and pupils with speech, language & communication needs.",
                         .additionalSupport: "A speech and language therapist works in the base <b>three</b> days a week; see https://example.invalid/base.",
                         .equipmentFacilities: "A sensory room and a quiet 'calm' room, open all day."]),
        setting(9100003, "Birchwood School", type: .special, km: 8, ages: (11, 19), needs: [.ASD, .SLCN, .SLD],
                facilities: [.sensoryRoom, .quietSpace, .smallClasses, .saltOnsite], places: 120, onRoll: 115, ofsted: .outstanding,
                report: [.kindsOfSEN: "Autism, severe learning difficulties, speech and language needs.",
                         .approachToTeaching: "Small classes of eight with a teacher and two assistants; sensory breaks.",
                         .therapies: "Speech and language therapy and occupational therapy on site every day."]),
        setting(9100004, "Cedar Hollow School, \"The Lodge\"", type: .independentSpecial, km: 15, ages: (8, 19), la: neighbour,
                needs: [.ASD, .SEMH], facilities: [.residential, .quietSpace, .smallClasses], places: 40, onRoll: 36,
                report: [.kindsOfSEN: "Autistic young people, many with anxiety.",
                         .emotionalSocial: "Every pupil has a key adult and a quiet space they can use at any time."]),
        setting(9100005, "Damson Vale School", type: .special, km: 5, needs: [.SEMH], facilities: [.counselling],
                places: 60, onRoll: 50, report: [.kindsOfSEN: "Social, emotional and mental health needs."]),
        setting(9100006, "Elm Tree Primary", type: .mainstream, km: 1, ages: (4, 11), facilities: [.quietSpace]),
        setting(9100007, "Fernhill High School", type: .mainstream, km: 40, facilities: []),
        setting(9100008, "Gorse Lane School", type: .mainstream, km: 6, facilities: nil, ofsted: nil),
    ]

    static let profile = NeedsProfile(
        reference: "RT-0001", synthetic: true, primaryNeed: .ASD, primarySeverity: .moderate,
        secondaryNeeds: [.init(.SLCN, .mild)], mustHave: [], desirable: FacilitySet([.sensoryRoom, .quietSpace, .smallClasses]),
        placementYear: 7, home: .grid(home), maxJourneyKm: 25)

    static let engine = MatchingEngine(catalogue: Catalogue(settings: settings), weights: .defaults, engineVersion: "0.0.0-test")

    /// The list as `atl list` would build it for a home in Severnvale (so the neighbour LA is out of area).
    static var list: AdvisoryList {
        let resolved = ResolvedHome(point: home, postcodeDistrict: "ZZ9", districtCode: nil, localAuthority: severnvale,
                                    matrixOrigin: nil, approximate: false)
        let q = engine.query(profile, home: resolved)
        let result = engine.score(q)
        return engine.compose(profile, home: resolved, query: q, result: result, profileHash: String(repeating: "a", count: 64),
                              date: "2026-11-23")
    }
}

@Suite struct ListRenderTests {
    let list = ListRenderFixture.list

    @Test func fixtureListHasEveryKindOfEntry() {
        let urns = list.entries.map(\.setting.urn)
        #expect(urns.contains(9100002) && urns.contains(9100003) && urns.contains(9100004))
        #expect(!urns.contains(9100005) && !urns.contains(9100006) && !urns.contains(9100007))
        let labels = Set(list.entries.flatMap(\.labels))
        #expect(labels.isSuperset(of: [.full, .outOfArea, .independentSector, .fictional]))
        #expect(list.entries.contains { $0.setting.facilities == nil })
    }

    @Test func markdownGolden() throws { try Golden.check(ListMarkdown.render(list), RenderGolden.path("list.md")) }
    @Test func jsonGolden() throws { try Golden.check(ListJSON.render(list), RenderGolden.path("list.json")) }
    @Test func csvGolden() throws { try Golden.check(ListCSV.render(list), RenderGolden.path("list.csv")) }
    @Test func htmlGolden() throws { try Golden.check(ListHTML.render(list), RenderGolden.path("list.html")) }

    /// The plain-text format: `atl why` for a listed setting and for one that breaks a rule.
    @Test func whyTextGolden() throws {
        let e = ListRenderFixture.engine, p = ListRenderFixture.profile
        let listed = try e.why(p, file: "rt.profile", urn: 9100003)
        let excluded = try e.why(p, file: "rt.profile", urn: 9100005)
        try Golden.check(WhyText.render(listed, reference: p.reference) + "\n---\n\n" + WhyText.render(excluded, reference: p.reference),
                         RenderGolden.path("why.txt"))
    }

    @Test func renderingIsDeterministic() {
        #expect(ListHTML.render(list) == ListHTML.render(ListRenderFixture.list))
        #expect(ListJSON.render(list) == ListJSON.render(ListRenderFixture.list))
    }

    // MARK: HTML safety and accessibility

    @Test func htmlIsSelfContained() {
        let h = ListHTML.render(list).lowercased()
        #expect(h.hasPrefix("<!doctype html>\n<html lang=\"en-gb\">"))
        for banned in ["<script", "<link", "<img", "<iframe", "<object", "<embed", "src=", "@import", "url(",
                       "href=\"http", "href='http", "javascript:", " on"+"click=", " on"+"load="] {
            #expect(!h.contains(banned), "HTML contains \(banned)")
        }
        // Every link is an in-page anchor that exists.
        for href in attributes("href", in: h) {
            #expect(href.hasPrefix("#"), "external link \(href)")
            #expect(h.contains("id=\"\(href.dropFirst())\""), "dangling anchor \(href)")
        }
    }

    @Test func everyTableHasHeadersAndACaption() {
        let h = ListHTML.render(list)
        let tables = h.components(separatedBy: "<table").dropFirst()
        #expect(!tables.isEmpty)
        for t in tables {
            let body = t.components(separatedBy: "</table>")[0]
            #expect(body.contains("<caption>"))
            #expect(body.contains("<th scope=\"col\""))
            #expect(body.contains("<th scope=\"row\""))
        }
    }

    @Test func htmlEscapesAllText() {
        let h = ListHTML.render(list)
        #expect(h.contains("Oak &amp; Ash &lt;&quot;Quiet&quot;&gt; Base | Unit"))
        #expect(!h.contains("Oak & Ash"))
        #expect(!h.contains("<b>three</b>"))
        #expect(!h.contains("<\"Quiet\">"))
        // Outside tags, no raw '<' or '>' survives: every '<' opens one of our well-formed tags, and text between
        // tags holds no '>'.
        let tagPattern = /^<(\/?[a-z][a-z0-9]*( [a-z-]+="[^"<>]*")*|!doctype html)>/
        var rest = Substring(h)
        var tags = 0
        while let lt = rest.firstIndex(of: "<") {
            #expect(!rest[..<lt].contains(">"), "raw '>' in text before \(rest[lt...].prefix(40))")
            let tail = rest[lt...]
            guard let m = tail.prefixMatch(of: tagPattern) else {
                Issue.record("unexpected markup at \(tail.prefix(60))")
                return
            }
            tags += 1
            rest = tail[m.range.upperBound...]
        }
        #expect(!rest.contains(">"))
        #expect(tags > 100)
    }

    @Test func htmlCarriesTheNoticesAndEveryEntry() {
        let h = ListHTML.render(list)
        #expect(h.contains(ListHTML.esc(ListText.advisoryNotice)))
        #expect(h.contains(ListHTML.esc(ListText.fictionalNotice(list)!)))
        #expect(h.contains(ListHTML.esc(ListText.syntheticNotice(list)!)))
        #expect(h.contains("(fictional example)</title>"))
        for e in list.entries {
            #expect(h.contains("id=\"setting-\(e.setting.urn)\""))
            #expect(h.contains("how the \(e.points) points add up"))
        }
        #expect(h.contains("<footer"))
        #expect(h.contains(list.stamp.catalogueHash))
        #expect(h.contains("@media print"))
    }

    @Test func escapeCoversAttributeAndTextSpecials() {
        #expect(ListHTML.esc("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&#39;f")
        #expect(ListHTML.esc("Ysgol Gymraeg · naïve — ✓") == "Ysgol Gymraeg · naïve — ✓")
        #expect(ListHTML.esc("") == "")
    }

    @Test func emptyListStillRendersAValidPage() {
        var l = list
        l.entries = []
        let h = ListHTML.render(l)
        #expect(h.contains("No setting in the catalogue is eligible"))
        #expect(!h.contains("<table"))
        #expect(h.hasSuffix("</html>\n"))
    }

    private func attributes(_ name: String, in html: String) -> [String] {
        html.components(separatedBy: "\(name)=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }
}

/// Lists built from settings whose type is not known (as in today's real catalogue) must not claim that no
/// setting of a type is eligible, nor count "0 types".
@Suite struct ListUnknownTypeWordingTests {
    static let list: AdvisoryList = {
        let settings = (1...6).map { i in
            Setting(urn: 9200000 + i, name: "Unknown Type \(i)", fictional: true, localAuthority: ListRenderFixture.severnvale,
                    type: .unknown, phase: .notApplicable,
                    location: GridPoint(easting: 370_000 + i * 1000, northing: 310_000), nearestPostcode: "ZZ9 9ZZ")
        }
        let e = MatchingEngine(catalogue: Catalogue(settings: settings), engineVersion: "0.0.0-test")
        return try! e.advisoryList(for: ListRenderFixture.profile, file: "rt.profile", profileHash: "h", date: "2026-11-23", threads: 1)
    }()

    @Test func headingSaysTypesAreNotKnown() {
        // Six settings of unknown type: they may also meet the need (band B), so a handful (5) are listed.
        #expect(Self.list.entries.count == 5)
        #expect(ListText.listHeading(Self.list) == "The list: 5 settings, types not known")
        #expect(ListMarkdown.render(Self.list).contains("## The list: 5 settings, types not known\n"))
        #expect(ListHTML.render(Self.list).contains(">The list: 5 settings, types not known</h2>"))
    }

    @Test func absentTypesAreNotClaimedAbsent() {
        let lines = ListText.excludedSummary(Self.list)
        #expect(lines.contains { $0.hasPrefix("No eligible setting is known to be of these types: ") })
        #expect(!lines.contains { $0.hasPrefix("No eligible setting of these types") })
    }

    @Test func unknownTypeInclusionIsExplainedAsSuch() {
        // Unknown provision never leads (policy R5): it may also meet the need, and says why it is there.
        #expect(Self.list.entries.allSatisfy { $0.band == .mayAlsoMeet && $0.inclusion == .mayAlsoMeet })
        for e in Self.list.entries {
            #expect(ListText.inclusion(e) == "because its type is not known, so it may also meet the need (and it could not be counted towards choice)")
        }
    }

    @Test func notApplicablePhaseIsNotShownAsAPhase() {
        #expect(ListText.settingFacts(Self.list.entries[0].setting) == "Type not known · no Ofsted judgement recorded · Severnvale (fictional example LA) · ZZ9 9ZZ")
    }
}
