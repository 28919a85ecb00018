import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import ATLServices
import ATLHTTP
import Foundation

/// The settings' own pages: a SENCo completes the enhanced SEN information report section by section (a task
/// list of one question page per Schedule 1 item, accessibility item and parent-carer criterion), saved as a
/// draft setting file apart from the catalogue; an officer reviews the draft and accepts it into the catalogue.
extension WorkbenchApp {
    func installReports(on router: inout Router) {
        let form = 256 * 1024
        router.get("/settings/{urn}/report") { [self] request in taskList(request) }
        router.get("/settings/{urn}/report/{section}") { [self] request in sectionPage(request) }
        router.post("/settings/{urn}/report/{section}", bodyLimit: form) { [self] request in saveSection(request) }
        router.post("/settings/{urn}/report-submit", bodyLimit: 16 * 1024) { [self] request in submitReport(request) }
        router.get("/drafts") { [self] request in draftsPage(request) }
        router.get("/drafts/{urn}") { [self] request in draftPage(request) }
        router.post("/drafts/{urn}/accept", bodyLimit: 16 * 1024) { [self] request in acceptDraft(request) }
        router.post("/drafts/{urn}/discard", bodyLimit: 16 * 1024) { [self] request in discardDraft(request) }
    }

    /// The sections in the order of the task list, grouped by where each requirement comes from.
    static let sectionGroups: [(ReportSection.Source, String)] = [
        (.schedule1, "What the SEND Regulations 2014 (Schedule 1) ask every school to publish"),
        (.accessibility, "Disabled pupils (Children and Families Act 2014, section 69(3)(b))"),
        (.parentCriteria, "What parent carers told us they want to know"),
    ]

    /// GET /settings/{urn}/report: the task list.
    func taskList(_ request: HTTPRequest) -> HTTPResponse {
        guard let s = setting(request) else { return .status(.notFound) }
        let draft = drafts.draft(urn: s.urn)
        let applicable = ReportSection.allCases.filter { $0.applies(to: s.type) }
        let completed = applicable.filter { draft?.status(of: $0) == .completed }.count
        var o = H.backLink("/settings/\(s.urn)", s.name)
        o += "<span class=\"wb-caption\">\(e(s.name))</span>\n<h1>Enhanced SEN information report</h1>\n"
        if request.queryItems["sent"] == "1" {
            o += H.banner(title: "Sent for review", "<p>Your local authority will review your report. You can still change any section; it will then need sending again.</p>", kind: "success", id: "sent")
        } else if request.queryItems["saved"] == "1" {
            o += H.banner(title: "Saved", "<p>Your answer is saved in the draft.</p>", kind: "success", id: "saved")
        }
        o += H.p("Families use this report to choose a setting. Complete each section in your own words; you can do them in any order and come back later. Your answers are saved as a draft for the local authority to review: they change nothing that families see until an officer accepts them.")
        if let d = draft, d.submitted { o += H.inset("This draft has been sent to the local authority for review (\(e(d.updatedAt))).") }
        o += "<h2>You have completed \(completed) of \(applicable.count) sections</h2>\n"
        for (source, heading) in WorkbenchApp.sectionGroups {
            let sections = applicable.filter { $0.source == source }
            guard !sections.isEmpty else { continue }
            o += "<h3>\(e(heading))</h3>\n<ul class=\"wb-task-list\">\n"
            for section in sections {
                let status = draft?.status(of: section) ?? .notStarted
                let held = !(s.report[section]?.allSatisfy(\.isWhitespace) ?? true)
                let tag: String
                switch status {
                case .completed: tag = H.tag("Completed", colour: "green")
                case .inProgress: tag = H.tag("In progress", colour: "yellow")
                case .notStarted: tag = held ? H.tag("Already held", colour: "grey") : H.tag("Not yet started")
                }
                let id = "task-\(section.rawValue)"
                o += "<li><a href=\"/settings/\(s.urn)/report/\(section.rawValue)\" aria-describedby=\"\(id)-status\">\(e(section.title))</a>"
                o += "<span id=\"\(id)-status\">\(tag)</span></li>\n"
            }
            o += "</ul>\n"
        }
        if let d = draft, !d.sections.isEmpty {
            o += "<h2>Send your report</h2>\n"
            o += H.p(completed < applicable.count ? "You can send what you have now and complete the rest later." : "Every section is complete.")
            o += "<form method=\"post\" action=\"/settings/\(s.urn)/report-submit\">" + csrfField(request) + H.button("Send to the local authority for review") + "</form>\n"
        }
        return page(Page(title: "Enhanced SEN information report: \(s.name)", section: .settings, body: o), request)
    }

