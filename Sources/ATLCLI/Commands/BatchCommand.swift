import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import ATLSynthetic
import ATLRender
import ATLRender
import Foundation

/// `atl batch`: advisory lists for a whole cohort, written as JSON Lines in input order, resumable.
enum BatchCommand {
    enum ListFileFormat: String, CaseIterable { case md, html }

    /// Test hooks (never set by the command line).
    struct Hooks: Sendable {
        /// Simulate a crash: after this many complete blocks, write half of the next block's records (a partial
        /// trailing record) without recording it in the state file, and stop.
        var crashAfterBlocks: Int?
        init(crashAfterBlocks: Int? = nil) { self.crashAfterBlocks = crashAfterBlocks }
    }

    static let spec = CommandSpec(
        name: "batch",
        abstract: "Build advisory lists for a whole cohort (CSV or folder of profiles) as JSON Lines, with a summary.",
        discussion: """
            Reads the cohort one child at a time (a CSV with one child per row and needs-profile field names as
            columns, or a folder of .profile files taken in file-name order; docs/cohort-format.md), matches
            children in parallel blocks and writes one atl-batch/1 record per input row to --output, in INPUT
            ORDER, a block at a time: the output is byte-identical for any --threads. A row with problems gives an
            error record naming its lines and fields; a child with no suitable setting is still listed. The run
            keeps a state file (<output>.state) after each block, so --resume continues an interrupted run
            without redoing or duplicating children. Exit code 2 when any row had errors (after writing all
            records). See docs/batch.md.
            """,
        options: [
            .value("cohort", "csv|dir", "The cohort: a CSV file or a folder of .profile files", required: true),
            .value("output", "file.jsonl", "Where to write the records (JSON Lines, schema atl-batch/1)", required: true),
            .value("lists-dir", "dir", "Also write each child's list into this folder (<row>-<reference>.md|html)"),
            .value("list-format", "md|html", "Format of the files in --lists-dir", default: "md"),
            .flag("resume", "Continue an interrupted run of the same cohort and configuration"),
            .value("summary", "file.md", "Write the cohort summary (Markdown) here"),
            .value("summary-json", "file.json", "Write the cohort summary as JSON (schema atl-cohort-summary/1) here"),
            .value("few", "k", "A child with fewer than k suitable settings counts as having few options", default: "3"),
            .value("threads", "n", "Worker threads (default: ATL_THREADS or the processor count)"),
            .value("block-size", "n", "Children matched and written per block", default: "256"),
        ] + EngineOptions.options
    ) { args, console in
        try run(args, console: console, hooks: Hooks())
    }

