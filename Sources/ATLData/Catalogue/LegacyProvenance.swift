import ATLModel
import Foundation

/// The provenance an `atl-setting/1` file's facts are given when the file is first written as
/// `atl-setting/2` (`atl migrate`, or any import into it). A v1 file says where its facts came from only in
/// free-text `source:` lines; the importers wrote recognisable ones:
///
/// - "Schools file …" (`atl import-schools`): the schools file's fields get key `schools`, as of the first
///   `YYYY-MM-DD` in the line (the GIAS extract date), and `ofsted` gets key `ofsted-mi`, as of the month of
///   "Ofsted MI <Mon> <YYYY>" when the line names one. Class `public`.
/// - "DfE GIAS establishment extract YYYY-MM-DD" (`atl import-gias`): the extract's fields get key
///   `gias-extract`, class `gias-extract`, as of the extract date. A "GIAS status: …" line is kept in its
///   description.
/// - Anything else was written by hand: key `legacy` (`legacy-2`, … for further lines), class `officer`,
///   undated — facts an LA entered before dates were recorded are not overwritten by any public import.
///   A fact no line accounts for (a field added by hand to an imported file) gets `legacy` too.
public enum LegacyProvenance {
    /// The setting with provenance for every fact and its `source:` lines as declarations. A setting that
    /// already has provenance is returned unchanged.
    public static func derive(_ s: Setting) -> Setting {
        guard s.provenance.isEmpty else { return s }
        var decls: [SourceDeclaration] = []
        var schools: (key: String, asOf: AsOfDate)?
        var ofsted: AsOfDate?
        var gias: Int?
        var legacy: [String] = []
        for line in s.sources {
            if line.hasPrefix(SchoolsFileImporter.sourcePrefix), schools == nil {
                let asOf = firstDay(in: line) ?? .undated
                schools = ("schools", asOf)
                ofsted = ofstedMonth(in: line) ?? asOf
                decls.append(SourceDeclaration(key: "schools", sourceClass: .public, shortName: "GIAS (schools file)", detail: line))
                decls.append(SourceDeclaration(key: "ofsted-mi", sourceClass: .public, shortName: "Ofsted",
                                               detail: "Ofsted judgements carried in the schools file (\(ofsted!.text))"))
            } else if line.hasPrefix(GIASImporter.sourceName), gias == nil {
                gias = decls.count
                decls.append(SourceDeclaration(key: "gias-extract", sourceClass: .giasExtract, shortName: "GIAS extract", detail: line))
            } else if line.hasPrefix("GIAS status:"), let g = gias {
                decls[g].detail += "; " + line
            } else {
                let key = legacy.isEmpty ? "legacy" : "legacy-\(legacy.count + 1)"
                legacy.append(key)
                decls.append(SourceDeclaration(key: key, sourceClass: .officer, shortName: "hand-written",
                                               detail: clean(line) + " (atl-setting/1; not dated)"))
            }
        }
        let giasAsOf: AsOfDate = gias.flatMap { firstDay(in: decls[$0].detail) } ?? .undated
        var out = s
        var used = Set<String>()
        for spec in SettingFile.fields where spec.field.isAttributed && !spec.field.isRepeatable {
            let values = spec.write(s)
            guard !values.isEmpty, !(spec.field == .type && s.type == .unknown) else { continue }
            let prov: FactProvenance
            if gias != nil, GIASImporter.ownedFields.contains(spec.field) {
                prov = FactProvenance(source: "gias-extract", asOf: giasAsOf)
            } else if schools != nil, spec.field == .ofsted {
                prov = FactProvenance(source: "ofsted-mi", asOf: ofsted ?? .undated)
            } else if let sc = schools, SchoolsFileImporter.ownedFields.contains(spec.field) {
                prov = FactProvenance(source: sc.key, asOf: sc.asOf)
            } else {
                if legacy.isEmpty {
                    legacy.append("legacy")
                    decls.append(SourceDeclaration(key: "legacy", sourceClass: .officer, shortName: "hand-written",
                                                   detail: "facts written by hand; source not recorded (atl-setting/1; not dated)"))
                }
                prov = FactProvenance(source: legacy[0], asOf: .undated)
            }
            out.provenance[spec.field.rawValue] = prov
            used.insert(prov.source)
        }
        if out.provenance.isEmpty {
            // Nothing but identity: still v2, with the name from the first declared source.
            if let d = decls.first {
                out.provenance[SettingFile.Field.name.rawValue] = FactProvenance(source: d.key, asOf: .undated)
                used.insert(d.key)
            }
        }
        out.sources = decls.filter { used.contains($0.key) }.sorted { $0.key < $1.key }.map(\.description)
        return out
    }

    /// The first real calendar date written `YYYY-MM-DD` in a text.
    static func firstDay(in text: String) -> AsOfDate? {
        let b = Array(text.utf8)
        guard b.count >= 10 else { return nil }
        let digit = { (c: UInt8) in (0x30...0x39).contains(c) }
        for i in 0...(b.count - 10) {
            let w = b[i..<(i + 10)]
            if w.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 ? $0.element == 0x2D : digit($0.element) }),
               (i == 0 || !digit(b[i - 1])), (i + 10 == b.count || !digit(b[i + 10])),
               let d = AsOfDate(day: String(decoding: w, as: UTF8.self)) {
                return d
            }
        }
        return nil
    }

    /// "Ofsted MI Feb 2026" → 2026-02.
    static func ofstedMonth(in text: String) -> AsOfDate? {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard let r = text.range(of: "Ofsted MI ") else { return nil }
        let words = text[r.upperBound...].split(separator: " ", maxSplits: 2)
        guard words.count >= 2, let m = months.firstIndex(of: String(words[0])) else { return nil }
        let year = String(words[1].prefix { $0.isNumber })
        guard year.count == 4, let y = Int(year) else { return nil }
        return AsOfDate(parsing: "\(y)-" + (m < 9 ? "0\(m + 1)" : "\(m + 1)"))
    }

    /// A free-text source line as a declaration's description: no " | " (the declaration separator).
    static func clean(_ line: String) -> String { line.replacingOccurrences(of: " | ", with: " / ") }
}
