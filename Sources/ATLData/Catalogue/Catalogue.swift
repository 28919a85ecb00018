import ATLModel
import Foundation

/// A set of settings loaded from one catalogue folder, sorted by URN, with a content hash for audit stamps.
///
/// A catalogue is either wholly real or wholly fictional (the example LA): the loader refuses a mix, so a
/// real family's list can never contain an invented school.
public struct Catalogue: Sendable {
    /// Settings in ascending URN order.
    public let settings: [Setting]
    /// Catalogue-relative file path of each setting, by URN.
    public let files: [Int: String]
    /// SHA-256 over the settings' file contents in URN order: changes when any fact or report text changes,
    /// not when files are renamed or reordered.
    public let contentHash: String
    /// Where the catalogue was loaded from (for messages; not part of the hash).
    public let root: String

    public var isFictional: Bool { settings.first?.fictional ?? false }
    /// True for a catalogue of real schools with invented SEN facts (`atl synth-national`): every output
    /// made from it is marked SYNTHETIC. The loader refuses a catalogue that mixes these with plain real ones.
    public var isSynthetic: Bool { settings.first?.synthetic ?? false }

    /// Where the settings' reports are decoded from on demand (a catalogue loaded from an index snapshot),
    /// or nil when every report is held in memory.
    public let reportSource: (any LazyReportSource)?

    public init(settings: [Setting], files: [Int: String] = [:], contentHash: String? = nil, root: String = "",
                reportSource: (any LazyReportSource)? = nil) {
        // A snapshot holds its settings in URN order already: checking costs one pass, sorting copies them all.
        // (By index: iterating the settings themselves would copy each one.)
        self.settings = settings.indices.dropFirst().allSatisfy({ settings[$0 - 1].urn <= settings[$0].urn })
            ? settings : settings.sorted { $0.urn < $1.urn }
        self.files = files
        self.root = root
        self.contentHash = contentHash ?? Catalogue.hash(of: self.settings)
        self.reportSource = reportSource
    }

    /// Throws when a report read so far from the snapshot this catalogue was loaded from was corrupt (its
    /// checksum did not match): it was read as empty, so a list or explanation made since may lack quotes
    /// it should have. Call after composing a result; a catalogue held in memory never throws.
    public func checkReports() throws(ATLError) {
        guard let source = reportSource else { return }
        try Catalogue.refuse(source.faults)
    }

    /// Throws when the report of any of these settings is corrupt in the snapshot this catalogue was loaded
    /// from (each is read, so the answer does not depend on what was read before): for a result that holds
    /// them (a list's entries, a why answer), whatever other threads read meanwhile.
    public func checkReports(urns: some Sequence<Int>) throws(ATLError) {
        guard let source = reportSource else { return }
        var wanted = Set<Int>()
        for urn in urns where wanted.insert(urn).inserted { _ = setting(urn: urn)?.report }
        try Catalogue.refuse(source.faults.filter { wanted.contains($0.urn) })
    }

    static func refuse(_ faults: [ReportFault]) throws(ATLError) {
        guard !faults.isEmpty else { return }
        throw ATLError(faults.map { f in
            Diagnostic(code: "snapshot.bad-checksum", file: f.file, field: "report", subject: "URN \(f.urn)",
                       "the SEN information report of URN \(f.urn) in the snapshot is corrupt (\(f.problem)); rebuild it with 'atl index'")
        })
    }

    /// Hash of the canonical text of each setting, in URN order (used for catalogues built in memory).
    public static func hash(of settings: [Setting]) -> String {
        var h = SHA256()
        for s in settings.sorted(by: { $0.urn < $1.urn }) {
            h.update(SHA256.hex(SettingFile.render(s)))
        }
        return h.hexDigest()
    }

    public func setting(urn: Int) -> Setting? {
        var lo = 0, hi = settings.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if settings[mid].urn < urn { lo = mid + 1 } else { hi = mid }
        }
        return lo < settings.count && settings[lo].urn == urn ? settings[lo] : nil
    }
}

