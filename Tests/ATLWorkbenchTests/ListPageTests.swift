import ATLTestSupport
import ATLModel
import ATLServices
import ATLRender
@testable import ATLCLI
@testable import ATLWorkbench
import ATLData
import Foundation
import Testing

/// The officer's path over loopback: a profile in (upload or form), the list page out — containing exactly the
/// list section `atl list --format html` writes — then downloads, why, review and validation.
@Suite struct ListPageTests {
    /// `atl list --format html` for a profile, run in process with the workbench's inputs.
    static func cliList(_ profile: String, format: String = "html") -> String {
        let c = CapturingConsole()
        let code = ATL.run(["list", "--profile", profile, "--format", format, "--date", Fixture.date, "--catalogue", Fixture.catalogue,
                            "--weights", Fixture.weights, "--postcodes", Fixture.postcodes], console: c.console, environment: [:])
        #expect(code == 0, "atl list \(profile): \(c.err)")
        return c.out
    }

    static func upload(_ client: TestClient, _ path: String) throws -> Reply {
        let page = try client.get("/lists/new")
        let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
        return try client.post("/lists/upload", multipart: [("_csrf", page.csrf ?? ""), ("then", "list")],
                               files: [("profile-file", (path as NSString).lastPathComponent, bytes)])
    }

    @Test(arguments: Fixture.examples)
    func listPageHoldsTheCLIListSectionByteForByte(_ profile: String) throws {
        let client = try Fixture.client()
        let page = try Self.upload(client, profile)
        #expect(page.status == 200, "\(page.text.prefix(400))")
        let section = Fixture.bodySection(Self.cliList(profile))
        #expect(!section.isEmpty)
        #expect(page.text.contains(section), "the list page must contain atl list's list section unchanged")
        #expect(page.header("Cache-Control") == "no-store")
        // The renderer's inline stylesheet is allowed by its hash, and nothing else inline.
        let csp = page.header("Content-Security-Policy") ?? ""
        #expect(csp.contains("'sha256-") && csp.contains("default-src 'none'") && !csp.contains("unsafe-inline"))
    }

