/// A request method (RFC 9110 §9). Methods are case-sensitive tokens: `get` is not `GET`.
public struct HTTPMethod: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static let get = HTTPMethod("GET")
    public static let head = HTTPMethod("HEAD")
    public static let post = HTTPMethod("POST")
    public static let put = HTTPMethod("PUT")
    public static let delete = HTTPMethod("DELETE")
    public static let patch = HTTPMethod("PATCH")
    public static let options = HTTPMethod("OPTIONS")

    /// The methods this server implements. Any other well-formed token is answered 501 (RFC 9110 §9.1);
    /// CONNECT and TRACE are deliberately absent (no proxying, no request echo).
    public static let implemented: Set<HTTPMethod> = [.get, .head, .post, .put, .delete, .patch, .options]

    /// Safe methods must not change state (RFC 9110 §9.2.1); everything else is checked for CSRF.
    public var isSafe: Bool { self == .get || self == .head || self == .options }

    /// Methods whose requests normally carry a body, so a missing length is refused with 411.
    var requiresLength: Bool { self == .post || self == .put || self == .patch }
}

/// The HTTP versions this server speaks. Anything else is refused (505) before a request exists.
public enum HTTPVersion: Sendable, Hashable, CustomStringConvertible {
    case http1_0
    case http1_1

    public var description: String {
        switch self {
        case .http1_0: "HTTP/1.0"
        case .http1_1: "HTTP/1.1"
        }
    }
}
