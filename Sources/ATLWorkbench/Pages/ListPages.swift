import ATLModel
import ATLData
import ATLEngine
import ATLServices
import ATLRender
import ATLHTTP
import Foundation

/// A list being worked on: the exact profile bytes and the officer's review so far. Nothing is kept on the
/// server between requests: every form on the list page carries both (the profile as base64, so no browser
/// can change a byte of it and the stamp's profile hash stays that of the text the officer can download).
struct WorkingList: Sendable {
    var profile: [UInt8]
    var review: OfficerReview

    init(profile: [UInt8], review: OfficerReview = OfficerReview()) {
        self.profile = profile
        self.review = review
    }

    /// From the hidden fields of a list page's form.
    init?(_ f: FormInput) {
        guard let data = Data(base64Encoded: f["profile"]), data.count <= WorkingList.profileLimit else { return nil }
        profile = [UInt8](data)
        var changes: [OfficerReview.Change] = []
        for value in f.values("change").prefix(OfficerReview.changeLimit + 1) {
            let parts = value.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, let action = OfficerReview.Action(rawValue: String(parts[0])), let urn = Int(parts[1]) else { return nil }
            changes.append(OfficerReview.Change(action: action, urn: urn, reason: String(parts[2])))
        }
        review = OfficerReview(changes)
    }

    /// Largest profile accepted (a profile is a few hundred bytes).
    static let profileLimit = 64 * 1024

    var hiddenFields: String {
        H.hidden("profile", Data(profile).base64EncodedString())
            + review.changes.map { H.hidden("change", "\($0.action.rawValue) \($0.urn) \($0.reason)") }.joined()
    }
}

extension WorkbenchApp {
    func installLists(on router: inout Router) {
        let form = 256 * 1024
        router.get("/lists/new", noStore: true) { [self] request in newListPage(request, input: ProfileForm.blank) }
        router.post("/lists/new", bodyLimit: form, noStore: true) { [self] request in prefill(request) }
        router.get("/lists/find-setting") { [self] request in findSetting(request) }
        router.post("/lists", bodyLimit: form, noStore: true) { [self] request in build(request) }
        router.post("/lists/upload", bodyLimit: WorkingList.profileLimit + 16 * 1024, noStore: true) { [self] request in upload(request) }
        router.post("/lists/review", bodyLimit: form, noStore: true) { [self] request in reviewChange(request) }
        router.post("/lists/why", bodyLimit: form, noStore: true) { [self] request in why(request) }
        router.post("/lists/download", bodyLimit: form, noStore: true) { [self] request in download(request) }
        router.post("/lists/print", bodyLimit: form, noStore: true) { [self] request in printVersion(request) }
        router.post("/lists/check", bodyLimit: form, noStore: true) { [self] request in checkAnswers(request) }
        router.post("/lists/issue", bodyLimit: form, noStore: true) { [self] request in issue(request) }
    }

    // MARK: - Building

    /// The profile and the list with the review applied, or every problem.
    func compute(_ w: WorkingList, source: String = "form") -> Result<(ProfileInput, AdvisoryList), ATLError> {
        do throws(ATLError) {
            let input = try ProfileInput.parse(w.profile, source: source, date: date)
            let list = try ListService.list(input, review: w.review, engine: engine, date: date)
            return .success((input, list))
        } catch {
            return .failure(error)
        }
    }

    /// POST /lists: from the form (profile text made from its fields) or from a list page's hidden fields.
    func build(_ request: HTTPRequest) -> HTTPResponse {
        guard let f = FormInput(request) else { return .status(.badRequest) }
        if f["source"] == "form" {
            let (text, formErrors) = ProfileForm.profileText(f, catalogue: engine.catalogue)
            switch compute(WorkingList(profile: Array(text.utf8))) {
            case .success(let (input, list)) where formErrors.isEmpty:
                return listPage(request, WorkingList(profile: Array(text.utf8)), input: input, list: list)
            case .success:
                return newListPage(request, input: f, errors: formErrors)
            case .failure(let error):
                return newListPage(request, input: f, errors: ProfileForm.sorted(formErrors + ProfileForm.fieldErrors(error.diagnostics)))
            }
        }
        guard let w = WorkingList(f) else { return .status(.badRequest) }
        return show(request, w)
    }

