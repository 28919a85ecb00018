import ATLTestSupport
@testable import ATLModel
@testable import ATLData
import Foundation
import Testing

@Suite struct CatalogueWriterTests {
    static let la = LocalAuthority(code: 999, name: "Severnvale (fictional example LA)")

    static func files(_ root: String) -> [String] {
        (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(SettingFile.fileSuffix) }.sorted()
    }

    /// Tester #6: real settings are never written into a folder of fictional ones, nor the reverse.
    @Test(arguments: [true, false]) func refusesToMixRealAndFictional(folderIsFictional: Bool) throws {
        let folder = try TemporaryFolder("cw")
        let root = folder.path
        let first = Setting(urn: folderIsFictional ? 9000001 : 100001, name: "First School",
                            fictional: folderIsFictional, localAuthority: Self.la)
        _ = try CatalogueWriter.write([first], into: root, owned: [.name], isOwnSource: { _ in false })
        let before = Self.files(root)
        #expect(before.count == 1)

        let other = Setting(urn: folderIsFictional ? 100002 : 9000002, name: "Other School",
                            fictional: !folderIsFictional, localAuthority: Self.la)
        let same = Setting(urn: folderIsFictional ? 9000003 : 100003, name: "Same Kind School",
                           fictional: folderIsFictional, localAuthority: Self.la)
        #expect(throws: ATLError.self) {
            try CatalogueWriter.write([same, other], into: root, owned: [.name], isOwnSource: { _ in false })
        }
        do {
            _ = try CatalogueWriter.write([other], into: root, owned: [.name], isOwnSource: { _ in false })
        } catch {
            #expect(error.diagnostics.first?.field == "fictional")
            #expect(error.description.contains("never mixed"))
        }
        #expect(Self.files(root) == before, "nothing was written")
        #expect(loadCatalogue(root: root).catalogue != nil, "the folder still loads")

        // The same kind is still welcome.
        let s = try CatalogueWriter.write([same], into: root, owned: [.name], isOwnSource: { _ in false })
        #expect(s.created == 1)
    }
}
