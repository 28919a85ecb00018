import ATLModel
import Foundation

/// A streaming RFC 4180 CSV reader, written here (no third-party packages).
///
/// - Fields are separated by commas and records by CRLF or LF (a lone CR also ends a record); a final record
///   may lack its line end. An empty line is a record of one empty field; callers decide what it means.
/// - A field in double quotes may hold commas, quotes (doubled: `""`) and line breaks.
/// - A UTF-8 byte-order mark at the start is skipped. Bytes are decoded as UTF-8 (strict) or Windows-1252
///   (the encoding of the DfE GIAS extract).
/// - Malformed input (a quote inside an unquoted field, text after a closing quote, a quoted field left open
///   at the end of the file, bytes that are not valid UTF-8) throws an ``ATLError`` naming the physical line.
///
/// Memory stays bounded by the longest record: the reader pulls 64 KiB chunks from its source. After it has
/// thrown, a reader's position is inside the bad record: stop reading rather than call ``next()`` again.
public struct CSVReader {
    public enum Encoding: String, Sendable { case utf8 = "utf-8", windows1252 = "windows-1252" }

    private var buffer: [UInt8] = []
    private var pos = 0
    private var refill: (() throws -> [UInt8]?)?
    private let encoding: Encoding
    private var line = 1
    private var started = false
    private var field: [UInt8] = []
    /// Longest record accepted, in bytes (16 MiB: a GIAS row is about 4 KB). A file with no line break at all
    /// (a regular file of zeros) stops here instead of growing one record until memory runs out.
    public var recordLimit = 16 << 20
    private var recordBytes = 0
    /// Name used in error messages.
    public let file: String

    /// Reads from bytes in memory.
    public init(bytes: [UInt8], encoding: Encoding = .utf8, file: String = "<input>") {
        self.buffer = bytes
        self.encoding = encoding
        self.file = file
    }

    /// Streams from a file handle in 64 KiB chunks.
    public init(handle: FileHandle, encoding: Encoding = .utf8, file: String) {
        self.encoding = encoding
        self.file = file
        self.refill = {
            let d = try handle.read(upToCount: 1 << 16)
            guard let d, !d.isEmpty else { return nil }
            return [UInt8](d)
        }
    }

    /// Reads from a sequence of chunks, handed out one at a time as if read from a file. Tests use it to
    /// check that records come out the same wherever the chunk boundaries fall (empty chunks are allowed).
    public init(chunks: [[UInt8]], encoding: Encoding = .utf8, file: String = "<input>") {
        self.encoding = encoding
        self.file = file
        var next = 0
        self.refill = {
            guard next < chunks.count else { return nil }
            next += 1
            return chunks[next - 1]
        }
    }

    /// Opens a file for streaming. Throws a diagnostic if it cannot be opened.
    public static func open(path: String, encoding: Encoding = .utf8, what: String = "CSV file") throws(ATLError) -> CSVReader {
        CSVReader(handle: try InputFile.openForStreaming(path, what: what), encoding: encoding, file: path)
    }

    @inline(__always) private mutating func peek() throws(ATLError) -> UInt8? {
        if pos < buffer.count { return buffer[pos] }
        return try refillBuffer(keeping: 0) ? buffer[pos] : nil
    }

    /// Pulls chunks until at least one byte beyond the `keeping` unread bytes is buffered; false at the end of
    /// input. Empty chunks are skipped (a source may return one without being at its end).
    private mutating func refillBuffer(keeping: Int) throws(ATLError) -> Bool {
        while let source = refill {
            let more: [UInt8]?
            do { more = try source() } catch {
                throw ATLError(code: "csv.read-failed", file: file, line: line, "read failed: \(error)")
            }
            guard let more else { refill = nil; return false }
            if more.isEmpty { continue }
            if keeping == 0 {
                buffer = more
            } else {
                buffer = Array(buffer[pos...]) + more
            }
            pos = 0
            return true
        }
        return false
    }

    /// Skips a UTF-8 byte-order mark at the very start, however the first bytes are split into chunks.
    private mutating func skipByteOrderMark() throws(ATLError) {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        while buffer.count - pos < 3 {
            // Stop early as soon as the buffered bytes cannot be the start of a BOM.
            if !bom.starts(with: buffer[pos...]) { return }
            guard try refillBuffer(keeping: buffer.count - pos) else { break }
        }
        if buffer.count - pos >= 3, buffer[pos..<(pos + 3)].elementsEqual(bom) { pos += 3 }
    }

