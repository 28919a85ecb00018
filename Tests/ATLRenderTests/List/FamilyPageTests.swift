import ATLTestSupport
@testable import ATLModel
@testable import ATLEngine
import Foundation
import Testing
@testable import ATLRender

/// The family's list page says things a parent can act on (issue 14): one test per plain-words rule, on the
/// render fixture and on the six committed example lists.
@Suite struct FamilyPageTests {
    let list = ListRenderFixture.list

    /// The part of the page a family reads: everything before the officer's section.
    static func familyPart(_ html: String) -> String {
        html.components(separatedBy: "<aside class=\"officer\"").first ?? html
    }

    /// Markdown before the officer's section.
    static func familyPart(markdown md: String) -> String {
        md.components(separatedBy: "## For the SEND officer").first ?? md
    }

    /// The text of some HTML, without tags or the style element.
    static func text(_ html: String) -> String {
        var s = html
        if let a = s.range(of: "<style>"), let b = s.range(of: "</style>") { s.removeSubrange(a.lowerBound..<b.upperBound) }
        return s.replacing(/<[^>]*>/, with: " ")
    }

    /// The committed example lists (docs/examples/lists), HTML and Markdown.
    static let examples = ["asd-slcn-year7", "hi-signing-year3", "pmld-hoist-physio-year7", "post16-mld-year12",
                           "real-telford-asd-year7", "semh-year9-move"]

    static func example(_ name: String, _ ext: String) throws -> String {
        try String(contentsOfFile: Repository.path("docs/examples/lists/\(name).\(ext)"), encoding: .utf8)
    }

    // MARK: No points for the family

