import ATLModel
import ATLData
import ATLEngine

extension CohortReader {
    /// Reads a whole cohort (a cohort CSV or a folder of `.profile` files, docs/cohort-format.md) for a
    /// scenario run: every child with a resolved home, and the SHA-256 of the cohort's bytes. Every problem in
    /// every row is reported together; a reference given twice, an empty cohort, and a cohort mixing synthetic
    /// and real children are errors.
    public static func children(path: String, engine: MatchingEngine, academicYear: Int) throws(ATLError) -> (children: [CohortChild], hash: String) {
        let (_, hash) = try CohortReader.survey(path: path, academicYear: academicYear)
        var reader = try CohortReader(path: path, academicYear: academicYear)
        var out: [CohortChild] = []
        var diags: [Diagnostic] = []
        var seen: [String: String] = [:]
        while let row = reader.next() {
            switch row.profile {
            case .failure(let e): diags += e.diagnostics
            case .success(let (p, profileHash)):
                if let other = seen[p.reference] {
                    diags.append(Diagnostic(code: "cohort.duplicate-reference", file: row.file, line: row.line, field: "reference",
                                            "reference \(p.reference) is also used at \(other)"))
                    continue
                }
                seen[p.reference] = row.source
                do throws(ATLError) {
                    out.append(CohortChild(profile: p, home: try engine.resolveHome(p, file: row.file), profileHash: profileHash))
                } catch {
                    for var d in error.diagnostics {
                        if d.line == nil || row.line > 1 { d.line = row.line }
                        diags.append(d)
                    }
                }
            }
        }
        if out.isEmpty && diags.isEmpty { diags.append(Diagnostic(code: "cohort.no-children", file: path, "the cohort has no children")) }
        if !diags.isEmpty { throw ATLError(diags) }
        if Set(out.map(\.profile.synthetic)).count > 1 {
            throw ATLError(code: "cohort.mixes-synthetic", file: path, field: "synthetic",
                           "the cohort mixes synthetic and real children; keep invented children in their own cohort")
        }
        return (out, hash)
    }
}
