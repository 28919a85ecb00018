import ATLTestSupport
@testable import ATLModel
@testable import ATLData
import Foundation
import Testing

@Suite struct CatalogueLoaderMisnamedFileTests {
    /// Tester #16: a Markdown file that opens like a setting file but is not named *.setting.md is pointed out.
    @Test func misnamedSettingFileIsAWarning() throws {
        let folder = try TemporaryFolder("cl")
        let root = folder.url
        try FileManager.default.createDirectory(at: root.appendingPathComponent("894-x"), withIntermediateDirectories: true)
        try Data(SettingFixture.file().utf8).write(to: root.appendingPathComponent("894-x/123456-oakfield.setting.md"))
        let other = SettingFixture.file().replacingOccurrences(of: "123456", with: "123457")
        try Data(other.utf8).write(to: root.appendingPathComponent("894-x/123457-typo.settings.md"))
        try Data(("\u{FEFF}" + other.replacingOccurrences(of: "\n", with: "\r\n")).utf8)
            .write(to: root.appendingPathComponent("894-x/123458.MD"))
        try Data("# Read me\n\nNot a setting.\n---\nformat: atl-setting/1\n".utf8).write(to: root.appendingPathComponent("README.md"))
        let r = loadCatalogue(root: root.path)
        #expect(r.catalogue?.settings.count == 1)
        let warnings = r.diagnostics.filter { $0.level == .warning }
        #expect(warnings.map { ($0.file as NSString).lastPathComponent } == ["123457-typo.settings.md", "123458.MD"])
        #expect(warnings.allSatisfy { $0.message.contains("*.setting.md") && $0.line == 1 })
    }
}
