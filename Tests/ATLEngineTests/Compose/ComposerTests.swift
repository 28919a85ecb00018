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

    func b(_ total: Int32, _ urn: Int32) -> Candidate {
        Candidate(order: 1 << PairEvaluator.Order.bandShift | PairEvaluator.Order.withinJourney, total: total, urn: urn, position: urn)
    }

    // Policy R9: settings that may also meet the need (band B) only bring a short list up to a handful; never padding.
    @Test func bandBOnlyUpToAHandful() {
        let pool = [c(90, 1), c(80, 2)] + (3...8).map { b(100 - Int32($0), Int32($0)) }
        let r = ListComposer.compose(pool: pool, type: { _ in .mainstream }, size: 10, maxShare: 1, handful: 5)
        #expect(r.chosen.map(\.candidate.urn) == [1, 2, 3, 4, 5])
        #expect(r.chosen.suffix(3).allSatisfy { $0.inclusion == .mayAlsoMeet })
        let full = ListComposer.compose(pool: (1...6).map { c(100 - Int32($0), Int32($0)) } + [b(99, 7)],
                                        type: { _ in .mainstream }, size: 10, maxShare: 1, handful: 5)
        #expect(full.chosen.count == 6, "band A is never cut to a handful; band B is not added to a list of 6")
    }

    // Policy R1, R2: pinned settings are never dropped, and count towards the list size.
    @Test func pinnedSettingsAreNeverDropped() {
        let pool = (1...12).map { c(100 - Int32($0), Int32($0)) }
        let far = Candidate(order: 2 << PairEvaluator.Order.bandShift, total: 10, urn: 50, position: 50)
        let r = ListComposer.compose(pool: pool, pinned: [(far, .longJourney)], type: { _ in .special }, size: 10, maxShare: 1, handful: 5)
        #expect(r.chosen.count == 10 && r.chosen.last?.candidate.urn == 50 && r.chosen.last?.inclusion == .longJourney)
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
