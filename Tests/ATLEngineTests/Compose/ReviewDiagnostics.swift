import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
import Foundation
import Testing

/// Every diagnostic of an officer's review of a list (``OfficerReview``), one row per site. A row's input is the
/// review as `action urn reason` lines (`|` separates changes); the child is the fixture's ASD child in Year 7,
/// who named setting 9000102.
@Suite struct ReviewDiagnostics {
    static let engine = MatchFixture.engine(MatchFixture.mixed)
    static let profile = MatchFixture.profile(.ASD, maxKm: 20, preferred: [9000102])

    static func review(_ input: String) -> OfficerReview {
        OfficerReview(input.split(separator: "|").map { item in
            let parts = item.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            return OfficerReview.Change(action: OfficerReview.Action(rawValue: parts[0])!, urn: Int(parts[1])!,
                                        reason: parts.count > 2 ? parts[2].replacingOccurrences(of: "\\n", with: "\n") : "")
        })
    }

    static let rows: [DiagnosticRow] = [
        .init("review.unknown-urn", line: nil, field: "review", says: "no setting with URN 1234567", "add 1234567 First choice"),
        .init("review.reason-missing", line: nil, field: "review", "remove 9000101  "),
        .init("review.reason-too-long", line: nil, field: "review", "remove 9000101 " + String(repeating: "x", count: 501)),
        .init("review.reason-too-long", line: nil, field: "review", says: "one line", "remove 9000101 first\\nsecond"),
        .init("review.changed-twice", line: nil, field: "review", "remove 9000101 a|add 9000101 b"),
        .init("review.too-many-changes", line: nil, field: "review",
              (0..<41).map { "remove \(9000101 + $0 % 13) r\($0)" }.joined(separator: "|")),
        .init("review.named-by-family", line: nil, field: "review", says: "stays on the list", "remove 9000102 Too far"),
        // A post-16 college cannot admit a child going into Year 7.
        .init("review.cannot-admit", line: nil, field: "review", says: "cannot admit this child", "add 9000112 Family asked"),
    ]

    @Test(arguments: rows)
    func everyReviewDiagnostic(_ row: DiagnosticRow) {
        let r = attempt {
            try Self.engine.advisoryList(for: Self.profile, file: "t", profileHash: "h", date: "2026-11-23",
                                         review: Self.review(row.input), threads: 1)
        }
        #expect(row.mismatch(in: r, file: "review") == nil, "\(row.mismatch(in: r, file: "review") ?? "")")
    }
}
