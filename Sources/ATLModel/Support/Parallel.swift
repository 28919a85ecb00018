import Dispatch

/// Data-parallel helpers over `DispatchQueue.concurrentPerform`, the only concurrency primitive the hot paths
/// use. Results are written to disjoint slots, so output order never depends on thread scheduling.
public enum Parallel {
    /// Number of worker threads to use: `ATL_THREADS` if set (≥ 1), else the active processor count.
    public static var defaultThreads: Int {
        if let s = ProcessInfo.processInfo.environment["ATL_THREADS"], let n = Int(s), n >= 1 { return n }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Maps `body` over `0..<count` in parallel chunks and returns results in index order.
    public static func map<T: Sendable>(_ count: Int, threads: Int = defaultThreads,
                                        _ body: @Sendable (Int) -> T) -> [T] {
        if count == 0 { return [] }
        if threads <= 1 || count == 1 { return (0..<count).map(body) }
        let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        // The slots own their results until they are moved into the array returned: never leaked (a child's
        // whole list in a batch), never copied (a copy of a setting retains and releases every field).
        defer { slots.deallocate() }
        let box = UnsafeSendable(slots)
        let chunks = min(count, threads * 4)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let lo = count * c / chunks, hi = count * (c + 1) / chunks
            for i in lo..<hi { box.value[i] = body(i) }
        }
        return [T](unsafeUninitializedCapacity: count) { out, initialised in
            for i in 0..<count { (out.baseAddress! + i).initialize(to: (slots.baseAddress! + i).move()!) }
            initialised = count
        }
    }

    /// Runs `body(chunkIndex, range)` over `0..<count` split into `chunks` contiguous ranges.
    public static func forEachChunk(_ count: Int, chunks: Int, _ body: @Sendable (Int, Range<Int>) -> Void) {
        let n = max(1, min(chunks, max(count, 1)))
        if n == 1 { body(0, 0..<count); return }
        DispatchQueue.concurrentPerform(iterations: n) { c in
            body(c, (count * c / n)..<(count * (c + 1) / n))
        }
    }
}

/// Wraps a value the caller guarantees is used without data races (disjoint writes from parallel chunks).
public struct UnsafeSendable<T>: @unchecked Sendable {
    public let value: T
    public init(_ value: T) { self.value = value }
}

import Foundation
