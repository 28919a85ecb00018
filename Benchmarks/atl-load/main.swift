// atl-load: a bounded load check of the workbench (`atl serve`) on loopback.
//
//   swift run -c release atl-load [--requests N] [--seconds S] [--levels 1,10,50] [--output FILE]
//
// Starts the workbench in this process on a free loopback port (fixed run date, temporary data folder), signs a
// session in the way a browser does (a page for the cookie and the CSRF token), then at each concurrency level
// runs that many clients, each on its own kept-alive connection, posting list requests (the example profiles'
// exact bytes, as the list page's forms post them) until the level has made N requests or S seconds have passed.
// Each level reports requests, errors (any answer but 200, or a broken connection), latency p50 / p90 / p99 /
// max, and requests per second. Levels run on the example LA, and on the national snapshot when
// .build/bench/national.atlidx exists (made by atl-bench). Results: a Markdown table on standard output and in
// Benchmarks/results/workbench-load.md (or --output).
import ATLModel
import ATLData
import ATLEngine
import ATLServices
import ATLWorkbench
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct LoadOptions {
    var requests = 400
    var seconds = 20.0
    var levels = [1, 10, 50]
    var output = "Benchmarks/results/workbench-load.md"

    init(_ args: [String]) {
        var i = 0
        func next() -> String {
            i += 1
            guard i < args.count else { fatalError("atl-load: \(args[i - 1]) needs a value") }
            return args[i]
        }
        while i < args.count {
            switch args[i] {
            case "--requests": requests = Int(next()) ?? requests
            case "--seconds": seconds = Double(next()) ?? seconds
            case "--levels": levels = next().split(separator: ",").compactMap { Int($0) }
            case "--output": output = next()
            case "--help", "-h":
                print("usage: atl-load [--requests N] [--seconds S] [--levels 1,10,50] [--output FILE]")
                exit(0)
            default: fatalError("atl-load: unknown option \(args[i])")
            }
            i += 1
        }
    }
}

func log(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }

/// One kept-alive HTTP/1.1 connection to the workbench, with the session's cookie.
final class Connection {
    let fd: Int32
    var buffer: [UInt8] = []

    init?(port: Int) {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let ok = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if ok != 0 { close(fd); return nil }
    }

    deinit { close(fd) }

    /// Sends a request and reads one response; returns status, headers text and body (nil on a broken connection).
    func exchange(_ request: [UInt8]) -> (Int, String, [UInt8])? {
        var sent = 0
        while sent < request.count {
            let n = request.withUnsafeBytes { send(fd, $0.baseAddress! + sent, request.count - sent, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return nil }
            sent += n
        }
        let separator: [UInt8] = [13, 10, 13, 10]
        var headEnd: Int?
        while headEnd == nil {
            headEnd = buffer.count >= 4 ? (0...(buffer.count - 4)).first { buffer[$0..<$0 + 4].elementsEqual(separator) } : nil
            if headEnd == nil && !fill() { return nil }
        }
        let head = String(decoding: buffer[0..<headEnd!], as: UTF8.self)
        buffer.removeFirst(headEnd! + 4)
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        var length = 0
        for line in head.split(separator: "\r\n") where line.lowercased().hasPrefix("content-length:") {
            length = Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) ?? 0
        }
        while buffer.count < length { if !fill() { return nil } }
        let body = Array(buffer[0..<length])
        buffer.removeFirst(length)
        return (status, head, body)
    }

    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
        guard n > 0 else { return false }
        buffer += chunk[0..<n]
        return true
    }
}

/// Requests issued, errors and latencies of one level, shared by its client threads.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var issued = 0, errors = 0
    private var latencies: [Double] = []

    /// Claims the next request, unless the level has made enough or run out of time.
    func take(limit: Int, deadline: Date) -> Bool {
        lock.withLock {
            guard issued < limit, Date() < deadline else { return false }
            issued += 1
            return true
        }
    }

    func record(_ ok: Bool, seconds: Double) {
        lock.withLock { if ok { latencies.append(seconds) } else { errors += 1 } }
    }

    var totals: (Int, Int, [Double]) { lock.withLock { (issued, errors, latencies) } }
}

struct LevelResult {
    var label: String
    var clients: Int
    var requests: Int
    var errors: Int
    var latencies: [Double]
    var seconds: Double

    func percentile(_ p: Double) -> Double {
        guard !latencies.isEmpty else { return .nan }
        let sorted = latencies.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }
}

func ms(_ x: Double) -> String { x.isNaN ? "–" : String(format: "%.1f", x * 1000) }

