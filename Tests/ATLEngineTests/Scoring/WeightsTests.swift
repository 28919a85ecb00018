import ATLTestSupport
import ATLModel
@testable import ATLEngine
import Foundation
import Testing

/// The scoring weights file (`atl-weights/1`): defaults, partial files and bad values.
@Suite struct WeightsTests {
    @Test func defaultsRoundTripAndHash() throws {
        let text = Weights.defaults.render()
        let back = try Weights.parse(text: text, file: "w")
        #expect(back == Weights.defaults)
        #expect(back.hash == Weights.defaults.hash)
        let defaultPoints = Weights.defaults.needPrimary + Weights.defaults.needSecondary + Weights.defaults.evidence
            + Weights.defaults.facilities + Weights.defaults.travel + Weights.defaults.capacity
            + Weights.defaults.preferenceNamed + Weights.defaults.preferenceFaith + Weights.defaults.preferenceSingleSex
            + Weights.defaults.preferenceMainstreamFirst
        #expect(defaultPoints == 97, "Ofsted only costs points (policy R7)")
        #expect(Weights.defaults.ofstedRequiresImprovementPoints < 0 && Weights.defaults.ofstedInadequatePoints < Weights.defaults.ofstedRequiresImprovementPoints)
    }

    /// The shipped weights file is the defaults, written out: a weight changed in one must change in the other.
    @Test func shippedWeightsFileIsTheDefaults() throws {
        let shipped = try Weights.load(path: Repository.path("provision-catalogue/weights.conf"))
        #expect(shipped == Weights.defaults)
        let text = try String(contentsOfFile: Repository.path("provision-catalogue/weights.conf"), encoding: .utf8)
        #expect(text == Weights.defaults.render(), "regenerate it with `atl weights --output provision-catalogue/weights.conf`")
    }

    /// A key of an earlier weights file is an error that says what replaced it.
    @Test func retiredKeysSayWhatReplacedThem() {
        guard case .failure(let e) = attempt({ try Weights.parse(text: "format: atl-weights/1\nlist.pool: 30\n", file: "w") }) else {
            Issue.record("list.pool should be refused")
            return
        }
        #expect(e.diagnostics.contains { $0.field == "list.pool" && $0.message.hasPrefix("no longer a weight") })
    }

    @Test func partialFileKeepsDefaultsAndChangesHash() throws {
        let w = try Weights.parse(text: "format: atl-weights/1\npoints.travel: 30\n", file: "w")
        #expect(w.travel == 30 && w.needPrimary == 28)
        #expect(w.hash != Weights.defaults.hash)
    }

    @Test func badWeightsAreErrors() {
        func errs(_ t: String) -> [Diagnostic] {
            if case .failure(let e) = attempt({ try Weights.parse(text: t, file: "w") }) { return e.diagnostics }
            return []
        }
        #expect(errs("points.travel: 30\n").contains { $0.field == "format" })
        #expect(errs("format: atl-weights/1\npoints.travel: -1\n").contains { $0.field == "points.travel" && $0.line == 2 })
        #expect(errs("format: atl-weights/1\npoints.teleport: 1\n").contains { $0.field == "points.teleport" })
        #expect(errs("format: atl-weights/1\nlist.size: 2.5\n").contains { $0.field == "list.size" })
        #expect(errs("format: atl-weights/1\ntravel.max-credit: 0.95\n").contains { $0.field == "travel.max-credit" })
        #expect(errs("format: atl-weights/1\npoints.travel: 1\npoints.travel: 2\n").contains { $0.message.contains("twice") })
    }
}
