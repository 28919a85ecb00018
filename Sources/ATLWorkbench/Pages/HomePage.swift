import ATLModel
import ATLHTTP
import ATLServices

extension WorkbenchApp {
    func installHome(on router: inout Router) {
        router.get("/") { [self] request in page(home(request), request) }
    }

    /// Home: which catalogue is loaded (its LA, counts by type, content hash), banners for fictional or
    /// synthetic data, and a way into each task for each kind of user.
    func home(_ request: HTTPRequest) -> Page {
        let engine = self.engine
        let c = engine.catalogue
        var o = "<span class=\"wb-caption\">\(e(catalogueName))</span>\n<h1>Advisory Tailored Lists</h1>\n"
        o += dataBanner()
        o += H.p("Build, review and issue advisory lists of settings for children with an EHCP; test commissioning scenarios; and collect settings’ enhanced SEN information reports. Lists are advice for a conversation with the family, who keep their right to ask for any school.", cls: "wb-lede")
        o += "<div class=\"wb-cards\">\n"
        o += card("SEND officers", [
            ("/lists/new", "Start a new list", "Enter a child’s needs profile, or upload a .profile file"),
            ("/ehcp", "Start from an EHCP", "Paste sections B and F to get suggested needs and provision"),
            ("/register", "Issued lists", "Reopen a list you have issued"),
            ("/settings", "Find a setting", "Search by name, URN, postcode district, need or type"),
        ])
        o += card("Commissioners", [
            ("/commissioning", "Run a scenario", "Test opening, closing or changing provision against a cohort"),
            ("/batch", "Batch lists and allocation", "Lists for a whole cohort, and a simulated allocation of places"),
            ("/audit", "Audit of SEN information", "What settings’ reports cover, with letters to send"),
        ])
        o += card("Settings and reviewers", [
            ("/settings", "Complete an enhanced SEN information report", "Find your setting, then fill in its report section by section"),
            ("/drafts", "Review report drafts", "Accept a setting’s report into the catalogue"),
        ])
        o += "</div>\n<h2>The catalogue loaded</h2>\n"
        var byType: [SettingType: Int] = [:]
        for s in c.settings { byType[s.type, default: 0] += 1 }
        let source = configuration.setup.index.map { "Snapshot \($0) (of \(configuration.setup.catalogue))" } ?? "Folder \(configuration.setup.catalogue)"
        o += H.summaryList([
            ("Local authorities", e(engine.catalogueAuthorities.map { "\($0.name) (\($0.code))" }.joined(separator: ", ").ifEmpty("Not recorded"))),
            ("Settings", "\(c.settings.count)"),
            ("Loaded from", e(source)),
            ("Content hash", "<code>\(e(c.contentHash))</code>"),
            ("Weights", "<code>\(e(String(engine.weights.hash.prefix(16))))</code>"),
            ("Postcode lookup", engine.postcodes == nil ? "Not loaded: homes must be given as grid coordinates" : "Loaded (\(e(engine.postcodes!.coverage)))"),
            ("Run date", e(date.text) + (configuration.date == nil ? " (today)" : " (fixed when the workbench started)")),
            ("Issued lists", "\(register.count) in the register"),
        ])
        let rows = SettingType.allCases.compactMap { t -> [String]? in
            byType[t].map { [e(t.title), "\($0)"] }
        }
        o += H.table(caption: "Settings by type", head: ["Type", "Settings"], rows: rows, numeric: [1])
        return Page(title: "Home", section: .home, body: o)
    }

    /// The notification banner that says a catalogue is invented or holds invented facts.
    func dataBanner() -> String {
        let c = engine.catalogue
        if c.isFictional {
            return H.banner(title: "Fictional data", "<p><strong>Every setting in this catalogue is invented</strong> (the example local authority). Use it to learn and to test; never to advise a family.</p>", kind: "warning", id: "data-banner")
        }
        if c.isSynthetic {
            return H.banner(title: "Synthetic data", "<p><strong>These are real schools with invented SEN facts</strong> (benchmark data). Do not use these lists for a child, and do not send letters to these schools.</p>", kind: "warning", id: "data-banner")
        }
        return ""
    }

    func card(_ title: String, _ links: [(String, String, String)]) -> String {
        var o = "<section class=\"wb-card\" aria-labelledby=\"card-\(SettingIdentity.slug(title))\">\n<h2 id=\"card-\(SettingIdentity.slug(title))\">\(e(title))</h2>\n<ul>\n"
        for (href, text, hint) in links { o += "<li><a href=\"\(href)\">\(e(text))</a><br><span class=\"wb-hint\">\(e(hint))</span></li>\n" }
        return o + "</ul>\n</section>\n"
    }
}

extension String {
    func ifEmpty(_ other: String) -> String { isEmpty ? other : self }
}

/// Small naming helpers.
enum SettingIdentity {
    static func slug(_ s: String) -> String {
        String(s.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }
}