    /// Every field the profile parser accepts has a designed control on the form (none falls back to a bare text
    /// box), and a profile opened in the form comes back as the same profile.
    @Test func theFormOffersEveryProfileField() throws {
        #expect(Set(ProfileParser.Field.allCases).subtracting(ProfileForm.designed).isEmpty,
                "fields without a designed control: \(Set(ProfileParser.Field.allCases).subtracting(ProfileForm.designed).map(\.rawValue).sorted())")
        let page = try Fixture.client().get("/lists/new")
        #expect(!page.text.contains("More about the child"))
        for name in ["reference", "synthetic", "sex", "primary-need", "primary-severity", "secondary-SLCN", "facility-salt-onsite",
                     "dob-day", "nc-year", "placement-year", "home-postcode", "home-easting", "home-northing", "max-journey",
                     "allowed-types", "preferred-settings", "avoid-settings", "faith", "single-sex", "mainstream-first",
                     "exclude-full", "include-alternative-provision", "prefers-independent"] {
            #expect(page.text.contains("name=\"\(name)\""), "no control named \(name)")
        }
        for path in Fixture.examples {
            let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
            var p = try ProfileParser.parse(bytes, file: path, academicYear: RunDate(Fixture.date)!.academicYear)
            let (text, errors) = ProfileForm.profileText(ProfileForm.input(from: p, catalogue: Fixture.engine.catalogue), catalogue: Fixture.engine.catalogue)
            #expect(errors.isEmpty)
            var again = try ProfileParser.parse(Array(text.utf8), file: "form", academicYear: RunDate(Fixture.date)!.academicYear)
            (p.lineOf, again.lineOf) = ([:], [:])   // where each field was written differs, not what it says
            #expect(Set(again.secondaryNeeds) == Set(p.secondaryNeeds))
            (p.secondaryNeeds, again.secondaryNeeds) = ([], [])   // the form writes them most severe first
            #expect(again == p, "\(path) through the form:\n\(text)")
        }
    }

    /// A child's profile lives in memory for the request: building a list, asking why, reviewing it and
    /// downloading it leave the data folder exactly as it was (only issuing writes, to the register).
    @Test func nothingAboutAChildIsKeptUntilTheListIsIssued() throws {
        let (w, c, _) = try Fixture.workbench("nothing-kept")
        defer { w.shutdown(gracePeriod: .seconds(1)) }
        func folder() -> [String: Data] {
            let root = w.configuration.dataDirectory
            let items = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
            return Dictionary(uniqueKeysWithValues: items.sorted().map { ($0, FileManager.default.contents(atPath: root + "/" + $0) ?? Data()) })
        }
        let before = folder()
        let path = Fixture.examples.first { $0.hasSuffix("asd-slcn-year7.profile") }!
        let list = try Self.upload(c, path)
        #expect(list.status == 200)
        let profile = try #require(list.firstMatch(#"name="profile" value="([^"]+)""#))
        let csrf = list.csrf ?? ""
        #expect(try c.post("/lists/why", form: [("_csrf", csrf), ("profile", profile), ("why-setting", "9000002")]).status == 200)
        for format in ["md", "json", "csv", "html", "profile"] {
            #expect(try c.post("/lists/download", form: [("_csrf", csrf), ("profile", profile), ("format", format)]).status == 200)
        }
        #expect(try c.post("/lists/check", form: [("_csrf", csrf), ("profile", profile)]).status == 200)
        #expect(folder() == before, "the data folder changed before anything was issued")
    }

    @Test func formBuildsTheListFromProfileTextThatDownloadsExactly() throws {
        let client = try Fixture.client()
        let form = try client.get("/lists/new")
        var fields: [(String, String)] = [("_csrf", form.csrf ?? ""), ("source", "form"), ("reference", "WB-0001"), ("synthetic", "yes"),
            ("primary-need", "ASD"), ("primary-severity", "severe"), ("secondary-SLCN", "moderate"), ("facility-salt-onsite", "must"),
            ("facility-sensory-room", "desirable"), ("nc-year", "6"), ("placement-year", "7"), ("home-postcode", "TF3 1LA"),
            ("max-journey", "12"), ("max-journey-unit", "miles"), ("single-sex", "no-preference"), ("mainstream-first", "no"),
            ("exclude-full", "no"), ("include-alternative-provision", "yes"), ("prefers-independent", "no"), ("sex", "")]
        // The types the form ticks by default: all but alternative provision and fee-paying schools.
        fields += SettingType.allCases.filter { ![.unknown, .alternativeProvision, .independent].contains($0) }.map { ("allowed-types", $0.rawValue) }
        let page = try client.post("/lists", form: fields)
        #expect(page.status == 200)
        #expect(page.text.contains("Advisory Tailored List <span class=\"ref\">for WB-0001</span>"))
        let profile = try #require(page.firstMatch(#"name="profile" value="([^"]+)""#))
        let text = String(decoding: Data(base64Encoded: profile) ?? Data(), as: UTF8.self)
        #expect(text == """
            format: atl-profile/1
            reference: WB-0001
            synthetic: yes
            primary-need: ASD severe
            secondary-needs: SLCN moderate
            must-have: salt-onsite
            desirable: sensory-room
            nc-year: 6
            placement-year: 7
            home-postcode: TF3 1LA
            max-journey: 12 miles
            include-alternative-provision: yes

            """)
        // The downloaded profile is the exact text, and `atl list` on it gives the list on the page.
        let download = try client.post("/lists/download", form: [("_csrf", page.csrf ?? ""), ("profile", profile), ("format", "profile")])
        #expect(download.status == 200 && download.text == text)
        #expect(download.header("Cache-Control") == "no-store", "a downloaded profile is child data")
        #expect(download.header("Content-Disposition")?.contains("WB-0001.profile") == true)
        let folder = try TemporaryFolder("wb-profile")
        let file = try folder.write("child.profile", text)
        #expect(page.text.contains(Fixture.bodySection(Self.cliList(file))))
        let markdown = try client.post("/lists/download", form: [("_csrf", page.csrf ?? ""), ("profile", profile), ("format", "md")])
        #expect(markdown.text == Self.cliList(file, format: "md"))
    }

    @Test func emptyFormShowsTheErrorSummaryAndKeepsWhatWasTyped() throws {
        let client = try Fixture.client()
        let form = try client.get("/lists/new")
        let page = try client.post("/lists", form: [("_csrf", form.csrf ?? ""), ("source", "form"), ("reference", "Jane Smith"),
                                                    ("home-postcode", ""), ("faith", "Quaker")])
        #expect(page.status == 422)
        #expect(page.text.contains("<title>Error: Start a new list"))
        #expect(page.text.contains("There is a problem"))
        let links = page.allMatches(##"<li><a href="#([a-z-]+)">"##)
        #expect(Array(links.prefix(4)) == ["reference", "primary-need", "placement-year", "home-postcode"])
        #expect(page.text.contains("id=\"reference-error\""))
        #expect(page.text.contains("value=\"Quaker\""), "answers are kept")
        // A reference that may be a name is never repeated in a message (only in the field the officer typed it in).
        #expect(page.text.components(separatedBy: "Jane Smith").count == 2)
    }

    @Test func settingNamesResolveOrSayWhy() throws {
        let client = try Fixture.client()
        let form = try client.get("/lists/new")
        let page = try client.post("/lists", form: [("_csrf", form.csrf ?? ""), ("source", "form"), ("reference", "WB-0002"),
            ("primary-need", "SEMH"), ("primary-severity", "moderate"), ("nc-year", "8"), ("home-postcode", "TF12 5AD"),
            ("allowed-types", "special"), ("preferred-settings", "No Such School Anywhere")])
        #expect(page.status == 422)
        #expect(page.text.contains("No setting is called “No Such School Anywhere”"))
    }

    @Test func reviewRemovesAndAddsWithReasonsAndRecomputes() throws {
        let client = try Fixture.client()
        let list = try Self.upload(client, Fixture.examples.first { $0.hasSuffix("asd-slcn-year7.profile") }!)
        let profile = try #require(list.firstMatch(#"name="profile" value="([^"]+)""#))
        let first = try #require(list.firstMatch(#"<select class="wb-select" id="remove-urn" name="remove-urn"[^>]*><option value="(\d+)""#))
        let csrf = list.csrf ?? ""
        // A reason is required.
        let noReason = try client.post("/lists/review", form: [("_csrf", csrf), ("profile", profile), ("action", "remove"), ("remove-urn", first)])
        #expect(noReason.status == 422 && noReason.text.contains("Enter the reason for taking the setting off the list"))
        let removed = try client.post("/lists/review", form: [("_csrf", csrf), ("profile", profile), ("action", "remove"), ("remove-urn", first),
                                                              ("remove-reason", "The family visited and the site is unsuitable")])
        #expect(removed.status == 200)
        #expect(removed.text.contains("Removed by the officer in review"))
        #expect(removed.text.contains("The family visited and the site is unsuitable"))
        #expect(!removed.text.contains("<th scope=\"row\"><a href=\"#setting-\(first)\">"), "the removed setting leaves the list")
        #expect(removed.allMatches(#"name="change" value="([^"]+)""#).first == "remove \(first) The family visited and the site is unsuitable")
        // Put on a setting the engine did not list, by name.
        let listed = Set(list.allMatches(##"<th scope="row"><a href="#setting-(\d+)">"##))
        let other = try #require(Fixture.engine.catalogue.settings.first { !listed.contains(String($0.urn)) && $0.type == .special })
        var fields: [(String, String)] = [("_csrf", csrf), ("profile", profile), ("action", "add"), ("add-setting", other.name), ("add-reason", "Named in the annual review")]
        let added = try client.post("/lists/review", form: fields)
        #expect(added.text.contains("<li class=\"label label-added-by-officer\">Added by the officer</li>"))
        #expect(added.text.contains("Added by the officer in review: \(HTMLText.escape(other.name))"))
        // Changing the same setting twice is refused.
        fields = [("_csrf", csrf), ("profile", profile), ("change", "remove \(first) r"), ("action", "add"), ("add-setting", first), ("add-reason", "again")]
        let twice = try client.post("/lists/review", form: fields)
        #expect(twice.status == 422 && twice.text.contains("You have already changed this setting"))
    }

    @Test func whyExplainsASettingThatIsNotListed() throws {
        let client = try Fixture.client()
        let list = try Self.upload(client, Fixture.examples.first { $0.hasSuffix("asd-slcn-year7.profile") }!)
        let profile = try #require(list.firstMatch(#"name="profile" value="([^"]+)""#))
        let listed = Set(list.allMatches(##"<th scope="row"><a href="#setting-(\d+)">"##))
        let other = try #require(Fixture.engine.catalogue.settings.first { !listed.contains(String($0.urn)) })
        let why = try client.post("/lists/why", form: [("_csrf", list.csrf ?? ""), ("profile", profile), ("why-setting", String(other.urn))])
        #expect(why.status == 200)
        #expect(why.text.contains("is not on the list</h1>"))
        #expect(why.header("Cache-Control") == "no-store")
        let unknown = try client.post("/lists/why", form: [("_csrf", list.csrf ?? ""), ("profile", profile), ("why-setting", "Nowhere At All School")])
        #expect(unknown.status == 422 && unknown.text.contains("href=\"#why-setting\""))
    }

    @Test func printVersionIsTheFamilyPageWithItsStyleAllowedByHash() throws {
        let client = try Fixture.client()
        let path = Fixture.examples.first { $0.hasSuffix("pmld-hoist-physio-year7.profile") }!
        let list = try Self.upload(client, "\(path)")
        let profile = try #require(list.firstMatch(#"name="profile" value="([^"]+)""#))
        let print = try client.post("/lists/print", form: [("_csrf", list.csrf ?? ""), ("profile", profile)])
        #expect(print.text == Self.cliList(path))
        #expect(print.header("Content-Security-Policy")?.contains("'sha256-") == true)
    }
}
