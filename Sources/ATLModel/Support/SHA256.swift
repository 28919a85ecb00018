/// SHA-256 (FIPS 180-4), written here because Foundation on Linux has no digest API and the project takes
/// no third-party packages. Used for the audit stamp's content hashes, not for security.
public struct SHA256: Sendable {
    private var h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
        (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
    private var buffer: [UInt8] = []
    private var length: UInt64 = 0

    public init() { buffer.reserveCapacity(64) }

    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { buf in updateContiguous(buf) }
        if done == nil { updateContiguous(Array(bytes)) }
    }

    private mutating func updateContiguous(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { updateContiguous($0) }
    }

    private mutating func updateContiguous(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        length &+= UInt64(bytes.count)
        var i = 0
        if !buffer.isEmpty {
            while i < bytes.count && buffer.count < 64 { buffer.append(bytes[i]); i += 1 }
            if buffer.count == 64 {
                let full = buffer
                full.withUnsafeBufferPointer { compressBlocks($0.baseAddress!, count: 1) }
                buffer.removeAll(keepingCapacity: true)
            }
        }
        let blocks = (bytes.count - i) / 64
        if blocks > 0 {
            compressBlocks(base + i, count: blocks)
            i += blocks * 64
        }
        while i < bytes.count { buffer.append(bytes[i]); i += 1 }
    }

    public mutating func update(_ string: String) { update(string.utf8) }

    /// Compresses `count` whole 64-byte blocks starting at `p`: raw pointers and a 16-word rolling message
    /// schedule on the stack, so no per-block allocation, array copy or bounds check (about 3x the old loop).
    private mutating func compressBlocks(_ p: UnsafePointer<UInt8>, count: Int) {
        var state = h
        SHA256.k.withUnsafeBufferPointer { kb in
            let k = kb.baseAddress!
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 16) { wb in
                let w = wb.baseAddress!
                let raw = UnsafeRawPointer(p)
                for b in 0..<count {
                    let block = raw + b * 64
                    for t in 0..<16 { w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4 * t, as: UInt32.self)) }
                    var (a, bb, c, d, e, f, g, hh) = state
                    for t in 0..<64 {
                        let wt: UInt32
                        if t < 16 {
                            wt = w[t]
                        } else {
                            let w15 = w[(t - 15) & 15], w2 = w[(t - 2) & 15]
                            let s0 = SHA256.rotr(w15, 7) ^ SHA256.rotr(w15, 18) ^ (w15 >> 3)
                            let s1 = SHA256.rotr(w2, 17) ^ SHA256.rotr(w2, 19) ^ (w2 >> 10)
                            wt = w[t & 15] &+ s0 &+ w[(t - 7) & 15] &+ s1
                            w[t & 15] = wt
                        }
                        let s1 = SHA256.rotr(e, 6) ^ SHA256.rotr(e, 11) ^ SHA256.rotr(e, 25)
                        let ch = (e & f) ^ (~e & g)
                        let t1 = hh &+ s1 &+ ch &+ k[t] &+ wt
                        let s0 = SHA256.rotr(a, 2) ^ SHA256.rotr(a, 13) ^ SHA256.rotr(a, 22)
                        let maj = (a & bb) ^ (a & c) ^ (bb & c)
                        hh = g; g = f; f = e; e = d &+ t1; d = c; c = bb; bb = a; a = t1 &+ s0 &+ maj
                    }
                    state = (state.0 &+ a, state.1 &+ bb, state.2 &+ c, state.3 &+ d,
                             state.4 &+ e, state.5 &+ f, state.6 &+ g, state.7 &+ hh)
                }
            }
        }
        h = state
    }

    @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 &- n)) }

    /// The 32-byte digest. Consumes a copy, so the hasher may keep being updated.
    public func finalize() -> [UInt8] {
        var copy = self
        let bitLength = length &* 8
        copy.buffer.append(0x80)
        if copy.buffer.count > 56 {
            while copy.buffer.count < 64 { copy.buffer.append(0) }
            let full = copy.buffer
            full.withUnsafeBufferPointer { copy.compressBlocks($0.baseAddress!, count: 1) }
            copy.buffer.removeAll(keepingCapacity: true)
        }
        while copy.buffer.count < 56 { copy.buffer.append(0) }
        for i in (0..<8).reversed() { copy.buffer.append(UInt8(truncatingIfNeeded: bitLength >> (UInt64(i) * 8))) }
        let last = copy.buffer
        last.withUnsafeBufferPointer { copy.compressBlocks($0.baseAddress!, count: 1) }
        var out: [UInt8] = []
        for word in [copy.h.0, copy.h.1, copy.h.2, copy.h.3, copy.h.4, copy.h.5, copy.h.6, copy.h.7] {
            out += [UInt8(word >> 24), UInt8(truncatingIfNeeded: word >> 16), UInt8(truncatingIfNeeded: word >> 8),
                    UInt8(truncatingIfNeeded: word)]
        }
        return out
    }

    /// Lower-case hexadecimal digest.
    public func hexDigest() -> String {
        let digest = finalize()
        return String(unsafeUninitializedCapacity: 64) { out in
            for (i, b) in digest.enumerated() {
                out[2 * i] = SHA256.hexDigit(b >> 4)
                out[2 * i + 1] = SHA256.hexDigit(b & 15)
            }
            return 64
        }
    }

    @inline(__always) private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x57 + v }

    public static func hex(_ string: String) -> String {
        var h = SHA256()
        h.update(string)
        return h.hexDigest()
    }

    public static func hex(_ bytes: [UInt8]) -> String {
        var h = SHA256()
        h.update(bytes)
        return h.hexDigest()
    }
}
