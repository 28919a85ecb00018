import ATLTestSupport
import ATLModel
import ATLMaps
import ATLServices
import Foundation
import Testing

/// The base map for the reports: the shipped files load; a missing file is a note (maps without boundaries);
/// a malformed one is an error naming the file and line.
@Suite struct GeographyLoaderTests {
    final class Notes: @unchecked Sendable { var lines: [String] = [] }

    @Test func shippedFilesLoad() throws {
        let g = try #require(try GeographyLoader.load(boundaries: Repository.path(GeographyLoader.defaultBoundaries),
                                                      towns: Repository.path(GeographyLoader.defaultTowns), notify: { _ in }))
        #expect(g.boundaries.laCodes == ["335", "860", "861", "884", "885", "893", "894"])
        #expect(g.towns.contains { $0.name == "Telford" && $0.rank == 1 })
    }

    @Test func missingIsANoteAndMalformedIsAnError() throws {
        let notes = Notes()
        let none = try GeographyLoader.load(boundaries: "/nonexistent/b.txt", towns: "/nonexistent/t.txt", notify: { notes.lines.append($0) })
        #expect(none == nil && notes.lines.count == 1 && notes.lines[0].contains("maps are drawn without them"))

        let t = try TemporaryFolder()
        let bad = t.url.appendingPathComponent("towns.txt")
        try Data("atl-towns/1\tEPSG:27700\ttest\nTelford\t894\tx\t1\tTF3\t1\n".utf8).write(to: bad)
        do {
            _ = try GeographyLoader.load(boundaries: Repository.path(GeographyLoader.defaultBoundaries), towns: bad.path, notify: { _ in })
            Issue.record("a malformed town file must not load")
        } catch {
            #expect(error.contains("geography.malformed") && error.diagnostics[0].file == bad.path && error.diagnostics[0].line == 2)
        }
    }
}
