import ATLModel
import Foundation

/// One row of a `sen-facts` file, read against the catalogue: the facts it gives, and whether they are applied.
///
/// A row's facts are applied only when its URN match is certain (`docs/sen-facts.md`, "Match rules"): the URN
/// is in the source, a DfE-number join through the 2019 census, or an exact name match the file marks. Every
/// other row keeps its candidate facts (so `atl confirm --row` can write them once an officer confirms) and a
/// reason, and goes to the to-confirm report.
public struct SENFactsRow: Sendable, Hashable {
    /// Stable ID: the source key and the first 8 hex digits of SHA-256 over the row's cells.
    public var id: String
    public var source: String
    public var file: String
    public var line: Int
    /// The row's local authority as published (normalised to the catalogue's short names).
    public var la: String
    public var publishedName: String
    /// The setting(s) the row may be about (from the source's URN cells), in the catalogue or not.
    public var candidateURNs: [Int]
    /// The facts the row gives one setting (empty when it is not about one setting, e.g. a hub of another).
    public var facts: [IncomingFact]
    /// The source declaration the facts cite (per row for web pages: the page's address).
    public var declaration: SourceDeclaration
    /// The setting the facts are applied to, when the match is certain; nil when the row is to be confirmed.
    public var appliedTo: Int?
    /// Why the row is not applied (nil when applied).
    public var why: String?
    /// The candidate facts in words, for the to-confirm report.
    public var summary: String
    public var asOf: AsOfDate
    public var url: String?
    /// Listed for the officer only when the candidate setting's type is still not known after the import
    /// (the census "Independent school" type, which alone cannot say independent or independent special).
    public var onlyIfUntyped = false
}

/// The result of reading the `sen-facts` folder.
public struct SENFactsReading: Sendable {
    public var rows: [SENFactsRow]
    /// Values not in a mapping table, malformed cells, missing columns (warnings: the cell gives nothing).
    public var warnings: [Diagnostic]
    /// Data rows read per file.
    public var rowsRead: [String: Int]
}

/// Reads the ten `sen-facts` files (`provision-catalogue/sources/sen-facts`) into rows with their facts.
public enum SENFactsReader {
    /// The files, in reading order.
    public enum File {
        public static let gias2016 = "gias-establishment-types-2016-11.csv"
        public static let census2019 = "dfe-school-census-2019-01.csv"
        public static let sen2023 = "dfe-sen-school-totals-2023-01.csv"
        public static let s41England = "dfe-s41-approved-2022-03-england.csv"
        public static let s41 = "dfe-s41-approved-2022-03.csv"
        public static let notS41England = "dfe-independent-special-not-s41-2022-03-england.csv"
        public static let notS41 = "dfe-independent-special-not-s41-2022-03.csv"
        public static let special2025 = "dfe-sen-special-schools-2025-01.csv"
        public static let localOffer = "local-offer-specialist-provision.csv"
        public static let reportLinks = "sen-information-report-links.csv"
        public static let all = [gias2016, census2019, sen2023, s41England, s41, notS41England, notS41, special2025,
                                 localOffer, reportLinks]
    }

    /// The source keys this importer writes; `local-offer-2`, `report-link-2`, … are the same sources.
    public static let keys = ["gias-2016", "census-2019", "sen-2023", "s41-2022", "not-s41-2022", "special-2025",
                              "local-offer", "report-link"]

    /// True for a key this importer owns (its facts it no longer gives are removed on re-import).
    public static func ownsKey(_ key: String) -> Bool {
        keys.contains(key) || key.hasPrefix("local-offer-") || key.hasPrefix("report-link-")
    }

