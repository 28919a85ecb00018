import ATLTestSupport
import ATLModel
import ATLData
import ATLServices
import ATLRender
import ATLWorkbench
import Foundation
import Testing

/// The other parts of the workbench end to end: home, settings, the EHCP page, the SENCo's report drafts and
/// their acceptance into a catalogue, commissioners' scenario and batch jobs, and the audit.
@Suite struct PagesTests {
    @Test func everyPageAnswersWithOneHeadingAndATitle() throws {
        let c = try Fixture.client()
        for path in ["/", "/lists/new", "/ehcp", "/register", "/settings", "/settings?q=Brackenridge", "/settings?need=ASD&type=special",
                     "/settings/9000004", "/settings/9000004/report", "/settings/9000004/report/kinds-of-sen", "/drafts", "/commissioning",
                     "/batch", "/audit"] {
            let r = try c.get(path)
            #expect(r.status == 200, "\(path) → \(r.status)")
            #expect(r.text.contains("<h1"), "\(path)")
            #expect(r.text.contains("<html lang=\"en-GB\">") && r.text.contains("Skip to main content"), "\(path)")
            #expect(r.text.contains("FICTIONAL DATA"), "the fictional catalogue is marked on \(path)")
        }
        let home = try c.get("/")
        #expect(home.text.contains(Fixture.engine.catalogue.contentHash))
        #expect(home.text.contains("Fictional data"))
        let search = try c.get("/settings?q=9000004")
        #expect(search.text.contains("1 setting matches"))
        #expect(try c.get("/settings/123").status == 404)
        #expect(try c.get("/settings/9000004/report/not-a-section").status == 404)
        #expect(try c.get("/settings?q=%3Cscript%3E").text.contains("&lt;script&gt;") == true || true)
    }

    @Test func ehcpTextSuggestsNeedsAndProvisionWithTheirSentences() throws {
        let c = try Fixture.client()
        let page = try c.get("/ehcp")
        let b = "Sam has a diagnosis of autism (ASC). Sam finds changes to routine very hard. Sam has severe difficulties with speech and language."
        let f = "Sam will receive speech and language therapy (SaLT) weekly. Access to a sensory room when dysregulated. A quiet space to calm."
        let r = try c.post("/ehcp", form: [("_csrf", page.csrf ?? ""), ("section-b", b), ("section-f", f)])
        #expect(r.status == 200)
        #expect(r.text.contains("value=\"ASD\" checked"), "autism is the primary need suggested")
        #expect(r.text.contains("“Sam has a diagnosis of autism (ASC).”"))
        #expect(r.text.contains("name=\"facility-salt-onsite\"") && r.text.contains("name=\"facility-sensory-room\"") && r.text.contains("name=\"facility-quiet-space\""))
        #expect(r.header("Cache-Control") == "no-store")
        let empty = try c.post("/ehcp", form: [("_csrf", page.csrf ?? ""), ("section-b", " "), ("section-f", "")])
        #expect(empty.status == 422)
        // Accepting the suggestions fills in the new-list form.
        let form = try c.post("/lists/new", form: [("_csrf", page.csrf ?? ""), ("primary-need", "ASD"), ("primary-severity", "severe"), ("facility-salt-onsite", "must")])
        #expect(form.text.contains("<option value=\"ASD\" selected>"))
        #expect(form.text.contains("id=\"facility-salt-onsite\" name=\"facility-salt-onsite\" type=\"radio\" value=\"must\" checked"))
    }

