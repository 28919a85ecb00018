import ATLModel
import ATLData
import ATLHTTP
import ATLServices

/// The new-list form, drawn from ``ProfileForm``'s values and errors.
extension WorkbenchApp {
    func newListPage(_ request: HTTPRequest, input f: FormInput, errors: [H.FieldError] = [], uploadErrors: [H.FieldError] = [],
                     notice: String? = nil) -> HTTPResponse {
        let err: (String) -> String? = { id in errors.first { $0.field == id }?.message }
        var o = H.backLink("/", "Home")
        o += "<h1>Start a new list</h1>\n"
        if let notice { o += H.inset(e(notice)) }
        o += dataBanner()
        o += H.p("Answer the questions from the child’s EHCP. Only the case reference, the primary need, the year group and the home postcode are needed; every other answer makes the list fit better. Nothing you enter is kept unless you download the profile or issue the list.")
        o += "<p>You can also <a href=\"#upload\">upload a .profile file</a> or <a href=\"/ehcp\">start from the text of an EHCP</a>.</p>\n"
        o += "<form method=\"post\" action=\"/lists\" novalidate>\n" + csrfField(request) + H.hidden("source", "form")

        o += aboutTheChild(f, err)
        o += primaryNeed(f, err)
        o += secondaryNeeds(f, err)
        o += provisionGroups(f, err)
        o += yearGroup(f, err)
        o += homeAndJourney(f, err)
        o += settingTypes(f, err)
        o += familyWishes(f, err)
        o += moreAboutNeeds(f, err)
        o += H.button("Build the list") + "</form>\n"
        o += "<form id=\"find-setting-form\" method=\"get\" action=\"/lists/find-setting\" target=\"_blank\" role=\"search\" aria-label=\"Find a setting by name\"></form>\n"
        o += uploadForm(request, uploadErrors)
        return page(Page(title: "Start a new list", section: .newList, body: o, errors: errors + uploadErrors,
                         status: errors.isEmpty && uploadErrors.isEmpty ? .ok : .unprocessableContent, noStore: true), request)
    }

    /// The case reference, whether the child is invented, and sex: who the list is for.
    private func aboutTheChild(_ f: FormInput, _ err: (String) -> String?) -> String {
        var o = ""
        o += "<h2>About the child</h2>\n"
        o += H.textInput(id: "reference", label: "Case reference",
                         hint: "The reference in your case system, like EHC-2026-0042. Never the child’s name.",
                         value: f["reference"], error: err("reference"), width: "short",
                         attributes: "autocomplete=\"off\" spellcheck=\"false\"")
        o += H.checkboxes(name: "synthetic", legend: "Is this an invented child?", legendClass: "",
                          choices: [H.Choice("yes", "Yes, this child is invented (for training or testing)",
                                             hint: "The list will say so on every page.")],
                          selected: Set(f.values("synthetic")), error: err("synthetic"))
        o += H.radios(name: "sex", legend: "Sex", hint: "Only used to leave out single-sex settings for the other sex.",
                      choices: [H.Choice("female", "Female"), H.Choice("male", "Male"), H.Choice("", "Not given")],
                      selected: f["sex"], error: err("sex"), inline: true)
        return o
    }

    /// The primary need and its severity: what every setting's fit is measured against.
    private func primaryNeed(_ f: FormInput, _ err: (String) -> String?) -> String {
        var o = ""
        o += "<h2>Needs</h2>\n"
        o += H.select(id: "primary-need", label: "Primary need", hint: "The need recorded first in section B of the plan.",
                      options: [("", "Select the primary need")] + NeedCode.allCases.map { ($0.rawValue, "\(needTitle($0)) (\($0.rawValue))") },
                      selected: f["primary-need"], error: err("primary-need"))
        o += H.radios(name: "primary-severity", legend: "How much does the primary need affect the child’s learning?",
                      choices: Severity.allCases.map { H.Choice($0.rawValue, $0.rawValue.capitalized) },
                      selected: f["primary-severity"].ifEmpty("moderate"), error: err("primary-severity"), inline: true)
        return o
    }

