import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
@testable import ATLPlanning
import Foundation
import Testing

/// The fast scan of listed records (``BatchRecordFormat/scanListed(_:file:line:)``) against the reader it stands
/// in for (JSONSerialization, ``BatchRecordFormat/record(_:file:line:)``): whenever the scan gives a record, the
/// old reader gives the same record; and the streamed reader gives what the whole-buffer reader gives, whatever
/// the pieces.
@Suite struct BatchRecordScanTests {
    static let example = Repository.path("docs/examples/allocation/example-la-batch.jsonl")

    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init).filter { !$0.isEmpty }
    }

    /// The scan's answer, checked against the old reader's: nil when the scan leaves the line to it.
    @discardableResult
    static func check(_ line: [UInt8], _ note: @autoclosure () -> String = "") -> Bool? {
        let fast = line.withUnsafeBufferPointer { BatchRecordFormat.scanListed($0, file: "b.jsonl", line: 7) }
        guard let fast else { return nil }
        let slow = attempt { try BatchRecordFormat.record(line, file: "b.jsonl", line: 7) }
        switch slow {
        case .success(.listed(let c, let row)):
            #expect(c == fast.0 && row == fast.row, "scan and JSONSerialization differ \(note()): \(String(decoding: line.prefix(300), as: UTF8.self))")
            return c == fast.0 && row == fast.row
        case .success(.unlisted):
            Issue.record("scan gave a listed record, the old reader an error record \(note())")
            return false
        case .failure(let e):
            Issue.record("scan accepted what the old reader refuses \(note()): \(e) — \(String(decoding: line.prefix(300), as: UTF8.self))")
            return false
        }
    }

    @Test func everyCommittedListedRecordIsScannedTheSameAsByJSONSerialization() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.example)))
        var scanned = 0
        for line in Self.lines(bytes) where Self.check(line) != nil { scanned += 1 }
        #expect(scanned == 14, "the 14 listed records of the example batch take the fast path; the error record does not")
        let fixtures = [BatchRecordReaderTests.listed(), BatchRecordReaderTests.listed(row: 3, ref: "R-3", need: "SEMH", synthetic: "false"),
                        BatchRecordReaderTests.listed(entries: "[]"),
                        BatchRecordReaderTests.listed(entries: #"[{"rank":1,"urn":9000004,"score":-3,"distance_km":0,"band":"named"}]"#)]
        for f in fixtures { #expect(Self.check(Array(f.utf8)) == true, "\(f)") }
    }

    /// With `ATL_SCAN_EQUIVALENCE_FILE` set (a big `atl batch` output), every line of it is checked too.
    @Test func everyLineOfAGivenBatchFile() throws {
        guard let path = ProcessInfo.processInfo.environment["ATL_SCAN_EQUIVALENCE_FILE"] else { return }
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        var scanned = 0, total = 0
        for line in Self.lines(bytes) {
            total += 1
            if Self.check(line, "line \(total)") != nil { scanned += 1 }
        }
        print("scan equivalence: \(scanned) of \(total) lines scanned, all equal to JSONSerialization's reading")
    }

    /// Lines the scan must leave to the old reader (it would decide differently, or cannot be sure).
    @Test func oddButValidOrInvalidLinesGoToTheOldReader() {
        let l = BatchRecordReaderTests.listed()
        func with(_ a: String, _ b: String) -> [UInt8] { Array(l.replacingOccurrences(of: a, with: b).utf8) }
        let cases: [[UInt8]] = [
            with("\"row\":1,", "\"row\":1,\"row\":2,"),                 // a read key twice (the old reader keeps the last)
            with("\"reference\":\"R-1\",\"status\"", "\"reference\":\"R\\u002d1\",\"status\""), // an escape in a read string
            with("\"schema\":\"atl-batch/1\"", "\"sch\\u0065ma\":\"atl-batch/1\""), // an escaped key
            with("\"row\":1", "\"row\":1.0"), with("\"row\":1", "\"row\":1e0"), with("\"row\":1", "\"row\":-0"),
            with("71.441", "7.1441e1"), with("2.84", "-2.84"), with("2.84", "-0"),
            with("\"source\":\"cohort.csv:2\"", "\"source\":\"\\ud800\""),   // a lone surrogate (the old reader refuses)
            with("\"severity\":\"moderate\"", "\"severity\":\"mod\u{7F}\""),
            with("\"severity\":\"moderate\"", "\"severity\":\"a\tb\""),
            with("\"severity\":\"moderate\"", "\"severity\":1e400"),
            with("\"severity\":\"moderate\"", "\"severity\":123456789012345678901234567890"),
            with("\"status\":\"listed\"", "\"status\":\"error\""),
            Array(("\u{FEFF}" + l).utf8), Array((l + " x").utf8), Array(l.dropLast().utf8), Array((l + "}").utf8),
            Array(l.utf8) + [0xC3, 0x28],
            with("\"severity\":\"moderate\"", "\"severity\":" + String(repeating: "[", count: 70) + String(repeating: "]", count: 70)),
        ]
        for (i, c) in cases.enumerated() {
            let fast = c.withUnsafeBufferPointer { BatchRecordFormat.scanListed($0, file: "b.jsonl", line: 1) }
            #expect(fast == nil, "case \(i) should go to the old reader")
        }
        var bad = Array(l.utf8)
        bad.insert(contentsOf: [0xC3, 0x28], at: bad.count - 10)
        #expect(bad.withUnsafeBufferPointer { BatchRecordFormat.scanListed($0, file: "b.jsonl", line: 1) } == nil, "invalid UTF-8")
        // Valid but unusual JSON the scan reads: spaces, CR, escapes and duplicate keys in fields not read, unicode text.
        let fine = [with(",", " ,\r "), with("\"severity\":\"moderate\"", "\"severity\":\"a\\\"b\\u00e9\\n\",\"severity\":null,\"x\":[{},[],-0.5,true]"),
                    with("\"severity\":\"moderate\"", "\"severity\":\"modérée …\""), with("{\"schema", " \t{\"schema")]
        for f in fine { #expect(Self.check(f) == true, "\(String(decoding: f, as: UTF8.self))") }
    }

    /// Random damage to real records: whatever the scan accepts, JSONSerialization reads the same.
    @Test func fuzzedRecordsNeverScanDifferently() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.example)))
        let seeds = Self.lines(bytes).filter { $0.count < 40_000 }.prefix(4) + [Array(BatchRecordReaderTests.listed().utf8)]
        var rng = SeededRandom(seed: 41)
        let tokens = ["\"", "\\", "\\u00e9", "\\ud83d\\ude00", ",", ":", "{", "}", "[", "]", "null", "true", "-", "0", "1e2", ".5", " ",
                      "\"rank\":", "\"urn\":3,", "\"score\":", "\"band\":\"B\",", "\"row\":", "\"reference\":\"R-1\",", "é"].map { Array($0.utf8) }
        var accepted = 0
        for n in 0..<1500 {
            var line = Array(seeds[n % seeds.count])
            for _ in 0..<rng.int(in: 1...3) {
                // Damage near the fields read (the first 600 bytes and the entries) as often as anywhere.
                let i = rng.below(2) == 0 ? rng.below(min(line.count, 600)) : rng.below(line.count)
                switch rng.below(4) {
                case 0: line[i] = UInt8(rng.below(256))
                case 1: line.remove(at: i)
                case 2: line.insert(contentsOf: tokens[rng.below(tokens.count)], at: i)
                default:
                    if line[i] >= 0x30 && line[i] <= 0x39 { line[i] = UInt8(0x30 + rng.below(10)) }
                }
                if line.isEmpty { break }
            }
            if Self.check(line, "case \(n)") != nil { accepted += 1 }
        }
        #expect(accepted > 100, "enough damaged records stay valid to test the scan's reading (\(accepted))")
    }

    /// Feeds `bytes` to the streamed reader in pieces of `size`.
    static func stream(_ bytes: [UInt8], size: Int, limit: Int = BatchRecordFormat.lineLimit) throws -> (BatchRecordFormat.Records, String?) {
        var reader = BatchRecordFormat.LineReader(file: "b.jsonl", hashing: true)
        reader.limit = limit
        var i = 0
        while i < bytes.count {
            try reader.feed(bytes: Array(bytes[i..<min(bytes.count, i + size)]))
            i += size
        }
        let done = try reader.finish()
        return (done.records, done.sha256)
    }

    /// The streamed reader gives what the whole-buffer reader gives, and the SHA-256 of every byte, whatever the
    /// size of the pieces (a BOM, a CRLF or a record split across pieces).
    @Test func piecesOfAnySizeGiveTheSameRecords() throws {
        let r = BatchRecordReaderTests.self
        let texts = ["\u{FEFF}" + r.listed() + "\r\n" + r.errorRecord + "\n" + r.listed(row: 3, ref: "R-3"),
                     r.listed() + "\n\n" + r.listed(row: 2, ref: "R-2") + "\n", "", "\u{FEFF}", "\n", r.listed() + "\n" + r.listed(ref: "R-2"),
                     "{\n" + r.listed(row: 2, ref: "R-2") + "\n[]"]
        let example = Array(try Data(contentsOf: URL(fileURLWithPath: Self.example)))
        for bytes in texts.map({ Array($0.utf8) }) + [example] {
            let whole = attempt { try BatchRecordFormat.read(Data(bytes), file: "b.jsonl") }
            // Byte-sized pieces only for the small texts (each piece rescans the unfinished line).
            for size in bytes.count > 10_000 ? [64, 4096, 1 << 20] : [1, 2, 3, 5, 64, 4096, 1 << 20] {
                let got = attempt { try Self.stream(bytes, size: size) }
                switch (whole, got) {
                case (.success(let a), .success(let b)):
                    #expect(a.listed == b.0.listed && a.unlisted == b.0.unlisted && a.lines == b.0.lines)
                    #expect(b.1 == SHA256.hex(bytes))
                case (.failure(let a), .failure(let b)):
                    #expect(a.diagnostics == b.diagnostics)
                default:
                    Issue.record("piece size \(size): \(whole) vs \(got)")
                }
            }
        }
    }

    @Test func readingAFileGivesItsRecordsAndHash() throws {
        let t = try TemporaryFolder("scan")
        let text = BatchRecordReaderTests.listed() + "\n" + BatchRecordReaderTests.errorRecord + "\n"
        let path = try t.write("b.jsonl", text)
        let (records, hash) = try BatchRecordFormat.read(path: path, what: "batch records file")
        #expect(records.listed.count == 1 && records.unlisted.count == 1 && hash == SHA256.hex(text))
        #expect(throws: ATLError.self) { try BatchRecordFormat.read(path: t.path("nope.jsonl"), what: "batch records file") }
        #expect(throws: ATLError.self) { try BatchRecordFormat.read(path: t.path(""), what: "batch records file") }
    }

    /// A line longer than the limit is one clear error naming its line, whether it ends or not.
    @Test func aLineLongerThanTheLimitIsAnErrorNamingTheLine() {
        let ok = BatchRecordReaderTests.listed()
        for text in [ok + "\n" + String(repeating: " ", count: 5000) + "\n" + ok, ok + "\n" + String(repeating: "x", count: 5000)] {
            for size in [7, 1 << 16] {
                let got = attempt { try Self.stream(Array(text.utf8), size: size, limit: 4096) }
                guard case .failure(let e) = got else { Issue.record("accepted a line over the limit"); continue }
                #expect(e.diagnostics.map(\.code) == ["batch-record.line-too-long"] && e.diagnostics[0].line == 2 && e.diagnostics[0].file == "b.jsonl")
                #expect(e.diagnostics[0].message.contains("4 KiB"))
            }
        }
    }
}
