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

    /// An order-free digest of every setting file's relative path, size and modification time: the count and
    /// two wrapping sums of independent 64-bit hashes of each file's triple. Two folders with the same digest
    /// hold, but for a 128-bit accident, the same files with the same sizes and times, so the full check
    /// (``difference(from:root:)``) would find nothing to re-hash. Not a defence against a crafted catalogue.
    public struct StatDigest: Sendable, Hashable {
        public var count: Int
        public var a: UInt64
        public var b: UInt64
        public init(count: Int = 0, a: UInt64 = 0, b: UInt64 = 0) {
            self.count = count
            self.a = a
            self.b = b
        }

        mutating func add(path: UnsafeRawBufferPointer, size: Int, modified: Int) {
            var h1: UInt64 = 0xCBF2_9CE4_8422_2325, h2: UInt64 = 0x243F_6A88_85A3_08D3
            for byte in path {
                h1 = (h1 ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                h2 = ((h2 ^ UInt64(byte)) &* 0x9E37_79B9_7F4A_7C15)
                h2 = h2 << 29 | h2 >> 35
            }
            a &+= StatDigest.mix(h1 ^ StatDigest.mix(UInt64(bitPattern: Int64(size)) &+ 0x1234_5678) ^ StatDigest.mix(UInt64(bitPattern: Int64(modified))))
            b &+= StatDigest.mix(h2 &+ StatDigest.mix(UInt64(bitPattern: Int64(modified)) ^ 0xA5A5_A5A5) &+ UInt64(bitPattern: Int64(size)) &* 0xC2B2_AE3D_27D4_EB4F)
            count += 1
        }

        /// splitmix64's finaliser.
        static func mix(_ x: UInt64) -> UInt64 {
            var z = x &+ 0x9E37_79B9_7F4A_7C15
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The digest of these files (as built, or as scanned).
    public var statDigest: StatDigest {
        var d = StatDigest()
        for f in files {
            var p = f.path
            p.withUTF8 { d.add(path: UnsafeRawBufferPointer($0), size: f.size, modified: f.modified) }
        }
        return d
    }

    /// The digest of the setting files below `root` as they are now, from one directory listing and a `stat`
    /// per file, without building their list: the same files as ``scan(root:hashing:threads:)`` (a file that
    /// cannot be `stat`ed counts with size -1 and time 0, as there). Nil when the folder cannot be listed
    /// (the full check then says why).
    public static func quickDigest(root: String) -> StatDigest? {
        let display = root.hasSuffix("/") ? String(root.dropLast()) : root
        var digest = StatDigest()
        var pending = [""]
        var path: [UInt8] = []
        let suffix = Array(SettingFile.fileSuffix.utf8)
        while let rel = pending.popLast() {
            guard let dir = opendir(rel.isEmpty ? display : display + "/" + rel) else { return nil }
            defer { closedir(dir) }
            let fd = dirfd(dir)
            while let entry = readdir(dir) {
                let ok: Bool? = withUnsafeBytes(of: entry.pointee.d_name) { raw -> Bool? in
                    let name = UnsafeRawBufferPointer(rebasing: raw[..<(raw.firstIndex(of: 0) ?? raw.count)])
                    if name.count == 1 && name[0] == 0x2E || name.count == 2 && name[0] == 0x2E && name[1] == 0x2E { return true }
                    path.removeAll(keepingCapacity: true)
                    if !rel.isEmpty { path.append(contentsOf: rel.utf8); path.append(0x2F) }
                    path.append(contentsOf: name)
                    var type = entry.pointee.d_type
                    var st = stat()
                    if type == UInt8(DT_UNKNOWN) {
                        guard let base = raw.baseAddress else { return nil }
                        if fstatat(fd, base.assumingMemoryBound(to: CChar.self), &st, AT_SYMLINK_NOFOLLOW) == 0 {
                            type = (st.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
                        }
                    }
                    if type == UInt8(DT_DIR) {
                        pending.append(String(decoding: path, as: UTF8.self))
                        return true
                    }
                    guard name.count >= suffix.count, name.suffix(suffix.count).elementsEqual(suffix) else { return true }
                    guard let base = raw.baseAddress else { return nil }
                    let (size, mtime) = fstatat(fd, base.assumingMemoryBound(to: CChar.self), &st, 0) == 0
                        ? (Int(st.st_size), Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec)) : (-1, 0)
                    path.withUnsafeBytes { digest.add(path: $0, size: size, modified: mtime) }
                    return true
                }
                if ok == nil { return nil }
            }
        }
        return digest
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