    static func run(_ args: ParsedArguments, console: Console, hooks: Hooks) throws -> Int32 {
        let date = try EngineOptions.date(args)
        let cohortPath = try args.required("cohort")
        let output = try args.required("output")
        let listFormat = try args.choice("list-format", ListFileFormat.self)!
        let k = try args.int("few", min: 1, max: 1000)!
        let threads = try args.int("threads", min: 1, max: 1024) ?? Parallel.defaultThreads
        let blockSize = try args.int("block-size", min: 1, max: 100_000)!
        let listsDir = args.value("lists-dir")

        // Check before the run that every output can be written (not after the whole cohort has been matched).
        for name in ["summary", "summary-json"] { if let p = args.value(name) { try checkWritable(p, option: name) } }
        if let listsDir { try checkWritableFolder(listsDir) }
        let engine = try EngineOptions.engine(args, console: console)
        let survey = try CohortReader.survey(path: cohortPath)
        var reader = try CohortReader(path: cohortPath, academicYear: EngineOptions.academicYear(date))
        let config = configHash(args, engine: engine, cohortHash: survey.hash, date: date)
        let statePath = output + ".state"

        // Where to start: from scratch, or after the last complete block of an interrupted run.
        var summary = CohortSummary(k: k)
        var start = BatchState(config: config, rows: 0, offset: 0, complete: false)
        if args.flag("resume"), let saved = try BatchState.load(statePath) {
            guard saved.config == config else {
                throw CLIError.input([Diagnostic(code: "cli.batch.config", file: statePath, field: "config",
                    "the cohort, catalogue, weights, geography, date or list options differ from the interrupted run; run again without --resume")])
            }
            start = saved
            var kept = 0
            try BatchOutputFile.truncate(output, to: saved.offset) { n, line in
                guard let o = BatchJSONL.outcome(ofRecord: line) else {
                    throw CLIError.input([Diagnostic(code: "cli.batch.complete-atl-batch-record", file: output, line: n, "not a complete atl-batch/1 record; run again without --resume")])
                }
                summary.add(o)
                kept = n
            }
            guard kept == saved.rows else {
                throw CLIError.input([Diagnostic(code: "cli.batch.holds-records-where-state", file: output, "holds \(kept) records where the state file records \(saved.rows); run again without --resume")])
            }
            console.errLine("atl batch: resuming after row \(saved.rows) of \(survey.rows)")
        } else {
            if args.flag("resume") { console.errLine("atl batch: no state file \(statePath); starting from the beginning") }
            try BatchOutputFile.create(output)
            try start.save(statePath)
        }
        if let listsDir {
            do { try FileManager.default.createDirectory(atPath: listsDir, withIntermediateDirectories: true) } catch {
                throw CLIError.failure("cannot create \(listsDir): \(CommandSupport.describe(error))")
            }
        }

        var seen: [String: Int] = [:]
        let skipped = BatchRunner.skip(&reader, rows: start.rows, seen: &seen)
        guard skipped == start.rows else {
            throw CLIError.input([Diagnostic(code: "cli.batch.fewer-rows-than-interrupted", file: cohortPath, "has fewer rows than the interrupted run wrote; run again without --resume")])
        }

        let out = try BatchOutputFile(path: output, offset: start.offset)
        var state = start
        let progress = Progress(total: survey.rows, already: start.rows, console: console)
        var blocks = 0
        var errorLines: [String] = []
        let options = BatchRunner.Options(blockSize: blockSize, threads: threads, date: date)
        _ = try BatchRunner.run(&reader, engine: engine, options: options, seen: &seen, render: { item -> (String, String?) in
            let record = BatchJSONL.record(item)
            guard listsDir != nil, let l = item.list else { return (record, nil) }
            return (record, listFormat == .md ? ListMarkdown.render(l) : ListHTML.render(l))
        }, flush: { texts, items in
            let text = texts.map(\.0).joined()
            if let crash = hooks.crashAfterBlocks, blocks == crash {
                try out.append(Data(text.utf8.prefix(text.utf8.count / 2)))
                return false
            }
            if let listsDir {
                for (item, t) in zip(items, texts) {
                    guard let listText = t.1 else { continue }
                    try CommandSupport.write(listText, to: listsDir + "/" + listFileName(item, format: listFormat))
                }
            }
            try out.append(text)
            state.rows += items.count
            state.offset = out.offset
            try state.save(statePath)
            for item in items {
                summary.add(item.list.map(CohortSummary.Outcome.init) ?? .error)
                if !item.errors.isEmpty, errorLines.count < 20 { errorLines += item.errors.map(\.description) }
            }
            blocks += 1
            progress.update(state.rows)
            return true
        })
        progress.finish()
        if hooks.crashAfterBlocks != nil, blocks == hooks.crashAfterBlocks { return 3 }

        // Every input row must have given exactly one record.
        precondition(summary.reconciles, "batch summary does not reconcile")
        guard summary.rows == survey.rows, state.rows == survey.rows else {
            throw CLIError.failure("wrote \(summary.rows) records for \(survey.rows) input rows; the cohort changed during the run?")
        }
        state.complete = true
        try state.save(statePath)

        let context = CohortSummaryRender.Context(
            cohort: cohortPath, cohortHash: survey.hash, fictionalCatalogue: engine.catalogue.isFictional,
            stamp: ProvenanceStamp(engineVersion: ATL.version, catalogueHash: engine.catalogue.contentHash,
                              weightsHash: engine.weights.hash, inputs: [.init("cohort", hash: survey.hash)], date: date),
            syntheticCatalogue: engine.catalogue.isSynthetic)
        let demand = summary.demand(engine.catalogue)
        if let path = args.value("summary") {
            try CommandSupport.write(CohortSummaryRender.markdown(summary, demand: demand, context: context), to: path)
        }
        if let path = args.value("summary-json") {
            try CommandSupport.write(CohortSummaryRender.json(summary, demand: demand, context: context).serialized(pretty: true) + "\n", to: path)
        }
        for l in errorLines.prefix(20) { console.errLine(l) }
        if summary.errors > 0 && errorLines.count >= 20 { console.errLine("… see the error records in \(output) for the rest") }
        console.errLine(summaryLine(summary, k: k))
        return summary.errors > 0 ? 2 : 0
    }