    /// The fixed declarations of the DfE sources.
    public static let declarations: [String: SourceDeclaration] = [
        "gias-2016": SourceDeclaration(key: "gias-2016", sourceClass: .public, shortName: "GIAS",
            detail: "GIAS type of establishment, Nov 2016 (sen-facts/\(File.gias2016); GitHub symroe/school-eng-data@baeb09d)"),
        "census-2019": SourceDeclaration(key: "census-2019", sourceClass: .public, shortName: "DfE school census",
            detail: "DfE performance tables school census, Jan 2019 (sen-facts/\(File.census2019); GitHub KSPDeveloper/Data-Science-Files@3ce41fb)"),
        "sen-2023": SourceDeclaration(key: "sen-2023", sourceClass: .public, shortName: "DfE SEN in England",
            detail: "Special educational needs in England, school level, Jan 2023 (sen-facts/\(File.sen2023); GitHub nytlondonmet/nyt-dashboard@d0f4725); matched by exact name in the LA"),
        "s41-2022": SourceDeclaration(key: "s41-2022", sourceClass: .public, shortName: "DfE s41 list",
            detail: "Independent special schools and special post-16 institutions approved under s41 Children and Families Act 2014, 22 Mar 2022 (sen-facts/\(File.s41England); DfE list via GitHub PJSalter/data-extraction-for-the-peoples-newsroom-of-TBIJ@3ae01d5)"),
        "not-s41-2022": SourceDeclaration(key: "not-s41-2022", sourceClass: .public, shortName: "DfE independent special schools list",
            detail: "Independent and non-maintained special schools not approved under s41, Mar 2022 (sen-facts/\(File.notS41England); same repository)"),
        "special-2025": SourceDeclaration(key: "special-2025", sourceClass: .public, shortName: "DfE SEN in England",
            detail: "Special educational needs in England 2024/25, special schools (sen-facts/\(File.special2025); GitHub rraazzaakk/-send-school-finder@398db4a)"),
    ]

    static let asOf: [String: AsOfDate] = [
        "gias-2016": .month(2016, 11), "census-2019": .month(2019, 1), "sen-2023": .month(2023, 1),
        "s41-2022": .day(2022, 3, 22), "not-s41-2022": .month(2022, 3), "special-2025": .month(2025, 1),
    ]

    /// Reads every file in `folder` against the catalogue's settings (by URN). Throws when a file or a
    /// required column is missing or a file is not valid CSV; values not in the mapping tables are warnings.
    public static func read(folder: String, settings: [Int: Setting]) throws(ATLError) -> SENFactsReading {
        var r = Reading(folder: folder, settings: settings)
        try r.run()
        return SENFactsReading(rows: r.rows, warnings: r.warnings.sorted(), rowsRead: r.rowsRead)
    }

    /// The LA names the catalogue's short names, for grouping the report.
    public static func shortLAName(_ s: String) -> String {
        switch s {
        case "Herefordshire, County of": "Herefordshire"
        case "Stoke on Trent": "Stoke-on-Trent"
        case "Telford & Wrekin": "Telford and Wrekin"
        default: s
        }
    }

    /// The source's row ID: key and 8 hex digits of SHA-256 over the cells joined by U+001F.
    public static func rowID(_ key: String, _ cells: [String]) -> String {
        "\(key):" + SHA256.hex(cells.joined(separator: "\u{1F}")).prefix(8)
    }

    /// An Excel date serial as `YYYY-MM-DD` (day 0 = 1899-12-30, the convention the DfE spreadsheet uses).
    public static func excelSerialDate(_ serial: Int) -> String {
        // Days since 1970-01-01, then the civil calendar (H. Hinnant's algorithm).
        let z = serial - 25569 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func p(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(p(m))-\(p(d))"
    }
}

// MARK: - Reading

/// A CSV file read whole: its header and records.
struct SENTable {
    let file: String
    let header: CSVHeader
    let records: [CSVRecord]

    func cell(_ name: String, _ r: CSVRecord) -> String { header.value(name, in: r) ?? "" }
}

private struct Reading {
    let folder: String
    let settings: [Int: Setting]
    var rows: [SENFactsRow] = []
    var warnings: [Diagnostic] = []
    var rowsRead: [String: Int] = [:]
    /// Census (LA, ESTAB) → URN, over every census row: the join for the DfE lists keyed by DfE number.
    var laestab: [String: Int] = [:]

    init(folder: String, settings: [Int: Setting]) {
        self.folder = folder
        self.settings = settings
    }

    mutating func run() throws(ATLError) {
        var missing: [Diagnostic] = []
        for f in SENFactsReader.File.all where !FileManager.default.fileExists(atPath: folder + "/" + f) {
            missing.append(Diagnostic(code: "sen-facts.file-missing", file: folder + "/" + f, "file not found in the sources folder"))
        }
        if !missing.isEmpty { throw ATLError(missing) }
        try gias2016()
        try census2019()
        try sen2023()
        try lists2022()
        try special2025()
        try localOffer()
        try reportLinks()
    }

