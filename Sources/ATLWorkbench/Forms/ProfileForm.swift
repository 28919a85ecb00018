import ATLModel
import ATLData
import ATLServices
import Foundation

/// The new-list form. It has a control for every field of the needs profile (`ProfileParser.Field`) and turns
/// what the officer entered into **profile text**, which the same parser as `.profile` files then checks: one
/// set of rules for files and forms, and the officer can download exactly the text the list was built from.
///
/// Fields with a designed control (needs with severity, facilities grouped and explained, a date input, radios)
/// are listed in ``designed``; any other field the profile format gains appears as a labelled text box with the
/// parser's own help as its hint, so the form never falls behind the format.
enum ProfileForm {
    /// Profile fields with a designed control; every other field gets a text box.
    static let designed: Set<ProfileParser.Field> = [
        .format, .reference, .synthetic, .primaryNeed, .secondaryNeeds, .mustHave, .desirable, .dateOfBirth, .ncYear,
        .placementYear, .sex, .homePostcode, .homeEasting, .homeNorthing, .maxJourney, .allowedTypes, .preferredSettings,
        .avoidSettings, .faith, .singleSex, .mainstreamFirst, .excludeFull, .includeAlternativeProvision, .prefersIndependent,
        .siblingsAt, .fit,
    ]

    /// The types the engine considers when a profile leaves `allowed-types` out: every type but alternative
    /// provision and fee-paying independent schools, which a family asks for (policy R8, R12). The form ticks these
    /// by default, so leaving the boxes as they are writes no `allowed-types` line.
    static let defaultTypes: [SettingType] = SettingType.allCases.filter { ![.unknown, .alternativeProvision, .independent].contains($0) }
    static let allTypes: [SettingType] = SettingType.allCases.filter { $0 != .unknown }

    /// Facilities in groups an officer recognises from section F; a facility in no group lands in "Other".
    static let facilityGroups: [(title: String, hint: String, facilities: [Facility])] = [
        ("Therapies and health", "Provision delivered on the setting's site by therapists, nurses or counsellors.",
         [.saltOnsite, .otOnsite, .physioOnsite, .nurseOnsite, .counselling, .hydrotherapy]),
        ("Physical access and personal care", "What a child who uses a wheelchair or needs personal care relies on.",
         [.stepFree, .lift, .singleStorey, .hoist, .changingPlaces]),
        ("Communication, hearing and vision", "Specialist staff and resources for communication and sensory needs.",
         [.signing, .makaton, .aac, .qtod, .radioAids, .qtvi, .braille]),
        ("Learning environment", "How teaching is organised and the spaces the child can use.",
         [.smallClasses, .highStaffing, .quietSpace, .sensoryRoom, .nurtureGroup, .residential]),
    ]

    static var groupedFacilities: [(title: String, hint: String, facilities: [Facility])] {
        let listed = Set(facilityGroups.flatMap(\.facilities))
        let other = Facility.allCases.filter { !listed.contains($0) }
        return facilityGroups + (other.isEmpty ? [] : [("Other provision", "", other)])
    }

    static let severityChoices: [(String, String)] = Severity.allCases.map { ($0.rawValue, $0.rawValue.capitalized) }

    /// Year groups as the profile writes them (R = Reception).
    static let yearChoices: [(String, String)] = [("R", "Reception")] + (1...14).map { (String($0), "Year \($0)") }

    /// Values of a form nobody has filled in yet.
    static var blank: FormInput {
        var f = FormInput()
        f.fields = [("primary-severity", "moderate"), ("single-sex", "no-preference"), ("mainstream-first", "no"),
                    ("exclude-full", "no"), ("include-alternative-provision", "no"), ("prefers-independent", "no"),
                    ("max-journey-unit", "miles"), ("sex", "")]
        for t in defaultTypes { f.fields.append(("allowed-types", t.rawValue)) }
        return f
    }

    // MARK: - Form → profile text

