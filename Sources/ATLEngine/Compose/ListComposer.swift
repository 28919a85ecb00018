import ATLModel
import ATLData
/// Why a setting is on a list.
public enum Inclusion: Sendable, Hashable {
    /// Among the highest scores.
    case score
    /// Added by the diversity rule so the list illustrates choice: the best-scoring setting of its type in the
    /// pool of top results, which would not otherwise have made the list.
    case diversity(SettingType)
    /// Added by score after the one-type share limit was relaxed because too few other settings were eligible.
    case shareRelaxed
    /// Put on the list by the officer reviewing it (``OfficerReview``), with a reason recorded in the list's notes.
    case addedByOfficer

    public var key: String {
        switch self {
        case .score: "score"
        case .diversity: "diversity"
        case .shareRelaxed: "share-relaxed"
        case .addedByOfficer: "added-by-officer"
        }
    }
}

/// Composes an advisory list from the ranked pool so it "illustrates choice": every suitable setting type
/// present among the pool's top results gets at least one place, and no type takes more than a set share of
/// the list while other eligible types are available. Pure and deterministic.
public enum ListComposer {
    public struct Composition: Sendable {
        /// Chosen candidates, best first, with why each is there.
        public var chosen: [(candidate: Candidate, inclusion: Inclusion)]
        /// Setting types represented, in type order.
        public var typesIllustrated: [SettingType]
        /// Eligible settings that outrank the list's lowest entry but were left out so the list illustrates
        /// choice (their type had reached its share, or a place went to another type).
        public var leftOutByShare: [Candidate]
    }

    /// - Parameters:
    ///   - pool: eligible candidates, best first.
    ///   - type: the setting type of a candidate.
    ///   - size: list length N; `maxShare`: most of N one type may take (at least 1 place).
    public static func compose(pool: [Candidate], type: (Candidate) -> SettingType, size: Int,
                               maxShare: Double) -> Composition {
        let n = min(size, pool.count)
        let cap = max(1, Int((Double(size) * maxShare).rounded(.down)))
        var chosen: [Candidate: Inclusion] = [:]
        var perType: [SettingType: Int] = [:]
        let plainTop = Set(pool.prefix(n).map(\.urn))
        // 1. Reserve the best of each known type in the pool, types ordered by their best rank.
        var seenTypes: [SettingType] = []
        for c in pool {
            let t = type(c)
            if t != .unknown && !seenTypes.contains(t) { seenTypes.append(t) }
        }
        for t in seenTypes where chosen.count < n {
            let best = pool.first { type($0) == t }!
            chosen[best] = plainTop.contains(best.urn) ? .score : .diversity(t)
            perType[t, default: 0] += 1
        }
        // 2. Fill by score within the share cap.
        for c in pool where chosen.count < n && chosen[c] == nil {
            let t = type(c)
            if perType[t, default: 0] < cap {
                chosen[c] = .score
                perType[t, default: 0] += 1
            }
        }
        // 3. Too few other types: relax the cap, by score.
        for c in pool where chosen.count < n && chosen[c] == nil {
            chosen[c] = .shareRelaxed
        }
        let ordered = chosen.keys.sorted { $0.ranksAbove($1) }
        let types = Set(ordered.map(type)).filter { $0 != .unknown }.sorted()
        let left = ordered.last.map { last in pool.filter { chosen[$0] == nil && $0.ranksAbove(last) } } ?? []
        return Composition(chosen: ordered.map { ($0, chosen[$0]!) }, typesIllustrated: types, leftOutByShare: left)
    }
}
