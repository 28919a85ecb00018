import ATLModel
import ATLData
import ATLEngine
/// How a simulated allocation was made.
public enum AllocationMethod: String, Sendable, Hashable, CaseIterable {
    /// Child-proposing deferred acceptance (Gale–Shapley) with places per setting and per need.
    case deferredAcceptance = "deferred-acceptance"
    /// Each child in lottery order takes the nearest listed setting that still has a place.
    case greedyNearest = "greedy-nearest"

    public var title: String {
        switch self {
        case .deferredAcceptance: "Deferred acceptance"
        case .greedyNearest: "Greedy nearest"
        }
    }
}

/// Where each child of a problem ends up under one method: the index of the application (list entry) that
/// places them, or nil when unplaced. A simulation of sufficiency, never a placement decision.
public struct AllocationOutcome: Sendable, Hashable {
    public var method: AllocationMethod
    /// Per child (problem order): index into the child's applications, nil when unplaced.
    public var placement: [Int?]

    public init(method: AllocationMethod, placement: [Int?]) {
        self.method = method
        self.placement = placement
    }
}

/// A setting's priority for one child: higher suitability score first, then nearer, then the lower lottery
/// number, then (only if two children drew the same 64-bit number) the earlier child. `a < b` means a ranks above b.
public struct SettingPriority: Sendable, Hashable, Comparable {
    public var milli: Int32
    public var distance: Int64
    public var lottery: UInt64
    public var child: Int32

    public static func < (a: SettingPriority, b: SettingPriority) -> Bool {
        if a.milli != b.milli { return a.milli > b.milli }
        if a.distance != b.distance { return a.distance < b.distance }
        if a.lottery != b.lottery { return a.lottery < b.lottery }
        return a.child < b.child
    }
}

extension AllocationProblem {
    /// Number of need codes (group slots per pool).
    static let needSlots = NeedCode.allCases.count

    /// The priority child `c` has at the setting of its application `a`.
    public func priority(child c: Int, _ a: Application) -> SettingPriority {
        SettingPriority(milli: a.milli, distance: a.distanceKey, lottery: children[c].lottery, child: Int32(c))
    }

    func poolSlot(_ a: Application) -> Int { a.provider * 2 + (a.pool == .specialist ? 0 : 1) }

    /// Child-proposing deferred acceptance with places per pool and per need (nil = not capacity-limited).
    ///
    /// Free children propose to the next setting on their list; each pool holds the best children it can (by
    /// ``SettingPriority``) within its places and per-need places, in heaps with the worst held child on top,
    /// and rejects the rest, who propose further down their lists. Ends when every child is held or has run
    /// out of list. The result is stable and the best stable outcome for every child, and independent of the
    /// order in which free children propose.
    public func deferredAcceptance() -> AllocationOutcome {
        let n = children.count
        var next = [Int](repeating: 0, count: n)
        var held = [Int](repeating: -1, count: n)
        let slots = Self.needSlots
        var heaps = [WorstFirstHeap](repeating: WorstFirstHeap(), count: providers.count * 2 * slots)
        var poolCount = [Int](repeating: 0, count: providers.count * 2)
        var free = Array((0..<n).reversed())
        while let c = free.popLast() {
            let child = children[c]
            guard next[c] < child.applications.count else { continue }
            let ai = next[c]
            next[c] += 1
            let a = child.applications[ai]
            let cap = places(a), needCap = needCap(a, need: child.primaryNeed)
            if cap == 0 || needCap == 0 {
                free.append(c)
                continue
            }
            let pool = poolSlot(a)
            let g = pool * slots + child.primaryNeed.bit
            heaps[g].push(priority(child: c, a))
            poolCount[pool] += 1
            held[c] = ai
            var evicted = -1
            if let needCap, heaps[g].count > needCap {
                evicted = Int(heaps[g].pop().child)
            } else if let cap, poolCount[pool] > cap {
                var worst = -1
                for k in pool * slots ..< (pool + 1) * slots where !heaps[k].isEmpty {
                    if worst < 0 || heaps[worst].top < heaps[k].top { worst = k }
                }
                evicted = Int(heaps[worst].pop().child)
            }
            if evicted >= 0 {
                poolCount[pool] -= 1
                held[evicted] = -1
                free.append(evicted)
            }
        }
        return AllocationOutcome(method: .deferredAcceptance, placement: held.map { $0 >= 0 ? $0 : nil })
    }

