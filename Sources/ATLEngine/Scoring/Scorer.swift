import ATLModel
import ATLData
import Dispatch

/// The result of scoring every setting within the maximum journey for one child.
public struct ScoringResult: Sendable {
    /// The best eligible settings of each setting type (up to `keepPerType` of each), merged best first by
    /// ``Candidate/ranksAbove(_:)``. Every choice list composition can make is among them: it takes the best of
    /// each type, then the best overall within a per-type cap.
    public var top: [Candidate]
    public var eligible: Int
    /// Excluded settings by the first rule they broke, in ``EligibilityRule`` order.
    public var excludedByRule: [Int]
    /// Settings scanned in the pair loop (the rest were beyond the maximum journey by grid cell).
    public var scanned: Int
    /// All settings in the index: every one is accounted for as eligible or excluded.
    public var settings: Int
}

/// Scores every setting in a compiled index for a compiled query: spatially pruned candidate ranges,
/// split into chunks over `DispatchQueue.concurrentPerform`, each with its own bounded top-k per setting type and
/// counters, merged deterministically (the merged top-k equals a full sort's, whatever the chunking).
public enum Scorer {
    struct ChunkState {
        /// One bounded top-k per setting type (by ``SettingType/bit``).
        var top: [TopK]
        var eligible = 0
        var excluded = [Int](repeating: 0, count: EligibilityRule.allCases.count)
        var scanned = 0

        init(keepPerType: Int) {
            top = (0..<SettingType.allCases.count).map { _ in TopK(capacity: max(1, keepPerType)) }
        }
    }

    /// Scans positions `range` into `state`. The pair loop: no allocation, no Strings, no Dictionaries.
    ///
    /// A first test over the location columns alone counts the settings surely beyond the maximum journey (the
    /// square-root-free bound ``CompiledQuery/beyondJourneySquared``; the journey is the first rule
    /// ``PairEvaluator/evaluate`` checks, so it would exclude them on that rule and nothing else) and skips
    /// them; every other setting is evaluated in full. Without a pruning grid (every pair evaluated) most pairs
    /// end at that test.
    @inline(__always)
    static func scan(_ range: Range<Int>, _ q: CompiledQuery, _ x: CompiledIndex, _ state: inout ChunkState) {
        // With a travel matrix a pair's journey may come from the matrix: no straight-line shortcut then.
        let bound = q.matrixKm.isEmpty ? q.beyondJourneySquared : .infinity
        let hx = q.homeEast, hy = q.homeNorth
        let located = CompiledIndex.Flag.hasLocation
        var beyond = 0, eligible = 0
        x.easting.withUnsafeBufferPointer { ex in
        x.northing.withUnsafeBufferPointer { ny in
        x.flags.withUnsafeBufferPointer { fl in
            for i in range {
                let dx = ex[i] - hx, dy = ny[i] - hy
                if dx * dx + dy * dy > bound && fl[i] & located != 0 {
                    beyond += 1
                    continue
                }
                var sink = TotalSink()
                let o = PairEvaluator.evaluate(i, q, x, sink: &sink)
                if o.excluded != 0 {
                    state.excluded[o.excluded.trailingZeroBitCount] += 1
                } else {
                    eligible += 1
                    state.top[Int(x.typeIndex[i])].insert(Candidate(order: o.order, total: o.total, urn: x.urn[i], position: Int32(i)))
                }
            }
        }}}
        state.scanned += range.count
        state.eligible += eligible
        state.excluded[EligibilityRule.journey.rawValue] += beyond
    }

    /// Scores one child. `keepPerType` is how many of each setting type's best to keep (the list size).
    /// `threads` > 1 splits the candidate settings into chunks (worthwhile for one list over a large catalogue; a
    /// batch parallelises over children instead and passes 1). `prune` false scans every setting (benchmarks
    /// compare both).
    public static func score(_ q: CompiledQuery, index x: CompiledIndex, keepPerType: Int, threads: Int = 1,
                             prune: Bool = true) -> ScoringResult {
        var ranges: [Range<Int>] = []
        if prune {
            x.forEachCandidateRange(east: q.homeEast, north: q.homeNorth, radius: q.searchRadius) { ranges.append($0) }
        } else {
            ranges = [0..<x.count]
        }
        let total = ranges.reduce(0) { $0 + $1.count }
        let chunks = threads <= 1 || total < 4096 ? 1 : min(threads * 4, total / 1024)
        var merged = ChunkState(keepPerType: keepPerType)
        if chunks == 1 {
            for r in ranges { scan(r, q, x, &merged) }
        } else {
            // Cut the concatenated ranges into `chunks` equal slices.
            let ranges = ranges
            let states = Parallel.map(chunks, threads: threads) { c -> ChunkState in
                var st = ChunkState(keepPerType: keepPerType)
                let lo = total * c / chunks, hi = total * (c + 1) / chunks
                var offset = 0
                for r in ranges {
                    let a = max(lo, offset), b = min(hi, offset + r.count)
                    if a < b { scan((r.lowerBound + a - offset)..<(r.lowerBound + b - offset), q, x, &st) }
                    offset += r.count
                    if offset >= hi { break }
                }
                return st
            }
            for st in states {
                for t in 0..<st.top.count { merged.top[t].merge(st.top[t]) }
                merged.eligible += st.eligible
                merged.scanned += st.scanned
                for k in 0..<st.excluded.count { merged.excluded[k] += st.excluded[k] }
            }
        }
        merged.excluded[EligibilityRule.journey.rawValue] += x.count - merged.scanned
        let top = merged.top.flatMap { $0.sorted() }.sorted { $0.ranksAbove($1) }
        return ScoringResult(top: top, eligible: merged.eligible, excludedByRule: merged.excluded,
                             scanned: merged.scanned, settings: x.count)
    }
}
