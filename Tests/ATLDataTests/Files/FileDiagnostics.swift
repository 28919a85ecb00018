import ATLTestSupport
@testable import ATLModel
@testable import ATLData
import Foundation
import Testing

/// Every diagnostic of the input policy (``InputFile``), the output path policy (``OutputPolicy``) and the
/// durable writer (``OutputFile``), one test per site.
@Suite struct FileDiagnostics {
    func check<T>(_ row: DiagnosticRow, _ r: Result<T, ATLError>, file: String) {
        #expect(row.mismatch(in: r, file: file) == nil, "\(row.mismatch(in: r, file: file) ?? "")")
    }

    // MARK: Inputs

    @Test func inputNotFoundFolderDeviceFIFO() throws {
        let t = try TemporaryFolder("in")
        check(DiagnosticRow("input.not-found", line: nil, says: "profile not found"),
              attempt { try InputFile.read(t.path("nope"), what: "profile", limit: 100) }, file: t.path("nope"))
        check(DiagnosticRow("input.is-folder", line: nil, says: "is a folder, not a profile"),
              attempt { try InputFile.read(t.path, what: "profile", limit: 100) }, file: t.path)
        check(DiagnosticRow("input.is-folder", line: nil), attempt { try InputFile.checkRegularFile(t.path, what: "cohort file") }, file: t.path)
        let f = try t.write("f.txt", "x")
        check(DiagnosticRow("input.not-a-folder", line: nil), attempt { try InputFile.checkFolder(f, what: "catalogue folder") }, file: f)
        check(DiagnosticRow("input.not-regular-file", line: nil, says: "character device"),
              attempt { try InputFile.read("/dev/zero", what: "cohort file", limit: 100) }, file: "/dev/zero")
        #expect(mkfifo(t.path("fifo"), 0o644) == 0)
        // A pipe with no writer would block an ordinary open: this returns at once.
        check(DiagnosticRow("input.not-regular-file", line: nil, says: "pipe"),
              attempt { try InputFile.openForStreaming(t.path("fifo"), what: "cohort file") }, file: t.path("fifo"))
    }

    @Test func inputTooLargeAndUnreadable() throws {
        let t = try TemporaryFolder("in")
        let big = t.path("big.profile")
        FileManager.default.createFile(atPath: big, contents: nil)
        let h = try #require(FileHandle(forWritingAtPath: big))
        try h.truncate(atOffset: UInt64(InputFile.Limit.profile + 1))
        try h.close()
        check(DiagnosticRow("input.too-large", line: nil, says: "1 MiB"),
              attempt { try InputFile.read(big, what: "profile", limit: InputFile.Limit.profile) }, file: big)
        let long = t.path(String(repeating: "x", count: 300))
        check(DiagnosticRow("input.unreadable", line: nil, says: "too long"),
              attempt { try InputFile.read(long, what: "profile", limit: 100) }, file: long)
    }

    // MARK: Output paths

    func plan(_ outputs: [OutputPlan.Output], inputs: [OutputPlan.Input] = [], catalogues: [String] = []) -> Result<Void, ATLError> {
        attempt { try OutputPolicy.check(OutputPlan(outputs: outputs, inputs: inputs, catalogues: catalogues)) }
    }

    @Test func outputsInsideACatalogue() throws {
        let t = try TemporaryFolder("out")
        try t.write("cat/la/a.setting.md", "x")
        let cat = t.path("cat")
        check(DiagnosticRow("usage.output-in-catalogue", line: nil, field: "--output"),
              plan([.init("--output", cat + "/list.md")], catalogues: [cat]), file: cat + "/list.md")
        // Through '..' and through a symbolic link to the folder.
        let dotted = t.path("elsewhere/../cat/x.md")
        check(DiagnosticRow("usage.output-in-catalogue", line: nil, field: "--output"), plan([.init("--output", dotted)], catalogues: [cat]), file: dotted)
        try FileManager.default.createSymbolicLink(atPath: t.path("link"), withDestinationPath: cat)
        check(DiagnosticRow("usage.output-in-catalogue", line: nil, field: "--summary"),
              plan([.init("--summary", t.path("link/s.md"))], catalogues: [cat]), file: t.path("link/s.md"))
        // Beside setting files of a catalogue not in use.
        check(DiagnosticRow("usage.output-in-catalogue", line: nil, field: "--output", says: "holds setting files"),
              plan([.init("--output", cat + "/la/list.md")]), file: cat + "/la/list.md")
        // A link to a setting file, and a setting-file name anywhere.
        try FileManager.default.createSymbolicLink(atPath: t.path("to-setting"), withDestinationPath: cat + "/la/a.setting.md")
        check(DiagnosticRow("usage.output-is-setting-file", line: nil, field: "--output"), plan([.init("--output", t.path("to-setting"))]), file: t.path("to-setting"))
        check(DiagnosticRow("usage.output-is-setting-file", line: nil, field: "--output"), plan([.init("--output", t.path("new.setting.md"))]), file: t.path("new.setting.md"))
    }

