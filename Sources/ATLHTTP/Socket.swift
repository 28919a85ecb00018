#if canImport(Glibc)
import Glibc
/// Linux: SIGPIPE is suppressed per call with MSG_NOSIGNAL, leaving the process's signal dispositions alone.
let sendFlags = Int32(MSG_NOSIGNAL)
let streamSocketType = Int32(SOCK_STREAM.rawValue)
#elseif canImport(Darwin)
import Darwin
/// Darwin has no MSG_NOSIGNAL; SO_NOSIGPIPE is set on each socket instead (see `Socket.configureClient`).
let sendFlags: Int32 = 0
let streamSocketType = SOCK_STREAM
#endif

/// Why the server could not start.
public enum HTTPServerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The host is not an IPv4 or IPv6 literal (or "localhost").
    case invalidHost(String)
    case socketFailed(errno: Int32)
    case bindFailed(errno: Int32)
    case listenFailed(errno: Int32)
    case alreadyStarted

    public var description: String {
        switch self {
        case .invalidHost(let host): "not an IP address literal: \(host)"
        case .socketFailed(let code): "socket() failed: \(String(cString: strerror(code)))"
        case .bindFailed(let code): "bind() failed: \(String(cString: strerror(code)))"
        case .listenFailed(let code): "listen() failed: \(String(cString: strerror(code)))"
        case .alreadyStarted: "the server was already started"
        }
    }
}

