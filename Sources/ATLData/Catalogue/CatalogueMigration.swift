import ATLModel
import Foundation

/// `atl migrate`: every `atl-setting/1` file of a catalogue rewritten as `atl-setting/2` with the provenance
/// its source lines name (``LegacyProvenance``). Only headers change; report sections are kept byte for byte.
public enum CatalogueMigration {
    public struct Result: Sendable {
        public var migrated = 0
        public var unchanged = 0
    }

    public static func run(root: String) throws(ATLError) -> Result {
        let cat = try CatalogueLoader.load(root: root).catalogue
        var r = Result()
        for s in cat.settings {
            let path = root + "/" + cat.files[s.urn]!
            let migrated = LegacyProvenance.derive(s)
            let old = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
            let text = CatalogueWriter.replacingHeader(of: old, with: SettingFile.renderHeader(migrated)) ?? SettingFile.render(migrated)
            if text == old { r.unchanged += 1; continue }
            try OutputFile.write(text, to: path)
            r.migrated += 1
        }
        return r
    }
}
