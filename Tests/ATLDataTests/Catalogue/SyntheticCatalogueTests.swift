import ATLTestSupport
@testable import ATLModel
@testable import ATLData
import Foundation
import Testing

/// Tester 2 #1: real schools with invented SEN facts (`atl synth-national`) are marked `synthetic: yes`, and a
/// catalogue never mixes them with plain real settings. (The generator setting the flag, and allocation keeping
/// synthetic lists apart: NationalSynthesisTests.)
@Suite struct SyntheticCatalogueTests {
    @Test func syntheticFieldParsesAndRoundTrips() throws {
        let (s, d) = parseSetting({ try SettingFile.parse(text: SettingFixture.file("synthetic: yes"), file: "a.setting.md") })
        #expect(d.isEmpty)
        let setting = try #require(s)
        #expect(setting.synthetic && !setting.fictional)
        let text = SettingFile.render(setting)
        #expect(text.contains("\nsynthetic: yes\n"))
        #expect(text.contains("# SYNTHETIC"))
        #expect(parseSetting({ try SettingFile.parse(text: text, file: "a.setting.md") }).0 == setting)
        // Absent: not synthetic, and the rendered text has no synthetic line (existing files unchanged).
        let plain = try #require(parseSetting({ try SettingFile.parse(text: SettingFixture.file(), file: "a.setting.md") }).0)
        #expect(!plain.synthetic)
        #expect(!SettingFile.render(plain).lowercased().contains("synthetic"))
    }

    @Test func fictionalAndSyntheticTogetherIsAnError() {
        let text = SettingFixture.file("fictional: yes\nsynthetic: yes").replacingOccurrences(of: "123456", with: "9000001")
        let (s, d) = parseSetting({ try SettingFile.parse(text: text, file: "a.setting.md") })
        #expect(s == nil)
        #expect(d.contains { $0.field == "synthetic" && $0.line == 7 && $0.message.contains("not both") })
    }

    @Test func loaderRefusesAMixAndFlagsASyntheticCatalogue() throws {
        let folder = try TemporaryFolder("syn")
        let root = folder.url
        try Data(SettingFixture.file("synthetic: yes").utf8).write(to: root.appendingPathComponent("123456-oakfield.setting.md"))
        let ok = loadCatalogue(root: root.path, threads: 1)
        #expect(ok.catalogue?.isSynthetic == true)
        let other = SettingFixture.file().replacingOccurrences(of: "123456", with: "123457")
        try Data(other.utf8).write(to: root.appendingPathComponent("123457-plain.setting.md"))
        let mixed = loadCatalogue(root: root.path, threads: 1)
        #expect(mixed.catalogue == nil)
        #expect(mixed.diagnostics.contains { $0.field == "synthetic" && $0.message.contains("mixes synthetic") })
    }
}
