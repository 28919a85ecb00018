import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
import Testing

/// Policy R9, R3 and the LA-services decision: a short list says why it is short, a list with no mainstream school
/// reminds the family of its right to ask for one, and mainstream schools left off only for want of a service the
/// LA itself may bring in are not left off silently.
@Suite struct ListNotesTests {
    typealias F = MatchFixture

    @Test func aShortListSaysWhy() throws {
        let settings = [
            F.setting(9000001, type: .special, km: 3, ages: (4, 19), needs: [.PMLD, .SLD], places: 60, onRoll: 55),
            F.setting(9000002, type: .mainstream, km: 1, ages: (4, 11)),
            F.setting(9000003, type: .mainstream, km: 2, ages: (4, 11)),
        ]
        let l = F.list(F.engine(settings), F.profile(.PMLD, severity: .profound, year: 4, maxKm: 20))
        #expect(l.entries.map(\.setting.urn) == [9000001], "no plain mainstream school is padded into a profound list")
        #expect(l.excludedByRule.contains { $0.rule == .notFit && $0.count == 2 })
        #expect(l.notes.contains { $0.hasPrefix("Only 1 setting within") && $0.contains("a profound and multiple learning difficulty need") })
        let right = try #require(l.notes.first { $0.contains("s33") })
        #expect(right.contains("No mainstream school is on this list") && right.contains("Setting 9000002"))
    }

    @Test func mainstreamLeftOffOnlyForAnLAServiceIsSaidSo() throws {
        let settings = [
            F.setting(9000001, type: .mainstream, km: 2, ages: (4, 11), facilities: [.stepFree]),
            F.setting(9000002, type: .mainstream, km: 3, ages: (4, 11), facilities: [.quietSpace]),
            F.setting(9000003, type: .mainstreamResourced, km: 9, ages: (4, 11), needs: [.HI], facilities: [.qtod, .signing], places: 8, onRoll: 6),
        ]
        let l = F.list(F.engine(settings), F.profile(.HI, severity: .severe, mustHave: [.qtod], year: 3, maxKm: 20))
        #expect(l.entries.map(\.setting.urn) == [9000003])
        let note = try #require(l.notes.first { $0.contains("sensory") })
        #expect(note.hasPrefix("2 mainstream settings within the journey were left off only because they do not list a qualified teacher of the deaf"))
    }
}
