import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An HTTP/1.1 server on POSIX sockets.
///
/// **Threading model: one thread per connection, bounded.** A single accept thread waits in poll(2); each
/// accepted connection gets its own worker thread that reads, parses, calls the handler synchronously and
/// writes, with every wait bounded by a deadline (poll on a non-blocking socket). At most
/// `maxConnections` workers exist; the next connection is answered 503 and closed. Why: the handler is a
/// plain synchronous function (the engine's work is CPU-bound and synchronous), so blocking a thread per
/// connection is the simplest model that is obviously correct, and the bound keeps it from being a
/// resource sink. Dedicated threads rather than Dispatch's pool, because blocking I/O on a shared pool can
/// starve it. For a workbench with a handful of users this costs nothing.
///
/// Shutdown: `shutdown(gracePeriod:)` stops accepting, closes idle connections at once, lets requests in
/// flight finish and answer (with `Connection: close`), and cuts off whatever is left at the deadline.
public final class HTTPServer: Sendable {
    public let configuration: HTTPServerConfiguration
    let handler: HTTPHandler
    private let state = ServerState()
    private let rejectQueue = DispatchQueue(label: "ATLHTTP.reject")
    let signalSources = Locked<[any DispatchSourceSignal]>([])

    /// - Parameter handler: called on a worker thread for each request; must be safe for concurrent calls.
    public init(configuration: HTTPServerConfiguration = HTTPServerConfiguration(),
                handler: @escaping HTTPHandler) {
        self.configuration = configuration
        self.handler = handler
    }

    /// A server answering through `router`, with the router's per-route body limits.
    public convenience init(configuration: HTTPServerConfiguration = HTTPServerConfiguration(), router: Router) {
        var configuration = configuration
        configuration.bodyLimit = { router.bodyLimit(for: $0) }
        self.init(configuration: configuration, handler: router.handler)
    }

    /// The bound port (useful with port 0); 0 before `start()`.
    public var port: Int { state.withLock { $0.port } }

    public var isRunning: Bool { state.withLock { $0.phase == .running } }

    /// Binds, listens and starts accepting on a background thread. Returns once the port is bound.
    public func start() throws(HTTPServerError) {
        let configuration = configuration
        try state.withLock { (state: inout ServerState.Fields) throws(HTTPServerError) in
            guard state.phase == .new else { throw .alreadyStarted }
            let (descriptor, port) = try Socket.listen(host: configuration.host, port: configuration.port,
                                                        backlog: configuration.backlog)
            var pipeEnds: [Int32] = [0, 0]
            guard pipe(&pipeEnds) == 0 else {
                let code = errno
                close(descriptor)
                throw .socketFailed(errno: code)
            }
            for end in pipeEnds { Socket.setCloseOnExec(end) }
            Socket.setNonBlocking(pipeEnds[1])
            state.listener = descriptor
            state.wakeRead = pipeEnds[0]
            state.wakeWrite = pipeEnds[1]
            state.port = port
            state.phase = .running
            state.acceptLoopRunning = true
        }
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "ATLHTTP accept"
        thread.start()
        configuration.onEvent?(.listening(host: configuration.host, port: port))
    }

    /// Stops the server gracefully and returns when it has stopped: no new connections; idle connections
    /// closed; in-flight requests finish (their responses say `Connection: close`) until `gracePeriod`
    /// has passed, after which remaining connections are cut off. Safe to call more than once and from
    /// any thread (except a handler's, which would wait for itself).
    public func shutdown(gracePeriod: Duration = .seconds(10)) {
        let shouldSignal = state.withLock { (state: inout ServerState.Fields) -> Bool? in
            switch state.phase {
            case .new:
                state.phase = .stopped
                return nil
            case .running:
                state.phase = .stopping
                return true
            case .stopping, .stopped:
                return false
            }
        }
        guard let shouldSignal else {
            state.broadcast()
            return
        }
        guard shouldSignal else {
            waitUntilStopped()
            return
        }
        // One byte in the wake pipe makes it readable for every poller at once: the accept loop and
        // every idle connection see it and leave.
        var byte: UInt8 = 1
        _ = state.withLock { write($0.wakeWrite, &byte, 1) }

        let deadline = ContinuousClock.now + gracePeriod
        state.wait(until: deadline) { !$0.acceptLoopRunning && $0.connections.isEmpty && $0.rejecting == 0 }
        let abandoned = state.withLock { state in
            for descriptor in state.connections.values { _ = posixShutdown(descriptor, Int32(SHUT_RDWR)) }
            return state.connections.count
        }
        if abandoned > 0 {
            state.wait(until: ContinuousClock.now + .seconds(1)) { $0.connections.isEmpty }
        }
        state.withLock { state in
            state.phase = .stopped
            state.closeWakePipeIfUnused()
        }
        state.broadcast()
        configuration.onEvent?(.stopped(abandoned: abandoned))
    }

    /// Blocks the calling thread until the server has stopped (e.g. the main thread of `atl serve`).
    public func waitUntilStopped() {
        state.wait(until: nil) { $0.phase == .stopped }
    }

