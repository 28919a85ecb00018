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

    /// Runs the batch: checks every output before reading anything, starts afresh or after the last complete
    /// block of an interrupted run, matches and writes the rest a block at a time, then checks that every input
    /// row gave exactly one record before the work file replaces the output.
    public static func run(_ r: Request, engine: MatchingEngine, renderList: (@Sendable (AdvisoryList) -> String)? = nil,
                           notify: EngineLoader.Notify, progress: Progress, hooks: Hooks = Hooks()) throws(ATLError) -> Result {
        let statePath = BatchState.path(forOutput: r.output)
        let workPath = BatchState.workPath(forOutput: r.output)
        try checkOutputs(r, engine: engine, statePath: statePath, workPath: workPath)
        let survey = try CohortReader.survey(path: r.cohort, academicYear: r.date.academicYear)
        var reader = try CohortReader(path: r.cohort, academicYear: r.date.academicYear)
        let config = configHash(r, engine: engine, cohortHash: survey.hash)
        // Temporary files a killed run left beside the output or among the list files.
        OutputFile.removeStaleTemporaries(in: (workPath as NSString).deletingLastPathComponent)
        if let dir = r.listsDir { OutputFile.removeStaleTemporaries(in: dir) }

        let start = try startingPoint(r, config: config, rows: survey.rows, statePath: statePath, workPath: workPath,
                                      notify: notify)
        if let dir = r.listsDir { try OutputFile.createFolder(dir, shownAs: dir) }
        var seen = try skipRowsDone(&reader, rows: start.state.rows, cohort: r.cohort)

        var blocks = BlockWriter(request: r, start: start, statePath: statePath, hooks: hooks)
        try writeBlocks(&reader, &blocks, seen: &seen, r, engine: engine, renderList: renderList) { done in
            progress(done, survey.rows, start.state.rows)
        }
        let stamp = ProvenanceStamp(engineVersion: EngineVersion.current, catalogueHash: engine.catalogue.contentHash,
                                    weightsHash: engine.weights.hash, inputs: [.init("cohort", hash: survey.hash)], date: r.date.text)
        if blocks.stopped {
            return Result(summary: blocks.summary, demand: [], rows: survey.rows, cohortHash: survey.hash, stamp: stamp,
                          firstErrors: blocks.firstErrors, completed: false)
        }
        try finish(&blocks, r, rows: survey.rows, statePath: statePath, work: start.work)
        return Result(summary: blocks.summary, demand: blocks.summary.demand(engine.catalogue), rows: survey.rows,
                      cohortHash: survey.hash, stamp: stamp, firstErrors: blocks.firstErrors, completed: true)
    }

    /// Every file the run writes (the output, its resume state and work file, the lists folder) is checked
    /// against the output policy before anything is read, so a mistaken path fails at once, not after hours.
    static func checkOutputs(_ r: Request, engine: MatchingEngine, statePath: String, workPath: String) throws(ATLError) {
        try OutputPolicy.check(OutputPlan(
            outputs: [.init("--output", r.output), .init("the resume state", statePath), .init("the work file", workPath)]
                + (r.listsDir.map { [.init("--lists-dir", $0, isFolder: true)] } ?? []),
            inputs: [.init("--cohort", r.cohort)] + (r.postcodesFile.map { [.init("--postcodes", $0)] } ?? []),
            catalogues: engine.catalogue.root.isEmpty ? [] : [engine.catalogue.root]))
    }

    /// Reads past the rows an interrupted run already wrote, remembering their references so a later duplicate
    /// is still caught. A cohort now shorter than that cannot be resumed.
    static func skipRowsDone(_ reader: inout CohortReader, rows: Int, cohort: String) throws(ATLError) -> [String: Int] {
        var seen: [String: Int] = [:]
        let skipped = BatchRunner.skip(&reader, rows: rows, seen: &seen)
        guard skipped == rows else {
            throw ATLError(code: "batch-state.cohort-shorter", file: cohort, "has fewer rows than the interrupted run wrote; run again without --resume")
        }
        return seen
    }

    /// Matches the rest of the cohort and hands each block to `blocks`, then reports the rows written so far
    /// (`blockWritten`, then the test hook). A write failure that is not already an ``ATLError`` is reported as
    /// the output not being writable.
    static func writeBlocks(_ reader: inout CohortReader, _ blocks: inout BlockWriter, seen: inout [String: Int],
                            _ r: Request, engine: MatchingEngine, renderList: (@Sendable (AdvisoryList) -> String)?,
                            blockWritten: (Int) -> Void) throws(ATLError) {
        let options = BatchRunner.Options(blockSize: r.blockSize, threads: r.threads, date: r.date.text)
        let listsDir = r.listsDir
        do {
            _ = try BatchRunner.run(&reader, engine: engine, options: options, seen: &seen, render: { item -> (String, String?) in
                let record = BatchRecordFormat.record(item)
                guard listsDir != nil, let l = item.list, let renderList else { return (record, nil) }
                return (record, renderList(l))
            }, flush: { texts, items in
                guard try blocks.append(texts, items) else { return false }
                blockWritten(blocks.state.rows)
                blocks.hooks.afterBlock?(blocks.state.rows)
                return true
            })
        } catch let e as ATLError {
            throw e
        } catch {
            throw ATLError(code: "output.cannot-write", file: r.output, "cannot write \(r.output): \(FileProblem.describe(error))")
        }
    }

    /// The end of a complete run. Every input row must have given exactly one record (a child never disappears);
    /// only then is the state marked complete and the work file renamed over the output.
    static func finish(_ blocks: inout BlockWriter, _ r: Request, rows: Int, statePath: String, work: String) throws(ATLError) {
        guard blocks.summary.rows == rows, blocks.state.rows == rows else {
            throw ATLError(code: "output.rows-do-not-reconcile", file: r.output,
                           "wrote \(blocks.summary.rows) records for \(rows) input rows; the cohort changed during the run?")
        }
        blocks.summary.inputRows = rows
        blocks.state.complete = true
        try blocks.state.save(statePath)
        if work != r.output { try OutputFile.commit(work, to: r.output) }
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