    /// The profile text the form describes, and problems the form itself finds (a setting name that names no
    /// setting, or several). Everything else is left to the parser.
    static func profileText(_ f: FormInput, catalogue: Catalogue) -> (text: String, errors: [H.FieldError]) {
        var lines = ["format: \(ProfileParser.formatTag)"]
        var errors: [H.FieldError] = []
        func put(_ field: ProfileParser.Field, _ value: String) {
            if !value.isEmpty { lines.append("\(field.rawValue): \(value)") }
        }
        for field in ProfileParser.Field.allCases {
            switch field {
            case .format: continue
            case .synthetic: put(field, f["synthetic"] == "yes" ? "yes" : "")
            case .primaryNeed:
                let code = f.line("primary-need")
                put(field, code.isEmpty ? "" : code + " " + f.line("primary-severity"))
            case .secondaryNeeds:
                // Most severe first (the order lists show them in), then in the vocabulary's order.
                let chosen = NeedCode.allCases.compactMap { n -> (NeedCode, String)? in
                    let s = f.line("secondary-\(n.rawValue)")
                    return s.isEmpty ? nil : (n, s)
                }
                func weight(_ s: String) -> Int { -(Severity.allCases.firstIndex { $0.rawValue == s } ?? -1) }
                put(field, chosen.enumerated().sorted { (weight($0.element.1), $0.offset) < (weight($1.element.1), $1.offset) }
                    .map { "\($0.element.0.rawValue) \($0.element.1)" }.joined(separator: ", "))
            case .mustHave: put(field, Facility.allCases.filter { f["facility-\($0.rawValue)"] == "must" }.map(\.rawValue).joined(separator: ", "))
            case .desirable: put(field, Facility.allCases.filter { f["facility-\($0.rawValue)"] == "desirable" }.map(\.rawValue).joined(separator: ", "))
            case .dateOfBirth:
                let (d, m, y) = (f.line("dob-day"), f.line("dob-month"), f.line("dob-year"))
                if !(d.isEmpty && m.isEmpty && y.isEmpty) {
                    func pad(_ s: String, _ n: Int) -> String { s.count < n && Int(s) != nil ? String(repeating: "0", count: n - s.count) + s : s }
                    put(field, "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))")
                }
            case .maxJourney:
                let n = f.line("max-journey")
                put(field, n.isEmpty ? "" : n + " " + (f.line("max-journey-unit") == "km" ? "km" : "miles"))
            case .allowedTypes:
                let chosen = f.values("allowed-types").compactMap(SettingType.init(rawValue:))
                if chosen.isEmpty {
                    lines.append("\(field.rawValue): ")     // the parser says what is wrong with an empty choice
                } else if Set(chosen) != Set(defaultTypes) {
                    put(field, allTypes.filter(chosen.contains).map(\.rawValue).joined(separator: ", "))
                }
            case .fit:
                let chosen = Set(f.values("fit"))
                put(field, FitPreference.allCases.filter { chosen.contains($0.rawValue) }.map(\.rawValue).joined(separator: ", "))
            case .preferredSettings, .avoidSettings, .siblingsAt:
                let (urns, problems) = resolveSettings(f.line(field.rawValue), field: field.rawValue, catalogue: catalogue)
                put(field, urns)
                errors += problems
            case .singleSex: put(field, f.line("single-sex") == "no-preference" ? "" : f.line("single-sex"))
            case .mainstreamFirst, .excludeFull, .includeAlternativeProvision, .prefersIndependent:
                put(field, f.line(field.rawValue) == "yes" ? "yes" : "")
            default: put(field, f.line(field.rawValue))
            }
        }
        return (lines.joined(separator: "\n") + "\n", errors)
    }

