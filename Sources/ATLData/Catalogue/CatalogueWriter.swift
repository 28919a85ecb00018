import ATLModel
import Foundation

/// Writes imported settings into a catalogue folder, merging with files already there.
///
/// An importer *owns* some header fields (those its source publishes). Its settings' facts are given their
/// provenance (``LegacyProvenance``: `schools`, `ofsted-mi`, `gias-extract`) and merged fact by fact with the
/// precedence rule of ``FactMerge``: an officer's fact is never overwritten, the GIAS extract outranks public
/// data, newer public data outranks older, and a fact of the importer's own source that it no longer
/// publishes is removed. Files are written as `atl-setting/2`; the report sections of an existing file are
/// copied byte for byte (the header is the only part rewritten). Writing is idempotent: a second run with the
/// same input changes no byte.
public enum CatalogueWriter {
    public struct Summary: Sendable, Equatable {
        public var created = 0
        public var updated = 0
        public var unchanged = 0
        /// URNs already in the catalogue folder that this import did not contain (left as they are).
        public var notInImport: [Int] = []
        public var written: [String] = []
    }

    /// Merges one imported setting into an existing one.
    /// - Parameters:
    ///   - owned: the header fields the importer's source publishes.
    ///   - isOwnSource: recognises the `source:` lines this importer writes (its sources' keys are the run's own).
    public static func merge(imported: Setting, into existing: Setting, owned: Set<SettingFile.Field>,
                             isOwnSource: (String) -> Bool, file: String = "<import>") throws(ATLError) -> Setting {
        let a = LegacyProvenance.derive(imported)
        let decls = a.sourceDeclarations
        let own = Set(decls.keys)
        var incoming: [IncomingFact] = []
        for spec in SettingFile.fields where owned.contains(spec.field) && spec.field.isAttributed {
            for (v, p) in SettingFile.lineValues(spec, a) { if let p { incoming.append(IncomingFact(spec.field, v, p)) } }
        }
        return try FactMerge.merge(existing, incoming: incoming, declarations: Array(decls.values),
                                   ownKeys: { own.contains($0) }, file: file).setting
    }

    static func copy(_ f: SettingFile.Field, from a: Setting, to s: inout Setting) {
        SettingFile.spec(f).copy(a, &s)
    }

    /// The text of a setting file whose header is replaced and whose body (everything after the closing
    /// `---` line) is kept byte for byte; nil when `old` has no header to replace.
    public static func replacingHeader(of old: String, with header: String) -> String? {
        // On UTF-8 code units: in Swift "\r\n" is one Character, so a Character search for "\n" misses CRLF lines.
        let u = Array(old.utf8)
        var i = u.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var sawOpen = false
        while i < u.count {
            var end = i
            while end < u.count && u[end] != 0x0A { end += 1 }
            let line = String(decoding: u[i..<end], as: UTF8.self)
            let trimmed = TextDecoding.trimSpaces(line.hasSuffix("\r") ? String(line.dropLast()) : line)
            if !sawOpen {
                if trimmed == "---" { sawOpen = true } else if !trimmed.isEmpty { return nil }
            } else if trimmed == "---" {
                return header + String(decoding: u[min(end + 1, u.count)...], as: UTF8.self)
            }
            i = end + 1
        }
        return nil
    }

    /// Folder (relative to the catalogue root) for a setting's LA: `894-telford-and-wrekin`, or `unknown-la`.
    public static func laFolder(_ la: LocalAuthority?) -> String {
        guard let la else { return "unknown-la" }
        return "\(la.code)-\(SettingFile.slug(la.name))"
    }

    /// Merges `imported` into the catalogue at `root` (created if missing) and writes changed files only.
    /// Existing files must load cleanly; otherwise nothing is written and their problems are thrown.
    /// Real settings are never written into a folder of fictional ones, nor the reverse (nothing is written).
    public static func write(_ imported: [Setting], into root: String, owned: Set<SettingFile.Field>,
                             isOwnSource: @escaping (String) -> Bool) throws(ATLError) -> Summary {
        var existing: [Int: (Setting, String)] = [:]
        if FileManager.default.fileExists(atPath: root) {
            let paths: [String]
            paths = try CatalogueLoader.settingFiles(root: root)
            if !paths.isEmpty {
                let cat: Catalogue
                do { cat = try CatalogueLoader.load(root: root).catalogue } catch { throw ATLError(error.errors) }
                for s in cat.settings { existing[s.urn] = (s, cat.files[s.urn]!) }
                if let clash = imported.first(where: { $0.fictional != cat.isFictional }),
                   let there = cat.settings.first {
                    let (what, other) = cat.isFictional ? ("fictional", "real") : ("real", "fictional")
                    throw ATLError(Diagnostic(code: "catalogue-write.mixes-fictional-and-real", file: root, field: "fictional",
                        "this catalogue folder holds \(what) settings (e.g. \(cat.files[there.urn] ?? "URN \(there.urn)")) and the import has \(other) ones (e.g. URN \(clash.urn)); real and fictional settings are never mixed, so nothing was written: import into a new folder"))
                }
            }
        }
        var summary = Summary()
        var seen = Set<Int>()
        for s in imported.sorted(by: { $0.urn < $1.urn }) {
            seen.insert(s.urn)
            let merged: Setting
            let rel: String
            if let (old, path) = existing[s.urn] {
                merged = try merge(imported: s, into: old, owned: owned, isOwnSource: isOwnSource, file: root + "/" + path)
                rel = path
            } else {
                merged = LegacyProvenance.derive(s)
                rel = laFolder(s.localAuthority) + "/" + SettingFile.fileName(for: s)
            }
            let url = URL(fileURLWithPath: root).appendingPathComponent(rel)
            let oldBytes = FileManager.default.contents(atPath: url.path)
            let text = oldBytes.flatMap { replacingHeader(of: String(decoding: $0, as: UTF8.self), with: SettingFile.renderHeader(merged)) }
                ?? SettingFile.render(merged)
            if let oldBytes, oldBytes == Data(text.utf8) {
                summary.unchanged += 1
                continue
            }
            // Durable and never half-written (OutputFile); a failure is an output error (exit 3).
            try OutputFile.write(text, to: url.path)
            if existing[s.urn] == nil { summary.created += 1 } else { summary.updated += 1 }
            summary.written.append(rel)
        }
        summary.notInImport = existing.keys.filter { !seen.contains($0) }.sorted()
        return summary
    }
}
