import ATLModel
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The rules every command and service applies to the paths it is about to write, before it reads or writes
/// anything, so an output can never destroy an input, another output or a catalogue:
///
/// 1. **Never inside a catalogue.** An output is refused anywhere inside a catalogue folder in use, and in any
///    folder that holds setting files (`*.setting.md`), and it may never be a setting file itself. Paths are
///    compared after resolving `.`, `..` and symbolic links (a link to a setting file, a `..` path into the
///    catalogue, a symlinked folder), the way the kernel would resolve them when writing.
/// 2. **Outputs never collide.** Two outputs of one run (records, summary, summary JSON, the batch's resume
///    state `<output>.state` and work file `<output>.partial`) may not be the same file, and an output file may
///    not be inside an output folder (`--lists-dir`, `--letters`).
/// 3. **Outputs never overwrite inputs.** An output may not be an input of the same run (the same path or the
///    same file through another name), and an output folder may not be an input folder.
///
/// Existing targets that are not regular files are handled by ``OutputFile``: a folder is refused, a device or
/// pipe (`/dev/stdout`) is written into and never replaced. Every refusal is a `usage.` diagnostic (exit 1):
/// the request cannot be carried out as given.
public struct OutputPlan: Sendable {
    /// One path the run writes.
    public struct Output: Sendable {
        /// How the path is named to the user, e.g. `--summary`.
        public var label: String
        public var path: String
        /// True for a folder the run writes files into (`--lists-dir`, `--letters`).
        public var isFolder: Bool
        public init(_ label: String, _ path: String, isFolder: Bool = false) {
            self.label = label
            self.path = path
            self.isFolder = isFolder
        }
    }

    /// One path the run reads.
    public struct Input: Sendable {
        public var label: String
        public var path: String
        public init(_ label: String, _ path: String) {
            self.label = label
            self.path = path
        }
    }

    public var outputs: [Output]
    public var inputs: [Input]
    /// Catalogue folders the run reads: no output may be inside one.
    public var catalogues: [String]
    /// False for the commands whose output *is* a catalogue folder (imports, the example-LA generator): rule 1
    /// then does not apply to their outputs.
    public var outputsMayBeCatalogues: Bool

    public init(outputs: [Output], inputs: [Input] = [], catalogues: [String] = [], outputsMayBeCatalogues: Bool = false) {
        self.outputs = outputs
        self.inputs = inputs
        self.catalogues = catalogues
        self.outputsMayBeCatalogues = outputsMayBeCatalogues
    }
}

public enum OutputPolicy {
    /// Applies the three rules of ``OutputPlan``; throws every violation found.
    public static func check(_ plan: OutputPlan) throws(ATLError) {
        var diags: [Diagnostic] = []
        let outputs = plan.outputs.filter { !$0.path.isEmpty }
        let resolvedOutputs = outputs.map { resolve($0.path) }
        let catalogues = plan.catalogues.filter { !$0.isEmpty }.map { ($0, resolve($0)) }

        if !plan.outputsMayBeCatalogues {
            for (o, r) in zip(outputs, resolvedOutputs) {
                let name = (r as NSString).lastPathComponent
                if !o.isFolder, name.lowercased().hasSuffix(".setting.md") {
                    diags.append(Diagnostic(code: "usage.output-is-setting-file", file: o.path, field: o.label,
                        "\(o.label) \(o.path) is a setting file (*.setting.md)\(r != absolute(o.path) ? " (through a link or '..')" : ""); writing there would destroy it"))
                    continue
                }
                if let (given, _) = catalogues.first(where: { isSameOrInside(r, $0.1) }) {
                    diags.append(Diagnostic(code: "usage.output-in-catalogue", file: o.path, field: o.label,
                        "\(o.label) \(o.path) is inside the catalogue folder \(given); write outputs outside it (a file there could overwrite a setting file or be read back as part of the catalogue)"))
                    continue
                }
                let folder = o.isFolder ? r : (r as NSString).deletingLastPathComponent
                if holdsSettingFiles(folder) {
                    diags.append(Diagnostic(code: "usage.output-in-catalogue", file: o.path, field: o.label,
                        "\(o.label) \(o.path) is in a catalogue folder (\(folder) holds setting files); write outputs outside it"))
                }
            }
        }

        // Outputs against each other.
        for i in outputs.indices {
            for j in outputs.indices where j < i {
                let (a, b) = (outputs[j], outputs[i])
                let (ra, rb) = (resolvedOutputs[j], resolvedOutputs[i])
                if ra == rb || sameFile(a.path, b.path) {
                    diags.append(Diagnostic(code: "usage.outputs-collide", file: b.path, field: b.label,
                        "\(b.label) and \(a.label) are the same file (\(b.path)); give each output its own path"))
                } else if a.isFolder, !b.isFolder, isSameOrInside(rb, ra) {
                    diags.append(Diagnostic(code: "usage.output-inside-output-folder", file: b.path, field: b.label,
                        "\(b.label) \(b.path) is inside the output folder \(a.label) \(a.path); write it elsewhere"))
                } else if b.isFolder, !a.isFolder, isSameOrInside(ra, rb) {
                    diags.append(Diagnostic(code: "usage.output-inside-output-folder", file: a.path, field: a.label,
                        "\(a.label) \(a.path) is inside the output folder \(b.label) \(b.path); write it elsewhere"))
                }
            }
        }

        // Outputs against inputs.
        for (o, r) in zip(outputs, resolvedOutputs) {
            for input in plan.inputs where !input.path.isEmpty {
                if r == resolve(input.path) || sameFile(o.path, input.path) {
                    diags.append(Diagnostic(code: "usage.output-is-input", file: o.path, field: o.label,
                        "\(o.label) \(o.path) is the input \(input.label); writing it would destroy the input"))
                }
            }
        }
        if !diags.isEmpty { throw ATLError(diags) }
    }

    /// True when `path` is `folder` or below it (both resolved).
    static func isSameOrInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }

    /// True when both paths exist and are the same file (also through a hard link).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }

    /// True when the folder directly holds a `*.setting.md` file.
    static func holdsSettingFiles(_ folder: String) -> Bool {
        guard let dir = opendir(folder.isEmpty ? "." : folder) else { return false }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name.lowercased().hasSuffix(".setting.md") { return true }
        }
        return false
    }

    /// `path` made absolute against the working directory, without resolving anything.
    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    /// The path the kernel would write through: absolute, with `.` and `..` applied and every symbolic link in
    /// it followed (also a link whose target does not exist yet, which a write would create). Components that
    /// do not exist are kept as given.
    public static func resolve(_ path: String) -> String {
        resolve(absolute(path), depth: 0)
    }

    private static func resolve(_ absolutePath: String, depth: Int) -> String {
        var parts: [String] = []
        let components = absolutePath.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var i = 0
        while i < components.count {
            let c = components[i]
            i += 1
            if c == "." { continue }
            if c == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            let candidate = "/" + (parts + [c]).joined(separator: "/")
            var st = stat()
            guard depth < 40, lstat(candidate, &st) == 0, st.st_mode & S_IFMT == S_IFLNK else {
                parts.append(c)
                continue
            }
            // A symbolic link: continue from its target, then the rest of the path.
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(candidate, &buffer, buffer.count - 1)
            guard n > 0 else { parts.append(c); continue }
            let target = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let base = target.hasPrefix("/") ? target : "/" + parts.joined(separator: "/") + "/" + target
            let rest = components[i...].joined(separator: "/")
            return resolve(rest.isEmpty ? base : base + "/" + rest, depth: depth + 1)
        }
        return "/" + parts.joined(separator: "/")
    }
}
