import ATLModel
import Foundation

/// One line of the to-confirm report: a candidate fact no importer applied, for an officer to confirm
/// (`atl confirm --row`), enter differently (`--fact`) or reject (`--row --reject`).
public struct ToConfirmRow: Sendable, Hashable {
    /// The source row's ID (`local-offer:9a5865c1`), or `conflict:…` for two sources that disagree.
    public var id: String
    public var la: String
    public var candidateURNs: [Int]
    /// The catalogue's name of each candidate setting ("" for a URN not in the catalogue).
    public var catalogueNames: [String]
    public var publishedName: String
    public var candidateFact: String
    public var source: String
    public var asOf: AsOfDate
    public var url: String?
    public var why: String

    public init(id: String, la: String, candidateURNs: [Int], catalogueNames: [String], publishedName: String,
                candidateFact: String, source: String, asOf: AsOfDate, url: String?, why: String) {
        self.id = id
        self.la = la
        self.candidateURNs = candidateURNs
        self.catalogueNames = catalogueNames
        self.publishedName = publishedName
        self.candidateFact = candidateFact
        self.source = source
        self.asOf = asOf
        self.url = url
        self.why = why
    }
}

/// What an `atl import-sen-facts` run did.
public struct SENFactsImportResult: Sendable {
    /// The catalogue's settings without any fact of the sen-facts sources (officer-confirmed ones kept), and
    /// after the import: coverage before and after. "Before" is computed, not remembered, so a second run (or a
    /// dry run on an imported catalogue) reports the same figures.
    public var before: [Setting]
    public var after: [Setting]
    public var toConfirm: [ToConfirmRow]
    /// Values not in a mapping table and malformed cells (nothing was taken from them).
    public var warnings: [Diagnostic]
    public var rowsRead: [String: Int]
    /// Source rows whose facts were offered to a setting (certain matches).
    public var rowsApplied: Int
    public var updated: [String]
    public var unchanged: Int
}

/// `atl import-sen-facts`: applies the certain facts of the `sen-facts` files to a real catalogue, with the
/// precedence rule of ``FactMerge``, and lists everything else for the officer.
///
/// Every setting file is rewritten as `atl-setting/2` (its v1 facts get ``LegacyProvenance``); only the header
/// changes — the report sections are copied byte for byte. A second run with the same files changes no byte.
public enum SENFactsImport {
    /// Imports the files in `sources` into the catalogue at `root`. With `write` false nothing is written (the
    /// result says what would change).
    public static func run(catalogue root: String, sources: String, write: Bool = true) throws(ATLError) -> SENFactsImportResult {
        let loaded = try CatalogueLoader.load(root: root)
        let cat = loaded.catalogue
        if cat.isFictional || cat.isSynthetic {
            throw ATLError(code: "sen-facts.not-real", file: root, field: cat.isFictional ? "fictional" : "synthetic",
                "this catalogue holds \(cat.isFictional ? "fictional" : "synthetic") settings: real public facts are imported into a real catalogue only")
        }
        let byURN = Dictionary(uniqueKeysWithValues: cat.settings.map { ($0.urn, $0) })
        let reading = try SENFactsReader.read(folder: sources, settings: byURN)

        // Facts and declarations per setting; a second page of one source key for one setting gets `key-2`.
        var incoming: [Int: [IncomingFact]] = [:]
        var decls: [Int: [String: SourceDeclaration]] = [:]
        var applied = 0
        for row in reading.rows {
            guard let urn = row.appliedTo else { continue }
            applied += 1
            var key = row.declaration.key
            var n = 2
            while let d = decls[urn]?[key], d != withKey(row.declaration, key) {
                key = "\(row.declaration.key)-\(n)"
                n += 1
            }
            decls[urn, default: [:]][key] = withKey(row.declaration, key)
            incoming[urn, default: []] += row.facts.map { f in
                var f = f
                f.provenance.source = key
                return f
            }
        }

        var before: [Setting] = []
        var after: [Setting] = []
        var conflicts: [FactConflict] = []
        var updated: [String] = []
        var unchanged = 0
        for s in cat.settings {
            let rel = cat.files[s.urn]!
            let path = root + "/" + rel
            let r = try FactMerge.merge(s, incoming: incoming[s.urn] ?? [], declarations: Array((decls[s.urn] ?? [:]).values),
                                        ownKeys: SENFactsReader.ownsKey, file: path)
            after.append(r.setting)
            before.append(try FactMerge.merge(s, incoming: [], declarations: [], ownKeys: SENFactsReader.ownsKey, file: path).setting)
            conflicts += r.conflicts
            let old = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
            let text = CatalogueWriter.replacingHeader(of: old, with: SettingFile.renderHeader(r.setting)) ?? SettingFile.render(r.setting)
            if text == old { unchanged += 1; continue }
            updated.append(rel)
            if write {
                try OutputFile.write(text, to: path)
            }
        }

        let report = toConfirm(rows: reading.rows, conflicts: conflicts, after: after)
        return SENFactsImportResult(before: before, after: after, toConfirm: report, warnings: reading.warnings,
                                    rowsRead: reading.rowsRead, rowsApplied: applied, updated: updated, unchanged: unchanged)
    }