    /// The other needs in the plan, closed unless one is chosen or has a problem, to keep the page short.
    private func secondaryNeeds(_ f: FormInput, _ err: (String) -> String?) -> String {
        var o = ""
        let secondaryError = err("secondary-\(NeedCode.allCases[0].rawValue)")
        var sec = "<fieldset aria-describedby=\"secondary-hint\(secondaryError == nil ? "" : " secondary-\(NeedCode.allCases[0].rawValue)-error")\">\n"
        sec += "<legend class=\"wb-visually-hidden\">Secondary needs</legend>\n"
        sec += H.hint("Choose how much each other need in the plan affects the child’s learning. Leave the rest as “Not a need”.", id: "secondary")
        sec += H.errorMessage(secondaryError, id: "secondary-\(NeedCode.allCases[0].rawValue)")
        for n in NeedCode.allCases {
            sec += "<div class=\"wb-row\">" + H.select(id: "secondary-\(n.rawValue)", label: "\(needTitle(n)) (\(n.rawValue))",
                options: [("", "Not a need")] + ProfileForm.severityChoices, selected: f["secondary-\(n.rawValue)"], bare: true) + "</div>\n"
        }
        // Thirteen needs in a closed group, like provision: open when one is chosen or the group has a problem.
        let secondaryChosen = NeedCode.allCases.filter { !f["secondary-\($0.rawValue)"].isEmpty }.count
        o += H.facilityGroup(title: "Secondary needs", answered: secondaryChosen == 0 ? "none chosen" : "\(secondaryChosen) chosen",
                             H.group(sec + "</fieldset>\n", error: secondaryError != nil), open: secondaryChosen > 0 || secondaryError != nil)
        return o
    }

    /// Section F provision, group by group: required provision rules settings out, wished-for provision scores.
    private func provisionGroups(_ f: FormInput, _ err: (String) -> String?) -> String {
        var o = ""
        o += "<h2>Provision the plan asks for</h2>\n"
        o += H.p("For each kind of provision in section F, say whether the plan requires it (settings known to lack it are left off the list) or whether it would help (settings that have it score higher). Open a group to answer; anything you leave is “Not asked for”.")
        let facilityError = err(ProfileForm.controlID("must-have"))
        o += H.errorMessage(facilityError, id: ProfileForm.controlID("must-have"))
        for group in ProfileForm.groupedFacilities {
            // A closed group keeps the page short; one with an answer or a problem in it is drawn open, so what was
            // chosen is seen and an error summary's link lands on a visible control (no script needed).
            let chosen = group.facilities.map { (x: $0, value: f["facility-\($0.rawValue)"].ifEmpty("none")) }
            let must = chosen.filter { $0.value == "must" }.count, helps = chosen.filter { $0.value == "desirable" }.count
            let hasError = group.facilities.contains { err("facility-\($0.rawValue)") != nil }
            var inner = group.hint.isEmpty ? "" : H.p(group.hint, cls: "wb-hint")
            for (x, value) in chosen {
                let id = "facility-\(x.rawValue)"
                inner += "<fieldset class=\"wb-facility\"><legend>\(e(x.title.capitalisedFirstLetter))</legend>\n<div class=\"wb-choices wb-choices--inline\">\n"
                for (i, (v, label)) in [("must", "Required"), ("desirable", "Would help"), ("none", "Not asked for")].enumerated() {
                    let cid = i == 0 ? id : "\(id)-\(i + 1)"
                    inner += "<div class=\"wb-choice\"><input id=\"\(cid)\" name=\"\(id)\" type=\"radio\" value=\"\(v)\"\(value == v ? " checked" : "")><label for=\"\(cid)\">\(label)</label></div>\n"
                }
                inner += "</div>\n</fieldset>\n"
            }
            let answered = [must > 0 ? "\(must) required" : nil, helps > 0 ? "\(helps) would help" : nil].compactMap { $0 }
            o += H.facilityGroup(title: group.title, answered: answered.isEmpty ? "none asked for" : answered.joined(separator: ", "),
                                 inner, open: must + helps > 0 || hasError || facilityError != nil && group.title == ProfileForm.groupedFacilities[0].title)
        }
        return o
    }

