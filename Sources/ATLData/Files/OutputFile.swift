import ATLModel
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the engine's output files so that a crash or power cut never leaves a damaged one.
///
/// A regular file is written to a temporary file beside it (`.<name>.atl-tmp`), flushed to disk (`fsync`),
/// renamed over the target and the folder is flushed too: after a kill the target holds either the old bytes or
/// the new ones, never a mixture, and after a power cut the rename itself is on disk. A failed write (a full
/// disk) removes the temporary file and leaves the old target as it was. The temporary file is held with an
/// exclusive `flock` while it is written: one left by a killed run is unlocked, so the next write of the same
/// target reuses it and ``removeStaleTemporaries(in:)`` removes any others. A symbolic link is followed, so
/// the real file is replaced and the link survives. A device, pipe or socket (`/dev/stdout`, a FIFO) is
/// written into, never replaced. Failures throw an ``ATLError`` with an `output.` code (exit code 3 in the CLI).
public enum OutputFile {
    /// The marker in the name of every temporary file the engine writes: `.<name>.atl-tmp` (or
    /// `.<name>.atl-tmp-<pid>-<n>` when another process is writing the same target at the same moment).
    public static let temporaryMarker = ".atl-tmp"

    /// Writes `text` to `path`, creating missing folders.
    public static func write(_ text: String, to path: String) throws(ATLError) {
        try write(Array(text.utf8), to: path)
    }

    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws(ATLError) {
        guard let target = try regularTarget(path) else {
            try writeInto(bytes, path: path)
            return
        }
        try createFolder(for: target)
        let (fd, temp) = try openTemporary(for: target, shownAs: path, mode: mode)
        var ok = writeAll(fd, bytes)
        var err = errno
        if ok && fsync(fd) != 0 { ok = false; err = errno }
        if ok && rename(temp, target) != 0 { ok = false; err = errno }
        if !ok { unlink(temp) }
        close(fd)
        guard ok else { throw failure(path, err) }
        syncFolder(of: target)
    }

    /// The regular file a write to `path` replaces (through symbolic links), or nil when `path` is a device, pipe
    /// or socket to write into. Throws for a folder and for an empty path.
    static func regularTarget(_ path: String) throws(ATLError) -> String? {
        guard !path.isEmpty else { throw ATLError(code: "output.empty-path", file: path, "an output path is empty") }
        switch InputFile.kind(of: path) {
        case .folder:
            throw ATLError(code: "output.is-folder", file: path, "cannot write \(path): it is a folder, not a file")
        case .other:
            return nil
        case .regularFile:
            guard let real = realpath(path, nil) else { return path }
            defer { free(real) }
            return String(cString: real)
        case .missing:
            // Nothing there, or a symbolic link to a file that does not exist yet: write through it.
            return OutputPolicy.resolve(path)
        }
    }

    /// Opens (creating or reusing) the temporary file for `target` and locks it; see the type's documentation.
    static func openTemporary(for target: String, shownAs path: String, mode: mode_t) throws(ATLError) -> (Int32, String) {
        let folder = (target as NSString).deletingLastPathComponent
        let base = (folder.isEmpty ? "." : folder) + "/." + (target as NSString).lastPathComponent + temporaryMarker
        for attempt in 0..<16 {
            let temp = attempt == 0 ? base : base + "-\(getpid())-\(attempt)"
            let fd = open(temp, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, mode)
            guard fd >= 0 else {
                if errno == ELOOP || errno == EISDIR { continue }
                throw failure(path, errno, doing: "cannot create a temporary file beside it")
            }
            // Held by another writer, or renamed away between our open and our lock: try another name.
            var a = stat(), b = stat()
            guard flock(fd, LOCK_EX | LOCK_NB) == 0, fstat(fd, &a) == 0, lstat(temp, &b) == 0,
                  a.st_dev == b.st_dev, a.st_ino == b.st_ino, a.st_mode & S_IFMT == S_IFREG else {
                close(fd)
                continue
            }
            guard ftruncate(fd, 0) == 0 else {
                let e = errno
                close(fd)
                throw failure(path, e)
            }
            return (fd, temp)
        }
        throw ATLError(code: "output.cannot-write", file: path, "cannot write \(path): no free temporary file name beside it")
    }