    @Test func noPointsOutsideTheOfficerSection() {
        let html = ListHTML.render(list)
        let family = Self.familyPart(html)
        #expect(family.count < html.count, "the page has an officer section")
        for e in list.entries {
            #expect(!family.contains(e.points), "\(e.setting.name): points shown to the family")
            #expect(html.contains("how the \(e.points) points add up"), "\(e.setting.name): breakdown kept for the officer")
        }
        let words = Self.text(family).lowercased()
        #expect(!words.contains("points") && !words.contains("score") && !words.contains("bm25"))
        #expect(!family.contains("code class=\"key\""), "no rule keys for the family")
        let md = ListMarkdown.render(list)
        for e in list.entries { #expect(!Self.familyPart(markdown: md).contains(e.points)) }
        #expect(md.contains("## For the SEND officer: points and how they add up"))
    }

    @Test func theOfficersBreakdownSumsExactly() {
        for e in list.entries {
            #expect(e.explanation.isConsistent)
            #expect(e.explanation.milli == e.milli)
        }
    }

    @Test func noCommandLinesOnTheFamilyPage() {
        let html = ListHTML.render(list)
        #expect(!html.contains("atl why") && !html.contains("--profile"))
        #expect(!Self.familyPart(html).contains("<code"))
        // The Markdown keeps the command for the officer, after the family's part.
        let md = ListMarkdown.render(list)
        #expect(!Self.familyPart(markdown: md).contains("atl why"))
        #expect(md.contains("`atl why --profile <file> --setting <URN>`"))
    }

    // MARK: How each setting meets what was asked

    @Test func everyEntryHasASpecificReasonNeverAmongTheBestMatches() {
        let html = ListHTML.render(list)
        #expect(!Self.familyPart(html).contains("among the best matches"))
        for e in list.entries {
            let why = FamilyWords.whyListed(e, list)
            #expect(html.contains(ListHTML.esc(why)))
            #expect(!why.contains("among the best"))
        }
        // The nearest setting designated for the need says so.
        let designated = list.entries.filter { $0.setting.needs?.contains(.ASD) ?? false && $0.band == .meetsNeed }
        let nearest = designated.min { ($0.distanceKm ?? 0) < ($1.distanceKm ?? 0) }!
        #expect(FamilyWords.whyListed(nearest, list).hasPrefix("The only setting on this list that meets the need with provision designated for autism"))
        var two = list
        two.entries.append(nearest)
        two.entries[two.entries.count - 1].setting.urn = 1
        two.entries[two.entries.count - 1].distanceKm = 30
        #expect(FamilyWords.whyListed(nearest, two).hasPrefix("The nearest setting on this list designated for autism"))
    }

    @Test func mustHavesAreMetMissingOrNotKnown() throws {
        var l = list
        l.mustHave = [.saltOnsite]
        let birch = try #require(l.entries.first { $0.setting.urn == 9100003 })
        #expect(FamilyWords.mustHaves(birch, l) == .met([.saltOnsite]))
        #expect(FamilyWords.whyListed(birch, l).hasSuffix("It has what the plan requires: speech and language therapy on site."))
        let cedar = try #require(l.entries.first { $0.setting.urn == 9100004 })
        #expect(FamilyWords.mustHaves(cedar, l) == .missing([.saltOnsite]))
        if let gorse = l.entries.first(where: { $0.setting.facilities == nil }) {
            #expect(FamilyWords.mustHaves(gorse, l) == .notKnown)
        }
        #expect(FamilyWords.mustHaves(birch, list) == nil, "no column when the plan requires nothing")
        #expect(ListHTML.render(l).contains("Has what the plan requires?</th>"))
        #expect(!ListHTML.render(list).contains("Has what the plan requires?</th>"))
    }

    @Test func needFitFollowsThePolicyBands() {
        for e in list.entries {
            let fit = FamilyWords.needFit(e, list)
            switch e.band {
            case .meetsNeed: #expect(fit == .meets)
            case .mayAlsoMeet: #expect(fit == .mayMeet || fit == .notKnown)
            case .namedNotAdmitting: #expect(fit == .cannotAdmit)
            }
        }
        if let unknown = list.entries.first(where: { $0.setting.type == .unknown }) {
            #expect(FamilyWords.needFit(unknown, list) == .notKnown)
        }
    }

    // MARK: Places and journeys

    @Test func specialistVacanciesAreSplitFromWholeSchoolPlaces() throws {
        // Oak & Ash: a resourced provision for autism with 10 places, 10 on roll: its specialist places are full.
        let base = try #require(list.entries.first { $0.setting.urn == 9100002 })
        #expect(FamilyWords.places(base, list) == .specialist(0))
        #expect(FamilyWords.placesShort(.specialist(0)) == "Full: no specialist places free")
        // A mainstream school's vacancies are the whole school's, and say so.
        if let alder = list.entries.first(where: { $0.setting.urn == 9100001 }) {
            #expect(FamilyWords.places(alder, list) == .wholeSchool(20))
        }
        #expect(FamilyWords.placesShort(.wholeSchool(240)) == "Whole school: 240 places free, any year")
        #expect(FamilyWords.placesShort(.specialist(6)) == "6 specialist places free")
        // The committed post-16 list: the college's places are specialist, the sixth forms' whole-school.
        let post16 = try Self.example("post16-mld-year12", "html")
        #expect(post16.contains("6 specialist places free"))
        #expect(post16.contains("Whole school: 240 places free, any year"))
    }

    @Test func walkingDistanceOnlyWhereItApplies() {
        let year7 = Self.familyPart(ListHTML.render(list))
        #expect(year7.contains("statutory walking distance"))
        var l = list
        l.placementYear = 12
        let html = ListHTML.render(l)
        let family = Self.familyPart(html)
        #expect(!family.contains("statutory walking distance"))
        #expect(!family.contains("within the statutory"))
        #expect(family.contains("transport for students aged 16 to 19 works differently"))
        #expect(!Self.familyPart(markdown: ListMarkdown.render(l)).contains("statutory walking distance"))
    }

    @Test func theCommittedYear12ListNeverMentionsWalkingDistanceForTheStudent() throws {
        let family = Self.familyPart(try Self.example("post16-mld-year12", "html"))
        #expect(!family.contains("statutory walking distance"))
        #expect(family.contains("transport for students aged 16 to 19 works differently"))
    }

    // MARK: What was left off

    @Test func saysHowManyEligibleSettingsWereLeftOff() {
        var l = list
        let listed = l.entries.filter(FamilyWords.fromEligiblePool).count
        l.eligible = listed + 3
        let lines = FamilyWords.leftOffLines(l)
        #expect(lines[0] == "\(listed + 3) settings within \(FamilyWords.miles(l.maxJourneyKm)) meet or may meet the need: \(listed) are on this list and 3 are not.")
        #expect(ListHTML.render(l).contains(ListHTML.esc(lines[0])))
        #expect(FamilyWords.easyRead(l).closing.contains("3 more schools could suit the child."))
        l.eligible = listed
        #expect(FamilyWords.leftOffLines(l) == ["All \(listed) settings within \(FamilyWords.miles(l.maxJourneyKm)) that meet or may meet the need are on this list."])
        #expect(FamilyWords.leftOff(l) == 0)
    }

    @Test func theCommittedListsCountWhatWasLeftOff() throws {
        // SEMH: 12 eligible within 15 miles, 5 listed; post-16 MLD: 15 eligible, 10 listed.
        #expect(try Self.example("semh-year9-move", "html").contains("12 settings within 15 miles meet or may meet the need: 5 are on this list and 7 are not."))
        #expect(try Self.example("post16-mld-year12", "html").contains("15 settings within 20 miles meet or may meet the need: 10 are on this list and 5 are not."))
    }

    @Test func noKindIsClaimedAbsentBesideAListedOne() {
        var l = list
        l.typesWithNoEligible = [.mainstream, .special, .earlyYears, .post16]
        let lines = FamilyWords.notListedLines(l).joined(separator: "\n")
        #expect(!lines.contains("No eligible setting of these types"))
        #expect(lines.contains("mainstream schools without a resourced provision or unit; special schools."))
        #expect(!lines.contains("nurseries") && !lines.contains("colleges"), "kinds that never take Year 7 are not named")
        for name in Self.examples {
            let html = try? Self.example(name, "html")
            #expect(!(html ?? "").contains("No eligible setting of these types: Mainstream"), "\(name)")
        }
    }

    // MARK: Plain words

    @Test func aGlossaryExplainsTheWordsThePageUses() {
        let html = ListHTML.render(list)
        #expect(html.contains("<h2 id=\"glossary-h\">Words used in this list</h2>"))
        let glossary = html.components(separatedBy: "id=\"glossary-h\"")[1]
        for term in ["EHCP, EHC plan", "LA", "SEN, SEND", "SENCo", "URN", "SEN information report", "Designated", "Resourced provision, SEN unit"] {
            #expect(glossary.contains("<dt>\(ListHTML.esc(term))</dt>"), "glossary lacks \(term)")
        }
        // Short: only the terms the page uses.
        #expect(!glossary.contains("<dt>Alternative provision</dt>"))
        #expect(ListMarkdown.render(list).contains("## Words used in this list"))
    }

    @Test func abbreviationsAreSpelledOutOnFirstUse() {
        // From the title on: the banners above it name the fictional example LA before any sentence can.
        let page = Self.familyPart(ListHTML.render(list))
        let family = Self.text(String(page[page.range(of: "<h1>")!.lowerBound...]))
        for (long, short) in [("Education, Health and Care plan (EHCP)", "EHCP"), ("local authority (LA)", "LA"),
                              ("Unique reference number (URN)", "URN"),
                              ("special educational needs and disabilities (SEND)", "SEND")] {
            let first = family.range(of: short)!
            let spelled = family.range(of: long)!
            #expect(spelled.lowerBound <= first.lowerBound || family[spelled].contains(short), "\(short) used before it is spelled out")
        }
        #expect(FamilyWords.visitQuestion.contains("SENCo, the teacher who leads on special educational needs"))
    }

    /// "ASD (autism (autistic spectrum disorder), severe)": never a bracket inside a bracket, leaving aside the
    /// subsections of an Act ("s39(4)(b)(i)").
    static func nestedBrackets(_ text: String, names: [String] = []) -> [String] {
        var plain = text.replacing(/s\d+[A-Z]?(\(\w+\))+/, with: "s")
        // Names are the catalogue's own ("Severnvale (fictional example LA)"), not the page's wording.
        for n in names { plain = plain.replacingOccurrences(of: n, with: "NAME") }
        var depth = 0, out: [String] = [], start = plain.startIndex
        for i in plain.indices {
            if plain[i] == "(" {
                if depth == 0 { start = i }
                depth += 1
                if depth == 2 { out.append(String(plain[start...].prefix(80))) }
            } else if plain[i] == ")" {
                depth = max(0, depth - 1)
            }
        }
        return out
    }

    @Test func noDoubledBrackets() throws {
        #expect(Self.nestedBrackets("ASD (autism (autistic spectrum disorder), severe)").count == 1)
        #expect(Self.nestedBrackets("(Children and Families Act 2014 s39(4)(b)(i))").isEmpty)
        let names = list.entries.compactMap { $0.setting.localAuthority.map { ListHTML.esc($0.name) } }
        #expect(Self.nestedBrackets(Self.text(Self.familyPart(ListHTML.render(list))), names: names).isEmpty)
        for name in Self.examples {
            let family = Self.text(Self.familyPart(try Self.example(name, "html")))
            #expect(Self.nestedBrackets(family).isEmpty, "\(name): \(Self.nestedBrackets(family))")
        }
        #expect(FamilyWords.needWithSeverity(.ASD, .severe) == "Autism (ASD), severe")
    }

    // MARK: Easy Read, print and banners

    @Test func theEasyReadSummaryComesFirstWithOneIdeaPerLine() {
        let html = ListHTML.render(list)
        let easy = html.range(of: "<section class=\"easy-read\"")!
        let table = html.range(of: "<table class=\"summary")!
        #expect(easy.lowerBound < table.lowerBound)
        let r = FamilyWords.easyRead(list)
        for line in r.opening + r.closing {
            #expect(line.split(separator: " ").count <= 12, "too long for Easy Read: \(line)")
            #expect(line.filter { $0 == "." }.count <= 1, "one sentence per line: \(line)")
        }
        #expect(r.settings.map(\.name) == list.entries.map(\.setting.name))
        #expect(ListMarkdown.render(list).contains("## Easy Read summary"))
    }

    @Test func printsOnA4WithTheEasyReadAloneOnPageOne() {
        let html = ListHTML.render(list)
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains(".easy-read { break-after: page;"))
        #expect(html.contains(".officer { break-before: page;"))
        #expect(!html.contains("Letter"))
    }

    @Test func bannersStayOnEveryPrintedPage() {
        let html = ListHTML.render(list)
        #expect(html.contains("@top-center { content: \"FICTIONAL EXAMPLE: invented settings, not real schools \\b7  SYNTHETIC CHILD: an invented profile\""))
        var real = list
        real.fictionalCatalogue = false
        real.synthetic = false
        #expect(!ListHTML.render(real).contains("@top-center"))
        #expect(ListHTML.cssString("a\"b</style>") == "a\\22 b\\3c \\2f style\\3e ")
    }
}
