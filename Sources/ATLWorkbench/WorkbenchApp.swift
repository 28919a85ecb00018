import ATLModel
import ATLData
import ATLEngine
import ATLServices
import ATLMaps
import ATLHTTP
import Foundation

/// The engine, reloadable as a whole: requests take the current one (a value, shared read-only); accepting a
/// report into the catalogue loads a new one and swaps it in.
final class EngineHolder: @unchecked Sendable {
    private let lock = NSLock()
    private var engine: MatchingEngine

    init(_ engine: MatchingEngine) { self.engine = engine }

    var current: MatchingEngine { lock.withLock { engine } }

    func replace(with new: MatchingEngine) { lock.withLock { engine = new } }
}

/// Everything the pages share: configuration, engine, register, drafts, jobs, sessions; and the middleware and
/// routes. Page handlers live in extensions, one file per part of the workbench (`Pages/`).
final class WorkbenchApp: Sendable {
    let configuration: WorkbenchConfiguration
    let engines: EngineHolder
    let register: ListRegister
    let drafts: ReportDraftStore
    let jobs: JobQueue
    let store: SessionStore
    let hosts = HostAllowList()
    let startupNotes: [String]
    let csrf: CSRFOptions
    /// LA boundaries and towns for the scenario report's maps, loaded once (nil when the files are not there).
    let geography: MapGeography?

    init(configuration c: WorkbenchConfiguration, engine: MatchingEngine?) throws(ATLError) {
        configuration = c
        let loaded: MatchingEngine
        if let engine { loaded = engine } else { loaded = try EngineLoader.load(c.setup, notify: { c.log($0) }) }
        engines = EngineHolder(loaded)
        do { geography = try GeographyLoader.load(notify: { c.log($0) }) } catch {
            c.log("atl serve: maps without LA boundaries: \(error.diagnostics.first?.message ?? "?")")
            geography = nil
        }
        let data = c.dataDirectory
        do {
            try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ATLError(code: "output.cannot-create-folder", file: data, "cannot create the data folder \(data): \(FileProblem.describe(error))")
        }
        chmod(data, 0o700)
        register = try ListRegister(path: data + "/" + ListRegister.fileName)
        drafts = try ReportDraftStore(folder: data + "/drafts")
        jobs = JobQueue(folder: data + "/jobs", workers: c.jobWorkers, limit: c.jobLimit, retention: c.jobRetention)
        let https = c.publicOrigin?.lowercased().hasPrefix("https://") ?? false
        // "__Host-" cookies are only accepted over HTTPS, from this host, for the whole site.
        store = SessionStore(cookie: SessionCookieOptions(name: https ? "__Host-atl-session" : "atl-session", secure: https))
        csrf = CSRFOptions(scheme: https ? "https" : "http")
        var notes = ["atl serve: data folder \((data as NSString).standardizingPath) (register, report drafts, job files for \(jobs.retentionText))"]
        if register.repairedBytes > 0 {
            notes.append("atl serve: the register's last record was cut short (\(register.repairedBytes) bytes, a crash while issuing): removed; every earlier record checked")
        }
        startupNotes = notes
    }

    /// `host:port` of an origin such as `https://atl.example.gov.uk` (the default port left out, as browsers send Host).
    static func authority(of origin: String) -> String? {
        guard let url = URL(string: origin), let host = url.host, let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https" else { return nil }
        let h = host.contains(":") ? "[\(host)]" : host
        guard let port = url.port, port != (scheme == "https" ? 443 : 80) else { return h }
        return "\(h):\(port)"
    }

    var engine: MatchingEngine { engines.current }

    /// The run date of a list made now.
    var date: RunDate { configuration.date ?? RunDate.today() }

    var frame: Frame {
        let c = engine.catalogue
        return Frame(catalogueName: catalogueName, fictional: c.isFictional, synthetic: c.isSynthetic,
                     signInRequired: configuration.token != nil, engineVersion: EngineVersion.current, catalogueHash: c.contentHash)
    }

    /// The catalogue's name for people: its LA when it has one, else its folder's name.
    var catalogueName: String {
        let las = engine.catalogueAuthorities
        if las.count == 1 { return las[0].name }
        let name = CatalogueService.name(configuration.setup.catalogue)
        return las.isEmpty ? name : "\(name) (\(las.count) local authorities)"
    }

    func page(_ page: Page, _ request: HTTPRequest) -> HTTPResponse { frame.render(page, request: request) }

    /// The hidden CSRF field for a form that changes anything.
    func csrfField(_ request: HTTPRequest) -> String { CSRFProtection.hiddenField(for: request, options: csrf) }

    /// The key a job is filed under: a hash of the session's CSRF token (the token itself never leaves the session).
    func owner(_ request: HTTPRequest) -> String { SHA256.hex(request.session?.csrfToken ?? "no-session") }

    // MARK: - Middleware and routes

    func install(on router: inout Router) {
        let log = configuration.log
        router.use(AccessLog.middleware { log($0.line) })
        router.use(SecurityHeaders.middleware())
        router.use(ErrorPages.middleware(self))
        router.use(HostCheck.middleware(hosts))
        router.use(Sessions.middleware(store: store))
        router.use(CSRFProtection.middleware(csrf))
        if let token = configuration.token {
            var options = BearerLoginOptions(token: token)
            options.openPaths = ["/healthz", "/assets/workbench.css"]
            options.csrf = csrf
            options.renderForm = { [self] form in LoginPage.render(form, frame: frame) }
            BearerLogin(options: options, store: store).install(on: &router)
        }
        router.get("/healthz") { _ in .text("ok\n") }
        router.get("/assets/workbench.css") { _ in
            var r = HTTPResponse(status: .ok, headers: ["Content-Type": "text/css; charset=utf-8"], body: Array(Stylesheet.css.utf8))
            r.headers.set("Cache-Control", "max-age=300")
            return r
        }
        installHome(on: &router)
        installLists(on: &router)
        installEHCP(on: &router)
        installRegister(on: &router)
        installSettings(on: &router)
        installReports(on: &router)
        installJobs(on: &router)
        installAudit(on: &router)
    }
}
