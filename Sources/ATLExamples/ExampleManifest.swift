/// Every committed example output, with the `atl` command line that produces it.
///
/// Dates and seeds are pinned, so each command gives the same bytes on every run; `atl-examples` rewrites the
/// files and ExampleTests fails when one differs from what the code produces now. The README's blocks of real
/// output are marked in README.md itself (``OutputBlocks``), and the renderers' golden files are produced by
/// their tests (``goldenFiles``). Order matters when regenerating: a command reads the committed output of an
/// earlier one (the scenarios read their cohorts, `allocate` reads the batch).
public enum ExampleManifest {
    /// The run date of every example (`--date`): it appears in every audit stamp and sets the academic year.
    public static let date = "2026-11-23"

    /// Markdown files whose blocks of real output are marked with `<!-- example … -->` comments.
    public static let markdownFiles = ["README.md", "docs/list-output.md"]

    public static var examples: [Example] { audits + lists + allocation + scenarios + cohorts + realData }

    /// The dated public SEN facts on the real catalogue (docs/sen-facts.md): coverage before and after, and the
    /// to-confirm report. A dry run: the committed catalogue already holds the facts, and a re-import changes no
    /// byte, so the reports are the same as the run that wrote it.
    static var realData: [Example] {
        let dir = "docs/examples/real-data"
        return [Example("import-sen-facts --catalogue provision-catalogue/west-midlands --dry-run --date \(date) "
                        + "--to-confirm \(dir)/to-confirm.md --to-confirm-csv \(dir)/to-confirm.csv --summary \(dir)/coverage.md")]
            + workedExamples
    }

    /// Issue 13's three worked examples: synthetic children on the real West Midlands catalogue (profiles in
    /// `examples/worked-*.profile`), each list in Markdown and JSON (the JSON carries every dated fact, the
    /// walking-distance statement and the fit preferences); docs/examples/real-data/worked/README.md says why each
    /// list is sensible and what it still cannot know.
    static var workedExamples: [Example] {
        let dir = "docs/examples/real-data/worked"
        let cases = ["worked-telford-asd-year7", "worked-walsall-semh-year3", "worked-worcestershire-pmld-reception"]
        return cases.flatMap { name in
            ["md", "json", "csv"].map { format in
                Example("list --profile examples/\(name).profile --catalogue provision-catalogue/west-midlands --date \(date) "
                        + "--format \(format) --output \(dir)/\(name).\(format)")
            }
        }
    }

    /// SEN information gap analysis of both catalogues in every format, and sample letters (docs/audit.md).
    static var audits: [Example] {
        let dir = "docs/examples/audit"
        var out: [Example] = []
        for catalogue in ["example-la", "west-midlands"] {
            let base = "audit --catalogue provision-catalogue/\(catalogue) --date \(date)"
            out += [Example("\(base) --output \(dir)/\(catalogue).md"),
                    Example("\(base) --format csv --output \(dir)/\(catalogue).csv"),
                    Example("\(base) --format csv-settings --output \(dir)/\(catalogue)-settings.csv"),
                    Example("\(base) --format json --output \(dir)/\(catalogue).json")]
        }
        // The page an LA shares with settings and governors: the example LA, and one real LA of the catalogue.
        out += [Example("audit --catalogue provision-catalogue/example-la --date \(date) --format html --output \(dir)/example-la.html"),
                Example("audit --catalogue provision-catalogue/west-midlands --la 894 --date \(date) --format html --output \(dir)/west-midlands-894.html")]
        let letters = [("west-midlands", "135031-woodlands-primary-school"), ("west-midlands", "144404-the-retreat"),
                       ("west-midlands", "145381-wolgarston-high-school"), ("example-la", "9000001-quillfield-community-primary-school"),
                       ("example-la", "9000006-bluebell-orchard-school"), ("example-la", "9000013-severnvale-college")]
        for (catalogue, file) in letters {
            let urn = file.prefix { $0 != "-" }
            out.append(Example("audit --catalogue provision-catalogue/\(catalogue) --date \(date) --letters \(dir)/letters --urn \(urn)",
                               writes: ["\(dir)/letters/\(file).md"]))
        }
        return out
    }

    /// The example profiles' advisory lists in Markdown, HTML and JSON (docs/examples/lists/README.md).
    static var lists: [Example] {
        let profiles = [("asd-slcn-year7", "example-la"), ("pmld-hoist-physio-year7", "example-la"), ("semh-year9-move", "example-la"),
                        ("hi-signing-year3", "example-la"), ("post16-mld-year12", "example-la"),
                        ("real-telford-asd-year7", "west-midlands")]
        return profiles.flatMap { name, catalogue in
            ["md", "html", "json"].map { format in
                Example("list --profile examples/\(name).profile --catalogue provision-catalogue/\(catalogue) --date \(date) "
                        + "--format \(format) --output docs/examples/lists/\(name).\(format)")
            }
        }
    }

