/// A parsed request: what the client sent, decoded once, plus what the router and middleware learn.
///
/// A value type, so middleware can hand a changed copy to the next step without affecting anyone else.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    /// The request-target exactly as received. Never log it: its query may hold personal data.
    public var target: String
    /// The decoded, normalised path (see `RequestTarget.decodePath`): always starts with "/",
    /// never contains "..", an encoded "/", NUL or other control characters.
    public var path: String
    /// Decoded query-string fields in order.
    public var queryItems: HTTPFormFields
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    /// The body after transfer decoding (never more than the route's body limit).
    public var body: [UInt8]
    /// Peer address as "a.b.c.d:port" or "[v6]:port" ("" when not from a socket).
    public var remoteAddress: String
    /// Whether the client lets the connection stay open after this exchange
    /// (HTTP/1.1 unless `Connection: close`; HTTP/1.0 only with `Connection: keep-alive`).
    public var keepAlive: Bool

    /// The matched route's pattern, e.g. "/settings/{id}"; nil until routed or when no route matched.
    /// This, never `path` or `target`, is what logs name.
    public var route: String?
    /// Values of `{name}` segments in the matched pattern.
    public var pathParameters: [String: String] = [:]
    /// The session attached by `Sessions.middleware`, if that middleware runs.
    public var session: HTTPSession?

    /// Builds a request from parts, decoding `target` with the same rules as the wire parser.
    /// For tests and for composing requests in process; throws what the parser would answer.
    public init(method: HTTPMethod = .get, target: String = "/", version: HTTPVersion = .http1_1,
                headers: HTTPHeaders = [:], body: [UInt8] = [], remoteAddress: String = "") throws(HTTPParseError) {
        let decoded = try RequestTarget.parse(Array(target.utf8)[...])
        self.init(method: method, target: target, path: decoded.path, queryItems: decoded.queryItems,
                  version: version, headers: headers, body: body, remoteAddress: remoteAddress,
                  keepAlive: HTTPRequest.keepAlive(version: version, headers: headers))
    }

    init(method: HTTPMethod, target: String, path: String, queryItems: HTTPFormFields, version: HTTPVersion,
         headers: HTTPHeaders, body: [UInt8], remoteAddress: String, keepAlive: Bool) {
        self.method = method
        self.target = target
        self.path = path
        self.queryItems = queryItems
        self.version = version
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.keepAlive = keepAlive
    }

    /// The Host header's value (exactly one is guaranteed for HTTP/1.1 requests from the parser).
    public var host: String? { headers["Host"] }

    /// The peer's address without the port (the key for per-client rate limits).
    public var remoteHost: String {
        if remoteAddress.hasPrefix("["), let close = remoteAddress.firstIndex(of: "]") {
            return String(remoteAddress[remoteAddress.index(after: remoteAddress.startIndex)..<close])
        }
        if let colon = remoteAddress.lastIndex(of: ":") { return String(remoteAddress[..<colon]) }
        return remoteAddress
    }

    /// Cookies sent with the request, in order (see `Cookies.parse`).
    public var cookies: [HTTPCookie] { Cookies.parse(headers) }

    /// The media type of the body, lowercased, without parameters ("application/x-www-form-urlencoded").
    public var mediaType: String? {
        guard let value = headers["Content-Type"] else { return nil }
        let type = value.split(separator: ";", maxSplits: 1).first.map { trimmingWhitespace($0) } ?? ""
        return type.lowercased()
    }

    /// The body read as an urlencoded form. Throws `.unsupportedContentType` for any other media type.
    public func formFields(maxFields: Int = 1000) throws(FormDecodingError) -> HTTPFormFields {
        guard mediaType == "application/x-www-form-urlencoded" else { throw .unsupportedContentType }
        return try FormURLEncoded.parse(body, maxFields: maxFields)
    }

    /// The body read as `multipart/form-data`. Throws `.unsupportedContentType` for any other media type.
    public func multipartParts(limits: MultipartLimits = MultipartLimits()) throws(FormDecodingError)
        -> [MultipartPart]
    {
        guard mediaType == "multipart/form-data", let contentType = headers["Content-Type"] else {
            throw .unsupportedContentType
        }
        return try MultipartFormData.parse(body, contentType: contentType, limits: limits)
    }

    static func keepAlive(version: HTTPVersion, headers: HTTPHeaders) -> Bool {
        switch version {
        case .http1_1: !headers.containsToken("close", in: "Connection")
        case .http1_0: headers.containsToken("keep-alive", in: "Connection")
                && !headers.containsToken("close", in: "Connection")
        }
    }
}

/// What a request knows of its session: enough to embed the CSRF token and to check a login.
/// The identifier itself stays inside `SessionStore` and the cookie.
public struct HTTPSession: Sendable, Hashable {
    /// The per-session token every state-changing form must echo (see `CSRFProtection`).
    public var csrfToken: String
    /// Whether this session has passed the login (see `BearerLogin`).
    public var isAuthenticated: Bool
    /// A non-secret handle for this session inside the store (never put it in a page or a log).
    let handle: String

    init(handle: String, csrfToken: String, isAuthenticated: Bool) {
        self.handle = handle
        self.csrfToken = csrfToken
        self.isAuthenticated = isAuthenticated
    }
}
