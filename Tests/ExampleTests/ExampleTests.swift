@testable import ATLExamples
import ATLTestSupport
@testable import ATLCLI
import Foundation
import Testing

/// Examples are tests: every committed example output (docs/examples, the shipped synthetic cohort, the
/// README's blocks of real output) is byte-identical to what its command produces now, and every example input
/// has an output. A difference names the file and its first differing line; `swift run atl-examples` (or
/// `ATL_UPDATE_GOLDEN=1 swift test`, which then fails listing what it rewrote) regenerates them.
@Suite struct ExampleTests {
    /// One runner for the whole run, so a chain of commands shared by several examples runs once.
    static let runner = ExampleRunner()

    @Test(arguments: ExampleManifest.examples)
    func committedExampleIsWhatTheCodeProducesNow(_ example: Example) throws {
        try ExampleRunner.requireRepositoryRoot()
        let files = try ExampleFiles.produce(example, runner: Self.runner)
        try Golden.check(files.map { ($0.path, $0.content) })
    }

    @Test(arguments: ExampleManifest.markdownFiles)
    func markedOutputBlocksAreWhatTheCommandsPrintNow(_ file: String) throws {
        try ExampleRunner.requireRepositoryRoot()
        let produced = try ExampleFiles.produceMarkdown(file, runner: Self.runner)
        try Golden.check([(produced.path, produced.content)])
    }

    /// A new example profile or scenario without a committed output fails here.
    @Test func everyExampleProfileAndScenarioHasAnOutput() throws {
        let named = try ExampleFiles.inputsNamed()
        let fm = FileManager.default
        let inputs = try fm.contentsOfDirectory(atPath: Repository.path("examples")).filter { $0.hasSuffix(".profile") }.map { "examples/\($0)" }
            + fm.contentsOfDirectory(atPath: Repository.path("examples/scenarios")).filter { $0.hasSuffix(".scenario") }
                .map { "examples/scenarios/\($0)" }
        #expect(inputs.count >= 9)
        let missing = inputs.filter { !named.contains($0) }.sorted()
        #expect(missing.isEmpty, "no committed example runs \(missing.joined(separator: ", ")); add one to ExampleManifest")
    }

    /// Every file under docs/examples is an example output or one of its inputs, so nothing there goes stale
    /// unchecked.
    @Test func everyFileUnderDocsExamplesIsChecked() throws {
        let outputs = Set(ExampleManifest.examples.flatMap(\.outputs))
        let inputs = try ExampleFiles.inputsNamed()
        let root = Repository.path("docs/examples")
        let files = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? [])
            .map { "docs/examples/\($0)" }
            .filter { var d: ObjCBool = false; return FileManager.default.fileExists(atPath: Repository.path($0), isDirectory: &d) && !d.boolValue }
        let unchecked = files.filter { path in
            !outputs.contains(path) && !inputs.contains(where: { path == $0 || path.hasPrefix($0 + "/") })
                && !path.hasSuffix("/README.md")
        }
        #expect(unchecked.isEmpty, "not produced by any example: \(unchecked.sorted().joined(separator: ", "))")
    }

    /// The golden folders hold exactly the golden files the manifest lists (each written by its test).
    @Test func goldenFilesAreListed() throws {
        var found: Set<String> = []
        for folder in ExampleManifest.goldenFolders {
            for f in try FileManager.default.contentsOfDirectory(atPath: Repository.path(folder)) { found.insert("\(folder)/\(f)") }
        }
        #expect(found == Set(ExampleManifest.goldenFiles.map(\.path)))
    }

    @Test func outputOptionsAgreeWithTheCLI() {
        #expect(ExampleRunner.outputOptions == CommandSupport.outputOptions)
    }
}