    var isStopping: Bool { state.withLock { $0.phase != .running } }
    /// Connections being served now (for tests and diagnostics).
    var connectionCount: Int { state.withLock { $0.connections.count } }
    var wakeDescriptor: Int32 { state.withLock { $0.wakeRead } }

    // MARK: - Accepting

    private func acceptLoop() {
        let (listener, wake) = state.withLock { ($0.listener, $0.wakeRead) }
        var fds = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
        while true {
            fds[0].revents = 0
            fds[1].revents = 0
            let ready = poll(&fds, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                configuration.onEvent?(.acceptFailed(errno: errno))
                usleep(10_000)
                continue
            }
            if fds[1].revents != 0 { break }
            guard fds[0].revents != 0 else { continue }
            guard let (client, remote) = Socket.accept(listener) else {
                let code = errno
                if code == EAGAIN || code == EWOULDBLOCK || code == EINTR || code == ECONNABORTED { continue }
                configuration.onEvent?(.acceptFailed(errno: code))
                // Out of descriptors or memory: back off instead of spinning on a listener that stays readable.
                usleep(50_000)
                continue
            }
            admit(client, remote: remote)
        }
        state.withLock { state in
            close(state.listener)
            state.listener = -1
            state.acceptLoopRunning = false
        }
        state.broadcast()
    }

    private enum Admission { case serve(UInt64), reject, drop }

    private func admit(_ client: Int32, remote: String) {
        let maxConnections = configuration.maxConnections
        let admission = state.withLock { (state: inout ServerState.Fields) -> Admission in
            guard state.phase == .running else { return .drop }
            if state.connections.count >= maxConnections {
                guard state.rejecting < 16 else { return .drop }
                state.rejecting += 1
                return .reject
            }
            state.nextID += 1
            state.connections[state.nextID] = client
            return .serve(state.nextID)
        }
        switch admission {
        case .serve(let id):
            let thread = Thread { [self] in
                HTTPConnection(descriptor: client, remoteAddress: remote, server: self).run()
                connectionEnded(id)
            }
            thread.name = "ATLHTTP connection"
            thread.start()
        case .reject:
            configuration.onEvent?(.overloaded)
            rejectQueue.async { [self] in
                rejectOverloaded(client)
                state.withLock { $0.rejecting -= 1 }
                state.broadcast()
            }
        case .drop:
            close(client)
        }
    }

    /// 503 with Retry-After and Connection: close, then a short lingering close.
    private func rejectOverloaded(_ client: Int32) {
        var response = HTTPResponse.status(.serviceUnavailable)
        for field in configuration.errorHeaders { response.headers.add(field.name, field.value) }
        response.headers.set("Retry-After", String(configuration.retryAfterSeconds))
        let bytes = ResponseSerializer.serialize(response, headOnly: false, close: true, date: HTTPDate.now())
        if Socket.writeAll(client, bytes, until: ContinuousClock.now + .seconds(1)) {
            Socket.lingeringShutdown(client, until: ContinuousClock.now + .milliseconds(500), maxBytes: 64 * 1024)
        }
        close(client)
    }

    /// The only place a connection's descriptor is closed, under the lock that `shutdown` holds while
    /// cutting connections off, so it can never shut down a descriptor number already reused.
    private func connectionEnded(_ id: UInt64) {
        state.withLock { state in
            if let descriptor = state.connections.removeValue(forKey: id) { close(descriptor) }
            state.closeWakePipeIfUnused()
        }
        state.broadcast()
    }
}

/// The server's mutable state behind one condition lock.
private final class ServerState: @unchecked Sendable {
    enum Phase { case new, running, stopping, stopped }

    struct Fields {
        var phase = Phase.new
        var listener: Int32 = -1
        var wakeRead: Int32 = -1
        var wakeWrite: Int32 = -1
        var port = 0
        var acceptLoopRunning = false
        var connections: [UInt64: Int32] = [:]
        var nextID: UInt64 = 0
        var rejecting = 0

        /// The wake pipe is closed only once nothing can poll it any more.
        mutating func closeWakePipeIfUnused() {
            guard phase == .stopped, !acceptLoopRunning, connections.isEmpty, rejecting == 0, wakeRead >= 0 else {
                return
            }
            close(wakeRead)
            close(wakeWrite)
            wakeRead = -1
            wakeWrite = -1
        }
    }

    private let condition = NSCondition()
    private var fields = Fields()

    func withLock<Result, Failure: Error>(_ body: (inout Fields) throws(Failure) -> Result) throws(Failure) -> Result {
        condition.lock()
        defer { condition.unlock() }
        return try body(&fields)
    }

    func broadcast() {
        condition.lock()
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until `done` holds or the deadline (if any) passes.
    func wait(until deadline: ContinuousClock.Instant?, _ done: (Fields) -> Bool) {
        condition.lock()
        defer { condition.unlock() }
        while !done(fields) {
            guard let deadline else {
                condition.wait()
                continue
            }
            let remaining = deadline - ContinuousClock.now
            if remaining <= .zero { return }
            let seconds = Double(remaining.components.seconds) + Double(remaining.components.attoseconds) / 1e18
            _ = condition.wait(until: Date(timeIntervalSinceNow: seconds))
        }
    }
}
