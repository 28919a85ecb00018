import Foundation
import ATLTestSupport
import ATLModel
import ATLData
import ATLEngine
@testable import ATLServices

/// What the service tests share: the shipped fictional example LA (read once), an engine over it with the
/// small test postcode lookup, a fixed run date, and a tiny cohort whose rows include every kind of failure.
enum ServiceFixture {
    static let exampleLA = Repository.path("provision-catalogue/example-la")
    static let date = RunDate("2026-11-23")!

    /// The example LA, loaded through the service the shells use.
    static let catalogue: Catalogue = try! CatalogueService.load(exampleLA, notify: { _ in })

    static let engine = MatchingEngine(catalogue: catalogue, postcodes: TestPostcodes.lookup,
                                       engineVersion: EngineVersion.current)

    static let cohortHeader = "reference,synthetic,primary-need,secondary-needs,must-have,desirable,nc-year,placement-year,sex,home-postcode,max-journey,mainstream-first"

    /// Four children who can be listed (homes in the test lookup).
    static let goodRows = [
        "SYN-T-1,yes,ASD moderate,SLCN moderate,,quiet-space,6,7,male,TF3 1AB,10 miles,",
        "SYN-T-2,yes,SEMH moderate,,,,8,9,female,TF1 1AE,10 miles,",
        "SYN-T-4,yes,MLD moderate,,,,2,3,female,SY1 1AN,15 miles,",
        "SYN-T-6,yes,PD severe,,step-free,,6,7,female,TF2 0AB,10 miles,",
    ]

    /// Seven rows: the four good ones with, at rows 3, 5 and 7, an unknown need, a reference used before, and a
    /// postcode not in the lookup. Every row must still give one record.
    static let mixedRows = [
        goodRows[0],
        goodRows[1],
        "SYN-T-3,yes,XYZ moderate,,,,6,7,male,TF2 0AB,10 miles,",
        goodRows[2],
        "SYN-T-1,yes,ASD moderate,,,,6,7,male,TF7 4AH,10 miles,",
        goodRows[3],
        "SYN-T-7,yes,SLCN mild,,,,2,3,male,TF3 9ZZ,10 miles,",
    ]

    static func cohort(_ rows: [String], in folder: TemporaryFolder, name: String = "cohort.csv") throws -> String {
        try folder.write(name, ([cohortHeader] + rows).joined(separator: "\n") + "\n")
    }

    /// A profile as text, with a home in the test lookup.
    static func profileText(reference: String = "EX-T-1", postcode: String = "TF3 1AB", extra: String = "") -> String {
        """
        format: atl-profile/1
        reference: \(reference)
        synthetic: yes
        primary-need: ASD severe
        secondary-needs: SLCN moderate
        desirable: sensory-room, quiet-space
        nc-year: 6
        placement-year: 7
        home-postcode: \(postcode)
        max-journey: 12 miles
        \(extra)
        """
    }
}

/// Messages a service sends to `notify`, collected across threads.
final class Notes: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func add(_ s: String) { lock.lock(); lines.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
    var notify: EngineLoader.Notify { { [self] in add($0) } }
}

/// The codes of the error a service threw (sorted, as an ``ATLError`` keeps them), or nil when it did not throw.
/// Any other error is a failure of the one-error-type convention and shows as its own marker.
func codes<T>(_ body: () throws -> T) -> [String]? {
    do {
        _ = try body()
        return nil
    } catch let e as ATLError {
        return e.diagnostics.map(\.code.rawValue)
    } catch {
        return ["<not an ATLError: \(error)>"]
    }
}
