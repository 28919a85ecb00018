import ATLTestSupport
import ATLModel
import ATLServices
import ATLWorkbench
import Foundation
import Testing

/// The workbench's security checks over loopback: CSRF, the Host check, the token sign-in, headers, no path
/// outside the routes, logs without child data, upload limits, and the refusal to listen beyond loopback without
/// a token.
@Suite struct SecurityTests {
    static func profileField(_ c: TestClient) throws -> (csrf: String, profile: String) {
        let list = try ListPageTests.upload(c, Fixture.examples[0])
        return (list.csrf ?? "", list.firstMatch(#"name="profile" value="([^"]+)""#) ?? "")
    }

    @Test func everyFormThatChangesSomethingNeedsTheSessionsToken() throws {
        let c = try Fixture.client()
        let (csrf, profile) = try Self.profileField(c)
        for path in ["/lists", "/lists/review", "/lists/issue", "/lists/check", "/settings/9000004/report/kinds-of-sen", "/drafts/9000004/accept",
                     "/commissioning", "/batch", "/ehcp"] {
            let none = try c.post(path, form: [("profile", profile)])
            #expect(none.status == 403, "\(path) without a token")
            let wrong = try c.post(path, form: [("_csrf", String(csrf.reversed())), ("profile", profile)])
            #expect(wrong.status == 403, "\(path) with another token")
        }
        // A cross-site form post is refused even with the right token.
        let crossSite = try c.post("/lists", form: [("_csrf", csrf), ("profile", profile)], headers: [("Origin", "http://evil.example")])
        #expect(crossSite.status == 403)
        let fetchSite = try c.post("/lists", form: [("_csrf", csrf), ("profile", profile)], headers: [("Sec-Fetch-Site", "cross-site")])
        #expect(fetchSite.status == 403)
        #expect(try c.post("/lists", form: [("_csrf", csrf), ("profile", profile)]).status == 200)
        // A token from another session does not work in this one.
        let other = try Fixture.client()
        _ = try other.get("/lists/new")
        #expect(try other.post("/lists", form: [("_csrf", csrf), ("profile", profile)]).status == 403)
    }

    @Test func hostHeaderMustNameThisServer() throws {
        let port = Fixture.shared.workbench.port
        for host in ["evil.example", "evil.example:\(port)", "127.0.0.1.evil.example:\(port)", "localhost:1"] {
            let r = try TestClient(port: port, host: host).get("/")
            #expect(r.status == 421, "Host \(host)")
            #expect(!r.text.contains("ATL workbench"))
        }
        for host in ["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)"] {
            #expect(try TestClient(port: port, host: host).get("/").status == 200, "Host \(host)")
        }
    }

    @Test func tokenSignInGuardsEveryPageButTheHealthCheck() throws {
        let token = "correct-horse-battery-staple-42"
        let (w, c, _) = try Fixture.workbench("token") { $0.token = token }
        defer { w.shutdown(gracePeriod: .seconds(1)) }
        #expect(try c.get("/healthz").status == 200)
        for path in ["/", "/lists/new", "/register", "/settings/9000004"] {
            let r = try c.get(path)
            #expect(r.status == 303 && r.header("Location") == "/login", "\(path)")
        }
        let login = try c.get("/login")
        #expect(login.status == 200 && login.text.contains("type=\"password\""))
        let wrong = try c.post("/login", form: [("_csrf", login.csrf ?? ""), ("token", "wrong")])
        #expect(wrong.status == 403 && wrong.text.contains("The access token was not accepted"))
        let before = c.cookies
        let right = try c.post("/login", form: [("_csrf", login.csrf ?? ""), ("token", token)])
        #expect(right.status == 303)
        #expect(c.cookies != before, "signing in replaces the session (no fixation)")
        #expect(try c.get("/").status == 200)
        // Too many failures from one address are refused for a while, with one generic message.
        let other = TestClient(port: w.port)
        let page = try other.get("/login")
        var last = 0
        for _ in 0..<6 { last = try other.post("/login", form: [("_csrf", page.csrf ?? ""), ("token", "nope")]).status }
        #expect(last == 429)
    }

    @Test func listeningBeyondLoopbackNeedsAToken() throws {
        var c = WorkbenchConfiguration(setup: Fixture.setup)
        c.host = "0.0.0.0"
        c.dataDirectory = Fixture.dataFolder("open")
        #expect(throws: ATLError.self) { _ = try Workbench(configuration: c, engine: Fixture.engine) }
        c.token = "a-token-of-twenty-or-more-characters"
        #expect(throws: Never.self) { _ = try Workbench(configuration: c, engine: Fixture.engine) }
    }

    @Test func strictHeadersOnEveryAnswer() throws {
        let c = try Fixture.client()
        for path in ["/", "/lists/new", "/settings", "/settings/9000004", "/register", "/audit", "/no-such-page", "/assets/workbench.css"] {
            let r = try c.get(path)
            let csp = r.header("Content-Security-Policy") ?? ""
            #expect(csp.contains("default-src 'none'") && csp.contains("form-action 'self'") && csp.contains("frame-ancestors 'none'"), "\(path)")
            #expect(!csp.contains("http"), "no external source: \(path)")
            #expect(r.header("X-Content-Type-Options") == "nosniff", "\(path)")
            #expect(r.header("Referrer-Policy") == "no-referrer", "\(path)")
        }
        for path in ["/lists/new", "/register"] { #expect(try c.get(path).header("Cache-Control") == "no-store", "\(path)") }
        let cookie = try TestClient(port: Fixture.shared.workbench.port).get("/").header("Set-Cookie") ?? ""
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"))
    }

    @Test(arguments: [
        "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/assets/../Package.swift", "/assets/%2e%2e/Package.swift",
        "/assets/Package.swift", "/assets/workbench.css/../../Package.swift", "/settings/..%2F..%2FPackage.swift",
        "/register/..%2Fregister.jsonl", "/register.jsonl", "/atl-data/register.jsonl", "/jobs/../register.jsonl",
        "/jobs/x/files/..%2F..%2Fregister.jsonl", "/drafts/..", "/Sources/ATLWorkbench/Workbench.swift", "/.git/config",
        "/settings/9000004/report/..%2F..%2F..%2Fregister", "//etc/passwd", "/%00", "/assets/workbench.css%00.swift",
    ])
    func noPathOutsideTheRoutesIsServed(_ path: String) throws {
        let r = try Fixture.client().get(path)
        #expect(r.status == 404 || r.status == 400, "\(path) → \(r.status)")
        #expect(!r.text.contains("swift-tools-version") && !r.text.contains("root:") && !r.text.contains("atl-register/1"))
    }

    @Test func logsNeverHoldChildDataQueriesOrFormFields() throws {
        let (w, c, log) = try Fixture.workbench("log")
        defer { w.shutdown(gracePeriod: .seconds(1)) }
        let form = try c.get("/lists/new?reference=QUERY-0001&postcode=TF3+1LA")
        _ = try c.post("/lists", form: [("_csrf", form.csrf ?? ""), ("source", "form"), ("reference", "SECRET-0042"), ("primary-need", "ASD"),
                                        ("nc-year", "6"), ("home-postcode", "TF3 1LA"), ("allowed-types", "special")])
        _ = try c.get("/settings?q=Brackenridge")
        let lines = log.all
        #expect(lines.contains("GET /lists/new 200") == false)   // lines carry durations; check by content below
        #expect(lines.contains { $0.hasPrefix("POST /lists 200") })
        for secret in ["SECRET-0042", "TF3", "QUERY-0001", "Brackenridge", "reference", "?"] {
            #expect(!lines.contains { $0.contains(secret) }, "\(secret) in the log")
        }
    }

    @Test func uploadsOverTheLimitAreRefusedBeforeTheyAreRead() throws {
        let (w, c, _) = try Fixture.workbench("limits") { $0.uploadLimit = 64 * 1024 }
        defer { w.shutdown(gracePeriod: .seconds(1)) }
        let page = try c.get("/lists/new")
        let big = [UInt8](repeating: UInt8(ascii: "a"), count: 200 * 1024)
        let profile = try c.post("/lists/upload", multipart: [("_csrf", page.csrf ?? "")], files: [("profile-file", "x.profile", big)])
        #expect(profile.status == 413)
        let cohort = try c.post("/commissioning", multipart: [("_csrf", page.csrf ?? ""), ("cohort-source", "upload")],
                                files: [("cohort-file", "c.csv", big + big + big)])
        #expect(cohort.status == 413)
        // Within the route's limit but over a part's limit: a form error, not a crash.
        let within = try c.post("/lists/upload", multipart: [("_csrf", page.csrf ?? "")], files: [("profile-file", "x.profile", Array(big.prefix(66 * 1024)))])
        #expect(within.status == 422 && within.text.contains("The file could not be read"))
    }
}