    /// The next record, or nil at the end of input.
    public mutating func next() throws(ATLError) -> CSVRecord? {
        if !started {
            started = true
            try skipByteOrderMark()
        }
        guard try peek() != nil else { return nil }
        let startLine = line
        var fields: [String] = []
        recordBytes = 0
        while true {
            // One field.
            field.removeAll(keepingCapacity: true)
            let fieldLine = line
            var quoted = false
            if try peek() == UInt8(ascii: "\"") {
                quoted = true
                pos += 1
                let openLine = line
                while true {
                    guard let b = try peek() else {
                        throw ATLError(code: "csv.unclosed-quote", file: file, line: openLine,
                                       "a quoted field opened on this line is never closed")
                    }
                    pos += 1
                    if b == UInt8(ascii: "\"") {
                        if try peek() == UInt8(ascii: "\"") {
                            field.append(b)
                            pos += 1
                        } else {
                            break
                        }
                    } else {
                        if b == 0x0A { line += 1 }
                        field.append(b)
                        try count(startLine)
                    }
                }
            }
            // Unquoted content (or what follows a closing quote).
            while let b = try peek(), b != UInt8(ascii: ","), b != 0x0A, b != 0x0D {
                if quoted {
                    throw ATLError(code: "csv.text-after-closing-quote", file: file, line: line, "unexpected text after a closing quote in field \(fields.count + 1)")
                }
                if b == UInt8(ascii: "\"") {
                    throw ATLError(code: "csv.quote-in-unquoted-field", file: file, line: line,
                                   "a double quote inside an unquoted field \(fields.count + 1); quote the whole field and double the quote")
                }
                field.append(b)
                pos += 1
                try count(startLine)
            }
            fields.append(try decode(field, fieldNumber: fields.count + 1, line: fieldLine))
            try count(startLine)
            guard let b = try peek() else { break }
            pos += 1
            if b == UInt8(ascii: ",") { continue }
            if b == 0x0D {
                if try peek() == 0x0A { pos += 1 }
            }
            line += 1
            break
        }
        return CSVRecord(fields: fields, line: startLine)
    }

    /// Counts one byte of the record starting on `startLine` against ``recordLimit``.
    @inline(__always) private mutating func count(_ startLine: Int) throws(ATLError) {
        recordBytes += 1
        if recordBytes > recordLimit {
            throw ATLError(code: "csv.record-too-long", file: file, line: startLine,
                           "the row starting on this line is longer than \(InputFile.describe(bytes: recordLimit)) (see docs/limits.md)")
        }
    }

    /// After ``next()`` has thrown, skips the rest of the bad record's physical line (ignoring quotes) so
    /// reading can go on with the next line. The cohort reader uses it to report a malformed row and continue.
    public mutating func skipToNextLine() {
        while let b = try? peek() {
            pos += 1
            if b == 0x0A { line += 1; return }
            if b == 0x0D {
                if (try? peek()) == 0x0A { pos += 1 }
                line += 1
                return
            }
        }
    }

    /// Decodes one field; `line` is the line the field starts on (a quoted field may span several).
    private func decode(_ bytes: [UInt8], fieldNumber: Int, line: Int) throws(ATLError) -> String {
        switch encoding {
        case .utf8:
            guard let s = String(validating: bytes, as: UTF8.self) else {
                throw ATLError(code: "csv.not-utf8", file: file, line: line, "field \(fieldNumber) (starting on this line) is not valid UTF-8")
            }
            return s
        case .windows1252:
            return Windows1252.decode(bytes)
        }
    }
}

/// One CSV record with the physical line it starts on (1-based; quoted line breaks make them differ).
public struct CSVRecord: Sendable, Equatable {
    public var fields: [String]
    public var line: Int
    public init(fields: [String], line: Int) {
        self.fields = fields
        self.line = line
    }
}

/// Windows-1252 ("ANSI", CP1252) to Unicode. Bytes 0x00–0x7F and 0xA0–0xFF map to the same code points
/// (ISO-8859-1); 0x80–0x9F map to the table below. The five bytes Windows-1252 leaves undefined are kept as
/// their C1 control code points, as Microsoft's own converter does.
public enum Windows1252 {
    static let high: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    public static func decode(_ bytes: some Collection<UInt8>) -> String {
        // Most GIAS fields are plain ASCII, which is the same bytes in UTF-8: skip the per-scalar build.
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        var s = String.UnicodeScalarView()
        for b in bytes {
            let v: UInt32 = (0x80...0x9F).contains(b) ? high[Int(b) - 0x80] : UInt32(b)
            s.append(Unicode.Scalar(v)!)
        }
        return String(s)
    }

    /// Encodes text as Windows-1252; nil if a character has no Windows-1252 byte (used to write test fixtures).
    public static func encode(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        for u in text.unicodeScalars {
            if u.value < 0x80 || (0xA0...0xFF).contains(u.value) {
                out.append(UInt8(u.value))
            } else if let i = high.firstIndex(of: u.value) {
                out.append(UInt8(0x80 + i))
            } else {
                return nil
            }
        }
        return out
    }
}
