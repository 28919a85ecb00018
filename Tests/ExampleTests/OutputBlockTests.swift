@testable import ATLExamples
import ATLTestSupport
import Foundation
import Testing

/// The `<!-- example … -->` markers: parsing, and cutting the output the way the README shows it.
@Suite struct OutputBlockTests {
    static func result(_ out: String, terminal: String? = nil, files: [String: String] = [:]) -> ChainResult {
        ChainResult(outcomes: [CommandOutcome(arguments: [], code: 0, out: out, err: "", terminal: terminal ?? out)],
                    files: files.mapValues { Data($0.utf8) })
    }

    @Test func markerOptionsAndCommandsParse() throws {
        let text = """
            intro
            <!-- example lines=2 width=5 vary="loaded in * s" stderr exit=2: atl synth-cohort --la 999 --output c.csv && atl batch --cohort c.csv -->
            ```
            a
            ```
            <!-- example from="| Group |" lines=2 file=s.md: atl weights -->
            | Group | x |
            |---|---|
            """
        let blocks = try OutputBlocks.find(in: text, file: "R.md")
        #expect(blocks.count == 2)
        let a = blocks[0], b = blocks[1]
        #expect(a.commands == [["synth-cohort", "--la", "999", "--output", "c.csv"], ["batch", "--cohort", "c.csv"]])
        #expect(a.fenced && a.content == 3..<4 && a.lines == 2 && a.width == 5 && a.terminal && a.exitCode == 2)
        #expect(a.vary == ["loaded in * s"] && a.markerLine == 2)
        #expect(!b.fenced && b.content == 6..<8 && b.from == "| Group |" && b.outputFile == "s.md")
    }

    @Test func badMarkersNameTheirLine() {
        for bad in ["<!-- example: weights -->", "<!-- example lines=x: atl weights -->\n```\n```", "<!-- example: atl weights -->\ntext",
                    "<!-- example colour=red: atl weights -->\n```\n```", "<!-- example: atl weights\n```\n```"] {
            #expect(throws: ExampleError.self, "\(bad)") { try OutputBlocks.find(in: "x\n" + bad, file: "R.md") }
            do { _ = try OutputBlocks.find(in: "x\n" + bad, file: "R.md") } catch { #expect("\(error)".hasPrefix("R.md:2: "), "\(error)") }
        }
    }

    @Test func linesTailAndWidthCutTheOutput() throws {
        let marker = "<!-- example lines=2 tail=1 width=4: atl weights -->\n```\nold\n```"
        let block = try #require(try OutputBlocks.find(in: marker, file: "R.md").first)
        let shown = try OutputBlocks.render(block, Self.result("one\ntwo and more\nthree\nfour\n"), committed: [])
        #expect(shown == ["one", "two …", "…", "four"])
        let whole = try #require(try OutputBlocks.find(in: "<!-- example: atl weights -->\n```\n```", file: "R.md").first)
        #expect(try OutputBlocks.render(whole, Self.result("one\ntwo\n"), committed: []) == ["one", "two"])
    }

    @Test func unfencedBlocksTakeExactlyTheirLinesFromAFile() throws {
        let text = "<!-- example file=s.md from=\"| G\" lines=2: atl batch -->\n| G |\n|---|\nafter"
        let block = try #require(try OutputBlocks.find(in: text, file: "R.md").first)
        let r = Self.result("", files: ["s.md": "# Summary\n\n| G |\n|---|\n| 1 |\n"])
        #expect(try OutputBlocks.render(block, r, committed: []) == ["| G |", "|---|"])
        #expect(throws: ExampleError.self) { try OutputBlocks.render(block, Self.result("", files: ["s.md": "| G |\n"]), committed: []) }
        #expect(throws: ExampleError.self) { try OutputBlocks.render(block, Self.result(""), committed: []) }
    }

    @Test func varyingLinesKeepTheCommittedFigures() throws {
        let block = try #require(try OutputBlocks.find(in: "<!-- example stderr vary=\"loaded in * s\": atl validate -->\n```\n```",
                                                       file: "R.md").first)
        let r = Self.result("", terminal: "3 settings\nloaded in 0.952 s\n")
        #expect(try OutputBlocks.render(block, r, committed: ["3 settings", "loaded in 0.148 s"]) == ["3 settings", "loaded in 0.148 s"])
        // Only the marked line may vary.
        #expect(try OutputBlocks.render(block, r, committed: ["4 settings", "loaded in 0.148 s"]) == ["3 settings", "loaded in 0.148 s"])
        #expect(OutputBlocks.matches("a * b * c", "a 1 b 22 c") && !OutputBlocks.matches("a * b", "a 1 c") && OutputBlocks.matches("x*", "x"))
    }

    @Test func aDifferenceNamesTheFileAndFirstDifferingLine() throws {
        let d = try #require(FileDifference.first(path: "docs/x.md", expected: Data("a\nb\nc\n".utf8), actual: Data("a\nB\nc\n".utf8)))
        #expect(d.line == 2 && d.expected == "b" && d.actual == "B")
        #expect(d.description.hasPrefix("docs/x.md differs from what the code produces now, first at line 2:\n  expected: b\n  actual:   B"))
        let longer = try #require(FileDifference.first(path: "f", expected: Data("a\n".utf8), actual: Data("a\nb\n".utf8)))
        #expect(longer.line == 2 && longer.expected == "" && longer.actual == "b")
        let crlf = try #require(FileDifference.first(path: "f", expected: Data("a\r\n".utf8), actual: Data("a\n".utf8)))
        #expect(crlf.description.contains("\"a\\r\""), "an invisible difference is shown escaped: \(crlf)")
        #expect(FileDifference.first(path: "f", expected: Data("same".utf8), actual: Data("same".utf8)) == nil)
        #expect(FileDifference.first(path: "f", expected: nil, actual: Data("new".utf8))?.committedFileExists == false)
    }

    /// ATL_UPDATE_GOLDEN=1 writes the files that differ and still fails, listing them; otherwise nothing is written.
    @Test func updatingGoldenFilesWritesThemAndFails() throws {
        let t = try TemporaryFolder("golden")
        let path = try t.write("g.txt", "old\n")
        #expect(throws: GoldenMismatch.self) { try Golden.check([(path, Data("new\n".utf8))], update: false) }
        #expect(t.read("g.txt") == "old\n")
        do {
            try Golden.check([(path, Data("new\n".utf8)), (t.path("same.txt"), Data())], update: true)
            Issue.record("an update must fail the run")
        } catch let e as GoldenMismatch {
            #expect(e.rewritten == [path] || e.rewritten.count == 2)
            #expect("\(e)".contains("ATL_UPDATE_GOLDEN=1 rewrote") && "\(e)".contains(path))
        }
        #expect(t.read("g.txt") == "new\n")
        try Golden.check([(path, Data("new\n".utf8))], update: true)
    }
}
