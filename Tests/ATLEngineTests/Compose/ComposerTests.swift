import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
import Testing

@Suite struct ComposerTests {
    /// A band A candidate within the journey.
    func c(_ total: Int32, _ urn: Int32) -> Candidate {
        Candidate(order: 2 << PairEvaluator.Order.bandShift | PairEvaluator.Order.withinJourney, total: total, urn: urn, position: urn)
    }

    @Test func everyTypeInThePoolGetsAPlace() {
        // 8 mainstream score highest; one special and one AP further down the pool.
        var pool = (0..<8).map { c(100 - Int32($0), Int32($0)) }
        pool.append(c(50, 100))
        pool.append(c(40, 101))
        pool.append(c(30, 102))
        let types: [Int32: SettingType] = [100: .special, 101: .alternativeProvision, 102: .special]
        let r = ListComposer.compose(pool: pool, type: { types[$0.urn] ?? .mainstream }, size: 5, maxShare: 0.6, handful: 5)
        let urns = r.chosen.map(\.candidate.urn)
        #expect(urns == [0, 1, 2, 100, 101])
        #expect(r.chosen[3].inclusion == .diversity(.special))
        #expect(r.chosen[4].inclusion == .diversity(.alternativeProvision))
        #expect(r.chosen[0].inclusion == .score)
        #expect(r.typesIllustrated == [.mainstream, .special, .alternativeProvision])
        #expect(r.leftOutByShare.map(\.urn) == [3, 4, 5, 6, 7], "capped at 3 of 5 mainstream")
    }

    @Test func shareCapRelaxesWhenOnlyOneTypeIsEligible() {
        let pool = (0..<12).map { c(100 - Int32($0), Int32($0)) }
        let r = ListComposer.compose(pool: pool, type: { _ in .special }, size: 10, maxShare: 0.4, handful: 5)
        #expect(r.chosen.count == 10)
        #expect(r.chosen.prefix(4).allSatisfy { $0.inclusion == .score })
        #expect(r.chosen.dropFirst(4).allSatisfy { $0.inclusion == .shareRelaxed })
        #expect(r.leftOutByShare.isEmpty)
    }

    @Test func unknownTypeIsNotReservedButCompetesOnScore() {
        let pool = [c(90, 1), c(80, 2), c(70, 3)]
        let r = ListComposer.compose(pool: pool, type: { $0.urn == 1 ? .unknown : .mainstream }, size: 2, maxShare: 1, handful: 5)
        #expect(r.chosen.map(\.candidate.urn) == [1, 2])
        #expect(r.typesIllustrated == [.mainstream])
    }

    @Test func listFromTheEngineIllustratesChoice() {
        let e = MatchFixture.engine(MatchFixture.mixed)
        let l = MatchFixture.list(e, MatchFixture.profile(.ASD, maxKm: 25))
        #expect(Set(l.entries.map(\.setting.type)).count >= 3)
        let byType = Dictionary(grouping: l.entries, by: \.setting.type)
        let cap = Int(Double(Weights.defaults.listSizeInt) * Weights.defaults.listMaxShare)
        #expect(byType.values.allSatisfy { $0.count <= cap } || l.entries.contains { $0.inclusion == .shareRelaxed })
        #expect(l.entries.map(\.rank) == Array(1...l.entries.count))
        let bands = l.entries.map(\.band.rawValue)
        #expect(bands == bands.sorted(), "shown by band: those that meet the need first")
    }
}
