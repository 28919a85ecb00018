import ATLModel
import ATLHTTP
import Foundation

/// Long jobs (batch runs, allocations, scenarios) on a bounded queue, so a request never waits for one and the
/// machine is never asked to run more than `workers` at once.
///
/// A job belongs to the session that started it (only that session can see it or fetch its files), works in
/// its own folder under the data folder (mode 0700; a cohort file is child data), reports progress that its
/// page shows (the page refreshes itself with `<meta http-equiv="refresh">`, no script), and is deleted with
/// its files `retention` after it finishes — and at the next start if the workbench stopped first. When the
/// queue already holds `limit` jobs waiting or running, a new one is refused (the form says to try later).
final class JobQueue: @unchecked Sendable {
    enum Kind: String, Sendable { case scenario, batch }

    enum Phase: Sendable, Equatable {
        case queued
        case running
        case finished
        case failed([String])
    }

    /// A file a job wrote, offered for download under a fixed name (never a path from a request).
    struct File: Sendable, Hashable {
        var name: String
        var title: String
        var contentType: String
    }

    /// What a finished job produced.
    struct Outcome: Sendable {
        var files: [File] = []
        /// Key figures to show on the job's page.
        var figures: [(String, String)] = []
        /// A file holding an HTML report to show on its own page (embedded unchanged).
        var report: String?
        /// Notes to show (warnings from the run).
        var notes: [String] = []
        /// What each change of a scenario did, and why one made no difference (``ScenarioEffects``).
        var effects: [String] = []
    }

    /// Where a running job reports to.
    struct Context: Sendable {
        let folder: String
        let update: @Sendable (_ fraction: Double?, _ message: String) -> Void
        func progress(_ fraction: Double?, _ message: String) { update(fraction, message) }
    }

    typealias Work = @Sendable (Context) throws -> Outcome

    struct Snapshot: Sendable {
        var id: String
        var kind: Kind
        var title: String
        var phase: Phase
        var fraction: Double?
        var message: String
        var position: Int?
        var created: Date
        var started: Date?
        var finished: Date?
        var outcome: Outcome?
        var expires: Date?
    }

    /// Mutable state guarded by the queue's lock (`condition`): never read or written without it.
    private final class Job: @unchecked Sendable {
        let id: String
        let owner: String
        let kind: Kind
        let title: String
        let folder: String
        let work: Work
        let created = Date()
        var started: Date?
        var finished: Date?
        var phase: Phase = .queued
        var fraction: Double?
        var message = "Waiting for an earlier job to finish"
        var outcome: Outcome?

        init(id: String, owner: String, kind: Kind, title: String, folder: String, work: @escaping Work) {
            self.id = id
            self.owner = owner
            self.kind = kind
            self.title = title
            self.folder = folder
            self.work = work
        }
    }

    enum SubmitError: Error { case full, cannotCreateFolder }

    let folder: String
    let limit: Int
    let retention: Duration
    private let condition = NSCondition()
    private var jobs: [String: Job] = [:]
    private var pending: [Job] = []
    private var stopping = false
    private var timer: (any DispatchSourceTimer)?

