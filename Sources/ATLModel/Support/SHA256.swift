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
        length &+= UInt64(bytes.count)
        var i = 0
        if !buffer.isEmpty {
            while i < bytes.count && buffer.count < 64 { buffer.append(bytes[i]); i += 1 }
            if buffer.count == 64 {
                let full = buffer
                full.withUnsafeBufferPointer { compress($0.baseAddress!, blocks: 1) }
                buffer.removeAll(keepingCapacity: true)
            }
        }
        let blocks = (bytes.count - i) / 64
        if blocks > 0, let base = bytes.baseAddress {
            compress(base + i, blocks: blocks)
            i += blocks * 64
        }
        while i < bytes.count { buffer.append(bytes[i]); i += 1 }
    }

    public mutating func update(_ string: String) { update(string.utf8) }

    @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x &>> n) | (x &<< (32 &- n)) }

    /// One round with the working variables passed in their rotated order, so eight rounds in a row need no
    /// moves between variables (FIPS 180-4, 6.2.2 step 3).
    @inline(__always) private static func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                                                _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32) {
        let t1 = h &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ (g ^ (e & (f ^ g))) &+ kw
        let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) | (c & (a | b)))
        d = d &+ t1
        h = t1 &+ t2
    }

    /// Compresses `blocks` consecutive 64-byte blocks starting at `p`.
    private mutating func compress(_ p: UnsafePointer<UInt8>, blocks: Int) {
        // The round constants through a pointer taken once per call, so the rounds read them unchecked.
        SHA256.k.withUnsafeBufferPointer { kb in
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { wb in
            let w = wb.baseAddress!
            let k = kb.baseAddress!
            var (a, b, c, d, e, f, g, hh) = h
            let raw = UnsafeRawPointer(p)
            for block in 0..<blocks {
                let base = raw + block * 64
                for i in 0..<16 { w[i] = UInt32(bigEndian: base.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)) }
                for i in 16..<64 {
                    let x = w[i - 15], y = w[i - 2]
                    let s0 = SHA256.rotr(x, 7) ^ SHA256.rotr(x, 18) ^ (x &>> 3)
                    let s1 = SHA256.rotr(y, 17) ^ SHA256.rotr(y, 19) ^ (y &>> 10)
                    w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                }
                let (a0, b0, c0, d0, e0, f0, g0, h0) = (a, b, c, d, e, f, g, hh)
                var i = 0
                while i < 64 {
                    SHA256.round(a, b, c, &d, e, f, g, &hh, k[i] &+ w[i])
                    SHA256.round(hh, a, b, &c, d, e, f, &g, k[i + 1] &+ w[i + 1])
                    SHA256.round(g, hh, a, &b, c, d, e, &f, k[i + 2] &+ w[i + 2])
                    SHA256.round(f, g, hh, &a, b, c, d, &e, k[i + 3] &+ w[i + 3])
                    SHA256.round(e, f, g, &hh, a, b, c, &d, k[i + 4] &+ w[i + 4])
                    SHA256.round(d, e, f, &g, hh, a, b, &c, k[i + 5] &+ w[i + 5])
                    SHA256.round(c, d, e, &f, g, hh, a, &b, k[i + 6] &+ w[i + 6])
                    SHA256.round(b, c, d, &e, f, g, hh, &a, k[i + 7] &+ w[i + 7])
                    i += 8
                }
                a = a &+ a0; b = b &+ b0; c = c &+ c0; d = d &+ d0
                e = e &+ e0; f = f &+ f0; g = g &+ g0; hh = hh &+ h0
            }
            h = (a, b, c, d, e, f, g, hh)
        }
        }
    }

    /// The 32-byte digest. Consumes a copy, so the hasher may keep being updated.
    public func finalize() -> [UInt8] {
        var copy = self
        let bitLength = length &* 8
        copy.buffer.append(0x80)
        if copy.buffer.count > 56 {
            while copy.buffer.count < 64 { copy.buffer.append(0) }
            let full = copy.buffer
            full.withUnsafeBufferPointer { copy.compress($0.baseAddress!, blocks: 1) }
            copy.buffer.removeAll(keepingCapacity: true)
        }
        while copy.buffer.count < 56 { copy.buffer.append(0) }
        for i in (0..<8).reversed() { copy.buffer.append(UInt8(truncatingIfNeeded: bitLength >> (UInt64(i) * 8))) }
        let last = copy.buffer
        last.withUnsafeBufferPointer { copy.compress($0.baseAddress!, blocks: 1) }
        var out: [UInt8] = []
        for word in [copy.h.0, copy.h.1, copy.h.2, copy.h.3, copy.h.4, copy.h.5, copy.h.6, copy.h.7] {
            out += [UInt8(word >> 24), UInt8(truncatingIfNeeded: word >> 16), UInt8(truncatingIfNeeded: word >> 8),
                    UInt8(truncatingIfNeeded: word)]
        }
        return out
    }

    /// Lower-case hexadecimal digest.
    public func hexDigest() -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in finalize() {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

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