    /// The list page for a working list, or the form with the problems (a list page's profile never has any,
    /// unless the catalogue changed underneath it).
    func show(_ request: HTTPRequest, _ w: WorkingList, errors: [H.FieldError] = [], open: String? = nil, values: FormInput = FormInput()) -> HTTPResponse {
        switch compute(w) {
        case .success(let (input, list)): return listPage(request, w, input: input, list: list, errors: errors, open: open, values: values)
        case .failure(let error):
            let reviewProblems = error.diagnostics.filter { $0.code.area == "review" }
            if !reviewProblems.isEmpty, case .success(let (input, list)) = compute(WorkingList(profile: w.profile)) {
                let errs = reviewProblems.map { H.FieldError(field: "review-changes", message: ProfileForm.message($0)) }
                return listPage(request, WorkingList(profile: w.profile), input: input, list: list, errors: errs)
            }
            let prefilled = (try? ProfileParser.parse(w.profile, file: "form", academicYear: date.academicYear))
                .map { ProfileForm.input(from: $0, catalogue: engine.catalogue) } ?? ProfileForm.blank
            return newListPage(request, input: prefilled, errors: ProfileForm.fieldErrors(error.diagnostics))
        }
    }

    /// POST /lists/new: the form filled in from a profile (a list page's "change the profile", an upload opened in
    /// the form) or from suggestions (the EHCP page).
    func prefill(_ request: HTTPRequest) -> HTTPResponse {
        guard let f = FormInput(request) else { return .status(.badRequest) }
        if let w = WorkingList(f), let p = try? ProfileParser.parse(w.profile, file: "form", academicYear: date.academicYear) {
            return newListPage(request, input: ProfileForm.input(from: p, catalogue: engine.catalogue))
        }
        var input = ProfileForm.blank
        input.fields.removeAll { f.has($0.name) }
        input.fields += f.fields.filter { $0.name != "_csrf" }
        return newListPage(request, input: input, notice: f["notice"].isEmpty ? nil : f["notice"])
    }

    /// POST /lists/upload: a `.profile` file, parsed in memory with the same parser as `atl list`.
    func upload(_ request: HTTPRequest) -> HTTPResponse {
        let limits = MultipartLimits(maxParts: 10, maxFieldBytes: 4096, maxFileBytes: WorkingList.profileLimit)
        guard let f = FormInput(request, limits: limits) else {
            return newListPage(request, input: ProfileForm.blank, uploadErrors: [H.FieldError(field: "profile-file", message: "The file could not be read: choose a .profile file of at most 64 KB")])
        }
        guard let file = f.files["profile-file"] else {
            return newListPage(request, input: ProfileForm.blank, uploadErrors: [H.FieldError(field: "profile-file", message: "Select a .profile file")])
        }
        let w = WorkingList(profile: file.body)
        let shownName = file.filename ?? "the file"
        switch compute(w, source: shownName) {
        case .success(let (input, list)):
            if f["then"] == "form" { return newListPage(request, input: ProfileForm.input(from: input.profile, catalogue: engine.catalogue)) }
            return listPage(request, w, input: input, list: list)
        case .failure(let error):
            let messages = error.diagnostics.filter { $0.level == .error }.prefix(20).map { d in
                H.FieldError(field: "profile-file", message: (d.line.map { "Line \($0)" } ?? "The file") + (d.field.map { ", field \($0)" } ?? "") + ": " + d.message)
            }
            return newListPage(request, input: ProfileForm.blank, uploadErrors: Array(messages))
        }
    }

    // MARK: - The list page

