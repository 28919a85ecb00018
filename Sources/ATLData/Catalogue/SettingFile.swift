/// The catalogue's on-disk format: one UTF-8 text file per setting (`<urn>-<slug>.setting.md`), a
/// structured header between `---` lines followed by the SEN information report as `## ` sections.
/// Documented with a full example in `docs/catalogue-format.md`.
///
/// ```
/// ---
/// format: atl-setting/1
/// urn: 123456
/// name: Oakfield Academy
/// type: mainstream-resourced
/// needs: ASD, SLCN
/// ---
///
/// ## Kinds of special educational needs provided for
///
/// We provide for pupils with ...
/// ```
public enum SettingFile {
    public static let formatTag = "atl-setting/1"
    public static let fileSuffix = ".setting.md"
    /// URNs from here up are reserved for fictional settings (the example LA); real URNs are 6 digits.
    public static let firstFictionalURN = 9_000_000

    /// Header fields, in canonical order. Every field but `format`, `urn`, `name` and `type` is optional:
    /// a missing field means "not known".
    public enum Field: String, CaseIterable, Sendable {
        case format, urn, name, fictional, synthetic
        case laCode = "la-code", laName = "la-name"
        case type, giasType = "gias-type", status, phase
        case ageRange = "age-range", gender
        case religiousCharacter = "religious-character", ofsted
        case easting, northing, postcode, nearestPostcode = "nearest-postcode"
        case capacity, onRoll = "on-roll"
        case needs, specialistProvision = "specialist-provision"
        case specialistPlaces = "specialist-places", specialistOnRoll = "specialist-on-roll"
        case specialistVacancies = "specialist-vacancies", placesByNeed = "places-by-need"
        case facilities, costBand = "cost-band", source

        /// One line of help, shown by `atl validate` errors and in the format documentation.
        public var help: String {
            switch self {
            case .format: "always 'atl-setting/1'"
            case .urn: "GIAS Unique Reference Number (fictional settings: 9000000 and above)"
            case .name: "the setting's name"
            case .fictional: "yes for invented example settings; omit or 'no' for real ones"
            case .synthetic: "yes for a real school whose SEN facts were invented (atl synth-national); omit or 'no' otherwise"
            case .laCode: "DfE three-digit local authority code, e.g. 894"
            case .laName: "local authority name"
            case .type: "one of " + SettingType.allCases.map(\.rawValue).joined(separator: ", ")
            case .giasType: "GIAS type of establishment name the type came from"
            case .status: "open, closed or proposed (default open)"
            case .phase: "one of " + Phase.allCases.map(\.rawValue).joined(separator: ", ")
            case .ageRange: "statutory age range, e.g. 11-16"
            case .gender: "mixed, boys or girls"
            case .religiousCharacter: "religious character, e.g. Church of England, or None"
            case .ofsted: "latest Ofsted overall judgement: " + OfstedJudgement.allCases.map(\.rawValue).joined(separator: ", ")
            case .easting: "British National Grid easting in metres"
            case .northing: "British National Grid northing in metres"
            case .postcode: "the setting's postcode"
            case .nearestPostcode: "postcode nearest the setting's coordinates, when its own is not known"
            case .capacity: "school capacity (places)"
            case .onRoll: "number of pupils on roll"
            case .needs: "need codes the setting's specialist offer is for, comma-separated, or none"
            case .specialistProvision: "one of " + SpecialistProvisionKind.allCases.map(\.rawValue).joined(separator: ", ")
            case .specialistPlaces: "places in the resourced provision, unit or special school"
            case .specialistOnRoll: "pupils on roll in those places"
            case .specialistVacancies: "vacancies in those places stated by the LA (overrides places - on roll)"
            case .placesByNeed: "specialist places per need, e.g. 'ASD 12, SLCN 8'"
            case .facilities: "facility tags, comma-separated, or none: " + Facility.allCases.map(\.rawValue).joined(separator: ", ")
            case .costBand: "indicative cost band A (lowest) to E"
            case .source: "where the facts came from (repeat the line for several sources)"
            }
        }
    }