    /// GET /settings/{urn}/report/{section}: one question page.
    func sectionPage(_ request: HTTPRequest, value: String? = nil, completed: String? = nil, error: H.FieldError? = nil) -> HTTPResponse {
        guard let s = setting(request), let key = request.pathParameters["section"], let section = ReportSection(rawValue: key),
              section.applies(to: s.type) else { return .status(.notFound) }
        let draft = drafts.draft(urn: s.urn)
        let current = s.report[section] ?? ""
        let text = value ?? draft?.sections[section] ?? current
        var o = H.backLink("/settings/\(s.urn)/report", "Back to the task list")
        o += "<form method=\"post\" action=\"/settings/\(s.urn)/report/\(section.rawValue)\" novalidate>\n" + csrfField(request)
        o += "<span class=\"wb-caption\">\(e(s.name)) · \(e(section.title))</span>\n"
        o += H.textarea(id: "text", label: section.question,
                        hint: "Describe \(section.requirement). Write for a parent: plain words, short paragraphs (leave a blank line between them). Do not start a line with ##.",
                        value: text, error: error?.field == "text" ? error?.message : nil, rows: 12, labelIsHeading: true)
        if !current.isEmpty, draft?.sections[section] != nil {
            o += H.details("What the catalogue holds now", paragraphs(current))
        }
        let status = completed ?? (draft?.status(of: section) == .completed ? "yes" : "")
        o += H.radios(name: "completed", legend: "Have you completed this section?",
                      choices: [H.Choice("yes", "Yes, I’ve completed this section"), H.Choice("no", "No, I’ll come back to it later")],
                      selected: status, error: error?.field == "completed" ? error?.message : nil)
        o += H.button("Save and continue") + "</form>\n"
        return page(Page(title: section.title, section: .settings, body: o, errors: error.map { [$0] } ?? [],
                         status: error == nil ? .ok : .unprocessableContent), request)
    }

    /// POST /settings/{urn}/report/{section}: save the answer in the draft (never the catalogue).
    func saveSection(_ request: HTTPRequest) -> HTTPResponse {
        guard let s = setting(request), let key = request.pathParameters["section"], let section = ReportSection(rawValue: key),
              section.applies(to: s.type), let f = FormInput(request) else { return .status(.notFound) }
        let text = f["text"]
        let completed = f["completed"]
        if completed.isEmpty {
            return sectionPage(request, value: text, completed: completed, error: H.FieldError(field: "completed", message: "Select whether you have completed this section"))
        }
        if completed == "yes" && text.allSatisfy(\.isWhitespace) {
            return sectionPage(request, value: text, completed: completed, error: H.FieldError(field: "text", message: "Enter the section’s text, or select that you will come back to it"))
        }
        do throws(ATLError) {
            _ = try drafts.save(s, section: section, text: text, completed: completed == "yes")
        } catch {
            let d = error.diagnostics.first
            if d?.code.area == "draft" {
                return sectionPage(request, value: text, completed: completed, error: H.FieldError(field: "text", message: d?.message ?? "Check the text"))
            }
            configuration.log("draft save failed: \(d?.code.rawValue ?? "?")")
            return .status(.internalServerError)
        }
        return .redirect(to: "/settings/\(s.urn)/report?saved=1")
    }

    /// POST /settings/{urn}/report-submit: mark the draft as sent for review.
    func submitReport(_ request: HTTPRequest) -> HTTPResponse {
        guard let s = setting(request) else { return .status(.notFound) }
        guard (try? drafts.submit(s)) != nil else { return .redirect(to: "/settings/\(s.urn)/report") }
        return .redirect(to: "/settings/\(s.urn)/report?sent=1")
    }

