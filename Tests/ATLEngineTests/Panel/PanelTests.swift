import ATLTestSupport
import ATLModel
import ATLData
import ATLEngine
import Testing

/// The evaluation panel (docs/matching-policy.md): 40 caseworker-style cases on the shipped example LA, each list
/// checked against the properties an officer would require before showing it to a family. A failure names the
/// case, the property, what the list did and why the property matters.
@Suite struct PanelTests {
    @Test(arguments: PanelCase.all)
    func panelCase(_ c: PanelCase) throws {
        let l = try PanelFixture.list(c)
        var applicable = 0
        for p in c.properties {
            switch p.evaluate(l) {
            case .pass:
                applicable += 1
            case .fail(let what):
                applicable += 1
                Issue.record("\(c.id) (\(c.summary)): \(p.name) fails: \(what). Why it matters: \(p.why)")
            case .notApplicable:
                break
            }
        }
        #expect(applicable > 0, "\(c.id): every property was not applicable, so the case tests nothing")
    }

    @Test func everyCaseHasItsProfileAndAUniqueID() {
        #expect(Set(PanelCase.all.map(\.id)).count == PanelCase.all.count)
        #expect(Set(PanelCase.all.map(\.profile)).count == PanelCase.all.count)
        #expect(PanelCase.all.count >= 35)
    }
}
