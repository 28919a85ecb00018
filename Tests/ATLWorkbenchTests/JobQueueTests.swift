import ATLTestSupport
@testable import ATLWorkbench
import Foundation
import Testing

/// Long jobs run on a bounded queue: at most `limit` waiting or running, one worker at a time here, each job seen
/// only by the session that started it, its files deleted after the retention time.
@Suite struct JobQueueTests {
    static func waitFor(_ what: () -> Bool) {
        let deadline = Date().addingTimeInterval(20)
        while !what() && Date() < deadline { usleep(5_000) }
    }

    @Test func theQueueIsBoundedAndEachJobIsSeenOnlyByItsOwner() throws {
        let dir = try TemporaryFolder("jobs")
        let queue = JobQueue(folder: dir.path("jobs"), workers: 1, limit: 2, retention: .seconds(0))
        defer { queue.stop() }
        let gate = DispatchSemaphore(value: 0)
        let work: JobQueue.Work = { context in
            context.progress(0.5, "half way")
            gate.wait()
            try Data("done".utf8).write(to: URL(fileURLWithPath: context.folder + "/out.txt"))
            return JobQueue.Outcome(files: [JobQueue.File(name: "out.txt", title: "Out", contentType: "text/plain")])
        }
        let first = try queue.submit(kind: .batch, title: "first", owner: "a", work: work)
        let second = try queue.submit(kind: .batch, title: "second", owner: "a", work: work)
        Self.waitFor { queue.snapshot(id: first, owner: "a")?.phase == .running }
        #expect(queue.snapshot(id: first, owner: "a")?.message == "half way")
        #expect(queue.snapshot(id: second, owner: "a")?.phase == .queued, "one worker: the second waits")
        // A third is refused while two are waiting or running.
        #expect(throws: JobQueue.SubmitError.self) { _ = try queue.submit(kind: .scenario, title: "third", owner: "b", work: work) }
        // Another session sees neither the job nor its files.
        #expect(queue.snapshot(id: first, owner: "b") == nil)
        gate.signal()
        Self.waitFor { queue.snapshot(id: first, owner: "a")?.phase == .finished }
        #expect(queue.file(id: first, owner: "a", name: "out.txt")?.1 == Array("done".utf8))
        #expect(queue.file(id: first, owner: "b", name: "out.txt") == nil)
        #expect(queue.file(id: first, owner: "a", name: "../out.txt") == nil, "only files the job declared")
        // With one finished, there is room again.
        let third = try queue.submit(kind: .scenario, title: "third", owner: "b", work: work)
        gate.signal(); gate.signal()
        Self.waitFor { queue.snapshot(id: third, owner: "b")?.phase == .finished }
        #expect(queue.snapshot(id: third, owner: "b")?.phase == .finished)
        // Past the retention time a finished job and its folder are gone.
        queue.sweep(now: Date().addingTimeInterval(1))
        #expect(queue.snapshot(id: first, owner: "a") == nil)
        #expect(!FileManager.default.fileExists(atPath: dir.path("jobs") + "/" + first))
    }
}
