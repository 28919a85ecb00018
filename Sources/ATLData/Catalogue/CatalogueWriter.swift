import ATLModel
import Foundation

/// Writes imported settings into a catalogue folder, merging with files already there.
///
/// An importer *owns* some header fields (those its source publishes). On re-import, owned fields are
/// replaced by the source's values (a value the source no longer publishes is removed); every other field,
/// every report section and every `source:` line the importer did not write are kept. Writing is
/// idempotent: a second run with the same input changes no byte.
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
    ///   - isOwnSource: recognises the `source:` lines this importer writes (replaced, not duplicated).
    public static func merge(imported: Setting, into existing: Setting, owned: Set<SettingFile.Field>,
                             isOwnSource: (String) -> Bool) -> Setting {
        var s = existing
        for f in owned { copy(f, from: imported, to: &s) }
        let kept = existing.sources.filter { !isOwnSource($0) }
        s.sources = imported.sources.filter(isOwnSource) + kept
        return s
    }

    static func copy(_ f: SettingFile.Field, from a: Setting, to s: inout Setting) {
        SettingFile.spec(f).copy(a, &s)
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
                merged = merge(imported: s, into: old, owned: owned, isOwnSource: isOwnSource)
                rel = path
            } else {
                merged = s
                rel = laFolder(s.localAuthority) + "/" + SettingFile.fileName(for: s)
            }
            let text = SettingFile.render(merged)
            let url = URL(fileURLWithPath: root).appendingPathComponent(rel)
            if let old = FileManager.default.contents(atPath: url.path), old == Data(text.utf8) {
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
