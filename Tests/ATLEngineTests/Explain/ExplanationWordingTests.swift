import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
import Testing

/// Wording of explanation leaves when the catalogue does not know a fact: it must say "not known", never "no".
@Suite struct ExplanationWordingTests {
    @Test func unknownNeedsAreNotKnownForPrimaryAndSecondaryNeeds() throws {
        let s = MatchFixture.setting(9000201, type: .unknown, km: 2, ages: nil, needs: nil, facilities: nil)
        let e = MatchFixture.engine([s])
        let p = MatchFixture.profile(.ASD, secondary: [.init(.SLCN, .moderate)])
        let l = MatchFixture.list(e, p)
        let entry = try #require(l.entries.first)
        let need = try #require(entry.explanation.details.first { $0.key == "need" })
        let primary = try #require(need.details.first { $0.key == "need.primary" })
        let secondary = try #require(need.details.first { $0.key == "need.secondary.SLCN" })
        #expect(primary.description.contains("not known whether it provides for it"))
        #expect(secondary.description.contains("not known whether it provides for it"))
    }

    @Test func knownNeedsWithoutTheSecondaryNeedSayNotDesignated() throws {
        let s = MatchFixture.setting(9000202, type: .special, km: 2, needs: [.ASD], facilities: [])
        let l = MatchFixture.list(MatchFixture.engine([s]), MatchFixture.profile(.ASD, secondary: [.init(.SLCN, .moderate)]))
        let need = try #require(l.entries.first?.explanation.details.first { $0.key == "need" })
        #expect(need.details.first { $0.key == "need.secondary.SLCN" }?.description == "Secondary need SLCN (moderate): not designated for it")
    }
}
