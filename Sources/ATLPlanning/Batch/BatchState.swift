import ATLModel
import ATLData
import Foundation

/// The resume record kept beside a batch output (`<output>.state`, format `atl-batch-state/1`): the hash of
/// everything that decides the output's bytes, and the rows and bytes of the output that were complete (and
/// flushed to disk) when the last block was written. Owned here: written after every block, read by a resume.
public struct BatchState: Equatable, Sendable {
    public static let formatTag = "atl-batch-state/1"
    public var config: String
    public var rows: Int
    public var offset: UInt64
    public var complete: Bool

    public init(config: String, rows: Int, offset: UInt64, complete: Bool) {
        self.config = config
        self.rows = rows
        self.offset = offset
        self.complete = complete
    }

    /// Where the state of the batch writing `output` is kept.
    public static func path(forOutput output: String) -> String { output + ".state" }

    /// Where the batch writing `output` appends its records until the run is complete (`<output>.partial`);
    /// only a complete run's work file is renamed over the output.
    public static func workPath(forOutput output: String) -> String { output + ".partial" }

    /// Written whole to a temporary file and renamed (``OutputFile``), so a kill never leaves half a state file.
    public func save(_ path: String) throws(ATLError) {
        let text = "format: \(BatchState.formatTag)\nconfig: \(config)\nrows: \(rows)\noffset: \(offset)\ncomplete: \(complete ? "yes" : "no")\n"
        try OutputFile.write(text, to: path)
    }

    /// Nil when there is no state file.
    public static func load(_ path: String) throws(ATLError) -> BatchState? {
        if InputFile.kind(of: path) == .missing { return nil }
        let data = try InputFile.read(path, what: "batch state file", limit: InputFile.Limit.smallText)
        var v: [String: (String, Int)] = [:]
        let text = String(decoding: data, as: UTF8.self)
        for (i, line) in TextDecoding.lines(text).enumerated() {
            if let kv = try? KeyValueLine.parse(line, line: i + 1, file: path) { v[kv.key] = (kv.value, kv.line) }
        }
        guard v["format"]?.0 == formatTag, let config = v["config"]?.0, let rows = v["rows"].flatMap({ Int($0.0) }),
              let offset = v["offset"].flatMap({ UInt64($0.0) }), rows >= 0 else {
            throw ATLError(code: "batch-state.not-a-state-file", file: path, "not an \(formatTag) state file; run again without --resume")
        }
        return BatchState(config: config, rows: rows, offset: offset, complete: v["complete"]?.0 == "yes")
    }

    /// Everything that decides a batch's output bytes, hashed: a resumed run must match it exactly.
    public static func configHash(_ parts: [(String, String?)]) -> String {
        var h = SHA256()
        for (k, v) in parts { h.update("\(k)=\(v ?? "-")\n") }
        return h.hexDigest()
    }
}

/// The batch output of an interrupted run, prepared for a resume.
public enum BatchResume {
    /// Cuts the output to `offset` bytes (dropping a partial trailing block), then streams its complete lines to
    /// `line` (1-based line number, bytes without the line feed). Memory stays bounded by one chunk.
    public static func truncate(_ path: String, to offset: UInt64,
                                line: (Int, ArraySlice<UInt8>) throws(ATLError) -> Void) throws(ATLError) {
        guard let h = FileHandle(forUpdatingAtPath: path) else {
            throw ATLError(code: "batch-state.records-missing", file: path, "the records of the interrupted run are missing; run again without --resume")
        }
        defer { try? h.close() }
        let size = (try? h.seekToEnd()) ?? 0
        guard size >= offset else {
            throw ATLError(code: "batch-state.records-shorter", file: path, "is shorter than the state file records; run again without --resume")
        }
        do {
            try h.truncate(atOffset: offset)
            try h.synchronize()
            try h.seek(toOffset: 0)
        } catch {
            throw ATLError(code: "output.cannot-truncate", file: path, "cannot truncate: \(FileProblem.describe(error))")
        }
        var pending: [UInt8] = []
        var n = 0
        var read: UInt64 = 0
        while read < offset {
            guard let d = try? h.read(upToCount: Int(min(offset - read, 1 << 20))), !d.isEmpty else { break }
            read += UInt64(d.count)
            pending += d
            var start = 0
            while let lf = pending[start...].firstIndex(of: 0x0A) {
                n += 1
                try line(n, pending[start..<lf])
                start = lf + 1
            }
            pending.removeFirst(start)
        }
        guard read == offset, pending.isEmpty else {
            throw ATLError(code: "batch-state.records-incomplete", file: path, "does not end with a complete record at the recorded offset; run again without --resume")
        }
    }
}