    /// Starts `workers` worker threads. Anything left in `folder` from an earlier run is deleted first.
    init(folder: String, workers: Int, limit: Int, retention: Duration) {
        self.folder = folder
        self.limit = limit
        self.retention = retention
        try? FileManager.default.removeItem(atPath: folder)
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        for i in 0..<max(1, workers) {
            let t = Thread { [self] in workLoop() }
            t.name = "ATL job worker \(i + 1)"
            t.start()
        }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "ATLWorkbench.jobs.sweep"))
        timer.schedule(deadline: .now() + 30, repeating: 30)
        timer.setEventHandler { [weak self] in self?.sweep() }
        timer.resume()
        self.timer = timer
    }

    /// How long a job's files are kept after it finishes, in words ("1 hour").
    var retentionText: String {
        let minutes = Int(retention.components.seconds / 60)
        if minutes % 60 == 0 { return minutes == 60 ? "1 hour" : "\(minutes / 60) hours" }
        return minutes == 1 ? "1 minute" : "\(minutes) minutes"
    }

    /// Queues a job for `owner`; returns its id (32 hex digits from the secure random source).
    func submit(kind: Kind, title: String, owner: String, work: @escaping Work) throws(SubmitError) -> String {
        let id = SecureRandom.token(byteCount: 16).filter { $0.isLetter || $0.isNumber }
        let jobFolder = folder + "/" + id
        do {
            try FileManager.default.createDirectory(atPath: jobFolder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch { throw .cannotCreateFolder }
        condition.lock()
        defer { condition.unlock() }
        let active = jobs.values.filter { $0.phase == .queued || $0.phase == .running }.count
        guard active < limit, !stopping else {
            try? FileManager.default.removeItem(atPath: jobFolder)
            throw .full
        }
        let job = Job(id: id, owner: owner, kind: kind, title: title, folder: jobFolder, work: work)
        jobs[id] = job
        pending.append(job)
        condition.signal()
        return id
    }

    /// The job as its owner sees it; nil for an unknown id or another session's job.
    func snapshot(id: String, owner: String) -> Snapshot? {
        condition.lock()
        defer { condition.unlock() }
        guard let j = jobs[id], j.owner == owner else { return nil }
        return Snapshot(id: j.id, kind: j.kind, title: j.title, phase: j.phase, fraction: j.fraction, message: j.message,
                        position: pending.firstIndex { $0 === j }.map { $0 + 1 }, created: j.created, started: j.started,
                        finished: j.finished, outcome: j.outcome, expires: j.finished.map { $0 + TimeInterval(retention.components.seconds) })
    }

    /// A finished job's file: its bytes and how to send it; nil unless `name` is one the job declared.
    func file(id: String, owner: String, name: String) -> (File, [UInt8])? {
        condition.lock()
        let found = jobs[id].flatMap { j -> (File, String)? in
            guard j.owner == owner, let f = j.outcome?.files.first(where: { $0.name == name }) ?? (j.outcome?.report == name
                ? File(name: name, title: "Report", contentType: "text/html; charset=utf-8") : nil) else { return nil }
            return (f, j.folder + "/" + f.name)
        }
        condition.unlock()
        guard let (f, path) = found, let data = FileManager.default.contents(atPath: path) else { return nil }
        return (f, [UInt8](data))
    }

    /// Stops taking jobs; running ones finish on their own threads.
    func stop() {
        condition.lock()
        stopping = true
        pending.removeAll()
        condition.broadcast()
        condition.unlock()
        timer?.cancel()
    }

    /// Deletes finished jobs older than the retention time, with their files.
    func sweep(now: Date = Date()) {
        condition.lock()
        let expired = jobs.values.filter { j in j.finished.map { now.timeIntervalSince($0) >= Double(retention.components.seconds) } ?? false }
        for j in expired { jobs[j.id] = nil }
        condition.unlock()
        for j in expired { try? FileManager.default.removeItem(atPath: j.folder) }
    }

    private func workLoop() {
        while true {
            condition.lock()
            while pending.isEmpty && !stopping { condition.wait() }
            if stopping { condition.unlock(); return }
            let job = pending.removeFirst()
            job.phase = .running
            job.started = Date()
            job.message = "Starting"
            condition.unlock()

            let context = Context(folder: job.folder) { [weak self, job] fraction, message in
                guard let self else { return }
                self.condition.lock()
                job.fraction = fraction
                job.message = message
                self.condition.unlock()
            }
            let result: Result<Outcome, any Error>
            do { result = .success(try job.work(context)) } catch { result = .failure(error) }

            condition.lock()
            job.finished = Date()
            switch result {
            case .success(let outcome):
                job.outcome = outcome
                job.phase = .finished
                job.fraction = 1
            case .failure(let error):
                // File names inside the job's folder, not the folder's path (which means nothing to the reader).
                let lines = (error as? ATLError)?.diagnostics.filter { $0.level == .error }
                    .map { $0.description.replacingOccurrences(of: job.folder + "/", with: "") } ?? ["The job stopped: \(error)"]
                job.phase = .failed(Array(lines.prefix(20)))
            }
            condition.unlock()
        }
    }
}

/// Notes a running job collects from the services (warnings), safe to add to from any thread.
final class Notes: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    var add: @Sendable (String) -> Void { { [self] line in lock.withLock { lines.append(line) } } }
    var all: [String] { lock.withLock { lines } }
}
