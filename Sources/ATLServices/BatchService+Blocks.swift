import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import Foundation

extension BatchService {
    /// Where a run starts: the resume state to continue from, the outcomes already written (for the summary),
    /// the file the records go to and that file opened for appending.
    struct StartingPoint {
        var state: BatchState
        var summary: CohortSummary
        /// The work file `<output>.partial`, or the output itself when a finished run's work file was already
        /// moved over it.
        var work: String
        var out: AppendableFile
    }

    /// From scratch, or after the last complete block of an interrupted run (`--resume`). Records go to the work
    /// file `<output>.partial`, which replaces the output only when the run is complete, so a run that fails (a
    /// full disk) or is killed never damages the previous output. A resume is refused when anything that decides
    /// the output's bytes changed, or when the records on disk do not match the state file.
    static func startingPoint(_ r: Request, config: String, rows: Int, statePath: String, workPath: String,
                              notify: EngineLoader.Notify) throws(ATLError) -> StartingPoint {
        if r.resume, let saved = try BatchState.load(statePath) {
            guard saved.config == config else {
                throw ATLError(code: "batch-state.config-differs", file: statePath, field: "config",
                    "the cohort, catalogue, weights, geography, date or list options differ from the interrupted run; run again without --resume")
            }
            var work = workPath
            // A finished run whose work file was already moved over the output: read the output itself.
            if saved.complete, InputFile.kind(of: workPath) == .missing { work = r.output }
            let summary = try recordsWritten(work, saved: saved, fewOptions: r.fewOptions)
            notify(saved.rows == 0 && !saved.complete
                   ? "atl batch: the interrupted run wrote no complete block; starting from the beginning"
                   : "atl batch: resuming after row \(saved.rows) of \(rows)")
            let out = try OutputFile.openForAppending(work, at: saved.offset)
            return StartingPoint(state: saved, summary: summary, work: work, out: out)
        }
        if r.resume { notify("atl batch: no state file \(statePath); starting from the beginning") }
        let start = BatchState(config: config, rows: 0, offset: 0, complete: false)
        let out = try OutputFile.createForAppending(workPath)
        try start.save(statePath)
        return StartingPoint(state: start, summary: CohortSummary(k: r.fewOptions), work: workPath, out: out)
    }

    /// Cuts the interrupted run's records back to the last complete block and counts them into a summary. Each
    /// kept line must be a whole record, and there must be as many as the state file says.
    static func recordsWritten(_ work: String, saved: BatchState, fewOptions: Int) throws(ATLError) -> CohortSummary {
        var summary = CohortSummary(k: fewOptions)
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
        return summary
    }

    /// Writes each block as it is matched: the list files first, then the records, synced to disk, and only
    /// then the resume state, so the state never counts a record that is not durable. Keeps the running
    /// summary and the first errors for the console.
    struct BlockWriter {
        let out: AppendableFile
        let statePath: String
        /// The output as named by the user (for the message of a simulated full disk).
        let output: String
        let listsDir: String?
        let listExtension: String
        let hooks: Hooks
        var state: BatchState
        var summary: CohortSummary
        var firstErrors: [String] = []
        var blocks = 0
        /// True when a test hook stopped the run early.
        var stopped = false

        init(request r: Request, start: StartingPoint, statePath: String, hooks: Hooks) {
            out = start.out
            self.statePath = statePath
            output = r.output
            listsDir = r.listsDir
            listExtension = r.listExtension
            self.hooks = hooks
            state = start.state
            summary = start.summary
        }

        /// One block's records (and list texts, when lists are written) in input order. Returns false to stop
        /// the run (the crash hook); the caller reports progress after each block written.
        mutating func append(_ texts: [(String, String?)], _ items: [BatchItem]) throws(ATLError) -> Bool {
            let text = texts.map(\.0).joined()
            if let full = hooks.diskFullAfterBlocks, blocks == full {
                try out.append(Array(text.utf8.prefix(text.utf8.count / 2)))
                throw OutputFile.failure(output, ENOSPC)
            }
            if let crash = hooks.crashAfterBlocks, blocks == crash {
                try out.append(Array(text.utf8.prefix(text.utf8.count / 2)))
                stopped = true
                return false
            }
            if let listsDir {
                for (item, t) in zip(items, texts) {
                    guard let listText = t.1 else { continue }
                    try OutputFile.write(listText, to: listsDir + "/" + listFileName(item, extension: listExtension))
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
            return true
        }
    }
}
