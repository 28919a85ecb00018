import ATLModel
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

        public init(path: String, size: Int, modified: Int, sha256: String) {
            self.path = path
            self.size = size
            self.modified = modified
            self.sha256 = sha256
        }
    }

    /// Sorted by path.
    public var files: [File]

    public init(files: [File]) { self.files = files.sorted { $0.path < $1.path } }

    /// Lists the setting files below `root` with their sizes and times (and SHA-256s when `hashing`).
    public static func scan(root: String, hashing: Bool, threads: Int = Parallel.defaultThreads) throws(ATLError) -> CatalogueFingerprint {
        let display = root.hasSuffix("/") ? String(root.dropLast()) : root
        let paths = try settingFiles(root: display)
        let files = Parallel.map(paths.count, threads: threads) { i -> File in
            let full = display + "/" + paths[i]
            var st = stat()
            let (size, mtime) = stat(full, &st) == 0
                ? (Int(st.st_size), Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec)) : (-1, 0)
            return File(path: paths[i], size: size, modified: mtime, sha256: hashing ? hash(full) : "")
        }
        return CatalogueFingerprint(files: files)
    }

    /// The same list as ``CatalogueLoader/settingFiles(root:)`` (sorted relative paths of `*.setting.md` below
    /// `root`, not following directory symlinks), by `readdir`: FileManager's enumerator took most of a
    /// freshness check on Linux.
    static func settingFiles(root: String) throws(ATLError) -> [String] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir), isDir.boolValue else {
            return try CatalogueLoader.settingFiles(root: root) // its error messages
        }
        return try walk(root: root).settings
    }

    /// Sorted relative paths below `root` (not following directory symlinks) of `*.setting.md` files and of
    /// other `*.md` files, listed with `readdir`.
    static func walk(root: String) throws(ATLError) -> (settings: [String], otherMarkdown: [String]) {
        var out: [String] = [], other: [String] = []
        var pending = [""]
        while let rel = pending.popLast() {
            guard let dir = opendir(rel.isEmpty ? root : root + "/" + rel) else {
                throw ATLError(code: "catalogue.cannot-list-folder", file: root + "/" + rel, "cannot list the catalogue folder")
            }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let path = rel.isEmpty ? name : rel + "/" + name
                var type = entry.pointee.d_type
                if type == UInt8(DT_UNKNOWN) {
                    var st = stat()
                    if lstat(root + "/" + path, &st) == 0 { type = (st.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG) }
                }
                if type == UInt8(DT_DIR) { pending.append(path) }
                else if name.hasSuffix(SettingFile.fileSuffix) { out.append(path) }
                else if name.lowercased().hasSuffix(".md") { other.append(path) }
            }
        }
        return (out.sorted(), other.sorted())
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