    mutating func table(_ name: String, required: [String]) throws(ATLError) -> SENTable {
        let path = folder + "/" + name
        var reader = try CSVReader.open(path: path)
        guard let h = try reader.next() else {
            throw ATLError(code: "sen-facts.file-empty", file: path, line: 1, "the file is empty")
        }
        let header = CSVHeader(h, file: path)
        let missing = header.missing(required)
        if !missing.isEmpty { throw ATLError(missing) }
        var records: [CSVRecord] = []
        while let r = try reader.next() {
            if r.fields.count == 1 && r.fields[0].isEmpty { continue }
            if let d = header.checkWidth(r) { warnings.append(d.asWarning); continue }
            records.append(r)
        }
        rowsRead[name] = records.count
        return SENTable(file: path, header: header, records: records)
    }

    func inCatalogue(_ urn: Int?) -> Bool { urn.map { settings[$0] != nil } ?? false }

    mutating func unmapped(_ t: SENTable, _ r: CSVRecord, column: String, value: String) {
        warnings.append(Diagnostic(code: "sen-facts.unmapped-value", file: t.file, line: r.line, field: column,
            "\(Diagnostic.quote(value)) is not in the mapping table: nothing is taken from this cell and the row goes to the to-confirm report",
            level: .warning))
    }

    func make(_ key: String, _ t: SENTable, _ r: CSVRecord, la: String, name: String, candidates: [Int],
              facts: [IncomingFact], declaration: SourceDeclaration? = nil, applied: Int?, why: String?,
              summary: String, url: String? = nil, asOf: AsOfDate? = nil) -> SENFactsRow {
        SENFactsRow(id: SENFactsReader.rowID(key, r.fields), source: key, file: t.file, line: r.line,
                    la: SENFactsReader.shortLAName(la), publishedName: name, candidateURNs: candidates,
                    facts: facts, declaration: declaration ?? SENFactsReader.declarations[key]!,
                    appliedTo: applied, why: why, summary: summary,
                    asOf: asOf ?? SENFactsReader.asOf[key] ?? .undated, url: url)
    }

    func laName(_ urn: Int) -> String { settings[urn]?.localAuthority.map { SENFactsReader.shortLAName($0.name) } ?? "" }

    // MARK: GIAS 2016 types (URN in the source)

    mutating func gias2016() throws(ATLError) {
        let key = "gias-2016"
        let t = try table(SENFactsReader.File.gias2016, required: ["urn", "establishment_type"])
        let asOf = SENFactsReader.asOf[key]!
        for r in t.records {
            let urn = Int(t.cell("urn", r))
            let type = t.cell("establishment_type", r)
            var facts = [IncomingFact(.giasType, type, FactProvenance(source: key, asOf: asOf))]
            var why: String?
            switch SettingType.giasGroup(type) {
            case .placed(let g): facts.append(IncomingFact(.type, g.rawValue, FactProvenance(source: key, asOf: asOf)))
            case .notPlaced: break
            case .unknownName:
                unmapped(t, r, column: "establishment_type", value: type)
                facts = []
                why = "type of establishment not in the mapping table"
            }
            if why == nil && !inCatalogue(urn) { why = "URN not in the catalogue" }
            rows.append(make(key, t, r, la: urn.map(laName) ?? "", name: type, candidates: urn.map { [$0] } ?? [],
                             facts: facts, applied: why == nil ? urn : nil, why: why, summary: "type of establishment: \(type)"))
        }
    }

    // MARK: Census 2019 (URN in the source)

