import ATLTestSupport
@testable import ATLModel
@testable import ATLPlanning
import Testing

@Suite struct GapAnalysisTests {
    let analysis = GapAnalysis(settings: AuditFixture.all)

    func audit(_ urn: Int) throws -> SettingAudit { try #require(analysis.settings.first { $0.urn == urn }) }

    @Test func perSettingReportCounts() throws {
        #expect(try audit(100001).reportCoverage == Coverage(present: 30))
        #expect(try audit(100002).reportCoverage == Coverage(missing: 30))
        #expect(try audit(100003).reportCoverage == Coverage(present: 5, empty: 2, missing: 21, notApplicable: 2))
        #expect(try audit(100004).reportCoverage == Coverage(present: 1, empty: 1, missing: 28))
        #expect(try audit(100005).reportCoverage == Coverage(present: 2, missing: 28, notApplicable: 0))
    }

    @Test func perSettingFactCounts() throws {
        #expect(try audit(100001).factCoverage == Coverage(present: 10, notApplicable: 2))
        #expect(try audit(100002).factCoverage == Coverage(present: 3, missing: 9))
        #expect(try audit(100003).factCoverage == Coverage(present: 9, missing: 3))
        #expect(try audit(100004).factCoverage == Coverage(present: 3, missing: 9))
        #expect(try audit(100005).factCoverage == Coverage(present: 3, missing: 7, notApplicable: 2))
    }

    @Test func statusesOfIndividualItems() throws {
        let special = try audit(100003)
        #expect(special.status(.kindsOfSEN) == .present)
        #expect(special.status(.evaluatingEffectiveness) == .empty)
        #expect(special.status(.assessingProgress) == .empty, "whitespace-only text is empty")
        #expect(special.status(.consultingParents) == .missing)
        #expect(special.status(.senco) == .notApplicable, "item 4 (SENCO) applies to mainstream only")
        #expect(special.status(.identifyingNeeds) == .notApplicable)
        #expect(special.status(.needs) == .present)
        #expect(special.status(.specialistPlaces) == .missing)
        #expect(special.status(.ofsted) == .missing)

        let nursery = try audit(100005)
        #expect(nursery.status(.identifyingNeeds) == .present, "item 2 applies to maintained nursery schools")
        #expect(nursery.status(.senco) == .missing, "item 4 applies to maintained nursery schools too")
        #expect(nursery.status(.needs) == .notApplicable)

        let unknown = try audit(100002)
        #expect(unknown.status(.senco) == .missing, "unknown type: every item applies")
        #expect(unknown.status(.type) == .missing, "type 'unknown' is not a known type")
        #expect(unknown.status(.needs) == .missing)
        #expect(unknown.status(.location) == .present)
        #expect(unknown.value(.location) == "easting 368000, northing 304000 (nearest postcode TF7 5HX)")
    }

    @Test func settingCoveragePercentages() throws {
        #expect(try audit(100001).reportCoverage.percent == "100.0")
        #expect(try audit(100002).reportCoverage.percent == "0.0")
        #expect(try audit(100003).reportCoverage.percent == "17.9")  // 5 / 28
        #expect(try audit(100003).factCoverage.percent == "75.0")  // 9 / 12
        #expect(try audit(100003).combinedCoverage.percent == "35.0")  // 14 / 40
        #expect(try audit(100005).reportCoverage.percent == "6.7")  // 2 / 29
        #expect(Coverage(notApplicable: 3).percent == nil, "nothing applicable: no percentage")
    }

    @Test func overallTotals() {
        let o = analysis.overall
        #expect(o.settings == 5)
        #expect(o.report == Coverage(present: 38, empty: 3, missing: 107, notApplicable: 2))
        #expect(o.facts == Coverage(present: 28, missing: 28, notApplicable: 4))
        #expect(o.combined == Coverage(present: 66, empty: 3, missing: 135, notApplicable: 6))
        #expect(o.report.percent == "25.7")  // 38 / 147
        #expect(o.facts.percent == "50.0")  // 28 / 56
        #expect(o.combined.percent == "32.4")  // 66 / 203
        #expect(o.completeReports == 1)
        #expect(o.noReport == 1)
        #expect(o.completeFacts == 1)
    }

    @Test func byLocalAuthority() {
        #expect(analysis.byLA.map { $0.localAuthority?.code } == [893, 894, nil])
        let shropshire = analysis.byLA[0].totals, telford = analysis.byLA[1].totals, none = analysis.byLA[2].totals
        #expect(shropshire.settings == 2)
        #expect(shropshire.report == Coverage(present: 32, missing: 28, notApplicable: 0))
        #expect(shropshire.report.percent == "53.3")
        #expect(telford.settings == 2)
        #expect(telford.report == Coverage(present: 5, empty: 2, missing: 51, notApplicable: 2))
        #expect(telford.report.percent == "8.6")
        #expect(telford.facts == Coverage(present: 12, missing: 12))
        #expect(none.settings == 1)
        #expect(none.report == Coverage(present: 1, empty: 1, missing: 28))
    }

    @Test func bySettingType() {
        #expect(analysis.byType.map(\.type) == [.mainstream, .mainstreamResourced, .special, .earlyYears, .unknown])
        #expect(analysis.byType.allSatisfy { $0.totals.settings == 1 })
        #expect(analysis.byType[2].totals.report == Coverage(present: 5, empty: 2, missing: 21, notApplicable: 2))
        #expect(analysis.byType[4].totals.noReport == 1)
    }

    @Test func byItem() throws {
        func counts(_ item: AuditItem) throws -> Coverage { try #require(analysis.byItem.first { $0.item == item }).counts }
        #expect(analysis.byItem.map(\.item) == AuditItem.all)
        #expect(analysis.bySection.count == 30 && analysis.byFact.count == 12)
        #expect(try counts(.section(.kindsOfSEN)) == Coverage(present: 3, empty: 1, missing: 1))
        #expect(try counts(.section(.consultingParents)) == Coverage(present: 1, missing: 4))
        #expect(try counts(.section(.senco)) == Coverage(present: 2, missing: 2, notApplicable: 1))
        #expect(try counts(.section(.identifyingNeeds)) == Coverage(present: 2, missing: 2, notApplicable: 1))
        #expect(try counts(.fact(.needs)) == Coverage(present: 2, missing: 1, notApplicable: 2))
        #expect(try counts(.fact(.type)) == Coverage(present: 4, missing: 1))
        // Per-item counts add up to the overall totals.
        let sum = analysis.byItem.reduce(Coverage()) { $0 + $1.counts }
        #expect(sum == analysis.overall.combined)
    }

    @Test func questionsForEveryGap() throws {
        #expect(try audit(100001).questions.isEmpty)
        let q = try audit(100003).questions
        #expect(q.count == 26)  // 2 empty + 21 missing sections + 3 missing facts
        #expect(q.first?.item == .section(.evaluatingEffectiveness))
        #expect(q.first?.status == .empty)
        #expect(q.contains { $0.item == .section(.consultingParents)
            && $0.text == "How do you consult parents of children with SEN and involve them in their child's education?" })
        #expect(!q.contains { $0.item == .section(.senco) }, "no question for a section that does not apply")
        #expect(q.last?.item == .fact(.ofsted))
    }

