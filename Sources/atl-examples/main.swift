import ATLExamples
import Foundation

/// `atl-examples`: regenerates every committed example output (docs/examples, examples/cohort-example-la.csv,
/// the README's blocks of real output) in place, running each command in process with the pinned date and
/// seeds, and prints the files that changed. `--check` compares only and exits 1 on a difference, naming the
/// file and its first differing line. Run it anywhere in the repository (`swift run atl-examples`).
let usage = """
    usage: swift run atl-examples [--check] [--time]
      (no option)  rewrite every committed example that differs from what the code produces now; list them
      --check      compare only; exit 1 naming each file that differs and its first differing line
      --time       also print how long each example took, slowest first (on standard error)
    """

let args = Array(CommandLine.arguments.dropFirst())
guard Set(args).isSubset(of: ["--check", "--time"]) else {
    let help = args.contains("--help") || args.contains("-h")
    if !help { FileHandle.standardError.write(Data("atl-examples: unknown option\n".utf8)) }
    print(usage)
    exit(help ? 0 : 2)
}
let checkOnly = args.contains("--check")
let timing = args.contains("--time")
var timings: [(String, Double)] = []

/// Runs `body`, noting how long it took under `name` when --time is given.
@MainActor func timed<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
    let start = Date()
    defer { if timing { timings.append((name, Date().timeIntervalSince(start))) } }
    return try body()
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("atl-examples: \(message)\n".utf8))
    exit(2)
}

// Run from anywhere in the repository: move to its root, where the commands' relative paths resolve.
var folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("docs/examples").path), folder.path != "/" {
    folder.deleteLastPathComponent()
}
_ = FileManager.default.changeCurrentDirectoryPath(folder.path)  // if it fails, requireRepositoryRoot says so
do { try ExampleRunner.requireRepositoryRoot() } catch { fail("\(error)") }

let runner = ExampleRunner()
var changed: [String] = []
var differences: [String] = []
var count = 0

/// Compares one produced file with the committed one; rewrites it unless checking.
@MainActor func settle(_ file: ProducedFile) throws {
    count += 1
    guard let difference = file.difference else { return }
    if checkOnly {
        differences.append(difference.description)
    } else {
        let url = URL(fileURLWithPath: file.path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try file.content.write(to: url, options: .atomic)
        changed.append(file.path)
    }
}

do {
    // In manifest order: a later command reads the committed output of an earlier one.
    for example in ExampleManifest.examples {
        for file in try timed(example.description, { try ExampleFiles.produce(example, runner: runner) }) { try settle(file) }
    }
    for markdown in ExampleManifest.markdownFiles {
        try settle(try timed(markdown, { try ExampleFiles.produceMarkdown(markdown, runner: runner) }))
    }
} catch {
    fail("\(error)")
}

for (name, seconds) in timings.sorted(by: { $0.1 > $1.1 }) {
    FileHandle.standardError.write(Data(String(format: "%7.2f s  %@\n", seconds, name).utf8))
}
let goldens = ExampleManifest.goldenFiles.count
let note = "(\(goldens) golden files of the renderers are written by their tests: ATL_UPDATE_GOLDEN=1 swift test)"
if checkOnly {
    if differences.isEmpty {
        print("atl-examples: all \(count) example files are what the code produces now \(note)")
        exit(0)
    }
    print(differences.joined(separator: "\n"))
    print("atl-examples: \(differences.count) of \(count) example files differ; run `swift run atl-examples` to rewrite them, then review `git diff`")
    exit(1)
}
for path in changed { print(path) }
print("atl-examples: \(changed.count) of \(count) example files changed \(note)")