    // MARK: Parsing

    /// Parses one setting file: the setting with any warnings, or every problem found (errors and warnings).
    public static func parse(_ bytes: some Collection<UInt8>, file: String) throws(ATLError) -> Parsed<Setting> {
        try parse(text: TextDecoding.decodeUTF8(bytes, file: file), file: file)
    }

    public static func parse(text: String, file: String) throws(ATLError) -> Parsed<Setting> {
        var diags: [Diagnostic] = []
        let lines = TextDecoding.lines(text)
        var i = 0
        while i < lines.count, lines[i].allSatisfy(\.isWhitespace) { i += 1 }
        guard i < lines.count, TextDecoding.trimSpaces(lines[i]) == "---" else {
            throw ATLError(code: "setting.setting-file-starts-line", file: file, line: min(i + 1, max(lines.count, 1)),
                           "a setting file starts with a '---' line, then the header, then '---'")
        }
        let headerStart = i + 1
        var headerEnd = headerStart
        while headerEnd < lines.count, TextDecoding.trimSpaces(lines[headerEnd]) != "---" { headerEnd += 1 }
        if headerEnd == lines.count {
            throw ATLError(code: "setting.header-opened-here-never", file: file, line: i + 1, "the header opened here is never closed with a '---' line")
        }

        // Header
        var values: [Field: KeyValueLine] = [:]
        var sources: [String] = []
        for n in headerStart..<headerEnd {
            do {
                guard let kv = try KeyValueLine.parse(lines[n], line: n + 1, file: file) else { continue }
                guard let field = Field(rawValue: kv.key) else {
                    diags.append(Diagnostic(code: "setting.unknown-field-known-fields", file: file, line: kv.line, field: kv.key,
                        "unknown field; known fields: \(Field.allCases.map(\.rawValue).joined(separator: ", "))"))
                    continue
                }
                if kv.value.isEmpty {
                    diags.append(Diagnostic(code: "setting.empty-value-remove-line", file: file, line: kv.line, field: kv.key,
                        "empty value; remove the line if the value is not known"))
                    continue
                }
                if field == .source { sources.append(kv.value); continue }
                if let first = values[field] {
                    diags.append(Diagnostic(code: "setting.given-twice-first-line", file: file, line: kv.line, field: kv.key,
                        "given twice (first on line \(first.line))"))
                    continue
                }
                values[field] = kv
            } catch {
                diags += error.diagnostics
            }
        }
        let setting = buildSetting(values: values, sources: sources, file: file, headerLine: i + 1, diags: &diags)

        // Report sections
        var report: [ReportSection: String] = [:]
        var sectionLine: [ReportSection: Int] = [:]
        var current: ReportSection?
        var currentLines: [Substring] = []
        var sawHeading = false, strayReported = false
        func close() {
            if let c = current { report[c] = trimBlankLines(currentLines) }
            currentLines.removeAll(keepingCapacity: true)
        }
        var n = headerEnd + 1
        while n < lines.count {
            let line = lines[n]
            if line.hasPrefix("## ") || line == "##" {
                close()
                sawHeading = true
                let heading = String(TextDecoding.trimSpaces(line.dropFirst(2)))
                if let s = ReportSection(heading: heading) {
                    if let first = sectionLine[s] {
                        diags.append(Diagnostic(code: "setting.problem", file: file, line: n + 1, field: "## " + heading,
                            "section given twice (first on line \(first))"))
                        current = nil
                    } else {
                        current = s
                        sectionLine[s] = n + 1
                    }
                } else {
                    diags.append(Diagnostic(code: "setting.problem", file: file, line: n + 1, field: "## " + heading,
                        "unknown section heading; use one of the headings in docs/catalogue-format.md (e.g. \"\(ReportSection.kindsOfSEN.title)\")"))
                    current = nil
                }
            } else if !sawHeading && !line.allSatisfy(\.isWhitespace) {
                if !strayReported {
                    diags.append(Diagnostic(code: "setting.text-outside-any-section", file: file, line: n + 1,
                        "text outside any section; put it under a '## ' section heading"))
                    strayReported = true
                }
            } else if current != nil {
                currentLines.append(line)
            }
            n += 1
        }
        close()

        let errors = diags.contains { $0.level == .error }
        guard var s = setting, !errors else { throw ATLError(diags) }
        s.report = report
        return Parsed(s, warnings: diags)
    }

