import ATLModel

/// The header fields of the catalogue format, declared once.
///
/// Each entry says how one `key: value` line is read into a setting, how the setting's fact is written back
/// as value lines, and how the fact is copied from an imported setting when a re-import owns that field. The
/// setting-file parser and writer, the index snapshot's setting codec and the catalogue writer's merge all work
/// through this table, so adding a header field is one entry here (and the property on ``Setting``).
/// Checks that involve two fields (easting with northing, places by need against needs, on roll against
/// capacity) are in ``SettingFile/check(_:values:file:headerLine:)``.
///
/// Provenance (`atl-setting/2`) is handled once for every entry, by the field's ``SettingFile/Field/isAttributed``:
/// the parser splits the `[source as-of]` suffix off an attributed line before `read` sees the value, the writer
/// appends it after `write`'s value (``SettingFile/lineValues(_:_:)``), and the merge moves a fact's provenance
/// with its value. `read`, `write` and `copy` deal in values only.
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
    /// 1 or 2, from the `format` line: decides whether header lines carry provenance.
    var formatVersion = 1
    /// The run date of `atl validate`, for the checks that depend on the day; nil otherwise.
    var runDate: String?
}

extension SettingFile {
    /// Every header field in canonical (writing) order.
    public static let fields: [SettingFieldSpec] = Field.allCases.map(spec)

