/// The command-line argument parser, written here in place of swift-argument-parser: each subcommand
/// declares its options once, and the same declaration drives parsing, validation and `--help` text.
public struct OptionSpec: Sendable {
    public enum Kind: Sendable, Equatable { case flag, value(String), positional(String) }
    public var name: String
    public var kind: Kind
    public var help: String
    public var required: Bool
    public var repeatable: Bool
    public var defaultValue: String?

    public static func flag(_ name: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, kind: .flag, help: help, required: false, repeatable: false)
    }
    public static func value(_ name: String, _ valueName: String, _ help: String, required: Bool = false,
                             repeatable: Bool = false, default def: String? = nil) -> OptionSpec {
        OptionSpec(name: name, kind: .value(valueName), help: help, required: required, repeatable: repeatable,
                   defaultValue: def)
    }
    public static func positional(_ name: String, _ help: String, required: Bool = true) -> OptionSpec {
        OptionSpec(name: name, kind: .positional(name), help: help, required: required, repeatable: false)
    }
}

/// A subcommand: name, one-line abstract, longer discussion, options and the function that runs it.
public struct CommandSpec: Sendable {
    public var name: String
    public var abstract: String
    public var discussion: String
    public var options: [OptionSpec]
    public var run: @Sendable (ParsedArguments, Console) throws -> Int32

    public init(name: String, abstract: String, discussion: String = "", options: [OptionSpec],
                run: @escaping @Sendable (ParsedArguments, Console) throws -> Int32) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.options = options + [.flag("help", "Show this help.")]
        self.run = run
    }

    public var usage: String {
        var parts = ["atl", name]
        for o in options where o.name != "help" {
            switch o.kind {
            case .flag: parts.append("[--\(o.name)]")
            case .value(let v):
                let s = "--\(o.name) <\(v)>"
                parts.append(o.required ? s : "[\(s)]")
            case .positional(let v): parts.append(o.required ? "<\(v)>" : "[<\(v)>]")
            }
        }
        return parts.joined(separator: " ")
    }

    public var helpText: String {
        var out = "OVERVIEW: \(abstract)\n\n"
        if !discussion.isEmpty { out += discussion + "\n\n" }
        out += "USAGE: \(usage)\n\n"
        let positionals = options.filter { if case .positional = $0.kind { true } else { false } }
        if !positionals.isEmpty {
            out += "ARGUMENTS:\n"
            for o in positionals { out += "  <\(o.name)>".padding(toLength: 28, withPad: " ", startingAt: 0) + o.help + "\n" }
            out += "\n"
        }
        out += "OPTIONS:\n"
        for o in options {
            let lhs: String
            switch o.kind {
            case .flag: lhs = "  --\(o.name)"
            case .value(let v): lhs = "  --\(o.name) <\(v)>"
            case .positional: continue
            }
            var help = o.help
            if let d = o.defaultValue { help += " (default: \(d))" }
            if o.repeatable { help += " (repeatable)" }
            let pad = lhs.count >= 28 ? lhs + "\n" + String(repeating: " ", count: 28) : lhs.padding(toLength: 28, withPad: " ", startingAt: 0)
            out += pad + help + "\n"
        }
        return out
    }
}

/// Parsed values for one command invocation.
public struct ParsedArguments: Sendable {
    public var values: [String: [String]] = [:]
    public var flags: Set<String> = []
    let specs: [OptionSpec]

    public func flag(_ name: String) -> Bool { flags.contains(name) }
    public func value(_ name: String) -> String? {
        values[name]?.last ?? specs.first { $0.name == name }?.defaultValue
    }
    public func values(_ name: String) -> [String] { values[name] ?? [] }
    /// The value given on the command line, nil when the option was left at its default.
    public func given(_ name: String) -> String? { values[name]?.last }

