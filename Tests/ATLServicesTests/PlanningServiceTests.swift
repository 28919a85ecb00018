import Foundation
import Testing
import ATLTestSupport
import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
@testable import ATLServices

@Suite("AllocationService, ScenarioService and AuditService: planning over many children or settings")
struct PlanningServiceTests {
    // MARK: Allocation

    /// A batch of the mixed cohort, written by the batch service.
    func batch(_ folder: TemporaryFolder) throws -> String {
        let cohort = try ServiceFixture.cohort(ServiceFixture.mixedRows, in: folder)
        let out = folder.path("batch.jsonl")
        _ = try BatchService.run(.init(cohort: cohort, output: out, date: ServiceFixture.date), engine: ServiceFixture.engine,
                                 notify: { _ in }, progress: { _, _, _ in })
        return out
    }

    @Test func allocationCountsEveryChildOfTheBatch() throws {
        let folder = try TemporaryFolder("allocation-service")
        let lists = try batch(folder)
        let r = try AllocationService.run(lists: lists, catalogueRoot: ServiceFixture.exampleLA, catalogue: ServiceFixture.catalogue,
                                          seed: 1, date: ServiceFixture.date, notify: { _ in })
        #expect(r.problem.children.count == 4)
        #expect(r.problem.unlisted.count == 3)
        let bytes = try #require(FileManager.default.contents(atPath: lists))
        #expect(r.stamp.hash(of: "lists") == SHA256.hex([UInt8](bytes)))
        #expect(r.stamp.catalogue == "example-la")
        let da = r.report.summaries[0]
        #expect(da.placed + da.unplaced == 4)
    }

    @Test func listsFromTheFictionalCatalogueAreRefusedAgainstARealOne() throws {
        let folder = try TemporaryFolder("allocation-kind")
        let lists = try batch(folder)
        var real = MatchFixture.setting(100001, type: .special, needs: [.ASD], places: 10, onRoll: 9)
        real.fictional = false
        let c = codes {
            try AllocationService.run(lists: lists, catalogueRoot: "real", catalogue: Catalogue(settings: [real]), seed: 1,
                                      date: ServiceFixture.date, notify: { _ in })
        }
        #expect(c == ["allocation.catalogue-kind-differs"])
    }

    // MARK: Scenarios

