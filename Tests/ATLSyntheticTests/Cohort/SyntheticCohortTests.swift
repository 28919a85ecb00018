import ATLTestSupport
import ATLModel
import ATLData
import ATLPlanning
@testable import ATLSynthetic
import Foundation
import Testing

/// Synthetic cohorts (`atl synth-cohort`): deterministic, marked synthetic, valid cohort rows, with the SEN2
/// need mix, at real postcodes of the LA.
@Suite struct SyntheticCohortTests {
    func rows(_ csv: String) throws -> [CohortRow] {
        var r = try CohortReader(csv: Array(csv.utf8), file: "cohort.csv", academicYear: 2026)
        var out: [CohortRow] = []
        while let row = r.next() { out.append(row) }
        return out
    }

    @Test func syntheticCohortIsDeterministicPrefixStableAndParses() throws {
        let a = try SyntheticCohort(laCode: 999, seed: 5, postcodes: TestPostcodes.lookup, districts: DistrictTable())
        let b = try SyntheticCohort(laCode: 999, seed: 5, postcodes: TestPostcodes.lookup, districts: DistrictTable())
        let c = try SyntheticCohort(laCode: 999, seed: 6, postcodes: TestPostcodes.lookup, districts: DistrictTable())
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
        let g = try SyntheticCohort(laCode: 999, seed: 11, placementYears: [0, 7, 12], postcodes: TestPostcodes.lookup,
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
            try SyntheticCohort(laCode: 335, seed: 1, postcodes: TestPostcodes.lookup, districts: DistrictTable())
        }
    }
}
