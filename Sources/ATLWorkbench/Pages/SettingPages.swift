import ATLModel
import ATLData
import ATLPlanning
import ATLServices
import ATLHTTP

extension WorkbenchApp {
    func installSettings(on router: inout Router) {
        router.get("/settings") { [self] request in settingSearch(request) }
        router.get("/settings/{urn}") { [self] request in settingPage(request) }
    }

    /// The setting a `{urn}` path parameter names, if it is in the catalogue.
    func setting(_ request: HTTPRequest) -> Setting? {
        guard let text = request.pathParameters["urn"], text.count <= 9, let urn = Int(text) else { return nil }
        return engine.catalogue.setting(urn: urn)
    }

    /// GET /settings: search by name, URN, postcode district, designated need or type (a GET form: nothing changes).
    func settingSearch(_ request: HTTPRequest) -> HTTPResponse {
        let q = request.queryItems.formInput
        let query = SettingSearchService.Query(text: q.line("q"), need: NeedCode(rawValue: q["need"]), type: SettingType(rawValue: q["type"]))
        var o = "<h1>Find a setting</h1>\n"
        o += H.p("Search the catalogue. Open a setting to see the facts the catalogue holds, where each came from, and its SEN information report — and, for its SENCo, to complete the enhanced report.")
        o += "<form method=\"get\" action=\"/settings\" role=\"search\" aria-label=\"Settings\">\n"
        o += H.textInput(id: "q", label: "Name, URN or postcode district", hint: "For example Oakfield, 9000004 or TF3.", value: q["q"],
                         attributes: "autocomplete=\"off\" spellcheck=\"false\"")
        o += H.select(id: "need", label: "Designated for the need", options: [("", "Any need")] + NeedCode.allCases.map { ($0.rawValue, "\(needTitle($0)) (\($0.rawValue))") },
                      selected: q["need"])
        o += H.select(id: "type", label: "Type of setting", options: [("", "Any type")] + SettingType.allCases.map { ($0.rawValue, $0.title) },
                      selected: q["type"])
        o += H.button("Search", kind: "secondary") + "</form>\n"
        if !query.isEmpty {
            let (found, total) = SettingSearchService.search(query, in: engine.catalogue)
            o += "<h2 id=\"results\">\(total == 0 ? "No settings match" : total == 1 ? "1 setting matches" : "\(total) settings match")</h2>\n"
            if total > found.count { o += H.p("Showing the first \(found.count), by name. Narrow the search to see others.") }
            if !found.isEmpty {
                let rows = found.map { s -> [String] in
                    ["<a href=\"/settings/\(s.urn)\">\(e(s.name))</a>", "\(s.urn)", e(s.type.title), e(s.localAuthority?.name ?? ""),
                     e((s.postcode ?? s.nearestPostcode).map { String(Postcode.outcode(of: $0)) } ?? ""),
                     e(s.needs.map { n in NeedCode.allCases.filter { n.contains(NeedSet($0)) }.map(\.plainLabel).joined(separator: ", ") } ?? "Not known")]
                }
                o += H.table(caption: "Settings found", head: ["Setting", "URN", "Type", "Local authority", "Postcode district", "Designated needs"],
                             rows: rows, captionHidden: true)
            }
        }
        return page(Page(title: query.isEmpty ? "Find a setting" : "Settings found", section: .settings, body: o), request)
    }

    /// Where a header fact came from and as of when (`atl-setting/2` provenance): the source's short name, the
    /// date, and the officer's confirmation. Nil for a setting read from an `atl-setting/1` file, whose sources
    /// are listed for the whole setting under the facts.
    func factSource(_ s: Setting, fields: [String]) -> String? {
        let declarations = s.sourceDeclarations
        let described = fields.compactMap { s.provenance[$0] }.map { p -> String in
            if p.isOfficerEntry { return "entered by an officer on \(AsOfDate(day: p.confirmedOn ?? "")?.text ?? p.asOf.text)" }
            var t = (declarations[p.source]?.shortName ?? p.source) + ", " + (p.asOf == .undated ? "undated" : "as of \(p.asOf.text)")
            if let on = p.confirmedOn { t += "; confirmed by an officer on \(AsOfDate(day: on)?.text ?? on)" }
            return t
        }
        var unique: [String] = []
        for d in described where !unique.contains(d) { unique.append(d) }
        return unique.isEmpty ? nil : unique.joined(separator: "; ")
    }

