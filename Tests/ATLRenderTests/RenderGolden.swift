/// The renderers' golden files live in `Tests/ATLRenderTests/Golden/`; checked with ``Golden`` (ATLTestSupport).
enum RenderGolden {
    static let folder = "Tests/ATLRenderTests/Golden"

    /// The repository-relative path of the golden file `name`.
    static func path(_ name: String) -> String { folder + "/" + name }
}
