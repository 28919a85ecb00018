/// In-memory sessions. A cookie value is `handle.secret`: the handle (128 random bits) finds the record,
/// the secret (256 random bits) is then compared in constant time, so lookup time reveals nothing about
/// the secret. Sessions expire after `idleTimeout` without use and `absoluteTimeout` after creation.
///
/// The table is capped (`maxSessions`): when full, expired sessions go first, then the least recently
/// used session that has not logged in, and only then the least recently used one that has.
public final class SessionStore: Sendable {
    /// The cookie that carries a session, shared by `Sessions.middleware` and `BearerLogin`.
    public let cookie: SessionCookieOptions
    public let idleTimeout: Duration
    public let absoluteTimeout: Duration
    public let maxSessions: Int
    private let now: @Sendable () -> ContinuousClock.Instant

    private struct Record {
        var secret: String
        var csrfToken: String
        var authenticated: Bool
        var created: ContinuousClock.Instant
        var lastSeen: ContinuousClock.Instant
    }

    private let records = Locked<[String: Record]>([:])

    public init(cookie: SessionCookieOptions = SessionCookieOptions(), idleTimeout: Duration = .seconds(8 * 3600),
                absoluteTimeout: Duration = .seconds(24 * 3600), maxSessions: Int = 10_000,
                now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.cookie = cookie
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
        self.maxSessions = maxSessions
        self.now = now
    }

    /// Starts a session. Returns it and the cookie value that names it.
    public func create(authenticated: Bool = false) -> (session: HTTPSession, cookieValue: String) {
        let handle = SecureRandom.token(byteCount: 16)
        let secret = SecureRandom.token(byteCount: 32)
        let csrfToken = SecureRandom.token(byteCount: 32)
        let time = now()
        records.withLock { table in
            if table.count >= maxSessions { evict(from: &table, at: time) }
            table[handle] = Record(secret: secret, csrfToken: csrfToken, authenticated: authenticated,
                                   created: time, lastSeen: time)
        }
        return (HTTPSession(handle: handle, csrfToken: csrfToken, isAuthenticated: authenticated), "\(handle).\(secret)")
    }

    /// The live session a cookie value names, or nil (unknown, wrong secret, expired). Marks it used.
    public func session(forCookieValue value: String) -> HTTPSession? {
        let pieces = value.split(separator: ".", maxSplits: 1)
        guard pieces.count == 2 else { return nil }
        let handle = String(pieces[0])
        let secret = pieces[1]
        let time = now()
        return records.withLock { table in
            guard var record = table[handle] else { return nil }
            guard ConstantTime.equals(record.secret.utf8, secret.utf8) else { return nil }
            guard !isExpired(record, at: time) else {
                table[handle] = nil
                return nil
            }
            record.lastSeen = time
            table[handle] = record
            return HTTPSession(handle: handle, csrfToken: record.csrfToken, isAuthenticated: record.authenticated)
        }
    }

    /// Logs a session in by replacing it with a new authenticated one (new identifier, new CSRF token),
    /// so an identifier planted before login is worthless after it (session fixation, ASVS V3.2.1).
    public func authenticate(_ session: HTTPSession) -> (session: HTTPSession, cookieValue: String) {
        destroy(session)
        return create(authenticated: true)
    }

    public func destroy(_ session: HTTPSession) {
        records.withLock { $0[session.handle] = nil }
    }

    public var count: Int { records.withLock { $0.count } }

    private func isExpired(_ record: Record, at time: ContinuousClock.Instant) -> Bool {
        time - record.lastSeen > idleTimeout || time - record.created > absoluteTimeout
    }

    private func evict(from table: inout [String: Record], at time: ContinuousClock.Instant) {
        for (handle, record) in table where isExpired(record, at: time) { table[handle] = nil }
        guard table.count >= maxSessions else { return }
        let victim = table.filter { !$0.value.authenticated }.min { $0.value.lastSeen < $1.value.lastSeen }
            ?? table.min { $0.value.lastSeen < $1.value.lastSeen }
        if let victim { table[victim.key] = nil }
    }
}

/// How the session cookie is named and flagged.
public struct SessionCookieOptions: Sendable, Hashable {
    public var name: String
    /// Set when browsers reach the server over HTTPS (a TLS-terminating proxy in front).
    public var secure: Bool

    public init(name: String = "session", secure: Bool = false) {
        self.name = name
        self.secure = secure
    }

    func cookie(value: String) -> SetCookie {
        SetCookie(name: name, value: value, path: "/", httpOnly: true, secure: secure, sameSite: .strict)
    }
}

public enum Sessions {
    /// Attaches `request.session`: the one the cookie names, or a new one (whose cookie is then set on
    /// the response, `HttpOnly; SameSite=Strict; Path=/`). Paths in `exemptPaths` (health checks polled
    /// by monitors) get no session, so they cannot fill the table.
    ///
    /// Cross-site requests are special because `SameSite=Strict` makes the browser withhold the cookie:
    /// answering them with a new session cookie would overwrite, and so log out, the session the browser
    /// already holds. So when `Sec-Fetch-Site` says cross-site or same-site and no session was found:
    /// a page navigation (GET/HEAD, `Sec-Fetch-Mode: navigate`, e.g. a link in an email) gets a tiny page
    /// that reloads the same address from this origin (`<meta http-equiv="refresh">` plus a link), after
    /// which the browser sends the cookie; any other request gets no session and no cookie.
    public static func middleware(store: SessionStore, exemptPaths: Set<String> = ["/healthz"]) -> HTTPMiddleware {
        let cookie = store.cookie
        return { request, next in
            if exemptPaths.contains(request.path) { return next(request) }
            var request = request
            if let value = Cookies.value(named: cookie.name, in: request.headers),
               let session = store.session(forCookieValue: value) {
                request.session = session
                return next(request)
            }
            let site = request.headers["Sec-Fetch-Site"]?.lowercased()
            if site == "cross-site" || site == "same-site" {
                let isNavigation = (request.method == .get || request.method == .head)
                    && request.headers["Sec-Fetch-Mode"]?.lowercased() == "navigate"
                return isNavigation ? sameOriginReload(of: request) : next(request)
            }
            let created = store.create()
            request.session = created.session
            var response = next(request)
            let alreadySet = response.headers.values(for: "Set-Cookie").contains { $0.hasPrefix(cookie.name + "=") }
            if !alreadySet { response.setCookie(cookie.cookie(value: created.cookieValue)) }
            return response
        }
    }

    /// A page that navigates to the same path and query again, this time initiated by this origin.
    static func sameOriginReload(of request: HTTPRequest) -> HTTPResponse {
        let target = request.target.hasPrefix("/") ? request.target : request.path
        let escaped = HTML.escape(target)
        let html = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=\(escaped)">
        <title>Continue</title></head><body><main><p><a href="\(escaped)">Continue</a></p></main></body></html>
        """
        return HTTPResponse.html(html).noStore()
    }
}