    /// Date of birth or year group, and the year of the placement: which phases a setting must admit.
    private func yearGroup(_ f: FormInput, _ err: (String) -> String?) -> String {
        var o = ""
        o += "<h2>Year group</h2>\n"
        let dobError = err("dob-day")
        var dob = "<fieldset role=\"group\" aria-describedby=\"dob-hint\(dobError == nil ? "" : " dob-day-error")\">\n<legend class=\"wb-legend-m\">Date of birth (optional)</legend>\n"
        dob += H.hint("For example, 14 5 2015. It gives the year group; leave it empty to choose the year group instead.", id: "dob")
        dob += H.errorMessage(dobError, id: "dob-day")
        dob += "<div class=\"wb-date\">\n"
        for (part, label, width) in [("day", "Day", "2"), ("month", "Month", "2"), ("year", "Year", "4")] {
            dob += "<div><label class=\"wb-label\" for=\"dob-\(part)\">\(label)</label><input class=\"wb-input wb-input--\(width)\(dobError == nil ? "" : " wb-input--error")\" id=\"dob-\(part)\" name=\"dob-\(part)\" type=\"text\" inputmode=\"numeric\" autocomplete=\"off\" value=\"\(e(f["dob-\(part)"]))\"></div>\n"
        }
        o += H.group(dob + "</div>\n</fieldset>\n", error: dobError != nil)
        o += H.select(id: "nc-year", label: "Current year group (optional)", hint: "Use this when you do not give a date of birth.",
                      options: [("", "Not given")] + ProfileForm.yearChoices, selected: f["nc-year"], error: err("nc-year"))
        o += H.select(id: "placement-year", label: "Year group the placement is for",
                      hint: "For example Year 7 for a move to secondary school. If you leave it, the list is for the year after the current one.",
                      options: [("", "The year after the current one")] + ProfileForm.yearChoices, selected: f["placement-year"], error: err("placement-year"))
        return o
    }

    /// Home postcode (or grid point) and the longest journey: how far a setting may be.
    private func homeAndJourney(_ f: FormInput, _ err: (String) -> String?) -> String {
        var o = ""
        o += "<h2>Home and journey</h2>\n"
        o += H.textInput(id: "home-postcode", label: "Home postcode",
                         hint: "Used only to measure journeys. Lists show just the first part, like TF3. You can give only the first part for an approximate location.",
                         value: f["home-postcode"], error: err("home-postcode"), width: "short",
                         attributes: "autocomplete=\"off\" spellcheck=\"false\" autocapitalize=\"characters\"")
        let gridOpen = !f["home-easting"].isEmpty || !f["home-northing"].isEmpty || err("home-easting") != nil || err("home-northing") != nil
        o += H.details("Use grid coordinates instead of a postcode",
            H.textInput(id: "home-easting", label: "Easting (metres)", value: f["home-easting"], error: err("home-easting"), width: "short", attributes: "inputmode=\"numeric\" autocomplete=\"off\"")
            + H.textInput(id: "home-northing", label: "Northing (metres)", value: f["home-northing"], error: err("home-northing"), width: "short", attributes: "inputmode=\"numeric\" autocomplete=\"off\""),
            open: gridOpen)
        let journeyError = err("max-journey")
        var journey = "<fieldset aria-describedby=\"max-journey-hint\(journeyError == nil ? "" : " max-journey-error")\">\n<legend class=\"wb-legend-m\">Longest acceptable journey (optional)</legend>\n"
        journey += H.hint("By road. If you leave it, the local authority’s default is used.", id: "max-journey")
        journey += H.errorMessage(journeyError, id: "max-journey")
        journey += "<div class=\"wb-date\"><div><label class=\"wb-label\" for=\"max-journey\">Distance</label><input class=\"wb-input wb-input--4\(journeyError == nil ? "" : " wb-input--error")\" id=\"max-journey\" name=\"max-journey\" type=\"text\" inputmode=\"decimal\" autocomplete=\"off\" value=\"\(e(f["max-journey"]))\"></div>\n"
        journey += "<div>" + H.select(id: "max-journey-unit", label: "Unit", options: [("miles", "miles"), ("km", "kilometres")],
                                      selected: f["max-journey-unit"].ifEmpty("miles"), bare: true) + "</div></div>\n"
        o += H.group(journey + "</fieldset>\n", error: journeyError != nil)
        return o
    }

