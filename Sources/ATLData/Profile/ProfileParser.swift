import ATLModel
import Foundation

/// Reads `.profile` files (`docs/profile-format.md`): `field: value` lines, `#` comments, strict like the
/// catalogue — unknown fields, bad values and contradictions are errors naming file, line and field.
public enum ProfileParser {
    public static let formatTag = "atl-profile/1"

    public enum Field: String, CaseIterable, Sendable {
        case format, reference, synthetic
        case primaryNeed = "primary-need", secondaryNeeds = "secondary-needs"
        case mustHave = "must-have", desirable
        case dateOfBirth = "date-of-birth", ncYear = "nc-year", placementYear = "placement-year"
        case sex
        case homePostcode = "home-postcode", homeEasting = "home-easting", homeNorthing = "home-northing"
        case maxJourney = "max-journey", allowedTypes = "allowed-types"
        case preferredSettings = "preferred-settings", avoidSettings = "avoid-settings"
        case faith, singleSex = "single-sex", mainstreamFirst = "mainstream-first", excludeFull = "exclude-full"

        public var help: String {
            switch self {
            case .format: "always '\(ProfileParser.formatTag)'"
            case .reference: "the child's case reference: letters and digits, at least one digit, groups separated by '-' or '/' (e.g. EHC-2026-0042); never a name"
            case .synthetic: "yes for invented children (examples, synthetic cohorts)"
            case .primaryNeed: "primary need code and severity, e.g. 'ASD severe' (severity: mild, moderate, severe, profound; default moderate)"
            case .secondaryNeeds: "secondary needs with severity, comma-separated, e.g. 'SLCN moderate, SEMH mild'"
            case .mustHave: "facility tags the plan requires (a setting known to lack one is not eligible)"
            case .desirable: "facility tags that would help (earn points, never exclude)"
            case .dateOfBirth: "YYYY-MM-DD (optional; gives the exact age for walking distance)"
            case .ncYear: "the child's current national curriculum year (R or 0 = Reception)"
            case .placementYear: "the year the placement is for, e.g. 7 for transfer to Year 7 (default: the year after nc-year, or after the year group the date of birth gives)"
            case .sex: "female or male (optional; used only for single-sex settings)"
            case .homePostcode: "home postcode (or an outward code like TF1 for an approximate location)"
            case .homeEasting: "home British National Grid easting (with home-northing, instead of a postcode)"
            case .homeNorthing: "home British National Grid northing"
            case .maxJourney: "longest acceptable journey, e.g. '10 miles' or '15 km'"
            case .allowedTypes: "setting types to consider, comma-separated (default: all)"
            case .preferredSettings: "URNs the family would like considered"
            case .avoidSettings: "URNs the family does not want listed"
            case .faith: "religious character the family would like, e.g. Roman Catholic"
            case .singleSex: "prefer, avoid or no-preference (default)"
            case .mainstreamFirst: "yes if mainstream settings should be favoured"
            case .excludeFull: "yes to leave out settings with no vacancies (default: flag them)"
            }
        }
    }

    /// National curriculum year in the academic year starting `academicYear` of a child born on `dob`
    /// (Reception starts in the September after the fourth birthday, so those born
    /// September–December start a year later than those born January–August of the same calendar year).
    public static func ncYear(born dob: DateComponents, academicYear: Int) -> Int {
        academicYear - dob.year! - (dob.month! >= 9 ? 5 : 4)
    }

    /// Longest case reference accepted.
    public static let referenceLimit = 40

    /// Whether `s` looks like a case reference: 1–40 ASCII letters and digits with at least one digit, in groups
    /// separated by single '-' or '/' (so never `.`, `..`, `/`, a leading or trailing separator, or a bare name).
    /// References appear in every output and in `--lists-dir` file names.
    public static func isValidReference(_ s: String) -> Bool {
        guard (1...referenceLimit).contains(s.utf8.count) else { return false }
        var digit = false, afterSeparator = true
        for u in s.utf8 {
            switch u {
            case 0x30...0x39: digit = true; afterSeparator = false
            case 0x41...0x5A, 0x61...0x7A: afterSeparator = false
            case 0x2D, 0x2F:
                if afterSeparator { return false }
                afterSeparator = true
            default: return false
            }
        }
        return digit && !afterSeparator
    }

