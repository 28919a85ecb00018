import Foundation

/// A value guarded by a lock, for the few pieces of state shared between worker threads
/// (session table, rate limiter, host allow-list, the server's connection table).
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
