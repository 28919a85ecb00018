import ATLModel

/// The header fields of the catalogue format, declared once.
///
/// Each entry says how one `key: value` line is read into a setting, how the setting's fact is written back
/// as value lines, and how the fact is copied from an imported setting when a re-import owns that field. The
/// setting-file parser and writer, the index snapshot's setting codec and the catalogue writer's merge all work
/// through this table, so adding a header field is one entry here (and the property on ``Setting``).
/// Checks that involve two fields (easting with northing, places by need against needs, on roll against
/// capacity) are in ``SettingFile/check(_:values:file:headerLine:)``.
public struct SettingFieldSpec: Sendable {
    public let field: SettingFile.Field
    /// Reads the value of one line into the draft; throws the problem with the value.
    public let read: @Sendable (KeyValueLine, FieldParser, inout SettingDraft) throws(ATLError) -> Void
    /// The fact as value lines, in writing order: none when it is not known, several for `source`.
    public let write: @Sendable (Setting) -> [String]
    /// Copies the fact from `from` (an imported setting) into `to`.
    public let copy: @Sendable (_ from: Setting, _ to: inout Setting) -> Void
}

/// A setting being read from its header lines: the setting so far, and the facts that become part of a
/// composite value (the location from easting and northing, the LA from its code and name) or are required.
public struct SettingDraft: Sendable {
    public init() {}
    var setting = Setting(urn: 0, name: "")
    var urn: Int?
    var name: String?
    var type: SettingType?
    var easting: Int?
    var northing: Int?
    var laCode: Int?
    var laName: String?
}

extension SettingFile {
    /// Every header field in canonical (writing) order.
    public static let fields: [SettingFieldSpec] = Field.allCases.map(spec)