    /// The closing line: "atl batch: 3 input rows = 2 listed + 1 error. 2 listed children have fewer than 3
    /// suitable settings; 1 has none."
    static func summaryLine(_ summary: CohortSummary, k: Int) -> String {
        func n(_ count: Int, _ one: String, _ many: String) -> String { "\(count) \(count == 1 ? one : many)" }
        let few = summary.all.fewerThanK, none = summary.all.noneSuitable
        return "atl batch: \(n(summary.rows, "input row", "input rows")) = \(summary.listed) listed + \(n(summary.errors, "error", "errors")). "
            + "\(n(few, "listed child has", "listed children have")) fewer than \(n(k, "suitable setting", "suitable settings")); "
            + "\(none) \(none == 1 ? "has" : "have") none."
    }

    /// Fails (exit 3) before the run when `path` cannot be written: a folder, or a place no file can be made.
    static func checkWritable(_ path: String, option: String) throws {
        var isDir: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
        if exists && isDir.boolValue { throw CLIError.failure("cannot write --\(option) \(path): it is a folder, not a file") }
        if exists {
            guard let h = FileHandle(forWritingAtPath: path) else {
                throw CLIError.failure("cannot write --\(option) \(path): \(String(cString: strerror(errno)))")
            }
            try? h.close()
            return
        }
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch { throw CLIError.failure("cannot write --\(option) \(path): \(CommandSupport.describe(error))") }
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CLIError.failure("cannot write --\(option) \(path): \(String(cString: strerror(errno)))")
        }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Creates `--lists-dir` and checks a file can be written in it, before the run.
    static func checkWritableFolder(_ dir: String) throws {
        do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
            throw CLIError.failure("cannot create --lists-dir \(dir): \(CommandSupport.describe(error))")
        }
        let probe = dir + "/.atl-write-check-\(getpid())"
        guard FileManager.default.createFile(atPath: probe, contents: nil) else {
            throw CLIError.failure("cannot write into --lists-dir \(dir): \(String(cString: strerror(errno)))")
        }
        try? FileManager.default.removeItem(atPath: probe)
    }

    static func listFileName(_ item: BatchItem, format: ListFileFormat) -> String {
        let ref = (item.row.reference ?? "child").map { $0 == "/" ? "_" : $0 }
        return String(format: "%06d-", item.row.row) + String(ref) + "." + format.rawValue
    }

    /// Everything that decides the output bytes: a resumed run must match it exactly.
    static func configHash(_ args: ParsedArguments, engine: MatchingEngine, cohortHash: String, date: String) -> String {
        var h = SHA256()
        func put(_ k: String, _ v: String?) { h.update("\(k)=\(v ?? "-")\n") }
        put("schema", BatchJSONL.schema)
        put("engine", ATL.version)
        put("cohort", cohortHash)
        put("catalogue", engine.catalogue.contentHash)
        put("weights", engine.weights.hash)
        put("matrix", engine.matrix?.hash)
        put("postcodes", engine.postcodes.map { "\($0.count)" })
        if let p = args.value("postcodes"), let d = FileManager.default.contents(atPath: p) { put("postcodes-sha256", SHA256.hex([UInt8](d))) }
        put("date", date)
        put("lists-dir", args.value("lists-dir"))
        put("list-format", args.value("list-format"))
        return h.hexDigest()
    }

    /// Progress on stderr: a bar redrawn in place on a terminal, else a plain line every 10%. Counts only.
    final class Progress: @unchecked Sendable {
        let total: Int, already: Int
        let console: Console
        let started = Date()
        var nextTenth = 1
        var last = Date.distantPast
        var lastCount = 0

        init(total: Int, already: Int, console: Console) {
            self.total = total
            self.already = already
            self.console = console
            if total > 0 { nextTenth = already * 10 / total + 1 }
        }

        func update(_ done: Int) {
            lastCount = done
            let elapsed = Date().timeIntervalSince(started)
            let rate = elapsed > 0 ? Double(done - already) / elapsed : 0
            let eta = rate > 0 ? Double(total - done) / rate : 0
            if console.errIsTerminal {
                guard Date().timeIntervalSince(last) > 0.1 || done == total else { return }
                last = Date()
                let width = 30, filled = total == 0 ? width : width * done / total
                let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
                console.err(String(format: "\r[%@] %d/%d children  %.0f/s  ETA %.0fs ", bar, done, total, rate, eta))
            } else if total > 0 {
                guard nextTenth <= 10, done * 10 >= total * nextTenth else { return }
                while nextTenth <= 10 && done * 10 >= total * nextTenth { nextTenth += 1 }
                console.errLine(String(format: "atl batch: %d/%d children (%d%%), %.0f/s, ETA %.0fs", done, total,
                                       done * 100 / total, rate, eta))
            }
        }

        func finish() {
            if console.errIsTerminal && lastCount > 0 { console.err("\n") }
        }
    }
}

