import ATLTestSupport
import ATLModel
import ATLData
import ATLEngine
import ATLServices
import ATLWorkbench
import Foundation

/// Shared inputs for the workbench tests: the example LA, the shipped weights, and a small postcode lookup holding
/// only the example profiles' postcodes and a few homes for synthetic cohorts (the whole West Midlands lookup
/// takes seconds to load in a debug build). Loaded once per test process.
enum Fixture {
    static let date = "2026-01-15"
    static let catalogue = Repository.path("provision-catalogue/example-la")
    static let weights = Repository.path("provision-catalogue/weights.conf")
    static let examples: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: Repository.path("examples"))) ?? [])
        // The worked examples (`worked-*`) are children on the real West Midlands catalogue, whose postcodes and
        // settings the workbench's example-LA fixture does not hold.
        .filter { $0.hasSuffix(".profile") && !$0.hasPrefix("worked-") }.sorted().map { Repository.path("examples/" + $0) }

    /// The folder holding the small lookup (kept for the whole run).
    static let folder: String = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("atl-workbench-tests-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }()

    /// A lookup with every example profile's postcode, plus the first postcodes of some Telford and Wrekin and
    /// Shropshire districts (homes for synthetic cohorts of the example LA).
    static let postcodes: String = {
        var wanted = Set<String>()
        for path in examples {
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n") where line.hasPrefix("home-postcode:") {
                wanted.insert(line.dropFirst("home-postcode:".count).trimmingCharacters(in: .whitespaces).uppercased())
            }
        }
        // The example cohort's homes too (the batch test uploads it).
        let cohort = (try? String(contentsOfFile: Repository.path("examples/cohort-example-la.csv"), encoding: .utf8)) ?? ""
        for line in cohort.split(whereSeparator: \.isNewline).dropFirst() {
            for cell in line.split(separator: ",") where cell.count >= 6 && cell.count <= 8 && cell.contains(" ") && cell.first!.isLetter
                && cell.last!.isLetter && cell.uppercased() == cell {
                wanted.insert(String(cell))
            }
        }
        let extraDistricts: Set<String> = ["TF1", "TF2", "TF4", "TF7", "TF10", "SY1", "SY3", "SY4", "TF9"]
        let shipped = (try? String(contentsOfFile: Repository.path("provision-catalogue/geography/postcodes-west-midlands.txt"), encoding: .utf8)) ?? ""
        var out = "# test lookup: lines of the shipped lookup\n"
        var outcode = "", header = "", extraTaken = 0, headerWritten = false
        for line in shipped.split(separator: "\n") {
            if line.hasPrefix("#") { continue }
            if line.hasPrefix("@") {
                header = String(line)
                outcode = String(line.dropFirst().split(separator: " ")[0])
                extraTaken = 0
                headerWritten = false
                continue
            }
            let inward = line.split(separator: " ")[0]
            let full = "\(outcode) \(inward)"
            let take = wanted.contains(full) || (extraDistricts.contains(outcode) && extraTaken < 3)
            guard take else { continue }
            if extraDistricts.contains(outcode) { extraTaken += 1 }
            if !headerWritten { out += header + "\n"; headerWritten = true }
            out += line + "\n"
        }
        let path = folder + "/postcodes.txt"
        try? out.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }()

    static var setup: EngineSetup { EngineSetup(catalogue: catalogue, weights: weights, postcodes: postcodes) }

    /// The engine on the example LA, loaded once.
    static let engine: MatchingEngine = {
        do { return try EngineLoader.load(setup, notify: { _ in }) } catch { fatalError("example LA: \(error)") }
    }()

    /// A fresh data folder.
    static func dataFolder(_ name: String) -> String {
        let dir = folder + "/data-\(name)-\(UUID().uuidString.prefix(8))"
        return dir
    }

    /// A started workbench with its own data folder (and the shared engine unless `setup` is given).
    static func workbench(_ name: String, configure: (inout WorkbenchConfiguration) -> Void = { _ in }, loadEngine: Bool = false) throws -> (Workbench, TestClient, LogLines) {
        var c = WorkbenchConfiguration(setup: setup)
        c.port = 0
        c.dataDirectory = dataFolder(name)
        c.date = RunDate(date)
        let log = LogLines()
        c.log = log.add
        configure(&c)
        let w = try Workbench(configuration: c, engine: loadEngine ? nil : engine)
        try w.start()
        return (w, TestClient(port: w.port), log)
    }

    /// One workbench shared by the tests that only read or build lists (started once, never stopped).
    static let shared: (workbench: Workbench, log: LogLines) = {
        do {
            let (w, _, log) = try workbench("shared")
            return (w, log)
        } catch { fatalError("shared workbench: \(error)") }
    }()

    /// A client with a session on the shared workbench.
    static func client() throws -> TestClient {
        let c = TestClient(port: shared.workbench.port)
        _ = try c.get("/")
        return c
    }

    /// The text between `<body…>` and `</body>` of a renderer's page.
    static func bodySection(_ html: String) -> String {
        guard let open = html.range(of: "<body"), let gt = html[open.upperBound...].firstIndex(of: ">"),
              let close = html.range(of: "</body>", options: .backwards) else { return "" }
        return String(html[html.index(after: gt)..<close.lowerBound])
    }
}

/// Access-log and note lines a workbench wrote.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    var add: @Sendable (String) -> Void { { [self] line in lock.withLock { lines.append(line) } } }
    var all: [String] { lock.withLock { lines } }
}
