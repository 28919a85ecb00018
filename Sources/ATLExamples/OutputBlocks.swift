import Foundation

/// A block of real output in a Markdown file (README.md), marked by an HTML comment on the line before it:
///
///     <!-- example: atl why --profile examples/asd-slcn-year7.profile --setting 9000002 --date 2026-11-23 -->
///     <!-- example lines=8 width=200: atl list … -->
///     <!-- example file=summary.md from="| Group |" lines=3: atl synth-cohort … --output cohort.csv && atl batch … -->
///
/// The comment does not show when the Markdown is read. The block under it is either a fenced code block (the
/// output of the last command) or, unfenced, exactly `lines` lines of Markdown (a table cut from the output).
///
/// Options, before the colon:
/// - `lines=N`: show only the first N lines; a fenced block then ends with a `…` line when there was more.
/// - `tail=N`: after that `…`, show the last N lines too.
/// - `from="text"`: start at the first line that begins with `text`.
/// - `width=N`: cut a longer line to N characters and `…`.
/// - `file=path`: show a file the commands wrote instead of standard output.
/// - `stderr`: show standard output and error together, as a terminal does.
/// - `vary="pattern"`: lines matching the pattern (`*` stands for any text) hold figures that change from run
///   to run (a time, a rate); they count as equal when both the committed and the produced line match, and the
///   committed line is kept. Repeatable.
/// - `exit=N`: the exit code the commands end with (default 0).
public struct OutputBlock: Sendable {
    public let file: String
    /// The marker's line number (from 1).
    public let markerLine: Int
    public let commands: [[String]]
    public let fenced: Bool
    /// The block's content lines, as indices into the file's lines.
    public let content: Range<Int>
    public var lines: Int?
    public var tail: Int?
    public var width: Int?
    public var from: String?
    public var outputFile: String?
    public var terminal = false
    public var vary: [String] = []
    public var exitCode: Int32 = 0

    /// The commands as the marker gives them.
    public var commandLine: String { commands.map { (["atl"] + $0).joined(separator: " ") }.joined(separator: " && ") }
}

public enum OutputBlocks {
    static let markerStart = "<!-- example"

    /// Every marked block in `text` (the contents of `file`), in order.
    public static func find(in text: String, file: String) throws -> [OutputBlock] {
        let lines = lines(of: text)
        var out: [OutputBlock] = []
        for (i, line) in lines.enumerated() where line.hasPrefix(markerStart) {
            let here = "\(file):\(i + 1)"
            guard line.hasSuffix("-->") else { throw ExampleError("\(here): an example marker must end with --> on the same line") }
            let body = String(line.dropFirst(markerStart.count).dropLast(3))
            guard let colon = unquotedColon(body) else { throw ExampleError("\(here): an example marker needs ': atl …'") }
            let options = try optionWords(String(body[..<colon]), at: here)
            let commandText = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            let commands = commandText.components(separatedBy: " && ").map { Example.arguments($0) }
            guard commandText.hasPrefix("atl "), !commands.contains(where: \.isEmpty) else {
                throw ExampleError("\(here): the marker's commands must each start with 'atl'")
            }
            var block: OutputBlock
            let next = i + 1
            if next < lines.count, lines[next].hasPrefix("```") {
                guard let close = lines[(next + 1)...].firstIndex(where: { $0.hasPrefix("```") }) else {
                    throw ExampleError("\(here): the fenced block under the marker is not closed")
                }
                block = OutputBlock(file: file, markerLine: i + 1, commands: commands, fenced: true, content: (next + 1)..<close)
            } else {
                guard let n = options.first(where: { $0.key == "lines" }).flatMap({ Int($0.value) }), n > 0 else {
                    throw ExampleError("\(here): an unfenced block needs lines=N (how many lines under the marker are output)")
                }
                guard next + n <= lines.count else { throw ExampleError("\(here): the file ends before the block's \(n) lines") }
                block = OutputBlock(file: file, markerLine: i + 1, commands: commands, fenced: false, content: next..<(next + n))
            }
            for (key, value) in options {
                func number() throws -> Int {
                    guard let n = Int(value), n >= 0 else { throw ExampleError("\(here): \(key) expects a whole number, got \"\(value)\"") }
                    return n
                }
                switch key {
                case "lines": block.lines = try number()
                case "tail": block.tail = try number()
                case "width": block.width = try number()
                case "exit": block.exitCode = Int32(try number())
                case "from": block.from = value
                case "file": block.outputFile = value
                case "vary": block.vary.append(value)
                case "stderr": block.terminal = true
                default: throw ExampleError("\(here): unknown marker option '\(key)'")
                }
            }
            if !block.fenced && block.tail != nil { throw ExampleError("\(here): tail= needs a fenced block (it follows a … line)") }
            out.append(block)
        }
        return out
    }

