import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLPlanning
import Foundation
import Testing

@Suite struct CohortReaderTests {
    func rows(_ csv: String) throws -> [CohortRow] {
        var r = try CohortReader(csv: Array(csv.utf8), file: "cohort.csv", academicYear: 2026)
        var out: [CohortRow] = []
        while let row = r.next() { out.append(row) }
        return out
    }

    @Test func brokenRowsGiveOneRowEachWithFileLineAndField() throws {
        let rows = try rows(CohortFixture.brokenCSV)
        #expect(rows.map(\.row) == Array(1...9))
        // Physical lines: row 3 spans lines 4-5, so row 4 starts on line 6.
        #expect(rows.map(\.line) == [2, 3, 4, 6, 7, 8, 9, 10, 11])
        func errors(_ i: Int) -> [Diagnostic] {
            if case .failure(let e) = rows[i].profile { return e.diagnostics }
            return []
        }
        #expect(errors(0).isEmpty)
        #expect(errors(1).map(\.field) == ["primary-need"])
        #expect(errors(1).first?.line == 3)
        #expect(errors(2).isEmpty, "a quoted line break inside a list cell is fine")
        #expect(errors(3).map(\.field) == ["primary-need"])
        #expect(errors(3).first?.line == 6)
        #expect(errors(4).map(\.field) == ["home-postcode"])
        #expect(errors(5).isEmpty, "an unknown but well-formed postcode is found when matching, not when reading")
        #expect(errors(6).isEmpty, "duplicates are found by the batch, in input order")
        #expect(errors(7).isEmpty)
        #expect(errors(8).count == 1, "the truncated last line (a quote never closed) is one error row")
        #expect(errors(8).first?.line == 11)
        #expect(rows[8].reference == nil)
        #expect(rows.allSatisfy { $0.file == "cohort.csv" })
    }

    @Test func aCellOnALaterPhysicalLineIsReportedThere() throws {
        let csv = "reference,secondary-needs,primary-need,placement-year,home-postcode\nA-1,\"SLCN\nmild\",QQQ,7,TF3 1AB\n"
        let rows = try rows(csv)
        guard case .failure(let e) = rows[0].profile else { Issue.record("expected an error"); return }
        // The problem is on the cell's own line; the row as a whole names both of its lines.
        #expect(e.diagnostics.map(\.line) == [2, 3])
        #expect(e.diagnostics.map(\.field) == [nil, "primary-need"])
        #expect(e.diagnostics[0].code == "cohort.row-spans-lines" && e.diagnostics[0].message.contains("lines 2–3"))
    }

    @Test func shortAndLongRowsAndBlankRowsAreErrorRows() throws {
        let csv = "reference,primary-need,placement-year,home-postcode\nA-1,ASD\nA-2,ASD,7,TF3 1AB,extra\n,,,\nA-4,ASD,7,TF3 1AB\n"
        let rows = try rows(csv)
        #expect(rows.count == 4)
        for i in 0..<3 {
            guard case .failure(let e) = rows[i].profile else { Issue.record("row \(i + 1) should fail"); continue }
            #expect(e.diagnostics.first?.line == i + 2)
        }
        guard case .success = rows[3].profile else { Issue.record("row 4 is good"); return }
    }

    @Test func aQuoteInsideAnUnquotedFieldSpoilsOnlyItsRow() throws {
        let csv = "reference,primary-need,placement-year,home-postcode\nA-1,AS\"D,7,TF3 1AB\nA-2,ASD,7,TF3 1AB\n"
        let rows = try rows(csv)
        #expect(rows.count == 2)
        guard case .failure = rows[0].profile, case .success = rows[1].profile else { Issue.record("row 1 bad, row 2 good"); return }
        #expect(rows[1].line == 3)
    }

    @Test func badHeadersStopBeforeTheFirstRow() {
        for (csv, field) in [("reference,primary-need,colour\n", "colour"), ("reference,placement-year\n", "primary-need"),
                             ("reference,primary-need,reference\n", "reference")] {
            do {
                _ = try CohortReader(csv: Array(csv.utf8), file: "c.csv", academicYear: 2026)
                Issue.record("expected a header error for \(csv)")
            } catch {
                #expect(error.diagnostics.contains { $0.field == field && $0.line == 1 })
            }
        }
        #expect(throws: ATLError.self) { try CohortReader(csv: [], file: "c.csv", academicYear: 2026) }
    }

    @Test func adversarialBytesNeverCrashTheReader() throws {
        var r = SeededRandom(seed: 99)
        let alphabet = Array("ab,\"\n\r TF3 1AB-7ASD".utf8) + [0xFF, 0xC3]
        for _ in 0..<200 {
            let body = (0..<r.int(in: 0...120)).map { _ in alphabet[r.below(alphabet.count)] }
            let bytes = Array("reference,primary-need,placement-year,home-postcode\n".utf8) + body
            var reader = try CohortReader(csv: bytes, file: "fuzz.csv", academicYear: 2026)
            var n = 0
            while let row = reader.next() {
                n += 1
                #expect(row.row == n)
                if n > 1000 { Issue.record("runaway reader"); break }
            }
        }
    }

    /// Tester #2: a row whose reference is a name, or whose postcode is an address, is an error row whose
    /// messages repeat neither.
    @Test func cohortRowErrorsDoNotRepeatNamesOrPostcodes() throws {
        let csv = "reference,primary-need,placement-year,home-postcode\nJane Doe,ASD,7,TF3 1AB\nA-2,ASD,7,1 High Street\n"
        var r = try CohortReader(csv: Array(csv.utf8), file: "cohort.csv", academicYear: 2026)
        var text = ""
        while let row = r.next() {
            #expect(row.reference != "Jane Doe")
            if case .failure(let e) = row.profile { text += e.description }
        }
        #expect(text.contains("reference") && text.contains("home-postcode"))
        #expect(!text.contains("Jane") && !text.contains("High Street"))
    }

    /// Tester #3: names, bare dots and slashes are not case references (the same rule as profiles:
    /// ProfileValidationTests).
    @Test(arguments: ["Smith", "JohnSmith", "Oliver.Brown", "john_smith", "Mary-Jane", ".", "..", "/", "../1", "1/", "-1",
                      "A--1", "A//1", "EX-0001.", String(repeating: "A1", count: 21)])
    func namesAreNotCohortReferences(_ r: String) {
        #expect(!CohortReader.isValidReference(r))
    }
}