    @Test func theShippedScenariosAreRead() throws {
        let folder = Repository.path("examples/scenarios")
        let paths = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".scenario") }.sorted()
            .map { folder + "/" + $0 }
        #expect(paths.count == 3)
        let asked = Notes()
        let scenarios = try ScenarioService.loadScenarios(paths, catalogue: { asked.add("asked"); return nil })
        #expect(scenarios.count == 3)
        #expect(Set(scenarios.map(\.name)).count == 3)
        #expect(asked.all.isEmpty, "the catalogue is asked for only when a file has problems")
    }

    @Test func everyProblemInEveryScenarioFileIsReportedAtOnce() throws {
        let folder = try TemporaryFolder("scenario-load")
        let bad = try folder.write("bad.scenario", """
            format: atl-scenario/1
            name: Bad
            change: close
            setting: 1234567

            change: frobnicate
            """)
        let twin = try folder.write("twin.scenario", "format: atl-scenario/1\nname: Twin\nchange: max-journey\ndistance: 5 miles\n")
        let twin2 = try folder.write("twin2.scenario", "format: atl-scenario/1\nname: Twin\nchange: max-journey\ndistance: 6 miles\n")
        let c = codes { try ScenarioService.loadScenarios([bad, twin, twin2], catalogue: { ServiceFixture.catalogue }) } ?? []
        #expect(c.contains("scenario.unknown-operation"))
        #expect(c.contains("scenario.unknown-urn"))
        #expect(c.count >= 3, "the duplicate name is reported with the other file's errors: \(c)")
    }

    @Test func aScenarioIsComparedWithTheBaselineOnTheSameChildren() throws {
        let folder = try TemporaryFolder("scenario-run")
        let cohort = try ServiceFixture.cohort(ServiceFixture.goodRows, in: folder)
        let scenario = try ScenarioParser.load(path: Repository.path("examples/scenarios/example-la-semh-base.scenario"))
        let request = ScenarioService.Request(cohort: cohort, scenarios: [], seed: 1, date: ServiceFixture.date)
        let c = try ScenarioService.run(request, scenarios: [scenario], engine: ServiceFixture.engine)
        #expect(c.baseline.children.count == 4)
        #expect(c.baseline.log.isEmpty)
        #expect(c.scenarios.count == 1)
        let s = try #require(c.scenarios.first)
        #expect(s.log.map(\.operation) == ["demand", "open", "max-journey"])
        #expect(s.log.allSatisfy { !$0.altersRealSetting })
        #expect(s.settings.contains { $0.hypothetical && $0.urn == ScenarioApplication.firstHypotheticalURN })
        #expect(c.fictionalCatalogue)
        #expect(c.syntheticCohort)
        #expect(c.stamp.seed == 1)
        let again = try ScenarioService.run(request, scenarios: [scenario], engine: ServiceFixture.engine)
        #expect(again.scenarios[0].children.map(\.placedURN) == s.children.map(\.placedURN))
    }

    @Test func aCohortWithAnUnlistableChildIsRefusedForScenarios() throws {
        let folder = try TemporaryFolder("scenario-cohort")
        let cohort = try ServiceFixture.cohort(ServiceFixture.mixedRows, in: folder)
        let request = ScenarioService.Request(cohort: cohort, scenarios: [], seed: 1, date: ServiceFixture.date)
        let c = codes { try ScenarioService.run(request, scenarios: [], engine: ServiceFixture.engine) } ?? []
        #expect(c.contains("cohort.duplicate-reference"))
        #expect(c.contains("engine.postcode-not-in-lookup"))
    }

    // MARK: Audit

    @Test func theAuditCoversEverySettingOrOneLA() throws {
        let r = try AuditService.run(catalogue: ServiceFixture.exampleLA, date: ServiceFixture.date, notify: { _ in })
        #expect(r.settings.count == 194)
        #expect(r.analysis.settings.count == 194)
        #expect(r.analysis.fictional)
        #expect(r.stamp.catalogue == "example-la")
        #expect(r.stamp.date == "2026-11-23")
        #expect(AuditService.singleLAName(r.analysis) == "Severnvale (fictional example LA)")
        let one = try AuditService.run(catalogue: ServiceFixture.exampleLA, date: ServiceFixture.date, localAuthority: 999,
                                       notify: { _ in })
        #expect(one.settings.count == 194)
        #expect(codes { try AuditService.run(catalogue: ServiceFixture.exampleLA, date: ServiceFixture.date, localAuthority: 998,
                                             notify: { _ in }) } == ["audit.unknown-la"])
    }

    @Test func lettersGoOnlyToSettingsInTheCatalogue() throws {
        let r = try AuditService.run(catalogue: ServiceFixture.exampleLA, date: ServiceFixture.date, notify: { _ in })
        #expect(try AuditService.letterRecipients(r, urns: [], catalogueRoot: "x").count == 194)
        #expect(try AuditService.letterRecipients(r, urns: [9000001], catalogueRoot: "x").map(\.urn) == [9000001])
        #expect(codes { try AuditService.letterRecipients(r, urns: [9000001, 1, 2], catalogueRoot: "x") }
                == ["audit.unknown-urn", "audit.unknown-urn"])
    }

    @Test func noLetterIsWrittenFromASyntheticCatalogue() throws {
        var s = MatchFixture.setting(100001, type: .special, needs: [.ASD], places: 10, onRoll: 9)
        s.fictional = false
        s.synthetic = true
        let catalogue = Catalogue(settings: [s])
        let r = AuditService.Result(catalogue: catalogue, settings: [s], analysis: GapAnalysis(settings: [s]),
                                    facts: FactAudit(settings: [s], runDate: "2026-11-23", checkAfterMonths: 12),
                                    stamp: ProvenanceStamp(engineVersion: "test", catalogueHash: "h", date: "2026-11-23"))
        #expect(codes { try AuditService.letterRecipients(r, urns: [], catalogueRoot: "x") } == ["audit.letters-for-synthetic-catalogue"])
    }
}
