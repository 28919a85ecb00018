import ATLModel
import ATLData
import ATLPlanning
import ATLServices

/// The scenario builder: a name, a description and up to ``slots`` changes, turned into **scenario text**
/// (`atl-scenario/1`) that the same parser as `.scenario` files checks. Each line written remembers which
/// change and field it came from, so a problem the parser finds is shown at that field.
enum ScenarioForm {
    /// Rows of changes the form offers; unused rows are closed and ignored.
    static let slots = 6

    /// Operations in the order the form offers them, with the fields each uses.
    static let operations: [(value: String, label: String)] = [
        ("", "No change"), ("open", "Open a new provision"), ("close", "Close a setting"), ("places", "Change a setting’s specialist places"),
        ("vacancies", "Set a setting’s vacancies"), ("needs", "Change the needs a setting is designated for"),
        ("demand", "Grow or shrink demand for a need"), ("max-journey", "Change every child’s longest journey"),
    ]

    /// Form fields of one change slot, and the scenario field each becomes.
    static let slotFields: [(form: String, scenario: String)] = [
        ("name", "name"), ("type", "type"), ("needs", "needs"), ("places", "places"), ("host", "host"), ("postcode", "easting"),
        ("age", "age-range"), ("setting", "setting"), ("vacancies", "vacancies"), ("need", "need"), ("growth", "growth"), ("distance", "distance"),
    ]

    /// The fields each operation takes (others in the slot are ignored, so a half-used slot is not an error).
    static let takes: [String: Set<String>] = [
        "open": ["name", "type", "needs", "places", "host", "postcode", "age"],
        "close": ["setting"],
        "places": ["setting", "places"],
        "vacancies": ["setting", "vacancies"],
        "needs": ["setting", "needs"],
        "demand": ["need", "growth"],
        "max-journey": ["distance"],
    ]

    struct Built {
        var text: String
        var errors: [H.FieldError]
        /// Line number → the form control for a problem on that line.
        var controlByLine: [Int: [String: String]]
        var headerControl: [String: String]
    }

    /// The scenario text, and problems the form finds first (a setting name naming no setting or several).
    static func build(_ f: FormInput, catalogue: Catalogue, postcodes: PostcodeLookup? = nil) -> Built {
        var lines = ["format: \(Scenario.formatTag)"]
        var errors: [H.FieldError] = []
        var controls: [Int: [String: String]] = [:]
        let header = ["name": "scenario-name", "description": "scenario-description"]
        for (key, id) in [("name", "scenario-name"), ("description", "scenario-description")] where !f.line(id).isEmpty {
            lines.append("\(key): \(f.line(id))")
        }
        for slot in 1...slots {
            let op = f.line("change-\(slot)-op")
            guard let fields = takes[op] else { continue }
            lines.append("")
            lines.append("change: \(op)")
            let opLine = lines.count
            controls[opLine] = ["change": "change-\(slot)-op"]
            for (form, scenario) in slotFields where fields.contains(form) {
                let id = "change-\(slot)-\(form)"
                var value = f.line(id)
                switch form {
                case "needs":
                    // Ticked needs (the code is each box's value); a typed list like "ASD, SLCN" is kept as it is.
                    value = f.values(id).map(FormInput.oneLine).filter { !$0.isEmpty }.joined(separator: ", ")
                case "age":
                    // "From 11 to 16" → age-range: 11-16; the parser checks the numbers.
                    let (low, high) = (f.line("\(id)-from"), f.line("\(id)-to"))
                    if low.isEmpty != high.isEmpty {
                        errors.append(H.FieldError(field: "\(id)-from", message: "Change \(slot): enter both the youngest and the oldest age, like 11 and 16"))
                    }
                    value = low.isEmpty || high.isEmpty ? "" : "\(low)-\(high)"
                case "postcode":
                    // A site's postcode becomes its grid coordinates (the format's place for a setting with no host).
                    guard !value.isEmpty else { break }
                    if let match = postcodes?.locate(value) {
                        controls[opLine, default: [:]]["easting"] = id
                        controls[opLine, default: [:]]["northing"] = id
                        lines.append("easting: \(match.point.easting)")
                        controls[lines.count] = ["easting": id]
                        lines.append("northing: \(match.point.northing)")
                        controls[lines.count] = ["northing": id]
                    } else {
                        errors.append(H.FieldError(field: id, message: postcodes == nil
                            ? "Change \(slot): no postcode lookup is loaded, so give a host school instead"
                            : "Change \(slot): that postcode is not in the postcode lookup: check it, or give a host school"))
                    }
                    controls[opLine, default: [:]]["easting"] = id
                    continue
                default: break
                }
                if (form == "setting" || form == "host") && !value.isEmpty && !value.allSatisfy(\.isNumber) {
                    switch SettingSearchService.resolve(value, in: catalogue) {
                    case .found(let s): value = String(s.urn)
                    case .none: errors.append(H.FieldError(field: id, message: "Change \(slot): no setting is called “\(value.prefix(60))”: check the name or enter its URN"))
                    case .several(_, let total): errors.append(H.FieldError(field: id, message: "Change \(slot): “\(value.prefix(60))” matches \(total) settings: enter the full name or the URN"))
                    }
                }
                let control = form == "age" ? "\(id)-from" : id
                controls[opLine, default: [:]][scenario] = control      // "missing" problems are reported on the change's line
                guard !value.isEmpty else { continue }
                lines.append("\(scenario): \(value)")
                controls[lines.count] = [scenario: control]
            }
        }
        return Built(text: lines.joined(separator: "\n") + "\n", errors: errors, controlByLine: controls, headerControl: header)
    }

    /// Parser problems as field errors at the controls they came from.
    static func fieldErrors(_ diagnostics: [Diagnostic], built: Built) -> [H.FieldError] {
        var out: [H.FieldError] = []
        for d in diagnostics where d.level == .error {
            let field = d.field ?? ""
            let control = d.line.flatMap { built.controlByLine[$0]?[field] ?? built.controlByLine[$0]?.values.first }
                ?? built.headerControl[field] ?? "change-1-op"
            let slot = control.hasPrefix("change-") ? "Change \(control.split(separator: "-")[1]): " : ""
            let message: String
            switch d.code.description {
            case "scenario.no-place": message = "give the host school it opens in, or the postcode of its site"
            case "scenario.host-and-location": message = "give either a host school or a postcode, not both"
            case "scenario.no-age-range": message = "enter the ages it takes, like 11 to 16, or give the host school it opens in"
            default: message = d.message
            }
            let err = H.FieldError(field: control, message: slot + message.capitalisedFirstLetter)
            if !out.contains(err) { out.append(err) }
        }
        return out
    }
}