/// Reads a catalogue folder: every `*.setting.md` file below it (other files, such as README.md, are not
/// settings and are not read; a `*.md` file that opens like a setting file gets a warning naming it).
/// Problems in any file are collected, never skipped.
public enum CatalogueLoader {
    /// A catalogue that loaded, with the warnings found on the way.
    public struct Loaded: Sendable {
        public var catalogue: Catalogue
        /// Problems that did not stop the catalogue loading, sorted by file and line.
        public var warnings: [Diagnostic]
        /// Number of setting files read.
        public var fileCount: Int
    }

    /// Lists setting files below `root`, as sorted catalogue-relative paths.
    public static func settingFiles(root: String) throws(ATLError) -> [String] {
        try listFiles(root: root).settings
    }

    /// Setting files and the other Markdown files (`*.md` in any letter case) below `root`, sorted.
    static func listFiles(root: String) throws(ATLError) -> (settings: [String], otherMarkdown: [String]) {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir) else {
            throw ATLError(code: "catalogue.folder-not-found", file: root, "catalogue folder not found")
        }
        guard isDir.boolValue else { throw ATLError(code: "catalogue.not-a-folder", file: root, "not a folder; give the catalogue folder") }
        return try CatalogueFingerprint.walk(root: root)
    }

    /// Whether a file's first bytes are a setting file's opening (`---`, then `format: atl-setting/...`),
    /// after an optional byte-order mark, so a setting saved under a mistyped name can be pointed out.
    static func looksLikeSettingFile(_ head: [UInt8]) -> Bool {
        var text = String(decoding: head, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { $0.trimmedSpaces }
        guard lines.count >= 2, lines[0] == "---" else { return false }
        return lines[1].replacingOccurrences(of: " ", with: "").lowercased().hasPrefix("format:atl-setting")
    }

    /// Warnings for Markdown files below `root` that open like a setting file but are not named
    /// `*.setting.md`, so the loader does not read them.
    static func misnamedSettingFiles(_ others: [String], display: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for rel in others {
            let path = display + "/" + rel
            guard InputFile.kind(of: path) == .regularFile, let h = FileHandle(forReadingAtPath: path) else { continue }
            let head = (try? h.read(upToCount: 256)) ?? nil
            try? h.close()
            guard let head, looksLikeSettingFile([UInt8](head)) else { continue }
            out.append(Diagnostic(code: "catalogue.misnamed-setting-file", file: path, line: 1,
                "this file starts like a setting file but is not named *\(SettingFile.fileSuffix), so it is not read; rename it if it is a setting", level: .warning))
        }
        return out
    }

    /// The line of a header field (`urn:`) in a setting file that has already parsed: for messages that name
    /// two files (a duplicate URN, a catalogue mixing fictional and real settings). Line 1 if it is not found.
    static func headerLine(_ field: String, in path: String) -> Int {
        guard let bytes = try? InputFile.read(path, what: "setting file", limit: InputFile.Limit.settingFile) else { return 1 }
        var dashes = 0
        for (i, line) in TextDecoding.lines(String(decoding: bytes, as: UTF8.self)).enumerated() {
            let t = TextDecoding.trimSpaces(line)
            if t == "---" { dashes += 1; if dashes == 2 { break }; continue }
            if let kv = try? KeyValueLine.parse(t, line: i + 1, file: path), kv.key == field { return i + 1 }
        }
        return 1
    }

    /// Loads and validates every setting file below `root`, in parallel. Throws every problem in every file
    /// (errors and warnings together) when any file has an error. `runDate` (`atl validate --date`) adds the
    /// checks that depend on the day (no fact dated after it; a warning per `atl-setting/1` file).
    public static func load(root: String, threads: Int = Parallel.defaultThreads, runDate: String? = nil) throws(ATLError) -> Loaded {
        let (paths, others) = try listFiles(root: root)
        let display = root.hasSuffix("/") ? String(root.dropLast()) : root
        struct Parsed: Sendable { var setting: Setting?; var diags: [Diagnostic]; var hash: String }
        let parsed = Parallel.map(paths.count, threads: threads) { i -> Parsed in
            let rel = paths[i]
            let shown = display + "/" + rel
            let bytes: [UInt8]
            do throws(ATLError) { bytes = try InputFile.read(shown, what: "setting file", limit: InputFile.Limit.settingFile) } catch {
                return Parsed(setting: nil, diags: [Diagnostic(code: "catalogue.unreadable-file", file: shown, line: 1,
                                                               error.diagnostics.first?.message ?? "cannot be read")], hash: "")
            }
            do throws(ATLError) {
                let p = try SettingFile.parse(bytes, file: shown, runDate: runDate)
                return Parsed(setting: p.value, diags: p.warnings, hash: SHA256.hex(bytes))
            } catch {
                return Parsed(setting: nil, diags: error.diagnostics, hash: "")
            }
        }
        var diags = parsed.flatMap(\.diags) + misnamedSettingFiles(others, display: display)
        var byURN: [Int: Int] = [:]
        var settings: [(Setting, String, String)] = []
        for (i, p) in parsed.enumerated() {
            guard let s = p.setting else { continue }
            if let j = byURN[s.urn] {
                let (here, there) = (display + "/" + paths[i], display + "/" + paths[j])
                diags.append(Diagnostic(code: "catalogue.duplicate-urn", file: here, line: headerLine("urn", in: here), field: "urn",
                    "duplicate URN \(s.urn): also in \(there):\(headerLine("urn", in: there))"))
                continue
            }
            byURN[s.urn] = i
            settings.append((s, paths[i], p.hash))
        }
        if paths.isEmpty {
            diags.append(Diagnostic(code: "catalogue.no-setting-files", file: display, "no setting files (*\(SettingFile.fileSuffix)) in this folder"))
        }
        let fictional = settings.filter { $0.0.fictional }
        if !fictional.isEmpty && fictional.count != settings.count {
            let real = settings.first { !$0.0.fictional }!
            let (here, there) = (display + "/" + fictional[0].1, display + "/" + real.1)
            diags.append(Diagnostic(code: "catalogue.mixes-fictional-and-real", file: here, line: headerLine("fictional", in: here), field: "fictional",
                "this catalogue mixes fictional settings (\(fictional.count), e.g. this file) with real ones (\(settings.count - fictional.count), e.g. \(there):\(headerLine("urn", in: there))); keep the example LA in its own catalogue folder"))
        }
        let synthetic = settings.filter { $0.0.synthetic }
        if !synthetic.isEmpty && synthetic.count != settings.count {
            let plain = settings.first { !$0.0.synthetic }!
            let (here, there) = (display + "/" + synthetic[0].1, display + "/" + plain.1)
            diags.append(Diagnostic(code: "catalogue.mixes-synthetic-and-real", file: here, line: headerLine("synthetic", in: here), field: "synthetic",
                "this catalogue mixes synthetic settings (real schools with invented SEN facts: \(synthetic.count), e.g. this file) with settings that are not synthetic (\(settings.count - synthetic.count), e.g. \(there):\(headerLine("urn", in: there))); keep synthetic benchmark data in its own catalogue folder"))
        }
        diags.sort()
        let ok = !diags.contains { $0.level == .error }
        guard ok else { throw ATLError(diags) }
        settings.sort { $0.0.urn < $1.0.urn }
        var h = SHA256()
        for (_, _, fileHash) in settings { h.update(fileHash) }
        let cat = Catalogue(settings: settings.map(\.0),
                            files: Dictionary(uniqueKeysWithValues: settings.map { ($0.0.urn, $0.1) }),
                            contentHash: h.hexDigest(), root: display)
        return Loaded(catalogue: cat, warnings: diags, fileCount: paths.count)
    }
}