    mutating func census2019() throws(ATLError) {
        let key = "census-2019"
        let t = try table(SENFactsReader.File.census2019, required: ["URN", "LA", "ESTAB", "SCHOOLTYPE", "NOR", "TSENELSE", "TSENELK"])
        let p = FactProvenance(source: key, asOf: SENFactsReader.asOf[key]!)
        for r in t.records {
            let la = t.cell("LA", r), estab = t.cell("ESTAB", r)
            guard let urn = Int(t.cell("URN", r)) else { continue }
            if la.count == 3, let e = Int(estab), (0...9999).contains(e), Int(la) != nil {
                laestab[la + "/" + pad4(e)] = urn
            }
            // Rows of schools not in the catalogue (closed, or in another LA) give nothing and are not listed.
            guard let s = settings[urn] else { continue }
            var facts: [IncomingFact] = []
            var onlyIfUntyped = false
            var why: String?
            let st = t.cell("SCHOOLTYPE", r)
            switch SENFactsMappings.censusType[st] {
            case .group(let g)?: facts.append(IncomingFact(.type, g.rawValue, p))
            case .secondaryByPhase?:
                if let g = SENFactsMappings.secondaryGroup(phase: s.phase) {
                    facts.append(IncomingFact(.type, g.rawValue, p))
                } else {
                    onlyIfUntyped = true
                    why = "'State-funded secondary' with phase '\(s.phase?.rawValue ?? "unknown")' may be a 16-19 academy or a mainstream school"
                }
            case .ambiguous?:
                onlyIfUntyped = true
                why = "'Independent school' covers independent special schools too; no other source types it"
            case nil:
                unmapped(t, r, column: "SCHOOLTYPE", value: st)
                onlyIfUntyped = true
                why = "school type not in the mapping table"
            }
            if la.count == 3, Int(la) != nil, let e = Int(estab), (0...9999).contains(e) {
                facts.append(IncomingFact(.dfeNumber, la + "/" + pad4(e), p))
            }
            if let nor = Int(t.cell("NOR", r)) {
                for (col, field) in [("TSENELSE", SettingFile.Field.pupilsWithEHCP), ("TSENELK", .pupilsOnSENSupport)] {
                    if let n = Int(t.cell(col, r)), n >= 0, n <= nor {
                        facts.append(IncomingFact(field, "\(n) of \(nor)", p))
                    }
                }
            }
            var row = make(key, t, r, la: laName(urn), name: s.name, candidates: [urn], facts: facts, applied: urn, why: nil,
                           summary: "type: \(st)")
            rows.append(row)
            if onlyIfUntyped {
                // The row's other facts are applied; its type is listed for the officer if nothing else types it.
                row.id = SENFactsReader.rowID(key, r.fields + ["type"])
                row.facts = []
                row.appliedTo = nil
                row.why = why
                row.onlyIfUntyped = true
                rows.append(row)
            }
        }
    }

    func pad4(_ n: Int) -> String { String(repeating: "0", count: max(0, 4 - String(n).count)) + String(n) }

    // MARK: SEN in England 2023 (exact name in the same LA)

    mutating func sen2023() throws(ATLError) {
        let key = "sen-2023"
        let urnCol = "matched_urn_in_schools_west_midlands (derived)", methodCol = "match_method (derived)"
        let t = try table(SENFactsReader.File.sen2023, required: ["la_name", "school_name", "Total pupils", "SEN support", "EHC plan", urnCol, methodCol])
        let p = FactProvenance(source: key, asOf: SENFactsReader.asOf[key]!)
        for r in t.records {
            let name = t.cell("school_name", r)
            let urn = Int(t.cell(urnCol, r))
            var facts: [IncomingFact] = []
            if let total = Int(t.cell("Total pupils", r)) {
                if let n = Int(t.cell("EHC plan", r)), n >= 0, n <= total { facts.append(IncomingFact(.pupilsWithEHCP, "\(n) of \(total)", p)) }
                if let n = Int(t.cell("SEN support", r)), n >= 0, n <= total { facts.append(IncomingFact(.pupilsOnSENSupport, "\(n) of \(total)", p)) }
            }
            let summary = "\(t.cell("EHC plan", r)) of \(t.cell("Total pupils", r)) with an EHC plan; \(t.cell("SEN support", r)) on SEN support"
            let certain = t.cell(methodCol, r) == "exact_name_same_LA" && inCatalogue(urn)
            rows.append(make(key, t, r, la: t.cell("la_name", r), name: name, candidates: urn.map { [$0] } ?? [], facts: facts,
                             applied: certain ? urn : nil,
                             why: certain ? nil : "no URN in the source and no unique exact name match in the same LA", summary: summary))
        }
    }

    // MARK: Section 41 lists (DfE number join, or exact name in the same LA)

