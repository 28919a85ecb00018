import ATLModel
import Foundation

extension ProfileParser {
    /// Builds a profile from already-split field values (shared with the cohort CSV reader, whose columns are
    /// these field names). `line` numbers in `values` are used for diagnostics.
    /// `givenEmpty` names fields present with an empty value (already reported): they are not reported again
    /// as missing.
    public static func build(_ values: [Field: KeyValueLine], file: String, academicYear: Int,
                             givenEmpty: Set<Field> = [], diags: inout [Diagnostic]) -> NeedsProfile? {
        var b = ProfileBuilder(values: values, file: file, givenEmpty: givenEmpty)
        b.checkRequired()
        let reference = b.reference()
        let synthetic = b.field(.synthetic) { kv, p throws(ATLError) in try p.bool(kv) } ?? false
        let (primary, secondary) = b.needs()
        let (mustHave, desirable) = b.facilities()
        let placement = b.placementYear(academicYear: academicYear)
        let sex = b.field(.sex) { kv, p throws(ATLError) in try p.enumValue(kv, NeedsProfile.Sex.self) { NeedsProfile.Sex(rawValue: $0.lowercased()) } }
        let home = b.home()
        let maxJourney = b.field(.maxJourney) { kv, _ throws(ATLError) in try parseDistance(kv, file: file) }
        let allowed = b.allowedTypes()
        let (preferred, avoid) = b.namedSettings()
        let singleSex = b.field(.singleSex) { kv, p throws(ATLError) in
            try p.enumValue(kv, NeedsProfile.SingleSex.self) { NeedsProfile.SingleSex(rawValue: $0.lowercased()) } } ?? .noPreference
        let mainstreamFirst = b.field(.mainstreamFirst) { kv, p throws(ATLError) in try p.bool(kv) } ?? false
        let excludeFull = b.field(.excludeFull) { kv, p throws(ATLError) in try p.bool(kv) } ?? false
        let (includeAP, prefersIndependent) = b.asks(allowed: allowed)
        let siblings = b.siblings()
        let fit = b.fitPreferences()
        diags += b.diags

        guard let reference, let primary, let placement, let home else { return nil }
        var profile = NeedsProfile(reference: reference, synthetic: synthetic, primaryNeed: primary.0, primarySeverity: primary.1,
                            secondaryNeeds: secondary, mustHave: mustHave, desirable: desirable, dateOfBirth: b.dateOfBirth,
                            placementYear: placement, sex: sex, home: home, maxJourneyKm: maxJourney, allowedTypes: allowed,
                            preferredSettings: preferred, avoidSettings: avoid, faith: values[.faith]?.value,
                            singleSex: singleSex, mainstreamFirst: mainstreamFirst, excludeFull: excludeFull)
        profile.includeAlternativeProvision = includeAP
        profile.prefersIndependent = prefersIndependent
        profile.siblingsAt = siblings
        profile.fit = fit
        for (f, kv) in values { profile.lineOf[f.rawValue] = kv.line }
        return profile
    }
}

/// Reads a profile's fields one group at a time, collecting every problem: the steps of
/// ``ProfileParser/build(_:file:academicYear:givenEmpty:diags:)``.
struct ProfileBuilder {
    typealias Field = ProfileParser.Field
    let values: [Field: KeyValueLine]
    let file: String
    let givenEmpty: Set<Field>
    let p: FieldParser
    var diags: [Diagnostic] = []
    var dateOfBirth: DateComponents?

    init(values: [Field: KeyValueLine], file: String, givenEmpty: Set<Field>) {
        self.values = values
        self.file = file
        self.givenEmpty = givenEmpty
        // Never repeat a value in a message: a profile (or a cohort row with shifted columns) is personal data.
        self.p = FieldParser(file: file, quoting: false)
    }

    /// The line problems about the profile as a whole are reported on: its first field.
    var firstLine: Int { values.values.map(\.line).min() ?? 1 }

