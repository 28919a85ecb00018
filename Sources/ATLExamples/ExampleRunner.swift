import ATLCLI
import Foundation

/// What one in-process `atl` run printed, and its exit code.
public struct CommandOutcome: Sendable {
    public let arguments: [String]
    public let code: Int32
    public let out: String
    public let err: String
    /// Standard output and error interleaved in the order they were written, as a terminal shows them.
    public let terminal: String
}

/// The result of running a chain of commands: each command's outcome, and every file the chain wrote, keyed by
/// the path as the command line gave it (`docs/examples/lists/x.md`, `cohort.csv`).
public struct ChainResult: Sendable {
    public let outcomes: [CommandOutcome]
    public let files: [String: Data]
}

/// A problem running the examples (not a difference in their output).
public struct ExampleError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Runs `atl` command lines in process through ``ATL/run(_:console:environment:)``, capturing standard output
/// and error in memory. Every file a command writes goes to a temporary folder, so running an example never
/// touches the repository; inputs are read where they are committed, except files written by an earlier
/// command of the same chain, which are read from the temporary folder.
///
/// Relative paths (the shipped catalogues, `examples/…`, and the commands' defaults such as
/// `provision-catalogue/weights.conf`) resolve against the working directory, which must be the repository root
/// (``requireRepositoryRoot()``): outputs such as allocation reports quote their input paths, so the paths
/// stay exactly as committed.
///
/// Results are cached per chain, so a chain shared by several examples (or extended by one more command) runs
/// once. Safe to use from several threads.
public final class ExampleRunner: @unchecked Sendable {
    /// Options whose value is a file or folder the command writes; every other path is read. The same set as
    /// the CLI's own list (ExampleTests checks they agree).
    public static let outputOptions: Set<String> = ["output", "summary", "summary-json", "lists-dir", "letters", "to-confirm", "to-confirm-csv"]

    private let lock = NSLock()
    private var cache: [String: Once] = [:]

    public init() {}

    /// The values of the output options in one command's arguments.
    public static func outputPaths(_ args: [String]) -> [String] {
        var out: [String] = []
        for (i, a) in args.enumerated() where a.hasPrefix("--") && outputOptions.contains(String(a.dropFirst(2))) {
            if i + 1 < args.count { out.append(args[i + 1]) }
        }
        return out
    }

    /// Throws unless the working directory is the repository root (it holds `Package.swift` and `examples/`).
    public static func requireRepositoryRoot() throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: "Package.swift"), fm.fileExists(atPath: "examples"), fm.fileExists(atPath: "docs/examples") else {
            throw ExampleError("the examples run from the repository root (relative paths such as provision-catalogue/… "
                               + "resolve against it); the working directory is \(fm.currentDirectoryPath)")
        }
    }

    /// Runs `commands` in order (each must end with `exitCode`) and returns what they printed and wrote.
    public func run(_ commands: [[String]], exitCode: Int32 = 0) throws -> ChainResult {
        precondition(!commands.isEmpty)
        let key = commands.map { $0.joined(separator: " ") }.joined(separator: "\n") + "\nexit \(exitCode)"
        let once = lock.withLock { () -> Once in
            if let o = cache[key] { return o }
            let o = Once()
            cache[key] = o
            return o
        }
        return try once.value {
            // A chain that extends a shorter one already run starts from that one's files.
            let prefix = commands.count > 1 ? try run(Array(commands.dropLast()), exitCode: exitCode) : nil
            return try Self.execute(commands.last!, after: prefix, exitCode: exitCode)
        }
    }

    /// Runs one command in a fresh temporary folder holding the files of the chain so far.
    static func execute(_ args: [String], after prefix: ChainResult?, exitCode: Int32) throws -> ChainResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atl-examples-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let earlier = prefix?.files ?? [:]
        for (path, data) in earlier {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        let produced = Set(earlier.keys)
        var rewritten: [String] = []
        var writesNext = false
        for a in args {
            if writesNext {
                let url = folder.appendingPathComponent(a)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                rewritten.append(url.path)
            } else if produced.contains(a) || produced.contains(where: { $0.hasPrefix(a + "/") }) {
                rewritten.append(folder.appendingPathComponent(a).path)
            } else {
                rewritten.append(a)
            }
            writesNext = a.hasPrefix("--") && outputOptions.contains(String(a.dropFirst(2)))
        }
        let capture = Capture()
        let code = ATL.run(rewritten, console: capture.console, environment: [:])
        let outcome = CommandOutcome(arguments: args, code: code, out: capture.out, err: capture.err, terminal: capture.terminal)
        guard code == exitCode else {
            throw ExampleError("atl \(args.joined(separator: " ")) ended with exit code \(code), expected \(exitCode):\n"
                               + capture.err.split(separator: "\n").suffix(8).joined(separator: "\n"))
        }
        return ChainResult(outcomes: (prefix?.outcomes ?? []) + [outcome], files: try files(in: folder))
    }

    /// Every regular file below `folder`, keyed by its path relative to the folder.
    static func files(in folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let base = folder.resolvingSymlinksInPath().path + "/"
        guard let walk = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return out }
        for case let url as URL in walk where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let path = url.resolvingSymlinksInPath().path
            guard path.hasPrefix(base) else { continue }
            out[String(path.dropFirst(base.count))] = try Data(contentsOf: url)
        }
        return out
    }

    /// A value computed once, by the first caller; later callers wait for it and share it (or its error).
    private final class Once: @unchecked Sendable {
        private let lock = NSLock()
        private var result: Result<ChainResult, any Error>?

        func value(_ compute: () throws -> ChainResult) throws -> ChainResult {
            lock.lock()
            defer { lock.unlock() }
            if result == nil { result = Result { try compute() } }
            return try result!.get()
        }
    }

    /// An in-memory console that also keeps both streams interleaved in writing order.
    private final class Capture: @unchecked Sendable {
        private let lock = NSLock()
        private var _out = "", _err = "", _terminal = ""
        var out: String { lock.withLock { _out } }
        var err: String { lock.withLock { _err } }
        var terminal: String { lock.withLock { _terminal } }
        var console: Console {
            Console(out: { [self] s in lock.withLock { _out += s; _terminal += s } },
                    err: { [self] s in lock.withLock { _err += s; _terminal += s } })
        }
    }
}
