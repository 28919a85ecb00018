import ATLModel
import ATLData
import ATLEngine
import ATLServices
import ATLRender
import ATLHTTP
import Foundation

/// Issue tokens already used, so a second click on "Issue the list" (or a reload) never issues it twice.
final class IssueTokens: @unchecked Sendable {
    private let lock = NSLock()
    private var used: [String: String] = [:]
    private var order: [String] = []

    func reference(for token: String) -> String? { lock.withLock { used[token] } }

    func record(_ token: String, reference: String) {
        lock.withLock {
            used[token] = reference
            order.append(token)
            if order.count > 10_000 { used[order.removeFirst()] = nil }
        }
    }
}

extension WorkbenchApp {
    static let issueTokens = IssueTokens()

    func installRegister(on router: inout Router) {
        router.get("/register", noStore: true) { [self] request in registerPage(request) }
        router.get("/register/{reference}", noStore: true) { [self] request in issuedList(request, confirmation: false) }
        router.get("/register/{reference}/issued", noStore: true) { [self] request in issuedList(request, confirmation: true) }
        router.get("/register/{reference}/list.html", noStore: true) { [self] request in issuedFile(request, html: true) }
        router.get("/register/{reference}/list.json", noStore: true) { [self] request in issuedFile(request, html: false) }
    }

    /// The officer who issues: the sign-on proxy's header when configured and present, else what was typed.
    func officer(_ request: HTTPRequest, typed: String) -> (value: String, fromProxy: Bool) {
        if let header = configuration.officerHeader, let v = request.headers[header], ListRegister.isValidOfficer(FormInput.oneLine(v)) {
            return (FormInput.oneLine(v), true)
        }
        return (typed, false)
    }

    /// POST /lists/check: check your answers before the list is issued (it cannot be undone).
    func checkAnswers(_ request: HTTPRequest, officerTyped: String = "", error: String? = nil) -> HTTPResponse {
        guard let f = FormInput(request), let w = WorkingList(f) else { return .status(.badRequest) }
        guard case .success(let (input, list)) = compute(w) else { return show(request, w) }
        let p = input.profile
        var o = "<form method=\"post\" action=\"/lists\">" + csrfField(request) + w.hiddenFields
            + "<button class=\"wb-link-button wb-back\" type=\"submit\">Back to the list</button></form>\n"
        o += "<span class=\"wb-caption\">List for \(e(p.reference))</span>\n<h1>Check the list before you issue it</h1>\n"
        o += dataBanner()
        let needs = ([ListText.severityNeed(p.primaryNeed, p.primarySeverity)] + p.secondaryNeeds.map { ListText.severityNeed($0.code, $0.severity) })
            .map(e).joined(separator: "<br>")
        o += "<h2>The child</h2>\n" + H.summaryList([
            ("Case reference", e(p.reference) + (p.synthetic ? " (invented child)" : "")),
            ("Needs", needs),
            ("Provision required", e(p.mustHave.facilities.map(\.title).joined(separator: ", ").ifEmpty("None given"))),
            ("Year group of the placement", e(p.placementYear == 0 ? "Reception" : "Year \(p.placementYear)")),
            ("Home", e(list.homeDistrict.map { "Postcode district \($0)" } ?? "Grid coordinates")),
        ])
        o += "<h2>The list</h2>\n<ol>" + list.entries.map { "<li>\(e($0.setting.name))" + ($0.labels.isEmpty ? "" : " (" + e($0.labels.map(\.title).joined(separator: ", ")) + ")") + "</li>" }.joined() + "</ol>\n"
        if !w.review.isEmpty {
            let rows = w.review.changes.map { c in
                [e(engine.catalogue.setting(urn: c.urn)?.name ?? "URN \(c.urn)"), c.action == .remove ? "Taken off" : "Put on", e(c.reason)]
            }
            o += H.table(caption: "Changes from your review", head: ["Setting", "Change", "Reason"], rows: rows)
        }
        o += "<form method=\"post\" action=\"/lists\">" + csrfField(request) + w.hiddenFields + H.button("Change the list", kind: "secondary") + "</form>\n"
        o += "<h2>Issue the list</h2>\n"
        o += H.warning("Once issued, the list is kept in the register as it is now and cannot be changed. The family’s right to ask for any school is not affected.")
        o += "<form method=\"post\" action=\"/lists/issue\" novalidate>\n" + csrfField(request) + w.hiddenFields
        o += H.hidden("issue-token", f["issue-token"].isEmpty ? SecureRandom.token(byteCount: 16) : f["issue-token"])
        let who = officer(request, typed: officerTyped)
        if who.fromProxy {
            o += H.summaryList([("Issued by", e(who.value) + " <span class=\"wb-source\">from your sign-on</span>")])
        } else {
            o += H.textInput(id: "officer", label: "Your officer identifier",
                             hint: "Your role or staff reference, like SENDO-07: 2 to 20 letters, digits and hyphens, never your name. It is kept with the issued list.",
                             value: officerTyped, error: error, width: "", attributes: "autocomplete=\"username\" spellcheck=\"false\"")
        }
        o += H.button("Issue the list") + "</form>\n"
        return page(Page(title: "Check the list before you issue it", section: .newList, body: o,
                         errors: error.map { [H.FieldError(field: "officer", message: $0)] } ?? [],
                         status: error == nil ? .ok : .unprocessableContent, noStore: true), request)
    }

