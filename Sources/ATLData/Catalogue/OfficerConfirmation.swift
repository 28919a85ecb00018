import ATLModel
import Foundation

/// `atl confirm`: an LA officer's word on one setting, written into its file with the day and the officer's
/// ID (a role or staff reference, never a name). Only the header changes; the report sections are kept byte
/// for byte. Facts written this way are class `officer`: no import overwrites them.
public enum OfficerConfirmation {
    /// One fact an officer enters: a field and its value ("" = checked and not known).
    public struct Entry: Sendable, Hashable {
        public var field: SettingFile.Field
        public var value: String
        public init(_ field: SettingFile.Field, _ value: String) {
            self.field = field
            self.value = value
        }
    }

    /// What the officer does.
    public enum Action: Sendable, Hashable {
        /// Enter facts (`--fact FIELD=VALUE`); an empty value records that the fact is not known (removes it).
        case facts([Entry])
        /// Confirm a to-confirm row: its candidate facts, recomputed from the source file, become the officer's.
        case confirmRow(String)
        /// Reject a to-confirm row: it is left out of later reports; no fact changes.
        case rejectRow(String)
    }

    public struct Result: Sendable {
        /// The setting file, relative to the catalogue.
        public var file: String
        /// Header lines removed (`- …`) and added (`+ …`), in order.
        public var changes: [String]
    }

    /// Applies the action to the setting `urn` of the catalogue at `root` on `day` (`YYYY-MM-DD`) by `officer`.
    /// `sources` is the `sen-facts` folder a row is recomputed from.
    public static func apply(_ action: Action, urn: Int, catalogue root: String, officer: String, day: String,
                             sources: String) throws(ATLError) -> Result {
        guard FactProvenance.isValidOfficerID(officer) else {
            throw ATLError(code: "confirm.officer-id", file: root, field: "by",
                           "the officer ID must be a role or staff reference: 2-20 letters, digits and '-' (never a name)")
        }
        guard CalendarDate.parse(day) != nil else {
            throw ATLError(code: "confirm.date", file: root, field: "date", "expected a real date YYYY-MM-DD, got \(Diagnostic.quote(day))")
        }
        let cat = try CatalogueLoader.load(root: root).catalogue
        guard let s = cat.setting(urn: urn), let rel = cat.files[urn] else {
            throw ATLError(code: "confirm.unknown-urn", file: root, field: "urn", "no setting with URN \(urn) in this catalogue")
        }
        let path = root + "/" + rel
        let officerMark = FactProvenance.officer(day: day, by: officer)
        var existing = s
        var incoming: [IncomingFact] = []
        var removing = Set<SettingFile.Field>()
        var decls: [SourceDeclaration] = []
        switch action {
        case .facts(let list):
            guard !list.isEmpty else { throw ATLError(code: "confirm.nothing", file: root, "give at least one --fact FIELD=VALUE") }
            var diags: [Diagnostic] = []
            for entry in list {
                let (field, value) = (entry.field, entry.value)
                guard field.isAttributed, !field.isRepeatable else {
                    diags.append(Diagnostic(code: "confirm.not-an-officer-fact", file: root, field: field.rawValue, "this field is not a fact an officer enters"))
                    continue
                }
                if value.isEmpty { removing.insert(field); continue }
                do throws(ATLError) {
                    var d = SettingDraft()
                    try SettingFile.spec(field).read(KeyValueLine(key: field.rawValue, value: value, line: 0), FieldParser(file: "--fact"), &d)
                    incoming.append(IncomingFact(field, value, officerMark))
                } catch { diags += error.diagnostics }
            }
            if !diags.isEmpty { throw ATLError(diags) }
        case .confirmRow(let id), .rejectRow(let id):
            guard SettingFile.isRowID(id) else {
                throw ATLError(code: "confirm.bad-row-id", file: root, field: "row", "expected a row ID from the to-confirm report, such as local-offer:9a5865c1")
            }
            if case .rejectRow = action {
                existing.rejectedRows.append(ReviewedRow(rowID: id, provenance: officerMark))
                break
            }
            if id.hasPrefix("conflict:") {
                throw ATLError(code: "confirm.conflict-row", file: root, field: "row",
                               "a conflict between two sources: enter the right value with --fact FIELD=VALUE (or --reject the row)")
            }
            let byURN = Dictionary(uniqueKeysWithValues: cat.settings.map { ($0.urn, $0) })
            let reading = try SENFactsReader.read(folder: sources, settings: byURN)
            guard let row = reading.rows.first(where: { $0.id == id }) else {
                throw ATLError(code: "confirm.row-not-found", file: sources, field: "row",
                               "no row \(id) in the source files (a changed row has a new ID: run import-sen-facts for the current report)")
            }
            if !row.candidateURNs.isEmpty && !row.candidateURNs.contains(urn) {
                throw ATLError(code: "confirm.row-other-setting", file: root, field: "urn",
                    "row \(id) is about \(row.candidateURNs.map(String.init).joined(separator: ", ")), not \(urn); enter this setting's facts with --fact")
            }
            guard !row.facts.isEmpty else {
                throw ATLError(code: "confirm.row-no-facts", file: root, field: "row",
                               "row \(id) gives no fact that can be written to one setting; enter the facts with --fact FIELD=VALUE")
            }
            existing.confirmedRows.append(ReviewedRow(rowID: id, provenance: officerMark))
            incoming = row.facts.map { f in
                var f = f
                f.provenance.confirmedOn = day
                f.provenance.confirmedBy = officer
                return f
            }
            if let first = row.facts.first?.provenance.asOf.firstDay, let d = AsOfDate(day: day)?.firstDay, d < first {
                throw ATLError(code: "confirm.date", file: root, field: "date", "the confirmation day \(day) is before the row's as-of date")
            }
            decls = [row.declaration]
        }
        let merged = try FactMerge.merge(existing, incoming: incoming, declarations: decls, ownKeys: { _ in false },
                                         overriding: true, removing: removing, file: path).setting
        let old = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let header = SettingFile.renderHeader(merged)
        let text = CatalogueWriter.replacingHeader(of: old, with: header) ?? SettingFile.render(merged)
        let oldHeader = CatalogueWriter.headerLines(of: old)
        let newHeader = CatalogueWriter.headerLines(of: header)
        var changes = oldHeader.filter { !newHeader.contains($0) }.map { "- " + $0 }
        changes += newHeader.filter { !oldHeader.contains($0) }.map { "+ " + $0 }
        if text != old {
            try OutputFile.write(text, to: path)
        }
        return Result(file: rel, changes: changes)
    }
}

extension CatalogueWriter {
    /// The header lines of a setting file's text (between the `---` lines).
    static func headerLines(of text: String) -> [String] {
        var out: [String] = []
        var inHeader = false
        for line in TextDecoding.lines(text) {
            if TextDecoding.trimSpaces(line) == "---" {
                if inHeader { break }
                inHeader = true
                continue
            }
            if inHeader { out.append(String(line)) }
        }
        return out
    }
}
