import ATLTestSupport
@testable import ATLModel
@testable import ATLData
import Foundation
import Testing

/// Every diagnostic of the postcode lookup, the district table and the travel matrix, one row per site.
@Suite struct TravelDiagnostics {
    func check(_ row: DiagnosticRow, _ diags: [Diagnostic], file: String) {
        #expect(row.mismatch(in: diags, file: file) == nil, "\(row.mismatch(in: diags, file: file) ?? "")")
    }

    static let lookupRows: [DiagnosticRow] = [
        .init("postcodes.bad-outcode-line", line: 2, "# lookup\n@TF3\n"),
        .init("postcodes.bad-district-code", line: 1, field: "district", "@TF3 E06\n1AB 370242 307020\n"),
        .init("postcodes.no-outcode-line", line: 1, "1AB 370242 307020\n"),
        .init("postcodes.bad-postcode-line", line: 2, "@TF3 E06000020\n1AB east 307020\n"),
        .init("postcodes.outside-great-britain", line: 2, field: "easting", "@TF3 E06000020\n1AB 900000 307020\n"),
        .init("postcodes.bad-postcode", line: 2, field: "postcode", "@TF3 E06000020\n1A! 370242 307020\n"),
        .init("postcodes.not-sorted", line: 3, field: "postcode", "@TF3 E06000020\n1AY 369432 306221\n1AB 370242 307020\n"),
        .init("postcodes.empty", line: 1, "# only a comment\n"),
    ]

    @Test(arguments: lookupRows)
    func everyPostcodeLookupDiagnostic(_ row: DiagnosticRow) {
        let r = attempt { try PostcodeLookup.parse(Array(row.input.utf8), file: "pc.txt") }
        #expect(row.mismatch(in: r, file: "pc.txt") == nil, "\(row.mismatch(in: r, file: "pc.txt") ?? "")")
    }

    static let districtRows: [DiagnosticRow] = [
        .init("districts.wrong-header", line: 1, "code,name\n"),
        .init("districts.wrong-cell-count", line: 2, "code,name,la-code,la-name\nE06000020,Telford\n"),
        .init("districts.bad-la-code", line: 2, field: "la-code", "code,name,la-code,la-name\nE06000020,Telford,x,Telford and Wrekin\n"),
    ]

    @Test(arguments: districtRows)
    func everyDistrictTableDiagnostic(_ row: DiagnosticRow) throws {
        let t = try TemporaryFolder("districts")
        let path = try t.write("districts.csv", row.input)
        let r = attempt { try DistrictTable.load(path: path) }
        #expect(row.mismatch(in: r, file: path) == nil, "\(row.mismatch(in: r, file: path) ?? "")")
    }

    static let catalogue = Catalogue(settings: [Setting(urn: 9000004, name: "A", fictional: true), Setting(urn: 9000006, name: "B", fictional: true)])
    static let matrixRows: [DiagnosticRow] = [
        .init("travel-matrix.file-empty", line: 1, "EMPTY"),
        .init("csv.missing-column", line: 1, field: "duration_min", "HEADER:origin,urn,distance_km\n"),
        .init("csv.wrong-cell-count", line: 2, "TF3 1AB,9000004"),
        .init("travel-matrix.bad-origin", line: 2, field: "origin", "nowhere at all,9000004,3.0,9"),
        .init("travel-matrix.bad-urn", line: 2, field: "urn", "TF3 1AB,abc,3.0,9"),
        .init("travel-matrix.bad-distance", line: 2, field: "distance_km", "TF3 1AB,9000004,-3,9"),
        .init("travel-matrix.bad-duration", line: 2, field: "duration_min", "TF3 1AB,9000004,3.0,99999"),
        .init("travel-matrix.origin-not-in-lookup", line: 2, field: "origin", "ZZ9 9ZZ,9000004,3.0,9"),
        .init("travel-matrix.urn-not-in-catalogue", line: 2, field: "urn", "TF3 1AB,1234567,3.0,9"),
        .init("travel-matrix.journey-given-twice", line: 3, field: "urn", "TF3 1AB,9000004,3.0,9\nTF3 1AB,9000004,3.5,10"),
    ]

    @Test(arguments: matrixRows)
    func everyTravelMatrixDiagnostic(_ row: DiagnosticRow) throws {
        let t = try TemporaryFolder("matrix")
        let text = row.input == "EMPTY" ? "" : row.input.hasPrefix("HEADER:") ? String(row.input.dropFirst(7))
            : "origin,urn,distance_km,duration_min\n" + row.input + "\n"
        let path = try t.write("m.csv", text)
        let r = attempt { try TravelMatrix.load(path: path, catalogue: Self.catalogue, postcodes: TestPostcodes.lookup) }
        #expect(row.mismatch(in: r, file: path) == nil, "\(row.mismatch(in: r, file: path) ?? "")")
    }

    /// A matrix origin is a child's home postcode: a bad one is not repeated, an unknown one shows its district only.
    @Test func originsAreNotRepeated() throws {
        let t = try TemporaryFolder("matrix")
        let path = try t.write("m.csv", "origin,urn,distance_km,duration_min\nJane Smith,9000004,3,9\nZZ9 9ZZ,9000004,3,9\n")
        guard case .failure(let e) = attempt({ try TravelMatrix.load(path: path, catalogue: Self.catalogue, postcodes: TestPostcodes.lookup) }) else {
            Issue.record("accepted"); return
        }
        #expect(!e.description.contains("Jane") && !e.description.contains("ZZ9 9ZZ") && e.description.contains("ZZ9"), "\(e)")
    }
}
