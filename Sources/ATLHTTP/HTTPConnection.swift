/// One client connection, served on its own worker thread from accept to close.
///
/// Loop: answer every complete request already buffered (pipelining, in order), otherwise wait for bytes
/// with the deadline of the current phase (idle, head or body), then feed them to the parser. Any parse
/// error or timeout gets its status and ends the connection; so does a response that says close.
/// The descriptor is closed by the server (see `HTTPServer.connectionEnded`), never here.
struct HTTPConnection {
    let descriptor: Int32
    let remoteAddress: String
    let server: HTTPServer

    func run() {
        let configuration = server.configuration
        let timeouts = configuration.timeouts
        let wake = server.wakeDescriptor
        var parser = HTTPRequestParser(limits: configuration.limits, remoteAddress: remoteAddress,
                                       bodyLimit: configuration.bodyLimit)
        var served = 0
        var phase = HTTPRequestParser.Phase.idle
        var phaseStarted = ContinuousClock.now
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)

        while true {
            let request: HTTPRequest?
            do {
                request = try parser.nextRequest()
            } catch {
                configuration.onEvent?(.refused(error))
                finish(with: error.status)
                return
            }

            if let request {
                served += 1
                let response = server.handler(request)
                let close = !request.keepAlive || server.isStopping
                    || served >= configuration.maxRequestsPerConnection || ResponseSerializer.asksToClose(response)
                let bytes = ResponseSerializer.serialize(
                    response, headOnly: request.method == .head, close: close,
                    announceKeepAlive: !close && request.version == .http1_0, date: HTTPDate.now())
                guard Socket.writeAll(descriptor, bytes, until: ContinuousClock.now + timeouts.write) else { return }
                if close {
                    Socket.lingeringShutdown(descriptor, until: ContinuousClock.now + timeouts.linger, wake: wake)
                    return
                }
                // The next phase (idle, or a pipelined request already begun) is timed from now, not from
                // before this request: the handler's time and the previous wait must not count against it.
                phase = parser.phase
                phaseStarted = ContinuousClock.now
                continue
            }

            if parser.expectsContinue {
                let interim = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
                guard Socket.writeAll(descriptor, interim, until: ContinuousClock.now + timeouts.write) else { return }
                parser.continueSent()
            }

            let current = parser.phase
            if current != phase {
                phase = current
                phaseStarted = ContinuousClock.now
            }
            let timeout = switch phase {
            case .idle: served == 0 ? timeouts.header : timeouts.idle
            case .head: timeouts.header
            case .body: timeouts.body
            }
            // Only an idle connection listens for shutdown: a request in progress is allowed to finish.
            switch Socket.wait(descriptor, until: phaseStarted + timeout, wake: phase == .idle ? wake : nil) {
            case .ready:
                switch Socket.read(descriptor, into: &buffer) {
                case .bytes(let count): parser.append(buffer[0..<count])
                case .wouldBlock: continue
                case .closed: return
                }
            case .timedOut:
                configuration.onEvent?(.timedOut(phase))
                if phase != .idle { finish(with: .requestTimeout) }
                return
            case .woken, .failed:
                return
            }
        }
    }

    /// Answers a refusal or timeout with a short response that says close, then closes lingeringly.
    private func finish(with status: HTTPStatus) {
        let configuration = server.configuration
        var response = HTTPResponse.status(status)
        for field in configuration.errorHeaders { response.headers.add(field.name, field.value) }
        let bytes = ResponseSerializer.serialize(response, headOnly: false, close: true, date: HTTPDate.now())
        guard Socket.writeAll(descriptor, bytes, until: ContinuousClock.now + configuration.timeouts.write) else { return }
        Socket.lingeringShutdown(descriptor, until: ContinuousClock.now + configuration.timeouts.linger,
                                  wake: server.wakeDescriptor)
    }
}
