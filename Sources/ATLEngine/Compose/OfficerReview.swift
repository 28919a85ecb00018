import ATLModel
import ATLData

/// An officer's review of a computed list: settings taken off it and settings put on it, each with the
/// officer's reason. A list is advice the officer stands behind, so the officer may overrule the engine — but
/// every change is recorded with its reason, shown on the list and written to the register when it is issued.
///
/// Applying a review recomputes the list: a removed setting leaves the pool before the list is composed (so the
/// next suitable setting takes its place and the rule that the list illustrates choice still holds); an added
/// setting is appended after the computed entries, explained like any other, and labelled as added by the
/// officer (with the eligibility rules it breaks, if any, in a note).
public struct OfficerReview: Sendable, Hashable {
    public enum Action: String, Sendable, Hashable, CaseIterable {
        case remove, add

        public var pastTense: String { self == .remove ? "removed" : "added" }
    }

    /// One change: what the officer did to which setting, and why.
    public struct Change: Sendable, Hashable {
        public var action: Action
        public var urn: Int
        /// In the officer's words (at most ``OfficerReview/reasonLimit`` characters, one line).
        public var reason: String

        public init(action: Action, urn: Int, reason: String) {
            self.action = action
            self.urn = urn
            self.reason = reason
        }
    }

    /// Longest reason accepted: a sentence or two, not a case note.
    public static let reasonLimit = 500
    /// Most changes in one review (a list holds about ten settings).
    public static let changeLimit = 40

    public var changes: [Change]

    public init(_ changes: [Change] = []) { self.changes = changes }

    public var isEmpty: Bool { changes.isEmpty }

    /// URNs removed, in the order removed.
    public var removed: [Int] { changes.filter { $0.action == .remove }.map(\.urn) }
    /// URNs added, in the order added.
    public var added: [Int] { changes.filter { $0.action == .add }.map(\.urn) }

    /// The canonical text of the review (one `action urn reason` line per change), hashed into the list's stamp.
    public var canonicalText: String {
        changes.map { "\($0.action.rawValue) \($0.urn) \($0.reason)\n" }.joined()
    }

    /// Checks the review against a catalogue: every URN known, a reason given, no setting changed twice.
    /// Problems are diagnostics with stable codes (`review.*`), field `review`, subject the URN.
    public func check(_ engine: MatchingEngine) throws(ATLError) {
        var problems: [Diagnostic] = []
        var seen = Set<Int>()
        if changes.count > OfficerReview.changeLimit {
            problems.append(Diagnostic(code: "review.too-many-changes", file: "review", field: "review",
                                       "a review may hold at most \(OfficerReview.changeLimit) changes"))
        }
        for c in changes {
            let subject = String(c.urn)
            if engine.position(ofURN: c.urn) == nil {
                problems.append(Diagnostic(code: "review.unknown-urn", file: "review", field: "review", subject: subject,
                                           "no setting with URN \(c.urn) in this catalogue"))
            }
            if c.reason.allSatisfy(\.isWhitespace) {
                problems.append(Diagnostic(code: "review.reason-missing", file: "review", field: "review", subject: subject,
                                           "give the reason for the change"))
            }
            if c.reason.count > OfficerReview.reasonLimit || c.reason.contains(where: \.isNewline) {
                problems.append(Diagnostic(code: "review.reason-too-long", file: "review", field: "review", subject: subject,
                                           "a reason is one line of at most \(OfficerReview.reasonLimit) characters"))
            }
            if !seen.insert(c.urn).inserted {
                problems.append(Diagnostic(code: "review.changed-twice", file: "review", field: "review", subject: subject,
                                           "setting \(c.urn) is changed twice; undo one change"))
            }
        }
        if !problems.isEmpty { throw ATLError(problems) }
    }
}

extension MatchingEngine {
    /// The advisory list for one child with an officer's review applied (see ``OfficerReview``). With an empty
    /// review this is exactly ``advisoryList(for:file:profileHash:date:threads:)``.
    public func advisoryList(for p: NeedsProfile, file: String, profileHash: String, date: String, review: OfficerReview,
                             threads: Int = Parallel.defaultThreads) throws(ATLError) -> AdvisoryList {
        if review.isEmpty { return try advisoryList(for: p, file: file, profileHash: profileHash, date: date, threads: threads) }
        try review.check(self)
        let home = try resolveHome(p, file: file)
        let q = query(p, home: home)
        let removed = Set(review.removed)
        // A larger pool, so removing settings never leaves the composer short of candidates it would have had.
        let pool = max(weights.listPoolInt, weights.listSizeInt) + removed.count
        var result = Scorer.score(q, index: index, pool: pool, threads: threads)
        result.top.removeAll { removed.contains(Int($0.urn)) }
        var list = compose(p, home: home, query: q, result: result, profileHash: profileHash, date: date)

        var notes: [String] = []
        for change in review.changes {
            guard let i = position(ofURN: change.urn) else { continue }
            let s = catalogue.settings[Int(index.catalogueIndex[i])]
            switch change.action {
            case .remove:
                notes.append("Removed by the officer in review: \(s.name) (URN \(s.urn)). Reason: \(change.reason)")
            case .add:
                guard !list.entries.contains(where: { $0.setting.urn == change.urn }) else {
                    notes.append("Kept by the officer in review: \(s.name) (URN \(s.urn)) was already on the list. Reason: \(change.reason)")
                    continue
                }
                let detail = EntryExplainer.explain(position: i, setting: s, query: q, index: index, profile: p,
                                                    matrixMinutes: matrixMinutes(home, urn: s.urn))
                // Composed alone, so the entry carries exactly the labels, reasons and questions a listed one would.
                let one = ScoringResult(top: [Candidate(total: detail.explanation.milli, urn: Int32(s.urn), position: Int32(i))],
                                        eligible: 1, excludedByRule: [Int](repeating: 0, count: EligibilityRule.allCases.count),
                                        scanned: 1, settings: 1)
                guard var entry = compose(p, home: home, query: q, result: one, profileHash: profileHash, date: date).entries.first else { continue }
                entry.rank = list.entries.count + 1
                entry.inclusion = .addedByOfficer
                entry.labels.append(.addedByOfficer)
                list.entries.append(entry)
                let broken = EligibilityRule.rules(in: detail.outcome.excluded)
                let rules = broken.isEmpty ? "" : " The engine's rules would leave it off: "
                    + broken.map { $0.title + $0.detail(for: s, distanceKm: detail.outcome.distanceKm) }.joined(separator: "; ") + "."
                notes.append("Added by the officer in review: \(s.name) (URN \(s.urn)).\(rules) Reason: \(change.reason)")
            }
        }
        list.notes += notes
        list.stamp.inputs.append(.init("review", hash: SHA256.hex(review.canonicalText)))
        return list
    }
}
