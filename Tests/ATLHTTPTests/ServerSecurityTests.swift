import Foundation
import Testing
@testable import ATLHTTP

/// The security middleware wired as the workbench will wire it, exercised over real sockets.
@Suite("Server: security over loopback", .serialized)
struct ServerSecurityTests {
    /// A running server with the full middleware chain and a form that posts back.
    final class SecureSite {
        let server: HTTPServer
        let store = SessionStore()
        let log = Locked<[AccessLogEntry]>([])
        var port: Int { server.port }
        var host: String { "127.0.0.1:\(server.port)" }

        init(loginToken: String? = nil, limiter: LoginRateLimiter = LoginRateLimiter()) throws {
            let allowList = HostAllowList()
            var router = Router()
            let log = log
            router.use(AccessLog.middleware { entry in log.withLock { $0.append(entry) } })
            router.use(SecurityHeaders.middleware())
            router.use(HostCheck.middleware(allowList))
            router.use(Sessions.middleware(store: store))
            router.use(CSRFProtection.middleware())
            if let loginToken {
                BearerLogin(options: BearerLoginOptions(token: loginToken), store: store, limiter: limiter).install(on: &router)
            }
            router.get("/healthz") { _ in .text("ok") }
            router.get("/form", noStore: true) { request in
                .html("<form method=\"post\" action=\"/submit\">\(CSRFProtection.hiddenField(for: request))</form>")
            }
            router.post("/submit") { request in
                .text("accepted \((try? request.formFields())?["name"] ?? "-")")
            }
            server = HTTPServer(configuration: HTTPServerConfiguration(), router: router)
            try server.start()
            allowList.allowLoopback(port: server.port)
        }

        deinit { server.shutdown(gracePeriod: .seconds(1)) }

        /// One request on a fresh connection.
        func send(_ method: String, _ target: String, cookie: String? = nil, form: [(String, String)]? = nil,
                  extra: [String] = [], host: String? = nil) throws -> WireResponse {
            let client = try RawClient(port: port)
            var headers = extra
            if let cookie { headers.append("Cookie: \(cookie)") }
            var body = ""
            if let form {
                body = FormURLEncoded.encode(form)
                headers.append("Content-Type: application/x-www-form-urlencoded")
            }
            let head = headers.map { $0 + "\r\n" }.joined()
            client.send(wireRequest(method, target, host: host ?? self.host, extra: head, body: body))
            return try client.readResponse()
        }
    }

    /// "name=value" from a response's Set-Cookie.
    static func cookie(from response: WireResponse) -> String? {
        response.headers["Set-Cookie"].map { String($0.prefix { $0 != ";" }) }
    }

    static func csrfToken(in html: String) -> String? {
        guard let start = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        return String(html[start.upperBound...].prefix { $0 != "\"" })
    }

    @Test("security headers on every response, including 404 and server-made errors")
    func securityHeaders() throws {
        let site = try SecureSite()
        for response in [try site.send("GET", "/healthz"), try site.send("GET", "/nowhere")] {
            #expect(response.headers["Content-Security-Policy"] == SecurityHeaders.contentSecurityPolicy)
            #expect(response.headers["X-Content-Type-Options"] == "nosniff")
            #expect(response.headers["Referrer-Policy"] == "no-referrer")
            #expect(response.headers["X-Frame-Options"] == "DENY")
            #expect(response.headers["Cross-Origin-Opener-Policy"] == "same-origin")
        }
        #expect(try site.send("GET", "/form").headers["Cache-Control"] == "no-store")
    }

    @Test("Host check: loopback names with the port pass; another name gets 421")
    func hostCheck() throws {
        let site = try SecureSite()
        #expect(try site.send("GET", "/healthz", host: "localhost:\(site.port)").status == 200)
        #expect(try site.send("GET", "/healthz", host: "[::1]:\(site.port)").status == 200)
        let rebound = try site.send("GET", "/healthz", host: "attacker.example:\(site.port)")
        #expect(rebound.status == 421)
        #expect(rebound.headers["Content-Security-Policy"] != nil)
    }

