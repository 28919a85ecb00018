import Foundation
import Testing
@testable import ATLMaps
import ATLTestSupport

/// The files in provision-catalogue/geography/ that the engine ships, read as the engine reads them.
@Suite("The shipped boundary and town files")
struct ShippedFilesTests {
    static let out = URL(fileURLWithPath: Repository.path("provision-catalogue/geography"))

    static func load() throws -> (DistrictBoundaries, [Town]) {
        let b = try String(contentsOf: out.appendingPathComponent("lad-boundaries-bng.txt"), encoding: .utf8)
        let t = try String(contentsOf: out.appendingPathComponent("towns-bng.txt"), encoding: .utf8)
        return (try BoundaryFile.parse(b), try TownFile.parse(t).towns)
    }

    @Test("19 districts of 7 LAs; LA outlines are single rings, but Staffordshire's has Stoke-on-Trent as a hole")
    func districts() throws {
        let (b, _) = try Self.load()
        #expect(b.districts.count == 19)
        #expect(b.laCodes == ["335", "860", "861", "884", "885", "893", "894"])
        #expect(b.districts(inLA: "860").count == 8 && b.districts(inLA: "885").count == 6)
        for la in b.laCodes where la != "860" { #expect(b.outline(ofLA: la).count == 1, "LA \(la)") }
        // Staffordshire surrounds Stoke-on-Trent: its outline is an outer ring and one hole, Stoke's shape.
        let staffs = b.outline(ofLA: "860")
        #expect(staffs.count == 2 && staffs.filter { Rings.doubleSignedArea($0) < 0 }.count == 1)
        let stoke = b.districts(inLA: "861")[0].polygons[0].outer
        #expect(staffs.map { Rings.doubleSignedArea($0) }.min() == -Rings.doubleSignedArea(stoke))
        #expect(b.provenance.contains("Open Government Licence v3.0"))
    }

    @Test("neighbours share borders exactly: the districts' areas add up to the area of their union")
    func noGapsNoOverlaps() throws {
        let (b, _) = try Self.load()
        let polygons = b.districts.flatMap(\.polygons)
        let sum = polygons.reduce(0) { $0 + abs(Rings.doubleSignedArea($1.outer)) }
        let union = Outline.union(polygons)
        #expect(sum == union.reduce(0) { $0 + Rings.doubleSignedArea($1) })
        // Staffordshire's county outline encloses exactly its eight districts' area.
        let staffs = b.districts(inLA: "860").flatMap(\.polygons)
        #expect(staffs.reduce(0) { $0 + abs(Rings.doubleSignedArea($1.outer)) } == b.outline(ofLA: "860").reduce(0) { $0 + Rings.doubleSignedArea($1) })
    }

    @Test("every town lies inside its own LA")
    func towns() throws {
        let (b, towns) = try Self.load()
        #expect(towns.count >= 30)
        for t in towns { #expect(b.laCode(containing: t.point) == t.laCode, "\(t.name)") }
        for la in b.laCodes { #expect(towns.contains { $0.laCode == la && $0.rank == 1 }, "LA \(la) has a principal town") }
    }
}
