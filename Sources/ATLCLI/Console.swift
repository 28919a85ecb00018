import Foundation

/// Where a command writes: results to `out`, messages and progress to `err`. Tests capture both.
public final class Console: @unchecked Sendable {
    private let lock = NSLock()
    private let outSink: @Sendable (String) -> Void
    private let errSink: @Sendable (String) -> Void
    /// True when stderr is a terminal (progress bars redraw in place only then).
    public let errIsTerminal: Bool

    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
                errIsTerminal: Bool = false) {
        self.outSink = out
        self.errSink = err
        self.errIsTerminal = errIsTerminal
    }

    /// The process's standard output and error.
    public static func standard() -> Console {
        Console(out: { s in FileHandle.standardOutput.write(Data(s.utf8)) },
                err: { s in FileHandle.standardError.write(Data(s.utf8)) },
                errIsTerminal: isatty(2) == 1)
    }

    public func out(_ s: String) { lock.withLock { outSink(s) } }
    public func err(_ s: String) { lock.withLock { errSink(s) } }
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
