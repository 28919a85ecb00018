import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
@testable import ATLPlanning
import Foundation
import Testing

/// Seeded fuzzing of the cohort CSV, scenario files and batch records (``Fuzz``). For a cohort the property is
/// stronger than "no crash": every physical line after the header belongs to exactly one row, so a child can
/// never be lost, and each problem row names its line.
@Suite struct PlanningFuzzTests {
    static func file(_ rel: String) -> [UInt8] { Array(FileManager.default.contents(atPath: Repository.path(rel)) ?? Data()) }

    /// A cohort CSV written back from profiles: one column per profile field.
    static func csv(_ profiles: [NeedsProfile]) -> String {
        let fields = ProfileParser.Field.allCases.filter { $0 != .format }
        var w = CSVWriter()
        w.row(fields.map(\.rawValue))
        for p in profiles {
            var cells: [String: String] = [:]
            for line in ProfileParser.render(p).split(separator: "\n") {
                let kv = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                cells[kv[0]] = kv[1]
            }
            w.row(fields.map { cells[$0.rawValue] ?? "" })
        }
        return w.text
    }

    @Test func cohortCSVs() {
        // The first eight children of the example cohort (enough for every column), and the broken fixture.
        let example = String(decoding: Self.file("examples/cohort-example-la.csv"), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).prefix(9).joined(separator: "\n") + "\n"
        let seeds = [Array(example.utf8), Array(CohortFixture.brokenCSV.utf8)]
        let report = Fuzz.run("cohort CSV", seeds: seeds, cases: Fuzz.cases(2000), needsLines: true) { input in
            // Every line after the header belongs to exactly one row (its first line to its last).
            var reader: CohortReader
            do throws(ATLError) { reader = try CohortReader(csv: input, file: "c.csv", academicYear: 2026) } catch {
                return FuzzOutcome(accepted: false, diagnostics: error.diagnostics)
            }
            var covered: [Int] = []
            var good: [NeedsProfile] = []
            var diags: [Diagnostic] = []
            while let row = reader.next() {
                covered += Array(row.line...row.lastLine)
                switch row.profile {
                case .success(let (p, _)): good.append(p)
                case .failure(let e):
                    diags += e.diagnostics
                    if !e.diagnostics.contains(where: { $0.line == row.line }) {
                        return FuzzOutcome(accepted: true, roundTripProblem: "row \(row.row) at line \(row.line) has no diagnostic on its line: \(e)")
                    }
                }
            }
            if let first = covered.first, covered != Array(first..<(first + covered.count)) {
                return FuzzOutcome(accepted: true, roundTripProblem: "the rows do not cover each line once, in order: \(covered.prefix(30))")
            }
            if let missing = diags.first(where: { $0.line == nil }) {
                return FuzzOutcome(accepted: false, diagnostics: [missing])
            }
            var back = try? CohortReader(csv: Array(Self.csv(good).utf8), file: "c.csv", academicYear: 2026)
            var again: [String] = []
            while let row = back?.next() { if case .success(let (p, _)) = row.profile { again.append(ProfileParser.render(p)) } }
            return FuzzOutcome(accepted: true, roundTripProblem: again == good.map(ProfileParser.render) ? nil : "the good rows changed when written back")
        }
        #expect(report.failures.isEmpty, "\(report.failures.joined(separator: "\n"))")
    }

    @Test func scenarioFiles() {
        let seeds = ["asd-demand-plus-20", "example-la-semh-base", "telford-asd-resourced-provision"].map { Self.file("examples/scenarios/\($0).scenario") }
            + [Array(ScenarioTests.full.utf8)]
        let report = Fuzz.run("scenario", seeds: seeds, cases: Fuzz.cases(3000), needsLines: true) { input in
            FuzzOutcome.of({ () throws(ATLError) in try ScenarioParser.parse(input, file: "s.scenario") }, roundTrip: { s in
                // No writer: the same bytes parse to the same scenario.
                let again = try? ScenarioParser.parse(input, file: "s.scenario")
                return again?.hash == s.hash && again?.changes.count == s.changes.count && again?.name == s.name ? nil : "parsing twice differs"
            })
        }
        #expect(report.failures.isEmpty, "\(report.failures.joined(separator: "\n"))")
    }

    @Test func batchRecords() {
        typealias B = BatchRecordReaderTests
        let seeds = [B.listed() + "\n" + B.errorRecord + "\n" + B.listed(row: 3, ref: "R-3", need: "SEMH") + "\n", B.listed(entries: "[]")].map { Array($0.utf8) }
        let report = Fuzz.run("batch records", seeds: seeds, cases: Fuzz.cases(3000), needsLines: true) { input in
            FuzzOutcome.of({ () throws(ATLError) in try BatchRecordFormat.read(Data(input), file: "b.jsonl") }, roundTrip: { r in
                // No writer of records read back: every line became exactly one record.
                r.listed.count + r.unlisted.count == r.lines ? nil : "\(r.lines) lines gave \(r.listed.count + r.unlisted.count) records"
            })
        }
        #expect(report.failures.isEmpty, "\(report.failures.joined(separator: "\n"))")
    }
}
