import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import ATLSynthetic
import ATLRender
import Foundation

/// The `atl` command: dispatches to subcommands, maps errors to exit codes.
///
/// Exit codes: 0 success; 1 usage error (unknown option, missing argument); 2 bad input (a file, row, field
/// or profile is malformed — every problem is printed as `file:line: field 'name': message`); 3 the command
/// could not write its output.
public enum ATL {
    public static let version = EngineVersion.current

    public static var commands: [CommandSpec] {
        [
            ListCommand.spec, WhyCommand.spec, WeightsCommand.spec, ValidateCommand.spec, AuditCommand.spec, ScenarioCommand.spec,
            ImportSchoolsCommand.spec, ImportGIASCommand.spec, ImportPostcodesCommand.spec,
            BatchCommand.spec, AllocateCommand.spec, SynthCohortCommand.spec, SynthExampleLACommand.spec,
            IndexCommand.spec, SynthNationalCommand.spec,
            ImportSENFactsCommand.spec, ConfirmCommand.spec, MigrateCommand.spec, ServeCommand.spec,
        ]
    }

    /// Runs one command line. Exit code 3 if standard output or error could not be written (a full disk, a
    /// closed descriptor), with a message on stderr when stderr still works.
    public static func run(_ args: [String], console: Console,
                           environment: [String: String] = ProcessInfo.processInfo.environment) -> Int32 {
        let code = dispatch(args, console: console, environment: environment)
        if let why = console.outFailure {
            let name = args.first.flatMap { n in commands.first { $0.name == n }?.name }
            console.errLine("atl\(name.map { " " + $0 } ?? ""): cannot write standard output: \(why)")
            return 3
        }
        return console.errFailed ? 3 : code
    }

    /// Checks `ATL_THREADS` (a whole number from 1 to 1024 when set); the message when it is not.
    static func threadsEnvironmentProblem(_ environment: [String: String]) -> String? {
        guard let s = environment["ATL_THREADS"] else { return nil }
        guard let n = Int(s), (1...1024).contains(n) else {
            return "ATL_THREADS must be a whole number from 1 to 1024, got \"\(s.prefix(80))\"; unset it to use the processor count"
        }
        return nil
    }

    static func dispatch(_ args: [String], console: Console, environment: [String: String]) -> Int32 {
        guard let first = args.first else {
            console.err(overview)
            return 1
        }
        if first == "--help" || first == "-h" || first == "help" {
            if args.count > 1, let c = commands.first(where: { $0.name == args[1] }) {
                console.out(c.helpText)
            } else if args.count > 1 {
                console.errLine("atl: unknown command '\(args[1])'")
                console.err(overview)
                return 1
            } else {
                console.out(overview)
            }
            return 0
        }
        if first == "--version" {
            console.line("atl \(version)")
            return 0
        }
        guard let command = commands.first(where: { $0.name == first }) else {
            console.errLine("atl: unknown command '\(first)'")
            console.err(overview)
            return 1
        }
        do {
            let parsed = try ParsedArguments.parse(Array(args.dropFirst()), specs: command.options)
            if parsed.flag("help") {
                console.out(command.helpText)
                return 0
            }
            if let problem = threadsEnvironmentProblem(environment) { throw CLIError.usage(problem) }
            try CommandSupport.checkOutputs(parsed, command: command)
            return try command.run(parsed, console)
        } catch let e as CLIError {
            switch e {
            case .usage(let m):
                console.errLine("atl \(command.name): \(m)")
                console.errLine("usage: \(command.usage)")
                console.errLine("see 'atl \(command.name) --help'")
                return 1
            case .input(let diags):
                return inputErrors(diags, command: command.name, console: console)
            case .failure(let m):
                console.errLine("atl \(command.name): \(m)")
                return 3
            }
        } catch let e as ATLError {
            if e.isOutputFailure {
                for d in e.diagnostics where d.code.isOutputFailure { console.errLine("atl \(command.name): \(d.message)") }
                return 3
            }
            if e.isUsage {
                for d in e.diagnostics { console.errLine("atl \(command.name): \(d.message)") }
                console.errLine("usage: \(command.usage)")
                console.errLine("see 'atl \(command.name) --help'")
                return 1
            }
            return inputErrors(e.diagnostics, command: command.name, console: console)
        } catch {
            console.errLine("atl \(command.name): \(CommandSupport.describe(error))")
            return 3
        }
    }

