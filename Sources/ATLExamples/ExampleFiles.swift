import ATLTestSupport
import Foundation

/// One committed file as the code produces it now.
public struct ProducedFile: Sendable {
    public let path: String
    public let content: Data

    /// Where it differs from the committed file; nil when byte-identical.
    public var difference: FileDifference? {
        FileDifference.first(path: path, expected: FileManager.default.contents(atPath: path), actual: content)
    }
}

/// Produces the committed examples: the files of the manifest's commands and the marked Markdown files.
public enum ExampleFiles {
    /// The committed files of one example, as its commands write them now.
    public static func produce(_ example: Example, runner: ExampleRunner) throws -> [ProducedFile] {
        let result = try runner.run(example.commands, exitCode: example.exitCode)
        return try example.outputs.map { path in
            guard let data = result.files[path] else {
                throw ExampleError("\(example) wrote no \(path) (it wrote \(result.files.keys.sorted().joined(separator: ", ")))")
            }
            return ProducedFile(path: path, content: data)
        }
    }

    /// A Markdown file with every marked block of output as the commands print it now.
    public static func produceMarkdown(_ path: String, runner: ExampleRunner) throws -> ProducedFile {
        guard let data = FileManager.default.contents(atPath: path) else { throw ExampleError("cannot read \(path)") }
        let text = try OutputBlocks.regenerate(String(decoding: data, as: UTF8.self), file: path, runner: runner)
        return ProducedFile(path: path, content: Data(text.utf8))
    }

    /// Every input the examples run: the profiles, cohorts and scenarios named on their command lines, from the
    /// manifest and the Markdown markers (for the check that every file under examples/ has an output).
    public static func inputsNamed() throws -> Set<String> {
        var commands = ExampleManifest.examples.flatMap(\.commands)
        for file in ExampleManifest.markdownFiles {
            guard let data = FileManager.default.contents(atPath: file) else { throw ExampleError("cannot read \(file)") }
            commands += try OutputBlocks.find(in: String(decoding: data, as: UTF8.self), file: file).flatMap(\.commands)
        }
        return Set(commands.flatMap { $0 })
    }
}
