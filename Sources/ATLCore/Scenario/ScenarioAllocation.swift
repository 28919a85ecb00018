/// What the scenario runner asks an allocator: each child's listed settings in list order (with the child's
/// score for each, which a setting uses to rank the children who apply), and the places each setting has.
public struct PlacementRequest: Sendable, Hashable {
    public var reference: String
    /// Listed settings in the child's order of preference (list rank), with the score in milli-points.
    public var choices: [Choice]
    public struct Choice: Sendable, Hashable {
        public var urn: Int
        public var milli: Int32
        public init(urn: Int, milli: Int32) {
            self.urn = urn
            self.milli = milli
        }
    }
    public init(reference: String, choices: [Choice]) {
        self.reference = reference
        self.choices = choices
    }
}

/// Allocates children to places: given every child's advisory list (cohort order) and the catalogue the lists
/// were built from, returns for each child the URN placed at, or nil. A setting whose places are unknown is
/// not capacity-limited (the report counts those placements as resting on unknowns).
public typealias PlacementAllocator = @Sendable (_ lists: [AdvisoryList], _ catalogue: Catalogue) -> [Int?]

/// FALLBACK allocator used by `atl scenario` only until the shared allocation module (branch `alloc`) is
/// merged: child-proposing deferred acceptance with capacities. Children propose down their lists; a setting
/// holds its best applicants by the child's score for it, then by reference (a stable key), up to its places.
/// The result is the child-optimal stable matching; adding places never leaves more children unplaced.
public enum ScenarioFallbackDeferredAcceptance {
    public static func allocate(_ requests: [PlacementRequest], places: [Int: Int]) -> [Int?] {
        // Setting-side rank of an applicant: higher score first, then smaller reference.
        func better(_ a: Int, _ am: Int32, than b: Int, _ bm: Int32) -> Bool {
            am != bm ? am > bm : requests[a].reference < requests[b].reference
        }
        var next = [Int](repeating: 0, count: requests.count)
        var held: [Int: [(child: Int, milli: Int32)]] = [:]
        var assigned = [Int?](repeating: nil, count: requests.count)
        var free = Array((0..<requests.count).reversed())
        while let c = free.popLast() {
            let r = requests[c]
            guard next[c] < r.choices.count else { continue }
            let choice = r.choices[next[c]]
            next[c] += 1
            guard let cap = places[choice.urn] else {
                assigned[c] = choice.urn
                continue
            }
            if cap <= 0 { free.append(c); continue }
            var h = held[choice.urn, default: []]
            if h.count < cap {
                h.append((c, choice.milli))
                assigned[c] = choice.urn
            } else {
                // Find the worst held applicant.
                var worst = 0
                for i in 1..<h.count where better(h[worst].child, h[worst].milli, than: h[i].child, h[i].milli) { worst = i }
                if better(c, choice.milli, than: h[worst].child, h[worst].milli) {
                    let out = h[worst].child
                    assigned[out] = nil
                    free.append(out)
                    h[worst] = (c, choice.milli)
                    assigned[c] = choice.urn
                } else {
                    free.append(c)
                }
            }
            held[choice.urn] = h
        }
        return assigned
    }

    public static let allocator: PlacementAllocator = { lists, catalogue in
        let requests = lists.map { l in
            PlacementRequest(reference: l.reference, choices: l.entries.map { .init(urn: $0.setting.urn, milli: $0.milli) })
        }
        var places: [Int: Int] = [:]
        for s in catalogue.settings { if let p = ScenarioRunner.places(of: s) { places[s.urn] = p } }
        return allocate(requests, places: places)
    }
}
