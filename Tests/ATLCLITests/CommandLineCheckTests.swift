import ATLTestSupport
import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import ATLRender
import Foundation
import Testing
@testable import ATLCLI
import ATLServices

/// Command lines the CLI refuses, and how it says so: impossible run dates, empty year lists, a bad
/// `ATL_THREADS`, help for an unknown command, a missing `--output`; the `--date` help; every exit 2 ends with
/// the count of errors. (Comment numbers: the first tester's CLI report, main 9b685dc.)
@Suite struct CommandLineCheckTests {
    static let catalogue = Repository.path("provision-catalogue/example-la")

    // #9: impossible calendar dates and years outside 1900...2100 are usage errors.
    @Test func impossibleRunDatesAreRejected() {
        for d in ["2026-02-31", "2026-04-31", "1800-01-01", "9999-01-01", "2026-13-01", "2026-2-3"] {
            let r = atl(["list", "--profile", "/nonexistent.profile", "--date", d])
            #expect(r.code == 1, "\(d): \(r.err)")
            #expect(r.err.contains("--date expects"), "\(d)")
        }
        #expect(RunDate("2028-02-29") != nil)
        #expect(RunDate("2027-02-29") == nil)
    }

    // #17: an empty --year list is a usage error, not year 7.
    @Test func emptyYearListsAreRejected() throws {
        let t = try TemporaryFolder()
        for y in [",,,", "", "7,", ",R"] {
            let r = atl(["synth-cohort", "--la", "999", "--year", y, "--output", t.path("y.csv")])
            #expect(r.code == 1, "\"\(y)\": \(r.err)")
            #expect(r.err.contains("--year expects"), "\(r.err)")
        }
    }

    // #18: a bad ATL_THREADS is a usage error.
    @Test func badThreadEnvironmentIsAUsageError() {
        for v in ["abc", "0", "-1", "99999", ""] {
            let r = atl(["validate", "--catalogue", "/nonexistent"], environment: ["ATL_THREADS": v])
            #expect(r.code == 1, "ATL_THREADS=\(v)")
            #expect(r.err.contains("ATL_THREADS must be a whole number from 1 to 1024"))
        }
        #expect(ATL.threadsEnvironmentProblem(["ATL_THREADS": "2"]) == nil)
        #expect(ATL.threadsEnvironmentProblem([:]) == nil)
    }

    // #24: a bare Diagnostic (postcode not in the lookup) still ends with the "N errors in the input" line.
    @Test func everyExit2EndsWithTheErrorCount() throws {
        let t = try TemporaryFolder()
        let child = ListCommandTests.child.replacingOccurrences(of: "TF3 1LA", with: "TF3 9ZZ")
        let profile = try t.write("child.profile", child)
        let pc = try t.write("pc.txt", "# test lookup\n@TF3 E06000020\n1LA 370564 305849\n")
        let r = atl(["list", "--profile", profile, "--catalogue", Self.catalogue, "--postcodes", pc, "--date", "2026-11-23"])
        #expect(r.code == 2, "\(r.err)")
        #expect(r.err.hasSuffix("atl list: 1 error in the input\n"), "\(r.err)")
    }

    // #26: help for an unknown command says so.
    @Test func helpForAnUnknownCommand() {
        let r = atl(["help", "nonsense"])
        #expect(r.code == 1)
        #expect(r.err.hasPrefix("atl: unknown command 'nonsense'"))
        #expect(atl(["help", "list"]).code == 0)
    }

    // #27: the --date help says the date sets the academic year.
    @Test func dateHelpMentionsTheAcademicYear() {
        for name in ["list", "why", "batch"] {
            #expect(atl([name, "--help"]).out.contains("academic year"), "\(name)")
        }
    }

    // #35: import-postcodes needs --output (it used to overwrite the shipped lookup by default).
    @Test func importPostcodesNeedsOutput() throws {
        let t = try TemporaryFolder()
        let csv = try t.write("pc.csv", "postcode,easting,northing,admin_district_code\nTF3 1LA,370564,305849,E06000020\n")
        let r = atl(["import-postcodes", csv])
        #expect(r.code == 1)
        #expect(r.err.contains("missing --output"))
    }
}
