import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
import Foundation
import Testing

/// An officer's review: a removed setting leaves the list and the next takes its place; an added one joins it,
/// explained and labelled; every change is noted with its reason and hashed into the stamp.
@Suite struct OfficerReviewTests {
    static let engine = MatchFixture.engine(MatchFixture.mixed)
    static let profile = MatchFixture.profile(.ASD, maxKm: 20)

    static func list(_ changes: [OfficerReview.Change]) throws -> AdvisoryList {
        try engine.advisoryList(for: profile, file: "t", profileHash: "h", date: "2026-11-23", review: OfficerReview(changes), threads: 1)
    }

    @Test func anEmptyReviewIsTheComputedList() throws {
        let plain = MatchFixture.list(Self.engine, Self.profile)
        let reviewed = try Self.list([])
        #expect(reviewed.entries.map(\.setting.urn) == plain.entries.map(\.setting.urn))
        #expect(reviewed.stamp == plain.stamp)
    }

    @Test func removingASettingRecomputesAndNotesTheReason() throws {
        let plain = MatchFixture.list(Self.engine, Self.profile)
        let first = plain.entries[0].setting.urn
        let l = try Self.list([OfficerReview.Change(action: .remove, urn: first, reason: "Too far for this family")])
        #expect(!l.entries.contains { $0.setting.urn == first })
        #expect(l.entries.count == min(plain.entries.count, plain.eligible - 1))
        #expect(l.notes.contains { $0.contains("Removed by the officer in review") && $0.contains("Too far for this family") })
        #expect(l.stamp.hash(of: "review") != nil)
        #expect(l.entries.map(\.rank) == Array(1...l.entries.count))
    }

    @Test func addingAnIneligibleSettingSaysWhichRulesItBreaks() throws {
        // 9000113 is 30 km away, beyond the 20 km maximum journey.
        let l = try Self.list([OfficerReview.Change(action: .add, urn: 9000113, reason: "Family's first choice")])
        let added = try #require(l.entries.last)
        #expect(added.setting.urn == 9000113 && added.inclusion == .addedByOfficer && added.labels.contains(.addedByOfficer))
        #expect(added.explanation.isConsistent)
        #expect(l.notes.contains { $0.contains("Added by the officer") && $0.contains("further than the maximum journey") && $0.contains("Family's first choice") })
    }

    @Test func problemsInAReviewAreDiagnostics() {
        for (changes, code) in [([OfficerReview.Change(action: .add, urn: 1234567, reason: "x")], "review.unknown-urn"),
                                ([OfficerReview.Change(action: .remove, urn: 9000101, reason: " ")], "review.reason-missing"),
                                ([OfficerReview.Change(action: .remove, urn: 9000101, reason: "a"), OfficerReview.Change(action: .add, urn: 9000101, reason: "b")], "review.changed-twice")] {
            guard case .failure(let e) = attempt({ try Self.list(changes) }) else { Issue.record("\(code) expected"); continue }
            #expect(e.diagnostics.map(\.code.rawValue).contains(code))
        }
    }
}