    /// GET /drafts: every draft, those sent for review first.
    func draftsPage(_ request: HTTPRequest) -> HTTPResponse {
        let all = drafts.all()
        var o = "<h1>Report drafts</h1>\n"
        o += H.p("Enhanced SEN information reports that settings are writing. Review a draft to compare it with what the catalogue holds, then accept it into the catalogue.")
        if all.isEmpty {
            o += H.inset("There are no drafts. A setting’s SENCo starts one from the setting’s page (<a href=\"/settings\">find a setting</a>); the audit letters link to it.")
        } else {
            let rows = all.map { d -> [String] in
                ["<a href=\"/drafts/\(d.urn)\">\(e(d.name))</a>", "\(d.urn)", "\(d.sections.count)", "\(d.completed)",
                 d.submitted ? H.tag("Sent for review", colour: "green") : H.tag("Being written", colour: "grey"), e(d.updatedAt)]
            }
            o += H.table(caption: "Drafts", head: ["Setting", "URN", "Sections drafted", "Completed", "Status", "Last saved"], rows: rows,
                         numeric: [2, 3], captionHidden: true)
        }
        return page(Page(title: "Report drafts", section: .drafts, body: o), request)
    }

    /// GET /drafts/{urn}: each drafted section beside what the catalogue holds, and the decision.
    func draftPage(_ request: HTTPRequest, error: String? = nil) -> HTTPResponse {
        guard let s = setting(request), let d = drafts.draft(urn: s.urn) else { return .status(.notFound) }
        var o = H.backLink("/drafts", "Report drafts")
        o += "<span class=\"wb-caption\">\(e(s.name)) · URN \(s.urn)</span>\n<h1>Review the report draft</h1>\n"
        o += H.p(d.submitted ? "The setting sent this draft for review on \(d.updatedAt)." : "The setting has not sent this draft for review yet: it may still change.")
        for section in ReportSection.allCases where d.sections[section] != nil {
            let now = s.report[section] ?? ""
            o += "<h2>\(e(section.title))</h2>\n"
            o += H.summaryList([
                ("Status", e(d.status(of: section).title)),
                ("Now in the catalogue", now.isEmpty ? "<span class=\"wb-hint\">Not held</span>" : paragraphs(now)),
                ("Draft", d.sections[section]!.isEmpty ? "<span class=\"wb-hint\">Empty</span>" : paragraphs(d.sections[section]!)),
            ])
        }
        o += "<h2>Decision</h2>\n"
        o += H.p("Accepting writes the drafted sections into the setting’s file in the catalogue (its facts and their sources are not changed) and reloads the catalogue.")
        o += "<form method=\"post\" action=\"/drafts/\(s.urn)/accept\">" + csrfField(request) + H.button("Accept into the catalogue") + "</form>\n"
        o += "<form method=\"post\" action=\"/drafts/\(s.urn)/discard\">" + csrfField(request) + H.button("Delete the draft", kind: "warning") + "</form>\n"
        return page(Page(title: "Review the report draft: \(s.name)", section: .drafts, body: o,
                         errors: error.map { [H.FieldError(field: "main-content", message: $0)] } ?? []), request)
    }

    /// POST /drafts/{urn}/accept: write the draft into the catalogue through the catalogue writer, reload.
    func acceptDraft(_ request: HTTPRequest) -> HTTPResponse {
        guard let s = setting(request) else { return .status(.notFound) }
        do throws(ATLError) {
            _ = try drafts.accept(urn: s.urn, catalogueRoot: configuration.setup.catalogue)
        } catch {
            configuration.log("draft accept failed: \(error.diagnostics.first?.code.rawValue ?? "?")")
            return draftPage(request, error: "The draft could not be written into the catalogue: " + (error.diagnostics.first?.message ?? "unknown problem"))
        }
        reloadEngine()
        return .redirect(to: "/settings/\(s.urn)?accepted=1")
    }

    func discardDraft(_ request: HTTPRequest) -> HTTPResponse {
        guard let s = setting(request) else { return .status(.notFound) }
        drafts.discard(urn: s.urn)
        return .redirect(to: "/drafts")
    }

    /// Loads the engine again after the catalogue changed; keeps the old one (with a log line) when that fails,
    /// e.g. a snapshot (`--index`) that is now older than its catalogue.
    func reloadEngine() {
        var setup = configuration.setup
        if setup.index != nil {
            configuration.log("atl serve: the catalogue changed; rebuild the snapshot (atl index) and restart to use it")
            setup.index = nil
        }
        do throws(ATLError) {
            engines.replace(with: try EngineLoader.load(setup, notify: { [configuration] in configuration.log($0) }))
        } catch {
            configuration.log("atl serve: could not reload the catalogue: \(error.diagnostics.first?.message ?? "?")")
        }
    }
}