    mutating func lists2022() throws(ATLError) {
        let f = SENFactsReader.File.self
        try list(key: "s41-2022", england: f.s41England, local: f.s41,
                 ref: { t, r in t.cell("GIAS_reference", r) },
                 name: { t, r in t.cell("institution_trading_name", r) },
                 kind: { t, r in t.cell("institution_type", r) },
                 required: ["GIAS_reference", "local_authority", "institution_trading_name", "institution_type",
                            "date_approved_s41_excel_serial", "date_approved_s41_iso (derived)"])
        try list(key: "not-s41-2022", england: f.notS41England, local: f.notS41,
                 ref: { t, r in "\(t.cell("GIAS_reference_la_code", r))/\(t.cell("establishment_number", r))" },
                 name: { t, r in t.cell("school_name", r) },
                 kind: { t, r in t.cell("independent_or_non_maintained_special_school", r) },
                 required: ["GIAS_reference_la_code", "establishment_number", "local_authority", "school_name",
                            "independent_or_non_maintained_special_school", "section41_approval"])
    }

    mutating func list(key: String, england: String, local: String,
                       ref: (SENTable, CSVRecord) -> String, name: (SENTable, CSVRecord) -> String,
                       kind: (SENTable, CSVRecord) -> String, required: [String]) throws(ATLError) {
        let p = FactProvenance(source: key, asOf: SENFactsReader.asOf[key]!)
        func facts(_ t: SENTable, _ r: CSVRecord) -> (facts: [IncomingFact], summary: String)? {
            let k = kind(t, r)
            guard let group = SENFactsMappings.listType[k] else { return nil }
            var out = [IncomingFact(.type, group.rawValue, p)]
            var summary = "type \(group.rawValue)"
            if key == "s41-2022" {
                out.append(IncomingFact(.s41Approved, "yes", p))
                let iso = t.cell("date_approved_s41_iso (derived)", r)
                if let serial = Int(t.cell("date_approved_s41_excel_serial", r)) {
                    let day = SENFactsReader.excelSerialDate(serial)
                    if !iso.isEmpty && iso != day {
                        warnings.append(Diagnostic(code: "sen-facts.s41-date", file: t.file, line: r.line, field: "date_approved_s41_iso (derived)",
                            "the derived date \(iso) differs from the Excel serial \(serial) (\(day)); the serial is used", level: .warning))
                    }
                    out.append(IncomingFact(.s41ApprovedSince, day, p))
                    summary += "; s41 approved since \(day)"
                } else {
                    summary += "; s41 approved"
                }
            } else if t.cell("section41_approval", r) == "No" {
                out.append(IncomingFact(.s41Approved, "no", p))
                summary += "; not s41-approved"
            }
            return (out, summary)
        }
        // The DfE-number join over the England file finds institutions filed under a neighbouring LA's number.
        let eng = try table(england, required: required)
        var seen = Set<String>()
        for r in eng.records {
            let dfe = ref(eng, r)
            guard let urn = laestab[dfe], settings[urn] != nil else { continue }
            guard let (fs, summary) = facts(eng, r) else { unmapped(eng, r, column: "type", value: kind(eng, r)); continue }
            seen.insert(dfe + "\u{1F}" + name(eng, r))
            rows.append(make(key, eng, r, la: laName(urn), name: name(eng, r), candidates: [urn], facts: fs, applied: urn,
                             why: nil, summary: summary + " (DfE number \(dfe))"))
        }
        let urnCol = "matched_urn_in_schools_west_midlands (derived)", methodCol = "match_method (derived)"
        let t = try table(local, required: required + [urnCol, methodCol])
        for r in t.records {
            let dfe = ref(t, r)
            if seen.contains(dfe + "\u{1F}" + name(t, r)) { continue }
            let urn = Int(t.cell(urnCol, r))
            let method = t.cell(methodCol, r)
            let la = t.cell("local_authority", r)
            guard let (fs, summary) = facts(t, r) else {
                unmapped(t, r, column: "type", value: kind(t, r))
                rows.append(make(key, t, r, la: la, name: name(t, r), candidates: urn.map { [$0] } ?? [], facts: [], applied: nil,
                                 why: "institution type not in the mapping table", summary: kind(t, r)))
                continue
            }
            let certain = method == "exact_name_same_LA" && inCatalogue(urn)
            var why: String?
            if !certain {
                let via = Int(t.cell("urn_via_laestab_2019 (derived)", r))
                if method == "exact_name_other_LA_in_list", let u = urn {
                    why = "exact name, but the catalogue files URN \(u) under \(laName(u).isEmpty ? "another LA" : laName(u)), not \(SENFactsReader.shortLAName(la)) (DfE number \(dfe) not in the 2019 census)"
                } else if let via {
                    why = "DfE number \(dfe) gives URN \(via) (2019 census), not in the 2026 catalogue: closed or re-registered; no exact name match"
                } else {
                    why = "DfE number \(dfe) not in the 2019 census and no exact name match in the catalogue"
                }
            }
            rows.append(make(key, t, r, la: la, name: name(t, r), candidates: urn.map { [$0] } ?? [], facts: fs,
                             applied: certain ? urn : nil, why: why, summary: summary + " (DfE number \(dfe))"))
        }
    }

