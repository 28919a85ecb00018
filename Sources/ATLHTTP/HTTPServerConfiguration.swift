/// Timeouts, after Go's net/http server (ReadHeaderTimeout, ReadTimeout, WriteTimeout, IdleTimeout).
/// Every wait on a client is bounded: a client that stops sending or reading holds a worker for at most
/// one of these.
public struct HTTPTimeouts: Sendable, Hashable {
    /// From the first byte of a request to the end of its header section → 408 and close. A new connection
    /// must also send its first byte within this time, or it is closed silently.
    public var header: Duration = .seconds(10)
    /// From the end of the head to the end of the body (slow senders). Breach → 408 and close.
    public var body: Duration = .seconds(30)
    /// Between requests on a kept-alive connection (nginx keepalive_timeout 75s). Breach → silent close.
    public var idle: Duration = .seconds(75)
    /// To write one whole response. Breach → the connection is dropped.
    public var write: Duration = .seconds(30)
    /// After a final response, how long to keep discarding the client's unread input before closing
    /// (lingering close, so the client can read the response instead of receiving a reset).
    public var linger: Duration = .seconds(2)

    public init(header: Duration = .seconds(10), body: Duration = .seconds(30), idle: Duration = .seconds(75),
                write: Duration = .seconds(30), linger: Duration = .seconds(2)) {
        self.header = header
        self.body = body
        self.idle = idle
        self.write = write
        self.linger = linger
    }
}

/// Something the server noticed. Events never carry request content, so they are safe to log.
public enum HTTPServerEvent: Sendable, Hashable {
    case listening(host: String, port: Int)
    /// A request was refused by the parser (the status sent is `error.status`).
    case refused(HTTPParseError)
    /// A client was too slow; 408 was sent unless the connection was idle.
    case timedOut(HTTPRequestParser.Phase)
    /// A connection arrived while `maxConnections` were open; it got 503.
    case overloaded
    case acceptFailed(errno: Int32)
    /// Shutdown finished; `abandoned` connections were still busy at the deadline and were cut off.
    case stopped(abandoned: Int)
}

public struct HTTPServerConfiguration: Sendable {
    /// An IPv4 or IPv6 literal ("127.0.0.1", "::1", "[::1]", "0.0.0.0") or "localhost" (= 127.0.0.1).
    /// Loopback by default: exposing the workbench to a network is a deliberate choice.
    public var host: String = "127.0.0.1"
    /// 0 picks a free port; `HTTPServer.port` tells which.
    public var port: Int = 0
    public var limits: HTTPLimits = HTTPLimits()
    public var timeouts: HTTPTimeouts = HTTPTimeouts()
    /// Connections served at once (one worker thread each). Beyond it: 503 with Retry-After and close.
    public var maxConnections: Int = 64
    /// After this many requests on one connection the server closes it (nginx keepalive_requests).
    public var maxRequestsPerConnection: Int = 1000
    /// Seconds suggested to a client refused with 503.
    public var retryAfterSeconds: Int = 5
    public var backlog: Int32 = 128
    /// Headers added to the responses the server writes itself (400, 408, 413, 431, 503…), which never
    /// pass through middleware. Defaults to the security headers.
    public var errorHeaders: HTTPHeaders = SecurityHeaders.standard
    /// Per-request body limit from the request head (`Router.bodyLimit(for:)`); nil answers use `limits.maxBodyBytes`.
    public var bodyLimit: (@Sendable (HTTPRequest) -> Int?)?
    /// Receives server events (for logs and tests). Called on worker threads.
    public var onEvent: (@Sendable (HTTPServerEvent) -> Void)?

    public init(host: String = "127.0.0.1", port: Int = 0) {
        self.host = host
        self.port = port
    }
}