    /// GET /settings/{urn}: the facts the catalogue holds (each with its source where recorded) and the SEN
    /// information report, with the way into the enhanced report.
    func settingPage(_ request: HTTPRequest) -> HTTPResponse {
        guard let s = setting(request) else { return .status(.notFound) }
        var o = H.backLink("/settings", "Find a setting")
        o += "<span class=\"wb-caption\">URN \(s.urn)\(s.localAuthority.map { " · " + e($0.name) } ?? "")</span>\n<h1>\(e(s.name))</h1>\n"
        if request.queryItems["accepted"] == "1" {
            o += H.banner(title: "Report accepted", "<p>The drafted sections are now in the catalogue.</p>", kind: "success", id: "accepted")
        }
        if s.fictional { o += H.banner(title: "Fictional setting", "<p>This setting is invented (the example local authority).</p>", kind: "warning", id: "fictional") }
        if s.synthetic { o += H.banner(title: "Synthetic facts", "<p>A real school with invented SEN facts (benchmark data): do not rely on anything below.</p>", kind: "warning", id: "synthetic") }
        o += "<p><a class=\"wb-button\" href=\"/settings/\(s.urn)/report\">Complete the enhanced SEN information report</a></p>\n"

        o += "<h2>Facts the catalogue holds</h2>\n"
        var rows: [(String, String)] = []
        var covered: Set<String> = ["format", "urn", "name", "fictional", "synthetic", "source"]
        for fact in HeaderFact.allCases {
            covered.formUnion(fact.fields)
            let value = fact.applies(to: s) ? fact.value(in: s).map(e) ?? "<strong>Not known</strong>" : "Does not apply"
            let source = factSource(s, fields: fact.fields).map { "<span class=\"wb-source\">Source: \(e($0))</span>" } ?? ""
            rows.append((fact.title, value + source))
        }
        for spec in SettingFile.fields where !covered.contains(spec.field.rawValue) {
            let values = spec.write(s)
            guard !values.isEmpty else { continue }
            let label = spec.field.rawValue.replacingOccurrences(of: "-", with: " ")
            let source = factSource(s, fields: [spec.field.rawValue]).map { "<span class=\"wb-source\">Source: \(e($0))</span>" } ?? ""
            rows.append((label.capitalisedFirstLetter, e(values.joined(separator: "; ")) + source))
        }
        o += H.summaryList(rows)
        o += "<h3>Where these facts came from</h3>\n"
        let declared = s.sourceDeclarations.values.sorted { $0.key < $1.key }
        if !declared.isEmpty {
            o += "<ul>" + declared.map { d in
                "<li><strong>\(e(d.shortName))</strong>: \(e(d.detail))" + d.urls.map { " (<span class=\"wb-source\">\(e($0))</span>)" }.joined() + "</li>"
            }.joined() + "</ul>\n"
        } else {
            o += s.sources.isEmpty ? H.p("The catalogue does not say where this setting’s facts came from.")
                : "<ul>" + s.sources.map { "<li>\(e($0))</li>" }.joined() + "</ul>\n"
        }

        o += "<h2>SEN information report</h2>\n"
        let held = ReportSection.allCases.filter { s.report[$0].map { !$0.allSatisfy(\.isWhitespace) } ?? false }
        o += H.p("The catalogue holds \(held.count) of the \(ReportSection.allCases.filter { $0.applies(to: s.type) }.count) sections that apply to this setting. A section not held may still be published by the setting.")
        for section in ReportSection.allCases where section.applies(to: s.type) {
            o += "<h3>\(e(section.title))</h3>\n"
            if let text = s.report[section], !text.allSatisfy(\.isWhitespace) {
                o += paragraphs(text)
            } else {
                o += H.p("Not held.", cls: "wb-hint")
            }
        }
        o += "<p><a href=\"/audit/letters/\(s.urn)\">Download the audit letter for this setting</a></p>\n"
        return page(Page(title: s.name, section: .settings, body: o), request)
    }

    /// Text with blank lines between paragraphs, as paragraphs.
    func paragraphs(_ text: String) -> String {
        text.components(separatedBy: "\n\n").map { "<p>" + e($0).replacingOccurrences(of: "\n", with: "<br>") + "</p>" }.joined() + "\n"
    }
}
