import ATLTestSupport
@testable import ATLModel
@testable import ATLData
import Foundation
import Testing

@Suite struct PostcodeLookupLoaderTests {
    static let good = TestPostcodes.tiny

    /// Tester #13: coordinates outside Great Britain are an error naming the line.
    @Test func coordinatesOutsideGreatBritainAreErrors() {
        for (bad, line) in [("1AB 9999999 307020", 4), ("1AB 370100 -5", 4), ("1AB 370100 1300001", 4)] {
            let text = "# x\n@TF3 E06000020\n1AA 370000 307000\n\(bad)\n"
            #expect(throws: ATLError.self, "\(bad)") { try PostcodeLookup.parse(Array(text.utf8), file: "lk.txt") }
            do { _ = try PostcodeLookup.parse(Array(text.utf8), file: "lk.txt") } catch {
                #expect(error.line == line && error.file == "lk.txt" && error.field == "easting")
            }
        }
    }

    /// Tester #13: a lookup with no postcode (empty, or comments and outcode lines only) is an error.
    @Test func emptyLookupIsAnError() {
        for text in ["", "# only a comment\n", "# x\n@TF3 E06000020\n"] {
            #expect(throws: ATLError.self, "\(text.debugDescription)") {
                try PostcodeLookup.parse(Array(text.utf8), file: "empty.txt")
            }
        }
    }

    /// Tester #13: the coverage a "not in the postcode lookup" message quotes describes the file loaded, not a
    /// fixed list (the message itself: HomeResolutionTests).
    @Test func coverageComesFromTheFileLoaded() throws {
        let l = try PostcodeLookup.parse(Array(Self.good.utf8), file: "lk.txt")
        #expect(l.areas == ["B", "TF"])
        #expect(l.coverage == "3 postcodes in the B and TF areas; Source: a test fixture")
    }
}