    /// Removes temporary files (``temporaryMarker``) that a killed run left in `folder`; files another process
    /// is still writing (locked) are left alone. Returns how many were removed.
    @discardableResult
    public static func removeStaleTemporaries(in folder: String) -> Int {
        guard let dir = opendir(folder.isEmpty ? "." : folder) else { return 0 }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name.hasPrefix("."), name.contains(temporaryMarker) { names.append(name) }
        }
        closedir(dir)
        var removed = 0
        for name in names {
            let path = (folder.isEmpty ? "." : folder) + "/" + name
            let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
            guard fd >= 0 else { continue }
            var a = stat(), b = stat()
            if flock(fd, LOCK_EX | LOCK_NB) == 0, fstat(fd, &a) == 0, lstat(path, &b) == 0,
               a.st_dev == b.st_dev, a.st_ino == b.st_ino, a.st_mode & S_IFMT == S_IFREG, unlink(path) == 0 {
                removed += 1
            }
            close(fd)
        }
        if removed > 0 { syncFolder(of: (folder.isEmpty ? "." : folder) + "/x") }
        return removed
    }

    /// Creates (or empties) `path` and returns it open for appending, locked against a second writer, with the
    /// folder synced so the new file's name survives a power cut. Used for work files (the batch's
    /// `<output>.partial`) that ``commit(_:to:)`` later moves over the real output.
    public static func createForAppending(_ path: String, mode: mode_t = 0o644) throws(ATLError) -> AppendableFile {
        try createFolder(for: path)
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, mode)
        guard fd >= 0 else { throw failure(path, errno) }
        try lock(fd, path)
        guard ftruncate(fd, 0) == 0 else {
            let e = errno
            close(fd)
            throw failure(path, e)
        }
        syncFolder(of: path)
        return AppendableFile(fd: fd, path: path, offset: 0)
    }

    /// Opens an existing work file for appending at `offset` (a resumed batch), locked against a second writer.
    public static func openForAppending(_ path: String, at offset: UInt64) throws(ATLError) -> AppendableFile {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path, errno) }
        try lock(fd, path)
        guard lseek(fd, off_t(offset), SEEK_SET) >= 0 else {
            let e = errno
            close(fd)
            throw failure(path, e)
        }
        return AppendableFile(fd: fd, path: path, offset: offset)
    }

    private static func lock(_ fd: Int32, _ path: String) throws(ATLError) {
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw ATLError(code: "output.in-use", file: path, "cannot write \(path): another run is writing it")
        }
    }

    /// A staged output: bytes are appended to a temporary file beside `path` and only ``StagedFile/commit()``
    /// moves them over it, so a run that fails half way (a full disk) leaves the old output as it was.
    public static func stage(_ path: String, mode: mode_t = 0o644) throws(ATLError) -> StagedFile {
        guard let target = try regularTarget(path) else { return StagedFile(file: nil, device: path, target: path) }
        try createFolder(for: target)
        let (fd, temp) = try openTemporary(for: target, shownAs: path, mode: mode)
        return StagedFile(file: AppendableFile(fd: fd, path: temp, offset: 0, shownAs: path), device: nil, target: target)
    }

    /// Moves a finished work file over `target` (fsync, rename, folder sync). A device or pipe target is written
    /// into (the work file is copied, then removed) and never replaced.
    public static func commit(_ work: String, to target: String) throws(ATLError) {
        guard let real = try regularTarget(target) else {
            let bytes = try InputFile.read(work, what: "work file", limit: Int.max)
            try writeInto(bytes, path: target)
            unlink(work)
            return
        }
        try createFolder(for: real)
        guard rename(work, real) == 0 else { throw failure(target, errno) }
        syncFolder(of: real)
        if (work as NSString).deletingLastPathComponent != (real as NSString).deletingLastPathComponent { syncFolder(of: work) }
    }

    static func writeInto(_ bytes: [UInt8], path: String) throws(ATLError) {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path, errno) }
        defer { close(fd) }
        guard writeAll(fd, bytes) else { throw failure(path, errno) }
    }

    /// Creates the folders above `path` (`mkdir -p`), with the system's reason when one cannot be made.
    static func createFolder(for path: String) throws(ATLError) {
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return }
        try createFolder(folder, shownAs: path)
    }

    /// Creates `folder` and its parents. `shownAs` is the output named in the message.
    public static func createFolder(_ folder: String, shownAs path: String) throws(ATLError) {
        var st = stat()
        if stat(folder, &st) == 0 {
            guard st.st_mode & S_IFMT == S_IFDIR else {
                throw ATLError(code: "output.cannot-create-folder", file: path,
                               "cannot write \(path): \(folder) is not a folder")
            }
            return
        }
        let parent = (folder as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != folder { try createFolder(parent, shownAs: path) }
        if mkdir(folder, 0o755) != 0 && errno != EEXIST {
            throw ATLError(code: "output.cannot-create-folder", file: path,
                           "cannot write \(path): cannot create the folder \(folder): \(String(cString: strerror(errno)))")
        }
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            if n == 0 { errno = ENOSPC; return false }
            done += n
        }
        return true
    }

    /// Flushes the folder holding `path`, so a rename or a new file name in it is on disk.
    public static func syncFolder(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    public static func failure(_ path: String, _ code: Int32, doing: String? = nil) -> ATLError {
        ATLError(code: "output.cannot-write", file: path,
                 "cannot write \(path): \(doing.map { $0 + ": " } ?? "")\(String(cString: strerror(code)))")
    }
}

