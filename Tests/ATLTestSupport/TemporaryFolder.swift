import Foundation

/// A fresh folder under the system's temporary directory for one test, removed with everything in it when the
/// value is released.
public final class TemporaryFolder: @unchecked Sendable {
    public let url: URL

    /// `prefix` names the folder (`atl-<prefix>-<uuid>`) so a leftover one says which test made it.
    public init(_ prefix: String = "test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("atl-\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public var path: String { url.path }

    /// The path of `name` inside the folder (which need not exist yet).
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `text` to `name` inside the folder, creating subfolders, and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    /// The text of `name` inside the folder. A file that cannot be read gives a marker naming it, never "": two
    /// missing files must not compare equal, and a missing file must not pass for an empty one.
    public func read(_ name: String) -> String {
        (try? String(contentsOfFile: path(name), encoding: .utf8)) ?? "<\(name) could not be read>"
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
