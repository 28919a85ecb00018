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

    func auditPage(_ request: HTTPRequest) -> HTTPResponse {
        let r = AuditService.run(engine.catalogue, root: configuration.setup.catalogue, date: date, weights: engine.weights)
        let a = r.analysis
        var o = "<h1>Audit of SEN information</h1>\n" + dataBanner()
        o += H.p("For every setting, each section of the SEN information report (SEND Regulations 2014 Schedule 1, Children and Families Act 2014 s.69(3)(b), and what parent carers want to know) and each fact the matching engine uses: held, empty, or missing. Missing means the catalogue does not hold it, not that the setting has not published it.")
        func pct(_ c: Coverage) -> String { c.percent.map { "\($0)%" } ?? "Not applicable" }
        let o1 = a.overall
        o += H.summaryList([
            ("Settings", "\(o1.settings)"),
            ("Report sections held", pct(o1.report) + " of those that apply"),
            ("Header facts held", pct(o1.facts)),
            ("Settings with every section", "\(o1.completeReports)"),
            ("Settings with no report text", "\(o1.noReport)"),
        ])
        o += H.table(caption: "Coverage by type of setting", head: ["Type", "Settings", "Report sections", "Header facts"],
                     rows: a.byType.map { [e($0.type.title), "\($0.totals.settings)", pct($0.totals.report), pct($0.totals.facts)] }, numeric: [1, 2, 3])
        o += H.table(caption: "Report sections: settings holding each", head: ["Item", "Section", "Held", "Empty", "Missing", "Coverage"],
                     rows: a.bySection.map { [e($0.item.item), e($0.item.title), "\($0.counts.present)", "\($0.counts.empty)", "\($0.counts.missing)", pct($0.counts)] },
                     numeric: [2, 3, 4, 5])
        o += "<h2>Settings</h2>\n"
        if a.synthetic {
            o += H.warning("This catalogue is synthetic: no letters are offered, as they would state invented facts to real schools.")
        } else {
            o += "<p><a href=\"/audit/letters\" download>Download every letter (one Markdown file)</a></p>\n"
        }
        let rows = a.settings.sorted { ($0.combinedCoverage.fraction ?? 1, $0.name) < ($1.combinedCoverage.fraction ?? 1, $1.name) }.map { s -> [String] in
            ["<a href=\"/settings/\(s.urn)\">\(e(s.name))</a>", e(s.type.shortTitle), pct(s.reportCoverage), pct(s.factCoverage),
             a.synthetic ? "" : "<a href=\"/audit/letters/\(s.urn)\" download>Letter<span class=\"wb-visually-hidden\"> to \(e(s.name))</span></a>",
             "<a href=\"/settings/\(s.urn)/report\">Report form<span class=\"wb-visually-hidden\"> for \(e(s.name))</span></a>"]
        }
        o += H.table(caption: "Settings, least covered first", head: ["Setting", "Type", "Report sections", "Header facts", "Letter", "Enhanced report"],
                     rows: rows, numeric: [2, 3])
        return page(Page(title: "Audit of SEN information", section: .audit, body: o), request)
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
        let r = AuditService.run(engine.catalogue, root: configuration.setup.catalogue, date: date, weights: engine.weights)
        guard let recipients = try? AuditService.letterRecipients(r, urns: [s.urn], catalogueRoot: configuration.setup.catalogue),
              let audit = recipients.first else { return .status(.notFound) }
        return .download(Array(letterText(audit, stamp: r.stamp, request: request).utf8), filename: AuditLetter.fileName(for: audit),
                         contentType: "text/markdown; charset=utf-8")
    }

    func allLetters(_ request: HTTPRequest) -> HTTPResponse {
        let r = AuditService.run(engine.catalogue, root: configuration.setup.catalogue, date: date, weights: engine.weights)
        guard let recipients = try? AuditService.letterRecipients(r, urns: [], catalogueRoot: configuration.setup.catalogue) else { return .status(.notFound) }
        let text = recipients.map { letterText($0, stamp: r.stamp, request: request) }.joined(separator: "\n\n---\n\n")
        return .download(Array(text.utf8), filename: "audit-letters.md", contentType: "text/markdown; charset=utf-8")
    }
}