    private static func trimBlankLines(_ lines: [Substring]) -> String {
        var lo = 0, hi = lines.count
        while lo < hi, lines[lo].allSatisfy(\.isWhitespace) { lo += 1 }
        while hi > lo, lines[hi - 1].allSatisfy(\.isWhitespace) { hi -= 1 }
        return lines[lo..<hi].map { line -> Substring in
            var l = line
            while let last = l.last, last == " " || last == "\t" { l = l.dropLast() }
            return l
        }.joined(separator: "\n")
    }

    private static func buildSetting(values: [Field: KeyValueLine], sources: [String], file: String,
                                     headerLine: Int, diags: inout [Diagnostic]) -> Setting? {
        let p = FieldParser(file: file)
        func field<T>(_ f: Field, _ parse: (KeyValueLine) throws(ATLError) -> T) -> T? {
            guard let kv = values[f] else { return nil }
            do { return try parse(kv) } catch {
                diags += error.diagnostics
                return nil
            }
        }
        func require(_ f: Field) {
            if values[f] == nil {
                diags.append(Diagnostic(code: "setting.required-field-missing", file: file, line: headerLine, field: f.rawValue, "required field is missing (\(f.help))"))
            }
        }
        require(.format); require(.urn); require(.name); require(.type)
        if let kv = values[.format], kv.value != formatTag {
            diags.append(Diagnostic(code: "setting.format", file: file, line: kv.line, field: "format",
                                    "expected '\(formatTag)', got \"\(kv.value)\""))
        }
        let fictional = field(.fictional) { kv throws(ATLError) in try p.bool(kv) } ?? false
        let synthetic = field(.synthetic) { kv throws(ATLError) in try p.bool(kv) } ?? false
        if fictional && synthetic, let kv = values[.synthetic] {
            diags.append(Diagnostic(code: "setting.synthetic", file: file, line: kv.line, field: "synthetic",
                "a setting is either fictional (invented) or synthetic (a real school with invented facts), not both"))
        }
        let urn = field(.urn) { kv throws(ATLError) in try p.int(kv, min: 100_000, max: 99_999_999) }
        if let urn, let kv = values[.urn] {
            if fictional && urn < firstFictionalURN {
                diags.append(Diagnostic(code: "setting.urn", file: file, line: kv.line, field: "urn",
                    "fictional settings use URNs from \(firstFictionalURN) up, so they can never be mistaken for real ones"))
            } else if !fictional && urn >= firstFictionalURN {
                diags.append(Diagnostic(code: "setting.urn", file: file, line: kv.line, field: "urn",
                    "URNs from \(firstFictionalURN) up are reserved for fictional settings; add 'fictional: yes' or correct the URN"))
            }
        }
        let name = values[.name]?.value
        let type = field(.type) { kv throws(ATLError) in try p.enumValue(kv, SettingType.self) { SettingType(rawValue: $0.lowercased()) } }
        let laCode = field(.laCode) { kv throws(ATLError) in try p.int(kv, min: 100, max: 999) }
        let laName = values[.laName]?.value
        if (laCode == nil) != (laName == nil), values[.laCode] != nil || values[.laName] != nil {
            let missing: Field = laCode == nil ? .laCode : .laName
            if values[missing] == nil {
                diags.append(Diagnostic(code: "setting.la-code-la-name", file: file, line: (values[.laCode] ?? values[.laName])!.line, field: missing.rawValue,
                                        "la-code and la-name go together"))
            }
        }
        let status = field(.status) { kv throws(ATLError) in try p.enumValue(kv, SettingStatus.self) { SettingStatus(rawValue: $0.lowercased()) } } ?? .open
        let phase = field(.phase) { kv throws(ATLError) in try p.enumValue(kv, Phase.self) { Phase(parsing: $0) } }
        let ageRange = field(.ageRange) { kv throws(ATLError) in try parseAgeRange(kv, file: file) }
        let gender = field(.gender) { kv throws(ATLError) in try p.enumValue(kv, Gender.self) { Gender(parsing: $0) } }
        let ofsted = field(.ofsted) { kv throws(ATLError) in try p.enumValue(kv, OfstedJudgement.self) { OfstedJudgement(parsing: $0) } }
        let easting = field(.easting) { kv throws(ATLError) in try p.int(kv) }
        let northing = field(.northing) { kv throws(ATLError) in try p.int(kv) }
        var location: GridPoint?
        if let e = easting, let n = northing {
            let g = GridPoint(easting: e, northing: n)
            if g.isInGreatBritain {
                location = g
            } else {
                diags.append(Diagnostic(code: "setting.easting", file: file, line: values[.easting]!.line, field: "easting",
                    "coordinates \(e), \(n) are outside Great Britain (British National Grid: easting 0-700000, northing 0-1300000 metres)"))
            }
        } else if (values[.easting] == nil) != (values[.northing] == nil) {
            let missing: Field = values[.easting] == nil ? .easting : .northing
            diags.append(Diagnostic(code: "setting.easting-northing-go-together", file: file, line: (values[.easting] ?? values[.northing])!.line, field: missing.rawValue,
                                    "easting and northing go together"))
        }
        let postcode = field(.postcode) { kv throws(ATLError) in try parsePostcode(kv, file: file) }
        let nearestPostcode = field(.nearestPostcode) { kv throws(ATLError) in try parsePostcode(kv, file: file) }
        let capacity = field(.capacity) { kv throws(ATLError) in try p.int(kv, min: 0, max: 100_000) }
        let onRoll = field(.onRoll) { kv throws(ATLError) in try p.int(kv, min: 0, max: 100_000) }
        let needs = field(.needs) { kv throws(ATLError) in try p.needCodes(kv) }
        let provision = field(.specialistProvision) { kv throws(ATLError) in
            try p.enumValue(kv, SpecialistProvisionKind.self) { SpecialistProvisionKind(rawValue: $0.lowercased()) } }
        let spPlaces = field(.specialistPlaces) { kv throws(ATLError) in try p.int(kv, min: 0, max: 10_000) }
        let spOnRoll = field(.specialistOnRoll) { kv throws(ATLError) in try p.int(kv, min: 0, max: 10_000) }
        let spVac = field(.specialistVacancies) { kv throws(ATLError) in try p.int(kv, min: 0, max: 10_000) }
        let placesByNeed = field(.placesByNeed) { kv throws(ATLError) in try parsePlacesByNeed(kv, file: file) }
        let facilities = field(.facilities) { kv throws(ATLError) in try p.facilities(kv) }
        let costBand = field(.costBand) { kv throws(ATLError) in
            try p.enumValue(kv, CostBand.self) { CostBand(rawValue: $0.uppercased()) } }

        if let pbn = placesByNeed, let kv = values[.placesByNeed] {
            if let needs {
                let extra = pbn.keys.filter { !needs.contains($0) }.sorted()
                if !extra.isEmpty {
                    diags.append(Diagnostic(code: "setting.places-joined-separator", file: file, line: kv.line, field: kv.key,
                        "places for \(extra.map(\.rawValue).joined(separator: ", ")) but 'needs' does not list \(extra.count == 1 ? "it" : "them")"))
                }
            } else {
                diags.append(Diagnostic(code: "setting.places-need-given-without", file: file, line: kv.line, field: kv.key, "places by need given without a 'needs' field"))
            }
            if let total = spPlaces, pbn.values.reduce(0, +) > total {
                diags.append(Diagnostic(code: "setting.places-need-add-up", file: file, line: kv.line, field: kv.key,
                    "places by need add up to \(pbn.values.reduce(0, +)), more than specialist-places \(total)"))
            }
        }
        if let c = capacity, let r = onRoll, r > c, let kv = values[.onRoll] {
            diags.append(Diagnostic(code: "setting.roll-more-than-capacity", file: file, line: kv.line, field: kv.key,
                "\(r) on roll is more than the capacity of \(c) (the setting is over capacity)", level: .warning))
        }
        if let c = spPlaces, let r = spOnRoll, r > c, let kv = values[.specialistOnRoll] {
            diags.append(Diagnostic(code: "setting.roll-more-than-specialist", file: file, line: kv.line, field: kv.key,
                "\(r) on roll is more than the \(c) specialist places", level: .warning))
        }
        if type == .mainstreamResourced, provision == SpecialistProvisionKind.none, let kv = values[.specialistProvision] {
            diags.append(Diagnostic(code: "setting.type-mainstream-resourced-needs", file: file, line: kv.line, field: kv.key,
                "type mainstream-resourced needs a resourced provision or SEN unit, not 'none'"))
        }

        guard let urn, let name, let type else { return nil }
        let la: LocalAuthority? = (laCode != nil && laName != nil) ? LocalAuthority(code: laCode!, name: laName!) : nil
        return Setting(urn: urn, name: name, fictional: fictional, localAuthority: la, type: type,
                       giasType: values[.giasType]?.value, status: status, phase: phase, ageRange: ageRange,
                       gender: gender, religiousCharacter: values[.religiousCharacter]?.value, ofsted: ofsted,
                       location: location, postcode: postcode, nearestPostcode: nearestPostcode,
                       capacity: capacity, onRoll: onRoll, needs: needs, specialistProvision: provision,
                       specialistPlaces: spPlaces, specialistOnRoll: spOnRoll, specialistVacanciesStated: spVac,
                       placesByNeed: placesByNeed, facilities: facilities, costBand: costBand, sources: sources,
                       synthetic: synthetic)
    }

