import ATLModel
import ATLData
import ATLEngine
import ATLServices
import ATLHTTP
import Foundation

/// How `atl serve` runs the workbench.
public struct WorkbenchConfiguration: Sendable {
    /// Where the engine's inputs come from (catalogue or snapshot, weights, postcodes).
    public var setup: EngineSetup
    /// Loopback by default; another address needs a token (`token`).
    public var host: String = "127.0.0.1"
    /// 0 picks a free port.
    public var port: Int = 8080
    /// The register of issued lists, report drafts and job files live here (created with mode 0700).
    public var dataDirectory: String = "atl-data"
    /// With a token, every request needs a session that signed in with it (a login form).
    public var token: String?
    /// The address browsers use when a proxy is in front (`https://atl.example.gov.uk`): its host is allowed, its
    /// scheme decides the CSRF origin check and the cookie's `Secure` flag.
    public var publicOrigin: String?
    /// A request header set by the LA's sign-on proxy with the signed-in officer's identifier (e.g.
    /// `X-Remote-User`); when present it is the officer recorded on an issued list.
    public var officerHeader: String?
    /// A fixed run date for every list (reproducible pages, tests); nil means today in England.
    public var date: RunDate?
    /// Long jobs run at once, and most waiting or running before new ones are refused.
    public var jobWorkers: Int = 1
    public var jobLimit: Int = 8
    /// How long a finished job's files are kept.
    public var jobRetention: Duration = .seconds(3600)
    /// Largest upload (a cohort CSV or a scenario file).
    public var uploadLimit: Int = 16 << 20
    /// Where the access log and notes go (one line each, never child data).
    public var log: @Sendable (String) -> Void = { _ in }

    public init(setup: EngineSetup) { self.setup = setup }

    /// True for addresses only this machine can reach.
    public static func isLoopback(_ host: String) -> Bool {
        let h = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return h == "localhost" || h == "::1" || h.hasPrefix("127.")
    }
}

/// The workbench: the engine loaded once and shared read-only by every request, the register, report drafts and
/// the job queue, behind one router and the hardened HTTP server (`ATLHTTP`).
public final class Workbench: Sendable {
    public let configuration: WorkbenchConfiguration
    let app: WorkbenchApp
    public let router: Router
    let server: HTTPServer

    /// Loads the engine (unless one is given) and opens the data folder. Nothing listens until `start()`.
    public init(configuration: WorkbenchConfiguration, engine: MatchingEngine? = nil) throws(ATLError) {
        if configuration.token == nil && !WorkbenchConfiguration.isLoopback(configuration.host) {
            throw ATLError(code: "usage.serve-needs-token", file: "serve", field: "host",
                           "--host \(configuration.host) would let other machines reach the workbench: give --token-file FILE too, so every user must sign in")
        }
        self.configuration = configuration
        let app = try WorkbenchApp(configuration: configuration, engine: engine)
        self.app = app
        var router = Router()
        app.install(on: &router)
        self.router = router
        var server = HTTPServerConfiguration(host: configuration.host, port: configuration.port)
        server.onEvent = { event in
            switch event {
            case .refused(let e): configuration.log("refused: \(e.status.code)")
            case .overloaded: configuration.log("refused: too many connections (503)")
            case .acceptFailed(let code): configuration.log("accept failed: errno \(code)")
            case .stopped(let abandoned): configuration.log("stopped" + (abandoned > 0 ? " (\(abandoned) connections cut off)" : ""))
            default: break
            }
        }
        self.server = HTTPServer(configuration: server, router: router)
    }

    /// Binds and starts answering. Returns the address to open.
    @discardableResult
    public func start() throws(HTTPServerError) -> String {
        try server.start()
        app.hosts.allowLoopback(port: server.port)
        let host = configuration.host
        if !WorkbenchConfiguration.isLoopback(host) && host != "0.0.0.0" && host != "::" {
            app.hosts.allow(host.contains(":") && !host.hasPrefix("[") ? "[\(host)]:\(server.port)" : "\(host):\(server.port)")
        }
        if let origin = configuration.publicOrigin, let authority = WorkbenchApp.authority(of: origin) { app.hosts.allow(authority) }
        let shown = WorkbenchConfiguration.isLoopback(host) || host == "0.0.0.0" || host == "::" ? "127.0.0.1" : host
        return configuration.publicOrigin ?? "http://\(shown.contains(":") ? "[\(shown)]" : shown):\(server.port)/"
    }

    public var port: Int { server.port }

    /// Stops taking requests and jobs, lets requests in flight finish.
    public func shutdown(gracePeriod: Duration = .seconds(10)) {
        app.jobs.stop()
        server.shutdown(gracePeriod: gracePeriod)
    }

    /// SIGINT/SIGTERM stop the server gracefully.
    public func stopOnSignals() {
        let jobs = app.jobs
        server.stopOnSignals()
        _ = jobs
    }

    public func waitUntilStopped() {
        server.waitUntilStopped()
        app.jobs.stop()
    }

    /// Notes for the console at start-up (where the data folder is, a repaired register).
    public var startupNotes: [String] { app.startupNotes }
}
