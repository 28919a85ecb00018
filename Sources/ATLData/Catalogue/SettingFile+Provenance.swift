import ATLModel

/// Provenance rules of the catalogue format `atl-setting/2` (`docs/catalogue-format.md`, "Provenance"):
/// which fields carry a `[source as-of]` suffix, and the checks between a file's facts and its `source:`
/// declarations.
extension SettingFile.Field {
    /// True for fields whose lines carry provenance in an `atl-setting/2` file: every fact. Identity and
    /// catalogue markers (`format`, `urn`, `fictional`, `synthetic`) and the bookkeeping lines (`source`,
    /// `confirmed`, `rejected`) carry none.
    public var isAttributed: Bool {
        switch self {
        case .format, .urn, .fictional, .synthetic, .source, .confirmed, .rejected: false
        default: true
        }
    }

    /// Fields that may be given on several lines.
    public var isRepeatable: Bool { self == .source || self == .confirmed || self == .rejected }

    /// Fields that go together and share one source and date.
    static let pairs: [(SettingFile.Field, SettingFile.Field)] = [(.laCode, .laName), (.easting, .northing)]
}

extension SettingFile {
    /// The checks of an `atl-setting/2` header that involve provenance: every `source:` line a well-formed
    /// declaration with a unique key; every fact's source key declared; a confirmation not dated before the
    /// fact's as-of; pairs (LA code and name, easting and northing) with one provenance; s41 status on a
    /// setting that can hold it (warning); declarations no fact uses (warning); and, when the draft has a run
    /// date (`atl validate --date`), no fact or confirmation dated after it.
    static func checkProvenance(_ s: inout Setting, values: [Field: KeyValueLine], sourceLines: [KeyValueLine],
                                file: String, headerLine: Int, runDate: String?, diags: inout [Diagnostic]) {
        var declared: [String: Int] = [:]
        for kv in sourceLines {
            do {
                let d = try SourceDeclaration.parse(kv.value)
                if let first = declared[d.key] {
                    diags.append(Diagnostic(code: "setting.source-key-twice", file: file, line: kv.line, field: kv.key,
                                            "source key '\(d.key)' declared twice (first on line \(first))"))
                } else {
                    declared[d.key] = kv.line
                }
            } catch {
                diags.append(Diagnostic(code: DiagnosticCode(rawValue: "setting.\(error.code)"), file: file, line: kv.line, field: kv.key, error.message))
            }
        }
        func line(_ field: String) -> Int { Field(rawValue: field).flatMap { values[$0]?.line } ?? headerLine }
        var used = Set<String>()
        for (field, p) in s.provenance.sorted(by: { $0.key < $1.key }) {
            if !p.isOfficerEntry {
                used.insert(p.source)
                if declared[p.source] == nil {
                    diags.append(Diagnostic(code: "setting.source-undeclared", file: file, line: line(field), field: field,
                        "source '\(p.source)' is not declared; add a 'source: \(p.source) | CLASS | SHORT NAME | DESCRIPTION' line"))
                }
            }
            if let on = p.confirmedOn, !p.isOfficerEntry, let day = AsOfDate(day: on)?.firstDay, let first = p.asOf.firstDay, day < first {
                diags.append(Diagnostic(code: "setting.confirmed-before-as-of", file: file, line: line(field), field: field,
                    "confirmed on \(on), before the fact's as-of date \(p.asOf)"))
            }
            if let runDate {
                if p.asOf.isAfter(runDate) {
                    diags.append(Diagnostic(code: "setting.as-of-future", file: file, line: line(field), field: field,
                        "as-of date \(p.asOf) is after the run date \(runDate)"))
                }
                if let on = p.confirmedOn, AsOfDate(day: on)?.isAfter(runDate) ?? false {
                    diags.append(Diagnostic(code: "setting.confirmed-future", file: file, line: line(field), field: field,
                        "confirmed on \(on), after the run date \(runDate)"))
                }
            }
        }
        if let runDate {
            for r in s.confirmedRows + s.rejectedRows where r.provenance.asOf.isAfter(runDate) {
                diags.append(Diagnostic(code: "setting.confirmed-future", file: file, line: headerLine, field: r.rowID,
                    "reviewed on \(r.provenance.asOf), after the run date \(runDate)"))
            }
        }
        for (a, b) in Field.pairs {
            if let pa = s.provenance[a.rawValue], let pb = s.provenance[b.rawValue], pa != pb {
                diags.append(Diagnostic(code: "setting.pair-provenance", file: file, line: line(b.rawValue), field: b.rawValue,
                    "\(a.rawValue) and \(b.rawValue) go together and must have the same provenance ([\(pa)] and [\(pb)])"))
            }
        }
        for (key, l) in declared.sorted(by: { $0.value < $1.value }) where !used.contains(key) {
            diags.append(Diagnostic(code: "setting.source-unused", file: file, line: l, field: "source",
                                    "source '\(key)' is declared but no fact uses it", level: .warning))
        }
        if s.s41Approved != nil, let kv = values[.s41Approved] {
            switch s.type {
            case .independentSpecial, .post16, .unknown: break
            default:
                diags.append(Diagnostic(code: "setting.s41-type", file: file, line: kv.line, field: kv.key,
                    "s41 approval applies to independent special schools and special post-16 institutions; this setting's type is \(s.type.rawValue)",
                    level: .warning))
            }
        }
    }
}

extension Setting {
    /// The setting's `source:` lines read as declarations, by key (lines that are not declarations — an
    /// `atl-setting/1` file's free text — are left out).
    public var sourceDeclarations: [String: SourceDeclaration] {
        var out: [String: SourceDeclaration] = [:]
        for line in sources {
            if let d = try? SourceDeclaration.parse(line), out[d.key] == nil { out[d.key] = d }
        }
        return out
    }

    /// The precedence class of a fact: `officer` when an officer entered or confirmed it, else its source's
    /// declared class; nil when the fact has no provenance or its source is not declared.
    public func sourceClass(of field: String) -> SourceClass? {
        guard let p = provenance[field] else { return nil }
        if p.isVouchedByOfficer { return .officer }
        return sourceDeclarations[p.source]?.sourceClass
    }
}