    @Test func outputsCollideWithEachOtherAndWithInputs() throws {
        let t = try TemporaryFolder("out")
        let out = t.path("out.jsonl")
        check(DiagnosticRow("usage.outputs-collide", line: nil, field: "--summary"),
              plan([.init("--output", out), .init("--summary", t.path("x/../out.jsonl"))]), file: t.path("x/../out.jsonl"))
        check(DiagnosticRow("usage.outputs-collide", line: nil, field: "--summary"),
              plan([.init("--output", out), .init("the resume state", out + ".state"), .init("--summary", out + ".state")]), file: out + ".state")
        check(DiagnosticRow("usage.output-inside-output-folder", line: nil, field: "--summary"),
              plan([.init("--lists-dir", t.path("lists"), isFolder: true), .init("--summary", t.path("lists/s.md"))]), file: t.path("lists/s.md"))
        check(DiagnosticRow("usage.output-inside-output-folder", line: nil, field: "--summary"),
              plan([.init("--summary", t.path("lists/s.md")), .init("--lists-dir", t.path("lists"), isFolder: true)]), file: t.path("lists/s.md"))
        let cohort = try t.write("cohort.csv", "x")
        try FileManager.default.linkItem(atPath: cohort, toPath: t.path("hard-link.csv"))
        check(DiagnosticRow("usage.output-is-input", line: nil, field: "--output"),
              plan([.init("--output", t.path("hard-link.csv"))], inputs: [.init("--cohort", cohort)]), file: t.path("hard-link.csv"))
    }

    // MARK: Writing

    @Test func outputFileFailures() throws {
        let t = try TemporaryFolder("out")
        check(DiagnosticRow("output.empty-path", line: nil), attempt { try OutputFile.write("x", to: "") }, file: "")
        check(DiagnosticRow("output.is-folder", line: nil), attempt { try OutputFile.write("x", to: t.path) }, file: t.path)
        check(DiagnosticRow("output.is-folder", line: nil), attempt { try OutputFile.checkWritable(t.path, label: "--summary") }, file: t.path)
        let file = try t.write("file", "x")
        check(DiagnosticRow("output.cannot-create-folder", line: nil, says: "is not a folder"),
              attempt { try OutputFile.write("x", to: file + "/sub/out.md") }, file: file + "/sub/out.md")
        check(DiagnosticRow("output.cannot-create-folder", line: nil, says: "cannot create the folder"),
              attempt { try OutputFile.write("x", to: "/proc/atl-test/out.md") }, file: "/proc/atl-test/out.md")
        check(DiagnosticRow("output.cannot-create-folder", line: nil, says: "it is a file"),
              attempt { try OutputFile.checkWritableFolder(file, label: "--lists-dir") }, file: file)
        check(DiagnosticRow("output.cannot-write", line: nil, says: "No space left on device"),
              attempt { try OutputFile.write("x", to: "/dev/full") }, file: "/dev/full")
        check(DiagnosticRow("output.cannot-write", line: nil, says: "temporary file"),
              attempt { try OutputFile.write("x", to: "/proc/version") }, file: "/proc/version")
        // A work file another run holds is refused, not shared.
        let work = t.path("out.jsonl.partial")
        let held = try OutputFile.createForAppending(work)
        check(DiagnosticRow("output.in-use", line: nil), attempt { try OutputFile.openForAppending(work, at: 0) }, file: work)
        _ = held
    }
}