    func listPage(_ request: HTTPRequest, _ w: WorkingList, input: ProfileInput, list: AdvisoryList, errors: [H.FieldError] = [],
                  open: String? = nil, values: FormInput = FormInput()) -> HTTPResponse {
        let doc = EmbeddedDocument(html: ListHTML.render(list))
        let err: (String) -> String? = { id in errors.first { $0.field == id }?.message }
        let hidden = csrfField(request) + w.hiddenFields
        let top = H.banner(title: "Working list", "<p>This list is not kept until you issue it. <a href=\"#officer-actions\">Review, download or issue the list</a>.</p>"
                           + (w.review.isEmpty ? "" : "<p>It has \(w.review.changes.count) change\(w.review.changes.count == 1 ? "" : "s") from your review, shown in its notes.</p>"),
                           id: "working")

        var a = "<aside class=\"wb-tools\" id=\"officer-actions\" aria-labelledby=\"officer-actions-title\">\n<h2 id=\"officer-actions-title\">Officer actions</h2>\n"
        // Review so far
        if !w.review.isEmpty {
            a += "<h3 id=\"review-changes\">Changes from your review</h3>\n"
            let rows = w.review.changes.map { c -> [String] in
                let name = engine.catalogue.setting(urn: c.urn)?.name ?? "URN \(c.urn)"
                var remaining = w
                remaining.review.changes.removeAll { $0 == c }
                let undo = "<form method=\"post\" action=\"/lists\">" + csrfField(request) + remaining.hiddenFields
                    + "<button class=\"wb-link-button\" type=\"submit\">Undo<span class=\"wb-visually-hidden\"> the change to \(e(name))</span></button></form>"
                return [e(name) + " (URN \(c.urn))", c.action == .remove ? "Removed" : "Added", e(c.reason), undo]
            }
            a += H.table(caption: "Changes from your review", head: ["Setting", "Change", "Reason", "Undo"], rows: rows, captionHidden: true)
        }
        // Issue
        a += "<h3>Issue the list</h3>\n" + H.p("Check the list and your changes, then issue it with your officer identifier. An issued list is kept in the register, read-only.")
        a += "<form method=\"post\" action=\"/lists/check\">\n" + hidden + H.button("Check and issue the list") + "</form>\n"
        // Why
        let whyError = err("why-setting")
        a += "<h3>Ask why a setting is not on the list</h3>\n<form method=\"post\" action=\"/lists/why\" novalidate>\n" + hidden
        a += H.textInput(id: "why-setting", label: "Setting name or URN", hint: "For example Oakfield Academy or 9000004.", value: values["why-setting"],
                         error: whyError, attributes: "autocomplete=\"off\"")
        a += H.button("Explain", kind: "secondary") + "</form>\n"
        // Review
        a += "<h3>Change the list</h3>\n" + H.p("You can take a setting off the list or put one on it. Give your reason: it is shown on the list and kept in the register when the list is issued. Do not write names or addresses.")
        var remove = "<form method=\"post\" action=\"/lists/review\" novalidate>\n" + hidden + H.hidden("action", "remove")
        remove += H.select(id: "remove-urn", label: "Setting to take off", options: list.entries.map { (String($0.setting.urn), "\($0.rank). \($0.setting.name)") },
                           selected: values["remove-urn"], error: err("remove-urn"))
        remove += H.textarea(id: "remove-reason", label: "Reason", hint: "One or two sentences, at most \(OfficerReview.reasonLimit) characters.",
                             value: values["remove-reason"], error: err("remove-reason"), rows: 3)
        remove += H.button("Take it off and recompute", kind: "secondary") + "</form>\n"
        a += H.details("Take a setting off the list", remove, open: open == "remove")
        var add = "<form method=\"post\" action=\"/lists/review\" novalidate>\n" + hidden + H.hidden("action", "add")
        add += H.textInput(id: "add-setting", label: "Setting to put on", hint: "Its name or URN.", value: values["add-setting"], error: err("add-setting"),
                           attributes: "autocomplete=\"off\"")
        add += H.textarea(id: "add-reason", label: "Reason", hint: "One or two sentences, at most \(OfficerReview.reasonLimit) characters.",
                          value: values["add-reason"], error: err("add-reason"), rows: 3)
        add += H.button("Put it on and recompute", kind: "secondary") + "</form>\n"
        a += H.details("Put a setting on the list", add, open: open == "add")
        // Downloads
        a += "<h3>Download or print</h3>\n<form method=\"post\" action=\"/lists/download\">\n" + hidden + "<div class=\"wb-button-group\">\n"
        for (format, label) in [("html", "Page for the family (HTML)"), ("md", "Markdown"), ("json", "JSON"), ("csv", "CSV"), ("profile", "The profile (.profile)")] {
            a += H.button(label, name: "format", value: format, kind: "secondary small")
        }
        a += "</div>\n</form>\n<form method=\"post\" action=\"/lists/print\">\n" + hidden + H.button("Open the print version", kind: "secondary small") + "</form>\n"
        a += "<h3>Change the child’s details</h3>\n<form method=\"post\" action=\"/lists/new\">\n" + hidden + H.button("Change the profile", kind: "secondary small") + "</form>\n"
        a += "</aside>\n"
        var p = Page(title: "List for \(list.reference)", section: .newList, body: top, errors: errors, embedded: doc,
                     status: errors.isEmpty ? .ok : .unprocessableContent, noStore: true)
        p.after = a
        return page(p, request)
    }

