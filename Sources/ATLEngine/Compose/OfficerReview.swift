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
    ///
    /// Two changes are refused, as diagnostics: removing a setting the family named (policy R1: a named setting is
    /// always listed, with its cautions) and adding one that cannot admit the child at all (closed, another phase,
    /// the other sex).
    public func advisoryList(for p: NeedsProfile, file: String, profileHash: String, date: String, review: OfficerReview,
                             threads: Int = Parallel.defaultThreads) throws(ATLError) -> AdvisoryList {
        if review.isEmpty { return try advisoryList(for: p, file: file, profileHash: profileHash, date: date, threads: threads) }
        try review.check(self)
        let home = try resolveHome(p, file: file)
        let q = query(p, home: home)
        var problems: [Diagnostic] = []
        var added: [(change: OfficerReview.Change, setting: Setting, detail: EntryExplainer.Detail)] = []
        for change in review.changes {
            guard let i = position(ofURN: change.urn) else { continue }
            let s = catalogue.settings[Int(index.catalogueIndex[i])]
            switch change.action {
            case .remove where p.preferredSettings.contains(change.urn):
                problems.append(Diagnostic(code: "review.named-by-family", file: "review", field: "review", subject: String(change.urn),
                                           "the family named setting \(change.urn): it stays on the list with its cautions"))
            case .remove:
                break
            case .add:
                let d = EntryExplainer.explain(position: i, setting: s, query: q, index: index, profile: p,
                                               matrixMinutes: matrixMinutes(home, urn: s.urn), runDate: date)
                if d.outcome.excluded & MatchingEngine.cannotAdmit != 0 {
                    let rules = EligibilityRule.rules(in: d.outcome.excluded & MatchingEngine.cannotAdmit).map(\.title).joined(separator: "; ")
                    problems.append(Diagnostic(code: "review.cannot-admit", file: "review", field: "review", subject: String(change.urn),
                                               "setting \(change.urn) cannot admit this child (\(rules)), so it cannot be added"))
                }
                added.append((change, s, d))
            }
        }
        if !problems.isEmpty { throw ATLError(problems) }

        let removed = Set(review.removed.map { Int32(clamping: $0) })
        // Keep more of each type, so removing settings never leaves the composer short of candidates it would have had.
        var result = Scorer.score(q, index: index, keepPerType: weights.listSizeInt + removed.count, threads: threads)
        result.top.removeAll { removed.contains($0.urn) }
        var list = compose(p, home: home, query: q, result: result, profileHash: profileHash, date: date, removed: removed)

        var notes: [String] = []
        for change in review.changes where change.action == .remove {
            guard let i = position(ofURN: change.urn) else { continue }
            let s = catalogue.settings[Int(index.catalogueIndex[i])]
            notes.append("Removed by the officer in review: \(s.name) (URN \(s.urn)). Reason: \(change.reason)")
        }
        for (change, s, d) in added {
            guard !list.entries.contains(where: { $0.setting.urn == change.urn }) else {
                notes.append("Kept by the officer in review: \(s.name) (URN \(s.urn)) was already on the list. Reason: \(change.reason)")
                continue
            }
            // Banded as a named setting would be: never below "may also meet the need" (the officer asked for it),
            // "may also meet" when it breaks a suitability rule.
            let c = Candidate(order: MatchingEngine.namedOrder(d.outcome), total: d.explanation.milli,
                              urn: Int32(s.urn), position: Int32(position(ofURN: s.urn)!))
            var entry = listEntry(c, rank: list.entries.count + 1, inclusion: .addedByOfficer, profile: p, home: home,
                                  query: q, date: date)
            entry.labels.append(.addedByOfficer)
            list.entries.append(entry)
            let broken = EligibilityRule.rules(in: d.outcome.excluded)
            let rules = broken.isEmpty ? "" : " The engine's rules would leave it off: "
                + broken.map { $0.title + $0.detail(for: s, distanceKm: d.outcome.distanceKm) }.joined(separator: "; ") + "."
            notes.append("Added by the officer in review: \(s.name) (URN \(s.urn)).\(rules) Reason: \(change.reason)")
        }
        list.notes += notes
        list.stamp.inputs.append(.init("review", hash: SHA256.hex(review.canonicalText)))
        return list
    }
}
