import ATLTestSupport
import Foundation
import Testing

/// Every diagnostic code the engine can produce is reached by a row of a diagnostics table.
///
/// The codes are read from the sources (`code: "area.kind"`, and the `missing:`/`wrongType:`/`invalid:` codes of
/// a JSON reader, and the codes handed to a reader's `error(…)`/`warning(…)`/`bad(…)` helper), the table rows
/// from the test files named `*Diagnostics.swift`, each of which checks its code, file, line and field. A code
/// with no row fails this test, unless it is listed in ``defensive`` with the reason no input can reach it.
@Suite struct DiagnosticCoverageTests {
    /// Codes that guard against failures of the machine rather than of an input: no file, row or argument can
    /// produce them, so no table row can either.
    static let defensive: [String: String] = [
        "profile.invalid": "a profile that failed without any diagnostic; every failing step records one",
        "csv.unreadable-row": "a CSV error that carries no diagnostic; every CSV error carries one",
        "snapshot.unreadable": "fstat or mmap failing on a snapshot already opened, or an error that is not the reader's own",
        "output.cannot-truncate": "ftruncate failing on a work file already opened for writing",
        "output.cannot-remove": "unlink failing on a file of a folder the generator just listed",
        "batch-state.cohort-shorter": "a cohort that shrinks between its survey and the resume's skip (its hash is checked first)",
        "catalogue.cannot-list-folder": "opendir failing on a folder just listed (as root, permissions never stop it)",
        "cohort.cannot-list-folder": "listing a cohort folder that exists failing (as root, permissions never stop it)",
        "catalogue-write.cannot-read": "a setting file the catalogue loader read a moment before becoming unreadable",
        "catalogue-write.no-header": "a setting file the catalogue loader accepted a moment before losing its header (rewritten by another program)",
        "catalogue-write.urn-changed": "the rewrite keeps the header byte for byte, so the URN it names cannot change",
    ]

    struct Site: Hashable { var code: String; var file: String; var line: Int }

    static let codePatterns = [
        #"\b(?:code|missing|wrongType|invalid)\s*:\s*"([a-z0-9-]+\.[a-z0-9-]+)""#,
        #"\b(?:error|warning|bad)\(\s*"([a-z0-9-]+\.[a-z0-9-]+)""#,
        #"\?\s*"([a-z0-9-]+\.[a-z0-9-]+)"\s*:\s*"([a-z0-9-]+\.[a-z0-9-]+)""#,
    ].map { try! NSRegularExpression(pattern: $0) }

    static func swiftFiles(under folder: String) -> [String] {
        let root = Repository.root.appendingPathComponent(folder).path
        let items = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        return items.filter { $0.hasSuffix(".swift") }.sorted().map { root + "/" + $0 }
    }

    /// Every diagnostic site in `Sources/` (the HTTP server, which knows nothing of the engine's formats, aside).
    static let sites: [Site] = {
        var out: [Site] = []
        for path in swiftFiles(under: "Sources") where !path.contains("/ATLHTTP/") {
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let s = String(line)
                if s.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
                let range = NSRange(s.startIndex..., in: s)
                for p in codePatterns {
                    for m in p.matches(in: s, range: range) {
                        for g in 1..<m.numberOfRanges where m.range(at: g).location != NSNotFound {
                            var code = String(s[Range(m.range(at: g), in: s)!])
                            // A provenance or source-declaration syntax error becomes a setting file's diagnostic
                            // as "setting." + its code (SettingFile.readLine, checkProvenance).
                            if path.hasSuffix("/ATLModel/Model/Provenance.swift") { code = "setting." + code }
                            out.append(Site(code: code, file: path, line: n + 1))
                        }
                    }
                }
            }
        }
        return out
    }()

    /// Every code named by a string literal in a diagnostics table.
    static let tabled: Set<String> = {
        var out = Set<String>()
        let literal = try! NSRegularExpression(pattern: #""([a-z0-9-]+(?:\.[a-z0-9-]+){1,2})""#)
        for path in swiftFiles(under: "Tests") where path.hasSuffix("Diagnostics.swift") {
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            for m in literal.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                out.insert(String(text[Range(m.range(at: 1), in: text)!]))
            }
        }
        return out
    }()

    @Test func everyDiagnosticCodeInSourcesHasATableRow() {
        let codes = Set(Self.sites.map(\.code))
        #expect(codes.count > 250, "the scan found \(codes.count) codes: is it still reading Sources/?")
        let untested = codes.subtracting(Self.tabled).subtracting(Self.defensive.keys).sorted()
        for code in untested {
            let where_ = Self.sites.filter { $0.code == code }.map { "\(($0.file as NSString).lastPathComponent):\($0.line)" }
            Issue.record("diagnostic code \(code) (\(where_.joined(separator: ", "))) is reached by no row of a *Diagnostics.swift table")
        }
        for code in Self.defensive.keys.sorted() {
            #expect(codes.contains(code), "\(code) is listed as defensive but no longer used in Sources/")
            #expect(!Self.tabled.contains(code), "\(code) is listed as defensive but a table reaches it: remove it from the list")
        }
        let tested = codes.intersection(Self.tabled)
        let testedSites = Self.sites.filter { tested.contains($0.code) }.count
        print("diagnostic codes reached by a table row: \(tested.count) / \(codes.count); "
              + "sites: \(testedSites) / \(Self.sites.count); defensive, not reachable by input: \(Self.defensive.count)")
    }

    /// Codes are stable names of one kind of problem: `area.what-is-wrong`, never a catch-all.
    @Test func codesNameOneKindOfProblem() {
        let shape = try! NSRegularExpression(pattern: #"^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*[a-z0-9]){1,2}$"#)
        for code in Set(Self.sites.map(\.code)).sorted() {
            #expect(shape.firstMatch(in: code, range: NSRange(code.startIndex..., in: code)) != nil, "\(code)")
            let kind = code.split(separator: ".").last!
            #expect(!["problem", "error", "field", "invalid-row", "urn"].contains(String(kind)), "\(code) is a catch-all")
        }
    }
}