    /// Children in lottery order (lowest number first; input order if two drew the same number).
    public var lotteryOrder: [Int] {
        children.indices.sorted { (children[$0].lottery, $0) < (children[$1].lottery, $1) }
    }

    /// The comparison method: each child in lottery order takes the nearest setting on their list that still has
    /// a place (unknown distance last, then list order). Not stable: a child drawn early can take a place a
    /// better-suited child drawn later needed.
    public func greedyNearest() -> AllocationOutcome {
        let slots = Self.needSlots
        var poolCount = [Int](repeating: 0, count: providers.count * 2)
        var groupCount = [Int](repeating: 0, count: providers.count * 2 * slots)
        var placement = [Int?](repeating: nil, count: children.count)
        for c in lotteryOrder {
            let child = children[c]
            let order = child.applications.indices.sorted {
                let a = child.applications[$0], b = child.applications[$1]
                return (a.distanceKey, a.listRank, $0) < (b.distanceKey, b.listRank, $1)
            }
            for ai in order {
                let a = child.applications[ai]
                let pool = poolSlot(a), g = pool * slots + child.primaryNeed.bit
                if let cap = places(a), poolCount[pool] >= cap { continue }
                if let nc = needCap(a, need: child.primaryNeed), groupCount[g] >= nc { continue }
                poolCount[pool] += 1
                groupCount[g] += 1
                placement[c] = ai
                break
            }
        }
        return AllocationOutcome(method: .greedyNearest, placement: placement)
    }

    /// Children with justified envy under `o`: for each, the first application they prefer to their outcome
    /// whose pool has a free place they could take (within its per-need places), or holds a child it ranks
    /// below them whose place they could take. Empty exactly when `o` is stable.
    public func blockingPairs(_ o: AllocationOutcome) -> [(child: Int, application: Int)] {
        let slots = Self.needSlots
        var poolCount = [Int](repeating: 0, count: providers.count * 2)
        var groupCount = [Int](repeating: 0, count: providers.count * 2 * slots)
        var poolWorst = [SettingPriority?](repeating: nil, count: providers.count * 2)
        var groupWorst = [SettingPriority?](repeating: nil, count: providers.count * 2 * slots)
        for (c, p) in o.placement.enumerated() {
            guard let ai = p else { continue }
            let a = children[c].applications[ai]
            let pool = poolSlot(a), g = pool * slots + children[c].primaryNeed.bit
            let pr = priority(child: c, a)
            poolCount[pool] += 1
            groupCount[g] += 1
            if poolWorst[pool].map({ $0 < pr }) ?? true { poolWorst[pool] = pr }
            if groupWorst[g].map({ $0 < pr }) ?? true { groupWorst[g] = pr }
        }
        var out: [(child: Int, application: Int)] = []
        for (c, child) in children.enumerated() {
            let limit = o.placement[c] ?? child.applications.count
            for ai in 0..<limit {
                let a = child.applications[ai]
                let pool = poolSlot(a), g = pool * slots + child.primaryNeed.bit
                let pr = priority(child: c, a)
                let cap = places(a), needCap = needCap(a, need: child.primaryNeed)
                let blocks: Bool
                if cap == 0 || needCap == 0 {
                    blocks = false
                } else if let needCap, groupCount[g] >= needCap {
                    blocks = groupWorst[g].map { pr < $0 } ?? false
                } else if let cap, poolCount[pool] >= cap {
                    blocks = poolWorst[pool].map { pr < $0 } ?? false
                } else {
                    blocks = true
                }
                if blocks {
                    out.append((c, ai))
                    break
                }
            }
        }
        return out
    }
}

/// A binary max-heap of priorities ordered so the child the setting ranks lowest is on top.
struct WorstFirstHeap: Sendable {
    var items: [SettingPriority] = []
    init() {}

    var count: Int { items.count }
    var isEmpty: Bool { items.isEmpty }
    var top: SettingPriority { items[0] }

    mutating func push(_ p: SettingPriority) {
        items.append(p)
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard items[parent] < items[i] else { break }
            items.swapAt(parent, i)
            i = parent
        }
    }

    mutating func pop() -> SettingPriority {
        let top = items[0]
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < items.count && items[m] < items[l] { m = l }
                if r < items.count && items[m] < items[r] { m = r }
                if m == i { break }
                items.swapAt(i, m)
                i = m
            }
        }
        return top
    }
}
