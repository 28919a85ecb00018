import ATLTestSupport
@testable import ATLModel
@testable import ATLData
import Foundation
import Testing

@Suite struct TravelMatrixLoaderTests {
    static let catalogue = Catalogue(settings: [Setting(urn: 9000004, name: "A", fictional: true),
                                                Setting(urn: 9000006, name: "B", fictional: true)])

    /// Tester #12: origins not in the lookup and URNs not in the catalogue are errors naming line and field.
    @Test func unknownOriginsAndURNsAreErrors() throws {
        let lookup = try PostcodeLookup.parse(Array(PostcodeLookupLoaderTests.good.utf8), file: "lk.txt")
        let tmp = try TemporaryFolder("tm")
        let path = try tmp.write("matrix.csv", """
            origin,urn,distance_km,duration_min
            TF3 1LA,9000004,3.42,9
            ZZ9 9ZZ,9000004,3.00,
            TF3 1LA,1234567,2.00,5
            TF3,9000006,3.80,10
            ZZ9,9000006,3.80,10

            """)
        guard case .failure(let e) = attempt({ try TravelMatrix.load(path: path, catalogue: Self.catalogue, postcodes: lookup) }) else {
            Issue.record("expected errors"); return
        }
        #expect(e.diagnostics.map(\.line) == [3, 4, 6])
        #expect(e.diagnostics.map(\.field) == ["origin", "urn", "origin"])
        #expect(e.diagnostics[1].message.contains("1234567"))
        // Known origins and URNs load as before.
        let ok = try tmp.write("ok.csv", "origin,urn,distance_km,duration_min\nTF3 1LA,9000004,3.42,9\nTF3,9000006,3.80,\n")
        let m = try TravelMatrix.load(path: ok, catalogue: Self.catalogue, postcodes: lookup)
        #expect(m.legs(from: "TF3 1LA")?[9000004]?.km == 3.42)
    }
}
