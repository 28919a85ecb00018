import Foundation

/// The Host values this server answers to (compared without case). Thread-safe and changeable after
/// start-up, because with port 0 the port is only known once the socket is bound.
public final class HostAllowList: Sendable {
    private let hosts: Locked<Set<String>>

    public init(_ hosts: [String] = []) {
        self.hosts = Locked(Set(hosts.map { $0.lowercased() }))
    }

    public func allow(_ host: String) {
        hosts.withLock { _ = $0.insert(host.lowercased()) }
    }

    /// `127.0.0.1:port`, `localhost:port` and `[::1]:port` (and the bare names when the port is 80,
    /// where browsers leave it out).
    public func allowLoopback(port: Int) {
        for name in ["127.0.0.1", "localhost", "[::1]"] {
            allow("\(name):\(port)")
            if port == 80 { allow(name) }
        }
    }

    public func contains(_ host: String) -> Bool {
        hosts.withLock { $0.contains(host.lowercased()) }
    }

    public var allowed: [String] { hosts.withLock { $0.sorted() } }
}

/// DNS-rebinding defence: a page on an attacker's domain whose name is re-pointed at 127.0.0.1 reaches
/// this server with the attacker's name in Host. Any Host not on the allow-list is answered
/// **421 Misdirected Request** ("this server does not serve that authority", RFC 9110 §15.5.20), chosen
/// over 400 because the request is well-formed, just not for us. Requests without Host (HTTP/1.0) get 421 too.
public enum HostCheck {
    public static func middleware(_ allowList: HostAllowList) -> HTTPMiddleware {
        { request, next in
            guard let host = request.host, allowList.contains(host) else {
                return .status(.misdirectedRequest)
            }
            return next(request)
        }
    }
}
