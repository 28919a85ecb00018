import ATLModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Memory a loaded snapshot reads in place: a read-only mapping of the file (unmapped when the last setting
/// from it is gone), or a copy of the report bytes when the snapshot was decoded from a caller's buffer.
final class SnapshotMemory: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    private let mapped: Bool

    /// Takes ownership of a mapping made with `mmap`.
    init(mapped: UnsafeRawBufferPointer) {
        bytes = mapped
        self.mapped = true
    }

    init(copying source: UnsafeRawBufferPointer) {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, source.count), alignment: 8)
        if source.count > 0 { copy.copyMemory(from: source) }
        bytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(copy)[..<source.count])
        mapped = false
    }

    deinit {
        if mapped {
            if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
        } else {
            UnsafeMutableRawPointer(mutating: bytes.baseAddress!).deallocate()
        }
    }
}

/// The reports of a loaded snapshot, each decoded when first read and then kept: a list quotes a few of
/// thousands. Safe from any thread. A report whose bytes fail its checksum (or do not decode) reads as
/// empty and is recorded as a fault; ``Catalogue/checkReports()`` refuses a result made after one.
final class SnapshotReports: LazyReportSource, @unchecked Sendable {
    private let memory: SnapshotMemory
    private let bytes: UnsafeRawBufferPointer
    /// End offset of each setting's report in `bytes` (the previous one's end is its start).
    private let ends: [UInt64]
    private let checksums: [UInt64]
    /// Each slot's URN (set once the settings are decoded, before the source is shared).
    var urns: [Int] = []
    private let file: String
    private let lock = NSLock()
    private var cache: [[ReportSection: String]?]
    private var found: [ReportFault] = []

    init(memory: SnapshotMemory, bytes: UnsafeRawBufferPointer, ends: [UInt64], checksums: [UInt64], file: String) {
        self.memory = memory
        self.bytes = bytes
        self.ends = ends
        self.checksums = checksums
        self.file = file
        cache = Array(repeating: nil, count: ends.count)
    }

    var faults: [ReportFault] {
        lock.lock()
        defer { lock.unlock() }
        return found
    }

    func report(slot: Int) -> [ReportSection: String] {
        lock.lock()
        if let r = cache[slot] { lock.unlock(); return r }
        lock.unlock()
        let (report, fault) = decode(slot)
        lock.lock()
        defer { lock.unlock() }
        if let r = cache[slot] { return r }
        cache[slot] = report
        if let fault { found.append(ReportFault(urn: urns[slot], file: file, problem: fault)) }
        return report
    }

    /// Decodes one report after checking its checksum: the report, or empty and what is wrong.
    func decode(_ slot: Int) -> ([ReportSection: String], String?) {
        let start = slot == 0 ? 0 : Int(ends[slot - 1]), end = Int(ends[slot])
        let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
        let sum = SnapshotChecksum.of(raw)
        guard sum == checksums[slot] else {
            return ([:], "checksum \(IndexSnapshot.hex(sum)), the snapshot says \(IndexSnapshot.hex(checksums[slot]))")
        }
        var r = SnapshotReader(raw)
        guard let report = try? IndexSnapshot.decodeReport(&r), r.offset == raw.count else {
            return ([:], "its bytes do not decode")
        }
        return (report, nil)
    }

    /// Decodes every report not yet read (tests; `atl index` re-encoding a loaded snapshot reads them anyway).
    func decodeAll() { for i in 0..<ends.count { _ = report(slot: i) } }
}