/// Runs one catalogue through every level.
func run(label: String, setup: EngineSetup, options: LoadOptions) throws -> [LevelResult] {
    let loadStart = Date()
    let engine = try EngineLoader.load(setup, notify: { log($0) })
    log("atl-load: \(label): \(engine.catalogue.settings.count) settings loaded in \(String(format: "%.1f", Date().timeIntervalSince(loadStart))) s")
    var c = WorkbenchConfiguration(setup: setup)
    c.port = 0
    c.dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("atl-load-\(getpid())").path
    c.date = RunDate("2026-01-15")
    let workbench = try Workbench(configuration: c, engine: engine)
    try workbench.start()
    defer {
        workbench.shutdown(gracePeriod: .seconds(2))
        try? FileManager.default.removeItem(atPath: c.dataDirectory)
    }
    let port = workbench.port
    let host = "127.0.0.1:\(port)"

    // A session, as a browser gets one: the form page sets the cookie and holds the CSRF token.
    guard let first = Connection(port: port),
          let (_, head, body) = first.exchange(Array("GET /lists/new HTTP/1.1\r\nHost: \(host)\r\n\r\n".utf8)) else { fatalError("atl-load: no answer") }
    let cookie = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("set-cookie:") }
        .map { $0.dropFirst("set-cookie:".count).split(separator: ";")[0].trimmingCharacters(in: .whitespaces) } ?? ""
    let page = String(decoding: body, as: UTF8.self)
    guard let r = page.range(of: "name=\"_csrf\" value=\""), let end = page[r.upperBound...].firstIndex(of: "\"") else { fatalError("atl-load: no CSRF token") }
    let csrf = String(page[r.upperBound..<end])

    let examples = ((try? FileManager.default.contentsOfDirectory(atPath: "examples")) ?? []).filter { $0.hasSuffix(".profile") }.sorted()
    let requests: [[UInt8]] = examples.map { name in
        let profile = Data(FileManager.default.contents(atPath: "examples/" + name) ?? Data()).base64EncodedString()
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._")
        let form = "_csrf=\(csrf.addingPercentEncoding(withAllowedCharacters: allowed)!)&profile=\(profile.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        return Array(("POST /lists HTTP/1.1\r\nHost: \(host)\r\nCookie: \(cookie)\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                      + "Content-Length: \(form.utf8.count)\r\n\r\n" + form).utf8)
    }
    // Warm up: each profile once.
    for q in requests { _ = first.exchange(q) }

    var results: [LevelResult] = []
    for clients in options.levels {
        let tally = Tally()
        let deadline = Date().addingTimeInterval(options.seconds)
        let started = Date()
        // One thread per client (Dispatch's concurrentPerform would run only as many as there are cores).
        let group = DispatchGroup()
        for client in 0..<clients {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                var connection = Connection(port: port)
                var k = client
                while tally.take(limit: options.requests, deadline: deadline) {
                    if connection == nil { connection = Connection(port: port) }
                    let t0 = DispatchTime.now().uptimeNanoseconds
                    let answer = connection?.exchange(requests[k % requests.count])
                    let dt = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
                    k += 1
                    tally.record(answer.map { $0.0 == 200 } ?? false, seconds: dt)
                    if answer == nil || answer?.1.lowercased().contains("connection: close") == true { connection = nil }
                }
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.wait()
        let (issued, errors, latencies) = tally.totals
        let level = LevelResult(label: label, clients: clients, requests: issued, errors: errors, latencies: latencies,
                                seconds: Date().timeIntervalSince(started))
        log("atl-load: \(label), \(clients) clients: \(level.requests) requests, \(errors) errors, p50 \(ms(level.percentile(0.5))) ms, p99 \(ms(level.percentile(0.99))) ms")
        results.append(level)
    }
    return results
}

let options = LoadOptions(Array(CommandLine.arguments.dropFirst()))
var all: [LevelResult] = []
do {
    all += try run(label: "example LA (\(EngineSetup.defaultCatalogue))", setup: EngineSetup(), options: options)
    let national = ".build/bench/national.atlidx"
    if FileManager.default.fileExists(atPath: national) {
        all += try run(label: "national snapshot (\(national))", setup: EngineSetup(catalogue: ".build/bench/national", index: national), options: options)
    } else {
        log("atl-load: \(national) not found (run atl-bench first): the national snapshot is not measured")
    }
} catch {
    fatalError("atl-load: \(error)")
}

var info = utsname()
uname(&info)
let machine = withUnsafeBytes(of: &info.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
var md = "# Workbench load check (`atl-load`)\n\n"
let today = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
md += "Measured \(today). List requests (`POST /lists`, the example profiles in turn, each client on its own kept-alive connection) against "
md += "`atl serve` in process on loopback; at most \(options.requests) requests or \(Int(options.seconds)) s per level. "
let loadAverage = ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "").split(separator: " ").prefix(3).joined(separator: " ")
md += "\(ProcessInfo.processInfo.activeProcessorCount) cores (\(machine)), shared with other work (load average \(loadAverage.isEmpty ? "unknown" : loadAverage) at the end); "
#if DEBUG
md += "debug build.\n\n"
#else
md += "release build.\n\n"
#endif
md += "| catalogue | clients | requests | errors | p50 ms | p90 ms | p99 ms | max ms | requests/s |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"
for r in all {
    md += "| \(r.label) | \(r.clients) | \(r.requests) | \(r.errors) | \(ms(r.percentile(0.5))) | \(ms(r.percentile(0.9))) | \(ms(r.percentile(0.99))) | "
        + "\(ms(r.latencies.max() ?? .nan)) | \(String(format: "%.1f", Double(r.requests - r.errors) / max(r.seconds, 0.001))) |\n"
}
print(md, terminator: "")
do {
    try FileManager.default.createDirectory(atPath: (options.output as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try md.write(toFile: options.output, atomically: true, encoding: .utf8)
    log("atl-load: written to \(options.output)")
} catch {
    log("atl-load: cannot write \(options.output): \(error)")
}

