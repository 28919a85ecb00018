import ATLModel
import ATLServices
import ATLWorkbench
import Foundation

/// `atl serve`: the web workbench on this machine (docs/workbench.md, docs/deploy.md).
enum ServeCommand {
    static let spec = CommandSpec(
        name: "serve",
        abstract: "Run the web workbench: lists, issuing and the register, settings' reports, scenarios, batch and audit.",
        discussion: """
            Loads the engine once and serves the workbench until Ctrl-C (or SIGTERM), which lets requests in flight
            finish. Listens on 127.0.0.1 unless --host is given; any other address needs --token-file, whose token
            every user types on a sign-in page. Issued lists, settings' report drafts and the files of long jobs go
            in --data (created with mode 0700; the register is append-only, mode 0600). The server speaks plain HTTP:
            for an LA server put a reverse proxy with TLS and the LA's sign-on in front (docs/deploy.md) and give
            --public-origin. The access log (standard error) names routes, never paths, queries or form data.
            """,
        options: [
            CommonOptions.catalogue,
            .value("index", "file", "Load the catalogue from this snapshot ('atl index') instead of its text files"),
            .value("weights", "file", "Scoring weights file", default: EngineSetup.defaultWeights),
            .value("postcodes", "file", "Postcode lookup", default: EngineSetup.defaultPostcodes),
            .value("travel-matrix", "csv", "Road distances/times from a routing engine (docs/travel-matrix.md)"),
            .value("host", "address", "Address to listen on (anything but loopback needs --token-file)", default: "127.0.0.1"),
            .value("port", "n", "Port to listen on (0 picks a free one)", default: "8080"),
            .value("data", "dir", "Folder for the register of issued lists, report drafts and job files", default: "atl-data"),
            .value("token-file", "file", "File holding the access token users sign in with (mode 0600, at least 20 characters)"),
            .value("public-origin", "url", "The address browsers use behind a proxy, e.g. https://atl.example.gov.uk"),
            .value("officer-header", "name", "Request header the sign-on proxy sets to the signed-in officer, e.g. X-Remote-User"),
            .value("date", "YYYY-MM-DD", "Run date of every list (default: today); fix it to reproduce pages"),
            .value("jobs", "n", "Long jobs (batch, scenario) run at once", default: "1"),
            .value("job-retention", "minutes", "Minutes a finished job's files are kept", default: "60"),
        ]
    ) { args, console in
        var setup = EngineSetup(catalogue: args.value("catalogue")!, index: args.value("index"), weights: args.given("weights"),
                                postcodes: args.given("postcodes"), travelMatrix: args.value("travel-matrix"))
        setup.needsPostcodes = true
        var c = WorkbenchConfiguration(setup: setup)
        c.host = args.value("host")!
        c.port = try args.int("port", min: 0, max: 65535)!
        c.dataDirectory = args.value("data")!
        c.jobWorkers = try args.int("jobs", min: 1, max: 16)!
        c.jobRetention = .seconds(60 * (try args.int("job-retention", min: 1, max: 7 * 24 * 60)!))
        c.officerHeader = args.value("officer-header")
        if let d = args.value("date") {
            guard let date = RunDate(d) else { throw CLIError.usage(RunDate.problem(d)) }
            c.date = date
        }
        if let origin = args.value("public-origin") {
            guard let url = URL(string: origin), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil, url.path.isEmpty || url.path == "/" else {
                throw CLIError.usage("--public-origin expects an origin like https://atl.example.gov.uk, got \"\(origin.prefix(80))\"")
            }
            c.publicOrigin = origin
        }
        if let file = args.value("token-file") { c.token = try readToken(file) }
        c.log = { [console] line in console.errLine(line) }
        let workbench = try Workbench(configuration: c)
        let address: String
        do { address = try workbench.start() } catch {
            throw CLIError.failure("cannot listen on \(c.host):\(c.port): \(error)")
        }
        for note in workbench.startupNotes { console.errLine(note) }
        if (c.host == "0.0.0.0" || c.host == "::") && c.publicOrigin == nil {
            console.errLine("atl serve: note: requests must name this server in Host; give --public-origin http://NAME:\(workbench.port) with the name users type")
        }
        console.line("atl serve: open \(address) in your browser" + (c.token == nil ? "" : " and sign in with the token in \(args.value("token-file")!)")
                     + " (Ctrl-C stops it)")
        workbench.stopOnSignals()
        workbench.waitUntilStopped()
        return 0
    }

    /// The token in a file: trimmed, at least 20 characters, and the file readable by its owner only.
    static func readToken(_ path: String) throws -> String {
        var st = stat()
        guard stat(path, &st) == 0, let data = FileManager.default.contents(atPath: path) else {
            throw CLIError.usage("--token-file \(path): file not found or not readable")
        }
        guard st.st_mode & 0o077 == 0 else {
            throw CLIError.usage("--token-file \(path) can be read by other users; make it private with: chmod 600 \(path)")
        }
        let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard token.count >= 20, !token.contains(where: \.isNewline) else {
            throw CLIError.usage("--token-file \(path) must hold one token of at least 20 characters, e.g. from: openssl rand -hex 24")
        }
        return token
    }
}
