import Testing
@testable import ATLHTTP

/// Each middleware alone, with a stub `next`.
@Suite("Middleware")
struct MiddlewareTests {
    static let ok: HTTPHandler = { _ in .text("ok") }

    static func request(_ method: HTTPMethod = .get, _ target: String = "/", headers: HTTPHeaders = ["Host": "127.0.0.1:8080"],
                        body: String = "") -> HTTPRequest {
        try! HTTPRequest(method: method, target: target, headers: headers, body: Array(body.utf8),
                         remoteAddress: "127.0.0.1:40000")
    }

    @Test("access log: method, route pattern, status, duration, bytes — never the path or query")
    func accessLog() {
        let entries = Locked<[AccessLogEntry]>([])
        let layer = AccessLog.middleware { entry in entries.withLock { $0.append(entry) } }
        var request = Self.request(.get, "/settings/123?postcode=TF3+4NT&name=Ann")
        request.route = "/settings/{id}"
        _ = layer(request, { _ in .text("12345") })
        _ = layer(Self.request(.get, "/nothing?secret=1"), { _ in .status(.notFound) })
        let logged = entries.withLock { $0 }
        #expect(logged.count == 2)
        #expect(logged[0].method == "GET")
        #expect(logged[0].route == "/settings/{id}")
        #expect(logged[0].status == 200)
        #expect(logged[0].bytes == 5)
        #expect(logged[0].durationMilliseconds >= 0)
        #expect(logged[1].route == "(no route)")
        for entry in logged {
            for secret in ["123", "postcode", "TF3", "Ann", "secret", "nothing"] {
                #expect(!entry.line.contains(secret))
            }
        }
        #expect(AccessLogEntry(method: "POST", route: "/x", status: 303, durationMilliseconds: 1.25, bytes: 10).line
            == "POST /x 303 1.3ms 10B")
    }

    @Test("security headers on every response; a route may override one")
    func securityHeaders() {
        let layer = SecurityHeaders.middleware()
        let response = layer(Self.request(), Self.ok)
        #expect(response.headers["Content-Security-Policy"]
            == "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
        #expect(response.headers["X-Content-Type-Options"] == "nosniff")
        #expect(response.headers["Referrer-Policy"] == "no-referrer")
        #expect(response.headers["X-Frame-Options"] == "DENY")
        #expect(response.headers["Cross-Origin-Opener-Policy"] == "same-origin")
        let custom = layer(Self.request(), { _ in
            var r = HTTPResponse.text("x")
            r.headers.set("Content-Security-Policy", "default-src 'none'")
            return r
        })
        #expect(custom.headers.values(for: "Content-Security-Policy") == ["default-src 'none'"])
    }

    @Test("host check: allow-listed hosts pass, others get 421", arguments: [
        ("127.0.0.1:8080", 200), ("localhost:8080", 200), ("LOCALHOST:8080", 200), ("[::1]:8080", 200),
        ("atl.example.gov.uk", 200), ("evil.example:8080", 421), ("127.0.0.1:9999", 421), ("localhost", 421),
    ])
    func hostCheck(host: String, status: Int) {
        let allowList = HostAllowList(["atl.example.gov.uk"])
        allowList.allowLoopback(port: 8080)
        let response = HostCheck.middleware(allowList)(Self.request(headers: ["Host": host]), Self.ok)
        #expect(response.status.code == status)
    }

    @Test("host check: a request without Host (HTTP/1.0) is refused")
    func hostCheckWithoutHost() throws {
        let request = try HTTPRequest(target: "/", version: .http1_0)
        #expect(HostCheck.middleware(HostAllowList(["a"]))(request, Self.ok).status == .misdirectedRequest)
    }

    @Test("sessions: a new session sets a safe cookie; the cookie finds it again")
    func sessions() throws {
        let store = SessionStore(cookie: SessionCookieOptions(name: "sid", secure: true))
        let layer = Sessions.middleware(store: store)
        let seen = Locked<[HTTPSession]>([])
        let capture: HTTPHandler = { request in
            if let session = request.session { seen.withLock { $0.append(session) } }
            return .text("ok")
        }
        let first = layer(Self.request(), capture)
        let setCookie = try #require(first.headers["Set-Cookie"])
        #expect(setCookie.hasSuffix("; Path=/; HttpOnly; Secure; SameSite=Strict"))
        let value = String(setCookie.dropFirst("sid=".count).prefix { $0 != ";" })
        #expect(value.count >= 60) // handle (128 bits) + "." + secret (256 bits), base64url
        let second = layer(Self.request(headers: ["Host": "h", "Cookie": "other=1; sid=\(value)"]), capture)
        #expect(second.headers["Set-Cookie"] == nil)
        let sessions = seen.withLock { $0 }
        #expect(sessions.count == 2)
        #expect(sessions[0] == sessions[1])
        #expect(sessions[0].csrfToken.count >= 43)
        // A forged secret with a real handle finds nothing and gets a fresh session.
        let forged = value.prefix { $0 != "." } + ".AAAA"
        let third = layer(Self.request(headers: ["Host": "h", "Cookie": "sid=\(forged)"]), capture)
        #expect(third.headers["Set-Cookie"] != nil)
        #expect(seen.withLock { $0[2] } != sessions[0])
        // Health checks get no session.
        _ = layer(Self.request(.get, "/healthz"), capture)
        #expect(seen.withLock { $0.count } == 3)
    }

    @Test("sessions: a cross-site request never overwrites the session cookie the browser withheld")
    func crossSiteRequestsKeepTheCookie() throws {
        let store = SessionStore()
        let layer = Sessions.middleware(store: store)
        let navigation = layer(Self.request(.get, "/settings/4?tab=a&b=%22x%22", headers: [
            "Host": "h", "Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate",
        ]), { _ in Issue.record("the handler must not run"); return .text("x") })
        #expect(navigation.status == .ok)
        #expect(navigation.headers["Set-Cookie"] == nil)
        #expect(navigation.headers["Cache-Control"] == "no-store")
        let page = String(decoding: navigation.body, as: UTF8.self)
        #expect(page.contains("<meta http-equiv=\"refresh\" content=\"0; url=/settings/4?tab=a&amp;b=%22x%22\">"))

        let seen = Locked<Int>(0)
        let image = layer(Self.request(.get, "/logo", headers: ["Host": "h", "Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors"]),
                          { request in
                              #expect(request.session == nil)
                              seen.withLock { $0 += 1 }
                              return .text("img")
                          })
        #expect(image.headers["Set-Cookie"] == nil)
        #expect(seen.withLock { $0 } == 1)
        #expect(store.count == 0)

        // The reload comes from this origin: now a session is made (or the withheld one is sent).
        let reload = layer(Self.request(.get, "/settings/4", headers: ["Host": "h", "Sec-Fetch-Site": "same-origin"]), Self.ok)
        #expect(reload.headers["Set-Cookie"] != nil)
    }

    @Test("sessions expire when idle, and the table is capped")
    func sessionExpiryAndCap() {
        let clock = Locked(ContinuousClock.now)
        let store = SessionStore(idleTimeout: .seconds(60), maxSessions: 3, now: { clock.withLock { $0 } })
        let a = store.create()
        #expect(store.session(forCookieValue: a.cookieValue) != nil)
        clock.withLock { $0 += .seconds(61) }
        #expect(store.session(forCookieValue: a.cookieValue) == nil)
        let loggedIn = store.create(authenticated: true)
        for _ in 0..<5 { _ = store.create() }
        #expect(store.count == 3)
        #expect(store.session(forCookieValue: loggedIn.cookieValue) != nil, "logged-in sessions are evicted last")
    }

    @Test("login rotates the session identifier and CSRF token")
    func authenticationRotates() {
        let store = SessionStore()
        let before = store.create()
        let after = store.authenticate(before.session)
        #expect(after.session.isAuthenticated)
        #expect(after.session.csrfToken != before.session.csrfToken)
        #expect(store.session(forCookieValue: before.cookieValue) == nil)
        #expect(store.session(forCookieValue: after.cookieValue)?.isAuthenticated == true)
    }

    // MARK: CSRF

    static func post(session: HTTPSession?, body: String = "", headers extra: [(String, String)] = [],
                     contentType: String = "application/x-www-form-urlencoded") -> HTTPRequest {
        var headers: HTTPHeaders = ["Host": "127.0.0.1:8080", "Content-Type": contentType]
        for (name, value) in extra { headers.add(name, value) }
        var request = Self.request(.post, "/form", headers: headers, body: body)
        request.session = session
        return request
    }

    @Test("CSRF: safe methods pass; a post needs a session and the session's token")
    func csrfToken() {
        let session = SessionStore().create().session
        let token = session.csrfToken
        #expect(CSRFProtection.check(Self.request(.get, "/"), options: CSRFOptions()) == nil)
        #expect(CSRFProtection.check(Self.post(session: nil, body: "_csrf=\(token)")) == .noSession)
        #expect(CSRFProtection.check(Self.post(session: session, body: "a=1")) == .missingToken)
        #expect(CSRFProtection.check(Self.post(session: session, body: "_csrf=wrong")) == .wrongToken)
        #expect(CSRFProtection.check(Self.post(session: session, body: "_csrf=\(token)x")) == .wrongToken)
        #expect(CSRFProtection.check(Self.post(session: session, body: "a=1&_csrf=\(token)")) == nil)
        #expect(CSRFProtection.check(Self.post(session: session, headers: [("X-CSRF-Token", token)], contentType: "application/json")) == nil)
        var delete = Self.post(session: session, body: "")
        delete.method = .delete
        #expect(CSRFProtection.check(delete) == .missingToken)
    }

    @Test("CSRF: a token inside a multipart form is found")
    func csrfMultipart() {
        let session = SessionStore().create().session
        let body = "--B\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(session.csrfToken)\r\n"
            + "--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.csv\"\r\n\r\nx,y\r\n--B--\r\n"
        #expect(CSRFProtection.check(Self.post(session: session, body: body, contentType: "multipart/form-data; boundary=B")) == nil)
    }

    @Test("CSRF: Origin, Referer and Sec-Fetch-Site are checked against the server's own origin", arguments: [
        ([("Origin", "http://127.0.0.1:8080")], nil),
        ([("Origin", "HTTP://127.0.0.1:8080")], nil),
        ([("Origin", "null")], nil),
        ([("Origin", "http://evil.example")], CSRFProtection.Rejection.foreignOrigin),
        ([("Origin", "https://127.0.0.1:8080")], .foreignOrigin),
        ([("Origin", "http://127.0.0.1:8080.evil.example")], .foreignOrigin),
        ([("Referer", "http://127.0.0.1:8080/form?x=1")], nil),
        ([("Referer", "http://127.0.0.1:80801/")], .foreignReferer),
        ([("Referer", "http://evil.example/http://127.0.0.1:8080/")], .foreignReferer),
        ([("Origin", "null"), ("Referer", "http://evil.example/")], .foreignReferer),
        ([("Sec-Fetch-Site", "same-origin")], nil),
        ([("Sec-Fetch-Site", "none")], nil),
        ([("Sec-Fetch-Site", "cross-site")], .crossSiteFetch),
        ([("Sec-Fetch-Site", "same-site")], .crossSiteFetch),
    ] as [([(String, String)], CSRFProtection.Rejection?)])
    func csrfOrigin(headers: [(String, String)], rejection: CSRFProtection.Rejection?) {
        let session = SessionStore().create().session
        let request = Self.post(session: session, body: "_csrf=\(session.csrfToken)", headers: headers)
        #expect(CSRFProtection.check(request) == rejection)
    }

    @Test("CSRF: optionally require Origin or Referer")
    func csrfRequireOrigin() {
        let session = SessionStore().create().session
        let options = CSRFOptions(requireOriginOrReferer: true)
        #expect(CSRFProtection.check(Self.post(session: session, body: "_csrf=\(session.csrfToken)"), options: options) == .noOrigin)
        #expect(CSRFProtection.middleware(options)(Self.post(session: session, body: "_csrf=\(session.csrfToken)"), Self.ok).status == .forbidden)
    }

    @Test("CSRF hidden field is escaped")
    func csrfHiddenField() {
        var request = Self.request()
        request.session = HTTPSession(handle: "h", csrfToken: "a\"b", isAuthenticated: false)
        #expect(CSRFProtection.hiddenField(for: request) == "<input type=\"hidden\" name=\"_csrf\" value=\"a&quot;b\">")
    }

    @Test("constant-time comparison")
    func constantTime() {
        #expect(ConstantTime.equals("abc", "abc"))
        #expect(!ConstantTime.equals("abc", "abd"))
        #expect(!ConstantTime.equals("abc", "abcd"))
        #expect(!ConstantTime.equals("", "a"))
        #expect(ConstantTime.equals("", ""))
    }

    @Test("secure random tokens are distinct base64url strings of the right length")
    func randomTokens() {
        let tokens = (0..<200).map { _ in SecureRandom.token() }
        #expect(Set(tokens).count == 200)
        #expect(tokens.allSatisfy { $0.count == 43 })
        #expect(tokens.allSatisfy { $0.utf8.allSatisfy { ByteClass.token[Int($0)] && $0 != UInt8(ascii: ".") } })
        #expect(SecureRandom.base64URL(Array("foobar".utf8)) == "Zm9vYmFy")
        #expect(SecureRandom.base64URL(Array("fooba".utf8)) == "Zm9vYmE")
        #expect(SecureRandom.base64URL(Array("foob".utf8)) == "Zm9vYg")
    }

    @Test("login rate limiter blocks after repeated failures and forgets after the window")
    func rateLimiter() {
        let clock = Locked(ContinuousClock.now)
        let limiter = LoginRateLimiter(maxFailures: 3, window: .seconds(60), now: { clock.withLock { $0 } })
        for _ in 0..<3 {
            #expect(limiter.retryAfter(for: "1.2.3.4") == nil)
            limiter.recordFailure(for: "1.2.3.4")
        }
        #expect(limiter.retryAfter(for: "1.2.3.4") == 60)
        #expect(limiter.retryAfter(for: "5.6.7.8") == nil)
        clock.withLock { $0 += .seconds(30) }
        #expect(limiter.retryAfter(for: "1.2.3.4") == 30)
        clock.withLock { $0 += .seconds(31) }
        #expect(limiter.retryAfter(for: "1.2.3.4") == nil)
    }
}