    // MARK: Special schools 2024/25 (URN in the source)

    mutating func special2025() throws(ATLError) {
        let key = "special-2025"
        let t = try table(SENFactsReader.File.special2025, required: ["urn", "school_name", "la_name", "type_of_establishment",
                                                                    "total_pupils", "ehc_plan", "sen_support", "sen_unit_flag", "rp_unit_flag"])
        let p = FactProvenance(source: key, asOf: SENFactsReader.asOf[key]!)
        let byName = Dictionary(grouping: settings.values, by: \.name)
        for r in t.records {
            let urn = Int(t.cell("urn", r))
            let type = t.cell("type_of_establishment", r)
            var facts = [IncomingFact(.giasType, type, p)]
            var why: String?
            switch SettingType.giasGroup(type) {
            case .placed(let g): facts.append(IncomingFact(.type, g.rawValue, p))
            case .notPlaced: break
            case .unknownName:
                unmapped(t, r, column: "type_of_establishment", value: type)
                facts = []
                why = "type of establishment not in the mapping table"
            }
            if let total = Int(t.cell("total_pupils", r)) {
                if let n = Int(t.cell("ehc_plan", r)), n >= 0, n <= total { facts.append(IncomingFact(.pupilsWithEHCP, "\(n) of \(total)", p)) }
                if let n = Int(t.cell("sen_support", r)), n >= 0, n <= total { facts.append(IncomingFact(.pupilsOnSENSupport, "\(n) of \(total)", p)) }
            }
            // 1 → a unit is known; 0 → nothing (for a special school 0 means "not applicable", and GIAS's
            // resourced-provision records are known to be incomplete).
            switch (t.cell("sen_unit_flag", r), t.cell("rp_unit_flag", r)) {
            case ("1", "1"): facts.append(IncomingFact(.specialistProvision, SpecialistProvisionKind.both.rawValue, p))
            case ("1", _): facts.append(IncomingFact(.specialistProvision, SpecialistProvisionKind.senUnit.rawValue, p))
            case (_, "1"): facts.append(IncomingFact(.specialistProvision, SpecialistProvisionKind.resourcedProvision.rawValue, p))
            default: break
            }
            let name = t.cell("school_name", r)
            var candidates = urn.map { [$0] } ?? []
            if why == nil && !inCatalogue(urn) {
                let same = (byName[name] ?? []).map(\.urn).sorted()
                candidates = same
                why = "URN \(urn.map(String.init) ?? "?") is not in the 2026 catalogue"
                    + (same.isEmpty ? "" : "; the catalogue has \(same.map(String.init).joined(separator: ", ")) \(name) (a successor URN? the link is not in the data)")
            }
            rows.append(make(key, t, r, la: t.cell("la_name", r), name: name, candidates: candidates, facts: facts,
                             applied: why == nil ? urn : nil, why: why,
                             summary: "type of establishment: \(type); \(t.cell("ehc_plan", r)) of \(t.cell("total_pupils", r)) with an EHC plan"))
        }
    }

    // MARK: Local Offer (exact_name with one URN, about the setting itself)

