import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import ATLSynthetic
import ATLRender
import Foundation

/// `atl index`: compiles a catalogue folder into a binary snapshot that `list`, `why` and `batch` load with
/// `--index` instead of re-parsing every setting file.
enum IndexCommand {
    static let spec = CommandSpec(
        name: "index",
        abstract: "Compile a catalogue into a binary index snapshot for fast loading (--index FILE).",
        discussion: """
            Parses and validates every setting file, compiles the scoring index (with the report evidence scores)
            and writes one binary file holding the index and the settings, with a format version, the engine
            version, the catalogue's content hash and a checksum. Commands given --index FILE load it instead of
            the text files; a snapshot is refused (exit 2) if it is corrupt or truncated, was written by another
            engine version, or the catalogue folder has changed since it was built. The snapshot must be written
            outside the catalogue folder (never over a *.setting.md file). See docs/performance.md.
            """,
        options: [CommonOptions.catalogue,
                  .value("output", "file", "Where to write the snapshot (e.g. national.atlidx)", required: true)]
    ) { args, console in
        let root = args.value("catalogue")!
        let out = try args.required("output")
        try refuseOutputInCatalogue(out, root: root)
        let snapshot = try build(root: root, console: console)
        try snapshot.write(to: out)
        let size = (try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int) ?? 0
        console.errLine("index of \(snapshot.index.count) settings written to \(out) (\(size) bytes, catalogue \(snapshot.catalogue.contentHash.prefix(12)))")
        return 0
    }

    /// Refuses (exit 1) a snapshot path inside the catalogue folder, which would overwrite a setting file or be
    /// read back as part of the catalogue, and any `*.setting.md` path (tester 2, finding 4).
    static func refuseOutputInCatalogue(_ out: String, root: String) throws {
        if out.lowercased().hasSuffix(SettingFile.fileSuffix) {
            throw CLIError.usage("--output \(out) is a setting file (*\(SettingFile.fileSuffix)); writing the snapshot there would destroy it")
        }
        func resolved(_ path: String) -> String {
            URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        }
        let dir = resolved(root)
        let outURL = URL(fileURLWithPath: out).standardizedFileURL
        let target = resolved(outURL.deletingLastPathComponent().path) + "/" + outURL.lastPathComponent
        if target == dir || target.hasPrefix(dir.hasSuffix("/") ? dir : dir + "/") {
            throw CLIError.usage("--output \(out) is inside the catalogue folder \(root); write the snapshot outside it (a file there could overwrite a setting file or be read back as part of the catalogue)")
        }
    }

    /// Loads, validates and compiles a catalogue folder into a snapshot (fingerprint taken before loading, so a
    /// file edited during the build makes the snapshot stale rather than silently wrong).
    static func build(root: String, console: Console) throws -> IndexSnapshot {
        let fingerprint = try CatalogueFingerprint.scan(root: root, hashing: true)
        let catalogue = try CommandSupport.loadCatalogue(root, console: console)
        return IndexSnapshot(catalogue: catalogue, index: CompiledIndex(catalogue), engineVersion: ATL.version,
                             fingerprint: fingerprint)
    }
}