    static func parseAgeRange(_ kv: KeyValueLine, file: String) throws(ATLError) -> AgeRange {
        // "11-16" or "11 to 16" (stdlib only: Foundation's replacingOccurrences bridges through NSString on Linux).
        let words = kv.value.split(separator: " ", omittingEmptySubsequences: false)
        let joined = words.count == 3 && words[1] == "to" ? "\(words[0])-\(words[2])" : kv.value
        let parts = joined.split(separator: "-").map { $0.trimmedSpaces }
        guard parts.count == 2, let lo = Int(parts[0]), let hi = Int(parts[1]) else {
            throw ATLError(code: "setting.expected-age-range-like", file: file, line: kv.line, field: kv.key, "expected an age range like 11-16, got \"\(kv.value)\"")
        }
        guard (0...25).contains(lo), (0...25).contains(hi) else {
            throw ATLError(code: "setting.ages-must-between", file: file, line: kv.line, field: kv.key, "ages must be between 0 and 25, got \"\(kv.value)\"")
        }
        guard lo <= hi else {
            throw ATLError(code: "setting.lower-age-above-upper", file: file, line: kv.line, field: kv.key, "the lower age \(lo) is above the upper age \(hi)")
        }
        return AgeRange(low: lo, high: hi)
    }

    static func parsePostcode(_ kv: KeyValueLine, file: String) throws(ATLError) -> String {
        guard let pc = Postcode.normalise(kv.value) else {
            throw ATLError(code: "setting.uk-postcode", file: file, line: kv.line, field: kv.key, "\"\(kv.value)\" is not a UK postcode")
        }
        return pc
    }