    mutating func localOffer() throws(ATLError) {
        let key = "local-offer"
        let urnCol = "urn_in_schools_west_midlands (derived)"
        let t = try table(SENFactsReader.File.localOffer, required: ["la", "setting_name_as_published", urnCol, "urn_match", "provision_kind",
                                                                   "age_range", "need_served_as_published", "places_or_size_as_published",
                                                                   "date_context", "source_url"])
        for r in t.records {
            let name = t.cell("setting_name_as_published", r)
            let urls = t.cell("source_url", r).components(separatedBy: " ; ").map { $0.trimmedSpaces }.filter { !$0.isEmpty }
            let la = t.cell("la", r)
            let cell = t.cell(urnCol, r)
            let single = singleURN(cell)
            let candidates = single.map { [$0] } ?? sixDigitNumbers(cell)
            let match = t.cell("urn_match", r)
            var mappingProblem: String?
            let kindText = t.cell("provision_kind", r)
            let wording = t.cell("need_served_as_published", r)
            let dateText = t.cell("date_context", r)
            let kindFound = SENFactsMappings.provisionKind[kindText]
            if kindFound == nil { unmapped(t, r, column: "provision_kind", value: kindText); mappingProblem = "provision kind" }
            let needsFound = SENFactsMappings.needs[wording]
            if needsFound == nil { unmapped(t, r, column: "need_served_as_published", value: wording); mappingProblem = mappingProblem ?? "need wording" }
            let asOfFound = SENFactsMappings.localOfferAsOf[dateText].flatMap(AsOfDate.init(parsing:))
            if asOfFound == nil { unmapped(t, r, column: "date_context", value: dateText); mappingProblem = mappingProblem ?? "date" }
            let host = urls.first.map(hostName) ?? "local offer"
            let decl = SourceDeclaration(key: key, sourceClass: .public, shortName: host,
                                         detail: "\(SENFactsReader.shortLAName(la)): specialist provision as published (\(dateText.isEmpty ? "undated" : dateText)); sen-facts/\(SENFactsReader.File.localOffer)",
                                         urls: urls)
            var summary = ["kind: \(kindText)"]
            if !wording.isEmpty { summary.append("needs as published: \(wording)") }
            if let n = needsFound, !n.codes.isEmpty { summary.append("needs: \(n.codes.map(\.rawValue).joined(separator: ", ")) (\(n.scope.rawValue))") }
            if !t.cell("age_range", r).isEmpty { summary.append("ages: \(t.cell("age_range", r))") }
            if !t.cell("places_or_size_as_published", r).isEmpty { summary.append("places: \(t.cell("places_or_size_as_published", r))") }
            func row(applied: Int?, why: String?, facts: [IncomingFact]) -> SENFactsRow {
                make(key, t, r, la: la, name: name, candidates: candidates, facts: facts, declaration: decl, applied: applied,
                     why: why, summary: summary.joined(separator: "; "), url: urls.first, asOf: asOfFound ?? .undated)
            }
            guard let kind = kindFound, let needs = needsFound, let asOf = asOfFound, mappingProblem == nil else {
                rows.append(row(applied: nil, why: "\(mappingProblem!) not in the mapping table", facts: []))
                continue
            }
            let p = FactProvenance(source: key, asOf: asOf)
            let aboutOne = kind.meaning == .setting || kind.meaning == .satellite
            let facts = aboutOne && single.map({ settings[$0] != nil }) == true ? localOfferFacts(t, r, kind: kind, needs: needs, p) : []
            if kind.meaning == .localAuthority {
                rows.append(row(applied: nil, why: "LA-level figure, not a fact about one setting (kept for sufficiency context)", facts: []))
                continue
            }
            if match != "exact_name" {
                var why: String
                switch match {
                case "probable_name", "probable": why = "probable name match"
                case "host_school_exact_name": why = "a hub hosted by this school (another setting's provision)"
                case "host_school_probable": why = "a hub hosted by this school, probable match"
                case "site_of": why = "a site of the named school, not the school as a whole"
                case "not found": why = "no setting found by name"
                case "": why = "no URN match"
                case "exact": why = "marked 'exact' (a short published name), not 'exact_name'"
                default: why = "match '\(match)' is not certain"
                }
                if kind.meaning == .proposal { why += "; and a proposal, not provision in being" }
                rows.append(row(applied: nil, why: why, facts: facts))
                continue
            }
            guard let urn = single, settings[urn] != nil else {
                rows.append(row(applied: nil, why: "the URN cell names more than one setting or an old URN: the row's facts cannot be given to one setting", facts: []))
                continue
            }
            switch kind.meaning {
            case .proposal:
                rows.append(row(applied: nil, why: "certain match, but a proposal (not confirmed as opened): no fact applied", facts: []))
            case .otherSetting:
                rows.append(row(applied: nil, why: "about a site, satellite or several settings, not this setting as a whole", facts: []))
            default:
                rows.append(row(applied: urn, why: nil, facts: facts))
            }
        }
    }