    /// Which types of setting to consider, alternative provision and independent schools included or not.
    private func settingTypes(_ f: FormInput, _ err: (String) -> String?) -> String {
        var o = ""
        o += "<h2>Settings to consider</h2>\n"
        o += H.checkboxes(name: "allowed-types", legend: "Types of setting to consider",
                          hint: "Untick any type the family and you have ruled out. Alternative provision and fee-paying independent schools are left out unless ticked here or asked for below.",
                          choices: ProfileForm.allTypes.map { H.Choice($0.rawValue, $0.title) },
                          selected: Set(f.values("allowed-types")), error: err("allowed-types"))
        o += H.radios(name: "include-alternative-provision", legend: "Should alternative provision be listed?",
                      hint: "Pupil referral units and alternative provision academies: education for a time, not usually a long-term placement. They are labelled as such.",
                      choices: [H.Choice("no", "No"), H.Choice("yes", "Yes")], selected: f["include-alternative-provision"].ifEmpty("no"),
                      error: err("include-alternative-provision"), inline: true)
        o += H.radios(name: "prefers-independent", legend: "Would the family like independent schools considered?",
                      hint: "Independent and non-maintained special schools, and fee-paying independent schools. They are listed after maintained settings of the same fit unless the family asks for them.",
                      choices: [H.Choice("no", "No"), H.Choice("yes", "Yes")], selected: f["prefers-independent"].ifEmpty("no"),
                      error: err("prefers-independent"), inline: true)
        return o
    }