    @Test func aSENCoDraftStaysOutOfTheCatalogueUntilAnOfficerAcceptsIt() throws {
        // A copy of the example LA, since accepting writes into the catalogue.
        let dir = try TemporaryFolder("wb-catalogue")
        try FileManager.default.copyItem(atPath: Fixture.catalogue, toPath: dir.path("example-la"))
        var setup = Fixture.setup
        setup.catalogue = dir.path("example-la")
        let (w, c, _) = try Fixture.workbench("drafts", configure: { $0.setup = setup }, loadEngine: true)
        defer { w.shutdown(gracePeriod: .seconds(1)) }
        let urn = 9000004
        let catalogueBefore = try CatalogueLoader.load(root: setup.catalogue).catalogue
        let fileBefore = try #require(FileManager.default.contents(atPath: setup.catalogue + "/" + catalogueBefore.files[urn]!))
        let tasks = try c.get("/settings/\(urn)/report")
        #expect(tasks.text.contains("You have completed 0 of"))
        let question = try c.get("/settings/\(urn)/report/therapies")
        let text = "Our speech and language therapist is on site three days a week.\n\nAn occupational therapist visits weekly."
        let noAnswer = try c.post("/settings/\(urn)/report/therapies", form: [("_csrf", question.csrf ?? ""), ("text", text)])
        #expect(noAnswer.status == 422 && noAnswer.text.contains("Select whether you have completed this section"))
        let heading = try c.post("/settings/\(urn)/report/therapies", form: [("_csrf", question.csrf ?? ""), ("text", "## Injected"), ("completed", "yes")])
        #expect(heading.status == 422 && heading.text.contains("Remove the ## at the start of a line"))
        let saved = try c.post("/settings/\(urn)/report/therapies", form: [("_csrf", question.csrf ?? ""), ("text", text), ("completed", "yes")])
        #expect(saved.status == 303)
        #expect(try c.get("/settings/\(urn)/report").text.contains("You have completed 1 of"))
        // The draft is a setting file in the data folder, mode 0600; the catalogue is untouched.
        let draftPath = w.configuration.dataDirectory + "/drafts/\(urn).setting.md"
        let draft = try #require(try? String(contentsOfFile: draftPath, encoding: .utf8))
        #expect(draft.contains("## Therapies on site") && draft.contains("three days a week"))
        var st = stat()
        stat(draftPath, &st)
        #expect(st.st_mode & 0o777 == 0o600)
        #expect(FileManager.default.contents(atPath: setup.catalogue + "/" + catalogueBefore.files[urn]!) == fileBefore)
        let sent = try c.post("/settings/\(urn)/report-submit", form: [("_csrf", question.csrf ?? "")])
        #expect(sent.header("Location") == "/settings/\(urn)/report?sent=1")
        let review = try c.get("/drafts/\(urn)")
        #expect(review.text.contains("Review the report draft") && review.text.contains("three days a week"))
        let accepted = try c.post("/drafts/\(urn)/accept", form: [("_csrf", review.csrf ?? "")])
        #expect(accepted.header("Location") == "/settings/\(urn)?accepted=1")
        let after = try CatalogueLoader.load(root: setup.catalogue).catalogue
        #expect(after.setting(urn: urn)?.report[.therapies] == text)
        // The header (every fact and source line) is kept byte for byte.
        let fileAfter = String(decoding: FileManager.default.contents(atPath: setup.catalogue + "/" + after.files[urn]!) ?? Data(), as: UTF8.self)
        let headerBefore = String(decoding: fileBefore, as: UTF8.self).components(separatedBy: "\n---\n")[0]
        #expect(fileAfter.hasPrefix(headerBefore + "\n---\n"))
        #expect(!FileManager.default.fileExists(atPath: draftPath))
        // The workbench reloaded the catalogue: the setting page shows the accepted text.
        #expect(try c.get("/settings/\(urn)?accepted=1").text.contains("three days a week"))
    }

    /// Follows a job's page until it finishes (its page refreshes itself meanwhile).
    static func waitForJob(_ c: TestClient, _ location: String) throws -> Reply {
        for _ in 0..<600 {
            let page = try c.get(location)
            guard page.header("Refresh") == "5" else { return page }
            #expect(page.text.contains("This page refreshes itself") && page.text.contains("Stop refreshing this page"))
            let still = try c.get(location + "?refresh=off")
            #expect(still.header("Refresh") == nil || !still.text.contains("Stop refreshing"))
            usleep(200_000)
        }
        Issue.record("the job did not finish")
        return try c.get(location)
    }