    /// "Oakfield Academy, 9000004" → "9000004, 9000007": URNs pass through (the parser checks them), names are
    /// looked up in the catalogue and must name exactly one setting.
    static func resolveSettings(_ text: String, field: String, catalogue: Catalogue) -> (String, [H.FieldError]) {
        var urns: [String] = []
        var errors: [H.FieldError] = []
        for item in text.split(separator: ",").map({ FormInput.oneLine(String($0)) }) where !item.isEmpty {
            if item.allSatisfy(\.isNumber) { urns.append(item); continue }
            switch SettingSearchService.resolve(item, in: catalogue) {
            case .found(let s): urns.append(String(s.urn))
            case .none:
                errors.append(H.FieldError(field: field, message: "No setting is called “\(item.prefix(60))”: check the name or enter the setting’s URN"))
            case .several(let some, let total):
                let names = some.prefix(3).map { "\($0.name) (URN \($0.urn))" }.joined(separator: ", ")
                errors.append(H.FieldError(field: field, message: "“\(item.prefix(60))” matches \(total) settings, like \(names): enter the full name or the URN"))
            }
        }
        return (urns.joined(separator: ", "), errors)
    }

    // MARK: - Profile → form (prefill)

    /// The form's values for a profile (an uploaded file opened in the form, or EHCP suggestions).
    static func input(from p: NeedsProfile, catalogue: Catalogue) -> FormInput {
        var f = FormInput()
        func set(_ n: String, _ v: String) { f.fields.append((name: n, value: v)) }
        set("reference", p.reference)
        if p.synthetic { set("synthetic", "yes") }
        set("primary-need", p.primaryNeed.rawValue)
        set("primary-severity", p.primarySeverity.rawValue)
        for s in p.secondaryNeeds { set("secondary-\(s.code.rawValue)", s.severity.rawValue) }
        for x in p.mustHave.facilities { set("facility-\(x.rawValue)", "must") }
        for x in p.desirable.facilities { set("facility-\(x.rawValue)", "desirable") }
        if let d = p.dateOfBirth, let y = d.year, let m = d.month, let day = d.day {
            set("dob-day", String(day)); set("dob-month", String(m)); set("dob-year", String(y))
        } else {
            set("placement-year", p.placementYear == 0 ? "R" : String(p.placementYear))
        }
        if let sex = p.sex { set("sex", sex.rawValue) } else { set("sex", "") }
        switch p.home {
        case .postcode(let pc): set("home-postcode", pc)
        case .grid(let g): set("home-easting", String(g.easting)); set("home-northing", String(g.northing))
        }
        if let km = p.maxJourneyKm {
            let (number, unit) = journeyText(km)
            set("max-journey", number); set("max-journey-unit", unit)
        } else {
            set("max-journey-unit", "miles")
        }
        for t in (p.allowedTypes.map { allTypes.filter($0.contains) } ?? defaultTypes) { set("allowed-types", t.rawValue) }
        set("preferred-settings", p.preferredSettings.map(String.init).joined(separator: ", "))
        set("avoid-settings", p.avoidSettings.map(String.init).joined(separator: ", "))
        set("siblings-at", p.siblingsAt.map(String.init).joined(separator: ", "))
        for x in p.fit { set("fit", x.rawValue) }
        if let faith = p.faith { set("faith", faith) }
        set("single-sex", p.singleSex.rawValue)
        set("mainstream-first", p.mainstreamFirst ? "yes" : "no")
        set("exclude-full", p.excludeFull ? "yes" : "no")
        set("include-alternative-provision", p.includeAlternativeProvision ? "yes" : "no")
        set("prefers-independent", p.prefersIndependent ? "yes" : "no")
        return f
    }

    /// A journey in the words that give back exactly the same kilometres when the form is sent: miles when the
    /// profile said miles ("10 miles" is 16.09344 km), else kilometres, with the fewest decimals that round-trip.
    static func journeyText(_ km: Double) -> (number: String, unit: String) {
        func shortest(_ x: Double, _ exact: (Double) -> Bool) -> String? {
            for places in 0...6 {
                let text = places == 0 ? String(Int(x.rounded())) : Fixed.format(x, places: places)
                if let back = Double(text), exact(back) { return text }
            }
            return nil
        }
        if let miles = shortest(km / 1.609344, { $0 * 1.609344 == km }) { return (miles, "miles") }
        return (shortest(km, { $0 == km }) ?? "\(km)", "km")
    }

    // MARK: - Problems → field errors

