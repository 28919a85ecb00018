import ATLModel

/// One fact a source gives a setting: a header field, its value as the catalogue writes it, and where it came
/// from. Importers produce these; ``FactMerge`` decides whether each one is written.
public struct IncomingFact: Sendable, Hashable {
    public var field: SettingFile.Field
    public var value: String
    public var provenance: FactProvenance
    public init(_ field: SettingFile.Field, _ value: String, _ provenance: FactProvenance) {
        self.field = field
        self.value = value
        self.provenance = provenance
    }
}

/// Two sources disagree about one fact of one setting and the merge kept one of them: the officer checks.
public struct FactConflict: Sendable, Hashable {
    public enum Reason: String, Sendable, Hashable {
        /// The fact is held by an officer (entered or confirmed); a source now says something else.
        case heldByOfficer = "held-by-officer"
        /// Two facts of the same age (overlapping dates) with different values; the better-ranked source kept.
        case sameAge = "same-age"
    }
    public var urn: Int
    public var field: SettingFile.Field
    public var keptValue: String
    public var kept: FactProvenance
    public var otherValue: String
    public var other: FactProvenance
    public var reason: Reason
}

/// The precedence rule of `atl-setting/2` (`docs/catalogue-format.md`, "Precedence"), applied fact by fact:
///
/// 1. An officer's fact (entered or confirmed) is kept; a source that now says otherwise is a conflict.
/// 2. The GIAS extract's fact is kept against every public fact.
/// 3. A fact from the same source key is replaced (the source re-published).
/// 4. A higher class replaces a lower one (the GIAS extract over public data).
/// 5. Among public facts the newer replaces the older; undated is older than any date.
/// 6. Facts of the same age (overlapping dates): the better-ranked source (``sameAgeRank(_:)``: DfE data
///    before web pages, the s41 list before the not-approved list) is kept, and if the values differ the pair
///    is a conflict for the officer.
///
/// Before the incoming facts are applied, a fact of one of the run's own sources that the run no longer
/// gives is removed (the source stopped publishing it), unless an officer vouched for it. The rule depends
/// on the facts, not on the order sources are imported in. The report sections are never touched.
public enum FactMerge {
    public struct Result: Sendable {
        public var setting: Setting
        public var conflicts: [FactConflict]
    }

    /// Merges a source run's facts for one setting.
    /// - Parameters:
    ///   - existing: the setting as it is (an `atl-setting/1` setting gets ``LegacyProvenance`` first).
    ///   - incoming: the facts the run gives this setting (several sources may give the same field).
    ///   - declarations: the run's source declarations (by key) for the keys `incoming` uses.
    ///   - ownKeys: the source keys this run speaks for (their facts it no longer gives are removed).
    ///   - overriding: an officer's entry (`atl confirm`): every incoming fact is written whatever it replaces.
    ///   - removing: fields an officer checked and found not known (`atl confirm --fact FIELD=`): removed.
    public static func merge(_ existing: Setting, incoming: [IncomingFact], declarations: [SourceDeclaration],
                             ownKeys: (String) -> Bool, overriding: Bool = false, removing: Set<SettingFile.Field> = [],
                             file: String) throws(ATLError) -> Result {
        let base = LegacyProvenance.derive(existing)
        var decls = base.sourceDeclarations
        var facts = currentFacts(base)
        var incoming = try incoming.filter { !($0.field == .type && $0.value == SettingType.unknown.rawValue) }
            .map { f throws(ATLError) in try canonical(f, file: file) }

        // A run's declaration replaces the file's one of the same key (the same source, re-published), unless
        // an officer vouched for a fact of that key: then the run's facts take a fresh key, so the confirmed
        // fact keeps pointing at the page it was confirmed from.
        var runDecls: [String: SourceDeclaration] = [:]
        for d in declarations.sorted(by: { $0.key < $1.key }) {
            var d = d
            if let old = decls[d.key], old != d,
               facts.values.contains(where: { $0.provenance.source == d.key && $0.provenance.isVouchedByOfficer }) {
                let original = d.key
                var n = 2
                while let other = decls["\(original)-\(n)"], other != d { n += 1 }
                d.key = "\(original)-\(n)"
                incoming = incoming.map { f in
                    var f = f
                    if f.provenance.source == original { f.provenance.source = d.key }
                    return f
                }
            }
            runDecls[d.key] = d
        }
        for (k, d) in runDecls { decls[k] = d }

        func cls(_ p: FactProvenance) -> SourceClass {
            if p.isVouchedByOfficer { return .officer }
            return decls[p.source]?.sourceClass ?? .public
        }

        // Facts of the run's own sources that the run no longer gives are removed.
        let given = Set(incoming.map { FieldKey(field: $0.field, source: $0.provenance.source) })
        for (field, fact) in facts where ownKeys(fact.provenance.source) && !fact.provenance.isVouchedByOfficer
            && !given.contains(FieldKey(field: field, source: fact.provenance.source)) {
            facts[field] = nil
        }

        for f in removing { facts[f] = nil }
        var conflicts: [FactConflict] = []
        let ordered = incoming.sorted {
            ($0.field.order, sameAgeRank($0.provenance.source), $0.provenance.source, $0.value)
                < ($1.field.order, sameAgeRank($1.provenance.source), $1.provenance.source, $1.value)
        }
        for f in ordered {
            guard let e = facts[f.field], !overriding else {
                facts[f.field] = Fact(value: f.value, provenance: f.provenance)
                continue
            }
            let (ec, fc) = (cls(e.provenance), cls(f.provenance))
            var write: Bool
            if ec == .officer && fc != .officer {
                write = false
                if e.value != f.value {
                    conflicts.append(FactConflict(urn: base.urn, field: f.field, keptValue: e.value, kept: e.provenance,
                                                  otherValue: f.value, other: f.provenance, reason: .heldByOfficer))
                }
            } else if e.provenance.source == f.provenance.source && ec == fc {
                write = true
            } else if fc != ec {
                write = fc > ec
            } else if f.provenance.asOf.isNewer(than: e.provenance.asOf) {
                write = true
            } else if e.provenance.asOf.isNewer(than: f.provenance.asOf) {
                write = false
            } else {
                let fr = (sameAgeRank(f.provenance.source), f.provenance.source)
                let er = (sameAgeRank(e.provenance.source), e.provenance.source)
                write = fr < er
                if e.value != f.value {
                    let (k, o) = write ? (f, Fact(value: e.value, provenance: e.provenance)) : (IncomingFact(f.field, e.value, e.provenance), Fact(value: f.value, provenance: f.provenance))
                    conflicts.append(FactConflict(urn: base.urn, field: f.field, keptValue: k.value, kept: k.provenance,
                                                  otherValue: o.value, other: o.provenance, reason: .sameAge))
                }
            }
            if write { facts[f.field] = Fact(value: f.value, provenance: f.provenance) }
        }

        let header = renderHeader(base, facts: facts, declarations: decls)
        var merged: Setting
        do throws(ATLError) { merged = try SettingFile.parse(text: header, file: file).value } catch {
            throw ATLError(error.diagnostics.map { var d = $0; d.message = "after the merge: " + d.message; return d })
        }
        merged.report = existing.report
        return Result(setting: merged, conflicts: conflicts)
    }

