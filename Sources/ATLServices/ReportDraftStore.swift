import ATLModel
import ATLData
import Foundation

/// Drafts of settings' enhanced SEN information reports, written by a SENCo section by section and kept apart
/// from the catalogue until an officer accepts them.
///
/// A draft is a complete setting file (`<urn>.setting.md`: the catalogue's header for the setting, then its
/// report with the drafted sections in place) in the drafts folder, never in the catalogue, beside a small
/// status file (`<urn>.status.json`: each section's task status and whether the SENCo has sent it for review).
/// Accepting writes the drafted sections into the catalogue file through ``CatalogueWriter/writeReport(_:urn:into:)``
/// (the header is kept byte for byte) and removes the draft. Files are written durably with mode 0600.
public final class ReportDraftStore: @unchecked Sendable {
    /// A section's task status, as the task list shows it.
    public enum SectionStatus: String, Sendable, Hashable, CaseIterable {
        case notStarted = "not-started"
        case inProgress = "in-progress"
        case completed

        public var title: String {
            switch self {
            case .notStarted: "Not yet started"
            case .inProgress: "In progress"
            case .completed: "Completed"
            }
        }
    }

    public struct Draft: Sendable, Hashable {
        public var urn: Int
        public var name: String
        /// Drafted sections only (a section not drafted keeps the catalogue's text).
        public var sections: [ReportSection: String]
        public var status: [ReportSection: SectionStatus]
        /// True once the SENCo has sent the draft to the LA for review.
        public var submitted: Bool
        public var updatedAt: String

        public func status(of s: ReportSection) -> SectionStatus { status[s] ?? .notStarted }
        public var completed: Int { status.values.filter { $0 == .completed }.count }
    }

    /// Longest text accepted for one section (a few pages).
    public static let sectionLimit = 20_000

    public let folder: String
    private let lock = NSLock()

