@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
@testable import ATLPlanning
@testable import ATLSynthetic
import Foundation
import Testing

/// A small postcode lookup (real TF/SY postcodes copied from the shipped file) so tests stay fast.
enum CohortFixture {
    static let postcodesText = """
        # test lookup: a few real postcodes from provision-catalogue/geography/postcodes-west-midlands.txt
        @SY1 E06000051
        1AN 349490 313096
        1DA 349398 312722
        @SY11 E06000051
        1AA 328999 329610
        @TF1 E06000020
        1AE 364959 311845
        1AP 365110 311764
        @TF2 E06000020
        0AB 369402 310504
        @TF3 E06000020
        1AB 370242 307020
        1AY 369432 306221
        @TF7 E06000020
        4AH 370394 303836

        """
    static var postcodes: PostcodeLookup { try! PostcodeLookup.parse(Array(postcodesText.utf8), file: "test-postcodes.txt") }

    /// A cohort CSV with one good row and each kind of broken row, in the order the batch test expects.
    /// Row 3 has a quoted line break, so later rows start a line further down than their row number suggests.
    static let brokenCSV = """
        reference,synthetic,primary-need,secondary-needs,placement-year,home-postcode,max-journey,desirable
        T-001,yes,ASD moderate,"SLCN mild, SEMH mild",7,TF3 1AB,12 miles,sensory-room
        T-002,yes,,,7,TF3 1AB,12 miles,
        T-003,yes,SEMH severe,"SLCN
        mild",7,TF1 1AE,10 miles,
        T-004,yes,XYZ severe,,7,TF1 1AE,10 miles,
        T-005,yes,MLD,,7,NOT A POSTCODE,10 miles,
        T-006,yes,MLD,,7,TF9 9ZZ,10 miles,
        T-001,yes,SLD severe,,7,TF2 0AB,15 miles,
        T-008,yes,HI moderate,,7,TF7 4AH,15 miles,
        T-009,yes,PD,,7,TF7 4AH,15 miles,"lift
        """
}

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
        #expect(e.diagnostics.map(\.line) == [3])
        #expect(e.diagnostics.map(\.field) == ["primary-need"])
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

    @Test func syntheticCohortIsDeterministicPrefixStableAndParses() throws {
        let a = try SyntheticCohort(laCode: 999, seed: 5, postcodes: CohortFixture.postcodes, districts: DistrictTable())
        let b = try SyntheticCohort(laCode: 999, seed: 5, postcodes: CohortFixture.postcodes, districts: DistrictTable())
        let c = try SyntheticCohort(laCode: 999, seed: 6, postcodes: CohortFixture.postcodes, districts: DistrictTable())
        #expect((0..<50).map(a.row) == (0..<50).map(b.row))
        #expect((0..<50).map(a.row) != (0..<50).map(c.row))
        #expect(a.reference(0) == "SYN-999-000001")
        // Rendered as CSV and read back, every row is a valid synthetic profile.
        func csvCell(_ s: String) -> String { s.contains(",") ? "\"\(s)\"" : s }
        var text = SyntheticCohort.columns.map(\.rawValue).joined(separator: ",") + "\n"
        for i in 0..<300 { text += a.row(i).map(csvCell).joined(separator: ",") + "\n" }
        let rows = try rows(text)
        #expect(rows.count == 300)
        for row in rows {
            guard case .success(let (p, _)) = row.profile else { Issue.record("row \(row.row) does not parse"); continue }
            #expect(p.synthetic)
            #expect(p.placementYear == 7)
            #expect(p.reference.hasPrefix("SYN-999-"))
        }
    }

    @Test func syntheticNeedMixFollowsSEN2() throws {
        let g = try SyntheticCohort(laCode: 999, seed: 11, placementYears: [0, 7, 12], postcodes: CohortFixture.postcodes,
                                    districts: DistrictTable())
        let n = 4000
        var counts: [String: Int] = [:]
        var years = Set<String>()
        for i in 0..<n {
            let r = g.row(i)
            counts[String(r[2].split(separator: " ")[0]), default: 0] += 1
            years.insert(r[7])
            if r[2].hasPrefix("PMLD") { #expect(!r[4].contains("braille")) }
        }
        for (need, share) in SyntheticCohort.needMix {
            let got = 100 * Double(counts[need.rawValue, default: 0]) / Double(n)
            #expect(abs(got - share) < 2.5, "\(need.rawValue): \(got)% vs \(share)%")
        }
        #expect(years == ["R", "7", "12"])
        #expect(abs(SyntheticCohort.needMix.map(\.1).reduce(0, +) - 99.3) < 0.01)
    }

    @Test func anLAWithoutPostcodesIsAnError() {
        #expect(throws: ATLError.self) {
            try SyntheticCohort(laCode: 335, seed: 1, postcodes: CohortFixture.postcodes, districts: DistrictTable())
        }
    }

    @Test func summaryCountsAndReconciles() {
        var s = CohortSummary(k: 3)
        s.add(.init(listed: true, synthetic: true, primaryNeed: "ASD", homeDistrict: "TF3", eligible: 5, withinJourney: 9, listedURNs: [1, 2]))
        s.add(.init(listed: true, synthetic: true, primaryNeed: "ASD", homeDistrict: "TF10", eligible: 0, withinJourney: 0, listedURNs: []))
        s.add(.init(listed: true, synthetic: true, primaryNeed: "SEMH", homeDistrict: "TF2", eligible: 2, withinJourney: 4, listedURNs: [2]))
        s.add(.error)
        #expect(s.rows == 4 && s.listed == 3 && s.errors == 1 && s.reconciles)
        #expect(s.all.fewerThanK == 2 && s.all.noneSuitable == 1 && s.all.noneWithinJourney == 1)
        #expect(s.needRows.map(\.need) == ["ASD", "SEMH"])
        #expect(s.districtRows.map(\.district) == ["TF2", "TF3", "TF10"])
        #expect(s.appearances == [1: 1, 2: 2])
    }
}
