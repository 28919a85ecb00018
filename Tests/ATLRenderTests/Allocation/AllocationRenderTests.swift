import ATLTestSupport
import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import Foundation
import Testing
@testable import ATLRender

@Suite struct AllocationRenderTests {
    /// Three fictional settings, five synthetic children, one error record: covers specialist and general places,
    /// a per-need cap, unknown capacity, an unplaced child, unknown distance and a comma in a name (CSV quoting).
    static var problem: AllocationProblem {
        let providers = [
            AllocationProblem.Provider(urn: 9000004, name: "Brackenridge Academy", fictional: true, type: .mainstreamResourced,
                                       specialistPlaces: 1, generalPlaces: 3, specialistPlacesByNeed: [.ASD: 1, .SLCN: 1]),
            AllocationProblem.Provider(urn: 9000008, name: "Willowherb School, Oakengates", fictional: true, type: .special,
                                       specialistPlaces: 1, generalPlaces: 0),
            AllocationProblem.Provider(urn: 9000010, name: "Heronsford House School", fictional: true, type: .independentSpecial),
        ]
        func child(_ ref: String, _ need: NeedCode, _ apps: [(Int, PlacePool, Int32, Double?)]) -> AllocationProblem.Child {
            .init(reference: ref, primaryNeed: need, synthetic: true, source: "cohort.jsonl:\(ref.suffix(1))",
                  applications: apps.enumerated().map { .init(provider: $1.0, pool: $1.1, listRank: $0 + 1, milli: $1.2, distanceKm: $1.3) },
                  lottery: AllocationProblem.lottery(seed: 1, reference: ref))
        }
        return AllocationProblem(providers: providers, children: [
            child("SYN-1", .ASD, [(0, .specialist, 71_441, 2.84), (1, .specialist, 65_000, 6.1)]),
            child("SYN-2", .ASD, [(0, .specialist, 68_000, 1.2), (1, .specialist, 66_000, 4.05)]),
            child("SYN-3", .ASD, [(0, .specialist, 60_000, 3.3), (1, .specialist, 70_000, 8)]),
            child("SYN-4", .SEMH, [(2, .specialist, 55_500, nil)]),
            child("SYN-5", .HI, [(0, .general, 40_000, 5.5)]),
        ], unlisted: [.init(row: 6, source: "cohort.jsonl:6", reference: "SYN-6", errors: ["p.profile:8: field 'home-postcode': not found"])],
        seed: 1, fictionalSettings: true, syntheticChildren: true,
        notes: ["1 of 5 lists were made from a different version of the catalogue than the one whose places are used here"])
    }

    static let stamp = ProvenanceStamp(engineVersion: "0.1.0", catalogue: "example-la", catalogueHash: "cafe",
                                       inputs: [.init("lists", hash: "f00d")], date: "2026-11-23")

    @Test func markdownGolden() throws {
        let r = AllocationReport(Self.problem)
        try Golden.check(AllocationMarkdown.render(r, stamp: Self.stamp), RenderGolden.path("allocation.md"))
    }

    @Test func jsonGolden() throws {
        let r = AllocationReport(Self.problem)
        let text = AllocationJSON.render(r, stamp: Self.stamp)
        try Golden.check(text, RenderGolden.path("allocation.json"))
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(parsed?["schema"] as? String == "atl-allocation/1")
        #expect((parsed?["children"] as? [Any])?.count == 5)
        #expect((parsed?["not_listed"] as? [Any])?.count == 1)
    }

    @Test func csvGolden() throws {
        let r = AllocationReport(Self.problem)
        let text = AllocationCSV.render(r)
        try Golden.check(text, RenderGolden.path("allocation.csv"))
        #expect(text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 1 + 5 + 1, "header, five children, one not listed")
    }

    @Test func renderingIsDeterministic() {
        let a = AllocationReport(Self.problem), b = AllocationReport(Self.problem)
        #expect(AllocationJSON.render(a, stamp: Self.stamp) == AllocationJSON.render(b, stamp: Self.stamp))
        #expect(AllocationMarkdown.render(a, stamp: Self.stamp) == AllocationMarkdown.render(b, stamp: Self.stamp))
    }

    @Test func realDataIsNotLabelledFictional() {
        var p = Self.problem
        p.fictionalSettings = false
        p.syntheticChildren = false
        let md = AllocationMarkdown.render(AllocationReport(p), stamp: Self.stamp)
        #expect(md.hasPrefix("# Allocation simulation — real settings, real children\n"))
        #expect(!md.contains("invented for demonstration"))
    }
}
