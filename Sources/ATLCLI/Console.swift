import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import ATLSynthetic
import ATLRender
import Foundation

/// Where a command writes: results to `out`, messages and progress to `err`. Tests capture both.
public final class Console: @unchecked Sendable {
    private let lock = NSLock()
    private let outSink: @Sendable (String) throws -> Void
    private let errSink: @Sendable (String) throws -> Void
    private var _outFailure: String?
    private var _errFailed = false
    /// True when stderr is a terminal (progress bars redraw in place only then).
    public let errIsTerminal: Bool

    /// The sinks may throw (a full disk, a closed descriptor): the console then stops writing to that stream and
    /// remembers the failure, so the command ends with exit code 3 instead of crashing.
    public init(out: @escaping @Sendable (String) throws -> Void, err: @escaping @Sendable (String) throws -> Void,
                errIsTerminal: Bool = false) {
        self.outSink = out
        self.errSink = err
        self.errIsTerminal = errIsTerminal
    }

    /// The process's standard output and error.
    public static func standard() -> Console {
        // The throwing write(contentsOf:): the old write(_:) uses try! inside Foundation and crashes on ENOSPC/EBADF.
        Console(out: { s in try FileHandle.standardOutput.write(contentsOf: Data(s.utf8)) },
                err: { s in try FileHandle.standardError.write(contentsOf: Data(s.utf8)) },
                errIsTerminal: isatty(2) == 1)
    }

    public func out(_ s: String) {
        lock.withLock {
            guard _outFailure == nil else { return }
            do { try outSink(s) } catch { _outFailure = CommandSupport.describe(error) }
        }
    }
    public func err(_ s: String) {
        lock.withLock {
            guard !_errFailed else { return }
            do { try errSink(s) } catch { _errFailed = true }
        }
    }
    /// Why standard output could not be written, if it could not.
    public var outFailure: String? { lock.withLock { _outFailure } }
    /// True when standard error could not be written.
    public var errFailed: Bool { lock.withLock { _errFailed } }
    public func line(_ s: String) { out(s + "\n") }
    public func errLine(_ s: String) { err(s + "\n") }
}

/// An in-memory console for tests.
public final class CapturingConsole: @unchecked Sendable {
    private let lock = NSLock()
    private var _out = ""
    private var _err = ""
    public init() {}
    public var out: String { lock.withLock { _out } }
    public var err: String { lock.withLock { _err } }
    public var console: Console {
        Console(out: { [self] s in lock.withLock { _out += s } }, err: { [self] s in lock.withLock { _err += s } })
    }
}
