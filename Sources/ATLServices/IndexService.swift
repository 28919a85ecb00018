import ATLModel
import ATLData
import ATLEngine
import Foundation

/// Compiling a catalogue into a binary snapshot (`atl index`) that later runs load instead of parsing every file.
public enum IndexService {
    /// Loads, validates and compiles a catalogue folder (fingerprint taken before loading, so a file edited
    /// during the build makes the snapshot stale rather than silently wrong) and writes the snapshot to `output`,
    /// which must be outside the catalogue folder and not a setting file.
    public static func build(catalogue root: String, output: String, notify: EngineLoader.Notify) throws(ATLError) -> IndexSnapshot {
        try refuseOutputInCatalogue(output, root: root)
        let fingerprint = try CatalogueFingerprint.scan(root: root, hashing: true)
        let catalogue = try CatalogueService.load(root, notify: notify)
        let snapshot = IndexSnapshot(catalogue: catalogue, index: CompiledIndex(catalogue), engineVersion: EngineVersion.current,
                                     fingerprint: fingerprint)
        try snapshot.write(to: output)
        return snapshot
    }

    /// A snapshot path inside the catalogue folder would overwrite a setting file or be read back as part of the
    /// catalogue; a `*.setting.md` path anywhere would destroy a setting file (``OutputPolicy``).
    public static func refuseOutputInCatalogue(_ out: String, root: String) throws(ATLError) {
        try OutputPolicy.check(OutputPlan(outputs: [.init("--output", out)], catalogues: [root]))
    }
}
