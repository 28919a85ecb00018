import ATLModel
import ATLData
/// Little-endian byte writer for the compiled-index snapshot: fixed-width numbers, length-prefixed UTF-8
/// strings and raw arrays of plain numeric types.
struct SnapshotWriter {
    var bytes: [UInt8] = []

    init(reserve: Int = 0) { bytes.reserveCapacity(reserve) }

    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func i64(_ v: Int64) { u64(UInt64(bitPattern: v)) }
    mutating func f64(_ v: Double) { u64(v.bitPattern) }
    mutating func int(_ v: Int) { i64(Int64(v)) }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { buf in
            u32(UInt32(buf.count))
            bytes.append(contentsOf: buf)
        }
    }

    mutating func optString(_ s: String?) {
        bool(s != nil)
        if let s { string(s) }
    }

    mutating func optInt(_ v: Int?) {
        bool(v != nil)
        if let v { int(v) }
    }

    /// An array of a plain numeric type, as its count then its raw little-endian bytes.
    mutating func array<T: FixedWidthInteger>(_ a: [T]) {
        u64(UInt64(a.count))
        for v in a { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    }

    mutating func array(_ a: [Double]) { array(a.map(\.bitPattern)) }
    mutating func array(_ a: [Float]) { array(a.map(\.bitPattern)) }
}

/// Reads what ``SnapshotWriter`` wrote; every read is bounds-checked and throws ``SnapshotReader/Truncated``.
struct SnapshotReader {
    struct Truncated: Error {}
    let base: UnsafeRawBufferPointer
    var offset: Int

    init(_ base: UnsafeRawBufferPointer, offset: Int = 0) {
        self.base = base
        self.offset = offset
    }

    @inline(__always) mutating func take(_ n: Int) throws(Truncated) -> UnsafeRawBufferPointer {
        guard n >= 0, offset <= base.count - n else { throw Truncated() }
        let r = UnsafeRawBufferPointer(rebasing: base[offset..<(offset + n)])
        offset += n
        return r
    }

    mutating func u8() throws(Truncated) -> UInt8 { try take(1)[0] }
    mutating func bool() throws(Truncated) -> Bool { try u8() != 0 }
    mutating func u32() throws(Truncated) -> UInt32 { UInt32(littleEndian: try take(4).loadUnaligned(as: UInt32.self)) }
    mutating func u64() throws(Truncated) -> UInt64 { UInt64(littleEndian: try take(8).loadUnaligned(as: UInt64.self)) }
    mutating func i64() throws(Truncated) -> Int64 { Int64(bitPattern: try u64()) }
    mutating func f64() throws(Truncated) -> Double { Double(bitPattern: try u64()) }
    mutating func int() throws(Truncated) -> Int { Int(try i64()) }

    mutating func string() throws(Truncated) -> String {
        let n = Int(try u32())
        return String(decoding: try take(n), as: UTF8.self)
    }

    mutating func optString() throws(Truncated) -> String? { try bool() ? try string() : nil }
    mutating func optInt() throws(Truncated) -> Int? { try bool() ? try int() : nil }

    mutating func array<T: FixedWidthInteger>(_: T.Type) throws(Truncated) -> [T] {
        let n = try u64()
        let size = MemoryLayout<T>.size
        guard n <= UInt64(base.count / max(1, size)) else { throw Truncated() }
        let raw = try take(Int(n) * size)
        return [T](unsafeUninitializedCapacity: Int(n)) { buf, count in
            if Int(n) > 0 { UnsafeMutableRawBufferPointer(buf).copyMemory(from: raw) }
            for i in 0..<Int(n) { buf[i] = T(littleEndian: buf[i]) }
            count = Int(n)
        }
    }

    mutating func doubles() throws(Truncated) -> [Double] { try array(UInt64.self).map { Double(bitPattern: $0) } }
    mutating func floats() throws(Truncated) -> [Float] { try array(UInt32.self).map { Float(bitPattern: $0) } }
}

/// A fast 64-bit checksum over a byte buffer (four independent multiply-rotate lanes over 8-byte words, then
/// mixed). Each lane is a bijection of its state for a fixed input, so changing any single word always
/// changes that lane; it detects truncation and flipped bytes in a snapshot at memory speed. Not a
/// cryptographic hash: the catalogue hash in the header is SHA-256.
public enum SnapshotChecksum {
    public static func of(_ p: UnsafeRawBufferPointer) -> UInt64 {
        let m1: UInt64 = 0x9E37_79B1_85EB_CA87, m2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        var a: UInt64 = 0x243F_6A88_85A3_08D3, b: UInt64 = 0x1319_8A2E_0370_7344
        var c: UInt64 = 0xA409_3822_299F_31D0, d: UInt64 = 0x082E_FA98_EC4E_6C89
        let n = p.count
        var i = 0
        @inline(__always) func step(_ h: UInt64, _ w: UInt64) -> UInt64 {
            let x = (h ^ w) &* m1
            return (x << 31 | x >> 33) &* m2
        }
        while i + 32 <= n {
            a = step(a, UInt64(littleEndian: p.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            b = step(b, UInt64(littleEndian: p.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)))
            c = step(c, UInt64(littleEndian: p.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)))
            d = step(d, UInt64(littleEndian: p.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)))
            i += 32
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(p[i]) << shift
            shift += 8
            if shift == 64 { a = step(a, tail); tail = 0; shift = 0 }
            i += 1
        }
        a = step(a, tail)
        var h = UInt64(n) &* m2
        for lane in [a, b, c, d] {
            h = step(h, lane)
        }
        h ^= h >> 29
        h = h &* m1
        h ^= h >> 32
        return h
    }
}
