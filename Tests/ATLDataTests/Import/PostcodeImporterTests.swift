@testable import ATLModel
@testable import ATLData
import Testing

@Suite struct PostcodeImporterTests {
    static func read(_ text: String) -> (rows: [(postcode: String, point: GridPoint, district: String)], diagnostics: [Diagnostic], duplicates: Int) {
        var r = CSVReader(bytes: Array(text.utf8), file: "pc.csv")
        return PostcodeImporter.read(&r)
    }

    static let header = "postcode,easting,northing,admin_district_code\n"

    /// Tester #11: the same postcode with different coordinates is an error naming both lines.
    @Test func conflictingDuplicateIsAnErrorNamingBothLines() {
        let r = Self.read(Self.header + "B1 1BA,406875,286393,E08000025\nB1 1BB,406672,286966,E08000025\nb11ba,406000,286000,E08000025\n")
        #expect(r.diagnostics.count == 1)
        let d = r.diagnostics.first
        #expect(d?.line == 4 && d?.field == "postcode" && d?.file == "pc.csv")
        #expect(d?.message.contains("line 2") == true && d?.message.contains("B1 1BA") == true)
        // A different district for the same point is a conflict too.
        let district = Self.read(Self.header + "B1 1BA,406875,286393,E08000025\nB1 1BA,406875,286393,E08000026\n")
        #expect(district.diagnostics.map(\.line) == [3])
    }

    /// Tester #11: an exact repeat is kept once and counted, so the count matches the rows written.
    @Test func exactDuplicatesAreCountedOnce() throws {
        let r = Self.read(Self.header + "B1 1BA,406875,286393,E08000025\nB1 1BB,406672,286966,E08000025\nB1 1BA,406875,286393,E08000025\nB11BA,406875,286393,E08000025\n")
        #expect(r.diagnostics.isEmpty)
        #expect(r.rows.count == 2 && r.duplicates == 2)
        let text = PostcodeLookup.render(r.rows, header: ["test"])
        let lookup = try PostcodeLookup.parse(Array(text.utf8), file: "out.txt")
        #expect(lookup.count == r.rows.count)
    }
}
