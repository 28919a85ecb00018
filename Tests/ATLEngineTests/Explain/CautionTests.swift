import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
import Testing

/// Policy R7, R12, R13, R16 (docs/matching-policy.md): what an officer must weigh about a listed setting is a
/// caution with a question to ask, never a reason it may suit; "to ask" covers every caution.
@Suite struct CautionTests {
    typealias F = MatchFixture

    func entry(_ s: Setting, _ p: NeedsProfile = F.profile(.ASD, severity: .severe), others: [Setting] = []) -> ListEntry? {
        F.list(F.engine([s] + others), p).entries.first { $0.setting.urn == s.urn }
    }

    @Test func inadequateIsACautionWithAQuestionNeverAReason() throws {
        var s = F.setting(9000001, type: .special, needs: [.ASD], places: 10, onRoll: 10, ofsted: .inadequate)
        s.costBand = .C
        let e = try #require(entry(s))
        #expect(!e.reasons.contains { $0.contains("Ofsted") }, "a judgement is never a reason it may suit: \(e.reasons)")
        let keys = e.cautions.map(\.key)
        #expect(keys.contains(.inadequate) && keys.contains(.full))
        for c in e.cautions {
            #expect(!c.text.isEmpty && !c.question.isEmpty, "\(c.key) has words and a question")
            #expect(e.toAsk.contains(c.question), "to ask covers the \(c.key) caution")
        }
    }

    @Test func requiresImprovementIsACaution() throws {
        let s = F.setting(9000001, type: .special, needs: [.ASD], places: 10, onRoll: 5, ofsted: .requiresImprovement)
        #expect(try #require(entry(s)).cautions.map(\.key).contains(.requiresImprovement))
        let good = F.setting(9000002, type: .special, needs: [.ASD], places: 10, onRoll: 5, ofsted: .good)
        #expect(try #require(entry(good)).cautions.isEmpty, "a Good judgement is neither a reason nor a caution")
    }

    @Test func independentSpecialShowsItsCostBandAndS41Status() throws {
        var s = F.setting(9000001, type: .independentSpecial, needs: [.ASD], places: 10, onRoll: 5)
        s.costBand = .D
        let e = try #require(entry(s))
        #expect(e.labels.contains(.independentSector))
        let cost = try #require(e.cautions.first { $0.key == .costBand })
        #expect(cost.text.contains("Cost band D"))
        #expect(e.cautions.contains { $0.key == .s41NotKnown }, "an independent special school's s41 status is asked about")
    }

    @Test func s41StatusIsShownWhenKnown() throws {
        var approved = F.setting(9000001, type: .independentSpecial, needs: [.ASD], places: 10, onRoll: 5)
        approved.s41Approved = true
        #expect(try #require(entry(approved)).cautions.map(\.key).contains(.s41Approved))
        var not = approved
        not.s41Approved = false
        #expect(try #require(entry(not)).cautions.map(\.key).contains(.notS41Approved))
        let nmss = F.setting(9000002, type: .nonMaintainedSpecial, needs: [.ASD], places: 10, onRoll: 5)
        #expect(!(try #require(entry(nmss)).cautions.contains { $0.key.rawValue.contains("s41") }), "not an s41 kind of setting")
    }

    // Policy R7: single-word judgements are being replaced; an old one is information to check, not to rely on.
    @Test func anOldJudgementIsDated() throws {
        var old = F.setting(9000001, type: .special, needs: [.ASD], places: 10, onRoll: 5, ofsted: .good)
        old.ofstedDate = "2019-03-14"
        let e = try #require(entry(old))
        let dated = try #require(e.cautions.first { $0.key == .ofstedDated })
        #expect(dated.text.contains("14 March 2019") && dated.question.contains("report card"))
        var recent = old
        recent.ofstedDate = "2024-06-20"
        #expect(!(try #require(entry(recent))).cautions.contains { $0.key == .ofstedDated })
        var inadequate = old
        inadequate.ofsted = .inadequate
        #expect(try #require(entry(inadequate)).cautions.first { $0.key == .inadequate }?.text == "Ofsted judged it Inadequate (inspection of 14 March 2019).")
    }

    @Test func feePayingIndependentSchoolIsLabelledAndCautioned() throws {
        let s = F.setting(9000001, type: .independent)
        let e = try #require(entry(s, F.profile(.SPLD, severity: .mild, allowed: [.independent])))
        #expect(e.labels.contains(.feePaying) && e.labels.contains(.independentSector))
        #expect(e.cautions.contains { $0.key == .feePaying && $0.question.contains("fees") })
    }

    @Test func alternativeProvisionIsLabelledAsForATime() throws {
        let s = F.setting(9000001, type: .alternativeProvision, needs: [.SEMH], places: 20, onRoll: 10)
        let e = try #require(entry(s, F.profile(.SEMH, severity: .severe, allowed: [.alternativeProvision])))
        let ap = try #require(e.cautions.first { $0.key == .alternativeProvision })
        #expect(ap.text.contains("not a permanent"))
    }
}