    /// A field's value parsed by `parse`, or nil when absent or wrong (the problem is recorded).
    mutating func field<T>(_ f: Field, _ parse: (KeyValueLine, FieldParser) throws(ATLError) -> T) -> T? {
        guard let kv = values[f] else { return nil }
        do { return try parse(kv, p) } catch {
            diags += error.diagnostics
            return nil
        }
    }

    mutating func checkRequired() {
        for f in [Field.format, .reference, .primaryNeed] where values[f] == nil && !givenEmpty.contains(f) {
            diags.append(Diagnostic(code: "profile.required-field-missing", file: file, line: firstLine, field: f.rawValue, "required field is missing (\(f.help))"))
        }
        if let kv = values[.format], kv.value != ProfileParser.formatTag {
            diags.append(Diagnostic(code: "profile.wrong-format", file: file, line: kv.line, field: "format", "expected '\(ProfileParser.formatTag)'"))
        }
    }

    mutating func reference() -> String? {
        let file = self.file
        return field(.reference) { kv, _ throws(ATLError) -> String in
            // The value is never repeated: a bad reference may be a name.
            guard ProfileParser.isValidReference(kv.value) else {
                throw ATLError(code: "profile.invalid-reference", file: file, line: kv.line, field: kv.key,
                    "is not a valid case reference (up to \(ProfileParser.referenceLimit) letters and digits with at least one digit, in groups separated by single '-' or '/', like EHC-2026-0042; never a name)")
            }
            return kv.value
        }
    }

