import ATLTestSupport
import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import ATLRender
import Foundation
import Testing
@testable import ATLCLI

/// Where commands write: a standard output or error that fails is exit 3 with a message (never a crash);
/// `--output` writes through symbolic links and into FIFOs; an output that is one of the command's inputs is
/// refused; file errors are in plain words. (Comment numbers: the first tester's CLI report, main 9b685dc.)
@Suite struct OutputWritingTests {
    struct DiskFull: Error {}

    // #1: a failed write to stdout or stderr is exit 3 with a message, never a crash.
    @Test func unwritableStandardOutputIsExit3WithAMessage() {
        let err = CapturingConsole()
        let full = Console(out: { _ in throw POSIXError(.ENOSPC) }, err: { s in err.console.err(s) })
        #expect(ATL.run(["--version"], console: full, environment: [:]) == 3)
        #expect(err.err.contains("atl: cannot write standard output: No space left on device"), "\(err.err)")

        let err2 = CapturingConsole()
        let full2 = Console(out: { _ in throw POSIXError(.ENOSPC) }, err: { s in err2.console.err(s) })
        #expect(ATL.run(["weights"], console: full2, environment: [:]) == 3)
        #expect(err2.err.contains("atl weights: cannot write standard output: No space left on device"), "\(err2.err)")

        // stderr failing too: exit 3, quietly.
        let none = Console(out: { _ in throw DiskFull() }, err: { _ in throw DiskFull() })
        #expect(ATL.run(["--help"], console: none, environment: [:]) == 3)
        let noErr = Console(out: { _ in }, err: { _ in throw DiskFull() })
        #expect(ATL.run(["list"], console: noErr, environment: [:]) == 3)
    }

    // #4: --output writes through a symbolic link and into a FIFO instead of replacing them.
    @Test func outputFollowsSymlinksAndWritesIntoSpecialFiles() throws {
        let t = try TemporaryFolder()
        let target = try t.write("real.conf", "original\n")
        try FileManager.default.createSymbolicLink(atPath: t.path("link.conf"), withDestinationPath: target)
        let r = atl(["weights", "--output", t.path("link.conf")])
        #expect(r.code == 0, "\(r.err)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: t.path("link.conf")) == target)
        #expect(t.read("real.conf").contains("list.size"), "the link's target gets the text")

        let fifo = t.path("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let f = atl(["weights", "--output", fifo])
        #expect(f.code == 0, "\(f.err)")
        var st = stat()
        #expect(lstat(fifo, &st) == 0 && st.st_mode & S_IFMT == S_IFIFO, "the FIFO is still a FIFO")
        var buf = [UInt8](repeating: 0, count: 65536)
        let n = read(reader, &buf, buf.count)
        #expect(n > 0 && String(decoding: buf.prefix(max(n, 0)), as: UTF8.self).contains("list.size"))
    }

    // #5: an output path that is an input file is a usage error, and the input is left alone.
    @Test func anOutputThatIsAnInputIsRefused() throws {
        let t = try TemporaryFolder()
        let w = try t.write("w.conf", Weights.defaults.render())
        let cohort = try t.write("c.csv", "reference,primary-need\nX-1,ASD\n")
        for args in [["--output", cohort], ["--output", t.path("o.jsonl"), "--summary", cohort],
                     ["--output", t.path("o2.jsonl"), "--summary-json", cohort]] {
            let b = atl(["batch", "--cohort", cohort] + args + ["--date", "2026-11-23"])
            #expect(b.code == 1, "\(args): \(b.err)")
            #expect(b.err.contains("is the input --cohort"), "\(b.err)")
            #expect(t.read("c.csv") == "reference,primary-need\nX-1,ASD\n")
        }
        // Through a symbolic link too.
        try FileManager.default.createSymbolicLink(atPath: t.path("alias.jsonl"), withDestinationPath: cohort)
        #expect(atl(["batch", "--cohort", cohort, "--output", t.path("alias.jsonl")]).code == 1)
        // synth-cohort: output over its postcode lookup.
        let pc = try t.write("pc.txt", "@TF3 E06000020\n1LA 370564 305849\n")
        #expect(atl(["synth-cohort", "--la", "999", "--postcodes", pc, "--output", pc]).code == 1)
        #expect(t.read("pc.txt") == "@TF3 E06000020\n1LA 370564 305849\n")
        // The weights command reads --weights and writes --output.
        #expect(atl(["weights", "--weights", w, "--output", w]).code == 1)
    }

    // #23: plain messages, an empty --output is a usage error.
    @Test func fileErrorsAreInPlainWords() throws {
        let t = try TemporaryFolder()
        let r = atl(["weights", "--output", t.url.path])
        #expect(r.code == 3)
        #expect(r.err.contains("it is a folder, not a file"), "\(r.err)")
        #expect(!r.err.contains("NSCocoaErrorDomain"))

        let e = atl(["weights", "--output", ""])
        #expect(e.code == 1, "\(e.err)")
        #expect(e.err.contains("--output needs a path, got an empty value"))

        let p = atl(["list", "--profile", t.url.path, "--date", "2026-11-23"])
        #expect(p.code == 2)
        #expect(p.err.contains("is a folder, not a profile"), "\(p.err)")

        let i = atl(["import-schools", t.url.path, "--catalogue", t.path("cat")])
        #expect(i.code == 2)
        #expect(i.err.contains("is a folder, not a schools file"), "\(i.err)")
        #expect(!i.err.contains("NSCocoaErrorDomain"))
    }
}