    /// The table entry for one field.
    public static func spec(_ f: Field) -> SettingFieldSpec {
        switch f {
        case .format:
            // Checked against ``formatTag`` by the parser; always written.
            return SettingFieldSpec(field: f, read: { _, _, _ throws(ATLError) in }, write: { _ in [formatTag] }, copy: { _, _ in })
        case .urn:
            return SettingFieldSpec(field: f, read: { kv, p, d throws(ATLError) in d.urn = try p.int(kv, min: 100_000, max: 99_999_999) },
                                    write: { [String($0.urn)] }, copy: { a, s in s.urn = a.urn })
        case .name:
            return SettingFieldSpec(field: f, read: { kv, _, d throws(ATLError) in d.name = kv.value },
                                    write: { [$0.name] }, copy: { a, s in s.name = a.name })
        case .fictional:
            return SettingFieldSpec(field: f, read: { kv, p, d throws(ATLError) in d.setting.fictional = try p.bool(kv) },
                                    write: { $0.fictional ? ["yes"] : [] }, copy: { a, s in s.fictional = a.fictional })
        case .synthetic:
            return SettingFieldSpec(field: f, read: { kv, p, d throws(ATLError) in d.setting.synthetic = try p.bool(kv) },
                                    write: { $0.synthetic ? ["yes"] : [] }, copy: { a, s in s.synthetic = a.synthetic })
        case .laCode:
            return SettingFieldSpec(field: f, read: { kv, p, d throws(ATLError) in d.laCode = try p.int(kv, min: 100, max: 999) },
                                    write: { $0.localAuthority.map { [String($0.code)] } ?? [] },
                                    copy: { a, s in s.localAuthority = a.localAuthority })
        case .laName:
            return SettingFieldSpec(field: f, read: { kv, _, d throws(ATLError) in d.laName = kv.value },
                                    write: { $0.localAuthority.map { [$0.name] } ?? [] },
                                    copy: { a, s in s.localAuthority = a.localAuthority })
        case .type:
            return SettingFieldSpec(field: f, read: { kv, p, d throws(ATLError) in
                d.type = try p.enumValue(kv, SettingType.self) { SettingType(rawValue: $0.lowercased()) }
            }, write: { [$0.type.rawValue] }, copy: { a, s in s.type = a.type })
        case .giasType:
            return text(f, \.giasType)
        case .status:
            return SettingFieldSpec(field: f, read: { kv, p, d throws(ATLError) in
                d.setting.status = try p.enumValue(kv, SettingStatus.self) { SettingStatus(rawValue: $0.lowercased()) }
            }, write: { $0.status == .open ? [] : [$0.status.rawValue] }, copy: { a, s in s.status = a.status })
        case .phase:
            return choice(f, \.phase) { Phase(parsing: $0) }
        case .ageRange:
            return SettingFieldSpec(field: f, read: { kv, p, d throws(ATLError) in d.setting.ageRange = try parseAgeRange(kv, file: p.file) },
                                    write: { $0.ageRange.map { [$0.description] } ?? [] }, copy: { a, s in s.ageRange = a.ageRange })
        case .gender:
            return choice(f, \.gender) { Gender(parsing: $0) }
        case .religiousCharacter:
            return text(f, \.religiousCharacter)
        case .ofsted:
            return choice(f, \.ofsted) { OfstedJudgement(parsing: $0) }
        case .ofstedDate:
            return SettingFieldSpec(field: f, read: { kv, p, d throws(ATLError) in
                guard CalendarDate.isValid(kv.value, years: 1990...2100) else {
                    throw ATLError(code: "setting.ofsted-date", file: p.file, line: kv.line, field: kv.key,
                                   "expected a date YYYY-MM-DD that exists on the calendar, got \(Diagnostic.quote(kv.value))")
                }
                d.setting.ofstedDate = kv.value
            }, write: { $0.ofstedDate.map { [$0] } ?? [] }, copy: { a, s in s.ofstedDate = a.ofstedDate })
        case .easting:
            return SettingFieldSpec(field: f, read: { kv, p, d throws(ATLError) in d.easting = try p.int(kv) },
                                    write: { $0.location.map { [String($0.easting)] } ?? [] }, copy: { a, s in s.location = a.location })
        case .northing:
            return SettingFieldSpec(field: f, read: { kv, p, d throws(ATLError) in d.northing = try p.int(kv) },
                                    write: { $0.location.map { [String($0.northing)] } ?? [] }, copy: { a, s in s.location = a.location })
        case .postcode:
            return SettingFieldSpec(field: f, read: { kv, p, d throws(ATLError) in d.setting.postcode = try parsePostcode(kv, file: p.file) },
                                    write: { $0.postcode.map { [$0] } ?? [] }, copy: { a, s in s.postcode = a.postcode })
        case .nearestPostcode:
            return SettingFieldSpec(field: f, read: { kv, p, d throws(ATLError) in d.setting.nearestPostcode = try parsePostcode(kv, file: p.file) },
                                    write: { $0.nearestPostcode.map { [$0] } ?? [] }, copy: { a, s in s.nearestPostcode = a.nearestPostcode })
        case .capacity:
            return count(f, \.capacity, max: 100_000)
        case .onRoll:
            return count(f, \.onRoll, max: 100_000)
        case .needs:
            return SettingFieldSpec(field: f, read: { kv, p, d throws(ATLError) in d.setting.needs = try p.needCodes(kv) },
                                    write: { $0.needs.map { [$0.codes.isEmpty ? "none" : $0.codes.map(\.rawValue).joined(separator: ", ")] } ?? [] },
                                    copy: { a, s in s.needs = a.needs })
        case .specialistProvision:
            return choice(f, \.specialistProvision) { SpecialistProvisionKind(rawValue: $0.lowercased()) }
        case .specialistPlaces:
            return count(f, \.specialistPlaces, max: 10_000)
        case .specialistOnRoll:
            return count(f, \.specialistOnRoll, max: 10_000)
        case .specialistVacancies:
            return count(f, \.specialistVacanciesStated, max: 10_000)
        case .placesByNeed:
            return SettingFieldSpec(field: f, read: { kv, p, d throws(ATLError) in d.setting.placesByNeed = try parsePlacesByNeed(kv, file: p.file) },
                                    write: { s in s.placesByNeed.map { m in [m.keys.sorted().map { "\($0.rawValue) \(m[$0]!)" }.joined(separator: ", ")] } ?? [] },
                                    copy: { a, s in s.placesByNeed = a.placesByNeed })
        case .facilities:
            return SettingFieldSpec(field: f, read: { kv, p, d throws(ATLError) in d.setting.facilities = try p.facilities(kv) },
                                    write: { $0.facilities.map { [$0.facilities.isEmpty ? "none" : $0.facilities.map(\.rawValue).joined(separator: ", ")] } ?? [] },
                                    copy: { a, s in s.facilities = a.facilities })
        case .costBand:
            return choice(f, \.costBand) { CostBand(rawValue: $0.uppercased()) }
        case .s41Approved:
            return SettingFieldSpec(field: f, read: { kv, p, d throws(ATLError) in d.setting.s41Approved = try p.bool(kv) },
                                    write: { $0.s41Approved.map { [$0 ? "yes" : "no"] } ?? [] },
                                    copy: { a, s in s.s41Approved = a.s41Approved })
        case .source:
            // Repeatable: one line per source. A re-import's own source lines are merged by the catalogue writer.
            return SettingFieldSpec(field: f, read: { kv, _, d throws(ATLError) in d.setting.sources.append(kv.value) },
                                    write: { $0.sources }, copy: { _, _ in })
        }
    }

    /// Free text, written as given.
    private static func text(_ f: Field, _ path: any WritableKeyPath<Setting, String?> & Sendable) -> SettingFieldSpec {
        SettingFieldSpec(field: f, read: { kv, _, d throws(ATLError) in d.setting[keyPath: path] = kv.value },
                         write: { $0[keyPath: path].map { [$0] } ?? [] }, copy: { a, s in s[keyPath: path] = a[keyPath: path] })
    }

    /// A whole number from 0 to `max`.
    private static func count(_ f: Field, _ path: any WritableKeyPath<Setting, Int?> & Sendable, max: Int) -> SettingFieldSpec {
        SettingFieldSpec(field: f, read: { kv, p, d throws(ATLError) in d.setting[keyPath: path] = try p.int(kv, min: 0, max: max) },
                         write: { $0[keyPath: path].map { [String($0)] } ?? [] }, copy: { a, s in s[keyPath: path] = a[keyPath: path] })
    }

    /// One of a fixed set of values, written by its raw value.
    private static func choice<E: RawRepresentable & CaseIterable & Sendable>(
        _ f: Field, _ path: any WritableKeyPath<Setting, E?> & Sendable, parse: @escaping @Sendable (String) -> E?
    ) -> SettingFieldSpec where E.RawValue == String {
        SettingFieldSpec(field: f, read: { kv, p, d throws(ATLError) in d.setting[keyPath: path] = try p.enumValue(kv, E.self, parse: parse) },
                         write: { $0[keyPath: path].map { [$0.rawValue] } ?? [] }, copy: { a, s in s[keyPath: path] = a[keyPath: path] })
    }
}

