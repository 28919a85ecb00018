/// One committed example: `atl` command lines, run in order, and the committed files they produce.
///
/// Commands are written as the shell would see them (`atl` arguments, split at spaces; no quoting, so no path
/// or value holds a space) with the pinned date and seeds, and output paths as committed, relative to the
/// repository root. The runner sends every output to a temporary folder, so checking an example never writes
/// the repository; inputs are read where they are committed.
public struct Example: Sendable, CustomStringConvertible {
    /// The command lines, each the arguments of one `atl` run.
    public let commands: [[String]]
    /// Repository-relative paths of the committed files the commands write.
    public let outputs: [String]
    /// The exit code every command is expected to end with (2 for a batch with an error row, on purpose).
    public let exitCode: Int32

    /// One command line (`"audit --catalogue … --output docs/…"`); its outputs are the values of its output
    /// options (`--output` and the like) unless `writes` names them (a folder option such as `--letters`).
    public init(_ command: String, writes: [String]? = nil, exitCode: Int32 = 0) {
        let args = Example.arguments(command)
        self.commands = [args]
        self.outputs = writes ?? ExampleRunner.outputPaths(args)
        self.exitCode = exitCode
    }

    /// The arguments of a command line: split at spaces, a leading `atl` dropped.
    public static func arguments(_ command: String) -> [String] {
        let words = command.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        return words.first == "atl" ? Array(words.dropFirst()) : words
    }

    /// The commands as a shell line, e.g. `atl list --profile examples/x.profile …`.
    public var description: String { commands.map { (["atl"] + $0).joined(separator: " ") }.joined(separator: " && ") }
}
