import Foundation

/// The package's root folder, found from this file's path, so tests read committed files (the shipped
/// catalogues, examples, golden files) whatever the working directory.
public enum Repository {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The absolute path of a file given relative to the package root, e.g. `provision-catalogue/example-la`.
    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}
