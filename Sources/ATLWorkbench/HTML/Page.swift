import ATLHTTP

/// The parts of the workbench a page belongs to (the navigation marks the current one).
enum NavSection: String, Sendable, CaseIterable {
    case home, newList, ehcp, register, settings, drafts, commissioning, batch, audit

    var title: String {
        switch self {
        case .home: "Home"
        case .newList: "New list"
        case .ehcp: "From an EHCP"
        case .register: "Issued lists"
        case .settings: "Settings"
        case .drafts: "Report drafts"
        case .commissioning: "Scenarios"
        case .batch: "Batch and allocation"
        case .audit: "Audit"
        }
    }

    var path: String {
        switch self {
        case .home: "/"
        case .newList: "/lists/new"
        case .ehcp: "/ehcp"
        case .register: "/register"
        case .settings: "/settings"
        case .drafts: "/drafts"
        case .commissioning: "/commissioning"
        case .batch: "/batch"
        case .audit: "/audit"
        }
    }
}

/// One page of the workbench before it is laid out.
struct Page {
    var title: String
    var section: NavSection?
    /// HTML inside `<main>` (or, for an embedded document, what comes before it).
    var body: String
    var errors: [H.FieldError] = []
    /// A renderer's page shown inside this one, unchanged (the list, a scenario report).
    var embedded: EmbeddedDocument?
    /// HTML after an embedded document (in its own landmark: the document brings header, main and footer).
    var after: String = ""
    var status: HTTPStatus = .ok
    /// Pages with a child's data are never stored by browsers or proxies.
    var noStore = false
    /// Seconds after which the browser loads the page again (a job's progress), sent as the `Refresh` header —
    /// the HTTP form of `<meta http-equiv="refresh">`, so it works with scripts off; the page offers a way to
    /// stop it (WCAG 2.2.1).
    var refresh: Int?

    init(title: String, section: NavSection? = nil, body: String, errors: [H.FieldError] = [], embedded: EmbeddedDocument? = nil,
         status: HTTPStatus = .ok, noStore: Bool = false) {
        self.title = title
        self.section = section
        self.body = body
        self.errors = errors
        self.embedded = embedded
        self.status = status
        self.noStore = noStore
    }
}

/// What every page's frame shows: the service, the catalogue's kind, and the sign-out button when signing in
/// is on.
struct Frame: Sendable {
    var catalogueName: String
    var fictional: Bool
    var synthetic: Bool
    var signInRequired: Bool
    var engineVersion: String
    var catalogueHash: String

    /// Lays out a page: skip link, header with navigation, the page's content, footer. Embedded documents bring
    /// their own `<header>`, `<main>` and `<footer>` landmarks, so around them the frame uses neither.
    func render(_ page: Page, request: HTTPRequest) -> HTTPResponse {
        let embedded = page.embedded
        var o = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        o += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"robots\" content=\"noindex, nofollow\">\n"
        o += "<title>\(page.errors.isEmpty ? "" : "Error: ")\(e(page.title)) – ATL workbench</title>\n"
        o += "<link rel=\"stylesheet\" href=\"/assets/workbench.css\">\n"
        o += embedded?.styleElements ?? ""
        // Around an embedded page the body's padding is the renderer's, so the header does not reach into it.
        o += "</head>\n<body\(embedded == nil ? "" : " class=\"wb-with-embedded\"")>\n<a class=\"wb-skip\" href=\"#main-content\">Skip to main content</a>\n"
        // Around an embedded document (which has its own banner) the service's name goes inside the navigation
        // landmark, so no content sits outside a landmark and there is only one banner.
        o += embedded == nil ? "<header class=\"wb-header\">\n" : "<div class=\"wb-header\"><nav class=\"wb-nav\" aria-label=\"Workbench\">\n"
        if signInRequired, request.session?.isAuthenticated == true {
            o += "<form class=\"wb-signout\" method=\"post\" action=\"/logout\">\(CSRFProtection.hiddenField(for: request))<button type=\"submit\">Sign out</button></form>\n"
        }
        o += "<a class=\"wb-service\" href=\"/\">ATL workbench</a>"
        if fictional { o += "<span class=\"wb-data-tag\">FICTIONAL DATA</span>" }
        if synthetic { o += "<span class=\"wb-data-tag\">SYNTHETIC DATA</span>" }
        o += "\n<p class=\"wb-tagline\">Advisory Tailored Lists · \(e(catalogueName))</p>\n"
        o += embedded == nil ? "<nav class=\"wb-nav\" aria-label=\"Main\"><ul>\n" : "<ul>\n"
        for s in NavSection.allCases where s != .home {
            o += "<li><a href=\"\(s.path)\"\(s == page.section ? " aria-current=\"page\"" : "")>\(e(s.title))</a></li>\n"
        }
        o += "</ul></nav>\n"
        o += embedded == nil ? "</header>\n" : "</div>\n"
        if let embedded {
            o += "<section id=\"main-content\" tabindex=\"-1\" aria-label=\"About this page\">\n" + H.errorSummary(page.errors) + page.body
                + "</section>\n<div class=\"wb-embedded\">" + embedded.body + "</div>\n" + page.after
        } else {
            o += "<main id=\"main-content\" tabindex=\"-1\">\n" + H.errorSummary(page.errors) + page.body + "</main>\n"
            o += "<footer class=\"wb-footer\">\n<p>Lists are advisory: an officer reviews every list, and families keep their right to ask for any school or setting.</p>\n"
            o += "<p>atl \(e(engineVersion)) · catalogue \(e(catalogueName)) · content hash <code>\(e(String(catalogueHash.prefix(12))))</code></p>\n</footer>\n"
        }
        o += "</body>\n</html>\n"
        var response = HTTPResponse.html(o, status: page.status)
        if let embedded { response.headers.set("Content-Security-Policy", embedded.contentSecurityPolicy) }
        if let refresh = page.refresh { response.headers.set("Refresh", String(refresh)) }
        return page.noStore ? response.noStore() : response
    }
}
