import ATLModel
import Foundation

/// A CSV reader for files where every line matters (a cohort: one child per line), which confines every
/// problem to the line it starts on, so a stray or unclosed quote can never swallow the children after it.
///
/// It reads physical lines (ended by LF, CRLF or a lone CR), each at most ``lineLimit`` bytes, and parses each
/// record with ``CSVReader``. A quoted cell may run on over line breaks (wrapped text from a spreadsheet), for at
/// most ``maxLinesPerRecord`` lines. When a record cannot be read (a quote left open, text after a closing
/// quote, a quote inside an unquoted cell, bytes that are not UTF-8, a line that is too long) the reader gives a
/// ``Item/problem`` for the record's **first line only** and reads the lines after it again as records of their
/// own; ``rejectLastRecord(_:)`` does the same for a record that spans lines but has the wrong number of cells.
/// So every line either belongs to exactly one record or is named by exactly one problem.
///
/// Memory is bounded by ``lineLimit`` × ``maxLinesPerRecord``; a file with no line break at all is read in
/// 64 KiB chunks and reported as one line that is too long.
public struct CSVLineReader {
    /// One record, or the problem that stopped the record starting on `line` being read.
    public enum Item: Sendable {
        case record(CSVRecord, endLine: Int)
        case problem(Diagnostic)
    }

    /// Longest physical line accepted.
    public let lineLimit: Int
    /// Most physical lines one record may span.
    public let maxLinesPerRecord: Int
    public let file: String

    private var source: (() throws -> [UInt8]?)?
    private var buffer: [UInt8] = []
    private var pos = 0
    private var atEnd = false
    private var nextLine = 1
    private var skipLF = false
    private var started = false
    /// Lines read but not yet consumed (re-fed after a rejected record), in order.
    private var pending: [(line: Int, bytes: [UInt8]?)] = []
    /// The lines after the first of the last record returned, kept so it can be rejected.
    private var lastRecordRest: [(line: Int, bytes: [UInt8]?)] = []

    /// Reads bytes held in memory.
    public init(bytes: [UInt8], file: String, lineLimit: Int = 1 << 20, maxLinesPerRecord: Int = 100) {
        self.file = file
        self.lineLimit = lineLimit
        self.maxLinesPerRecord = max(1, maxLinesPerRecord)
        self.buffer = bytes
        self.atEnd = true
    }

    /// Streams from a file handle.
    public init(handle: FileHandle, file: String, lineLimit: Int = 1 << 20, maxLinesPerRecord: Int = 100) {
        self.file = file
        self.lineLimit = lineLimit
        self.maxLinesPerRecord = max(1, maxLinesPerRecord)
        self.source = {
            guard let d = try handle.read(upToCount: 1 << 16), !d.isEmpty else { return nil }
            return [UInt8](d)
        }
    }

    /// Opens a regular file (``InputFile`` policy) for streaming.
    public static func open(path: String, what: String, lineLimit: Int = 1 << 20, maxLinesPerRecord: Int = 100) throws(ATLError) -> CSVLineReader {
        CSVLineReader(handle: try InputFile.openForStreaming(path, what: what), file: path, lineLimit: lineLimit,
                      maxLinesPerRecord: maxLinesPerRecord)
    }

    // MARK: Physical lines

