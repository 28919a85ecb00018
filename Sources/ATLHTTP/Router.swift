/// A route: method + path pattern → handler, with its own body limit and caching rule.
public struct Route: Sendable {
    public let method: HTTPMethod
    /// The pattern as registered, e.g. "/settings/{id}". It is also the route's name in logs.
    public let pattern: String
    /// Overrides the server's body limit for this route (e.g. a larger limit for an upload).
    public let bodyLimit: Int?
    /// Marks every response `Cache-Control: no-store` (pages showing personal data).
    public let noStore: Bool
    let segments: [Segment]
    let handler: HTTPHandler

    enum Segment: Sendable, Hashable {
        case literal(String)
        case parameter(String)
    }
}

/// Maps method + path to handlers. Paths are exact (`/settings`) or have `{name}` segments that match
/// one whole non-empty segment (`/settings/{id}`). When several patterns match, the one with a literal
/// segment earliest wins (`/settings/new` beats `/settings/{id}`).
///
/// Unknown path → 404; known path, wrong method → 405 with `Allow`. HEAD is answered by the GET route
/// when there is no HEAD route (the server drops the body). Middleware added with `use` wraps every
/// answer, including 404 and 405, and sees `request.route` already set.
///
/// Built once at start-up (a value type), then shared read-only by all worker threads.
public struct Router: Sendable {
    public private(set) var routes: [Route] = []
    public private(set) var middleware: [HTTPMiddleware] = []

    public init() {}

    /// The result of matching a method and path.
    public enum Match: Sendable {
        case found(Route, parameters: [String: String])
        /// The path is known under other methods: `pattern` is the best-matching pattern, `allowed` its methods.
        case methodNotAllowed(pattern: String, allowed: [HTTPMethod])
        case notFound
    }

    /// Registers a route. An invalid pattern or a duplicate method + pattern is a programming error and traps.
    public mutating func add(_ method: HTTPMethod, _ pattern: String, bodyLimit: Int? = nil, noStore: Bool = false,
                             _ handler: @escaping HTTPHandler) {
        let segments = Router.compile(pattern)
        precondition(!routes.contains { $0.method == method && $0.segments == segments },
                     "duplicate route \(method) \(pattern)")
        routes.append(Route(method: method, pattern: pattern, bodyLimit: bodyLimit, noStore: noStore,
                            segments: segments, handler: handler))
    }

    public mutating func get(_ pattern: String, noStore: Bool = false, _ handler: @escaping HTTPHandler) {
        add(.get, pattern, noStore: noStore, handler)
    }

    public mutating func post(_ pattern: String, bodyLimit: Int? = nil, noStore: Bool = false,
                              _ handler: @escaping HTTPHandler) {
        add(.post, pattern, bodyLimit: bodyLimit, noStore: noStore, handler)
    }

    public mutating func put(_ pattern: String, bodyLimit: Int? = nil, _ handler: @escaping HTTPHandler) {
        add(.put, pattern, bodyLimit: bodyLimit, handler)
    }

    public mutating func delete(_ pattern: String, _ handler: @escaping HTTPHandler) {
        add(.delete, pattern, handler)
    }

    /// Adds middleware around every answer; the first added is the outermost.
    public mutating func use(_ layer: @escaping HTTPMiddleware) {
        middleware.append(layer)
    }

    public func match(method: HTTPMethod, path: String) -> Match {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        let candidates = routes.compactMap { route in
            Router.bind(route.segments, to: parts).map { (route: route, parameters: $0) }
        }
        guard !candidates.isEmpty else { return .notFound }
        var pool = candidates.filter { $0.route.method == method }
        if pool.isEmpty && method == .head { pool = candidates.filter { $0.route.method == .get } }
        if let best = Router.mostSpecific(pool) { return .found(best.route, parameters: best.parameters) }
        var allowed: [HTTPMethod] = []
        for candidate in candidates where !allowed.contains(candidate.route.method) {
            allowed.append(candidate.route.method)
        }
        if allowed.contains(.get) && !allowed.contains(.head) { allowed.append(.head) }
        let pattern = Router.mostSpecific(candidates)?.route.pattern ?? path
        return .methodNotAllowed(pattern: pattern, allowed: allowed)
    }

    /// The body limit of the route a request will reach (nil: the server's default). Given to the
    /// parser through `HTTPServerConfiguration.bodyLimit`, so a large upload route does not raise the
    /// limit for every other path.
    public func bodyLimit(for request: HTTPRequest) -> Int? {
        if case .found(let route, _) = match(method: request.method, path: request.path) { return route.bodyLimit }
        return nil
    }

    /// Routes a request through the middleware to its handler (or to 404 / 405).
    public func respond(to request: HTTPRequest) -> HTTPResponse {
        var request = request
        let terminal: HTTPHandler
        switch match(method: request.method, path: request.path) {
        case .found(let route, let parameters):
            request.route = route.pattern
            request.pathParameters = parameters
            terminal = { request in
                let response = route.handler(request)
                return route.noStore ? response.noStore() : response
            }
        case .methodNotAllowed(let pattern, let allowed):
            request.route = pattern
            terminal = { _ in
                var response = HTTPResponse.status(.methodNotAllowed)
                response.headers.set("Allow", allowed.map(\.rawValue).joined(separator: ", "))
                return response
            }
        case .notFound:
            terminal = { _ in .status(.notFound) }
        }
        return chain(middleware, to: terminal)(request)
    }

    /// The router as a handler for `HTTPServer`.
    public var handler: HTTPHandler {
        let router = self
        return { router.respond(to: $0) }
    }

    // MARK: - Patterns

    static func compile(_ pattern: String) -> [Route.Segment] {
        precondition(pattern.hasPrefix("/"), "route pattern must start with /: \(pattern)")
        if pattern == "/" { return [] }
        return pattern.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { part in
            precondition(!part.isEmpty, "empty segment in route pattern \(pattern)")
            if part.hasPrefix("{") && part.hasSuffix("}") && part.count > 2 {
                return .parameter(String(part.dropFirst().dropLast()))
            }
            precondition(!part.contains("{") && !part.contains("}"), "bad parameter in route pattern \(pattern)")
            return .literal(String(part))
        }
    }

    static func bind(_ segments: [Route.Segment], to parts: [String]) -> [String: String]? {
        if segments.isEmpty { return parts.isEmpty || parts == [""] ? [:] : nil }
        guard segments.count == parts.count else { return nil }
        var parameters: [String: String] = [:]
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case .literal(let literal): if literal != part { return nil }
            case .parameter(let name):
                if part.isEmpty { return nil }
                parameters[name] = part
            }
        }
        return parameters
    }

    static func mostSpecific(_ matches: [(route: Route, parameters: [String: String])])
        -> (route: Route, parameters: [String: String])?
    {
        matches.reduce(nil) { best, next in
            guard let best else { return next }
            return isMoreSpecific(next.route, than: best.route) ? next : best
        }
    }

    static func isMoreSpecific(_ a: Route, than b: Route) -> Bool {
        for (x, y) in zip(a.segments, b.segments) {
            switch (x, y) {
            case (.literal, .parameter): return true
            case (.parameter, .literal): return false
            default: continue
            }
        }
        return false
    }
}