    @Test func everyItemHasItsOwnQuestion() {
        let questions = AuditItem.all.map(\.question)
        #expect(Set(questions).count == questions.count)
        #expect(questions.allSatisfy { $0.hasSuffix("?") })
        #expect(Set(AuditItem.all.map(\.key)).count == AuditItem.all.count, "keys are unique across parts")
        #expect(HeaderFact.allCases.map(\.item).last == "H12")
        #expect(ReportSection.accessibilityPlan.reference == "Children and Families Act 2014 s.69(3)(b)(iv)")
        #expect(ReportSection.consultingParents.reference == "SEND Regulations 2014, Schedule 1, item 7")
    }

    @Test func orderingIsDeterministic() {
        var rng = SeededRandom(seed: 42)
        for _ in 0..<10 {
            let shuffled = AuditFixture.all.shuffled(using: &rng)
            #expect(GapAnalysis(settings: shuffled) == analysis)
        }
        #expect(analysis.settings.map(\.urn) == [100001, 100002, 100003, 100004, 100005])
    }

    @Test func fictionalLabel() {
        #expect(analysis.label == "real settings")
        var s = AuditFixture.mainstream
        s.urn = 9000001
        s.fictional = true
        let f = GapAnalysis(settings: [s])
        #expect(f.fictional)
        #expect(f.label == "FICTIONAL example LA — not real schools")
    }

    @Test func emptyCatalogue() {
        let a = GapAnalysis(settings: [])
        #expect(a.overall.settings == 0)
        #expect(a.overall.combined.percent == nil)
        #expect(a.byLA.isEmpty && a.byType.isEmpty)
        #expect(a.byItem.count == AuditItem.all.count)
    }
}