    /// The next physical line without its terminator; nil bytes for a line longer than ``lineLimit`` (its bytes
    /// are skipped, not kept). Nil at the end of the input.
    private mutating func readLine() throws(ATLError) -> (line: Int, bytes: [UInt8]?)? {
        if !pending.isEmpty { return pending.removeFirst() }
        var out: [UInt8] = []
        var tooLong = false
        var sawAny = false
        while true {
            if pos == buffer.count {
                guard try refill() else { break }
            }
            if skipLF {
                skipLF = false
                if buffer[pos] == 0x0A { pos += 1; continue }
            }
            if !started {
                started = true
                if buffer.count - pos >= 3, buffer[pos] == 0xEF, buffer[pos + 1] == 0xBB, buffer[pos + 2] == 0xBF { pos += 3; continue }
            }
            // Scan to the next line end within the buffer.
            var end = pos
            while end < buffer.count, buffer[end] != 0x0A, buffer[end] != 0x0D { end += 1 }
            sawAny = true
            if !tooLong {
                if out.count + (end - pos) > lineLimit { tooLong = true; out = [] } else { out.append(contentsOf: buffer[pos..<end]) }
            }
            if end < buffer.count {
                skipLF = buffer[end] == 0x0D
                pos = end + 1
                let n = nextLine
                nextLine += 1
                return (n, tooLong ? nil : out)
            }
            pos = end
        }
        guard sawAny else { return nil }
        let n = nextLine
        nextLine += 1
        return (n, tooLong ? nil : out)
    }

    private mutating func refill() throws(ATLError) -> Bool {
        guard !atEnd, let source else { atEnd = true; return false }
        while true {
            let more: [UInt8]?
            do { more = try source() } catch {
                atEnd = true
                throw ATLError(code: "csv.read-failed", file: file, line: nextLine, "the file could not be read to the end")
            }
            guard let more else { atEnd = true; return false }
            if more.isEmpty { continue }
            buffer = more
            pos = 0
            return true
        }
    }

    // MARK: Records

    /// The next record or problem; nil at the end of the input.
    public mutating func next() throws(ATLError) -> Item? {
        lastRecordRest = []
        guard let first = try readLine() else { return nil }
        guard var bytes = first.bytes else {
            return .problem(Diagnostic(code: "csv.line-too-long", file: file, line: first.line,
                "the line is longer than \(InputFile.describe(bytes: lineLimit)); a row of this file is never that long (see docs/limits.md)"))
        }
        var used: [(line: Int, bytes: [UInt8]?)] = []
        while true {
            var parser = CSVReader(bytes: bytes, file: file)
            do throws(ATLError) {
                if let record = try parser.next() {
                    lastRecordRest = used
                    return .record(CSVRecord(fields: record.fields, line: first.line), endLine: used.last?.line ?? first.line)
                }
                return .record(CSVRecord(fields: [""], line: first.line), endLine: first.line)
            } catch {
                // A quote left open may close on a later line: read on, within the limits.
                if error.diagnostics.first?.code == "csv.unclosed-quote", used.count + 1 < maxLinesPerRecord,
                   let more = try readLine() {
                    used.append(more)
                    if let b = more.bytes {
                        bytes += [0x0A] + b
                        continue
                    }
                }
                // The record cannot be read: report its first line and read the others again.
                pending.insert(contentsOf: used, at: 0)
                return .problem(problem(error, first: first.line, last: used.last?.line))
            }
        }
    }

    /// Rejects the record ``next()`` just returned (a row spanning lines that its reader cannot use): the lines
    /// after its first are read again as records of their own.
    public mutating func rejectLastRecord() {
        pending.insert(contentsOf: lastRecordRest, at: 0)
        lastRecordRest = []
    }

    private func problem(_ error: ATLError, first: Int, last: Int?) -> Diagnostic {
        let d = error.diagnostics.first ?? Diagnostic(code: "csv.unreadable-row", file: file, line: first, "the row cannot be read")
        let advice = "quote whole cells and double any quote inside them"
        switch (d.code.rawValue, last) {
        case ("csv.unclosed-quote", _):
            return Diagnostic(code: "csv.unclosed-quote", file: file, line: first,
                "a quoted cell opened on this line is never closed\(last == nil ? "" : " (read on to line \(last!))"); \(advice); the lines after this one are read as rows of their own")
        case (_, let last?):
            return Diagnostic(code: d.code, file: file, line: first,
                "a quoted cell opened on this line runs on to line \(last), where: \(d.message); \(advice); the lines after this one are read as rows of their own")
        case (_, nil):
            return Diagnostic(code: d.code, file: file, line: first, d.message)
        }
    }
}