    /// POST /lists/issue: append the list to the register, then show the confirmation.
    func issue(_ request: HTTPRequest) -> HTTPResponse {
        guard let f = FormInput(request), let w = WorkingList(f) else { return .status(.badRequest) }
        let token = f["issue-token"]
        if !token.isEmpty, let done = WorkbenchApp.issueTokens.reference(for: token) { return .redirect(to: "/register/\(done)/issued") }
        let who = officer(request, typed: f.line("officer"))
        guard !who.value.isEmpty else { return checkAnswers(request, officerTyped: "", error: "Enter your officer identifier") }
        guard ListRegister.isValidOfficer(who.value) else {
            return checkAnswers(request, officerTyped: who.value,
                                error: "Enter your role or staff reference, like SENDO-07: 2 to 20 letters, digits and hyphens")
        }
        guard case .success(let (input, list)) = compute(w) else { return show(request, w) }
        let review = w.review.changes.map { c in
            ListRegister.ReviewedChange(action: c.action.pastTense, urn: c.urn, name: engine.catalogue.setting(urn: c.urn)?.name ?? "", reason: c.reason)
        }
        do throws(ATLError) {
            let entry = try register.append(ListRegister.Issue(list: list, review: review, officer: who.value, profileHash: input.hash,
                                                               listHTML: ListHTML.render(list), listJSON: ListJSON.render(list)))
            if !token.isEmpty { WorkbenchApp.issueTokens.record(token, reference: entry.reference) }
            return .redirect(to: "/register/\(entry.reference)/issued")
        } catch {
            configuration.log("issue failed: \(error.diagnostics.first?.code.rawValue ?? "?")")
            return page(Page(title: "The list could not be issued", section: .newList,
                             body: "<h1>The list could not be issued</h1>\n" + H.p("The register could not be written, so nothing was issued. Tell whoever runs the workbench; the list below is unchanged.")
                                + "<form method=\"post\" action=\"/lists\">" + csrfField(request) + w.hiddenFields + H.button("Back to the list", kind: "secondary") + "</form>\n",
                             status: .internalServerError, noStore: true), request)
        }
    }

    /// GET /register: every issued list, newest first.
    func registerPage(_ request: HTTPRequest) -> HTTPResponse {
        let all = register.all.reversed()
        var o = "<h1>Issued lists</h1>\n"
        o += H.p("Every list issued from this workbench, newest first. Each is kept as it was issued and opens read-only. The register holds case references, never names or addresses.")
        if all.isEmpty {
            o += H.inset("No list has been issued yet. <a href=\"/lists/new\">Start a new list</a>.")
        } else {
            let rows = all.map { s -> [String] in
                ["<a href=\"/register/\(e(s.reference))\">\(e(s.reference))</a>", e(s.childReference) + (s.synthetic ? " (invented)" : ""),
                 e(s.issuedAt.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: " UTC")), e(s.officer), "\(s.settings)", "\(s.changes)"]
            }
            o += H.table(caption: "Issued lists", head: ["Reference", "Child’s case reference", "Issued", "Officer", "Settings", "Review changes"],
                         rows: rows, numeric: [4, 5], captionHidden: true)
        }
        return page(Page(title: "Issued lists", section: .register, body: o, noStore: true), request)
    }

    /// GET /register/{reference}: an issued list, read-only, exactly as issued (with the confirmation panel when
    /// just issued).
    func issuedList(_ request: HTTPRequest, confirmation: Bool) -> HTTPResponse {
        guard let ref = request.pathParameters["reference"], let record = try? register.record(reference: ref) else { return .status(.notFound) }
        let s = record.summary
        var top = ""
        if confirmation {
            top += H.panel(title: "List issued", "Its reference is<br><strong>\(e(s.reference))</strong>")
            top += H.p("The list is in the register as issued. Give the family the page for the family (HTML) or print it; keep the reference with the child’s case.")
        } else {
            top += H.backLink("/register", "Issued lists")
        }
        var facts: [(String, String)] = [
            ("Reference", e(s.reference)), ("Child’s case reference", e(s.childReference)),
            ("Issued", e(s.issuedAt)), ("Officer", e(s.officer)), ("Profile hash", "<code>\(e(record.profileHash))</code>"),
        ]
        if !record.review.isEmpty {
            facts.append(("Review changes", "<ul>" + record.review.map { "<li>\(e($0.action.capitalized)) \(e($0.name)) (URN \($0.urn)): \(e($0.reason))</li>" }.joined() + "</ul>"))
        }
        top += H.details("About this issued list", H.summaryList(facts), open: !confirmation)
        top += "<p><a href=\"/register/\(e(s.reference))/list.html\" download>Download the page for the family (HTML)</a> · <a href=\"/register/\(e(s.reference))/list.json\" download>Download the list (JSON)</a></p>\n"
        return page(Page(title: confirmation ? "List issued" : "Issued list \(s.reference)", section: .register, body: top,
                         embedded: EmbeddedDocument(html: record.listHTML), noStore: true), request)
    }

    func issuedFile(_ request: HTTPRequest, html: Bool) -> HTTPResponse {
        guard let ref = request.pathParameters["reference"], let record = try? register.record(reference: ref) else { return .status(.notFound) }
        return html ? .download(Array(record.listHTML.utf8), filename: "\(ref).html", contentType: "text/html; charset=utf-8")
                    : .download(Array(record.listJSON.utf8), filename: "\(ref).json", contentType: "application/json")
    }
}
