import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension HTTPServer {
    /// Stops the server gracefully when one of `signals` arrives (Ctrl-C, `kill`, a service manager).
    ///
    /// The signals' default action is replaced by SIG_IGN and they are delivered through Dispatch signal
    /// sources, so the work happens on an ordinary queue, not in a signal handler. The server keeps the
    /// sources alive for its whole life.
    public func stopOnSignals(_ signals: [Int32] = [SIGINT, SIGTERM], gracePeriod: Duration = .seconds(10)) {
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in shutdown(gracePeriod: gracePeriod) }
            source.resume()
            signalSources.withLock { $0.append(source) }
        }
    }
}