    public init(folder: String) throws(ATLError) {
        self.folder = folder
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw ATLError(code: "output.cannot-create-folder", file: folder, "cannot create the drafts folder: \(FileProblem.describe(error))")
        }
    }

    func settingPath(_ urn: Int) -> String { folder + "/\(urn)\(SettingFile.fileSuffix)" }
    func statusPath(_ urn: Int) -> String { folder + "/\(urn).status.json" }

    /// The draft for a setting, or nil when there is none.
    public func draft(urn: Int) -> Draft? {
        lock.withLock { read(urn) }
    }

    /// Every draft, those sent for review first, then by setting name.
    public func all() -> [Draft] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let urns = names.compactMap { n -> Int? in n.hasSuffix(".status.json") ? Int(n.dropLast(".status.json".count)) : nil }
        let drafts = lock.withLock { urns.compactMap(read) }
        return drafts.sorted { ($0.submitted ? 0 : 1, $0.name, $0.urn) < ($1.submitted ? 0 : 1, $1.name, $1.urn) }
    }

    /// Checks a section's text: a line starting with `##` would start another section of the setting file.
    public static func check(_ text: String, section: ReportSection) throws(ATLError) {
        if text.count > sectionLimit {
            throw ATLError(code: "draft.too-long", file: "draft", field: section.rawValue,
                           "Shorten the text to \(sectionLimit) characters or fewer")
        }
        for line in text.split(whereSeparator: \.isNewline) where line.drop(while: { $0 == " " }).hasPrefix("##") {
            _ = line
            throw ATLError(code: "draft.heading-in-text", file: "draft", field: section.rawValue,
                           "Remove the ## at the start of a line: it would start a new section")
        }
    }

    /// Saves one section of a setting's draft (creating the draft from the catalogue's setting when needed).
    public func save(_ setting: Setting, section: ReportSection, text: String, completed: Bool, now: Date = Date()) throws(ATLError) -> Draft {
        let cleaned = ReportDraftStore.normalise(text)
        try ReportDraftStore.check(cleaned, section: section)
        return try locked { () throws(ATLError) -> Draft in
            var d = read(setting.urn) ?? Draft(urn: setting.urn, name: setting.name, sections: [:], status: [:], submitted: false, updatedAt: "")
            d.sections[section] = cleaned
            d.status[section] = completed ? .completed : .inProgress
            d.submitted = false
            d.updatedAt = ListRegister.timestamp(now)
            try write(d, setting: setting)
            return d
        }
    }

    /// Marks the draft as sent to the LA for review.
    public func submit(_ setting: Setting, now: Date = Date()) throws(ATLError) -> Draft? {
        try locked { () throws(ATLError) -> Draft? in
            guard var d = read(setting.urn) else { return nil }
            d.submitted = true
            d.updatedAt = ListRegister.timestamp(now)
            try write(d, setting: setting)
            return d
        }
    }

    /// Writes the drafted sections into the catalogue and removes the draft. Returns the catalogue file written.
    public func accept(urn: Int, catalogueRoot: String) throws(ATLError) -> String {
        try locked { () throws(ATLError) -> String in
            guard let d = read(urn) else {
                throw ATLError(code: "draft.not-found", file: folder, subject: String(urn), "there is no draft for this setting")
            }
            let written = try CatalogueWriter.writeReport(d.sections, urn: urn, into: catalogueRoot)
            remove(urn)
            return written
        }
    }

    /// Deletes a draft.
    public func discard(urn: Int) {
        lock.withLock { remove(urn) }
    }

    /// Runs `body` holding the lock (NSLock's `withLock` rethrows untyped errors).
    private func locked<T>(_ body: () throws(ATLError) -> T) throws(ATLError) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    // MARK: - Files

    /// Line ends as `\n`, trailing spaces and blank lines at either end removed (as the catalogue stores text).
    static func normalise(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { line -> Substring in
                var l = line
                while let last = l.last, last == " " || last == "\t" { l = l.dropLast() }
                return l
            }
        var lo = 0, hi = lines.count
        while lo < hi, lines[lo].isEmpty { lo += 1 }
        while hi > lo, lines[hi - 1].isEmpty { hi -= 1 }
        return lines[lo..<hi].joined(separator: "\n")
    }

    private func write(_ d: Draft, setting: Setting) throws(ATLError) {
        var s = setting
        for (section, text) in d.sections { s.report[section] = text }
        try OutputFile.write(Array(SettingFile.render(s).utf8), to: settingPath(d.urn), mode: 0o600)
        let status = JSON.object([
            ("schema", .string("atl-report-draft/1")),
            ("urn", .int(d.urn)),
            ("name", .string(d.name)),
            ("submitted", .bool(d.submitted)),
            ("updated_at", .string(d.updatedAt)),
            ("drafted", .array(ReportSection.allCases.filter { d.sections[$0] != nil }.map { .string($0.rawValue) })),
            ("status", .object(ReportSection.allCases.compactMap { s in d.status[s].map { (s.rawValue, JSON.string($0.rawValue)) } })),
        ])
        try OutputFile.write(Array((status.serialized(pretty: true) + "\n").utf8), to: statusPath(d.urn), mode: 0o600)
    }

    private func read(_ urn: Int) -> Draft? {
        guard let data = FileManager.default.contents(atPath: statusPath(urn)),
              let o = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let fileData = FileManager.default.contents(atPath: settingPath(urn)),
              let parsed = try? SettingFile.parse([UInt8](fileData), file: settingPath(urn)).value
        else { return nil }
        let drafted = Set(((o["drafted"] as? [String]) ?? []).compactMap(ReportSection.init(rawValue:)))
        var sections: [ReportSection: String] = [:]
        for s in drafted { sections[s] = parsed.report[s] ?? "" }
        var status: [ReportSection: SectionStatus] = [:]
        for (k, v) in (o["status"] as? [String: String]) ?? [:] {
            if let s = ReportSection(rawValue: k), let st = SectionStatus(rawValue: v) { status[s] = st }
        }
        return Draft(urn: urn, name: (o["name"] as? String) ?? parsed.name, sections: sections, status: status,
                     submitted: (o["submitted"] as? Bool) ?? false, updatedAt: (o["updated_at"] as? String) ?? "")
    }

    private func remove(_ urn: Int) {
        try? FileManager.default.removeItem(atPath: settingPath(urn))
        try? FileManager.default.removeItem(atPath: statusPath(urn))
        OutputFile.syncFolder(of: settingPath(urn))
    }
}