    /// Among public facts of the same age: DfE data before web pages, and the s41 approved list (the
    /// statutory list) before the list of schools not approved. Lower wins; then the key's spelling.
    public static func sameAgeRank(_ key: String) -> Int {
        switch key {
        case "gias-extract": 0
        case "special-2025": 1
        case "s41-2022": 2
        case "not-s41-2022": 3
        case "census-2019", "sen-2023": 4
        case "gias-2016", "schools", "ofsted-mi": 5
        case _ where key.hasPrefix("local-offer"): 7
        case _ where key.hasPrefix("report-link"): 8
        default: 6
        }
    }

    // MARK: Internals

    struct Fact: Sendable, Hashable {
        var value: String
        var provenance: FactProvenance
    }

    struct FieldKey: Hashable {
        var field: SettingFile.Field
        var source: String
    }

    /// The attributed facts a (v2) setting holds, one per field.
    static func currentFacts(_ s: Setting) -> [SettingFile.Field: Fact] {
        var out: [SettingFile.Field: Fact] = [:]
        for spec in SettingFile.fields where spec.field.isAttributed && !spec.field.isRepeatable {
            for (v, p) in SettingFile.lineValues(spec, s) {
                if let p { out[spec.field] = Fact(value: v, provenance: p) }
            }
        }
        return out
    }

    /// The incoming value as the writer would write it (a value that does not parse is an importer's error).
    static func canonical(_ f: IncomingFact, file: String) throws(ATLError) -> IncomingFact {
        let spec = SettingFile.spec(f.field)
        var d = SettingDraft()
        try spec.read(KeyValueLine(key: f.field.rawValue, value: f.value, line: 0), FieldParser(file: file), &d)
        var s = d.setting
        if f.field == .type, let t = d.type { s.type = t }
        if f.field == .name, let n = d.name { s.name = n }
        // Fields read into the draft's composite parts (LA, location) are already as written.
        let written = spec.write(s)
        var out = f
        if written.count == 1 { out.value = written[0] }
        return out
    }

    /// The v2 header for a setting's identity lines, the merged facts and the declarations they use.
    static func renderHeader(_ base: Setting, facts: [SettingFile.Field: Fact], declarations: [String: SourceDeclaration]) -> String {
        var out = "---\n"
        if base.fictional { out += "# FICTIONAL: an invented setting of the example LA, for demonstration only. Not a real school.\n" }
        if base.synthetic { out += "# SYNTHETIC: a real school's identity with invented SEN facts, for benchmarking only. Not facts about this school.\n" }
        let used = Set(facts.values.map(\.provenance).filter { !$0.isOfficerEntry }.map(\.source))
        for spec in SettingFile.fields {
            let f = spec.field
            switch f {
            case .format: out += "format: \(SettingFile.formatTag)\n"
            case .source:
                for key in used.sorted() { if let d = declarations[key] { out += "source: \(d)\n" } }
            case _ where !f.isAttributed || f.isRepeatable:
                for v in spec.write(base) { out += "\(f.rawValue): \(v)\n" }
            default:
                if let fact = facts[f] {
                    let text = "\(f.rawValue): \(fact.value)"
                    out += text + String(repeating: " ", count: max(0, SettingFile.provenanceColumn - text.count)) + "  [\(fact.provenance)]\n"
                } else if f == .type {
                    out += "type: unknown\n"
                }
            }
        }
        return out + "---\n"
    }
}

extension SettingFile.Field {
    /// Position in the canonical order.
    var order: Int { SettingFile.Field.allCases.firstIndex(of: self)! }
}
