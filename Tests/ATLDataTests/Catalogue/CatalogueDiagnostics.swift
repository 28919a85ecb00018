import ATLTestSupport
@testable import ATLModel
@testable import ATLData
import Foundation
import Testing

/// Every diagnostic of a catalogue folder as a whole, one test per site. Those that involve two files (a
/// duplicate URN, a catalogue mixing fictional or synthetic settings with real ones) name one file with the
/// line of the field at fault, and the other file with its line in the message.
@Suite struct CatalogueDiagnostics {
    static func setting(urn: Int, name: String, extra: String = "") -> String {
        "---\nformat: atl-setting/1\nurn: \(urn)\nname: \(name)\ntype: special\n" + (extra.isEmpty ? "" : extra + "\n") + "---\n"
    }

    func load(_ files: [String: String], in t: TemporaryFolder) throws -> [Diagnostic] {
        for (name, text) in files { try t.write("cat/" + name, text) }
        return loadCatalogue(root: t.path("cat")).diagnostics
    }

    func check(_ row: DiagnosticRow, _ diags: [Diagnostic], file: String) {
        #expect(row.mismatch(in: diags, file: file) == nil, "\(row.mismatch(in: diags, file: file) ?? "")")
    }

    @Test func folderNotFoundAndNotAFolder() throws {
        let t = try TemporaryFolder("cat")
        check(DiagnosticRow("catalogue.folder-not-found", line: nil), loadCatalogue(root: t.path("nope")).diagnostics, file: t.path("nope"))
        let f = try t.write("file", "x")
        check(DiagnosticRow("catalogue.not-a-folder", line: nil), loadCatalogue(root: f).diagnostics, file: f)
    }

    @Test func noSettingFiles() throws {
        let t = try TemporaryFolder("cat")
        let d = try load(["README.md": "# nothing here\n"], in: t)
        check(DiagnosticRow("catalogue.no-setting-files", line: nil), d, file: t.path("cat"))
    }

    @Test func misnamedSettingFileIsAWarningOnLine1() throws {
        let t = try TemporaryFolder("cat")
        let d = try load(["a.setting.md": Self.setting(urn: 123456, name: "A"), "b.md": Self.setting(urn: 123457, name: "B")], in: t)
        check(DiagnosticRow("catalogue.misnamed-setting-file", line: 1, level: .warning), d, file: t.path("cat") + "/b.md")
    }

    @Test func duplicateURNNamesBothFilesAndLines() throws {
        let t = try TemporaryFolder("cat")
        let d = try load(["a.setting.md": Self.setting(urn: 123456, name: "A"),
                          "b.setting.md": "\n" + Self.setting(urn: 123456, name: "B")], in: t)
        let row = DiagnosticRow("catalogue.duplicate-urn", line: 4, field: "urn", says: "also in \(t.path("cat"))/a.setting.md:3")
        check(row, d, file: t.path("cat") + "/b.setting.md")
    }

    @Test func fictionalAndRealMixNamesBothFilesAndLines() throws {
        let t = try TemporaryFolder("cat")
        let d = try load(["a.setting.md": Self.setting(urn: 123456, name: "Real"),
                          "z.setting.md": Self.setting(urn: 9000001, name: "Invented", extra: "fictional: yes")], in: t)
        let row = DiagnosticRow("catalogue.mixes-fictional-and-real", line: 6, field: "fictional", says: "\(t.path("cat"))/a.setting.md:3")
        check(row, d, file: t.path("cat") + "/z.setting.md")
    }

    @Test func syntheticAndRealMixNamesBothFilesAndLines() throws {
        let t = try TemporaryFolder("cat")
        let d = try load(["a.setting.md": Self.setting(urn: 123456, name: "Plain"),
                          "s.setting.md": Self.setting(urn: 123457, name: "Benchmark", extra: "synthetic: yes")], in: t)
        let row = DiagnosticRow("catalogue.mixes-synthetic-and-real", line: 6, field: "synthetic", says: "\(t.path("cat"))/a.setting.md:3")
        check(row, d, file: t.path("cat") + "/s.setting.md")
    }

    /// A setting file that is not a regular file (a pipe) is reported on line 1, never read (a read would block).
    @Test func unreadableSettingFileNamesItsLine() throws {
        let t = try TemporaryFolder("cat")
        try t.write("cat/a.setting.md", Self.setting(urn: 123456, name: "A"))
        #expect(mkfifo(t.path("cat/b.setting.md"), 0o644) == 0)
        let d = loadCatalogue(root: t.path("cat")).diagnostics
        check(DiagnosticRow("catalogue.unreadable-file", line: 1, says: "pipe"), d, file: t.path("cat") + "/b.setting.md")
    }

    /// The catalogue writer (imports) refuses to mix real and fictional settings in one folder.
    @Test func writerRefusesToMixFictionalAndReal() throws {
        let t = try TemporaryFolder("cat")
        try t.write("cat/a.setting.md", Self.setting(urn: 123456, name: "Real"))
        let invented = Setting(urn: 9000001, name: "Invented", fictional: true, type: .special)
        let r = attempt { try CatalogueWriter.write([invented], into: t.path("cat"), owned: GIASImporter.ownedFields, isOwnSource: { _ in false }) }
        #expect(DiagnosticRow("catalogue-write.mixes-fictional-and-real", line: nil, field: "fictional").mismatch(in: r, file: t.path("cat")) == nil, "\(r)")
    }
}
