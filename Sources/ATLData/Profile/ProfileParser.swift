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
        case includeAlternativeProvision = "include-alternative-provision", prefersIndependent = "prefers-independent"
        case siblingsAt = "siblings-at", fit

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
            case .mainstreamFirst: "yes if the family wants mainstream schools first (Children and Families Act 2014 s33)"
            case .excludeFull: "yes to leave out settings with no vacancies (default: flag them)"
            case .includeAlternativeProvision: "yes to list alternative provision (pupil referral units, AP academies), labelled as education for a time (default: no)"
            case .prefersIndependent: "yes if the family would like independent schools considered, fee-paying ones included (default: no)"
            case .siblingsAt: "URNs of settings a brother or sister will attend when the placement starts (only where; nothing else about them)"
            case .fit: "fit preferences, comma-separated: \(FitPreference.allCases.map(\.rawValue).joined(separator: ", ")) (earn points only on known facts)"
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
        try parse(InputFile.read(path, what: "profile", limit: InputFile.Limit.profile), file: path, academicYear: academicYear)
    }

    /// Parses profile text. `academicYear` (its starting year) turns a date of birth into a year group when
    /// neither nc-year nor placement-year is given.
    public static func parse(text: String, file: String, academicYear: Int = CalendarDate.currentAcademicYear()) throws(ATLError) -> NeedsProfile {
        var diags: [Diagnostic] = []
        var values: [Field: KeyValueLine] = [:]
        var givenEmpty: Set<Field> = []
        for (i, line) in TextDecoding.lines(text).enumerated() {
            do {
                guard let kv = try KeyValueLine.parse(line, line: i + 1, file: file, quoting: false) else { continue }
                guard let f = Field(rawValue: kv.key) else {
                    // The name is not repeated: a line of a profile may hold personal data.
                    diags.append(Diagnostic(code: "profile.unknown-field", file: file, line: kv.line,
                        "not a profile field; known fields: \(Field.allCases.map(\.rawValue).joined(separator: ", "))"))
                    continue
                }
                if kv.value.isEmpty {
                    let required: Set<Field> = [.format, .reference, .primaryNeed]
                    diags.append(Diagnostic(code: "profile.empty-value", file: file, line: kv.line, field: kv.key, required.contains(f)
                        ? "empty value; this field is required (\(f.help))" : "empty value; remove the line if not known"))
                    givenEmpty.insert(f)
                    continue
                }
                if let first = values[f] {
                    diags.append(Diagnostic(code: "profile.field-given-twice", file: file, line: kv.line, field: kv.key, "given twice (first on line \(first.line))"))
                    continue
                }
                values[f] = kv
            } catch {
                diags += error.diagnostics
            }
        }
        let profile = build(values, file: file, academicYear: academicYear, givenEmpty: givenEmpty, diags: &diags)
        if let profile, diags.isEmpty { return profile }
        throw ATLError(diags.isEmpty ? [Diagnostic(code: "profile.invalid", file: file, "invalid profile")] : diags)
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
                    throw ATLError(code: "profile.journey-too-short", file: file, line: kv.line, field: kv.key,
                        "is shorter than 0.1 km; give the longest acceptable journey, e.g. '3 miles'")
                }
                guard km <= 200 else {
                    throw ATLError(code: "profile.journey-too-long", file: file, line: kv.line, field: kv.key, "is longer than any daily journey (200 km)")
                }
                return km
            }
        }
        throw ATLError(code: "profile.not-a-distance", file: file, line: kv.line, field: kv.key, "expected a distance like '10 miles' or '15 km'")
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
        put(.includeAlternativeProvision, p.includeAlternativeProvision ? "yes" : nil)
        put(.prefersIndependent, p.prefersIndependent ? "yes" : nil)
        put(.siblingsAt, p.siblingsAt.isEmpty ? nil : p.siblingsAt.map(String.init).joined(separator: ", "))
        put(.fit, p.fit.isEmpty ? nil : p.fit.map(\.rawValue).joined(separator: ", "))
        return out
    }
}
