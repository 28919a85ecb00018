import Foundation
import Testing
import ATLTestSupport
import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
@testable import ATLServices

@Suite("BatchService: a cohort's lists, a block at a time, a child never lost")
struct BatchServiceTests {
    /// Progress reports, collected across threads.
    final class Reports: @unchecked Sendable {
        private let lock = NSLock()
        private var done: [Int] = []
        func add(_ n: Int) { lock.lock(); done.append(n); lock.unlock() }
        var all: [Int] { lock.lock(); defer { lock.unlock() }; return done }
    }

    func request(_ folder: TemporaryFolder, cohort: String, output: String = "batch.jsonl", blockSize: Int = 2,
                 resume: Bool = false, date: RunDate = ServiceFixture.date, listsDir: String? = nil) -> BatchService.Request {
        BatchService.Request(cohort: cohort, output: folder.path(output), listsDir: listsDir, resume: resume, threads: 2,
                             blockSize: blockSize, date: date)
    }

    func records(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    @Test func everyRowGivesExactlyOneRecordInInputOrder() throws {
        let folder = try TemporaryFolder("batch-service")
        let cohort = try ServiceFixture.cohort(ServiceFixture.mixedRows, in: folder)
        let reports = Reports()
        let r = try BatchService.run(request(folder, cohort: cohort), engine: ServiceFixture.engine, notify: { _ in },
                                     progress: { done, total, already in
                                         #expect(total == 7)
                                         #expect(already == 0)
                                         reports.add(done)
                                     })
        #expect(r.completed)
        #expect(r.rows == 7)
        #expect(r.summary.rows == 7)
        #expect(r.summary.listed == 4)
        #expect(r.summary.errors == 3)
        #expect(r.summary.reconciles)
        #expect(reports.all == [2, 4, 6, 7])
        let recs = try records(folder.read("batch.jsonl"))
        #expect(recs.map { $0["row"] as? Int } == [1, 2, 3, 4, 5, 6, 7])
        #expect(recs.map { $0["status"] as? String } == ["listed", "listed", "error", "listed", "error", "listed", "error"])
        #expect(recs.allSatisfy { $0["schema"] as? String == BatchRecordFormat.schema })
        #expect(r.firstErrors.count == 3)
        #expect(r.stamp.hash(of: "cohort") == r.cohortHash)
        // The work file became the output and the state says the run is complete.
        #expect(!FileManager.default.fileExists(atPath: folder.path("batch.jsonl.partial")))
        let state = try #require(try BatchState.load(folder.path("batch.jsonl.state")))
        #expect(state.complete)
        #expect(state.rows == 7)
    }

    @Test func aRunResumedAfterACrashWritesTheSameBytes() throws {
        let folder = try TemporaryFolder("batch-resume")
        let cohort = try ServiceFixture.cohort(ServiceFixture.mixedRows, in: folder)
        _ = try BatchService.run(request(folder, cohort: cohort, output: "whole.jsonl"), engine: ServiceFixture.engine,
                                 notify: { _ in }, progress: { _, _, _ in })
        let crashed = try BatchService.run(request(folder, cohort: cohort), engine: ServiceFixture.engine, notify: { _ in },
                                           progress: { _, _, _ in }, hooks: .init(crashAfterBlocks: 2))
        #expect(!crashed.completed)
        #expect(!FileManager.default.fileExists(atPath: folder.path("batch.jsonl")))
        let notes = Notes()
        let resumed = try BatchService.run(request(folder, cohort: cohort, resume: true), engine: ServiceFixture.engine,
                                           notify: notes.notify, progress: { _, _, already in #expect(already == 4) })
        #expect(resumed.completed)
        #expect(resumed.summary.rows == 7)
        #expect(notes.all == ["atl batch: resuming after row 4 of 7"])
        #expect(folder.read("batch.jsonl") == folder.read("whole.jsonl"))
    }

    @Test func aResumeWithAnotherDateIsRefused() throws {
        let folder = try TemporaryFolder("batch-config")
        let cohort = try ServiceFixture.cohort(ServiceFixture.mixedRows, in: folder)
        _ = try BatchService.run(request(folder, cohort: cohort), engine: ServiceFixture.engine, notify: { _ in },
                                 progress: { _, _, _ in }, hooks: .init(crashAfterBlocks: 1))
        let c = codes {
            try BatchService.run(request(folder, cohort: cohort, resume: true, date: RunDate("2026-12-01")!),
                                 engine: ServiceFixture.engine, notify: { _ in }, progress: { _, _, _ in })
        }
        #expect(c == ["batch-state.config-differs"])
    }

    @Test func aFullDiskLeavesNoOutput() throws {
        let folder = try TemporaryFolder("batch-full")
        let cohort = try ServiceFixture.cohort(ServiceFixture.mixedRows, in: folder)
        let c = codes {
            try BatchService.run(request(folder, cohort: cohort), engine: ServiceFixture.engine, notify: { _ in },
                                 progress: { _, _, _ in }, hooks: .init(diskFullAfterBlocks: 1))
        }
        #expect(c?.allSatisfy { $0.hasPrefix("output.") } == true)
        #expect(!FileManager.default.fileExists(atPath: folder.path("batch.jsonl")))
    }

    @Test func eachListedChildGetsOneListFile() throws {
        let folder = try TemporaryFolder("batch-lists")
        let cohort = try ServiceFixture.cohort(ServiceFixture.mixedRows, in: folder)
        let lists = folder.path("lists")
        _ = try BatchService.run(request(folder, cohort: cohort, listsDir: lists), engine: ServiceFixture.engine,
                                 renderList: { "list of \($0.reference)\n" }, notify: { _ in }, progress: { _, _, _ in })
        let files = try FileManager.default.contentsOfDirectory(atPath: lists).sorted()
        #expect(files == ["000001-SYN-T-1.md", "000002-SYN-T-2.md", "000004-SYN-T-4.md", "000006-SYN-T-6.md"])
        #expect(folder.read("lists/000004-SYN-T-4.md") == "list of SYN-T-4\n")
    }

    @Test func anOutputOnTheCohortIsRefusedBeforeAnythingIsWritten() throws {
        let folder = try TemporaryFolder("batch-policy")
        let cohort = try ServiceFixture.cohort(ServiceFixture.mixedRows, in: folder)
        let before = folder.read("cohort.csv")
        let c = codes {
            try BatchService.run(request(folder, cohort: cohort, output: "cohort.csv"), engine: ServiceFixture.engine,
                                 notify: { _ in }, progress: { _, _, _ in })
        }
        #expect(c == ["usage.output-is-input"])
        #expect(folder.read("cohort.csv") == before)
        #expect(!FileManager.default.fileExists(atPath: folder.path("cohort.csv.state")))
    }
}