    /// The facts one Local Offer row gives the setting it is about.
    func localOfferFacts(_ t: SENTable, _ r: CSVRecord, kind: SENFactsMappings.ProvisionKind,
                         needs: SENFactsMappings.NeedMapping, _ p: FactProvenance) -> [IncomingFact] {
        var out: [IncomingFact] = []
        if let g = kind.group { out.append(IncomingFact(.type, g.rawValue, p)) }
        // A post-16 satellite elsewhere: the school's type is known; the satellite's ages and needs are not the school's.
        if kind.meaning == .satellite { return out }
        if let u = kind.provision { out.append(IncomingFact(.specialistProvision, u.rawValue, p)) }
        let wording = t.cell("need_served_as_published", r)
        if !wording.isEmpty { out.append(IncomingFact(.needsAsPublished, wording, p)) }
        if !needs.codes.isEmpty {
            let codes = NeedSet(needs.codes).codes.map(\.rawValue).joined(separator: ", ")
            out.append(IncomingFact(.needs, codes + (needs.scope == .partial ? " (partial)" : ""), p))
        }
        // A resourced provision's ages are the provision's, not the school's.
        if kind.provision == nil, let a = SENFactsMappings.ageRange(t.cell("age_range", r)) {
            out.append(IncomingFact(.ageRange, a.description, p))
        }
        let places = t.cell("places_or_size_as_published", r)
        if !places.isEmpty {
            out.append(IncomingFact(.placesAsPublished, places, p))
            if let n = SENFactsMappings.places[places] { out.append(IncomingFact(.specialistPlaces, String(n), p)) }
            if let n = SENFactsMappings.largestClass[places] { out.append(IncomingFact(.largestClass, String(n), p)) }
        }
        return out
    }

    /// One URN, optionally followed by "(current)…": `151583 (current) / 117062 (in SEN 2024/25 file)` → 151583.
    func singleURN(_ cell: String) -> Int? {
        let digits = cell.prefix { $0.isNumber }
        guard digits.count == 6, let urn = Int(digits) else { return nil }
        let rest = cell.dropFirst(6).trimmedSpaces
        return rest.isEmpty || rest.hasPrefix("(current)") ? urn : nil
    }

    func sixDigitNumbers(_ cell: String) -> [Int] {
        var out: [Int] = []
        var run = ""
        for ch in cell + " " {
            if ch.isNumber { run.append(ch); continue }
            if run.count == 6, let n = Int(run) { out.append(n) }
            run = ""
        }
        return out
    }

    func hostName(_ url: String) -> String {
        var s = Substring(url)
        if let r = s.range(of: "://") { s = s[r.upperBound...] }
        s = s.prefix { $0 != "/" && $0 != "?" }
        return s.hasPrefix("www.") ? String(s.dropFirst(4)) : String(s)
    }

    // MARK: SEN information report links (catalogue name equals the published name)

    mutating func reportLinks() throws(ATLError) {
        let key = "report-link"
        let urnCol = "urn_in_schools_west_midlands (derived)"
        let t = try table(SENFactsReader.File.reportLinks, required: ["la", "school_name", urnCol, "document_kind", "source_url"])
        for r in t.records {
            let name = t.cell("school_name", r)
            let url = t.cell("source_url", r)
            let kindText = t.cell("document_kind", r)
            let urn = Int(t.cell(urnCol, r))
            let p = FactProvenance(source: key, asOf: .undated)
            let decl = SourceDeclaration(key: key, sourceClass: .public, shortName: hostName(url),
                                         detail: "\(name): \(kindText), as found (undated); sen-facts/\(SENFactsReader.File.reportLinks)", urls: [url])
            let facts = [IncomingFact(.senReportLink, url, p), IncomingFact(.senReportKind, kindText, p)]
            let catalogueName = urn.flatMap { settings[$0]?.name }
            let certain = catalogueName.map { SENFactsMappings.foldedName($0) == SENFactsMappings.foldedName(name) } ?? false
            rows.append(make(key, t, r, la: t.cell("la", r), name: name, candidates: urn.map { [$0] } ?? [],
                             facts: inCatalogue(urn) ? facts : [], declaration: decl, applied: certain ? urn : nil,
                             why: certain ? nil : "published name differs from the catalogue's ('\(catalogueName ?? "not in the catalogue")')",
                             summary: "link: \(kindText)", url: url, asOf: .undated))
        }
    }
}

extension Diagnostic {
    var asWarning: Diagnostic {
        var d = self
        d.level = .warning
        return d
    }
}
