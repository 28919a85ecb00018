import ATLTestSupport
import ATLModel
import ATLEngine
import ATLServices
import ATLRender
import Foundation
import Testing

/// The register of issued lists: append-only, mode 0600, a hash chain between records, a record cut short by a
/// crash detected and removed on open without touching earlier ones; issuing over HTTP, once per click.
@Suite struct RegisterTests {
    static func issue(_ n: Int) throws -> ListRegister.Issue {
        let text = "format: atl-profile/1\nreference: REG-\(n)\nsynthetic: yes\nprimary-need: ASD\nnc-year: 6\nhome-postcode: TF3 1LA\n"
        let input = try ProfileInput.parse(Array(text.utf8), source: "test", date: RunDate(Fixture.date)!)
        let list = try ListService.list(input, engine: Fixture.engine, date: RunDate(Fixture.date)!)
        return ListRegister.Issue(list: list, review: [ListRegister.ReviewedChange(action: "removed", urn: 9000001, name: "A school", reason: "Because")],
                                  officer: "SENDO-\(n)", profileHash: input.hash, listHTML: ListHTML.render(list), listJSON: ListJSON.render(list))
    }

    @Test func appendsRecordsThatChainAndSurviveReopening() throws {
        let dir = try TemporaryFolder("register")
        let path = dir.path("register.jsonl")
        let r = try ListRegister(path: path)
        let a = try r.append(Self.issue(1), now: Date(timeIntervalSince1970: 1_767_225_600))
        let b = try r.append(Self.issue(2))
        #expect(a.reference == "ATL-2026-000001" && b.seq == 2)
        var st = stat()
        stat(path, &st)
        #expect(st.st_mode & 0o777 == 0o600)
        let reopened = try ListRegister(path: path)
        #expect(reopened.count == 2 && reopened.repairedBytes == 0)
        let record = try #require(try reopened.record(reference: a.reference))
        #expect(record.listHTML == (try Self.issue(1)).listHTML)
        #expect(record.review.first?.reason == "Because")
        let lines = dir.read("register.jsonl").split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[1].contains("\"previous_sha256\":\"\(SHA256.hex(Array((lines[0] + "\n").utf8)))\""))
        #expect(!dir.read("register.jsonl").contains("TF3 1LA"), "no home postcode in the register")
    }

    @Test func aRecordCutShortByACrashIsRemovedAndEarlierOnesKept() throws {
        let dir = try TemporaryFolder("register-crash")
        let path = dir.path("register.jsonl")
        let r = try ListRegister(path: path)
        try r.append(Self.issue(1))
        try r.append(Self.issue(2))
        let before = try #require(FileManager.default.contents(atPath: path))
        for cut in [1, 200, 5000] {
            #expect(throws: ATLError.self) { try r.append(Self.issue(3), hooks: ListRegister.Hooks(crashAfterBytes: cut)) }
            let damaged = try #require(FileManager.default.contents(atPath: path))
            #expect(damaged.count == before.count + cut && damaged.prefix(before.count) == before)
            // A new process opens the register: the partial record is detected and cut off, the rest is intact.
            let reopened = try ListRegister(path: path)
            #expect(reopened.count == 2 && reopened.repairedBytes == cut)
            #expect(FileManager.default.contents(atPath: path) == before)
        }
        let again = try ListRegister(path: path)
        let third = try again.append(Self.issue(3))
        #expect(third.seq == 3)
        #expect(try ListRegister(path: path).count == 3)
    }

    @Test func aChangedRecordIsDamageNotSilentlyDropped() throws {
        let dir = try TemporaryFolder("register-tamper")
        let path = dir.path("register.jsonl")
        let r = try ListRegister(path: path)
        for n in 1...3 { try r.append(Self.issue(n)) }
        var text = dir.read("register.jsonl")
        text = text.replacingOccurrences(of: "\"officer\":\"SENDO-2\"", with: "\"officer\":\"SENDO-9\"")
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        do {
            _ = try ListRegister(path: path)
            Issue.record("a changed record must not open")
        } catch {
            #expect(error.diagnostics.first?.code == "register.damaged")
            #expect(error.diagnostics.first?.line == 3, "record 3 no longer follows record 2")
        }
        // Removing a middle record is damage too.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        try (lines[0] + "\n" + lines[2] + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        #expect(throws: ATLError.self) { _ = try ListRegister(path: path) }
    }

    @Test func concurrentAppendsAreSerialised() throws {
        let dir = try TemporaryFolder("register-concurrent")
        let r = try ListRegister(path: dir.path("register.jsonl"))
        let issue = try Self.issue(1)
        DispatchQueue.concurrentPerform(iterations: 12) { _ in _ = try? r.append(issue) }
        let reopened = try ListRegister(path: dir.path("register.jsonl"))
        #expect(reopened.count == 12)
        #expect(reopened.all.map(\.seq) == Array(1...12))
    }

    @Test func officerIdentifiersAreCheckedAndNoNamesOfChildrenAreKept() {
        #expect(ListRegister.isValidOfficer("SENDO-07"))
        #expect(!ListRegister.isValidOfficer("jsmith@telford.gov.uk"), "a sign-on name may be a person's name")
        #expect(!ListRegister.isValidOfficer("Staff 12345"))
        #expect(!ListRegister.isValidOfficer(""))
        #expect(!ListRegister.isValidOfficer("a\nb"))
        #expect(!ListRegister.isValidOfficer(String(repeating: "x", count: 21)))
    }

    @Test func issuingOverHTTPWritesOneRecordAndReopensReadOnly() throws {
        let (w, c, _) = try Fixture.workbench("issue")
        defer { w.shutdown(gracePeriod: .seconds(1)) }
        let list = try ListPageTests.upload(c, Fixture.examples.first { $0.hasSuffix("hi-signing-year3.profile") }!)
        let profile = try #require(list.firstMatch(#"name="profile" value="([^"]+)""#))
        let check = try c.post("/lists/check", form: [("_csrf", list.csrf ?? ""), ("profile", profile)])
        #expect(check.status == 200 && check.text.contains("Check the list before you issue it"))
        let token = try #require(check.firstMatch(#"name="issue-token" value="([^"]+)""#))
        let missing = try c.post("/lists/issue", form: [("_csrf", list.csrf ?? ""), ("profile", profile), ("issue-token", token), ("officer", "")])
        #expect(missing.status == 422 && missing.text.contains("Enter your officer identifier"))
        let issued = try c.post("/lists/issue", form: [("_csrf", list.csrf ?? ""), ("profile", profile), ("issue-token", token), ("officer", "SENDO-07")])
        #expect(issued.status == 303)
        let location = try #require(issued.header("Location"))
        #expect(location == "/register/ATL-2026-000001/issued")
        // A second click on the same check page issues nothing new.
        let again = try c.post("/lists/issue", form: [("_csrf", list.csrf ?? ""), ("profile", profile), ("issue-token", token), ("officer", "SENDO-07")])
        #expect(again.header("Location") == location)
        let confirmation = try c.get(location)
        #expect(confirmation.text.contains("List issued") && confirmation.text.contains("ATL-2026-000001"))
        #expect(confirmation.text.contains(Fixture.bodySection(ListPageTests.cliList(Fixture.examples.first { $0.hasSuffix("hi-signing-year3.profile") }!))))
        let register = try c.get("/register")
        #expect(register.text.contains("EX-0004") && register.text.contains("SENDO-07"))
        #expect(register.header("Cache-Control") == "no-store")
        let lines = (try? String(contentsOfFile: w.configuration.dataDirectory + "/register.jsonl", encoding: .utf8))?.split(separator: "\n") ?? []
        #expect(lines.count == 1)
        #expect(try c.get("/register/ATL-2026-000002").status == 404)
        #expect(try c.get("/register/ATL-2026-000001/list.json").text.contains("\"reference\": \"EX-0004\""))
        // Every answer that holds the child's list is kept out of caches: the check page, the confirmation, the
        // issued list and its downloads (the download of the working list is checked in ListPageTests).
        #expect(check.header("Cache-Control") == "no-store")
        #expect(confirmation.header("Cache-Control") == "no-store")
        for path in ["/register/ATL-2026-000001", "/register/ATL-2026-000001/list.json"] {
            #expect(try c.get(path).header("Cache-Control") == "no-store", "\(path)")
        }
    }
}