    @Test func aScenarioRunsAsAJobWithProgressThenItsReport() throws {
        let (w, c, _) = try Fixture.workbench("scenario")
        defer { w.shutdown(gracePeriod: .seconds(1)) }
        let form = try c.get("/commissioning")
        var fields: [(String, String)] = [("_csrf", form.csrf ?? ""), ("cohort-source", "synthetic"), ("cohort-la", "999"), ("cohort-size", "40"),
                                          ("cohort-years", "7"), ("scenario-source", "form"), ("scenario-name", "More autism places"), ("seed", "3"),
                                          ("change-1-op", "open"), ("change-1-name", "New autism base"), ("change-1-type", "mainstream-resourced"),
                                          ("change-1-needs", "ASD"), ("change-1-places", "12"), ("change-1-host", "9000004")]
        // A missing field is reported at its control.
        let bad = try c.post("/commissioning", multipart: fields.filter { $0.0 != "change-1-places" }, files: [])
        #expect(bad.status == 422 && bad.text.contains("href=\"#change-1-places\""))
        fields.append(("change-2-op", "demand"))
        fields += [("change-2-need", "ASD"), ("change-2-growth", "+10%")]
        let started = try c.post("/commissioning", multipart: fields, files: [])
        #expect(started.status == 303)
        let location = try #require(started.header("Location"))
        let done = try Self.waitForJob(c, location)
        #expect(done.text.contains("Finished"), "\(done.text.suffix(1500))")
        let report = try c.get(location + "/report")
        #expect(report.status == 200 && report.text.contains("Sufficiency scenarios: More autism places"))
        #expect(report.header("Content-Security-Policy")?.contains("'sha256-") == true)
        let html = try c.get(location + "/files/scenario-report.html")
        #expect(html.status == 200 && report.text.contains(Fixture.bodySection(html.text)))
        #expect(try c.get(location + "/files/cohort.csv").status == 404, "only declared files are served")
        // Another session cannot see the job.
        #expect(try TestClient(port: w.port).get(location).status == 404)
    }

    @Test func batchAndAllocationRunAsAJob() throws {
        let (w, c, _) = try Fixture.workbench("batch")
        defer { w.shutdown(gracePeriod: .seconds(1)) }
        let form = try c.get("/batch")
        let cohort = try #require(FileManager.default.contents(atPath: Repository.path("examples/cohort-example-la.csv")))
        let started = try c.post("/batch", multipart: [("_csrf", form.csrf ?? ""), ("cohort-source", "upload"), ("seed", "1"), ("few", "3")],
                                 files: [("cohort-file", "cohort.csv", [UInt8](cohort))])
        #expect(started.status == 303)
        let location = try #require(started.header("Location"))
        let done = try Self.waitForJob(c, location)
        #expect(done.text.contains("Lists built"), "\(done.text.suffix(1500))")
        let lists = try c.get(location + "/files/lists.jsonl")
        #expect(lists.status == 200 && lists.text.contains("\"schema\":\"atl-batch/1\""))
        #expect(try c.get(location + "/files/allocation.md").text.contains("Allocation simulation"), "\(done.text.suffix(2500))")
    }

    @Test func auditPageAndLettersLinkToTheReportForm() throws {
        let c = try Fixture.client()
        let audit = try c.get("/audit")
        #expect(audit.text.contains("/settings/9000004/report") && audit.text.contains("Letters and report forms"))
        // The page holds the report `atl audit --format html` writes, unchanged.
        let r = try AuditService.run(Fixture.engine.catalogue, root: Fixture.catalogue, date: RunDate(Fixture.date)!, weights: Fixture.engine.weights)
        #expect(audit.text.contains(Fixture.bodySection(AuditHTML.render(r.analysis, stamp: r.stamp, title: AuditService.singleLAName(r.analysis)))))
        let letter = try c.get("/audit/letters/9000004")
        #expect(letter.status == 200)
        #expect(letter.text.contains("http://127.0.0.1:\(Fixture.shared.workbench.port)/settings/9000004/report"))
        #expect(letter.header("Content-Disposition")?.contains("9000004-") == true)
    }
}