    /// The table entry for one field.
    public static func spec(_ f: Field) -> SettingFieldSpec {
        switch f {
        case .format:
            // Checked by ``check(_:values:file:headerLine:diags:)``; always written: v2 when the setting carries provenance.
            return SettingFieldSpec(field: f, read: { kv, _, d throws(ATLError) in d.formatVersion = kv.value == formatTag ? 2 : 1 },
                                    write: { [$0.provenance.isEmpty ? formatTagV1 : formatTag] }, copy: { _, _ in })
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
            }, write: { [$0.provenance.isEmpty ? $0.type.rawValue : $0.typeGroup.rawValue] },
               copy: { a, s in s.type = SettingType.effective(group: a.typeGroup, provision: s.specialistProvision) })
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
            // A complete designation goes to `needs`; one marked "(partial)" to `partialNeeds`, so the engine never
            // reads a partial designation as complete (it could exclude a child the setting would take).
            return SettingFieldSpec(field: f, read: { kv, p, d throws(ATLError) in
                if kv.value.hasSuffix(partialMark) {
                    var codes = kv
                    codes.value = String(kv.value.dropLast(partialMark.count)).trimmedSpaces
                    let set = try p.needCodes(codes)
                    guard !set.isEmpty else {
                        throw ATLError(code: "setting.needs-partial", file: p.file, line: kv.line, field: kv.key,
                                       "'(partial)' follows the codes a published designation names; 'none (partial)' says nothing")
                    }
                    d.setting.partialNeeds = set
                } else {
                    d.setting.needs = try p.needCodes(kv)
                }
            }, write: { s in
                if let n = s.needs { return [n.codes.isEmpty ? "none" : n.codes.map(\.rawValue).joined(separator: ", ")] }
                if let n = s.partialNeeds, !n.isEmpty { return [n.codes.map(\.rawValue).joined(separator: ", ") + partialMark] }
                return []
            }, copy: { a, s in
                s.needs = a.needs
                s.partialNeeds = a.partialNeeds
            })
        case .specialistProvision:
            // The effective type follows the provision (a mainstream school with a known unit is mainstream-resourced).
            return SettingFieldSpec(field: f, read: { kv, p, d throws(ATLError) in
                d.setting.specialistProvision = try p.enumValue(kv, SpecialistProvisionKind.self) { SpecialistProvisionKind(rawValue: $0.lowercased()) }
            }, write: { $0.specialistProvision.map { [$0.rawValue] } ?? [] }, copy: { a, s in
                let group = s.typeGroup
                s.specialistProvision = a.specialistProvision
                s.type = SettingType.effective(group: group, provision: s.specialistProvision)
            })
        case .dfeNumber:
            return SettingFieldSpec(field: f, read: { kv, p, d throws(ATLError) in
                let parts = kv.value.split(separator: "/", omittingEmptySubsequences: false)
                guard parts.count == 2, parts[0].count == 3, parts[1].count == 4,
                      parts.allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }) else {
                    throw ATLError(code: "setting.dfe-number", file: p.file, line: kv.line, field: kv.key,
                                   "expected a DfE number LLL/EEEE (LA code / establishment number), got \(Diagnostic.quote(kv.value))")
                }
                d.setting.dfeNumber = kv.value
            }, write: { $0.dfeNumber.map { [$0] } ?? [] }, copy: { a, s in s.dfeNumber = a.dfeNumber })
        case .s41Approved:
            return SettingFieldSpec(field: f, read: { kv, p, d throws(ATLError) in d.setting.s41Approved = try p.bool(kv) },
                                    write: { $0.s41Approved.map { [$0 ? "yes" : "no"] } ?? [] }, copy: { a, s in s.s41Approved = a.s41Approved })
        case .s41ApprovedSince:
            return SettingFieldSpec(field: f, read: { kv, p, d throws(ATLError) in
                guard CalendarDate.parse(kv.value) != nil else {
                    throw ATLError(code: "setting.s41-approved-since", file: p.file, line: kv.line, field: kv.key,
                                   "expected a real date YYYY-MM-DD, got \(Diagnostic.quote(kv.value))")
                }
                d.setting.s41ApprovedSince = kv.value
            }, write: { $0.s41ApprovedSince.map { [$0] } ?? [] }, copy: { a, s in s.s41ApprovedSince = a.s41ApprovedSince })
        case .needsAsPublished:
            return text(f, \.needsAsPublished)
        case .placesAsPublished:
            return text(f, \.placesAsPublished)
        case .largestClass:
            return count(f, \.largestClass, max: 1_000)
        case .pupilsWithEHCP:
            return pupils(f, \.pupilsWithEHCP)
        case .pupilsOnSENSupport:
            return pupils(f, \.pupilsOnSENSupport)
        case .senReportLink:
            return SettingFieldSpec(field: f, read: { kv, p, d throws(ATLError) in
                guard kv.value.hasPrefix("http://") || kv.value.hasPrefix("https://"), !kv.value.contains(" ") else {
                    throw ATLError(code: "setting.sen-report-link", file: p.file, line: kv.line, field: kv.key,
                                   "expected the address of a web page (http:// or https://), got \(Diagnostic.quote(kv.value))")
                }
                d.setting.senReportLink = kv.value
            }, write: { $0.senReportLink.map { [$0] } ?? [] }, copy: { a, s in s.senReportLink = a.senReportLink })
        case .senReportKind:
            return text(f, \.senReportKind)
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
        case .source:
            // Repeatable: one line per source (v2: one declaration per key). A re-import's own source lines are
            // merged by the catalogue writer.
            return SettingFieldSpec(field: f, read: { kv, _, d throws(ATLError) in d.setting.sources.append(kv.value) },
                                    write: { $0.sources }, copy: { _, _ in })
        case .confirmed:
            return reviewed(f, \.confirmedRows)
        case .rejected:
            return reviewed(f, \.rejectedRows)
        }
    }

    /// What follows the codes of a partial designation on a `needs` line.
    static let partialMark = " (partial)"

    /// "N of TOTAL" pupils.
    private static func pupils(_ f: Field, _ path: any WritableKeyPath<Setting, PupilCount?> & Sendable) -> SettingFieldSpec {
        SettingFieldSpec(field: f, read: { kv, p, d throws(ATLError) in
            guard let c = PupilCount(parsing: kv.value) else {
                throw ATLError(code: "setting.pupil-count", file: p.file, line: kv.line, field: kv.key,
                               "expected 'N of TOTAL' pupils with N no more than TOTAL, got \(Diagnostic.quote(kv.value))")
            }
            d.setting[keyPath: path] = c
        }, write: { $0[keyPath: path].map { [$0.description] } ?? [] }, copy: { a, s in s[keyPath: path] = a[keyPath: path] })
    }

    /// A repeatable `ROW-ID  [officer YYYY-MM-DD by ID]` line recording an officer's review of a to-confirm row.
    private static func reviewed(_ f: Field, _ path: any WritableKeyPath<Setting, [ReviewedRow]> & Sendable) -> SettingFieldSpec {
        SettingFieldSpec(field: f, read: { kv, p, d throws(ATLError) in
            guard let (id, bracket) = splitProvenance(kv.value), isRowID(id) else {
                throw ATLError(code: "setting.reviewed-row", file: p.file, line: kv.line, field: kv.key,
                               "expected 'ROW-ID  [officer YYYY-MM-DD by ID]' (a row ID such as local-offer:9a5865c1)")
            }
            let prov: FactProvenance
            do throws(FactProvenance.SyntaxError) { prov = try FactProvenance.parse(bracket) } catch {
                throw ATLError(code: DiagnosticCode(rawValue: "setting.\(error.code)"), file: p.file, line: kv.line, field: kv.key, error.message)
            }
            guard prov.isOfficerEntry else {
                throw ATLError(code: "setting.reviewed-row", file: p.file, line: kv.line, field: kv.key,
                               "a reviewed row is recorded as '[officer YYYY-MM-DD by ID]'")
            }
            d.setting[keyPath: path].append(ReviewedRow(rowID: id, provenance: prov))
        }, write: { $0[keyPath: path].map { "\($0.rowID)  [\($0.provenance)]" } }, copy: { a, s in s[keyPath: path] = a[keyPath: path] })
    }

    /// To-confirm row IDs: a source key, ':' and 8 lower-case hex digits (`local-offer:9a5865c1`).
    public static func isRowID(_ id: String) -> Bool {
        let parts = id.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 2 && FactProvenance.isValidKey(String(parts[0])) && parts[1].count == 8
            && parts[1].utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
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