    static func withKey(_ d: SourceDeclaration, _ key: String) -> SourceDeclaration {
        var d = d
        d.key = key
        return d
    }

    /// The to-confirm report: every source row not applied (except rows an officer already confirmed or
    /// rejected, and census types of settings another source typed), and every conflict the merge kept one
    /// side of. Sorted by LA, source, published name and ID.
    static func toConfirm(rows: [SENFactsRow], conflicts: [FactConflict], after: [Setting]) -> [ToConfirmRow] {
        let byURN = Dictionary(uniqueKeysWithValues: after.map { ($0.urn, $0) })
        let reviewed = Set(after.flatMap { ($0.confirmedRows + $0.rejectedRows).map(\.rowID) })
        var out: [ToConfirmRow] = []
        for row in rows where row.appliedTo == nil && !reviewed.contains(row.id) {
            if row.onlyIfUntyped && !row.candidateURNs.allSatisfy({ byURN[$0]?.type == .unknown }) { continue }
            let la = row.la.isEmpty ? (row.candidateURNs.first.flatMap { byURN[$0]?.localAuthority }.map { SENFactsReader.shortLAName($0.name) } ?? "") : row.la
            out.append(ToConfirmRow(id: row.id, la: la, candidateURNs: row.candidateURNs,
                                    catalogueNames: row.candidateURNs.map { byURN[$0]?.name ?? "" }, publishedName: row.publishedName,
                                    candidateFact: row.summary, source: row.source, asOf: row.asOf, url: row.url, why: row.why ?? ""))
        }
        for c in conflicts {
            guard let s = byURN[c.urn] else { continue }
            let id = SENFactsReader.rowID("conflict", [String(c.urn), c.field.rawValue, c.keptValue, c.kept.description, c.otherValue, c.other.description])
            guard !reviewed.contains(id) else { continue }
            let decl = s.sourceDeclarations[c.other.source]
            let why: String
            switch c.reason {
            case .heldByOfficer: why = "an officer holds '\(c.keptValue)' [\(c.kept)]; \(c.other.source) now says otherwise: check and re-enter with --fact if it changed"
            case .sameAge: why = "two sources of the same age disagree; kept '\(c.keptValue)' [\(c.kept)] by the precedence rule: check which is right"
            }
            out.append(ToConfirmRow(id: id, la: s.localAuthority.map { SENFactsReader.shortLAName($0.name) } ?? "",
                                    candidateURNs: [c.urn], catalogueNames: [s.name], publishedName: s.name,
                                    candidateFact: "\(c.field.rawValue): \(c.otherValue)", source: c.other.source, asOf: c.other.asOf,
                                    url: decl?.urls.first, why: why))
        }
        return out.sorted { ($0.la, $0.source, $0.publishedName, $0.id) < ($1.la, $1.source, $1.publishedName, $1.id) }
    }
}
