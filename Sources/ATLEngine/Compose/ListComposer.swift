import ATLModel
import ATLData
/// Why a setting is on a list.
public enum Inclusion: Sendable, Hashable {
    /// Among the best that meet the need (band A), by the policy's order.
    case score
    /// Added by the diversity rule so the list illustrates choice: the best setting of its type within the journey,
    /// which would not otherwise have made the list.
    case diversity(SettingType)
    /// Added by order after the one-type share limit was relaxed because too few other settings were suitable.
    case shareRelaxed
    /// May also meet the need (band B): added because fewer than a handful of settings meet it (policy R9).
    case mayAlsoMeet
    /// The family named it (policy R1): always listed, with every caution.
    case named
    /// Beyond the maximum journey: among the nearest settings that meet the need, because too few within the
    /// journey do (policy R2).
    case longJourney
    /// Beyond the maximum journey: the nearest maintained setting that meets the need, because none within the
    /// journey is maintained and not judged Inadequate (policy R2, R6).
    case nearestMaintained
    /// A specialist setting within the journey that does not publish the needs it is designated for, added because
    /// too few settings within the journey are known to meet the need: it may (ask it).
    case designationNotPublished
    /// Put on the list by the officer reviewing it (``OfficerReview``), with a reason recorded in the list's notes.
    case addedByOfficer

    public var key: String {
        switch self {
        case .score: "score"
        case .diversity: "diversity"
        case .shareRelaxed: "share-relaxed"
        case .mayAlsoMeet: "may-also-meet"
        case .named: "named"
        case .longJourney: "long-journey"
        case .nearestMaintained: "nearest-maintained"
        case .designationNotPublished: "designation-not-published"
        case .addedByOfficer: "added-by-officer"
        }
    }
}

/// Composes an advisory list (policy R1, R2, R9): the settings the family named and the long journeys the
/// fallback found are pinned; then every suitable setting type within the journey gets a place for its best
/// setting, so the list "illustrates choice"; then the places go to the settings that meet the need (band A) in
/// the policy's order, no type taking more than a set share while others are available; settings that may also
/// meet the need (band B) only bring a short list up to a handful. Nothing is padded in: a setting outside both
/// bands is never a candidate. Pure and deterministic.
public enum ListComposer {
    public struct Composition: Sendable {
        /// Chosen candidates in list order (``Candidate/ranksAbove(_:)``), with why each is there.
        public var chosen: [(candidate: Candidate, inclusion: Inclusion)]
        /// Setting types represented, in type order.
        public var typesIllustrated: [SettingType]
        /// Settings that meet the need within the journey, rank above a listed one of the same band, and were left
        /// out so the list illustrates choice (their type had reached its share, or a place went to another type).
        public var leftOutByShare: [Candidate]
    }

    /// - Parameters:
    ///   - pool: eligible candidates within the journey, best first (not including pinned ones).
    ///   - pinned: candidates that are on the list whatever their rank (named, long journeys); they count towards
    ///     `size` but are never dropped.
    ///   - type: the setting type of a candidate.
    ///   - size: list length N; `maxShare`: most of N one type may take (at least 1 place); `handful`: band B
    ///     settings are added only while the list is shorter than this.
    public static func compose(pool: [Candidate], pinned: [(candidate: Candidate, inclusion: Inclusion)] = [],
                               type: (Candidate) -> SettingType, size: Int, maxShare: Double,
                               handful: Int) -> Composition {
        let cap = max(1, Int((Double(size) * maxShare).rounded(.down)))
        var chosen: [Candidate: Inclusion] = [:]
        var perType: [SettingType: Int] = [:]
        for (c, why) in pinned where chosen[c] == nil {
            chosen[c] = why
            perType[type(c), default: 0] += 1
        }
        let room = max(0, size - chosen.count)
        var added = 0
        func add(_ c: Candidate, _ why: Inclusion) {
            chosen[c] = why
            perType[type(c), default: 0] += 1
            added += 1
        }
        let plainTop = Set(pool.prefix(room).map(\.urn))
        // 1. Reserve the best of each known type in the pool, types ordered by their best rank; a type a pinned
        //    setting already shows needs no place.
        var seenTypes: [SettingType] = []
        for c in pool {
            let t = type(c)
            if t != .unknown && perType[t] == nil && !seenTypes.contains(t) { seenTypes.append(t) }
        }
        for t in seenTypes where added < room {
            let best = pool.first { type($0) == t }!
            add(best, plainTop.contains(best.urn) && best.band == 2 ? .score : .diversity(t))
        }
        // 2. Band A by order within the share cap, then with the cap relaxed; 3. band B only up to a handful.
        for band: UInt8 in [2, 1] {
            for relaxed in [false, true] {
                for c in pool where c.band == band && chosen[c] == nil {
                    if added >= room || (band == 1 && chosen.count >= handful) { break }
                    let t = type(c)
                    if relaxed || perType[t, default: 0] < cap {
                        add(c, band == 1 ? .mayAlsoMeet : relaxed ? .shareRelaxed : .score)
                    }
                }
            }
        }
        let ordered = chosen.keys.sorted { $0.ranksAbove($1) }
        let types = Set(ordered.map(type)).filter { $0 != .unknown }.sorted()
        var left: [Candidate] = []
        if let lowestA = ordered.last(where: { $0.band == 2 && pool.contains($0) }) {
            left = pool.filter { c in c.band == 2 && chosen[c] == nil && c.ranksAbove(lowestA) }
        }
        return Composition(chosen: ordered.map { ($0, chosen[$0]!) }, typesIllustrated: types, leftOutByShare: left)
    }
}
