import ATLCore
import Foundation

/// The `atl` command: dispatches to subcommands, maps errors to exit codes.
///
/// Exit codes: 0 success; 1 usage error (unknown option, missing argument); 2 bad input (a file, row, field
/// or profile is malformed — every problem is printed as `file:line: field 'name': message`); 3 the command
/// could not write its output.
public enum ATL {
    public static let version = "0.1.0"

    public static var commands: [CommandSpec] {
        [
            ListCommand.spec, WhyCommand.spec, WeightsCommand.spec, ValidateCommand.spec, AuditCommand.spec, ScenarioCommand.spec,
            ImportSchoolsCommand.spec, ImportGIASCommand.spec, ImportPostcodesCommand.spec,
            BatchCommand.spec, AllocateCommand.spec, SynthCohortCommand.spec, SynthExampleLACommand.spec,
            IndexCommand.spec, SynthNationalCommand.spec,
        ]
    }

    public static func run(_ args: [String], console: Console) -> Int32 {
        guard let first = args.first else {
            console.err(overview)
            return 1
        }
        if first == "--help" || first == "-h" || first == "help" {
            if args.count > 1, let c = commands.first(where: { $0.name == args[1] }) {
                console.out(c.helpText)
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
            return try command.run(parsed, console)
        } catch let e as CLIError {
            switch e {
            case .usage(let m):
                console.errLine("atl \(command.name): \(m)")
                console.errLine("usage: \(command.usage)")
                console.errLine("see 'atl \(command.name) --help'")
                return 1
            case .input(let diags):
                for d in diags.sorted() { console.errLine(d.description) }
                let n = diags.filter { $0.severity == .error }.count
                console.errLine("atl \(command.name): \(n) error\(n == 1 ? "" : "s") in the input")
                return 2
            case .failure(let m):
                console.errLine("atl \(command.name): \(m)")
                return 3
            }
        } catch let d as Diagnostic {
            console.errLine(d.description)
            return 2
        } catch let e as InputError {
            for d in e.diagnostics { console.errLine(d.description) }
            return 2
        } catch {
            console.errLine("atl \(command.name): \(error)")
            return 3
        }
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
    /// Loads a catalogue, printing warnings to stderr; throws the errors.
    static func loadCatalogue(_ root: String, console: Console) throws -> Catalogue {
        let r = CatalogueLoader.load(root: root)
        for w in r.diagnostics where w.severity == .warning { console.errLine(w.description) }
        guard let c = r.catalogue else { throw CLIError.input(r.errors) }
        return c
    }

    /// Writes `text` to `--output` if given, else to stdout.
    static func emit(_ text: String, to path: String?, console: Console) throws {
        if let path {
            try write(text, to: path)
        } else {
            console.out(text)
        }
    }

    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw CLIError.failure("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
