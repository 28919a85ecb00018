import ATLModel
import ATLData

/// The to-confirm report of `atl import-sen-facts`, as Markdown (grouped by LA) and CSV: every candidate fact
/// no importer applied, with the setting it may be about, the source, the page, and why it was not applied.
/// An officer works through it with `atl confirm`. Deterministic: the same rows give the same bytes.
public enum ToConfirmReport {
    public static let csvHeader = ["id", "la", "candidate_urn", "catalogue_name", "name_as_published", "candidate_fact",
                                   "source", "as_of", "url", "why_unconfirmed"]

    public static func csv(_ rows: [ToConfirmRow]) -> String {
        var w = CSVWriter()
        w.row(csvHeader)
        for r in rows {
            w.row([r.id, r.la, r.candidateURNs.map(String.init).joined(separator: " "), r.catalogueNames.filter { !$0.isEmpty }.joined(separator: "; "),
                   r.publishedName, r.candidateFact, r.source, r.asOf.description, r.url ?? "", r.why])
        }
        return w.text
    }

    /// - Parameters:
    ///   - catalogue: the catalogue's name as shown (its folder name).
    ///   - date: the run date.
    public static func markdown(_ rows: [ToConfirmRow], catalogue: String, sources: String, date: String) -> String {
        var out = "# To confirm: SEN facts not applied to any setting\n\n"
        out += "Made by `atl import-sen-facts` on \(date) from `\(sources)` for the catalogue `\(catalogue)`: "
        out += "\(rows.count) row\(rows.count == 1 ? "" : "s"). Real public data about real settings; nothing here is applied until an officer confirms it.\n\n"
        out += """
            A fact is applied only where the match to a setting is certain (the URN in the source, a DfE-number join, \
            or an exact name match the file marks). Each row below is a candidate fact from a row that was not, or two \
            sources that disagree. For each row an officer can:

            - confirm it: `atl confirm --catalogue DIR --urn URN --row ID --by ROLE` writes the row's facts, recomputed \
            from the source file, as `[source as-of, confirmed DAY by ROLE]`;
            - enter the right value instead: `atl confirm --catalogue DIR --urn URN --fact FIELD=VALUE --by ROLE`;
            - reject it: `atl confirm --catalogue DIR --urn URN --row ID --reject --by ROLE` (left out of later reports).

            ROLE is a role or staff reference (e.g. SENDO-07), never a name.


            """
        let las = ordered(Set(rows.map(\.la)))
        let sources = Array(Set(rows.map(\.source))).sorted()
        out += "## Rows by LA and source\n\n"
        var table: [[String]] = []
        for la in las {
            let mine = rows.filter { $0.la == la }
            table.append([la.isEmpty ? "(no LA)" : la] + sources.map { s in count(mine.filter { $0.source == s }.count) } + ["**\(mine.count)**"])
        }
        table.append(["**all**"] + sources.map { s in "**\(rows.filter { $0.source == s }.count)**" } + ["**\(rows.count)**"])
        out += MarkdownText.table(["LA"] + sources + ["total"], table, align: ["l"] + sources.map { _ in "r" } + ["r"]) + "\n"

        out += "## Why\n\n"
        var why: [String: Int] = [:]
        for r in rows { why["\(r.source)\u{1F}\(reason(r.why))", default: 0] += 1 }
        out += MarkdownText.table(["Source", "Why not applied", "Rows"],
                                  why.keys.sorted().map { k in
                                      let p = k.split(separator: "\u{1F}", maxSplits: 1).map(String.init)
                                      return [p[0], p.count > 1 ? p[1] : "", String(why[k]!)]
                                  }, align: ["l", "l", "r"]) + "\n"

        for la in las {
            let mine = rows.filter { $0.la == la }
            out += "## \(la.isEmpty ? "(no LA)" : la) (\(mine.count) row\(mine.count == 1 ? "" : "s"))\n\n"
            out += MarkdownText.table(["ID", "Candidate setting", "As published", "Candidate fact", "Source", "As of", "Why not applied"],
                mine.map { r in
                    let cand = zip(r.candidateURNs, r.catalogueNames)
                        .map { $1.isEmpty ? "\($0) (not in the catalogue)" : "\($0) \($1)" }.joined(separator: "; ")
                    let src = r.url.map { "[\(r.source)](\($0))" } ?? r.source
                    return ["`\(r.id)`", cand.isEmpty ? "—" : cand, r.publishedName, r.candidateFact, src, r.asOf.text, r.why]
                }) + "\n"
        }
        return out
    }

    /// The seven LAs in the catalogue's order first, then any others alphabetically.
    static func ordered(_ las: Set<String>) -> [String] {
        let known = ["Shropshire", "Telford and Wrekin", "Walsall", "Staffordshire", "Stoke-on-Trent", "Herefordshire", "Worcestershire"]
        return known.filter(las.contains) + las.subtracting(known).sorted()
    }

    /// A reason without its row-specific numbers, for the summary: "DfE number 884/6017 not in …" → "DfE number … not in …".
    static func reason(_ why: String) -> String {
        if why.hasPrefix("match '"), let kind = why.dropFirst(7).split(whereSeparator: { $0 == " " || $0 == "'" || $0 == "(" }).first {
            return "match '\(kind) …' is not certain"
        }
        var out = why.split(separator: ";").first.map(String.init) ?? why
        for pattern in ["URN ", "DfE number "] {
            var result = ""
            var rest = Substring(out)
            while let r = rest.range(of: pattern) {
                result += rest[..<r.upperBound]
                rest = rest[r.upperBound...]
                let token = rest.prefix { $0.isNumber || $0 == "/" }
                if !token.isEmpty { result += "…"; rest = rest.dropFirst(token.count) }
            }
            out = result + rest
        }
        if let q = out.range(of: " ('") { out = String(out[..<q.lowerBound]) }
        if out.hasPrefix("exact name, but the catalogue files") { out = "exact name, but the catalogue files the URN under another LA" }
        if out.hasPrefix("an officer holds") { out = "held by an officer; the source now says otherwise" }
        if out.hasPrefix("two sources of the same age") { out = "two sources of the same age disagree" }
        return out
    }

    static func count(_ n: Int) -> String { n == 0 ? "" : String(n) }
}
