import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import Foundation

/// Advisory lists for a whole cohort, written as `atl-batch/1` JSON Lines in input order, a block at a time, with
/// a resume state after every block (docs/batch.md). A child never disappears: every input row gives exactly
/// one record, and the run checks that at the end.
public enum BatchService {
    public struct Request: Sendable {
        public var cohort: String
        public var output: String
        /// Also write each child's list into this folder, as `<row>-<reference>.<listExtension>`.
        public var listsDir: String?
        public var listExtension: String
        public var resume: Bool
        /// A child with fewer than this many suitable settings counts as having few options.
        public var fewOptions: Int
        public var threads: Int
        public var blockSize: Int
        public var date: RunDate
        /// The postcode lookup file in use, hashed into the configuration a resume must match.
        public var postcodesFile: String?

        public init(cohort: String, output: String, listsDir: String? = nil, listExtension: String = "md",
                    resume: Bool = false, fewOptions: Int = 3, threads: Int = Parallel.defaultThreads,
                    blockSize: Int = 256, date: RunDate, postcodesFile: String? = nil) {
            self.cohort = cohort
            self.output = output
            self.listsDir = listsDir
            self.listExtension = listExtension
            self.resume = resume
            self.fewOptions = fewOptions
            self.threads = threads
            self.blockSize = blockSize
            self.date = date
            self.postcodesFile = postcodesFile
        }
    }

    /// Test hooks (never set by the command line or the workbench).
    public struct Hooks: Sendable {
        /// Simulate a crash: after this many complete blocks, write half of the next block's records (a partial
        /// trailing record) without recording it in the state file, and stop.
        public var crashAfterBlocks: Int?
        /// Simulate a full disk: after this many complete blocks, the next write fails with ENOSPC.
        public var diskFullAfterBlocks: Int?
        /// Called after each block is written, with the rows written so far (a test changes the cohort here).
        public var afterBlock: (@Sendable (Int) -> Void)?
        public init(crashAfterBlocks: Int? = nil, diskFullAfterBlocks: Int? = nil, afterBlock: (@Sendable (Int) -> Void)? = nil) {
            self.crashAfterBlocks = crashAfterBlocks
            self.diskFullAfterBlocks = diskFullAfterBlocks
            self.afterBlock = afterBlock
        }
    }

    public struct Result: Sendable {
        public var summary: CohortSummary
        public var demand: [CohortSummary.Demand]
        /// Input rows in the cohort file.
        public var rows: Int
        public var cohortHash: String
        public var stamp: ProvenanceStamp
        /// The first problems of rows with errors, for the console.
        public var firstErrors: [String]
        /// False when a test hook stopped the run early.
        public var completed: Bool
    }

    /// What the run reports as it goes: rows done of the total, and the rows done before this run (a resume).
    public typealias Progress = @Sendable (_ done: Int, _ total: Int, _ already: Int) -> Void

