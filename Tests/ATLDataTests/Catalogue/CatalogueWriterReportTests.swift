import ATLTestSupport
@testable import ATLModel
@testable import ATLData
import Foundation
import Testing

/// Writing report sections into a catalogue file (an officer accepting a setting's enhanced report): the sections
/// given replace the file's, the others stay, and the header is kept byte for byte.
@Suite struct CatalogueWriterReportTests {
    @Test func sectionsAreReplacedAndTheHeaderKept() throws {
        let s = MatchFixture.setting(9000001, "Oak School", type: .special, report: [.kindsOfSEN: "Autism.", .complaints: "Write to the head."])
        let cat = try TempCatalogue([s])
        let path = cat.path + "/" + CatalogueWriter.laFolder(s.localAuthority) + "/" + SettingFile.fileName(for: s)
        let before = try String(contentsOfFile: path, encoding: .utf8)
        let written = try CatalogueWriter.writeReport([.therapies: "SaLT on site.\n\nOT weekly.", .kindsOfSEN: "Autism and SLCN."], urn: 9000001, into: cat.path)
        #expect(written.hasSuffix(SettingFile.fileName(for: s)))
        let after = try String(contentsOfFile: path, encoding: .utf8)
        #expect(after.hasPrefix(before.components(separatedBy: "\n---\n")[0] + "\n---\n"))
        let loaded = try CatalogueLoader.load(root: cat.path).catalogue.setting(urn: 9000001)
        #expect(loaded?.report[.kindsOfSEN] == "Autism and SLCN.")
        #expect(loaded?.report[.therapies] == "SaLT on site.\n\nOT weekly.")
        #expect(loaded?.report[.complaints] == "Write to the head.")
    }

    @Test func anUnknownSettingOrABrokenTextWritesNothing() throws {
        let s = MatchFixture.setting(9000001, "Oak School", type: .special)
        let cat = try TempCatalogue([s])
        #expect(throws: ATLError.self) { try CatalogueWriter.writeReport([.therapies: "x"], urn: 9000999, into: cat.path) }
        let path = cat.path + "/" + CatalogueWriter.laFolder(s.localAuthority) + "/" + SettingFile.fileName(for: s)
        let before = try String(contentsOfFile: path, encoding: .utf8)
        #expect(throws: ATLError.self) { try CatalogueWriter.writeReport([.therapies: "## Not a section"], urn: 9000001, into: cat.path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == before)
    }
}
