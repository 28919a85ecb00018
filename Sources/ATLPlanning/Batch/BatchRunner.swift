import ATLModel
import ATLData
import ATLEngine
import Foundation

/// One child of a batch after matching: its cohort row and either its advisory list or every problem found
/// (parse errors, an unknown home postcode, a duplicated reference).
public struct BatchItem: Sendable {
    public var row: CohortRow
    public var list: AdvisoryList?
    /// Problems, sorted; empty when `list` is set.
    public var errors: [Diagnostic]
}

/// Runs advisory lists for a whole cohort: children are read in input order, matched in parallel a block at a
/// time (each child's scoring on one thread), and each block's records are handed to the caller in input
/// order, so the output is byte-identical whatever the thread count. Memory is bounded by one block.
///
/// Every row gives exactly one ``BatchItem``: a child never disappears. A reference seen on an earlier row makes
/// the later row an error ("duplicate of row N").
public enum BatchRunner {
    public struct Options: Sendable {
        /// Children matched per block (and per flush of the output).
        public var blockSize: Int
        public var threads: Int
        /// Run date for the audit stamps.
        public var date: String
        public init(blockSize: Int = 256, threads: Int = Parallel.defaultThreads, date: String) {
            self.blockSize = max(1, blockSize)
            self.threads = max(1, threads)
            self.date = date
        }
    }

    /// Reads `skip` rows without matching them (they were done by an interrupted run), noting their references
    /// in `seen` so duplicates are still found. Returns the number of rows actually skipped.
    public static func skip(_ reader: inout CohortReader, rows: Int, seen: inout [String: Int]) -> Int {
        var n = 0
        while n < rows, let r = reader.next() {
            n += 1
            if let ref = r.reference, seen[ref] == nil { seen[ref] = r.row }
        }
        return n
    }

    /// Matches the rest of the cohort. For each block, `render` turns each item into its output text (in
    /// parallel) and `flush` receives the block's texts and items in input order; `flush` returns false to stop
    /// early (a test hook simulating a crash). Returns the rows processed in this call.
    public static func run<T: Sendable>(_ reader: inout CohortReader, engine: MatchingEngine, options: Options,
                                        seen: inout [String: Int],
                                        render: @Sendable (BatchItem) -> T,
                                        flush: ([T], [BatchItem]) throws -> Bool) rethrows -> Int {
        var done = 0
        while true {
            var rows: [CohortRow] = []
            rows.reserveCapacity(options.blockSize)
            while rows.count < options.blockSize, let r = reader.next() { rows.append(r) }
            if rows.isEmpty { break }
            // Duplicates are decided in input order, before the parallel part.
            var duplicateOf = [Int?](repeating: nil, count: rows.count)
            for (i, r) in rows.enumerated() {
                guard let ref = r.reference else { continue }
                if let first = seen[ref] { duplicateOf[i] = first } else { seen[ref] = r.row }
            }
            let block = rows, dups = duplicateOf, date = options.date
            let results = Parallel.map(block.count, threads: options.threads) { i -> (T, BatchItem) in
                let item = match(block[i], duplicateOf: dups[i], engine: engine, date: date)
                return (render(item), item)
            }
            done += rows.count
            guard try flush(results.map(\.0), results.map(\.1)) else { break }
        }
        return done
    }

    /// Matches one child (on the calling thread).
    public static func match(_ row: CohortRow, duplicateOf: Int?, engine: MatchingEngine, date: String) -> BatchItem {
        var errors: [Diagnostic] = []
        if let first = duplicateOf {
            errors.append(Diagnostic(code: "batch.duplicate-reference", file: row.file, line: row.line, field: "reference", "duplicate of row \(first)"))
        }
        switch row.profile {
        case .failure(let e):
            return BatchItem(row: row, list: nil, errors: (errors + e.diagnostics).sorted())
        case .success(let (p, hash)):
            if !errors.isEmpty { return BatchItem(row: row, list: nil, errors: errors) }
            do {
                let list = try engine.advisoryList(for: p, file: row.file, profileHash: hash, date: date, threads: 1)
                // A corrupt report in the snapshot refuses this child's list, not the others'.
                try engine.catalogue.checkReports(urns: list.entries.map(\.setting.urn))
                return BatchItem(row: row, list: list, errors: [])
            } catch {
                // A CSV row's fields all sit on the row's lines; name the row when the profile had no line.
                let errors = error.diagnostics.map { d -> Diagnostic in
                    var d = d
                    if d.line == nil { d.line = row.line }
                    return d
                }
                return BatchItem(row: row, list: nil, errors: errors)
            }
        }
    }
}