    public static func run(_ r: Request, engine: MatchingEngine, renderList: (@Sendable (AdvisoryList) -> String)? = nil,
                           notify: EngineLoader.Notify, progress: Progress, hooks: Hooks = Hooks()) throws(ATLError) -> Result {
        let statePath = BatchState.path(forOutput: r.output)
        let workPath = BatchState.workPath(forOutput: r.output)
        try OutputPolicy.check(OutputPlan(
            outputs: [.init("--output", r.output), .init("the resume state", statePath), .init("the work file", workPath)]
                + (r.listsDir.map { [.init("--lists-dir", $0, isFolder: true)] } ?? []),
            inputs: [.init("--cohort", r.cohort)] + (r.postcodesFile.map { [.init("--postcodes", $0)] } ?? []),
            catalogues: engine.catalogue.root.isEmpty ? [] : [engine.catalogue.root]))
        let survey = try CohortReader.survey(path: r.cohort, academicYear: r.date.academicYear)
        var reader = try CohortReader(path: r.cohort, academicYear: r.date.academicYear)
        let config = configHash(r, engine: engine, cohortHash: survey.hash)
        // Temporary files a killed run left beside the output or among the list files.
        OutputFile.removeStaleTemporaries(in: (workPath as NSString).deletingLastPathComponent)
        if let dir = r.listsDir { OutputFile.removeStaleTemporaries(in: dir) }

        // Where to start: from scratch, or after the last complete block of an interrupted run. Records go to
        // the work file `<output>.partial`, which replaces the output only when the run is complete, so a run
        // that fails (a full disk) or is killed never damages the previous output.
        var summary = CohortSummary(k: r.fewOptions)
        var start = BatchState(config: config, rows: 0, offset: 0, complete: false)
        var work = workPath
        let out: AppendableFile
        if r.resume, let saved = try BatchState.load(statePath) {
            guard saved.config == config else {
                throw ATLError(code: "batch-state.config-differs", file: statePath, field: "config",
                    "the cohort, catalogue, weights, geography, date or list options differ from the interrupted run; run again without --resume")
            }
            // A finished run whose work file was already moved over the output: read the output itself.
            if saved.complete, InputFile.kind(of: workPath) == .missing { work = r.output }
            start = saved
            var kept = 0
            try BatchResume.truncate(work, to: saved.offset) { n, line throws(ATLError) in
                guard let o = BatchRecordFormat.outcome(ofRecord: line) else {
                    throw ATLError(code: "batch-state.incomplete-record", file: work, line: n,
                                   "not a complete atl-batch/1 record; run again without --resume")
                }
                summary.add(o)
                kept = n
            }
            guard kept == saved.rows else {
                throw ATLError(code: "batch-state.record-count", file: work,
                               "holds \(kept) records where the state file records \(saved.rows); run again without --resume")
            }
            notify(saved.rows == 0 && !saved.complete
                   ? "atl batch: the interrupted run wrote no complete block; starting from the beginning"
                   : "atl batch: resuming after row \(saved.rows) of \(survey.rows)")
            out = try OutputFile.openForAppending(work, at: saved.offset)
        } else {
            if r.resume { notify("atl batch: no state file \(statePath); starting from the beginning") }
            out = try OutputFile.createForAppending(workPath)
            try start.save(statePath)
        }
        if let dir = r.listsDir { try OutputFile.createFolder(dir, shownAs: dir) }

        var seen: [String: Int] = [:]
        let skipped = BatchRunner.skip(&reader, rows: start.rows, seen: &seen)
        guard skipped == start.rows else {
            throw ATLError(code: "batch-state.cohort-shorter", file: r.cohort, "has fewer rows than the interrupted run wrote; run again without --resume")
        }

        var state = start
        var blocks = 0
        var firstErrors: [String] = []
        var stopped = false
        let options = BatchRunner.Options(blockSize: r.blockSize, threads: r.threads, date: r.date.text)
        let listsDir = r.listsDir
        do {
            _ = try BatchRunner.run(&reader, engine: engine, options: options, seen: &seen, render: { item -> (String, String?) in
                let record = BatchRecordFormat.record(item)
                guard listsDir != nil, let l = item.list, let renderList else { return (record, nil) }
                return (record, renderList(l))
            }, flush: { texts, items in
                let text = texts.map(\.0).joined()
                if let full = hooks.diskFullAfterBlocks, blocks == full {
                    try out.append(Array(text.utf8.prefix(text.utf8.count / 2)))
                    throw OutputFile.failure(r.output, ENOSPC)
                }
                if let crash = hooks.crashAfterBlocks, blocks == crash {
                    try out.append(Array(text.utf8.prefix(text.utf8.count / 2)))
                    stopped = true
                    return false
                }
                if let listsDir {
                    for (item, t) in zip(items, texts) {
                        guard let listText = t.1 else { continue }
                        try OutputFile.write(listText, to: listsDir + "/" + listFileName(item, extension: r.listExtension))
                    }
                }
                try out.append(text)
                try out.sync()
                state.rows += items.count
                state.offset = out.offset
                try state.save(statePath)
                for item in items {
                    summary.add(item.list.map(CohortSummary.Outcome.init) ?? .error)
                    if !item.errors.isEmpty, firstErrors.count < 20 { firstErrors += item.errors.map(\.description) }
                }
                blocks += 1
                progress(state.rows, survey.rows, start.rows)
                hooks.afterBlock?(state.rows)
                return true
            })
        } catch let e as ATLError {
            throw e
        } catch {
            throw ATLError(code: "output.cannot-write", file: r.output, "cannot write \(r.output): \(FileProblem.describe(error))")
        }
        let stamp = ProvenanceStamp(engineVersion: EngineVersion.current, catalogueHash: engine.catalogue.contentHash,
                                    weightsHash: engine.weights.hash, inputs: [.init("cohort", hash: survey.hash)], date: r.date.text)
        if stopped {
            return Result(summary: summary, demand: [], rows: survey.rows, cohortHash: survey.hash, stamp: stamp,
                          firstErrors: firstErrors, completed: false)
        }
        // Every input row must have given exactly one record.
        guard summary.rows == survey.rows, state.rows == survey.rows else {
            throw ATLError(code: "output.rows-do-not-reconcile", file: r.output,
                           "wrote \(summary.rows) records for \(survey.rows) input rows; the cohort changed during the run?")
        }
        summary.inputRows = survey.rows
        state.complete = true
        try state.save(statePath)
        if work != r.output { try OutputFile.commit(work, to: r.output) }
        return Result(summary: summary, demand: summary.demand(engine.catalogue), rows: survey.rows, cohortHash: survey.hash,
                      stamp: stamp, firstErrors: firstErrors, completed: true)
    }

    /// `<row>-<reference>.<ext>`, e.g. `000012-EHC-2026-0042.md`; a `/` in a reference becomes `_`.
    public static func listFileName(_ item: BatchItem, extension ext: String) -> String {
        let ref = (item.row.reference ?? "child").map { $0 == "/" ? "_" : $0 }
        return String(format: "%06d-", item.row.row) + String(ref) + "." + ext
    }

    /// Everything that decides the output bytes: a resumed run must match it exactly.
    static func configHash(_ r: Request, engine: MatchingEngine, cohortHash: String) -> String {
        var parts: [(String, String?)] = [
            ("schema", BatchRecordFormat.schema), ("engine", EngineVersion.current), ("cohort", cohortHash),
            ("catalogue", engine.catalogue.contentHash), ("weights", engine.weights.hash), ("matrix", engine.matrix?.hash),
            ("postcodes", engine.postcodes.map { "\($0.count)" }),
        ]
        if let p = r.postcodesFile, let d = FileManager.default.contents(atPath: p) { parts.append(("postcodes-sha256", SHA256.hex([UInt8](d)))) }
        parts += [("date", r.date.text), ("lists-dir", r.listsDir), ("list-format", r.listExtension)]
        return BatchState.configHash(parts)
    }
}
