import Foundation
@testable import ATLModel
@testable import ATLData
import ATLTestSupport
import Testing

/// ``InputFile/read(_:what:limit:)`` returns exactly the file's bytes, whatever its size against the buffer it
/// sizes from the file's length, and refuses one byte over the limit.
@Suite struct InputFileReadTests {
    @Test func bytesRoundTripAtEverySizeBoundary() throws {
        let t = try TemporaryFolder("read")
        var rng = SeededRandom(seed: 87)
        for size in [0, 1, 2, 63, 64, 65, 4095, 4096, 4097, 65_535, 65_536, 65_537, 300_001] {
            let bytes = (0..<size).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let path = t.path("f\(size)")
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            #expect(try InputFile.read(path, what: "test file", limit: size + 10) == bytes, "size \(size)")
            #expect(try InputFile.read(path, what: "test file", limit: size) == bytes, "size \(size) at the limit")
            if size > 0 {
                #expect(throws: ATLError.self, "size \(size) over the limit") { try InputFile.read(path, what: "test file", limit: size - 1) }
            }
        }
    }

    /// A file whose length says 0 but which has bytes (procfs) is read in full: the path a file that grew since
    /// it was measured takes.
    @Test func fileLongerThanItsMeasuredLengthIsReadInFull() throws {
        let status = try InputFile.read("/proc/self/status", what: "test file", limit: 1 << 20)
        #expect(String(decoding: status, as: UTF8.self).contains("Name:"))
        #expect(throws: ATLError.self) { try InputFile.read("/proc/self/status", what: "test file", limit: 10) }
    }
}
