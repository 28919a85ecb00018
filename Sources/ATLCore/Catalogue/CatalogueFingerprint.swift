import Foundation

/// What a catalogue folder held when an index snapshot was built: every setting file's relative path, size,
/// modification time and SHA-256. Checking a snapshot is fresh costs one directory listing and a `stat` per
/// file; only files whose size or time changed are read and re-hashed (a fresh checkout keeps its content).
public struct CatalogueFingerprint: Sendable, Hashable {
    public struct File: Sendable, Hashable {
        public var path: String
        public var size: Int
        /// Modification time, nanoseconds since 1970.
        public var modified: Int
        /// SHA-256 of the bytes (empty when not hashed).
        public var sha256: String
    }

    /// Sorted by path.
    public var files: [File]

    public init(files: [File]) { self.files = files.sorted { $0.path < $1.path } }

    /// Lists the setting files below `root` with their sizes and times (and SHA-256s when `hashing`).
    public static func scan(root: String, hashing: Bool, threads: Int = Parallel.defaultThreads) throws(Diagnostic) -> CatalogueFingerprint {
        let paths = try CatalogueLoader.settingFiles(root: root)
        let display = root.hasSuffix("/") ? String(root.dropLast()) : root
        let files = Parallel.map(paths.count, threads: threads) { i -> File in
            let full = display + "/" + paths[i]
            var st = stat()
            let (size, mtime) = stat(full, &st) == 0
                ? (Int(st.st_size), Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec)) : (-1, 0)
            return File(path: paths[i], size: size, modified: mtime, sha256: hashing ? hash(full) : "")
        }
        return CatalogueFingerprint(files: files)
    }

    static func hash(_ path: String) -> String {
        guard let d = FileManager.default.contents(atPath: path) else { return "" }
        return SHA256.hex([UInt8](d))
    }

    /// The first difference between this (built) fingerprint and `now` (scanned without hashes), in words,
    /// or nil when the folder still holds the same content.
    public func difference(from now: CatalogueFingerprint, root: String) -> String? {
        let display = root.hasSuffix("/") ? String(root.dropLast()) : root
        var i = 0, j = 0
        while i < files.count || j < now.files.count {
            if j == now.files.count || (i < files.count && files[i].path < now.files[j].path) {
                return "\(display)/\(files[i].path) was removed"
            }
            if i == files.count || now.files[j].path < files[i].path {
                return "\(display)/\(now.files[j].path) was added"
            }
            let a = files[i], b = now.files[j]
            if a.size != b.size { return "\(display)/\(a.path) has changed" }
            if a.modified != b.modified && CatalogueFingerprint.hash(display + "/" + a.path) != a.sha256 {
                return "\(display)/\(a.path) has changed"
            }
            i += 1
            j += 1
        }
        return nil
    }
}
