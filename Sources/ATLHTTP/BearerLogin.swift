/// Counts failed logins per client address and refuses further attempts for a while once there have
/// been too many (OWASP ASVS V2.2.1). Memory is capped: at `maxClients` the stalest record is dropped.
public final class LoginRateLimiter: Sendable {
    public let maxFailures: Int
    public let window: Duration
    public let maxClients: Int
    private let now: @Sendable () -> ContinuousClock.Instant
    private let failures = Locked<[String: [ContinuousClock.Instant]]>([:])

    public init(maxFailures: Int = 5, window: Duration = .seconds(15 * 60), maxClients: Int = 10_000,
                now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.maxFailures = maxFailures
        self.window = window
        self.maxClients = maxClients
        self.now = now
    }

    /// Whole seconds until `client` may try again, or nil if it may try now.
    public func retryAfter(for client: String) -> Int? {
        let time = now()
        return failures.withLock { table in
            let recent = (table[client] ?? []).filter { time - $0 < window }
            table[client] = recent.isEmpty ? nil : recent
            guard recent.count >= maxFailures, let oldest = recent.first else { return nil }
            let wait = window - (time - oldest)
            return max(1, Int(wait.components.seconds) + (wait.components.attoseconds > 0 ? 1 : 0))
        }
    }

    public func recordFailure(for client: String) {
        let time = now()
        failures.withLock { table in
            if table[client] == nil && table.count >= maxClients {
                let stalest = table.min { ($0.value.last ?? time) < ($1.value.last ?? time) }
                if let stalest { table[stalest.key] = nil }
            }
            var recent = (table[client] ?? []).filter { time - $0 < window }
            recent.append(time)
            table[client] = Array(recent.suffix(maxFailures))
        }
    }

    public func reset(for client: String) {
        failures.withLock { $0[client] = nil }
    }
}

/// What the login page needs to draw its form.
public struct LoginForm: Sendable, Hashable {
    public var action: String
    public var tokenFieldName: String
    public var csrfFieldName: String
    public var csrfToken: String
    /// The generic failure message to show, or nil on first display.
    public var errorMessage: String?
}

/// Settings for `BearerLogin`.
public struct BearerLoginOptions: Sendable {
    /// The shared secret users type or paste (read by the caller from a file, never from the command line).
    public var token: String
    public var loginPath: String = "/login"
    public var logoutPath: String = "/logout"
    /// Paths reachable without logging in besides the login page (e.g. a health check, a stylesheet).
    public var openPaths: Set<String> = ["/healthz"]
    public var afterLoginPath: String = "/"
    public var tokenFieldName: String = "token"
    public var csrf: CSRFOptions = CSRFOptions()
    /// One message for every failure, so it never tells a wrong token from a blocked address.
    public var failureMessage: String = "The access token was not accepted. Check it and try again later."
    /// Draws the login page; the default is a minimal accessible form.
    public var renderForm: @Sendable (LoginForm) -> HTTPResponse = BearerLogin.defaultForm

    public init(token: String) { self.token = token }
}

/// Optional login with one shared bearer token. With it installed, every route except the login page
/// and `openPaths` needs a logged-in session: GET and HEAD are redirected (303) to the login page, other
/// methods are refused with 403. Posting the right token (compared in constant time) replaces the session
/// with a new logged-in one; failures are rate-limited per client address (429 with Retry-After when
/// blocked) and all get the same message.
///
/// Needs `Sessions.middleware` (and `CSRFProtection.middleware`, which also guards the login form
/// itself against login CSRF) earlier in the chain: call `install(on:)` after adding them.
public struct BearerLogin: Sendable {
    public let options: BearerLoginOptions
    public let store: SessionStore
    public let limiter: LoginRateLimiter

    /// The token is trimmed of surrounding whitespace (a file's final newline) and must not be empty.
    public init(options: BearerLoginOptions, store: SessionStore, limiter: LoginRateLimiter = LoginRateLimiter()) {
        var options = options
        options.token = BearerLogin.trimmed(options.token)
        precondition(!options.token.isEmpty, "the login token must not be empty")
        self.options = options
        self.store = store
        self.limiter = limiter
    }