    // MARK: - Review

    /// POST /lists/review: take a setting off or put one on, with a reason; the list is recomputed.
    func reviewChange(_ request: HTTPRequest) -> HTTPResponse {
        guard let f = FormInput(request), var w = WorkingList(f) else { return .status(.badRequest) }
        let action = f["action"] == "add" ? OfficerReview.Action.add : .remove
        let prefix = action == .add ? "add" : "remove"
        let reason = f.line("\(prefix)-reason")
        var errors: [H.FieldError] = []
        var urn: Int?
        if action == .remove {
            urn = Int(f["remove-urn"])
            if urn == nil { errors.append(H.FieldError(field: "remove-urn", message: "Select the setting to take off the list")) }
        } else {
            switch SettingSearchService.resolve(f["add-setting"], in: engine.catalogue) {
            case .found(let s): urn = s.urn
            case .none:
                errors.append(H.FieldError(field: "add-setting", message: f.line("add-setting").isEmpty
                    ? "Enter the name or URN of the setting to put on the list"
                    : "No setting is called that: check the name or enter the setting’s URN"))
            case .several(let some, let total):
                errors.append(H.FieldError(field: "add-setting", message: "That matches \(total) settings, like "
                    + some.prefix(3).map { "\($0.name) (URN \($0.urn))" }.joined(separator: ", ") + ": enter the full name or the URN"))
            }
        }
        if reason.isEmpty {
            errors.append(H.FieldError(field: "\(prefix)-reason", message: action == .add ? "Enter the reason for putting the setting on the list"
                                                                                         : "Enter the reason for taking the setting off the list"))
        } else if reason.count > OfficerReview.reasonLimit {
            errors.append(H.FieldError(field: "\(prefix)-reason", message: "The reason must be \(OfficerReview.reasonLimit) characters or fewer"))
        }
        if let u = urn, w.review.changes.contains(where: { $0.urn == u }) {
            errors.append(H.FieldError(field: action == .add ? "add-setting" : "remove-urn", message: "You have already changed this setting: undo that change first"))
        }
        guard errors.isEmpty, let u = urn else { return show(request, w, errors: errors, open: prefix, values: f) }
        w.review.changes.append(OfficerReview.Change(action: action, urn: u, reason: reason))
        return show(request, w)
    }

    // MARK: - Why

