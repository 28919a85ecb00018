import Foundation
import Testing
import ATLTestSupport
import ATLModel
import ATLData
import ATLEngine
@testable import ATLServices

@Suite("CatalogueService, EngineLoader and RunDate: loading what the engine needs")
struct EngineSetupTests {
    @Test func theExampleLAIsLoadedWhole() {
        let c = ServiceFixture.catalogue
        // 14 hand-written settings and 180 generated ones (docs/example-la.md).
        #expect(c.settings.count == 194)
        #expect(c.isFictional)
        #expect(c.settings.allSatisfy { $0.fictional })
        #expect(c.settings.map(\.urn) == c.settings.map(\.urn).sorted())
    }

    @Test func aMissingCatalogueIsAnInputError() {
        let c = codes { try CatalogueService.load("/nonexistent/catalogue", notify: { _ in }) }
        #expect(c?.isEmpty == false)
        #expect(c?.allSatisfy { $0.hasPrefix("input.") || $0.hasPrefix("catalogue.") } == true)
    }

    @Test func validationReportsEveryProblemWithoutACatalogue() throws {
        let folder = try TemporaryFolder("validate")
        try folder.write("999-test/9000001-a.setting.md", SettingFixture.file())
        try folder.write("999-test/9000002-b.setting.md", "format: atl-setting/1\nurn: not-a-number\n")
        let v = CatalogueService.validate(folder.path)
        #expect(v.catalogue == nil)
        #expect(v.errorCount >= 1)
        #expect(v.fileCount == 2)
        #expect(v.diagnostics.contains { $0.file.hasSuffix("9000002-b.setting.md") })
        let good = CatalogueService.validate(ServiceFixture.exampleLA)
        #expect(good.errorCount == 0)
        #expect(good.catalogue?.settings.count == 194)
    }

    @Test func aCatalogueIsNamedByItsFolder() {
        #expect(CatalogueService.name("provision-catalogue/west-midlands/") == "west-midlands")
        #expect(CatalogueService.name("example-la") == "example-la")
    }

    @Test func aMissingDefaultWeightsFileGivesTheDefaultsWithANote() throws {
        let notes = Notes()
        let w = try EngineLoader.loadWeights(nil, defaultPath: "/nonexistent/weights.conf", notify: notes.notify)
        #expect(w == .defaults)
        #expect(notes.all.count == 1)
        #expect(notes.all.first?.contains("built-in defaults") == true)
    }

    @Test func aMissingGivenWeightsFileIsAnError() {
        #expect(codes { try EngineLoader.loadWeights("/nonexistent/weights.conf", notify: { _ in }) } == ["input.not-found"])
    }

    @Test func theEngineLoadsFromASnapshotAsFromTheFiles() throws {
        let folder = try TemporaryFolder("index-service")
        let out = folder.path("example.atlindex")
        let snapshot = try IndexService.build(catalogue: ServiceFixture.exampleLA, output: out, notify: { _ in })
        #expect(snapshot.catalogue.settings.count == 194)
        #expect(FileManager.default.fileExists(atPath: out))
        let setup = EngineSetup(catalogue: ServiceFixture.exampleLA, index: out, weights: nil, needsPostcodes: false)
        let engine = try EngineLoader.load(setup, notify: { _ in })
        #expect(engine.catalogue.contentHash == ServiceFixture.catalogue.contentHash)
    }

    @Test func aSnapshotIsNeverWrittenInsideItsCatalogue() throws {
        let cat = try TempCatalogue([MatchFixture.setting(9000001, type: .special, needs: [.ASD], places: 10, onRoll: 9)])
        let out = cat.path + "/snapshot.atlindex"
        let c = codes { try IndexService.build(catalogue: cat.path, output: out, notify: { _ in }) }
        #expect(c == ["usage.output-in-catalogue"])
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func aRunDateSetsTheAcademicYear() {
        #expect(RunDate("2026-08-31")?.academicYear == 2025)
        #expect(RunDate("2026-09-01")?.academicYear == 2026)
        #expect(RunDate("2026-02-30") == nil)
        #expect(RunDate("23/11/2026") == nil)
        #expect(RunDate.problem(String(repeating: "9", count: 200)).count < 200)
    }
}
