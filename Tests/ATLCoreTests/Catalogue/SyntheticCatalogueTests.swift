import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
@testable import ATLPlanning
@testable import ATLSynthetic
import Foundation
import Testing

/// Tester 2 #1: real schools with invented SEN facts (`atl synth-national`) are marked `synthetic: yes`, and a
/// catalogue never mixes them with plain real settings.
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
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("atl-syn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(SettingFixture.file("synthetic: yes").utf8).write(to: root.appendingPathComponent("123456-oakfield.setting.md"))
        let ok = loadCatalogue(root: root.path, threads: 1)
        #expect(ok.catalogue?.isSynthetic == true)
        let other = SettingFixture.file().replacingOccurrences(of: "123456", with: "123457")
        try Data(other.utf8).write(to: root.appendingPathComponent("123457-plain.setting.md"))
        let mixed = loadCatalogue(root: root.path, threads: 1)
        #expect(mixed.catalogue == nil)
        #expect(mixed.diagnostics.contains { $0.field == "synthetic" && $0.message.contains("mixes synthetic") })
    }

    @Test func nationalSynthesisSetsTheFlag() {
        let s = Setting(urn: 100000, name: "The Aldgate School", type: .unknown, phase: .primary,
                        location: GridPoint(easting: 533611, northing: 181147))
        let out = NationalSynthesis.synthesise(s, seed: 1)
        #expect(out.synthetic && NationalSynthesis.isSynthetic(out))
        #expect(Catalogue(settings: [out]).isSynthetic)
        #expect(!NationalSynthesis.isSynthetic(s))
    }

    @Test func listsFromASyntheticCatalogueAreNotAllocatedAgainstARealOne() throws {
        let s = Setting(urn: 100000, name: "The Aldgate School", type: .unknown, phase: .primary,
                        location: GridPoint(easting: 533611, northing: 181147))
        let real = Catalogue(settings: [s]), synthetic = Catalogue(settings: [NationalSynthesis.synthesise(s, seed: 1)])
        let child = ListedChild(reference: "C1", primaryNeed: .ASD, synthetic: true, fictionalCatalogue: false,
                                catalogueHash: nil, file: "b.jsonl", line: 1, entries: [], syntheticCatalogue: true)
        func fields(_ c: ListedChild, _ cat: Catalogue) -> [String] {
            do throws(ATLError) { _ = try AllocationProblem.from(children: [c], unlisted: [], catalogue: cat, seed: 1); return [] }
            catch { return error.diagnostics.compactMap(\.field) }
        }
        #expect(fields(child, real).contains("list.synthetic_catalogue"))
        #expect(!fields(child, synthetic).contains("list.synthetic_catalogue"))
        var plain = child
        plain.syntheticCatalogue = false
        #expect(fields(plain, synthetic).contains("list.synthetic_catalogue"))
        #expect(!fields(plain, real).contains("list.synthetic_catalogue"))
    }
}
