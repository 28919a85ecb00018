/// One access-log record. It holds only what is safe to keep: never the path as sent, the query
/// string, form fields, cookies or any other header, so no personal data reaches a log.
public struct AccessLogEntry: Sendable, Hashable {
    public var method: String
    /// The route pattern ("/settings/{id}"), or "(no route)" when nothing matched.
    public var route: String
    public var status: Int
    public var durationMilliseconds: Double
    /// Body bytes of the response.
    public var bytes: Int

    /// `GET /settings/{id} 200 1.3ms 5120B`
    public var line: String {
        let tenths = Int((durationMilliseconds * 10).rounded())
        return "\(method) \(route) \(status) \(tenths / 10).\(tenths % 10)ms \(bytes)B"
    }
}

public enum AccessLog {
    /// Reports every answer to `sink` after it is produced. Put it first (outermost) so it sees the final
    /// status, including answers from other middleware (403, 421, redirects to the login page).
    public static func middleware(_ sink: @escaping @Sendable (AccessLogEntry) -> Void) -> HTTPMiddleware {
        { request, next in
            let started = ContinuousClock.now
            let response = next(request)
            let elapsed = ContinuousClock.now - started
            let milliseconds = Double(elapsed.components.seconds) * 1000
                + Double(elapsed.components.attoseconds) / 1e15
            sink(AccessLogEntry(method: request.method.rawValue, route: request.route ?? "(no route)",
                                status: response.status.code, durationMilliseconds: milliseconds,
                                bytes: response.body.count))
            return response
        }
    }
}