/// An output being written through a temporary file (``OutputFile/stage(_:mode:)``): append, then commit.
public final class StagedFile: @unchecked Sendable {
    private let file: AppendableFile?
    private let device: String?
    private let target: String
    private var committed = false

    init(file: AppendableFile?, device: String?, target: String) {
        self.file = file
        self.device = device
        self.target = target
    }

    /// Appends bytes (into a device target directly: it has no old content to keep).
    public func append(_ text: String) throws(ATLError) {
        if let file { try file.append(text) } else if let device { try OutputFile.writeInto(Array(text.utf8), path: device) }
    }

    /// Flushes the temporary file and renames it over the target, then syncs the folder.
    public func commit() throws(ATLError) {
        guard let file, !committed else { return }
        try file.sync()
        guard rename(file.path, target) == 0 else { throw OutputFile.failure(target, errno) }
        committed = true
        OutputFile.syncFolder(of: target)
    }

    /// A staged file dropped before its commit (a failed run) is removed; the old target is untouched.
    deinit {
        if let file, !committed { unlink(file.path) }
    }
}

/// A file written by appending whole blocks (the batch output): each append is one `write`, so a crash leaves
/// at most one partial trailing block, which a resume cuts off. ``sync()`` makes what was appended durable.
public final class AppendableFile: @unchecked Sendable {
    private let fd: Int32
    /// The file written (for a staged output, its temporary file).
    public let path: String
    /// The path named in error messages.
    public let shownAs: String
    public private(set) var offset: UInt64

    init(fd: Int32, path: String, offset: UInt64, shownAs: String? = nil) {
        self.fd = fd
        self.path = path
        self.offset = offset
        self.shownAs = shownAs ?? path
    }

    deinit { close(fd) }

    public func append(_ text: String) throws(ATLError) { try append(Array(text.utf8)) }

    public func append(_ bytes: [UInt8]) throws(ATLError) {
        guard OutputFile.writeAll(fd, bytes) else { throw OutputFile.failure(shownAs, errno) }
        offset += UInt64(bytes.count)
    }

    /// Flushes the appended bytes to disk.
    public func sync() throws(ATLError) {
        guard fsync(fd) == 0 else { throw OutputFile.failure(shownAs, errno) }
    }
}

/// File errors in plain words ("No space left on device"), without Foundation's domain and code numbers.
public enum FileProblem {
    public static func describe(_ error: any Error) -> String {
        if let e = error as? ATLError { return e.diagnostics.map(\.message).joined(separator: "; ") }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        if let u = ns.userInfo[NSUnderlyingErrorKey] as? NSError, u.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(u.code)))
        }
        if let p = error as? POSIXError { return String(cString: strerror(p.code.rawValue)) }
        switch CocoaError.Code(rawValue: ns.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return "No such file or directory"
        case .fileWriteNoPermission, .fileReadNoPermission: return "Permission denied"
        case .fileWriteOutOfSpace: return "No space left on device"
        case .fileWriteVolumeReadOnly: return "Read-only file system"
        default: return ns.domain == NSCocoaErrorDomain ? "the file operation failed" : "\(error)"
        }
    }
}

extension OutputFile {
    /// Fails before a long run when `path` cannot be written: a folder, or a place no file can be made.
    /// `label` names the path in the message (e.g. "--summary"). Leaves nothing behind.
    public static func checkWritable(_ path: String, label: String) throws(ATLError) {
        switch InputFile.kind(of: path) {
        case .folder:
            throw ATLError(code: "output.is-folder", file: path, "cannot write \(label) \(path): it is a folder, not a file")
        case .other:
            return
        case .regularFile:
            let fd = open(path, O_WRONLY | O_CLOEXEC | O_NONBLOCK)
            guard fd >= 0 else { throw failure(path, errno, doing: label) }
            close(fd)
        case .missing:
            let target = OutputPolicy.resolve(path)
            do throws(ATLError) {
                try createFolder(for: target)
                let (fd, temp) = try openTemporary(for: target, shownAs: path, mode: 0o644)
                unlink(temp)
                close(fd)
            } catch {
                // Name the option: "cannot write --summary x/s.md: x is not a folder".
                throw ATLError(error.diagnostics.map { d in
                    var d = d
                    d.message = d.message.replacingOccurrences(of: "cannot write \(path)", with: "cannot write \(label) \(path)")
                    return d
                })
            }
        }
    }

    /// Creates a folder for outputs and checks a file can be written in it, before a long run.
    public static func checkWritableFolder(_ dir: String, label: String) throws(ATLError) {
        if case .regularFile = InputFile.kind(of: dir) {
            throw ATLError(code: "output.cannot-create-folder", file: dir, "cannot create \(label) \(dir): it is a file, not a folder")
        }
        try createFolder(dir, shownAs: dir)
        let (fd, temp) = try openTemporary(for: dir + "/.atl-write-check", shownAs: dir, mode: 0o644)
        unlink(temp)
        close(fd)
    }
}
