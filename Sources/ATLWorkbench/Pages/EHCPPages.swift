import ATLModel
import ATLEngine
import ATLServices
import ATLHTTP

extension WorkbenchApp {
    func installEHCP(on router: inout Router) {
        router.get("/ehcp", noStore: true) { [self] request in ehcpForm(request) }
        router.post("/ehcp", bodyLimit: 512 * 1024, noStore: true) { [self] request in ehcpSuggestions(request) }
    }

    /// GET /ehcp: paste sections B and F.
    func ehcpForm(_ request: HTTPRequest, b: String = "", f: String = "", error: String? = nil) -> HTTPResponse {
        var o = H.backLink("/", "Home") + "<h1>Start from an EHCP</h1>\n"
        o += H.p("Paste the text of the child’s education, health and care plan. The workbench suggests need codes and provision from the SEND vocabulary, each with the sentence that suggested it. You choose what to use; nothing you paste is kept.")
        o += "<form method=\"post\" action=\"/ehcp\" novalidate>\n" + csrfField(request)
        o += H.textarea(id: "section-b", label: "Section B: the child’s special educational needs",
                        hint: "Paste the whole section. Remove the child’s name first if you can.", value: b, error: error, rows: 10)
        o += H.textarea(id: "section-f", label: "Section F: the special educational provision", hint: "Paste the whole section.", value: f, rows: 10)
        o += H.button("Suggest needs and provision") + "</form>\n"
        return page(Page(title: "Start from an EHCP", section: .ehcp, body: o,
                         errors: error.map { [H.FieldError(field: "section-b", message: $0)] } ?? [],
                         status: error == nil ? .ok : .unprocessableContent, noStore: true), request)
    }

    /// POST /ehcp: the suggestions, as a form that fills in the new-list form with what the officer accepts.
    func ehcpSuggestions(_ request: HTTPRequest) -> HTTPResponse {
        guard let form = FormInput(request) else { return .status(.badRequest) }
        let b = form["section-b"], f = form["section-f"]
        if b.allSatisfy(\.isWhitespace) && f.allSatisfy(\.isWhitespace) {
            return ehcpForm(request, error: "Paste the text of section B or section F")
        }
        let suggestions = ListService.suggestions(sectionB: b, sectionF: f)
        let needs = suggestions.filter { if case .need = $0.concept { true } else { false } }
        let facilities = suggestions.filter { if case .facility = $0.concept { true } else { false } }
        var o = "<a class=\"wb-back\" href=\"/ehcp\">Paste other text</a>\n<h1>Suggested needs and provision</h1>\n"
        o += H.p("Check each suggestion against the plan. Your choices fill in the new-list form, where you can change anything before the list is built.")
        o += "<form method=\"post\" action=\"/lists/new\" novalidate>\n" + csrfField(request)
        o += H.hidden("notice", "Filled in from your choices on the EHCP page. Check every answer and add the case reference, year group and home postcode.")
        o += "<h2>Needs (from section B)</h2>\n"
        if needs.isEmpty {
            o += H.inset("No need was recognised in section B. Choose the needs in the form.")
        } else {
            let primary = needs[0]
            o += H.radios(name: "primary-need", legend: "Primary need",
                          hint: "The need mentioned most often is suggested first. Choose the need the plan records as primary.",
                          choices: needs.map { s in H.Choice(code(s), "\(title(s)) (\(code(s)))", hint: "“\(s.sentence)”" + (s.sentences > 1 ? " and \(s.sentences - 1) more sentence\(s.sentences == 2 ? "" : "s")" : "")) },
                          selected: code(primary))
            o += H.radios(name: "primary-severity", legend: "How much does the primary need affect the child’s learning?",
                          hint: primary.severity.map { "The word “\($0.rawValue)” appears where the plan mentions it." },
                          choices: Severity.allCases.map { H.Choice($0.rawValue, $0.rawValue.capitalized) },
                          selected: (primary.severity ?? .moderate).rawValue, inline: true)
            if needs.count > 1 {
                o += "<fieldset><legend class=\"wb-legend-m\">Secondary needs</legend>\n"
                o += H.hint("Choose a severity for each need to keep; leave “Not a need” for the others, and for the primary need.", id: "secondary")
                for s in needs.dropFirst() {
                    o += "<div class=\"wb-row\">" + H.select(id: "secondary-\(code(s))", label: "\(title(s)) (\(code(s)))",
                        options: [("", "Not a need")] + ProfileForm.severityChoices, selected: (s.severity ?? .moderate).rawValue, bare: true)
                        + "<p class=\"wb-quote\">“\(e(s.sentence))”</p></div>\n"
                }
                o += "</fieldset>\n"
            }
        }
        o += "<h2>Provision (from section F)</h2>\n"
        if facilities.isEmpty {
            o += H.inset("No provision was recognised in section F. Choose it in the form.")
        } else {
            for s in facilities {
                guard case .facility(let x) = s.concept else { continue }
                let id = "facility-\(x.rawValue)"
                o += "<fieldset class=\"wb-facility\"><legend>\(e(x.title.capitalisedFirstLetter))</legend>\n"
                o += "<p class=\"wb-quote\">“\(e(s.sentence))”</p>\n<div class=\"wb-choices wb-choices--inline\">\n"
                for (i, (value, label)) in [("must", "Required"), ("desirable", "Would help"), ("none", "Not asked for")].enumerated() {
                    let cid = i == 0 ? id : "\(id)-\(i + 1)"
                    o += "<div class=\"wb-choice\"><input id=\"\(cid)\" name=\"\(id)\" type=\"radio\" value=\"\(value)\"\(value == "must" ? " checked" : "")><label for=\"\(cid)\">\(label)</label></div>\n"
                }
                o += "</div>\n</fieldset>\n"
            }
        }
        o += H.button("Use these in a new list") + "</form>\n"
        return page(Page(title: "Suggested needs and provision", section: .ehcp, body: o, noStore: true), request)
    }

    private func code(_ s: EHCPSuggester.Suggestion) -> String {
        if case .need(let n) = s.concept { return n.rawValue }
        return ""
    }

    private func title(_ s: EHCPSuggester.Suggestion) -> String {
        if case .need(let n) = s.concept { return needTitle(n) }
        return s.concept.title
    }
}