    /// The block's lines as the commands produce them now, given the lines committed in it (for `vary`).
    public static func render(_ block: OutputBlock, _ result: ChainResult, committed: [String]) throws -> [String] {
        let here = "\(block.file):\(block.markerLine)"
        let text: String
        if let file = block.outputFile {
            guard let data = result.files[file] else { throw ExampleError("\(here): the commands wrote no file \(file)") }
            text = String(decoding: data, as: UTF8.self)
        } else {
            let last = result.outcomes.last!
            text = block.terminal ? last.terminal : last.out
        }
        // Lines as a terminal shows them: a CSV's \r\n line ends are plain line ends.
        var all = lines(of: text).map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
        if all.last == "" { all.removeLast() }
        var start = 0
        if let from = block.from {
            guard let i = all.firstIndex(where: { $0.hasPrefix(from) }) else {
                throw ExampleError("\(here): no line of the output begins with \"\(from)\"")
            }
            start = i
        }
        let end = block.lines.map { min(all.count, start + $0) } ?? all.count
        var shown = Array(all[start..<end])
        if !block.fenced && shown.count != block.content.count {
            throw ExampleError("\(here): the output has \(shown.count) lines from there, the block \(block.content.count)")
        }
        if block.fenced && end < all.count {
            shown.append("…")
            if let n = block.tail { shown += all[max(end, all.count - n)...] }
        }
        if let w = block.width {
            shown = shown.map { $0.count > w ? String($0.prefix(w)) + "…" : $0 }
        }
        for (i, line) in shown.enumerated() where i < committed.count && line != committed[i] {
            if block.vary.contains(where: { matches($0, line) && matches($0, committed[i]) }) { shown[i] = committed[i] }
        }
        return shown
    }

    /// `text` (the contents of `file`) with every marked block replaced by what its commands produce now.
    public static func regenerate(_ text: String, file: String, runner: ExampleRunner) throws -> String {
        var lines = lines(of: text)
        // From the last block up, so the earlier blocks' line ranges stay valid.
        for block in try find(in: text, file: file).reversed() {
            let result = try runner.run(block.commands, exitCode: block.exitCode)
            let committed = Array(lines[block.content])
            lines.replaceSubrange(block.content, with: try render(block, result, committed: committed))
        }
        return lines.joined(separator: "\n")
    }

    /// The lines of `text`, split at `\n` only (a Swift `Character` would keep `\r\n` together); a final
    /// newline gives a last empty line.
    static func lines(of text: String) -> [String] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    /// True when `line` matches `pattern`, where `*` stands for any text (also none).
    public static func matches(_ pattern: String, _ line: String) -> Bool {
        let parts = pattern.components(separatedBy: "*")
        guard parts.count > 1 else { return pattern == line }
        guard line.hasPrefix(parts[0]) else { return false }
        var rest = line.dropFirst(parts[0].count)
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let r = rest.range(of: part) else { return false }
            rest = rest[r.upperBound...]
        }
        return rest.hasSuffix(parts.last!)
    }

    /// The colon that ends the options (not one inside a quoted value).
    static func unquotedColon(_ s: String) -> String.Index? {
        var quoted = false
        for i in s.indices {
            if s[i] == "\"" { quoted.toggle() } else if s[i] == ":" && !quoted { return i }
        }
        return nil
    }

    /// `key=value`, `key="quoted value"` and bare `key` words.
    static func optionWords(_ s: String, at here: String) throws -> [(key: String, value: String)] {
        var out: [(key: String, value: String)] = []
        var rest = Substring(s)
        while true {
            rest = rest.drop { $0 == " " }
            guard !rest.isEmpty else { return out }
            let key = rest.prefix { $0 != "=" && $0 != " " }
            rest = rest.dropFirst(key.count)
            guard rest.first == "=" else { out.append((String(key), "")); continue }
            rest = rest.dropFirst()
            if rest.first == "\"" {
                rest = rest.dropFirst()
                guard let close = rest.firstIndex(of: "\"") else { throw ExampleError("\(here): unclosed quote in option \(key)") }
                out.append((String(key), String(rest[..<close])))
                rest = rest[rest.index(after: close)...]
            } else {
                let value = rest.prefix { $0 != " " }
                out.append((String(key), String(value)))
                rest = rest.dropFirst(value.count)
            }
        }
    }
}