    /// Prints the diagnostics and the closing "N errors in the input" line; exit code 2.
    static func inputErrors(_ diags: [Diagnostic], command: String, console: Console) -> Int32 {
        for d in diags.sorted() { console.errLine(d.description) }
        let n = max(1, diags.filter { $0.level == .error }.count)
        console.errLine("atl \(command): \(n) error\(n == 1 ? "" : "s") in the input")
        return 2
    }

    public static var overview: String {
        var out = """
            atl \(version) — Advisory Tailored Lists of education settings for children with an EHCP.
            Lists are advisory: a SEND officer reviews every list, and families keep their right to name any school.

            USAGE: atl <command> [options]    (atl <command> --help for details)

            COMMANDS:

            """
        for c in commands { out += "  " + c.name.padding(toLength: 18, withPad: " ", startingAt: 0) + c.abstract + "\n" }
        return out
    }
}

/// Shared helpers for commands.
enum CommandSupport {
    /// Writes `text` to `--output` if given, else to stdout.
    static func emit(_ text: String, to path: String?, console: Console) throws {
        if let path {
            try OutputFile.write(text, to: path)
        } else {
            console.out(text)
        }
    }

    static func write(_ text: String, to path: String) throws {
        try OutputFile.write(text, to: path)
    }

    /// A file error in plain words ("No space left on device"), without Foundation's domain and code.
    static func describe(_ error: any Error) -> String {
        if let e = error as? CLIError {
            switch e {
            case .usage(let m), .failure(let m): return m
            case .input(let d): return d.map(\.description).joined(separator: "; ")
            }
        }
        return FileProblem.describe(error)
    }

    /// Options that name files a command writes; every other path option is read.
    static let outputOptions: Set<String> = ["output", "summary", "summary-json", "lists-dir", "letters", "to-confirm", "to-confirm-csv"]
    /// Output options that name a folder the command writes files into.
    static let folderOutputs: Set<String> = ["lists-dir", "letters"]
    /// Commands whose output is a catalogue folder (they write setting files by design).
    static let catalogueWriters: Set<String> = ["import-gias", "import-schools", "synth-example-la", "synth-national"]

    /// Applies the output path policy (``OutputPolicy``, in ATLData) to a command line before anything is read:
    /// no output inside the catalogue in use or beside setting files, no two outputs the same file (the batch's
    /// `<output>.state` and `<output>.partial` included), no output that is an input. A refusal is a usage error
    /// (exit 1).
    static func checkOutputs(_ args: ParsedArguments, command: CommandSpec) throws {
        var outputs: [OutputPlan.Output] = []
        var inputs: [OutputPlan.Input] = []
        for o in command.options {
            switch o.kind {
            case .flag: continue
            case .value(let valueName):
                if outputOptions.contains(o.name) {
                    guard let v = args.given(o.name) ?? (o.name == "output" ? args.value(o.name) : nil) else { continue }
                    let folder = folderOutputs.contains(o.name) || (catalogueWriters.contains(command.name) && valueName == "dir")
                    outputs.append(.init("--\(o.name)", v, isFolder: folder))
                    if command.name == "batch", o.name == "output" {
                        outputs.append(.init("--output's resume state", v + ".state"))
                        outputs.append(.init("--output's work file", v + ".partial"))
                    }
                } else if ParsedArguments.isPath(valueName) {
                    for v in args.values(o.name).isEmpty ? [args.value(o.name)].compactMap({ $0 }) : args.values(o.name) {
                        inputs.append(.init("--\(o.name)", v))
                    }
                }
            case .positional(let name):
                if let v = args.value(o.name) { inputs.append(.init("<\(name)>", v)) }
            }
        }
        guard !outputs.isEmpty else { return }
        let writesCatalogue = catalogueWriters.contains(command.name)
        let catalogues = !writesCatalogue && command.options.contains(where: { $0.name == "catalogue" })
            ? [args.value("catalogue")].compactMap { $0 } : []
        try OutputPolicy.check(OutputPlan(outputs: outputs, inputs: writesCatalogue ? [] : inputs, catalogues: catalogues,
                                          outputsMayBeCatalogues: writesCatalogue))
    }
}
