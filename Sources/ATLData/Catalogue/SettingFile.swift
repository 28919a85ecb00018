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
    /// The format the writer writes for a setting with provenance (every imported or confirmed setting).
    public static let formatTag = "atl-setting/2"
    /// The first format: facts without dates. Still read exactly as before, and written for settings that carry
    /// no provenance (the generated fictional example LA), so those files do not change.
    public static let formatTagV1 = "atl-setting/1"
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
        case religiousCharacter = "religious-character", ofsted, ofstedDate = "ofsted-date"
        case easting, northing, postcode, nearestPostcode = "nearest-postcode"
        case capacity, onRoll = "on-roll"
        case dfeNumber = "dfe-number", s41Approved = "s41-approved", s41ApprovedSince = "s41-approved-since"
        case needs, needsAsPublished = "needs-as-published", specialistProvision = "specialist-provision"
        case specialistPlaces = "specialist-places", specialistOnRoll = "specialist-on-roll"
        case specialistVacancies = "specialist-vacancies", placesByNeed = "places-by-need"
        case placesAsPublished = "places-as-published", largestClass = "largest-class"
        case pupilsWithEHCP = "pupils-with-ehcp", pupilsOnSENSupport = "pupils-on-sen-support"
        case facilities, costBand = "cost-band"
        case senReportLink = "sen-report-link", senReportKind = "sen-report-kind"
        case source, confirmed, rejected

        /// One line of help, shown by `atl validate` errors and in the format documentation.
        public var help: String {
            switch self {
            case .format: "'atl-setting/2' (facts with provenance) or 'atl-setting/1' (still read)"
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
            case .ofstedDate: "date of the inspection that gave that judgement, YYYY-MM-DD (GIAS OfstedLastInsp)"
            case .easting: "British National Grid easting in metres"
            case .northing: "British National Grid northing in metres"
            case .postcode: "the setting's postcode"
            case .nearestPostcode: "postcode nearest the setting's coordinates, when its own is not known"
            case .capacity: "school capacity (places)"
            case .onRoll: "number of pupils on roll"
            case .needs: "need codes the setting's specialist offer is for, comma-separated, or none; '(partial)' after the codes when the published designation says there is more"
            case .dfeNumber: "DfE number LLL/EEEE (LA code / establishment number)"
            case .s41Approved: "yes when on the DfE list of institutions approved under s41 Children and Families Act 2014, no when on the list of those not approved"
            case .s41ApprovedSince: "the day the s41 approval took effect, YYYY-MM-DD"
            case .needsAsPublished: "the need served as the Local Offer page published it (verbatim)"
            case .placesAsPublished: "places or size as published (shown to the officer, never scored)"
            case .largestClass: "the largest class size published"
            case .pupilsWithEHCP: "'N of TOTAL' pupils with an EHC plan on a census day (recent experience, never designation or vacancies)"
            case .pupilsOnSENSupport: "'N of TOTAL' pupils on SEN support on a census day (recent experience)"
            case .senReportLink: "address (http or https) of the published SEN information report or SEND page"
            case .senReportKind: "what that page is, as published (e.g. SEN information report, admission criteria)"
            case .confirmed: "a to-confirm row an officer confirmed: 'ROW-ID  [officer YYYY-MM-DD by ID]' (repeatable)"
            case .rejected: "a to-confirm row an officer rejected: 'ROW-ID  [officer YYYY-MM-DD by ID]' (repeatable)"
            case .specialistProvision: "one of " + SpecialistProvisionKind.allCases.map(\.rawValue).joined(separator: ", ")
            case .specialistPlaces: "places in the resourced provision, unit or special school"
            case .specialistOnRoll: "pupils on roll in those places"
            case .specialistVacancies: "vacancies in those places stated by the LA (overrides places - on roll)"
            case .placesByNeed: "specialist places per need, e.g. 'ASD 12, SLCN 8'"
            case .facilities: "facility tags, comma-separated, or none: " + Facility.allCases.map(\.rawValue).joined(separator: ", ")
            case .costBand: "indicative cost band A (lowest) to E"
            case .source: "atl-setting/2: 'KEY | CLASS | SHORT NAME | DESCRIPTION [| URL ; URL]', one per source key the facts use; atl-setting/1: where the facts came from, free text (repeat the line for several sources)"
            }
        }
    }

    // MARK: Parsing

    /// Parses one setting file: the setting with any warnings, or every problem found (errors and warnings).
    /// `runDate` (`atl validate --date`) adds the checks that depend on the day: no fact dated after it, and a
    /// warning for an `atl-setting/1` file (its facts carry no dates).
    public static func parse(_ bytes: some Collection<UInt8>, file: String, runDate: String? = nil) throws(ATLError) -> Parsed<Setting> {
        try parse(text: TextDecoding.decodeUTF8(bytes, file: file), file: file, runDate: runDate)
    }

    public static func parse(text: String, file: String, runDate: String? = nil) throws(ATLError) -> Parsed<Setting> {
        var diags: [Diagnostic] = []
        let lines = TextDecoding.lines(text)
        var i = 0
        while i < lines.count, lines[i].allSatisfy(\.isWhitespace) { i += 1 }
        guard i < lines.count, TextDecoding.trimSpaces(lines[i]) == "---" else {
            throw ATLError(code: "setting.no-opening-line", file: file, line: min(i + 1, max(lines.count, 1)),
                           "a setting file starts with a '---' line, then the header, then '---'")
        }
        let headerStart = i + 1
        var headerEnd = headerStart
        while headerEnd < lines.count, TextDecoding.trimSpaces(lines[headerEnd]) != "---" { headerEnd += 1 }
        if headerEnd == lines.count {
            throw ATLError(code: "setting.header-not-closed", file: file, line: i + 1, "the header opened here is never closed with a '---' line")
        }

        // Header
        var values: [Field: KeyValueLine] = [:]
        var repeated: [Field: [KeyValueLine]] = [:]
        for n in headerStart..<headerEnd {
            do {
                guard let kv = try KeyValueLine.parse(lines[n], line: n + 1, file: file) else { continue }
                guard let field = Field(rawValue: kv.key) else {
                    diags.append(Diagnostic(code: "setting.unknown-field", file: file, line: kv.line, field: kv.key,
                        "unknown field; known fields: \(Field.allCases.map(\.rawValue).joined(separator: ", "))"))
                    continue
                }
                if kv.value.isEmpty {
                    diags.append(Diagnostic(code: "setting.empty-value", file: file, line: kv.line, field: kv.key,
                        "empty value; remove the line if the value is not known"))
                    continue
                }
                if field.isRepeatable { repeated[field, default: []].append(kv); continue }
                if let first = values[field] {
                    diags.append(Diagnostic(code: "setting.field-given-twice", file: file, line: kv.line, field: kv.key,
                        "given twice (first on line \(first.line))"))
                    continue
                }
                values[field] = kv
            } catch {
                diags += error.diagnostics
            }
        }
        let setting = buildSetting(values: values, repeated: repeated, file: file, headerLine: i + 1, runDate: runDate, diags: &diags)

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
            if isHeadingLine(line) {
                close()
                sawHeading = true
                let heading = String(TextDecoding.trimSpaces(line.dropFirst(2)))
                if let s = section(heading: heading) {
                    if let first = sectionLine[s] {
                        diags.append(Diagnostic(code: "setting.section-given-twice", file: file, line: n + 1, field: "## " + heading,
                            "section given twice (first on line \(first))"))
                        current = nil
                    } else {
                        current = s
                        sectionLine[s] = n + 1
                    }
                } else {
                    diags.append(Diagnostic(code: "setting.unknown-section", file: file, line: n + 1, field: "## " + heading,
                        "unknown section heading; use one of the headings in docs/catalogue-format.md (e.g. \"\(ReportSection.kindsOfSEN.title)\")"))
                    current = nil
                }
            } else if !sawHeading && !line.allSatisfy(\.isWhitespace) {
                if !strayReported {
                    diags.append(Diagnostic(code: "setting.text-outside-section", file: file, line: n + 1,
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

    /// `line.hasPrefix("## ") || line == "##"` (by Characters), deciding on the bytes when they settle it: a
    /// generic Character-wise prefix test on every report line was 8% of catalogue parsing. Only when a
    /// non-ASCII byte follows "## " (it could join the space into one Character) does it ask the slow test.
    @inline(__always) static func isHeadingLine(_ line: Substring) -> Bool {
        let u = line.utf8
        var i = u.startIndex
        guard i != u.endIndex, u[i] == 0x23 else { return false }
        i = u.index(after: i)
        guard i != u.endIndex, u[i] == 0x23 else { return false }
        i = u.index(after: i)
        if i == u.endIndex { return true } // exactly "##"
        guard u[i] == 0x20 else { return false }
        i = u.index(after: i)
        if i == u.endIndex || u[i] < 0x80 { return true }
        return line.hasPrefix("## ")
    }

    /// ``ReportSection/init(heading:)`` with the headings files normally hold (a section's title or key, exactly)
    /// looked up as they are: normalising every heading of every file was over a quarter of catalogue parsing.
    /// The table holds that initialiser's own answers, so the result is the same for every heading.
    static func section(heading: String) -> ReportSection? {
        exactHeadings[heading] ?? ReportSection(heading: heading)
    }

    private static let exactHeadings: [String: ReportSection] = {
        var m: [String: ReportSection] = [:]
        for s in ReportSection.allCases {
            for h in [s.title, s.rawValue] { m[h] = ReportSection(heading: h) }
        }
        return m
    }()

    private static func trimBlankLines(_ lines: [Substring]) -> String {
        var lo = 0, hi = lines.count
        while lo < hi, lines[lo].allSatisfy(\.isWhitespace) { lo += 1 }
        while hi > lo, lines[hi - 1].allSatisfy(\.isWhitespace) { hi -= 1 }
        return joinTrimmed(lines[lo..<hi])
    }

    /// The kept lines, each without trailing spaces and tabs, joined with "\n": the bytes copied once into the
    /// result (mapping to trimmed Substrings and `joined` was a tenth of catalogue parsing). Same bytes as
    /// ``slowJoinTrimmed(_:)``.
    static func joinTrimmed(_ lines: ArraySlice<Substring>) -> String {
        var total = 0
        for line in lines { total += line.utf8.count + 1 }
        guard total > 0 else { return "" }
        return String(unsafeUninitializedCapacity: total) { out in
            var n = 0, first = true
            for line in lines {
                if !first { out[n] = 0x0A; n += 1 }
                first = false
                let copied: Int? = line.utf8.withContiguousStorageIfAvailable { u in
                    var end = u.count
                    while end > 0, u[end - 1] == 0x20 || u[end - 1] == 0x09 { end -= 1 }
                    if end > 0 { UnsafeMutableRawPointer(out.baseAddress! + n).copyMemory(from: u.baseAddress!, byteCount: end) }
                    return end
                }
                if let copied { n += copied; continue }
                let u = line.utf8
                for b in u[u.startIndex..<endWithoutTrailingBlanks(u)] { out[n] = b; n += 1 }
            }
            return n
        }
    }

    /// The join ``joinTrimmed(_:)`` replaced, kept for its equivalence test.
    static func slowJoinTrimmed(_ lines: ArraySlice<Substring>) -> String {
        lines.map { line in line[..<endWithoutTrailingBlanks(line.utf8)] }.joined(separator: "\n")
    }

    /// Where a line ends without its trailing spaces and tabs, found by index (re-slicing in a loop was quadratic in
    /// the line's length).
    static func endWithoutTrailingBlanks(_ u: Substring.UTF8View) -> Substring.UTF8View.Index {
        var end = u.endIndex
        while end > u.startIndex {
            let before = u.index(before: end)
            guard u[before] == 0x20 || u[before] == 0x09 else { break }
            end = before
        }
        return end
    }

    /// Reads every header line through the field table (``fields``), then applies the rules that involve more
    /// than one field. Nil when a required field is missing or unreadable; every problem goes to `diags`.
    private static func buildSetting(values: [Field: KeyValueLine], repeated: [Field: [KeyValueLine]], file: String,
                                     headerLine: Int, runDate: String?, diags: inout [Diagnostic]) -> Setting? {
        let p = FieldParser(file: file)
        var draft = SettingDraft()
        draft.runDate = runDate
        draft.formatVersion = values[.format]?.value == formatTag ? 2 : 1
        var lines = values
        for spec in fields {
            for kv in spec.field.isRepeatable ? repeated[spec.field] ?? [] : values[spec.field].map({ [$0] }) ?? [] {
                do {
                    if let value = try readLine(spec, kv, p, &draft) { lines[spec.field]?.value = value }
                } catch { diags += error.diagnostics }
            }
        }
        let sourceLines = repeated[.source] ?? []
        return check(draft, values: lines, sourceLines: sourceLines, file: file, headerLine: headerLine, diags: &diags)
    }

    /// Reads one header line through its table entry. In an `atl-setting/2` draft an attributed field's
    /// `[provenance]` suffix is split off and parsed first, so `read` sees only the value; returns the value
    /// read when a suffix was split off. Used by the file parser and the snapshot's setting codec.
    @discardableResult
    public static func readLine(_ spec: SettingFieldSpec, _ kv: KeyValueLine, _ p: FieldParser,
                                _ d: inout SettingDraft) throws(ATLError) -> String? {
        guard d.formatVersion == 2, spec.field.isAttributed else {
            try spec.read(kv, p, &d)
            return nil
        }
        guard let (value, bracket) = splitProvenance(kv.value) else {
            if spec.field == .type && kv.value.lowercased() == SettingType.unknown.rawValue {
                try spec.read(kv, p, &d)   // 'type: unknown' is not a fact: it needs no source
                return nil
            }
            throw ATLError(code: "setting.provenance-missing", file: p.file, line: kv.line, field: kv.key,
                "every fact in an atl-setting/2 file ends with its provenance, e.g. '[census-2019 2019-01]' or '[officer 2026-11-23 by SENDO-07]'")
        }
        let prov: FactProvenance
        do { prov = try FactProvenance.parse(bracket) } catch {
            throw ATLError(code: DiagnosticCode(rawValue: "setting.\(error.code)"), file: p.file, line: kv.line, field: kv.key, error.message)
        }
        if value.hasSuffix("]") {
            throw ATLError(code: "setting.value-ends-in-bracket", file: p.file, line: kv.line, field: kv.key,
                           "a value may not end in ']' (the provenance is the last bracket on the line)")
        }
        var valueLine = kv
        valueLine.value = value
        try spec.read(valueLine, p, &d)
        d.setting.provenance[spec.field.rawValue] = prov
        return value
    }

    /// Splits `value  [provenance]` at the last " [" of a line ending in "]": the trimmed value and the text
    /// inside the brackets. Nil when the line has no such suffix (or nothing before it).
    public static func splitProvenance(_ text: String) -> (value: String, provenance: String)? {
        // On UTF-8 code units (' ', '[' and ']' are ASCII, so their indices are valid String indices): Foundation's
        // backwards search bridges through NSString on Linux and doubled catalogue load time.
        let u = text.utf8
        guard u.last == 0x5D else { return nil }
        var i = u.index(before: u.endIndex)
        while i > u.startIndex {
            let prev = u.index(before: i)
            if u[i] == 0x5B && u[prev] == 0x20 {
                // The value ends before the padding; KeyValueLine already trimmed its start.
                var end = prev
                while end > u.startIndex, u[u.index(before: end)] == 0x20 || u[u.index(before: end)] == 0x09 { end = u.index(before: end) }
                guard end > u.startIndex else { return nil }
                return (String(text[..<end]), String(text[u.index(after: i)..<u.index(before: u.endIndex)]))
            }
            i = prev
        }
        return nil
    }

    /// The rules between fields: required fields, the format tag, fictional and synthetic URNs, pairs that go
    /// together (LA code and name, easting and northing), places by need against needs and places, pupils on
    /// roll against places (warnings), and a resourced type with no provision.
    public static func check(_ d: SettingDraft, values: [Field: KeyValueLine], sourceLines: [KeyValueLine] = [],
                             file: String, headerLine: Int, diags: inout [Diagnostic]) -> Setting? {
        var s = d.setting
        for f in [Field.format, .urn, .name, .type] where values[f] == nil {
            diags.append(Diagnostic(code: "setting.required-field-missing", file: file, line: headerLine, field: f.rawValue,
                                    "required field is missing (\(f.help))"))
        }
        if let kv = values[.format], kv.value != formatTag && kv.value != formatTagV1 {
            diags.append(Diagnostic(code: "setting.wrong-format", file: file, line: kv.line, field: "format",
                                    "expected '\(formatTag)' (or the older '\(formatTagV1)'), got \"\(kv.value)\""))
        }
        if d.formatVersion == 2 {
            // The checks look at the type (s41 status), so it is set first (it was still unknown here: the s41
            // warning could never fire).
            if let t = d.type { s.type = SettingType.effective(group: t, provision: s.specialistProvision) }
            checkProvenance(&s, values: values, sourceLines: sourceLines, file: file, headerLine: headerLine,
                            runDate: d.runDate, diags: &diags)
        } else if d.runDate != nil, !s.fictional, !s.synthetic, let kv = values[.format] {
            diags.append(Diagnostic(code: "setting.format-v1-without-provenance", file: file, line: kv.line, field: "format",
                "atl-setting/1: the facts carry no source or date; 'atl migrate' (or any import) writes atl-setting/2", level: .warning))
        }
        if s.fictional && s.synthetic, let kv = values[.synthetic] {
            diags.append(Diagnostic(code: "setting.fictional-and-synthetic", file: file, line: kv.line, field: "synthetic",
                "a setting is either fictional (invented) or synthetic (a real school with invented facts), not both"))
        }
        if let urn = d.urn, let kv = values[.urn] {
            if s.fictional && urn < firstFictionalURN {
                diags.append(Diagnostic(code: "setting.fictional-urn-too-low", file: file, line: kv.line, field: "urn",
                    "fictional settings use URNs from \(firstFictionalURN) up, so they can never be mistaken for real ones"))
            } else if !s.fictional && urn >= firstFictionalURN {
                diags.append(Diagnostic(code: "setting.real-urn-in-fictional-range", file: file, line: kv.line, field: "urn",
                    "URNs from \(firstFictionalURN) up are reserved for fictional settings; add 'fictional: yes' or correct the URN"))
            }
        }
        if (d.laCode == nil) != (d.laName == nil), values[.laCode] != nil || values[.laName] != nil {
            let missing: Field = d.laCode == nil ? .laCode : .laName
            if values[missing] == nil {
                diags.append(Diagnostic(code: "setting.la-incomplete", file: file, line: (values[.laCode] ?? values[.laName])!.line,
                                        field: missing.rawValue, "la-code and la-name go together"))
            }
        }
        if let code = d.laCode, let name = d.laName { s.localAuthority = LocalAuthority(code: code, name: name) }
        if let e = d.easting, let n = d.northing {
            let g = GridPoint(easting: e, northing: n)
            if g.isInGreatBritain {
                s.location = g
            } else {
                diags.append(Diagnostic(code: "setting.outside-great-britain", file: file, line: values[.easting]!.line, field: "easting",
                    "coordinates \(e), \(n) are outside Great Britain (British National Grid: easting 0-700000, northing 0-1300000 metres)"))
            }
        } else if (values[.easting] == nil) != (values[.northing] == nil) {
            let missing: Field = values[.easting] == nil ? .easting : .northing
            diags.append(Diagnostic(code: "setting.location-incomplete", file: file, line: (values[.easting] ?? values[.northing])!.line,
                                    field: missing.rawValue, "easting and northing go together"))
        }
        if let pbn = s.placesByNeed, let kv = values[.placesByNeed] {
            if let needs = s.needs {
                let extra = pbn.keys.filter { !needs.contains($0) }.sorted()
                if !extra.isEmpty {
                    diags.append(Diagnostic(code: "setting.places-for-unlisted-need", file: file, line: kv.line, field: kv.key,
                        "places for \(extra.map(\.rawValue).joined(separator: ", ")) but 'needs' does not list \(extra.count == 1 ? "it" : "them")"))
                }
            } else {
                diags.append(Diagnostic(code: "setting.places-without-needs", file: file, line: kv.line, field: kv.key, "places by need given without a 'needs' field"))
            }
            if let total = s.specialistPlaces, pbn.values.reduce(0, +) > total {
                diags.append(Diagnostic(code: "setting.places-exceed-specialist-places", file: file, line: kv.line, field: kv.key,
                    "places by need add up to \(pbn.values.reduce(0, +)), more than specialist-places \(total)"))
            }
        }
        if let c = s.capacity, let r = s.onRoll, r > c, let kv = values[.onRoll] {
            diags.append(Diagnostic(code: "setting.over-capacity", file: file, line: kv.line, field: kv.key,
                "\(r) on roll is more than the capacity of \(c) (the setting is over capacity)", level: .warning))
        }
        if let c = s.specialistPlaces, let r = s.specialistOnRoll, r > c, let kv = values[.specialistOnRoll] {
            diags.append(Diagnostic(code: "setting.over-specialist-places", file: file, line: kv.line, field: kv.key,
                "\(r) on roll is more than the \(c) specialist places", level: .warning))
        }
        if d.type == .mainstreamResourced, s.specialistProvision == SpecialistProvisionKind.none, let kv = values[.specialistProvision] {
            diags.append(Diagnostic(code: "setting.resourced-without-provision", file: file, line: kv.line, field: kv.key,
                "type mainstream-resourced needs a resourced provision or SEN unit, not 'none'"))
        }
        guard let urn = d.urn, let name = d.name, let type = d.type else { return nil }
        s.urn = urn
        s.name = name
        // v2 holds the establishment group and the resourced provision as two facts; the engine matches on both.
        s.type = d.formatVersion == 2 ? SettingType.effective(group: type, provision: s.specialistProvision) : type
        return s
    }

    static func parseAgeRange(_ kv: KeyValueLine, file: String) throws(ATLError) -> AgeRange {
        // "11-16" or "11 to 16" (stdlib only: Foundation's replacingOccurrences bridges through NSString on Linux).
        let words = kv.value.split(separator: " ", omittingEmptySubsequences: false)
        let joined = words.count == 3 && words[1] == "to" ? "\(words[0])-\(words[2])" : kv.value
        let parts = joined.split(separator: "-").map { $0.trimmedSpaces }
        guard parts.count == 2, let lo = Int(parts[0]), let hi = Int(parts[1]) else {
            throw ATLError(code: "setting.bad-age-range", file: file, line: kv.line, field: kv.key, "expected an age range like 11-16, got \"\(kv.value)\"")
        }
        guard (0...25).contains(lo), (0...25).contains(hi) else {
            throw ATLError(code: "setting.age-out-of-range", file: file, line: kv.line, field: kv.key, "ages must be between 0 and 25, got \"\(kv.value)\"")
        }
        guard lo <= hi else {
            throw ATLError(code: "setting.ages-reversed", file: file, line: kv.line, field: kv.key, "the lower age \(lo) is above the upper age \(hi)")
        }
        return AgeRange(low: lo, high: hi)
    }

    static func parsePostcode(_ kv: KeyValueLine, file: String) throws(ATLError) -> String {
        guard let pc = Postcode.normalise(kv.value) else {
            throw ATLError(code: "setting.bad-postcode", file: file, line: kv.line, field: kv.key, "\"\(kv.value)\" is not a UK postcode")
        }
        return pc
    }

    static func parsePlacesByNeed(_ kv: KeyValueLine, file: String) throws(ATLError) -> [NeedCode: Int] {
        var out: [NeedCode: Int] = [:]
        for item in kv.value.split(separator: ",") {
            let parts = String(item.map { $0 == "=" ? " " : $0 }).split(separator: " ")
            guard parts.count == 2, let code = NeedCode(parsing: parts[0]), let n = Int(parts[1]), n >= 0 else {
                throw ATLError(code: "setting.bad-places-by-need", file: file, line: kv.line, field: kv.key,
                                 "expected items like 'ASD 12', got \"\(item.trimmedSpaces)\"")
            }
            if out[code] != nil {
                throw ATLError(code: "setting.need-given-twice", file: file, line: kv.line, field: kv.key, "\(code.rawValue) given twice")
            }
            out[code] = n
        }
        return out
    }

    // MARK: Writing

    /// The canonical text of a setting: fields in canonical order, sections in Schedule 1 order. Parsing the
    /// output gives back an equal setting, and writing is deterministic (importers rely on this).
    public static func render(_ s: Setting) -> String {
        renderHeader(s) + renderBody(s)
    }

    /// The header, from the opening `---` to the closing `---` line (with its line end). A setting with
    /// provenance is written as `atl-setting/2`: each fact line padded to ``provenanceColumn`` and followed by
    /// two spaces and its `[provenance]`, so a changed fact changes one line of a diff.
    public static func renderHeader(_ s: Setting) -> String {
        var out = "---\n"
        if s.fictional {
            out += "# FICTIONAL: an invented setting of the example LA, for demonstration only. Not a real school.\n"
        }
        if s.synthetic {
            out += "# SYNTHETIC: a real school's identity with invented SEN facts, for benchmarking only. Not facts about this school.\n"
        }
        for spec in fields {
            for (v, prov) in lineValues(spec, s) {
                let text = "\(spec.field.rawValue): \(v)"
                if let prov {
                    let pad = max(0, provenanceColumn - text.count)
                    out += text + String(repeating: " ", count: pad) + "  [\(prov)]\n"
                } else {
                    out += text + "\n"
                }
            }
        }
        out += "---\n"
        return out
    }

    /// Width a v2 fact line's `field: value` is padded to before its provenance.
    public static let provenanceColumn = 42

    /// One field's value lines, each with the provenance written after it (v2 settings, attributed fields).
    public static func lineValues(_ spec: SettingFieldSpec, _ s: Setting) -> [(value: String, provenance: FactProvenance?)] {
        let values = spec.write(s)
        guard !s.provenance.isEmpty, spec.field.isAttributed else { return values.map { ($0, nil) } }
        let prov = s.provenance[spec.field.rawValue]
        return values.map { v in (v, spec.field == .type && v == SettingType.unknown.rawValue ? nil : prov) }
    }

    /// The SEN information report as the writer lays it out (sections in Schedule 1 order).
    public static func renderBody(_ s: Setting) -> String {
        var out = ""
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