    @Test("CSRF: missing or wrong token → 403, foreign Origin → 403, good token → 200")
    func csrf() throws {
        let site = try SecureSite()
        let page = try site.send("GET", "/form")
        let cookie = try #require(Self.cookie(from: page))
        let token = try #require(Self.csrfToken(in: page.text))
        #expect(page.headers["Set-Cookie"]?.contains("HttpOnly; SameSite=Strict") == true)

        #expect(try site.send("POST", "/submit", cookie: cookie, form: [("name", "x")]).status == 403)
        #expect(try site.send("POST", "/submit", cookie: cookie, form: [("name", "x"), ("_csrf", "wrong")]).status == 403)
        #expect(try site.send("POST", "/submit", form: [("name", "x"), ("_csrf", token)]).status == 403,
                "a token without its session cookie is worthless")
        #expect(try site.send("POST", "/submit", cookie: cookie, form: [("name", "x"), ("_csrf", token)],
                              extra: ["Origin: http://attacker.example"]).status == 403)
        #expect(try site.send("POST", "/submit", cookie: cookie, form: [("name", "x"), ("_csrf", token)],
                              extra: ["Sec-Fetch-Site: cross-site"]).status == 403)
        let good = try site.send("POST", "/submit", cookie: cookie, form: [("name", "Ann"), ("_csrf", token)],
                                 extra: ["Origin: null", "Sec-Fetch-Site: same-origin"])
        #expect(good.status == 200)
        #expect(good.text == "accepted Ann")
        let sameOrigin = try site.send("POST", "/submit", cookie: cookie, form: [("name", "B"), ("_csrf", token)],
                                       extra: ["Origin: http://\(site.host)"])
        #expect(sameOrigin.status == 200)

        // The access log names routes and never holds form values, cookies or tokens.
        let lines = site.log.withLock { $0.map(\.line) }
        #expect(lines.contains { $0.hasPrefix("POST /submit 403 ") })
        #expect(lines.contains { $0.hasPrefix("POST /submit 200 ") })
        #expect(lines.allSatisfy { !$0.contains("Ann") && !$0.contains(token) && !$0.contains("session") })
    }

    @Test("login: redirect to the form, generic failure, success replaces the session, logout")
    func loginFlow() throws {
        let site = try SecureSite(loginToken: "correct horse battery staple")
        #expect(try site.send("GET", "/healthz").status == 200, "health checks stay open")
        let gated = try site.send("GET", "/form")
        #expect(gated.status == 303)
        #expect(gated.headers["Location"] == "/login")
        #expect(try site.send("POST", "/submit", form: [("name", "x")]).status == 403)

        let loginPage = try site.send("GET", "/login")
        #expect(loginPage.status == 200)
        #expect(loginPage.headers["Cache-Control"] == "no-store")
        let anonymous = try #require(Self.cookie(from: loginPage))
        let token = try #require(Self.csrfToken(in: loginPage.text))

        let wrong = try site.send("POST", "/login", cookie: anonymous, form: [("_csrf", token), ("token", "guess")])
        #expect(wrong.status == 403)
        #expect(wrong.text.contains("The access token was not accepted."))
        #expect(try site.send("POST", "/login", cookie: anonymous, form: [("token", "correct horse battery staple")]).status == 403,
                "the login form needs its CSRF token too")

        let success = try site.send("POST", "/login", cookie: anonymous,
                                    form: [("_csrf", token), ("token", " correct horse battery staple\n")])
        #expect(success.status == 303)
        #expect(success.headers["Location"] == "/")
        let loggedIn = try #require(Self.cookie(from: success))
        #expect(loggedIn != anonymous)
        #expect(try site.send("GET", "/form", cookie: anonymous).status == 303, "the pre-login session is gone")

        #expect(try site.send("GET", "/login", cookie: loggedIn).headers["Location"] == "/", "already signed in")
        let form = try site.send("GET", "/form", cookie: loggedIn)
        #expect(form.status == 200)
        let formToken = try #require(Self.csrfToken(in: form.text))
        #expect(try site.send("POST", "/submit", cookie: loggedIn, form: [("_csrf", formToken), ("name", "y")]).status == 200)

        let logout = try site.send("POST", "/logout", cookie: loggedIn, form: [("_csrf", formToken)])
        #expect(logout.status == 303)
        #expect(logout.headers["Set-Cookie"]?.contains("Max-Age=0") == true)
        #expect(try site.send("GET", "/form", cookie: loggedIn).status == 303)
    }

    @Test("login: failures are rate-limited per address with one generic message")
    func loginRateLimit() throws {
        let site = try SecureSite(loginToken: "right", limiter: LoginRateLimiter(maxFailures: 3, window: .seconds(60)))
        let page = try site.send("GET", "/login")
        let cookie = try #require(Self.cookie(from: page))
        let token = try #require(Self.csrfToken(in: page.text))
        for _ in 0..<3 {
            #expect(try site.send("POST", "/login", cookie: cookie, form: [("_csrf", token), ("token", "wrong")]).status == 403)
        }
        let blocked = try site.send("POST", "/login", cookie: cookie, form: [("_csrf", token), ("token", "right")])
        #expect(blocked.status == 429)
        #expect(blocked.headers["Retry-After"].flatMap(Int.init) ?? 0 > 0)
        #expect(blocked.text.contains("The access token was not accepted."))
    }
}
