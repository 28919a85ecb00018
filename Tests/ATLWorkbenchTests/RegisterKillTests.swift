import ATLTestSupport
import ATLServices
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The register survives a real kill: `atl serve` (the built binary, its own process) is killed with SIGKILL
/// while several officers are issuing lists, three times over on the same data folder. After every kill the
/// register opens (a record cut short is removed, nothing else touched), its records run 1…n in a chain, and every
/// list the server said was issued (a 303 to its register page) is in it. The cut-short record itself is tested
/// byte by byte in `RegisterTests`; this test shows nothing acknowledged is lost when the process really dies.
@Suite(.serialized) struct RegisterKillTests {
    /// Starts `atl serve` on a free port and returns it with its port once it says where to open it.
    static func serve(data: String) throws -> (Process, Int) {
        let atl = Repository.path(".build/debug/atl")
        try #require(FileManager.default.isExecutableFile(atPath: atl), "swift test builds .build/debug/atl")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: atl)
        p.currentDirectoryURL = URL(fileURLWithPath: Repository.path(""))
        p.arguments = ["serve", "--port", "0", "--data", data, "--date", Fixture.date, "--catalogue", Fixture.catalogue,
                       "--weights", Fixture.weights, "--postcodes", Fixture.postcodes]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        var text = ""
        while true {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
            if let r = text.range(of: #"open http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                let port = Int(text[r].split(separator: ":").last!.dropLast())!
                return (p, port)
            }
        }
        p.terminate()
        throw ATLErrorLike("atl serve did not start: \(text.prefix(300))")
    }

    struct ATLErrorLike: Error, CustomStringConvertible { var description: String; init(_ s: String) { description = s } }

    /// Checks a list and issues it; the register reference when the server acknowledged it.
    static func issueOne(_ c: TestClient, csrf: String, profile: String, officer: String) -> String? {
        guard let check = try? c.post("/lists/check", form: [("_csrf", csrf), ("profile", profile)]), check.status == 200,
              let token = check.firstMatch(#"name="issue-token" value="([^"]+)""#),
              let issued = try? c.post("/lists/issue", form: [("_csrf", csrf), ("profile", profile), ("issue-token", token), ("officer", officer)]),
              issued.status == 303, let location = issued.header("Location") else { return nil }
        // /register/ATL-2026-000003/issued
        let parts = location.split(separator: "/")
        return parts.count == 3 && parts[0] == "register" ? String(parts[1]) : nil
    }

    @Test func noAcknowledgedListIsLostWhenTheServerIsKilledWhileIssuing() throws {
        let data = Fixture.dataFolder("kill")
        let profile = Data("format: atl-profile/1\nreference: KILL-1\nsynthetic: yes\nprimary-need: ASD\nnc-year: 6\nhome-postcode: TF3 1LA\n".utf8).base64EncodedString()
        var acknowledged: [String] = []
        for round in 0..<3 {
            let (server, port) = try Self.serve(data: data)
            let client = TestClient(port: port)
            let csrf = try #require(try client.get("/lists/new").csrf)
            let done = Locked([String]())
            let stop = Locked(false)
            let group = DispatchGroup()
            for officer in 0..<3 {
                DispatchQueue.global().async(group: group) {
                    while !stop.withLock({ $0 }) {
                        guard let ref = Self.issueOne(client, csrf: csrf, profile: profile, officer: "SENDO-\(officer)") else { continue }
                        done.withLock { $0.append(ref) }
                    }
                }
            }
            // Kill once a few lists are issued in this round (later rounds later), while the others are mid-request.
            let deadline = Date().addingTimeInterval(120)
            while done.withLock({ $0.count }) < 2 + 3 * round && Date() < deadline { usleep(2_000) }
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
            stop.withLock { $0 = true }
            group.wait()
            let issued = done.withLock { $0 }
            #expect(issued.count >= 2 + 3 * round, "round \(round): only \(issued.count) lists were issued before the deadline")
            acknowledged += issued

            let register = try ListRegister(path: data + "/register.jsonl")
            #expect(register.all.map(\.seq) == (0..<register.count).map { $0 + 1 }, "records run 1…n")
            for ref in acknowledged {
                #expect(try register.record(reference: ref) != nil, "round \(round): \(ref) was acknowledged but is not in the register")
            }
            #expect(register.count >= acknowledged.count)
            print("register kill round \(round): \(issued.count) acknowledged, \(register.count) records, \(register.repairedBytes) bytes of a cut-short record removed")
        }
    }
}
