import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
import Foundation
import Testing

/// Tester #7: a setting the family named that is not on the list is reported with the reason; unknown URNs in
/// preferred-settings and avoid-settings give a warning note, not an error.
@Suite struct NamedSettingsTests {
    static let settings = [
        MatchFixture.setting(9000001, "Near Special", type: .special, km: 3, needs: [.ASD]),
        MatchFixture.setting(9000002, "Far Special", type: .special, km: 40, needs: [.ASD]),
        MatchFixture.setting(9000003, "Primary Only", type: .mainstream, km: 2, ages: (4, 11)),
    ]

    @Test func namedSettingsNotListedSayWhy() {
        let e = MatchFixture.engine(Self.settings)
        let l = MatchFixture.list(e, MatchFixture.profile(.ASD, maxKm: 20, preferred: [9000002, 1234567, 9000003, 9000001]))
        let named = l.namedSettingsNotListed
        #expect(named.map(\.urn) == [9000002, 1234567, 9000003], "a listed named setting (9000001) is not repeated")
        #expect(named[0].rule == .journey && named[0].name == "Far Special")
        #expect(named[0].reason.hasPrefix("further than the maximum journey: about ") && named[0].reason.hasSuffix("miles by road"))
        #expect(named[1].name == nil && named[1].rule == nil && named[1].reason == "not in this catalogue")
        #expect(named[2].rule == .phase && named[2].reason.contains("ages 4-11"))
        #expect(l.entries.first { $0.setting.urn == 9000001 }?.labels.contains(.namedByFamily) == true)
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