    static func parsePlacesByNeed(_ kv: KeyValueLine, file: String) throws(ATLError) -> [NeedCode: Int] {
        var out: [NeedCode: Int] = [:]
        for item in kv.value.split(separator: ",") {
            let parts = String(item.map { $0 == "=" ? " " : $0 }).split(separator: " ")
            guard parts.count == 2, let code = NeedCode(parsing: parts[0]), let n = Int(parts[1]), n >= 0 else {
                throw ATLError(code: "setting.expected-items-like-asd", file: file, line: kv.line, field: kv.key,
                                 "expected items like 'ASD 12', got \"\(item.trimmedSpaces)\"")
            }
            if out[code] != nil {
                throw ATLError(code: "setting.given-twice", file: file, line: kv.line, field: kv.key, "\(code.rawValue) given twice")
            }
            out[code] = n
        }
        return out
    }

    // MARK: Writing

    /// The canonical text of a setting: fields in canonical order, sections in Schedule 1 order. Parsing the
    /// output gives back an equal setting, and writing is deterministic (importers rely on this).
    public static func render(_ s: Setting) -> String {
        var out = "---\n"
        if s.fictional {
            out += "# FICTIONAL: an invented setting of the example LA, for demonstration only. Not a real school.\n"
        }
        if s.synthetic {
            out += "# SYNTHETIC: a real school's identity with invented SEN facts, for benchmarking only. Not facts about this school.\n"
        }
        func put(_ f: Field, _ v: String?) {
            if let v { out += "\(f.rawValue): \(v)\n" }
        }
        for f in Field.allCases {
            switch f {
            case .format: put(f, formatTag)
            case .urn: put(f, String(s.urn))
            case .name: put(f, s.name)
            case .fictional: put(f, s.fictional ? "yes" : nil)
            case .synthetic: put(f, s.synthetic ? "yes" : nil)
            case .laCode: put(f, s.localAuthority.map { String($0.code) })
            case .laName: put(f, s.localAuthority?.name)
            case .type: put(f, s.type.rawValue)
            case .giasType: put(f, s.giasType)
            case .status: put(f, s.status == .open ? nil : s.status.rawValue)
            case .phase: put(f, s.phase?.rawValue)
            case .ageRange: put(f, s.ageRange?.description)
            case .gender: put(f, s.gender?.rawValue)
            case .religiousCharacter: put(f, s.religiousCharacter)
            case .ofsted: put(f, s.ofsted?.rawValue)
            case .easting: put(f, s.location.map { String($0.easting) })
            case .northing: put(f, s.location.map { String($0.northing) })
            case .postcode: put(f, s.postcode)
            case .nearestPostcode: put(f, s.nearestPostcode)
            case .capacity: put(f, s.capacity.map(String.init))
            case .onRoll: put(f, s.onRoll.map(String.init))
            case .needs: put(f, s.needs.map { $0.codes.isEmpty ? "none" : $0.codes.map(\.rawValue).joined(separator: ", ") })
            case .specialistProvision: put(f, s.specialistProvision?.rawValue)
            case .specialistPlaces: put(f, s.specialistPlaces.map(String.init))
            case .specialistOnRoll: put(f, s.specialistOnRoll.map(String.init))
            case .specialistVacancies: put(f, s.specialistVacanciesStated.map(String.init))
            case .placesByNeed:
                put(f, s.placesByNeed.map { m in
                    m.keys.sorted().map { "\($0.rawValue) \(m[$0]!)" }.joined(separator: ", ") })
            case .facilities:
                put(f, s.facilities.map { $0.facilities.isEmpty ? "none" : $0.facilities.map(\.rawValue).joined(separator: ", ") })
            case .costBand: put(f, s.costBand?.rawValue)
            case .source: for src in s.sources { put(f, src) }
            }
        }
        out += "---\n"
        for section in ReportSection.allCases {
            guard let text = s.report[section] else { continue }
            out += "\n## \(section.title)\n"
            if !text.isEmpty { out += "\n\(text)\n" }
        }
        return out
    }

    /// File name for a setting: `<urn>-<slug>.setting.md`.
    public static func fileName(for s: Setting) -> String {
        "\(s.urn)-\(slug(s.name))\(fileSuffix)"
    }

    /// Lower-case ASCII slug of a name ("St Mary's C of E" → "st-marys-c-of-e").
    public static func slug(_ name: String) -> String {
        var out = ""
        var dash = false
        for ch in name.folding(options: [.diacriticInsensitive], locale: nil).lowercased() {
            if ch.isASCII && (ch.isLetter || ch.isNumber) {
                out.append(ch)
                dash = false
            } else if ch == "'" || ch == "’" {
                continue
            } else if !dash && !out.isEmpty {
                out.append("-")
                dash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return String(out.prefix(60))
    }
}

import ATLModel
import Foundation
