import Foundation
@testable import ATLModel
import Testing

/// `Parallel.map` keeps results in index order and frees every result it made: a batch maps each block of
/// children to their lists, so a result that outlives its block is memory that grows with the cohort.
@Suite struct ParallelTests {
    /// Counts instances alive, across threads.
    final class Tracked: @unchecked Sendable {
        static let lock = NSLock()
        nonisolated(unsafe) static var alive = 0
        let value: Int
        init(_ value: Int) {
            self.value = value
            Self.lock.withLock { Self.alive += 1 }
        }
        deinit { Self.lock.withLock { Self.alive -= 1 } }
        static var count: Int { lock.withLock { alive } }
    }

    @Test func resultsAreInIndexOrderForAnyThreadCount() {
        for threads in [1, 2, 3, 8] {
            #expect(Parallel.map(1000, threads: threads) { $0 * $0 } == (0..<1000).map { $0 * $0 }, "threads \(threads)")
        }
        #expect(Parallel.map(0, threads: 4) { $0 }.isEmpty)
    }

    /// Before the fix the slot buffer was freed without deinitialising, so every result leaked (a 100,000-child
    /// batch peaked at 5.2 GiB with 2 threads and 68 MB with 1).
    @Test func everyResultIsFreedWhenTheCallerDropsIt() {
        let before = Tracked.count
        do {
            let results = Parallel.map(2000, threads: 4) { Tracked($0) }
            #expect(results.count == 2000 && results[1999].value == 1999)
            #expect(Tracked.count == before + 2000)
        }
        #expect(Tracked.count == before, "results still alive after the caller dropped them: \(Tracked.count - before)")
    }
}
