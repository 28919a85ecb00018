import ATLModel
import ATLData
import Foundation

/// A catalogue folder written to a temporary directory for one test (one `.setting.md` per setting, in its LA
/// folder, as `atl import-gias` lays them out), removed afterwards. Files next to the catalogue (outputs,
/// profiles) go in the same temporary directory through `file(_:)`.
public final class TempCatalogue: @unchecked Sendable {
    public let root: URL

    public init(_ settings: [Setting], name: String = "test-catalogue") throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("atl-catalogue-\(UUID().uuidString)")
        root = base.appendingPathComponent(name)
        for s in settings {
            let folder = root.appendingPathComponent(CatalogueWriter.laFolder(s.localAuthority))
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(SettingFile.render(s).utf8).write(to: folder.appendingPathComponent(SettingFile.fileName(for: s)))
        }
    }

    public var path: String { root.path }

    /// A path beside the catalogue folder, inside the same temporary directory.
    public func file(_ rel: String) -> URL { root.deletingLastPathComponent().appendingPathComponent(rel) }

    deinit { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
}