/// The resume record kept beside a batch output (`<output>.state`): the configuration hash, and the rows and
/// bytes of the output that were complete when the last block was flushed.
struct BatchState: Equatable {
    static let formatTag = "atl-batch-state/1"
    var config: String
    var rows: Int
    var offset: UInt64
    var complete: Bool

    func save(_ path: String) throws {
        let text = "format: \(BatchState.formatTag)\nconfig: \(config)\nrows: \(rows)\noffset: \(offset)\ncomplete: \(complete ? "yes" : "no")\n"
        try CommandSupport.write(text, to: path)
    }

    /// Nil when there is no state file.
    static func load(_ path: String) throws -> BatchState? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var v: [String: (String, Int)] = [:]
        let text = String(decoding: data, as: UTF8.self)
        for (i, line) in TextDecoding.lines(text).enumerated() {
            do {
                if let kv = try KeyValueLine.parse(line, line: i + 1, file: path) { v[kv.key] = (kv.value, kv.line) }
            } catch { throw CLIError.input(error.diagnostics) }
        }
        guard v["format"]?.0 == formatTag, let config = v["config"]?.0, let rows = v["rows"].flatMap({ Int($0.0) }),
              let offset = v["offset"].flatMap({ UInt64($0.0) }), rows >= 0 else {
            throw CLIError.input([Diagnostic(code: "cli.batch.state-file-run-again", file: path, "not an \(formatTag) state file; run again without --resume")])
        }
        return BatchState(config: config, rows: rows, offset: offset, complete: v["complete"]?.0 == "yes")
    }
}

/// The batch output file, appended a block at a time (each append is one write, so a crash leaves at most one
/// partial trailing block, which a resume cuts off).
final class BatchOutputFile {
    private let handle: FileHandle
    let path: String
    private(set) var offset: UInt64

    init(path: String, offset: UInt64) throws {
        guard let h = FileHandle(forWritingAtPath: path) else { throw CLIError.failure("cannot open \(path) for writing") }
        do { try h.seek(toOffset: offset) } catch { throw CLIError.failure("cannot seek in \(path): \(CommandSupport.describe(error))") }
        handle = h
        self.path = path
        self.offset = offset
    }

    deinit { try? handle.close() }

    func append(_ text: String) throws { try append(Data(text.utf8)) }

    func append(_ d: Data) throws {
        do { try handle.write(contentsOf: d) } catch { throw CLIError.failure("cannot write \(path): \(CommandSupport.describe(error))") }
        offset += UInt64(d.count)
    }

    /// Creates (or empties) the output file.
    static func create(_ path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data().write(to: url)
        } catch { throw CLIError.failure("cannot write \(path): \(CommandSupport.describe(error))") }
    }

    /// Cuts the file to `offset` bytes (dropping a partial trailing block), then streams its complete lines
    /// to `line` (1-based line number, bytes without the line feed). Memory stays bounded by one chunk.
    static func truncate(_ path: String, to offset: UInt64, line: (Int, ArraySlice<UInt8>) throws -> Void) throws {
        guard let h = FileHandle(forUpdatingAtPath: path) else {
            throw CLIError.input([Diagnostic(code: "cli.batch.output-interrupted-run-missing", file: path, "the output of the interrupted run is missing; run again without --resume")])
        }
        defer { try? h.close() }
        let size = (try? h.seekToEnd()) ?? 0
        guard size >= offset else {
            throw CLIError.input([Diagnostic(code: "cli.batch.shorter-than-state-file", file: path, "is shorter than the state file records; run again without --resume")])
        }
        do {
            try h.truncate(atOffset: offset)
            try h.seek(toOffset: 0)
        } catch { throw CLIError.failure("cannot truncate \(path): \(CommandSupport.describe(error))") }
        var pending: [UInt8] = []
        var n = 0
        var read: UInt64 = 0
        while read < offset {
            guard let d = try? h.read(upToCount: Int(min(offset - read, 1 << 20))), !d.isEmpty else { break }
            read += UInt64(d.count)
            pending += d
            var start = 0
            while let lf = pending[start...].firstIndex(of: 0x0A) {
                n += 1
                try line(n, pending[start..<lf])
                start = lf + 1
            }
            pending.removeFirst(start)
        }
        guard read == offset, pending.isEmpty else {
            throw CLIError.input([Diagnostic(code: "cli.batch.does-end-complete-record", file: path, "does not end with a complete record at the recorded offset; run again without --resume")])
        }
    }
}
