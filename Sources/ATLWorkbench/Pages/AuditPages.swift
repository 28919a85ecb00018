import ATLModel
import ATLData
import ATLPlanning
import ATLServices
import ATLRender
import ATLHTTP

/// The gap analysis of the loaded catalogue as a page, and the letters to settings to download. Each letter
/// ends with the address of the setting's enhanced SEN information report form in this workbench.
extension WorkbenchApp {
    func installAudit(on router: inout Router) {
        router.get("/audit") { [self] request in auditPage(request) }
        router.get("/audit/letters", noStore: true) { [self] request in allLetters(request) }
        router.get("/audit/letters/{urn}") { [self] request in letter(request) }
    }

    /// The gap analysis of the catalogue loaded (whole catalogue, so it cannot fail).
    var auditResult: AuditService.Result {
        (try? AuditService.run(engine.catalogue, root: configuration.setup.catalogue, date: date, weights: engine.weights))!
    }

    /// GET /audit: the report `atl audit --format html` writes, shown unchanged, then each setting's letter and
    /// enhanced report form.
    func auditPage(_ request: HTTPRequest) -> HTTPResponse {
        let r = auditResult
        let a = r.analysis
        let doc = EmbeddedDocument(html: AuditHTML.render(a, stamp: r.stamp, title: AuditService.singleLAName(a)))
        func pct(_ c: Coverage) -> String { c.percent.map { "\($0)%" } ?? "Not applicable" }
        var after = "<aside class=\"wb-tools\" aria-labelledby=\"letters-title\">\n<h2 id=\"letters-title\">Letters and report forms</h2>\n"
        if a.synthetic {
            after += H.warning("This catalogue is synthetic: no letters are offered, as they would state invented facts to real schools.")
        } else {
            after += H.p("Each letter tells a setting what the catalogue holds and asks for the rest; it ends with the address of the setting’s enhanced SEN information report form here.")
            after += "<p><a href=\"/audit/letters\" download>Download every letter (one Markdown file)</a></p>\n"
        }
        let rows = a.settings.sorted { ($0.combinedCoverage.fraction ?? 1, $0.name) < ($1.combinedCoverage.fraction ?? 1, $1.name) }.map { s -> [String] in
            ["<a href=\"/settings/\(s.urn)\">\(e(s.name))</a>", pct(s.reportCoverage),
             a.synthetic ? "" : "<a href=\"/audit/letters/\(s.urn)\" download>Letter<span class=\"wb-visually-hidden\"> to \(e(s.name))</span></a>",
             "<a href=\"/settings/\(s.urn)/report\">Report form<span class=\"wb-visually-hidden\"> for \(e(s.name))</span></a>"]
        }
        after += H.table(caption: "Settings, least covered first", head: ["Setting", "Report sections held", "Letter", "Enhanced report"],
                         rows: rows, numeric: [1])
        after += "</aside>\n"
        var p = Page(title: "Audit of SEN information", section: .audit, body: "<p><a href=\"#letters-title\">Letters and report forms</a></p>\n",
                     embedded: doc)
        p.after = after
        return page(p, request)
    }

    /// The address a letter gives for the setting's report form: this workbench as the reader reached it.
    func reportFormAddress(_ request: HTTPRequest, urn: Int) -> String {
        let origin = configuration.publicOrigin.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
            ?? "http://\(request.host ?? "127.0.0.1")"
        return "\(origin)/settings/\(urn)/report"
    }

    func letterText(_ s: SettingAudit, stamp: ProvenanceStamp, request: HTTPRequest) -> String {
        var text = AuditLetter.render(s, stamp: stamp)
        text += "\n---\n\n## Complete your enhanced SEN information report online\n\n"
        text += "You can answer these questions section by section, in your own words, at \(reportFormAddress(request, urn: s.urn)) — "
        text += "your answers are saved as a draft that we review before families see them.\n"
        return text
    }

    func letter(_ request: HTTPRequest) -> HTTPResponse {
        guard let s = setting(request) else { return .status(.notFound) }
        let r = auditResult
        guard let recipients = try? AuditService.letterRecipients(r, urns: [s.urn], catalogueRoot: configuration.setup.catalogue),
              let audit = recipients.first else { return .status(.notFound) }
        return .download(Array(letterText(audit, stamp: r.stamp, request: request).utf8), filename: AuditLetter.fileName(for: audit),
                         contentType: "text/markdown; charset=utf-8")
    }

    func allLetters(_ request: HTTPRequest) -> HTTPResponse {
        let r = auditResult
        guard let recipients = try? AuditService.letterRecipients(r, urns: [], catalogueRoot: configuration.setup.catalogue) else { return .status(.notFound) }
        let text = recipients.map { letterText($0, stamp: r.stamp, request: request) }.joined(separator: "\n\n---\n\n")
        return .download(Array(text.utf8), filename: "audit-letters.md", contentType: "text/markdown; charset=utf-8")
    }
}