    /// POST /lists/why: why a setting is, or is not, on this child's list.
    func why(_ request: HTTPRequest) -> HTTPResponse {
        guard let f = FormInput(request), let w = WorkingList(f) else { return .status(.badRequest) }
        let catalogue = engine.catalogue
        let setting: Setting
        switch SettingSearchService.resolve(f["why-setting"], in: catalogue) {
        case .found(let s): setting = s
        case .none:
            let message = f.line("why-setting").isEmpty ? "Enter the name or URN of a setting" : "No setting is called that: check the name or enter the setting’s URN"
            return show(request, w, errors: [H.FieldError(field: "why-setting", message: message)], values: f)
        case .several(let some, let total):
            return show(request, w, errors: [H.FieldError(field: "why-setting", message: "That matches \(total) settings, like "
                + some.prefix(3).map { "\($0.name) (URN \($0.urn))" }.joined(separator: ", ") + ": enter the full name or the URN")], values: f)
        }
        let answer: MatchingEngine.WhyAnswer
        let input: ProfileInput
        do throws(ATLError) {
            input = try ProfileInput.parse(w.profile, source: "form", date: date)
            answer = try ListService.why(input, urn: setting.urn, engine: engine, date: date)
        } catch {
            return show(request, w)
        }
        let reviewed = w.review.changes.first { $0.urn == setting.urn }
        var o = "<form method=\"post\" action=\"/lists\">" + csrfField(request) + w.hiddenFields
            + "<button class=\"wb-link-button wb-back\" type=\"submit\">Back to the list</button></form>\n"
        let onList = (answer.onList && reviewed?.action != .remove) || reviewed?.action == .add
        o += "<span class=\"wb-caption\">List for \(e(input.profile.reference))</span>\n"
        o += "<h1>Why \(e(setting.name)) is \(onList ? "" : "not ")on the list</h1>\n"
        var facts: [(String, String)] = [("Setting", e(setting.name) + " (URN \(setting.urn))"), ("About it", e(ListText.settingFacts(setting)))]
        if let r = reviewed {
            facts.append(("Your review", (r.action == .remove ? "You took it off the list: " : "You put it on the list: ") + e(r.reason)))
        }
        func ruleList(_ rules: [EligibilityRule]) -> String {
            "<ul>" + rules.map { r in
                "<li>" + e(r.title.capitalisedFirstLetter + WorkbenchApp.plainDetail(r, setting: setting, distanceKm: answer.detail.outcome.distanceKm)) + "</li>"
            }.joined() + "</ul>"
        }
        // The same cases, in the same words, as `atl why` (WhyText).
        if let entry = answer.entry {
            facts.append(("On the computed list", e("Yes: rank \(entry.rank) of \(answer.listSize) (\(entry.band.title.lowercased())), \(Explanation.points(answer.detail.explanation.milli)) points; listed \(entry.inclusionReason)")))
            if answer.brokenRules.isEmpty {
                facts.append(("Eligible", "Yes: ranked \(answer.rank ?? 0) of \(answer.eligible) eligible settings within the journey"))
            } else {
                facts.append(("Eligible", "No, but it is listed and these rules are shown as cautions:" + ruleList(answer.brokenRules)))
            }
        } else if answer.brokenRules.isEmpty {
            facts.append(("Eligible", "Yes: ranked \(answer.rank ?? 0) of \(answer.eligible) eligible settings, with \(e(Explanation.points(answer.detail.explanation.milli))) points"))
            facts.append(("On the computed list", "No: the list holds \(answer.listSize) settings, and settings that meet the need better (or the rule that the list illustrates choice) took the places"))
        } else {
            facts.append(("Eligible", "No, because:" + ruleList(answer.brokenRules)))
        }
        o += H.summaryList(facts)
        func bullets(_ title: String, _ items: [String]) -> String {
            items.isEmpty ? "" : "<h2>\(e(title))</h2>\n<ul>" + items.map { "<li>\(e($0))</li>" }.joined() + "</ul>\n"
        }
        o += bullets("What fits the child’s needs", answer.detail.reasons)
        o += bullets("What it does not offer that the profile asks for", answer.detail.notOffered)
        o += bullets("To weigh", answer.detail.cautions.map(\.text))
        o += bullets("Not known: ask the setting", answer.detail.toAsk)
        o += H.details("How the \(Explanation.points(answer.detail.explanation.milli)) points add up", "<ul>" + tree(answer.detail.explanation) + "</ul>")
        o += "<form method=\"post\" action=\"/lists\">" + csrfField(request) + w.hiddenFields + H.button("Back to the list", kind: "secondary") + "</form>\n"
        return page(Page(title: "Why \(setting.name) is \(onList ? "" : "not ")on the list", section: .newList, body: o, noStore: true), request)
    }