    public static func parse(_ bytes: some Collection<UInt8>, file: String,
                             academicYear: Int = CalendarDate.currentAcademicYear()) throws(ATLError) -> NeedsProfile {
        try parse(text: TextDecoding.decodeUTF8(bytes, file: file), file: file, academicYear: academicYear)
    }

    public static func load(path: String, academicYear: Int = CalendarDate.currentAcademicYear()) throws(ATLError) -> NeedsProfile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ATLError(code: "profile.profile-found", file: path, "profile not found")
        }
        return try parse([UInt8](data), file: path, academicYear: academicYear)
    }

    /// Parses profile text. `academicYear` (its starting year) turns a date of birth into a year group when
    /// neither nc-year nor placement-year is given.
    public static func parse(text: String, file: String, academicYear: Int = CalendarDate.currentAcademicYear()) throws(ATLError) -> NeedsProfile {
        var diags: [Diagnostic] = []
        var values: [Field: KeyValueLine] = [:]
        var givenEmpty: Set<Field> = []
        for (i, line) in TextDecoding.lines(text).enumerated() {
            do {
                guard let kv = try KeyValueLine.parse(line, line: i + 1, file: file) else { continue }
                guard let f = Field(rawValue: kv.key) else {
                    diags.append(Diagnostic(code: "profile.unknown-field-known-fields", file: file, line: kv.line, field: kv.key,
                        "unknown field; known fields: \(Field.allCases.map(\.rawValue).joined(separator: ", "))"))
                    continue
                }
                if kv.value.isEmpty {
                    let required: Set<Field> = [.format, .reference, .primaryNeed]
                    diags.append(Diagnostic(code: "profile.empty-value-field-required", file: file, line: kv.line, field: kv.key, required.contains(f)
                        ? "empty value; this field is required (\(f.help))" : "empty value; remove the line if not known"))
                    givenEmpty.insert(f)
                    continue
                }
                if let first = values[f] {
                    diags.append(Diagnostic(code: "profile.given-twice-first-line", file: file, line: kv.line, field: kv.key, "given twice (first on line \(first.line))"))
                    continue
                }
                values[f] = kv
            } catch {
                diags += error.diagnostics
            }
        }
        let profile = build(values, file: file, academicYear: academicYear, givenEmpty: givenEmpty, diags: &diags)
        if let profile, diags.isEmpty { return profile }
        throw ATLError(diags.isEmpty ? [Diagnostic(code: "profile.invalid-profile", file: file, "invalid profile")] : diags)
    }

    /// Builds a profile from already-split field values (shared with the cohort CSV reader, whose columns are
    /// these field names). `line` numbers in `values` are used for diagnostics.
    /// `givenEmpty` names fields present with an empty value (already reported): they are not reported again
    /// as missing.
    public static func build(_ values: [Field: KeyValueLine], file: String, academicYear: Int,
                             givenEmpty: Set<Field> = [], diags: inout [Diagnostic]) -> NeedsProfile? {
        let p = FieldParser(file: file)
        func field<T>(_ f: Field, _ parse: (KeyValueLine) throws(ATLError) -> T) -> T? {
            guard let kv = values[f] else { return nil }
            do { return try parse(kv) } catch {
                diags += error.diagnostics
                return nil
            }
        }
        let firstLine = values.values.map(\.line).min() ?? 1
        for f in [Field.format, .reference, .primaryNeed] where values[f] == nil && !givenEmpty.contains(f) {
            diags.append(Diagnostic(code: "profile.required-field-missing", file: file, line: firstLine, field: f.rawValue, "required field is missing (\(f.help))"))
        }
        if let kv = values[.format], kv.value != formatTag {
            diags.append(Diagnostic(code: "profile.format", file: file, line: kv.line, field: "format", "expected '\(formatTag)', got \(Diagnostic.quote(kv.value))"))
        }
        let reference = field(.reference) { kv throws(ATLError) -> String in
            // The value is never repeated: a bad reference may be a name.
            guard isValidReference(kv.value) else {
                throw ATLError(code: "profile.valid-case-reference-up", file: file, line: kv.line, field: kv.key,
                    "is not a valid case reference (up to \(referenceLimit) letters and digits with at least one digit, in groups separated by single '-' or '/', like EHC-2026-0042; never a name)")
            }
            return kv.value
        }
        let synthetic = field(.synthetic) { kv throws(ATLError) in try p.bool(kv) } ?? false
        let primary = field(.primaryNeed) { kv throws(ATLError) -> (NeedCode, Severity) in
            let parts = kv.value.split(separator: " ").map(String.init)
            guard (1...2).contains(parts.count), let code = NeedCode(parsing: parts[0]) else {
                throw ATLError(code: "profile.expected-need-code-optional", file: file, line: kv.line, field: kv.key,
                    "expected a need code and optional severity like 'ASD severe'; need codes: \(NeedCode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard parts.count == 1 || Severity(rawValue: parts[1].lowercased()) != nil else {
                throw ATLError(code: "profile.unknown-severity-expected-mild", file: file, line: kv.line, field: kv.key,
                    "unknown severity \"\(parts[1])\"; expected mild, moderate, severe or profound")
            }
            return (code, parts.count == 2 ? Severity(rawValue: parts[1].lowercased())! : .moderate)
        }
        let secondary = field(.secondaryNeeds) { kv throws(ATLError) -> [NeedsProfile.SecondaryNeed] in
            var out: [NeedsProfile.SecondaryNeed] = []
            for item in try p.list(kv) {
                let parts = item.split(separator: " ").map(String.init)
                guard (1...2).contains(parts.count), let code = NeedCode(parsing: parts[0]),
                      parts.count == 1 || Severity(rawValue: parts[1].lowercased()) != nil else {
                    throw ATLError(code: "profile.expected-items-like-slcn", file: file, line: kv.line, field: kv.key,
                        "expected items like 'SLCN moderate', got \(Diagnostic.quote(item))")
                }
                if out.contains(where: { $0.code == code }) {
                    throw ATLError(code: "profile.given-twice", file: file, line: kv.line, field: kv.key, "\(code.rawValue) given twice")
                }
                out.append(.init(code, parts.count == 2 ? Severity(rawValue: parts[1].lowercased())! : .moderate))
            }
            return out
        } ?? []
        if let primary, let kv = values[.secondaryNeeds], secondary.contains(where: { $0.code == primary.0 }) {
            diags.append(Diagnostic(code: "profile.already-primary-need", file: file, line: kv.line, field: kv.key,
                                    "\(primary.0.rawValue) is already the primary need"))
        }
        func facilities(_ kv: KeyValueLine) throws(ATLError) -> FacilitySet {
            var seen = FacilitySet()
            for item in try p.list(kv) {
                if let f = Facility(parsing: item), seen.contains(f) {
                    throw ATLError(code: "profile.given-twice", file: file, line: kv.line, field: kv.key, "\(f.rawValue) given twice")
                }
                seen.insert(try p.facilities(KeyValueLine(key: kv.key, value: item, line: kv.line)))
            }
            return seen
        }
        let mustHave = field(.mustHave) { kv throws(ATLError) in try facilities(kv) } ?? []
        let desirable = field(.desirable) { kv throws(ATLError) in try facilities(kv) } ?? []
        if let kv = values[.desirable], !mustHave.intersection(desirable).isEmpty {
            diags.append(Diagnostic(code: "profile.facilities-map-rawvalue-joined", file: file, line: kv.line, field: kv.key,
                "\(mustHave.intersection(desirable).facilities.map(\.rawValue).joined(separator: ", ")) is already a must-have"))
        }
        let dob = field(.dateOfBirth) { kv throws(ATLError) -> DateComponents in
            guard let d = CalendarDate.parse(kv.value), (1990...2100).contains(d.year!) else {
                throw ATLError(code: "profile.expected-date-yyyy-mm", file: file, line: kv.line, field: kv.key, "expected a date YYYY-MM-DD that exists on the calendar, got \(Diagnostic.quote(kv.value))")
            }
            return d
        }
        let ncYear = field(.ncYear) { kv throws(ATLError) -> Int in
            if kv.value.uppercased() == "R" { return 0 }
            return try p.int(kv, min: -2, max: 14)
        }
        var placement = field(.placementYear) { kv throws(ATLError) -> Int in
            if kv.value.uppercased() == "R" { return 0 }
            return try p.int(kv, min: -2, max: 16)
        }
        if placement == nil, let ncYear { placement = ncYear + 1 }
        if placement == nil, values[.placementYear] == nil, values[.ncYear] == nil, let dob {
            let current = ProfileParser.ncYear(born: dob, academicYear: academicYear)
            if (-2...14).contains(current) {
                placement = current + 1
            } else {
                diags.append(Diagnostic(code: "profile.date-birth", file: file, line: values[.dateOfBirth]!.line, field: "date-of-birth",
                    "gives year group \(current) in \(academicYear)/\(academicYear % 100 + 1); give placement-year"))
            }
        }
        if placement == nil, values[.placementYear] == nil, values[.ncYear] == nil, values[.dateOfBirth] == nil,
           givenEmpty.isDisjoint(with: [.placementYear, .ncYear, .dateOfBirth]) {
            diags.append(Diagnostic(code: "profile.placement-year", file: file, line: firstLine, field: "placement-year",
                                    "give placement-year (or nc-year or date-of-birth: the placement is then for the next year)"))
        }
        if let dob, let ncYear, let kv = values[.dateOfBirth], let nk = values[.ncYear] {
            let fromDOB = ProfileParser.ncYear(born: dob, academicYear: academicYear)
            if fromDOB != ncYear {
                diags.append(Diagnostic(code: "profile.gives-string-format", file: file, line: kv.line, field: kv.key,
                    "gives \(yearName(fromDOB)) in \(academicYear)/\(String(format: "%02d", (academicYear + 1) % 100)), but nc-year on line \(nk.line) says \(yearName(ncYear)); correct one of them or give only one"))
            }
        } else if let dob, values[.ncYear] == nil, let placement, let kv = values[.dateOfBirth], let pk = values[.placementYear] {
            let fromDOB = ProfileParser.ncYear(born: dob, academicYear: academicYear)
            if placement < fromDOB {
                diags.append(Diagnostic(code: "profile.gives-string-format", file: file, line: kv.line, field: kv.key,
                    "gives \(yearName(fromDOB)) in \(academicYear)/\(String(format: "%02d", (academicYear + 1) % 100)), but placement-year on line \(pk.line) is \(yearName(placement)), an earlier year"))
            }
        }
        if let ncYear, let placement, let kv = values[.placementYear], placement < ncYear {
            diags.append(Diagnostic(code: "profile.placement-year-before-current", file: file, line: kv.line, field: kv.key,
                                    "placement year \(placement) is before the current year \(ncYear)"))
        }
        let sex = field(.sex) { kv throws(ATLError) in try p.enumValue(kv, NeedsProfile.Sex.self) { NeedsProfile.Sex(rawValue: $0.lowercased()) } }
        var home: NeedsProfile.Home?
        if let kv = values[.homePostcode] {
            if values[.homeEasting] != nil || values[.homeNorthing] != nil {
                diags.append(Diagnostic(code: "profile.give-home-postcode-home", file: file, line: kv.line, field: kv.key, "give a home postcode or home-easting/home-northing, not both"))
            }
            let raw = kv.value.trimmedSpaces
            if let pc = Postcode.normalise(raw) {
                home = .postcode(pc)
            } else if Postcode.isOutcode(raw) {
                home = .postcode(raw.uppercased())
            } else {
                diags.append(Diagnostic(code: "profile.uk-postcode-outward-code", file: file, line: kv.line, field: kv.key,
                    "is not a UK postcode or outward code (like TF3 1LA or TF3); the value is not repeated here because it is personal data"))
            }
        } else if values[.homeEasting] != nil || values[.homeNorthing] != nil {
            let e = field(.homeEasting) { kv throws(ATLError) in try p.int(kv, min: 0, max: 700_000) }
            let n = field(.homeNorthing) { kv throws(ATLError) in try p.int(kv, min: 0, max: 1_300_000) }
            if let e, let n { home = .grid(GridPoint(easting: e, northing: n)) }
            else if values[.homeEasting] == nil || values[.homeNorthing] == nil {
                diags.append(Diagnostic(code: "profile.home-easting", file: file, line: (values[.homeEasting] ?? values[.homeNorthing])!.line,
                                        field: values[.homeEasting] == nil ? "home-easting" : "home-northing",
                                        "home-easting and home-northing go together"))
            }
        } else if givenEmpty.isDisjoint(with: [.homePostcode, .homeEasting, .homeNorthing]) {
            diags.append(Diagnostic(code: "profile.home-postcode", file: file, line: firstLine, field: "home-postcode",
                                    "give a home postcode (or home-easting and home-northing) so journeys can be measured"))
        }
        let maxJourney = field(.maxJourney) { kv throws(ATLError) in try parseDistance(kv, file: file) }
        let allowed = field(.allowedTypes) { kv throws(ATLError) -> Set<SettingType> in
            var s = Set<SettingType>()
            for item in try p.list(kv) {
                guard let t = SettingType(rawValue: item.lowercased()), t != .unknown else {
                    throw ATLError(code: "profile.unknown-setting-type-expected", file: file, line: kv.line, field: kv.key,
                        "unknown setting type \(Diagnostic.quote(item)); expected: \(SettingType.allCases.filter { $0 != .unknown }.map(\.rawValue).joined(separator: ", "))")
                }
                s.insert(t)
            }
            if s.isEmpty { throw ATLError(code: "profile.allow-least-one-type", file: file, line: kv.line, field: kv.key, "allow at least one type") }
            return s
        }
        func urns(_ f: Field) -> [Int] {
            field(f) { kv throws(ATLError) -> [Int] in
                try p.list(kv).map { item throws(ATLError) -> Int in
                    guard let u = Int(item), u >= 100_000 else {
                        throw ATLError(code: "profile.urn", file: file, line: kv.line, field: kv.key, "\(Diagnostic.quote(item)) is not a URN")
                    }
                    return u
                }
            } ?? []
        }
        let preferred = urns(.preferredSettings), avoid = urns(.avoidSettings)
        if let kv = values[.avoidSettings], let both = Set(preferred).intersection(avoid).min() {
            diags.append(Diagnostic(code: "profile.urn-both-preferred-avoided", file: file, line: kv.line, field: kv.key, "URN \(both) is both preferred and avoided"))
        }
        let singleSex = field(.singleSex) { kv throws(ATLError) in
            try p.enumValue(kv, NeedsProfile.SingleSex.self) { NeedsProfile.SingleSex(rawValue: $0.lowercased()) } } ?? .noPreference
        let mainstreamFirst = field(.mainstreamFirst) { kv throws(ATLError) in try p.bool(kv) } ?? false
        let excludeFull = field(.excludeFull) { kv throws(ATLError) in try p.bool(kv) } ?? false

        guard let reference, let primary, let placement, let home else { return nil }
        var profile = NeedsProfile(reference: reference, synthetic: synthetic, primaryNeed: primary.0, primarySeverity: primary.1,
                            secondaryNeeds: secondary, mustHave: mustHave, desirable: desirable, dateOfBirth: dob,
                            placementYear: placement, sex: sex, home: home, maxJourneyKm: maxJourney, allowedTypes: allowed,
                            preferredSettings: preferred, avoidSettings: avoid, faith: values[.faith]?.value,
                            singleSex: singleSex, mainstreamFirst: mainstreamFirst, excludeFull: excludeFull)
        for (f, kv) in values { profile.lineOf[f.rawValue] = kv.line }
        return profile
    }

    static func yearName(_ y: Int) -> String {
        switch y {
        case 0: "Reception"
        case ..<0: "nursery (year \(y))"
        default: "Year \(y)"
        }
    }

    /// Smallest max-journey accepted (100 m): anything shorter is a typing slip, and shows as 0.0 in lists.
    public static let shortestJourneyKm = 0.1

    /// "10 miles", "10 mi", "16 km", "16km" → kilometres (0.1 ≤ d ≤ 200). Plain decimals only: no hex, exponents,
    /// signs or "nan".
    static func parseDistance(_ kv: KeyValueLine, file: String) throws(ATLError) -> Double {
        let v = kv.value.lowercased().replacingOccurrences(of: " ", with: "")
        let units: [(String, Double)] = [("miles", 1.609344), ("mile", 1.609344), ("mi", 1.609344), ("km", 1)]
        for (suffix, factor) in units where v.hasSuffix(suffix) {
            let number = v.dropLast(suffix.count)
            if isPlainDecimal(number), let n = Double(number), n.isFinite, n > 0 {
                let km = n * factor
                guard km >= shortestJourneyKm else {
                    throw ATLError(code: "profile.shorter-than-km-give", file: file, line: kv.line, field: kv.key,
                        "\(Diagnostic.quote(kv.value)) is shorter than 0.1 km; give the longest acceptable journey, e.g. '3 miles'")
                }
                guard km <= 200 else {
                    throw ATLError(code: "profile.longer-than-any-daily", file: file, line: kv.line, field: kv.key, "\(Diagnostic.quote(kv.value)) is longer than any daily journey (200 km)")
                }
                return km
            }
        }
        throw ATLError(code: "profile.expected-distance-like-miles", file: file, line: kv.line, field: kv.key, "expected a distance like '10 miles' or '15 km', got \(Diagnostic.quote(kv.value))")
    }

    /// Digits with at most one decimal point ("12", "12.5", ".5"): what people write for a distance.
    static func isPlainDecimal(_ s: Substring) -> Bool {
        var digits = 0, points = 0
        for u in s.utf8 {
            if (0x30...0x39).contains(u) { digits += 1 } else if u == 0x2E { points += 1 } else { return false }
        }
        return digits > 0 && points <= 1
    }

    /// The canonical text of a profile (used to hash it and by the synthetic cohort writer).
    public static func render(_ p: NeedsProfile) -> String {
        var out = "format: \(formatTag)\n"
        func put(_ f: Field, _ v: String?) { if let v { out += "\(f.rawValue): \(v)\n" } }
        put(.reference, p.reference)
        put(.synthetic, p.synthetic ? "yes" : nil)
        put(.primaryNeed, "\(p.primaryNeed.rawValue) \(p.primarySeverity.rawValue)")
        put(.secondaryNeeds, p.secondaryNeeds.isEmpty ? nil : p.secondaryNeeds.map { "\($0.code.rawValue) \($0.severity.rawValue)" }.joined(separator: ", "))
        put(.mustHave, p.mustHave.isEmpty ? nil : p.mustHave.facilities.map(\.rawValue).joined(separator: ", "))
        put(.desirable, p.desirable.isEmpty ? nil : p.desirable.facilities.map(\.rawValue).joined(separator: ", "))
        if let d = p.dateOfBirth, let y = d.year, let m = d.month, let dd = d.day {
            put(.dateOfBirth, String(format: "%04d-%02d-%02d", y, m, dd))
        }
        put(.placementYear, String(p.placementYear))
        put(.sex, p.sex?.rawValue)
        switch p.home {
        case .postcode(let pc): put(.homePostcode, pc)
        case .grid(let g):
            put(.homeEasting, String(g.easting))
            put(.homeNorthing, String(g.northing))
        }
        put(.maxJourney, p.maxJourneyKm.map { Fixed.format($0, places: 3) + " km" })
        put(.allowedTypes, p.allowedTypes.map { $0.sorted().map(\.rawValue).joined(separator: ", ") })
        put(.preferredSettings, p.preferredSettings.isEmpty ? nil : p.preferredSettings.map(String.init).joined(separator: ", "))
        put(.avoidSettings, p.avoidSettings.isEmpty ? nil : p.avoidSettings.map(String.init).joined(separator: ", "))
        put(.faith, p.faith)
        put(.singleSex, p.singleSex == .noPreference ? nil : p.singleSex.rawValue)
        put(.mainstreamFirst, p.mainstreamFirst ? "yes" : nil)
        put(.excludeFull, p.excludeFull ? "yes" : nil)
        return out
    }
}