    public func int(_ name: String, min: Int? = nil, max: Int? = nil) throws -> Int? {
        guard let v = value(name) else { return nil }
        guard let i = Int(v) else { throw CLIError.usage("--\(name) expects a whole number, got \"\(v)\"") }
        if let min, i < min { throw CLIError.usage("--\(name) must be at least \(min), got \(i)") }
        if let max, i > max { throw CLIError.usage("--\(name) must be at most \(max), got \(i)") }
        return i
    }

    public func double(_ name: String, min: Double? = nil) throws -> Double? {
        guard let v = value(name) else { return nil }
        guard let d = Double(v), d.isFinite else { throw CLIError.usage("--\(name) expects a number, got \"\(v)\"") }
        if let min, d < min { throw CLIError.usage("--\(name) must be at least \(min), got \(v)") }
        return d
    }

    public func choice<E: RawRepresentable & CaseIterable>(_ name: String, _ type: E.Type) throws -> E?
    where E.RawValue == String {
        guard let v = value(name) else { return nil }
        guard let e = E(rawValue: v.lowercased()) else {
            throw CLIError.usage("--\(name) must be one of \(E.allCases.map(\.rawValue).joined(separator: ", ")); got \"\(v)\"")
        }
        return e
    }

    public func required(_ name: String) throws -> String {
        guard let v = value(name) else { throw CLIError.usage("missing --\(name)") }
        return v
    }

    /// True for value names of options that take a file or folder path (an empty path is a usage error).
    static func isPath(_ valueName: String) -> Bool {
        ["file", "path", "dir", "csv", "jsonl"].contains { valueName.contains($0) }
    }

    /// Parses `args` (after the subcommand name) against `specs`.
    public static func parse(_ args: [String], specs: [OptionSpec]) throws -> ParsedArguments {
        var p = ParsedArguments(specs: specs)
        var positionals = specs.filter { if case .positional = $0.kind { true } else { false } }
        var i = 0
        while i < args.count {
            let a = args[i]
            if a.hasPrefix("--") && a.count > 2 {
                var name = String(a.dropFirst(2))
                var inline: String?
                if let eq = name.firstIndex(of: "=") {
                    inline = String(name[name.index(after: eq)...])
                    name = String(name[..<eq])
                }
                guard let spec = specs.first(where: { $0.name == name }) else {
                    let close = specs.map(\.name).filter { $0.hasPrefix(String(name.prefix(3))) }
                    throw CLIError.usage("unknown option --\(name)" + (close.isEmpty ? "" : "; did you mean --\(close[0])?"))
                }
                switch spec.kind {
                case .flag:
                    if inline != nil { throw CLIError.usage("--\(name) takes no value") }
                    p.flags.insert(name)
                case .value(let valueName):
                    let v: String
                    if let inline { v = inline } else {
                        guard i + 1 < args.count else { throw CLIError.usage("--\(name) needs a value") }
                        i += 1
                        v = args[i]
                    }
                    if v.isEmpty, isPath(valueName) { throw CLIError.usage("--\(name) needs a \(valueName), got an empty value") }
                    if !spec.repeatable, p.values[name] != nil {
                        throw CLIError.usage("--\(name) given more than once")
                    }
                    p.values[name, default: []].append(v)
                case .positional: break
                }
            } else if a == "-h" {
                p.flags.insert("help")
            } else {
                guard !positionals.isEmpty else { throw CLIError.usage("unexpected argument \"\(a)\"") }
                let spec = positionals.removeFirst()
                if a.isEmpty { throw CLIError.usage("<\(spec.name)> is empty") }
                p.values[spec.name] = [a]
            }
            i += 1
        }
        if !p.flags.contains("help") {
            for s in specs where s.required && p.values[s.name] == nil {
                if case .positional = s.kind { throw CLIError.usage("missing <\(s.name)>") }
                throw CLIError.usage("missing --\(s.name)")
            }
        }
        return p
    }
}

/// Errors that map onto the CLI's exit codes: 1 for usage, 2 for bad input.
public enum CLIError: Error, Sendable {
    case usage(String)
    case input([Diagnostic])
    case failure(String)
}

import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import ATLSynthetic
import ATLRender
import Foundation
