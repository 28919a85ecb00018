import ATLTestSupport
import ATLModel
import ATLData
@testable import ATLEngine
import Foundation
import Testing

/// Turning a profile's home into a point: a postcode the lookup does not hold is an error at the profile's
/// line and field that gives only the postcode district and describes the lookup that was loaded.
@Suite struct HomeResolutionTests {
    static func profile(_ text: String) throws -> NeedsProfile {
        try ProfileParser.parse(text: text, file: "p.profile", academicYear: 2026)
    }

    @Test func unknownPostcodeIsReportedAtItsLine() throws {
        let p = try Self.profile("format: atl-profile/1\nreference: R1\nprimary-need: ASD\nnc-year: 6\nhome-postcode: ZZ9 9ZZ\n")
        let e = MatchingEngine(catalogue: Catalogue(settings: MatchFixture.mixed), postcodes: PostcodeLookup(), engineVersion: "t")
        #expect {
            try e.resolveHome(p, file: "p.profile")
        } throws: { error in
            guard let d = (error as? ATLError)?.first else { return false }
            return d.line == 5 && d.field == "home-postcode" && d.file == "p.profile"
        }
    }

    /// Tester #2: a message about the postcode gives at most the district.
    @Test func anUnknownPostcodeGivesOnlyTheDistrict() throws {
        let p = try ProfileParser.parse(text: "format: atl-profile/1\nreference: R-1\nprimary-need: ASD\nnc-year: 6\nhome-postcode: ZZ9 9ZZ\n",
                                        file: "p.profile", academicYear: 2026)
        let e = MatchingEngine(catalogue: Catalogue(settings: MatchFixture.mixed), postcodes: PostcodeLookup(), engineVersion: "t")
        do {
            _ = try e.resolveHome(p, file: "p.profile")
            Issue.record("resolved an unknown postcode")
        } catch {
            #expect(error.message.contains("ZZ9"))
            #expect(!error.message.contains("9ZZ"))
        }
    }

    /// Tester #13: the "not in the postcode lookup" message describes the file loaded, not a fixed list.
    @Test func unknownPostcodeMessageDescribesTheLookupLoaded() throws {
        let l = try PostcodeLookup.parse(Array(TestPostcodes.tiny.utf8), file: "lk.txt")
        let p = try ProfileParser.parse(Array("format: atl-profile/1\nreference: R1\nprimary-need: ASD\nnc-year: 6\nhome-postcode: ZZ9 9ZZ\n".utf8),
                                        file: "p.profile", academicYear: 2026)
        let e = MatchingEngine(catalogue: Catalogue(settings: []), postcodes: l, engineVersion: "t")
        do {
            _ = try e.resolveHome(p, file: "p.profile")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("3 postcodes in the B and TF areas"))
            #expect(!error.message.contains("WV"))
        }
    }
}
