import ATLModel
import ATLData
import Foundation

/// `atl migrate`: a thin shell over ``CatalogueMigration``.
enum MigrateCommand {
    static let spec = CommandSpec(
        name: "migrate",
        abstract: "Rewrite a catalogue's atl-setting/1 files as atl-setting/2 (facts with provenance).",
        discussion: """
            Gives each fact of an atl-setting/1 file the provenance its source line names (schools file → schools and
            ofsted-mi, GIAS extract → gias-extract, anything hand-written → legacy, officer class, undated) and writes
            the file as atl-setting/2. Only the header changes; report sections are kept byte for byte. Files already
            atl-setting/2 are left as they are. See docs/catalogue-format.md.
            """,
        options: [.value("catalogue", "dir", "Catalogue folder", required: true)]
    ) { args, console in
        let r = try CatalogueMigration.run(root: args.value("catalogue")!)
        console.line("\(r.migrated) files written as atl-setting/2, \(r.unchanged) unchanged")
        return 0
    }
}