    /// The allocation worked example (docs/allocation.md): a batch of 15 synthetic profiles, one of them with a
    /// postcode outside the lookup on purpose (so the batch ends with exit code 2), then the simulation.
    static var allocation: [Example] {
        let dir = "docs/examples/allocation"
        return [Example("batch --cohort \(dir)/profiles --output \(dir)/example-la-batch.jsonl --date \(date)", exitCode: 2)]
            + ["md", "json", "csv"].map { format in
                Example("allocate --lists \(dir)/example-la-batch.jsonl --date \(date) --format \(format) --output \(dir)/example-la-allocation.\(format)")
            }
    }

    /// The scenario worked examples (docs/examples/scenarios/README.md): synthetic cohorts, then each report.
    static var scenarios: [Example] {
        let dir = "docs/examples/scenarios"
        func reports(_ cohort: String, _ scenario: String, catalogue: String, seed: Int, output: String, formats: [String]) -> [Example] {
            formats.map { format in
                Example("scenario --cohort \(dir)/\(cohort) --scenario examples/scenarios/\(scenario).scenario "
                        + "--catalogue provision-catalogue/\(catalogue) --seed \(seed) --date \(date) --format \(format) --output \(dir)/\(output).\(format)")
            }
        }
        return [Example("synth-cohort --la 999 --size 400 --seed 7 --year 7 --output \(dir)/example-la-cohort.csv")]
            + reports("example-la-cohort.csv", "asd-demand-plus-20", catalogue: "example-la", seed: 7, output: "example-la-asd-plus-20",
                      formats: ["html", "md", "json"])
            + reports("example-la-cohort.csv", "example-la-semh-base", catalogue: "example-la", seed: 7, output: "example-la-semh-base",
                      formats: ["md"])
            + [Example("synth-cohort --la 894 --size 150 --seed 11 --year 7 --output \(dir)/telford-cohort.csv")]
            + reports("telford-cohort.csv", "telford-asd-resourced-provision", catalogue: "west-midlands", seed: 11,
                      output: "telford-asd-resourced-provision", formats: ["html", "md", "json"])
    }

    /// The small synthetic cohort shipped as an input example (docs/cohort-format.md).
    static var cohorts: [Example] {
        [Example("synth-cohort --la 999 --size 20 --seed 1 --output examples/cohort-example-la.csv")]
    }

    /// A golden file written by a test rather than by an `atl` command: the renderers' goldens are built from
    /// small in-code fixtures (ATLRenderTests). Regenerate them with `ATL_UPDATE_GOLDEN=1 swift test --filter
    /// <test>`; ExampleTests checks that this list and the golden folders agree.
    public struct GoldenFile: Sendable {
        public let path: String
        /// The test that writes and checks it.
        public let test: String
    }

    public static let goldenFolders = ["Tests/ATLRenderTests/Golden", "Tests/ATLMapsTests/Golden"]

    public static var goldenFiles: [GoldenFile] {
        func g(_ name: String, _ test: String) -> GoldenFile { GoldenFile(path: "Tests/ATLRenderTests/Golden/\(name)", test: test) }
        return [
            g("allocation.csv", "AllocationRenderTests"), g("allocation.json", "AllocationRenderTests"),
            g("allocation.md", "AllocationRenderTests"),
            g("audit.md", "AuditRenderTests"), g("audit.csv", "AuditRenderTests"), g("audit-settings.csv", "AuditRenderTests"),
            g("audit.json", "AuditRenderTests"), g("audit.html", "AuditRenderTests"), g("letter-100002-birch-academy.md", "AuditRenderTests"),
            g("letter-100003-cedar-special-school.md", "AuditRenderTests"),
            g("letter-fictional-9000003-cedar-special-school.md", "AuditRenderTests"),
            g("list.md", "ListRenderTests"), g("list.json", "ListRenderTests"), g("list.csv", "ListRenderTests"),
            g("list.html", "ListRenderTests"), g("why.txt", "ListRenderTests"),
            g("scenario.md", "ScenarioRenderTests"), g("scenario.json", "ScenarioRenderTests"), g("scenario.html", "ScenarioRenderTests"),
            GoldenFile(path: "Tests/ATLMapsTests/Golden/small-map-wide.svg", test: "MapRenderingTests"),
            GoldenFile(path: "Tests/ATLMapsTests/Golden/small-map-narrow.svg", test: "MapRenderingTests"),
            GoldenFile(path: "Tests/ATLMapsTests/Golden/small-map-figure.html", test: "MapRenderingTests"),
        ]
    }
}