/// Thin wrappers over POSIX sockets: listening, per-client settings, deadline-bound reads and writes.
enum Socket {
    /// Opens a listening TCP socket on an IPv4 or IPv6 literal (brackets allowed: "[::1]"), with
    /// SO_REUSEADDR so a restart does not wait for TIME_WAIT. Port 0 picks a free port; returns it.
    static func listen(host: String, port: Int, backlog: Int32) throws(HTTPServerError) -> (descriptor: Int32, port: Int) {
        var literal = host
        if literal.hasPrefix("["), literal.hasSuffix("]") { literal = String(literal.dropFirst().dropLast()) }
        if literal == "localhost" { literal = "127.0.0.1" }
        guard (0...65535).contains(port) else { throw .invalidHost(host) }

        var v4 = sockaddr_in()
        var v6 = sockaddr_in6()
        let family: Int32
        if inet_pton(AF_INET, literal, &v4.sin_addr) == 1 {
            family = AF_INET
            v4.sin_family = sa_family_t(AF_INET)
            v4.sin_port = in_port_t(UInt16(port).bigEndian)
        } else if inet_pton(AF_INET6, literal, &v6.sin6_addr) == 1 {
            family = AF_INET6
            v6.sin6_family = sa_family_t(AF_INET6)
            v6.sin6_port = in_port_t(UInt16(port).bigEndian)
        } else {
            throw .invalidHost(host)
        }

        let descriptor = socket(family, streamSocketType, 0)
        guard descriptor >= 0 else { throw .socketFailed(errno: errno) }
        setCloseOnExec(descriptor)
        var one: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))

        let bound: Int32 = family == AF_INET
            ? withUnsafePointer(to: &v4) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            : withUnsafePointer(to: &v6) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
        guard bound == 0 else {
            let code = errno
            close(descriptor)
            throw .bindFailed(errno: code)
        }
        guard posixListen(descriptor, backlog) == 0 else {
            let code = errno
            close(descriptor)
            throw .listenFailed(errno: code)
        }
        setNonBlocking(descriptor)
        return (descriptor, boundPort(descriptor))
    }

    static func boundPort(_ descriptor: Int32) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return port(of: storage)
    }

    static func port(of storage: sockaddr_storage) -> Int {
        var copy = storage
        switch Int32(storage.ss_family) {
        case AF_INET:
            return withUnsafePointer(to: &copy) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
            }
        case AF_INET6:
            return withUnsafePointer(to: &copy) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
            }
        default:
            return 0
        }
    }

    /// "a.b.c.d:port" or "[v6]:port".
    static func describe(_ storage: sockaddr_storage) -> String {
        var copy = storage
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        switch Int32(storage.ss_family) {
        case AF_INET:
            withUnsafePointer(to: &copy) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { address in
                    var raw = address.pointee.sin_addr
                    _ = inet_ntop(AF_INET, &raw, &text, socklen_t(text.count))
                }
            }
            return "\(String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)):\(port(of: storage))"
        case AF_INET6:
            withUnsafePointer(to: &copy) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { address in
                    var raw = address.pointee.sin6_addr
                    _ = inet_ntop(AF_INET6, &raw, &text, socklen_t(text.count))
                }
            }
            return "[\(String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))]:\(port(of: storage))"
        default:
            return ""
        }
    }

    /// Accepts one pending connection (the listening socket is non-blocking), or returns nil with errno set.
    static func accept(_ listener: Int32) -> (descriptor: Int32, remote: String)? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let client = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { posixAccept(listener, $0, &length) }
        }
        guard client >= 0 else { return nil }
        configureClient(client)
        return (client, describe(storage))
    }

    /// Close-on-exec, non-blocking (all waits go through poll with deadlines), TCP_NODELAY (responses
    /// are written whole, so there is nothing to gain from Nagle and a round trip to lose).
    static func configureClient(_ descriptor: Int32) {
        setCloseOnExec(descriptor)
        setNonBlocking(descriptor)
        var one: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        #if canImport(Darwin)
        setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    static func setNonBlocking(_ descriptor: Int32) {
        let flags = fcntl(descriptor, F_GETFL, 0)
        _ = fcntl(descriptor, F_SETFL, flags | O_NONBLOCK)
    }

    static func setCloseOnExec(_ descriptor: Int32) {
        let flags = fcntl(descriptor, F_GETFD, 0)
        _ = fcntl(descriptor, F_SETFD, flags | FD_CLOEXEC)
    }

    enum WaitResult { case ready, timedOut, woken, failed }

    /// Waits until `descriptor` is readable (or writable), the deadline passes, or — when `wake` is given —
    /// that descriptor becomes readable (the server's shutdown signal).
    static func wait(_ descriptor: Int32, forWriting: Bool = false, until deadline: ContinuousClock.Instant,
                     wake: Int32? = nil) -> WaitResult {
        let events = Int16(forWriting ? POLLOUT : POLLIN)
        var fds = [pollfd(fd: descriptor, events: events, revents: 0)]
        if let wake { fds.append(pollfd(fd: wake, events: Int16(POLLIN), revents: 0)) }
        while true {
            let remaining = deadline - ContinuousClock.now
            if remaining <= .zero { return .timedOut }
            let milliseconds = min(Int64(Int32.max), remaining.components.seconds * 1000
                + Int64(remaining.components.attoseconds / 1_000_000_000_000_000) + 1)
            let result = poll(&fds, nfds_t(fds.count), Int32(milliseconds))
            if result < 0 {
                if errno == EINTR { continue }
                return .failed
            }
            if result == 0 { continue } // re-check the deadline (poll may wake a little early)
            if fds[0].revents != 0 { return .ready }
            if fds.count > 1, fds[1].revents != 0 { return .woken }
        }
    }

    /// Writes every byte before the deadline, or returns false (timeout, peer gone, socket shut down).
    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], until deadline: ContinuousClock.Instant) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                send(descriptor, buffer.baseAddress! + offset, bytes.count - offset, sendFlags)
            }
            if written > 0 {
                offset += written
            } else if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                guard wait(descriptor, forWriting: true, until: deadline) == .ready else { return false }
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return false
            }
        }
        return true
    }

    enum ReadResult { case bytes(Int), wouldBlock, closed }

    static func read(_ descriptor: Int32, into buffer: inout [UInt8]) -> ReadResult {
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress!, $0.count, 0) }
        if count > 0 { return .bytes(count) }
        if count == 0 { return .closed }
        if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return .wouldBlock }
        return .closed
    }

    /// After the last response: stop sending (the client sees EOF), then read and discard what the client
    /// still sends until it closes, the deadline passes or `maxBytes` were thrown away. Closing a socket
    /// with unread input makes the kernel send RST, which can destroy the response before the client
    /// reads it (the "lingering close" nginx and Apache do). A readable `wake` (server shutdown) ends it early.
    static func lingeringShutdown(_ descriptor: Int32, until deadline: ContinuousClock.Instant, maxBytes: Int = 1 << 20,
                                  wake: Int32? = nil) {
        _ = posixShutdown(descriptor, Int32(SHUT_WR))
        var scratch = [UInt8](repeating: 0, count: 16 * 1024)
        var discarded = 0
        while discarded < maxBytes {
            guard wait(descriptor, until: deadline, wake: wake) == .ready else { return }
            switch read(descriptor, into: &scratch) {
            case .bytes(let count): discarded += count
            case .wouldBlock: continue
            case .closed: return
            }
        }
    }
}

// Module-qualified names for the C functions whose names clash with methods here.
#if canImport(Glibc)
@inline(__always) func posixListen(_ fd: Int32, _ backlog: Int32) -> Int32 { Glibc.listen(fd, backlog) }
@inline(__always) func posixAccept(_ fd: Int32, _ address: UnsafeMutablePointer<sockaddr>, _ length: UnsafeMutablePointer<socklen_t>) -> Int32 {
    Glibc.accept(fd, address, length)
}
@inline(__always) func posixShutdown(_ fd: Int32, _ how: Int32) -> Int32 { Glibc.shutdown(fd, how) }
#elseif canImport(Darwin)
@inline(__always) func posixListen(_ fd: Int32, _ backlog: Int32) -> Int32 { Darwin.listen(fd, backlog) }
@inline(__always) func posixAccept(_ fd: Int32, _ address: UnsafeMutablePointer<sockaddr>, _ length: UnsafeMutablePointer<socklen_t>) -> Int32 {
    Darwin.accept(fd, address, length)
}
@inline(__always) func posixShutdown(_ fd: Int32, _ how: Int32) -> Int32 { Darwin.shutdown(fd, how) }
#endif