    func tree(_ x: Explanation) -> String {
        "<li>\(e(x.points)) points: \(e(x.description))" + (x.details.isEmpty ? "" : "<ul>" + x.details.map(tree).joined() + "</ul>") + "</li>"
    }

    // MARK: - Downloads and print

    /// POST /lists/download: the list in a format, or the profile, as a file.
    func download(_ request: HTTPRequest) -> HTTPResponse {
        guard let f = FormInput(request), let w = WorkingList(f) else { return .status(.badRequest) }
        guard case .success(let (input, list)) = compute(w) else { return show(request, w) }
        let ref = input.profile.reference.replacingOccurrences(of: "/", with: "_")
        switch f["format"] {
        case "md": return .download(Array(ListMarkdown.render(list).utf8), filename: "\(ref)-list.md", contentType: "text/markdown; charset=utf-8")
        case "json": return .download(Array(ListJSON.render(list).utf8), filename: "\(ref)-list.json", contentType: "application/json")
        case "csv": return .download(Array(ListCSV.render(list).utf8), filename: "\(ref)-list.csv", contentType: "text/csv; charset=utf-8")
        case "html": return .download(Array(ListHTML.render(list).utf8), filename: "\(ref)-list.html", contentType: "text/html; charset=utf-8")
        case "profile": return .download(w.profile, filename: "\(ref).profile", contentType: "text/plain; charset=utf-8")
        default: return .status(.badRequest)
        }
    }

    /// POST /lists/print: the family's page exactly as `atl list --format html` writes it, to print from the
    /// browser; its inline stylesheet is allowed by hash.
    func printVersion(_ request: HTTPRequest) -> HTTPResponse {
        guard let f = FormInput(request), let w = WorkingList(f) else { return .status(.badRequest) }
        guard case .success(let (_, list)) = compute(w) else { return show(request, w) }
        return standalone(ListHTML.render(list))
    }

    /// A renderer's whole page, served as it is, with its inline styles allowed by hash.
    func standalone(_ html: String) -> HTTPResponse {
        var r = HTTPResponse.html(html)
        r.headers.set("Content-Security-Policy", EmbeddedDocument(html: html).contentSecurityPolicy)
        return r.noStore()
    }
}

extension WorkbenchApp {
    /// The fact behind a broken rule in the words the rest of the page uses: the engine's
    /// `EligibilityRule.detail(for:distanceKm:)` names facilities by their tags ("quiet-space") and needs by their
    /// codes, which an officer or a family should not have to decode, so those two are said with the plain names
    /// the renderers use (`Facility.title`, `NeedCode.plainLabel`); every other rule keeps the engine's words.
    static func plainDetail(_ rule: EligibilityRule, setting: Setting, distanceKm: Double) -> String {
        switch rule {
        case .mustHaveMissing:
            guard let listed = setting.facilities?.facilities, !listed.isEmpty else { return ": it lists none of the provision in the vocabulary" }
            return ": the provision it lists is " + listed.map(\.title).joined(separator: "; ")
        case .needNotProvided:
            guard let needs = setting.needs else { return "" }
            return ": it is designated for " + needs.codes.map(\.plainLabel).joined(separator: ", ")
        default:
            return rule.detail(for: setting, distanceKm: distanceKm)
        }
    }
}
