import ATLServices
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
        let out = try args.required("output")
        let snapshot = try IndexService.build(catalogue: args.value("catalogue")!, output: out, notify: console.notify)
        let size = (try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int) ?? 0
        console.errLine("index of \(snapshot.index.count) settings written to \(out) (\(size) bytes, catalogue \(snapshot.catalogue.contentHash.prefix(12)))")
        return 0
    }
}
