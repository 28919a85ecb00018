import ATLModel
import Foundation

extension CatalogueWriter {
    /// Writes SEN information report sections into one setting's file in a catalogue: the sections given replace
    /// the file's sections of the same name, the file's other sections are kept, and the header (every fact and
    /// its sources) is kept byte for byte. The new text must parse as a setting file with the same URN, or
    /// nothing is written. The write is durable (``OutputFile``): after a crash the file holds the old text or
    /// the new, never a mixture.
    ///
    /// This is how an officer accepts a setting's enhanced SEN information report (drafted by its SENCo in the
    /// workbench) into the catalogue. Returns the path written, relative to `root`.
    @discardableResult
    public static func writeReport(_ sections: [ReportSection: String], urn: Int, into root: String) throws(ATLError) -> String {
        let catalogue: Catalogue
        do { catalogue = try CatalogueLoader.load(root: root).catalogue } catch { throw ATLError(error.errors) }
        guard let setting = catalogue.setting(urn: urn), let relative = catalogue.files[urn] else {
            throw ATLError(code: "catalogue-write.unknown-urn", file: root, field: "urn", subject: String(urn),
                           "no setting with URN \(urn) in this catalogue")
        }
        let path = URL(fileURLWithPath: root).appendingPathComponent(relative).path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ATLError(code: "catalogue-write.cannot-read", file: path, "cannot read the setting's file")
        }
        let old = try TextDecoding.decodeUTF8([UInt8](data), file: path)
        guard let header = header(of: old) else {
            throw ATLError(code: "catalogue-write.no-header", file: path, "the file has no header between '---' lines")
        }
        var report = setting.report
        for (section, text) in sections { report[section] = text }
        let text = header + renderReport(report)
        let parsed = try SettingFile.parse(text: text, file: path)
        guard parsed.value.urn == urn else {
            throw ATLError(code: "catalogue-write.urn-changed", file: path, field: "urn", "the rewritten file names another URN")
        }
        try OutputFile.write(text, to: path)
        return relative
    }

    /// The header of a setting file: everything up to and including the line that closes it (`---`), or nil.
    static func header(of text: String) -> String? {
        var sawOpen = false
        var index = text.startIndex
        while index < text.endIndex {
            let end = text[index...].firstIndex(of: "\n") ?? text.endIndex
            let next = end < text.endIndex ? text.index(after: end) : end
            let trimmed = TextDecoding.trimSpaces(text[index..<end].drop { $0 == "\u{FEFF}" })
            if trimmed == "---" {
                if sawOpen { return String(text[..<next]) + (end == text.endIndex ? "\n" : "") }
                sawOpen = true
            } else if !sawOpen && !trimmed.isEmpty {
                return nil
            }
            index = next
        }
        return nil
    }

    /// The report part of a setting file, sections in Schedule 1 order, written as ``SettingFile/render(_:)``
    /// writes them.
    static func renderReport(_ report: [ReportSection: String]) -> String {
        var out = ""
        for section in ReportSection.allCases {
            guard let text = report[section] else { continue }
            out += "\n## \(section.title)\n"
            if !text.isEmpty { out += "\n\(text)\n" }
        }
        return out
    }
}