    mutating func needs() -> (primary: (NeedCode, Severity)?, secondary: [NeedsProfile.SecondaryNeed]) {
        let file = self.file
        let primary = field(.primaryNeed) { kv, p throws(ATLError) -> (NeedCode, Severity) in
            let parts = kv.value.split(separator: " ").map(String.init)
            guard (1...2).contains(parts.count), let code = NeedCode(parsing: parts[0]) else {
                throw ATLError(code: "profile.unknown-primary-need", file: file, line: kv.line, field: kv.key,
                    "expected a need code and optional severity like 'ASD severe'; need codes: \(NeedCode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard parts.count == 1 || Severity(rawValue: parts[1].lowercased()) != nil else {
                throw ATLError(code: "profile.unknown-severity", file: file, line: kv.line, field: kv.key,
                    "the severity is not one of mild, moderate, severe or profound")
            }
            return (code, parts.count == 2 ? Severity(rawValue: parts[1].lowercased())! : .moderate)
        }
        let secondary = field(.secondaryNeeds) { kv, p throws(ATLError) -> [NeedsProfile.SecondaryNeed] in
            var out: [NeedsProfile.SecondaryNeed] = []
            for item in try p.list(kv) {
                let parts = item.split(separator: " ").map(String.init)
                guard (1...2).contains(parts.count), let code = NeedCode(parsing: parts[0]),
                      parts.count == 1 || Severity(rawValue: parts[1].lowercased()) != nil else {
                    throw ATLError(code: "profile.bad-secondary-need", file: file, line: kv.line, field: kv.key,
                        "expected items like 'SLCN moderate' (a need code and optional severity); need codes: \(NeedCode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                if out.contains(where: { $0.code == code }) {
                    throw ATLError(code: "profile.need-given-twice", file: file, line: kv.line, field: kv.key, "\(code.rawValue) given twice")
                }
                out.append(.init(code, parts.count == 2 ? Severity(rawValue: parts[1].lowercased())! : .moderate))
            }
            return out
        } ?? []
        if let primary, let kv = values[.secondaryNeeds], secondary.contains(where: { $0.code == primary.0 }) {
            diags.append(Diagnostic(code: "profile.secondary-is-primary", file: file, line: kv.line, field: kv.key,
                                    "\(primary.0.rawValue) is already the primary need"))
        }
        return (primary, secondary)
    }

    mutating func facilities() -> (mustHave: FacilitySet, desirable: FacilitySet) {
        let file = self.file
        func facilities(_ kv: KeyValueLine, _ p: FieldParser) throws(ATLError) -> FacilitySet {
            var seen = FacilitySet()
            for item in try p.list(kv) {
                if let f = Facility(parsing: item), seen.contains(f) {
                    throw ATLError(code: "profile.facility-given-twice", file: file, line: kv.line, field: kv.key, "\(f.rawValue) given twice")
                }
                seen.insert(try p.facilities(KeyValueLine(key: kv.key, value: item, line: kv.line)))
            }
            return seen
        }
        let mustHave = field(.mustHave) { kv, p throws(ATLError) in try facilities(kv, p) } ?? []
        let desirable = field(.desirable) { kv, p throws(ATLError) in try facilities(kv, p) } ?? []
        if let kv = values[.desirable], !mustHave.intersection(desirable).isEmpty {
            diags.append(Diagnostic(code: "profile.desirable-is-must-have", file: file, line: kv.line, field: kv.key,
                "\(mustHave.intersection(desirable).facilities.map(\.rawValue).joined(separator: ", ")) is already a must-have"))
        }
        return (mustHave, desirable)
    }

    /// The year group of the placement: placement-year, else the year after nc-year, else from the date of
    /// birth in the run's academic year; with the checks that these agree.
    mutating func placementYear(academicYear: Int) -> Int? {
        let file = self.file
        let firstLine = self.firstLine
        let dob = field(.dateOfBirth) { kv, p throws(ATLError) -> DateComponents in
            guard let d = CalendarDate.parse(kv.value), (1990...2100).contains(d.year!) else {
                throw ATLError(code: "profile.bad-date-of-birth", file: file, line: kv.line, field: kv.key, "expected a date YYYY-MM-DD that exists on the calendar, from 1990 to 2100")
            }
            return d
        }
        let ncYear = field(.ncYear) { kv, p throws(ATLError) -> Int in
            if kv.value.uppercased() == "R" { return 0 }
            return try p.int(kv, min: -2, max: 14)
        }
        var placement = field(.placementYear) { kv, p throws(ATLError) -> Int in
            if kv.value.uppercased() == "R" { return 0 }
            return try p.int(kv, min: -2, max: 16)
        }
        if placement == nil, let ncYear { placement = ncYear + 1 }
        if placement == nil, values[.placementYear] == nil, values[.ncYear] == nil, let dob {
            let current = ProfileParser.ncYear(born: dob, academicYear: academicYear)
            if (-2...14).contains(current) {
                placement = current + 1
            } else {
                diags.append(Diagnostic(code: "profile.date-of-birth-out-of-range", file: file, line: values[.dateOfBirth]!.line, field: "date-of-birth",
                    "gives year group \(current) in \(academicYear)/\(academicYear % 100 + 1); give placement-year"))
            }
        }
        if placement == nil, values[.placementYear] == nil, values[.ncYear] == nil, values[.dateOfBirth] == nil,
           givenEmpty.isDisjoint(with: [.placementYear, .ncYear, .dateOfBirth]) {
            diags.append(Diagnostic(code: "profile.placement-year-missing", file: file, line: firstLine, field: "placement-year",
                                    "give placement-year (or nc-year or date-of-birth: the placement is then for the next year)"))
        }
        if let dob, let ncYear, let kv = values[.dateOfBirth], let nk = values[.ncYear] {
            let fromDOB = ProfileParser.ncYear(born: dob, academicYear: academicYear)
            if fromDOB != ncYear {
                diags.append(Diagnostic(code: "profile.date-of-birth-contradicts-nc-year", file: file, line: kv.line, field: kv.key,
                    "gives \(ProfileParser.yearName(fromDOB)) in \(academicYear)/\(String(format: "%02d", (academicYear + 1) % 100)), but nc-year on line \(nk.line) says \(ProfileParser.yearName(ncYear)); correct one of them or give only one"))
            }
        } else if let dob, values[.ncYear] == nil, let placement, let kv = values[.dateOfBirth], let pk = values[.placementYear] {
            let fromDOB = ProfileParser.ncYear(born: dob, academicYear: academicYear)
            if placement < fromDOB {
                diags.append(Diagnostic(code: "profile.placement-year-before-date-of-birth-year", file: file, line: kv.line, field: kv.key,
                    "gives \(ProfileParser.yearName(fromDOB)) in \(academicYear)/\(String(format: "%02d", (academicYear + 1) % 100)), but placement-year on line \(pk.line) is \(ProfileParser.yearName(placement)), an earlier year"))
            }
        }
        if let ncYear, let placement, let kv = values[.placementYear], placement < ncYear {
            diags.append(Diagnostic(code: "profile.placement-year-before-nc-year", file: file, line: kv.line, field: kv.key,
                                    "placement year \(placement) is before the current year \(ncYear)"))
        }
        dateOfBirth = dob
        return placement
    }

    mutating func home() -> NeedsProfile.Home? {
        let file = self.file
        let firstLine = self.firstLine
        var home: NeedsProfile.Home?
        if let kv = values[.homePostcode] {
            if values[.homeEasting] != nil || values[.homeNorthing] != nil {
                diags.append(Diagnostic(code: "profile.home-given-twice", file: file, line: kv.line, field: kv.key, "give a home postcode or home-easting/home-northing, not both"))
            }
            let raw = kv.value.trimmedSpaces
            if let pc = Postcode.normalise(raw) {
                home = .postcode(pc)
            } else if Postcode.isOutcode(raw) {
                home = .postcode(raw.uppercased())
            } else {
                diags.append(Diagnostic(code: "profile.bad-home-postcode", file: file, line: kv.line, field: kv.key,
                    "is not a UK postcode or outward code (like TF3 1LA or TF3); the value is not repeated here because it is personal data"))
            }
        } else if values[.homeEasting] != nil || values[.homeNorthing] != nil {
            let e = field(.homeEasting) { kv, p throws(ATLError) in try p.int(kv, min: 0, max: 700_000) }
            let n = field(.homeNorthing) { kv, p throws(ATLError) in try p.int(kv, min: 0, max: 1_300_000) }
            if let e, let n { home = .grid(GridPoint(easting: e, northing: n)) }
            else if values[.homeEasting] == nil || values[.homeNorthing] == nil {
                diags.append(Diagnostic(code: "profile.home-grid-incomplete", file: file, line: (values[.homeEasting] ?? values[.homeNorthing])!.line,
                                        field: values[.homeEasting] == nil ? "home-easting" : "home-northing",
                                        "home-easting and home-northing go together"))
            }
        } else if givenEmpty.isDisjoint(with: [.homePostcode, .homeEasting, .homeNorthing]) {
            diags.append(Diagnostic(code: "profile.home-missing", file: file, line: firstLine, field: "home-postcode",
                                    "give a home postcode (or home-easting and home-northing) so journeys can be measured"))
        }
        return home
    }

    mutating func allowedTypes() -> Set<SettingType>? {
        let file = self.file
        let allowed = field(.allowedTypes) { kv, p throws(ATLError) -> Set<SettingType> in
            var s = Set<SettingType>()
            for item in try p.list(kv) {
                guard let t = SettingType(rawValue: item.lowercased()), t != .unknown else {
                    throw ATLError(code: "profile.unknown-setting-type", file: file, line: kv.line, field: kv.key,
                        "an item is not a setting type; expected: \(SettingType.allCases.filter { $0 != .unknown }.map(\.rawValue).joined(separator: ", "))")
                }
                s.insert(t)
            }
            if s.isEmpty { throw ATLError(code: "profile.no-allowed-type", file: file, line: kv.line, field: kv.key, "allow at least one type") }
            return s
        }
        return allowed
    }

    /// What the family asks to see beyond the default types: alternative provision (policy R8) and independent
    /// schools (R12). Asking for a type that `allowed-types` leaves out is a contradiction.
    mutating func asks(allowed: Set<SettingType>?) -> (alternativeProvision: Bool, independent: Bool) {
        let file = self.file
        let ap = field(.includeAlternativeProvision) { kv, p throws(ATLError) in try p.bool(kv) } ?? false
        let independent = field(.prefersIndependent) { kv, p throws(ATLError) in try p.bool(kv) } ?? false
        if ap, let allowed, !allowed.contains(.alternativeProvision), let kv = values[.includeAlternativeProvision] {
            diags.append(Diagnostic(code: "profile.include-alternative-provision-not-allowed", file: file, line: kv.line, field: kv.key,
                "asks for alternative provision, but allowed-types leaves it out; add alternative-provision to allowed-types or remove this line"))
        }
        let independentTypes: Set<SettingType> = [.independent, .independentSpecial, .nonMaintainedSpecial]
        if independent, let allowed, allowed.isDisjoint(with: independentTypes), let kv = values[.prefersIndependent] {
            diags.append(Diagnostic(code: "profile.prefers-independent-not-allowed", file: file, line: kv.line, field: kv.key,
                "asks for independent schools, but allowed-types leaves out every independent type; add independent or independent-special to allowed-types or remove this line"))
        }
        return (ap, independent)
    }

    /// A list of URNs (`preferred-settings`, `avoid-settings`, `siblings-at`).
    mutating func urns(_ f: Field) -> [Int] {
        let file = self.file
        return field(f) { kv, p throws(ATLError) -> [Int] in
            try p.list(kv).map { item throws(ATLError) -> Int in
                guard let u = Int(item), u >= 100_000 else {
                    throw ATLError(code: "profile.bad-urn", file: file, line: kv.line, field: kv.key, "an item is not a URN (a whole number of 6 to 8 digits)")
                }
                return u
            }
        } ?? []
    }

    /// `siblings-at`: where a brother or sister will attend (URNs, each once). It may name a setting the family
    /// also avoids: the family decides, and the list says both.
    mutating func siblings() -> [Int] {
        let list = urns(.siblingsAt)
        if let kv = values[.siblingsAt], Set(list).count != list.count {
            diags.append(Diagnostic(code: "profile.urn-given-twice", file: file, line: kv.line, field: kv.key, "a URN is given twice"))
        }
        var seen = Set<Int>()
        return list.filter { seen.insert($0).inserted }
    }

    /// `fit`: social and emotional fit preferences, known names only, each once.
    mutating func fitPreferences() -> [FitPreference] {
        let file = self.file
        return field(.fit) { kv, p throws(ATLError) -> [FitPreference] in
            var out: [FitPreference] = []
            for item in try p.list(kv) {
                guard let f = FitPreference(rawValue: item.lowercased()) else {
                    throw ATLError(code: "profile.unknown-fit-preference", file: file, line: kv.line, field: kv.key,
                        "an item is not a fit preference; expected: \(FitPreference.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                guard !out.contains(f) else {
                    throw ATLError(code: "profile.fit-given-twice", file: file, line: kv.line, field: kv.key, "\(f.rawValue) given twice")
                }
                out.append(f)
            }
            return out
        } ?? []
    }

    mutating func namedSettings() -> (preferred: [Int], avoid: [Int]) {
        let file = self.file
        func urns(_ f: Field, _ b: inout ProfileBuilder) -> [Int] { b.urns(f) }
        let preferred = urns(.preferredSettings, &self), avoid = urns(.avoidSettings, &self)
        if let kv = values[.avoidSettings], let both = Set(preferred).intersection(avoid).min() {
            diags.append(Diagnostic(code: "profile.urn-preferred-and-avoided", file: file, line: kv.line, field: kv.key, "URN \(both) is both preferred and avoided"))
        }
        return (preferred, avoid)
    }
}