    /// Adds the login and logout routes and the gate middleware.
    public func install(on router: inout Router) {
        router.add(.get, options.loginPath, noStore: true) { request in
            request.session?.isAuthenticated == true ? .redirect(to: options.afterLoginPath) : showForm(request)
        }
        router.add(.post, options.loginPath, bodyLimit: 16 * 1024, noStore: true) { request in logIn(request) }
        router.add(.post, options.logoutPath, bodyLimit: 16 * 1024, noStore: true) { request in logOut(request) }
        router.use(gate)
    }

    /// Lets through the login page, open paths and logged-in sessions; redirects or refuses the rest.
    public var gate: HTTPMiddleware {
        let options = options
        return { request, next in
            if request.path == options.loginPath || options.openPaths.contains(request.path)
                || request.session?.isAuthenticated == true {
                return next(request)
            }
            if request.method == .get || request.method == .head {
                return .redirect(to: options.loginPath)
            }
            return .status(.forbidden)
        }
    }

    func showForm(_ request: HTTPRequest, error: String? = nil, status: HTTPStatus = .ok) -> HTTPResponse {
        let form = LoginForm(action: options.loginPath, tokenFieldName: options.tokenFieldName,
                             csrfFieldName: options.csrf.fieldName, csrfToken: request.session?.csrfToken ?? "",
                             errorMessage: error)
        var response = options.renderForm(form)
        response.status = status
        return response
    }

    func logIn(_ request: HTTPRequest) -> HTTPResponse {
        let client = request.remoteHost
        if let wait = limiter.retryAfter(for: client) {
            var response = showForm(request, error: options.failureMessage, status: .tooManyRequests)
            response.headers.set("Retry-After", String(wait))
            return response
        }
        // Pasted tokens often carry a space or the newline of the file they came from.
        let submitted = (try? request.formFields())?[options.tokenFieldName]
            .map(BearerLogin.trimmed) ?? ""
        guard let session = request.session, ConstantTime.equals(submitted, options.token) else {
            limiter.recordFailure(for: client)
            return showForm(request, error: options.failureMessage, status: .forbidden)
        }
        limiter.reset(for: client)
        let loggedIn = store.authenticate(session)
        var response = HTTPResponse.redirect(to: options.afterLoginPath)
        response.setCookie(store.cookie.cookie(value: loggedIn.cookieValue))
        return response
    }

    static func trimmed(_ text: String) -> String {
        String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    func logOut(_ request: HTTPRequest) -> HTTPResponse {
        if let session = request.session { store.destroy(session) }
        var response = HTTPResponse.redirect(to: options.loginPath)
        response.setCookie(SetCookie.expired(name: store.cookie.name, secure: store.cookie.secure))
        return response
    }

    /// A minimal GOV.UK-style page: one heading, an error summary when needed, one labelled field, one button.
    public static let defaultForm: @Sendable (LoginForm) -> HTTPResponse = { form in
        let error = form.errorMessage.map { message in
            """
            <div role="alert" tabindex="-1"><h2>There is a problem</h2><p id="token-error">\(HTML.escape(message))</p></div>
            """
        } ?? ""
        let described = form.errorMessage == nil ? "" : " aria-describedby=\"token-error\""
        let html = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(form.errorMessage == nil ? "" : "Error: ")Sign in</title>
        <meta name="viewport" content="width=device-width, initial-scale=1"></head>
        <body><main><h1>Sign in</h1>\(error)
        <form method="post" action="\(HTML.escape(form.action))">
        <input type="hidden" name="\(HTML.escape(form.csrfFieldName))" value="\(HTML.escape(form.csrfToken))">
        <label for="token">Access token</label>
        <input id="token" name="\(HTML.escape(form.tokenFieldName))" type="password" autocomplete="off"\(described)>
        <button type="submit">Sign in</button>
        </form></main></body></html>
        """
        return .html(html)
    }
}
