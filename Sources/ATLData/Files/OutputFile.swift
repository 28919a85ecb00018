import ATLModel
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the engine's output files so that a crash or power cut never leaves a damaged one.
///
/// A regular file is written to a temporary file beside it, flushed to disk (`fsync`), renamed over the target
/// and the folder is flushed too: after a kill the target holds either the old bytes or the new ones, never a
/// mixture, and after a power cut the rename itself is on disk. A symbolic link is followed, so the real file is
/// replaced and the link survives. A device, pipe or socket (`/dev/stdout`, a FIFO) is written into, never
/// replaced. Failures throw an ``ATLError`` with an `output.` code (exit code 3 in the CLI).
public enum OutputFile {
    /// Writes `text` to `path`, creating missing folders.
    public static func write(_ text: String, to path: String) throws(ATLError) {
        try write(Array(text.utf8), to: path)
    }

    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws(ATLError) {
        guard !path.isEmpty else { throw ATLError(code: "output.empty-path", file: path, "an output path is empty") }
        var st = stat()
        var target = path
        if lstat(path, &st) == 0 {
            if stat(path, &st) == 0 {
                switch st.st_mode & S_IFMT {
                case S_IFDIR:
                    throw ATLError(code: "output.is-folder", file: path, "cannot write \(path): it is a folder, not a file")
                case S_IFREG:
                    if let real = realpath(path, nil) { target = String(cString: real); free(real) }
                default:
                    try writeInto(bytes, path: path)
                    return
                }
            }
            // A symbolic link to a file that does not exist yet: write through it, creating its target.
        }
        try createFolder(for: target)
        let folder = (target as NSString).deletingLastPathComponent
        let temp = (folder.isEmpty ? "." : folder) + "/." + (target as NSString).lastPathComponent + ".tmp-\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw failure(path, errno) }
        var ok = writeAll(fd, bytes)
        var err = errno
        if ok && fsync(fd) != 0 { ok = false; err = errno }
        if close(fd) != 0 && ok { ok = false; err = errno }
        if ok && rename(temp, target) != 0 { ok = false; err = errno }
        guard ok else {
            unlink(temp)
            throw failure(path, err)
        }
        syncFolder(of: target)
    }

    /// Creates (or empties) `path` and returns it open for appending (the batch output), with the folder synced
    /// so the new file's name survives a power cut.
    public static func createForAppending(_ path: String, mode: mode_t = 0o644) throws(ATLError) -> AppendableFile {
        try createFolder(for: path)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw failure(path, errno) }
        syncFolder(of: path)
        return AppendableFile(fd: fd, path: path, offset: 0)
    }

    /// Opens an existing file for appending at `offset` (a resumed batch).
    public static func openForAppending(_ path: String, at offset: UInt64) throws(ATLError) -> AppendableFile {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path, errno) }
        guard lseek(fd, off_t(offset), SEEK_SET) >= 0 else {
            let e = errno
            close(fd)
            throw failure(path, e)
        }
        return AppendableFile(fd: fd, path: path, offset: offset)
    }

    static func writeInto(_ bytes: [UInt8], path: String) throws(ATLError) {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path, errno) }
        defer { close(fd) }
        guard writeAll(fd, bytes) else { throw failure(path, errno) }
    }

    static func createFolder(for path: String) throws(ATLError) {
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return }
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw ATLError(code: "output.cannot-create-folder", file: path, "cannot write \(path): cannot create the folder \(folder): \(FileProblem.describe(error))")
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

    static func failure(_ path: String, _ code: Int32) -> ATLError {
        ATLError(code: "output.cannot-write", file: path, "cannot write \(path): \(String(cString: strerror(code)))")
    }
}

/// A file written by appending whole blocks (the batch output): each append is one `write`, so a crash leaves
/// at most one partial trailing block, which a resume cuts off. ``sync()`` makes what was appended durable.
public final class AppendableFile: @unchecked Sendable {
    private let fd: Int32
    public let path: String
    public private(set) var offset: UInt64

    init(fd: Int32, path: String, offset: UInt64) {
        self.fd = fd
        self.path = path
        self.offset = offset
    }

    deinit { close(fd) }

    public func append(_ text: String) throws(ATLError) { try append(Array(text.utf8)) }

    public func append(_ bytes: [UInt8]) throws(ATLError) {
        guard OutputFile.writeAll(fd, bytes) else { throw OutputFile.failure(path, errno) }
        offset += UInt64(bytes.count)
    }

    /// Flushes the appended bytes to disk.
    public func sync() throws(ATLError) {
        guard fsync(fd) == 0 else { throw OutputFile.failure(path, errno) }
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
    /// `label` names the path in the message (e.g. "--summary").
    public static func checkWritable(_ path: String, label: String) throws(ATLError) {
        var isDir: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
        if exists && isDir.boolValue {
            throw ATLError(code: "output.is-folder", file: path, "cannot write \(label) \(path): it is a folder, not a file")
        }
        if exists {
            guard let h = FileHandle(forWritingAtPath: path) else {
                throw ATLError(code: "output.cannot-write", file: path, "cannot write \(label) \(path): \(String(cString: strerror(errno)))")
            }
            try? h.close()
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
        } catch {
            throw ATLError(code: "output.cannot-create-folder", file: path, "cannot write \(label) \(path): \(FileProblem.describe(error))")
        }
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw ATLError(code: "output.cannot-write", file: path, "cannot write \(label) \(path): \(String(cString: strerror(errno)))")
        }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Creates a folder for outputs and checks a file can be written in it, before a long run.
    public static func checkWritableFolder(_ dir: String, label: String) throws(ATLError) {
        do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
            throw ATLError(code: "output.cannot-create-folder", file: dir, "cannot create \(label) \(dir): \(FileProblem.describe(error))")
        }
        let probe = dir + "/.atl-write-check-\(getpid())"
        guard FileManager.default.createFile(atPath: probe, contents: nil) else {
            throw ATLError(code: "output.cannot-write", file: dir, "cannot write into \(label) \(dir): \(String(cString: strerror(errno)))")
        }
        try? FileManager.default.removeItem(atPath: probe)
    }
}
