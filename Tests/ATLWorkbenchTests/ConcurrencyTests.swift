import ATLTestSupport
import Foundation
import Testing

/// The engine is loaded once and shared read-only: concurrent requests give the same bytes as sequential ones.
@Suite struct ConcurrencyTests {
    @Test func concurrentListRequestsGiveTheSameBytesAsSequentialOnes() throws {
        let client = try Fixture.client()
        let form = try client.get("/lists/new")
        let csrf = form.csrf ?? ""
        // One request per example profile, each built from its exact bytes (the session, so the page, is shared).
        let profiles = Fixture.examples.map { Data(FileManager.default.contents(atPath: $0) ?? Data()).base64EncodedString() }
        let sequential = try profiles.map { try client.post("/lists", form: [("_csrf", csrf), ("profile", $0)]).body }
        #expect(sequential.allSatisfy { !$0.isEmpty })
        let rounds = 4
        let results = Locked([[UInt8]?](repeating: nil, count: profiles.count * rounds))
        DispatchQueue.concurrentPerform(iterations: profiles.count * rounds) { i in
            let reply = try? client.post("/lists", form: [("_csrf", csrf), ("profile", profiles[i % profiles.count])])
            results.withLock { $0[i] = reply?.status == 200 ? reply?.body : nil }
        }
        let concurrent = results.withLock { $0 }
        for (i, bytes) in concurrent.enumerated() {
            #expect(bytes == sequential[i % profiles.count], "request \(i) differs from the sequential answer")
        }
    }
}

/// A value behind a lock, for collecting results from concurrent test work.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func withLock<R>(_ body: (inout Value) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
