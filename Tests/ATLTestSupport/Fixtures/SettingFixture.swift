/// Builders for small setting files (`atl-setting/1` text) used across catalogue tests.
public enum SettingFixture {
    public static let header = """
        ---
        format: atl-setting/1
        urn: 123456
        name: Oakfield Academy
        type: mainstream-resourced
        """

    public static func file(_ extraHeader: String = "", body: String = "") -> String {
        header + (extraHeader.isEmpty ? "" : "\n" + extraHeader) + "\n---\n" + body
    }
}
