import ATLTestSupport
import ATLModel
import ATLData
import ATLEngine
import Testing

/// The seven problems of issue 17, reproduced on the example LA in the research (its `reproductions.md`), each
/// run again with the same synthetic profiles (copied to `Panel/repro/`) on the shipped catalogue and weights:
/// none of them can come back.
@Suite struct IssueSeventeenRegressionTests {
    func list(_ file: String, folder: String = "Tests/ATLEngineTests/Panel/repro/") throws -> AdvisoryList {
        let path = Repository.path(folder + file)
        let p = try ProfileParser.load(path: path, academicYear: CalendarDate.academicYear(of: PanelFixture.date)!)
        return try PanelFixture.engine.advisoryList(for: p, file: path, profileHash: "", date: PanelFixture.date, threads: 1)
    }

    func entry(_ l: AdvisoryList, _ urn: Int) -> ListEntry? { l.entries.first { $0.setting.urn == urn } }
    func keys(_ e: ListEntry?) -> Set<String> { Set((e?.cautions ?? []).map(\.key.rawValue)) }

    // 1. The maximum journey was a cliff and swallowed the family's own choice.
    @Test func problem1_theMaximumJourneyIsNotACliff() throws {
        let sld = try list("r1a-sld-year8-tf9.profile")
        #expect(sld.entries.contains { $0.setting.urn == 9000105 }, "Avocetwood (SLD/PMLD, 16.5 mi, 2 vacancies) is listed")
        #expect(sld.entries.allSatisfy { $0.labels.contains(.longJourney) && keys($0).contains("long-journey") })
        #expect(try list("r1b-vi-braille-year7.profile").entries.map(\.setting.urn) == [9000011], "the braille list is not empty")
        #expect(try list("r1c-pd-wheelchair-year7.profile").entries.contains { $0.setting.urn == 9000263 }, "Tamarisk Fields' PD base is listed")
        let named = try list("r1d-sld-named-school.profile")
        let bluebell = try #require(entry(named, 9000006), "the school the family named is an entry, not a footnote")
        #expect(bluebell.labels.contains(.namedByFamily) && keys(bluebell).isSuperset(of: ["long-journey", "full"]))
        #expect(named.namedSettingsNotListed.isEmpty)
    }

    // 2. Independent special schools outranked maintained and mainstream settings whatever the severity.
    @Test func problem2_severityShapesSpecialistCreditAndIndependentsYield() throws {
        let mild = try list("r2a-asd-mild-year7.profile")
        #expect(mild.entries.first?.setting.urn == 9000004, "Brackenridge's resourced provision leads a mild autism list")
        let reedlingford = try #require(entry(mild, 9000276))
        #expect(reedlingford.band == .mayAlsoMeet && mild.entries.filter { $0.band == .meetsNeed }.allSatisfy { $0.rank < reedlingford.rank })
        #expect(keys(reedlingford).isSuperset(of: ["cost-band", "requires-improvement"]), "the officer sees its cost band")
        let dyslexia = try list("r2b-spld-mainstream-first.profile")
        #expect(dyslexia.entries.first?.setting.isMainstreamInLaw == true, "mainstream first means a mainstream school leads")
        let chicory = try #require(entry(dyslexia, 9000273))
        #expect(dyslexia.entries.filter { $0.setting.isMainstreamInLaw }.allSatisfy { $0.rank < chicory.rank })
    }

    // 3. Inadequate cost at most 3 points and was listed as a reason the setting may suit.
    @Test func problem3_inadequateIsACautionAndNeverLeads() throws {
        let ex = try list("asd-slcn-year7.profile", folder: "examples/")
        let wigeonwell = try #require(entry(ex, 9000277))
        #expect(!wigeonwell.reasons.contains { $0.contains("Ofsted") })
        #expect(keys(wigeonwell).isSuperset(of: ["inadequate", "full", "cost-band"]) && !wigeonwell.toAsk.isEmpty)
        #expect(wigeonwell.rank == ex.entries.count, "after every comparable setting not judged Inadequate")
        let slcn = try list("r3b-slcn-year7-wem.profile")
        let moorhenlea = try #require(entry(slcn, 9000176))
        #expect(slcn.entries.first?.setting.urn != 9000176, "an Inadequate setting does not lead where a comparable one is Good")
        #expect(slcn.entries.filter { $0.band == .meetsNeed && $0.setting.ofsted != .inadequate }.allSatisfy { $0.rank < moorhenlea.rank })
        #expect(moorhenlea.explanation.details.first { $0.key == "quality" }?.milli == -10_000)
    }

