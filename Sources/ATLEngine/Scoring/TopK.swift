import ATLModel
import ATLData
/// A scored candidate: ordering key, total (thousandths of a point), URN and index position.
public struct Candidate: Sendable, Hashable {
    /// The policy's ordering key (``PairEvaluator/Order``): band, within the journey, not judged Inadequate,
    /// maintained or asked for. Higher ranks first, whatever the score: points express degree, the key the rules
    /// a list must guarantee (a long journey never outranks a near setting of the same band, …).
    public var order: UInt8
    public var total: Int32
    public var urn: Int32
    public var position: Int32

    public init(order: UInt8, total: Int32, urn: Int32, position: Int32) {
        self.order = order
        self.total = total
        self.urn = urn
        self.position = position
    }

    /// The band the ordering key holds (2 = A, 1 = B).
    public var band: UInt8 { PairEvaluator.Order.band(order) }

    /// Ranking order: higher ordering key first, then higher score, then lower URN (a stable key, never storage
    /// or hash order).
    @inline(__always) public func ranksAbove(_ o: Candidate) -> Bool {
        if order != o.order { return order > o.order }
        return total != o.total ? total > o.total : urn < o.urn
    }
}

/// Bounded top-k by ``Candidate/ranksAbove(_:)``: a binary min-heap of the k best seen so far, worst at the
/// root. Insert is O(log k); storage is allocated once. Results equal a full sort's first k for any input order.
public struct TopK: Sendable {
    public let capacity: Int
    private var heap: [Candidate]

    public init(capacity: Int) {
        precondition(capacity >= 1)
        self.capacity = capacity
        heap = []
        heap.reserveCapacity(capacity)
    }

    public var count: Int { heap.count }

    @inline(__always) public mutating func insert(_ c: Candidate) {
        if heap.count < capacity {
            heap.append(c)
            siftUp(heap.count - 1)
        } else if c.ranksAbove(heap[0]) {
            heap[0] = c
            siftDown(0)
        }
    }

    /// The lowest-ranked candidate kept, when full (anything not above it cannot enter).
    public var threshold: Candidate? { heap.count == capacity ? heap[0] : nil }

    @inline(__always) private mutating func siftUp(_ start: Int) {
        var i = start
        while i > 0 {
            let p = (i - 1) / 2
            if heap[p].ranksAbove(heap[i]) { heap.swapAt(p, i); i = p } else { break }
        }
    }

    @inline(__always) private mutating func siftDown(_ start: Int) {
        var i = start
        let n = heap.count
        while true {
            let l = 2 * i + 1, r = l + 1
            var worst = i
            if l < n && heap[worst].ranksAbove(heap[l]) { worst = l }
            if r < n && heap[worst].ranksAbove(heap[r]) { worst = r }
            if worst == i { return }
            heap.swapAt(i, worst)
            i = worst
        }
    }

    public mutating func merge(_ other: TopK) { for c in other.heap { insert(c) } }

    /// Best first.
    public func sorted() -> [Candidate] { heap.sorted { $0.ranksAbove($1) } }
}