    /// The control an error summary links to for a profile field.
    static func controlID(_ field: String?) -> String {
        guard let field, let f = ProfileParser.Field(rawValue: field) else { return field.map { "field-\($0)" } ?? "reference" }
        switch f {
        case .format: return "reference"
        case .secondaryNeeds: return "secondary-\(NeedCode.allCases[0].rawValue)"
        case .mustHave, .desirable: return "facility-\(groupedFacilities[0].facilities[0].rawValue)"
        case .dateOfBirth: return "dob-day"
        default: return designed.contains(f) ? f.rawValue : "field-\(f.rawValue)"
        }
    }

    /// Parser and engine diagnostics as messages an officer can act on, each linked to its control. Messages say
    /// what to do; the parser's own words are kept where they already do.
    static func fieldErrors(_ diagnostics: [Diagnostic]) -> [H.FieldError] {
        var out: [H.FieldError] = []
        for d in diagnostics where d.level == .error {
            let err = H.FieldError(field: controlID(d.field), message: message(d))
            if !out.contains(err) { out.append(err) }
        }
        return sorted(out)
    }

    /// The order of the controls on the page, so the error summary reads top to bottom like the form.
    static let pageOrder: [String] = ["reference", "synthetic", "sex", "primary-need", "primary-severity", "secondary-", "facility-",
                                      "dob-", "nc-year", "placement-year", "home-postcode", "home-easting", "home-northing", "max-journey",
                                      "allowed-types", "include-alternative-provision", "prefers-independent", "preferred-settings", "avoid-settings",
                                      "faith", "single-sex", "mainstream-first", "exclude-full", "field-"]

    static func sorted(_ errors: [H.FieldError]) -> [H.FieldError] {
        func rank(_ id: String) -> Int { pageOrder.firstIndex { id == $0 || ($0.hasSuffix("-") && id.hasPrefix($0)) } ?? pageOrder.count }
        return errors.enumerated().sorted { (rank($0.element.field), $0.offset) < (rank($1.element.field), $1.offset) }.map(\.element)
    }

    static func message(_ d: Diagnostic) -> String {
        let code = d.code.description
        switch (d.field ?? "", code) {
        case ("reference", "profile.required-field-missing"), ("reference", "profile.empty-value"):
            return "Enter the child’s case reference, like EHC-2026-0042"
        case ("reference", _):
            return "Enter a case reference of letters and digits with at least one digit, like EHC-2026-0042 (never a name)"
        case ("primary-need", "profile.required-field-missing"), ("primary-need", "profile.empty-value"):
            return "Select the child’s primary need"
        case ("home-postcode", "profile.bad-home-postcode"):
            return "Enter a real postcode, like TF3 4NT, or just its first part, like TF3"
        case ("home-postcode", "engine.postcode-not-in-lookup"):
            return "That postcode is not in the postcode lookup the workbench has: check it, or give grid coordinates instead"
        case ("home-postcode", "engine.no-postcode-lookup"):
            return "No postcode lookup is loaded: give the home as grid coordinates"
        case (_, "profile.home-missing"):
            return "Enter a home postcode, like TF3 4NT, so journeys can be measured"
        case ("placement-year", "profile.placement-year-missing"), (_, "profile.placement-year-missing"):
            return "Select the year group the placement is for, or the current year group, or enter a date of birth"
        case ("date-of-birth", "profile.bad-date-of-birth"):
            return "Date of birth must be a real date, like 14 5 2015"
        case ("max-journey", "profile.not-a-distance"):
            return "Enter the longest acceptable journey as a number, like 12"
        case ("allowed-types", "profile.empty-value"), ("allowed-types", "profile.no-allowed-type"):
            return "Select at least one type of setting to consider"
        case ("include-alternative-provision", "profile.include-alternative-provision-not-allowed"):
            return "Tick alternative provision in the types to consider, or answer No here"
        case ("prefers-independent", "profile.prefers-independent-not-allowed"):
            return "Tick an independent type in the types to consider, or answer No here"
        default:
            let m = d.message
            return m.capitalisedFirstLetter
        }
    }
}