    // 4. A Reception placement listed nursery schools first.
    @Test func problem4_receptionIsInSchoolsWithAReceptionClass() throws {
        let l = try list("r4-slcn-reception.profile")
        #expect(!l.entries.isEmpty && !l.entries.contains { $0.setting.type == .earlyYears || $0.setting.phase == .nursery })
    }

    // 5. Alternative provision was scored as if it were a special school.
    @Test func problem5_alternativeProvisionOnlyWhenAsked() throws {
        let l = try list("r5-semh-year9-out-of-school.profile")
        #expect(!l.entries.contains { $0.setting.type == .alternativeProvision })
        #expect(l.excludedByRule.contains { $0.rule == .alternativeProvisionNotAsked }, "the summary says AP exists but was not asked for")
        #expect(l.entries.first?.setting.urn == 9000007, "the maintained SEMH special school leads")
    }

    // 6. Lists were padded to ten regardless of fit; fee-paying schools appeared unlabelled, one with the
    //    mainstream-first bonus.
    @Test func problem6_listsAreAsLongAsTheFitAndFeesAreLabelled() throws {
        let pmld = try list("r6-pmld-year4.profile")
        #expect(pmld.entries.count <= 5 && pmld.entries.allSatisfy { $0.setting.type == .special })
        #expect(pmld.notes.contains { $0.hasPrefix("Only ") && $0.contains("a profound and multiple learning difficulty need") }, "a short list says why")
        let dyslexia = try list("r2b-spld-mainstream-first.profile")
        #expect(!dyslexia.entries.contains { $0.setting.type == .independent }, "not asked for: not listed")
        var asks = try ProfileParser.load(path: Repository.path("Tests/ATLEngineTests/Panel/repro/r2b-spld-mainstream-first.profile"),
                                          academicYear: 2026)
        asks.prefersIndependent = true
        let withFees = try PanelFixture.engine.advisoryList(for: asks, file: "r2b", profileHash: "", date: PanelFixture.date, threads: 1)
        let tormentildale = try #require(entry(withFees, 9000279))
        #expect(tormentildale.labels.contains(.feePaying) && keys(tormentildale).contains("fee-paying"))
        #expect(tormentildale.explanation.details.first { $0.key == "preference" }?.details.first { $0.key == "preference.mainstream-first" }?.milli == 0,
                "a fee-paying school is not a mainstream school: no mainstream-first bonus")
    }

    // 7. Evidence points for a facility the setting says it does not have; "to ask" only for missing data;
    //    must-have: lift excluded step-free single-storey sites.
    @Test func problem7_evidenceQuestionsAndEquivalences() throws {
        let slcn = try list("r3b-slcn-year7-wem.profile")
        let cobblehurst = try #require(entry(slcn, 9000143))
        let saltEvidence = cobblehurst.explanation.details.first { $0.key == "evidence" }?.details.first { $0.key == "evidence.facility.salt-onsite" }
        #expect(saltEvidence?.milli == 0, "Cobblehurst says it has no therapists on site")
        let ex = try list("asd-slcn-year7.profile", folder: "examples/")
        for e in ex.entries { #expect(e.cautions.allSatisfy { e.toAsk.contains($0.question) }, "\(e.setting.urn): to ask covers every caution") }
        #expect(try list("r7c-pd-lift-year3.profile").entries.contains { $0.setting.urn == 9000001 }, "Quillfield (single-storey, step-free) meets 'lift'")
    }
}
