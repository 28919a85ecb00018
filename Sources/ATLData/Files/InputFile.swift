import ATLModel
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the engine's input files under one policy, so no input can block a run, run it forever or exhaust
/// memory: an input must be a regular file (or a folder where a folder is meant). A device (`/dev/zero`), a
/// named pipe (`mkfifo`, or a shell's `<(…)`), a socket or a folder given as a file is refused with a clear error
/// before a byte is read; a file read whole is refused when it is larger than its format's stated limit
/// (``Limit``). Files are opened with `O_NONBLOCK`, so even a pipe swapped in after the check never blocks the
/// open.
///
/// Every problem is an ``ATLError`` with an `input.` code naming the file: `input.not-found`, `input.is-folder`,
/// `input.not-a-folder`, `input.not-regular-file`, `input.too-large`, `input.unreadable`.
public enum InputFile {
    /// The largest file of each format read whole into memory (docs/limits.md). Streamed inputs (cohort CSV,
    /// GIAS extract, schools file, batch records) have no size limit; their records are limited instead
    /// (``CSVReader/recordLimit``).
    public enum Limit {
        /// A needs profile: a few hundred bytes in practice.
        public static let profile = 1 << 20
        /// One setting file: the header and the SEN information report.
        public static let settingFile = 4 << 20
        /// A weights file, a scenario file, a batch state file.
        public static let smallText = 1 << 20
        /// The postcode lookup (all of Great Britain's 1.8 million postcodes take about 30 MB).
        public static let postcodeLookup = 256 << 20
        /// The district table.
        public static let districtTable = 16 << 20
        /// A travel matrix CSV (read whole: about 40 bytes a journey).
        public static let travelMatrix = 512 << 20
    }

    /// What a path names on disk, following symbolic links.
    public enum Kind: Sendable, Equatable {
        case missing, regularFile, folder
        /// A device, pipe or socket, described in words ("a character device").
        case other(String)
    }

    /// What `path` is, following symbolic links; never opens it.
    public static func kind(of path: String) -> Kind {
        var st = stat()
        guard !path.isEmpty, stat(path, &st) == 0 else { return .missing }
        return kind(mode: st.st_mode)
    }

    static func kind(mode: mode_t) -> Kind {
        switch mode & S_IFMT {
        case S_IFREG: .regularFile
        case S_IFDIR: .folder
        case S_IFCHR: .other("a character device")
        case S_IFBLK: .other("a block device")
        case S_IFIFO: .other("a pipe (FIFO)")
        case S_IFSOCK: .other("a socket")
        default: .other("not a regular file")
        }
    }

    /// Checks that `path` is a regular file; `what` names it in messages ("profile", "cohort file").
    public static func checkRegularFile(_ path: String, what: String) throws(ATLError) {
        switch kind(of: path) {
        case .regularFile: return
        case .missing: throw notFound(path, what: what)
        case .folder: throw ATLError(code: "input.is-folder", file: path, "is a folder, not a \(what)")
        case .other(let words): throw notRegular(path, what: what, words: words)
        }
    }

    /// Checks that `path` is a folder.
    public static func checkFolder(_ path: String, what: String) throws(ATLError) {
        switch kind(of: path) {
        case .folder: return
        case .missing: throw notFound(path, what: what)
        case .regularFile, .other:
            throw ATLError(code: "input.not-a-folder", file: path, "is not a folder; give the \(what)")
        }
    }

    /// Reads a whole regular file of at most `limit` bytes.
    ///
    /// The buffer is sized from the open file's length (one allocation, not zero-filled, no copy), with one byte
    /// more so that a file that grew since it was measured is noticed; it then goes on in chunks, under the same
    /// limit. A catalogue load reads tens of thousands of files, so this matters: a fresh zeroed 64 KiB chunk per
    /// file and the copy out of it were about a tenth of loading the national catalogue.
    public static func read(_ path: String, what: String, limit: Int) throws(ATLError) -> [UInt8] {
        let fd = try openRegular(path, what: what, limit: limit)
        defer { close(fd) }
        var st = stat()
        let measured = fstat(fd, &st) == 0 ? max(0, min(Int(st.st_size), limit)) : 0
        var failure: Int32 = 0
        var out = [UInt8](unsafeUninitializedCapacity: measured + 1) { buffer, count in
            count = 0
            while count < buffer.count {
                let n = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
                if n < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    failure = errno
                    return
                }
                if n == 0 { return }
                count += n
            }
        }
        if failure != 0 { throw unreadable(path, failure) }
        if out.count > measured {
            // The file grew since it was measured: read the rest in chunks.
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while out.count <= limit {
                let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
                if n < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    throw unreadable(path, errno)
                }
                if n == 0 { break }
                out.append(contentsOf: chunk[0..<n])
            }
        }
        if out.count > limit { throw tooLarge(path, what: what, limit: limit) }
        return out
    }

    /// Opens a regular file for streaming (cohort CSV, GIAS extract): the same checks as ``read(_:what:limit:)``
    /// without a size limit.
    public static func openForStreaming(_ path: String, what: String) throws(ATLError) -> FileHandle {
        FileHandle(fileDescriptor: try openRegular(path, what: what, limit: nil), closeOnDealloc: true)
    }

    /// Opens `path` read-only and non-blocking, then checks on the open descriptor (no race with a swap) that it
    /// is a regular file within `limit` bytes. Returns the descriptor, switched back to blocking reads.
    public static func openRegular(_ path: String, what: String, limit: Int?) throws(ATLError) -> Int32 {
        guard !path.isEmpty else { throw notFound(path, what: what) }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let e = errno
            if e == ENOENT || e == ENOTDIR { throw notFound(path, what: what) }
            throw unreadable(path, e)
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let e = errno
            close(fd)
            throw unreadable(path, e)
        }
        switch kind(mode: st.st_mode) {
        case .regularFile: break
        case .folder:
            close(fd)
            throw ATLError(code: "input.is-folder", file: path, "is a folder, not a \(what)")
        case .other(let words):
            close(fd)
            throw notRegular(path, what: what, words: words)
        case .missing:
            close(fd)
            throw notFound(path, what: what)
        }
        if let limit, Int(st.st_size) > limit {
            close(fd)
            throw tooLarge(path, what: what, limit: limit)
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return fd
    }

    static func notFound(_ path: String, what: String) -> ATLError {
        ATLError(code: "input.not-found", file: path, "\(what) not found")
    }

    static func notRegular(_ path: String, what: String, words: String) -> ATLError {
        ATLError(code: "input.not-regular-file", file: path,
                 "is \(words), not a regular file; give the \(what) as a file (save a pipe's output to a file first)")
    }

    static func tooLarge(_ path: String, what: String, limit: Int) -> ATLError {
        ATLError(code: "input.too-large", file: path, "is larger than a \(what) can be (\(describe(bytes: limit)); see docs/limits.md)")
    }

    static func unreadable(_ path: String, _ code: Int32) -> ATLError {
        ATLError(code: "input.unreadable", file: path, "cannot be read: \(String(cString: strerror(code)))")
    }

    /// "1 MiB", "256 MiB", "1 GiB".
    public static func describe(bytes: Int) -> String {
        if bytes >= 1 << 30, bytes % (1 << 30) == 0 { return "\(bytes >> 30) GiB" }
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