    /// What the family would like: named settings, siblings, fit, faith, single-sex, mainstream, full settings.
    private func familyWishes(_ f: FormInput, _ err: (String) -> String?) -> String {
        let catalogue = engine.catalogue
        var o = ""
        let names = catalogue.settings.count <= 3000 ? " list=\"setting-names\"" : ""
        o += H.textInput(id: "preferred-settings", label: "Settings the family would like considered (optional)",
                         hint: "Names or URNs, separated by commas. They score higher, and the list says why any of them is not on it.",
                         value: f["preferred-settings"], error: err("preferred-settings"), attributes: "autocomplete=\"off\"" + names)
        o += H.textInput(id: "avoid-settings", label: "Settings the family does not want listed (optional)",
                         hint: "Names or URNs, separated by commas.", value: f["avoid-settings"], error: err("avoid-settings"),
                         attributes: "autocomplete=\"off\"" + names)
        o += H.textInput(id: "siblings-at", label: "Settings a brother or sister will attend (optional)",
                         hint: "Names or URNs, separated by commas: only where they will be when the placement starts, nothing else about them. Such a setting scores a little higher and the list says so; it is never listed for this alone.",
                         value: f["siblings-at"], error: err("siblings-at"), attributes: "autocomplete=\"off\"" + names)
        o += H.checkboxes(name: "fit", legend: "What the family says would suit the child (optional)",
                          hint: "Each is matched only on what is known about a setting; where it is not known, the list gives a question to ask instead.",
                          choices: FitPreference.allCases.map { H.Choice($0.rawValue, $0.title.capitalisedFirstLetter) },
                          selected: Set(f.values("fit")), error: err("fit"))
        if !names.isEmpty {
            o += "<datalist id=\"setting-names\">" + catalogue.settings.map { "<option value=\"\(e($0.name))\">" }.joined() + "</datalist>\n"
        }
        // A name search that works for a catalogue of any size, without script: its box and button belong to a
        // separate GET form (the `form` attribute), which sends only the words typed there and opens the matches
        // in a new tab, so nothing already entered here is sent or lost.
        o += H.group("<label class=\"wb-label\" for=\"find-setting\">Find a setting by name (optional)</label>\n"
            + H.hint("Type part of a setting’s name or its postcode district, like Oak or TF3. The matches (at most \(Self.findSettingLimit)) open in a new tab, with each setting’s full name and URN to copy into the answers above.", id: "find-setting")
            + "<input class=\"wb-input\" id=\"find-setting\" name=\"q\" type=\"search\" form=\"find-setting-form\" autocomplete=\"off\" spellcheck=\"false\" aria-describedby=\"find-setting-hint\">\n"
            + "<button class=\"wb-button wb-button--secondary wb-button--small\" type=\"submit\" form=\"find-setting-form\">Find settings<span class=\"wb-visually-hidden\"> by name</span> (opens in a new tab)</button>\n",
            error: false)
        let faiths = Set(catalogue.settings.compactMap(\.religiousCharacter)).filter { !["none", "does not apply"].contains($0.lowercased()) }.sorted()
        o += H.textInput(id: "faith", label: "Religious character the family would like (optional)",
                         hint: "For example Roman Catholic. Settings with it score higher; no setting is left off for it.",
                         value: f["faith"], error: err("faith"), width: "", attributes: "autocomplete=\"off\"" + (faiths.isEmpty ? "" : " list=\"faiths\""))
        if !faiths.isEmpty { o += "<datalist id=\"faiths\">" + faiths.map { "<option value=\"\(e($0))\">" }.joined() + "</datalist>\n" }
        o += H.radios(name: "single-sex", legend: "Single-sex settings",
                      choices: [H.Choice("no-preference", "No preference"), H.Choice("prefer", "The family would prefer one"),
                                H.Choice("avoid", "Leave them out")],
                      selected: f["single-sex"].ifEmpty("no-preference"), error: err("single-sex"))
        o += H.radios(name: "mainstream-first", legend: "Should mainstream settings be favoured?",
                      hint: "For a family who wants a mainstream place where it can meet the child’s needs.",
                      choices: [H.Choice("no", "No"), H.Choice("yes", "Yes")], selected: f["mainstream-first"].ifEmpty("no"),
                      error: err("mainstream-first"), inline: true)
        o += H.radios(name: "exclude-full", legend: "Should settings with no vacancies be left out?",
                      hint: "If not, they are listed and labelled Full.",
                      choices: [H.Choice("no", "No, list them as Full"), H.Choice("yes", "Yes, leave them out")],
                      selected: f["exclude-full"].ifEmpty("no"), error: err("exclude-full"), inline: true)
        return o
    }

    /// Fields the profile format has that the form does not design for (new fields appear here on their own).
    private func moreAboutNeeds(_ f: FormInput, _ err: (String) -> String?) -> String {
        var o = ""
        let extra = ProfileParser.Field.allCases.filter { !ProfileForm.designed.contains($0) }
        if !extra.isEmpty {
            o += "<h2>More about the child’s needs</h2>\n"
            for field in extra {
                let name = field.rawValue.replacingOccurrences(of: "-", with: " ")
                o += H.textInput(id: "field-\(field.rawValue)", name: field.rawValue, label: name.capitalisedFirstLetter + " (optional)",
                                 hint: field.help, value: f[field.rawValue], error: err("field-\(field.rawValue)"), attributes: "autocomplete=\"off\"")
            }
        }
        return o
    }

    /// The second form on the page: a .profile file instead of answering the questions.
    private func uploadForm(_ request: HTTPRequest, _ uploadErrors: [H.FieldError]) -> String {
        var o = ""
        o += "<h2 id=\"upload\">Or upload a .profile file</h2>\n"
        o += H.errorSummaryInline(uploadErrors)
        o += "<form method=\"post\" action=\"/lists/upload\" enctype=\"multipart/form-data\" novalidate>\n" + csrfField(request)
        let upErr = uploadErrors.first?.message
        o += H.group("<label class=\"wb-label\" for=\"profile-file\">Profile file</label>\n"
            + H.hint("A needs profile in the atl-profile/1 format, at most 64 KB. It is read in memory and not kept.", id: "profile-file")
            + H.errorMessage(upErr, id: "profile-file")
            + "<input class=\"wb-input\" id=\"profile-file\" name=\"profile-file\" type=\"file\" accept=\".profile,text/plain\"\(H.describedBy("profile-file", hint: true, error: upErr != nil))>\n",
            error: upErr != nil)
        o += H.radios(name: "then", legend: "After reading it", choices: [H.Choice("list", "Build the list"), H.Choice("form", "Open it in the form to check or change it")],
                      selected: "list", inline: false)
        o += H.button("Upload the profile", kind: "secondary") + "</form>\n"
        return o
    }

