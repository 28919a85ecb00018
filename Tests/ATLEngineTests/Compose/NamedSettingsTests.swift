import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
import Foundation
import Testing

/// Policy R1: a setting the family names is always on the list, labelled, with every caution; one that cannot
/// admit the child is listed last with the reason. Unknown URNs in preferred-settings and avoid-settings give a
/// warning note, not an error (tester #7).
@Suite struct NamedSettingsTests {
    static let settings = [
        MatchFixture.setting(9000001, "Near Special", type: .special, km: 3, needs: [.ASD]),
        MatchFixture.setting(9000002, "Far Special", type: .special, km: 40, needs: [.ASD], places: 10, onRoll: 10),
        MatchFixture.setting(9000003, "Primary Only", type: .mainstream, km: 2, ages: (4, 11)),
        MatchFixture.setting(9000004, "SEMH Special", type: .special, km: 4, needs: [.SEMH]),
        MatchFixture.setting(9000005, "Near Mainstream", type: .mainstream, km: 1),
    ]

    func entry(_ l: AdvisoryList, _ urn: Int) -> ListEntry? { l.entries.first { $0.setting.urn == urn } }

    @Test func aNamedSettingIsAlwaysAnEntryWithEveryCaution() throws {
        let e = MatchFixture.engine(Self.settings)
        let l = MatchFixture.list(e, MatchFixture.profile(.ASD, maxKm: 20, preferred: [9000002, 1234567, 9000003, 9000001, 9000004]))
        let far = try #require(entry(l, 9000002), "a named setting beyond the maximum journey is listed, not a footnote")
        #expect(far.labels.contains(.namedByFamily) && far.labels.contains(.longJourney) && far.labels.contains(.full))
        #expect(far.inclusion == .named)
        #expect(Set(far.cautions.map(\.key)).isSuperset(of: [.longJourney, .full]))
        let wrongPhase = try #require(entry(l, 9000003), "a named setting that cannot admit the child is still shown")
        #expect(wrongPhase.band == .namedNotAdmitting && wrongPhase.cautions.contains { $0.key == .notAdmittingYear })
        #expect(l.entries.last?.setting.urn == 9000003, "listed last, with the reason")
        #expect(!wrongPhase.reasons.contains { $0.hasPrefix("Meets the need") }, "it cannot meet a need it cannot admit")
        let otherNeed = try #require(entry(l, 9000004))
        #expect(otherNeed.band == .mayAlsoMeet && otherNeed.cautions.contains { $0.key == .needNotDesignated })
        #expect(entry(l, 9000001)?.labels.contains(.namedByFamily) == true)
        #expect(l.namedSettingsNotListed.map(\.urn) == [1234567], "only a URN the catalogue does not hold")
        #expect(l.namedSettingsNotListed[0].reason == "not in this catalogue")
    }

    @Test func unknownURNsGiveAWarningNote() {
        let e = MatchFixture.engine(Self.settings)
        let l = MatchFixture.list(e, MatchFixture.profile(.ASD, preferred: [1234567], avoid: [7654321]))
        #expect(l.notes.contains { $0.contains("1234567") && $0.contains("preferred-settings") })
        #expect(l.notes.contains { $0.contains("7654321") && $0.contains("avoid-settings") })
        #expect(!l.entries.isEmpty)
        let plain = MatchFixture.list(e, MatchFixture.profile(.ASD))
        #expect(plain.namedSettingsNotListed.isEmpty && !plain.notes.contains { $0.hasPrefix("Warning") })
    }
}