    /// Most settings the name search shows: enough to pick from, few enough to read.
    static let findSettingLimit = 20

    /// GET /lists/find-setting?q=: settings whose name (or URN, or postcode district) matches, at most
    /// ``findSettingLimit``, by name. Works on a catalogue of any size (one pass, bounded answer). The query holds
    /// only a setting's name; the access log records the route, never the query.
    func findSetting(_ request: HTTPRequest) -> HTTPResponse {
        let text = FormInput.oneLine(request.queryItems.formInput["q"])
        var o = "<h1>Find a setting by name</h1>\n" + dataBanner()
        o += H.p("When you have the name or URN, close this tab to go back to your answers in the new-list form.", cls: "wb-hint")
        o += "<form method=\"get\" action=\"/lists/find-setting\" role=\"search\" aria-label=\"Find a setting by name\">\n"
        o += H.textInput(id: "q", label: "Part of a setting’s name, its URN or postcode district", hint: "For example Oak, 9000004 or TF3.",
                         value: text, attributes: "autocomplete=\"off\" spellcheck=\"false\"")
        o += H.button("Search", kind: "secondary") + "</form>\n"
        if !text.isEmpty {
            let (found, total) = SettingSearchService.search(SettingSearchService.Query(text: String(text.prefix(120))), in: engine.catalogue,
                                                             limit: Self.findSettingLimit)
            o += "<h2 id=\"results\">\(total == 0 ? "No settings match" : total == 1 ? "1 setting matches" : "\(total) settings match")</h2>\n"
            if total > found.count { o += H.p("The first \(found.count), by name. Type more of the name to narrow the search.") }
            if total == 0 { o += H.p("Check the spelling, or try a shorter part of the name.") }
            if !found.isEmpty {
                o += H.p("Copy a setting’s full name or its URN into the form in the other tab.")
                o += "<ul class=\"wb-results\">\n" + found.map { s in
                    let district = (s.postcode ?? s.nearestPostcode).map { String(Postcode.outcode(of: $0)) }
                    let facts = [s.type.title, s.localAuthority?.name, district].compactMap { $0 }.joined(separator: ", ")
                    return "<li><strong>\(e(s.name))</strong><br>URN \(s.urn)<span class=\"wb-hint\">\(e(facts))</span></li>\n"
                }.joined() + "</ul>\n"
            }
        }
        return page(Page(title: text.isEmpty ? "Find a setting by name" : "Settings found", section: .newList, body: o), request)
    }

    func needTitle(_ n: NeedCode) -> String { n.title.capitalisedFirstLetter }
}

extension H {
    /// One group of provision as a `<details>`: its title and what is answered in it ("1 required") in the summary,
    /// so a closed group still says what it holds.
    static func facilityGroup(title: String, answered: String, _ html: String, open: Bool) -> String {
        "<details class=\"wb-details wb-group\"\(open ? " open" : "")><summary><span class=\"wb-group__title\">\(e(title))</span> <span class=\"wb-group__answered\">(\(e(answered)))</span></summary>\n<div class=\"wb-details__text\">\n\(html)</div>\n</details>\n"
    }

    /// Upload problems listed where the upload is (the page's error summary links here too).
    static func errorSummaryInline(_ errors: [FieldError]) -> String {
        guard errors.count > 1 else { return "" }
        return "<ul class=\"wb-error-message\">" + errors.dropFirst().map { "<li>\(e($0.message))</li>" }.joined() + "</ul>\n"
    }
}
