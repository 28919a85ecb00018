import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
import Testing

/// Issue 13's matching rules, one test each: siblings, fit preferences, partial designations, the statutory
/// walking distance, and dated facts with their check labels (`docs/scoring.md`).
@Suite struct ParentCriteriaTests {
    typealias F = MatchFixture

    func leaf(_ key: String, _ s: Setting, _ p: NeedsProfile, among others: [Setting] = []) -> Int32? {
        let (_, sink) = F.evaluate(s.urn, in: F.engine([s] + others), p)
        return sink.leaves.first { $0.0.key == key }?.1
    }

    func profile(siblings: [Int] = [], fit: [FitPreference] = [], _ primary: NeedCode = .ASD, severity: Severity = .moderate,
                 year: Int = 7) -> NeedsProfile {
        var p = F.profile(primary, severity: severity, year: year)
        p.siblingsAt = siblings
        p.fit = fit
        return p
    }

    // MARK: Siblings

    @Test func siblingPointsOnlyAtTheSettingsNamed() {
        let a = F.setting(9000001, type: .mainstream), b = F.setting(9000002, type: .mainstream, km: 3)
        let p = profile(siblings: [9000001])
        #expect(leaf("preference.sibling", a, p, among: [b]) == 3000)
        #expect(leaf("preference.sibling", b, p, among: [a]) == 0)
        #expect(leaf("preference.sibling", a, profile()) == nil, "not asked: not in the breakdown")
    }

    @Test func aSiblingNeverMakesAnUnsuitableSettingEligible() {
        let s = F.setting(9000001, type: .special, needs: [.SEMH])
        let (o, _) = F.evaluate(s.urn, in: F.engine([s]), profile(siblings: [9000001]))
        #expect(EligibilityRule.rules(in: o.excluded).contains(.needNotProvided))
    }

    @Test func siblingReasonAndEntryFlag() {
        let a = F.setting(9000001, type: .mainstream)
        let l = F.list(F.engine([a]), profile(siblings: [9000001]))
        #expect(l.entries[0].siblingAttends)
        #expect(l.entries[0].reasons.contains("A brother or sister attends this setting (the family told us)"))
        #expect(l.siblingsAt == [9000001])
    }

    // MARK: Partial designations

    @Test func partialDesignationEarnsHalfOfWhatACompleteOneWouldAdd() {
        var s = F.setting(9000001, type: .special, ages: (4, 19))
        s.partialNeeds = NeedSet([.ASD, .SLD])
        let p = profile(.ASD, severity: .severe)
        #expect(leaf("need.primary", s, p) == 0)
        #expect(leaf("need.primary.partial", s, p) == 14_000)  // 28 × 0.5 × (1.00 designated special − 0 unknown)
        let (o, _) = F.evaluate(s.urn, in: F.engine([s]), p)
        #expect(o.excluded == 0)
        #expect(o.band == 1, "a partial designation does not change the band")
        var complete = s
        complete.partialNeeds = nil
        complete.needs = NeedSet([.ASD])
        #expect(leaf("need.primary", complete, p) == 28_000)
    }

    @Test func partialDesignationOnAMainstreamSchoolAddsOnlyTheDifference() {
        var s = F.setting(9000001, type: .mainstream)
        s.partialNeeds = NeedSet([.ASD])
        let p = profile(.ASD, severity: .moderate)
        #expect(leaf("need.primary", s, p) == 21_000)            // 28 × 0.75
        #expect(leaf("need.primary.partial", s, p) == 3_500)     // 28 × 0.5 × (1.00 − 0.75)
    }

    @Test func aPartialDesignationNeverExcludes() {
        var s = F.setting(9000001, type: .special, ages: (4, 19))
        s.partialNeeds = NeedSet([.SLD])
        let (o, sink) = F.evaluate(s.urn, in: F.engine([s]), profile(.ASD))
        #expect(o.excluded == 0)
        #expect(!sink.leaves.contains { $0.0.key == "need.primary.partial" })
    }

    @Test func partialCreditForASecondaryNeed() {
        var s = F.setting(9000001, type: .special, ages: (4, 19))
        s.partialNeeds = NeedSet([.PD])
        var p = profile(.ASD, severity: .severe)
        p.secondaryNeeds = [.init(.PD, .severe)]
        #expect(leaf("need.secondary.PD.partial", s, p) == 4_000)  // 8 × 0.5 × 1.00
    }

    // MARK: Fit preferences

    @Test func smallSettingOnKnownSizeOnly() {
        let p = profile(fit: [.smallSetting])
        #expect(leaf("fit.small-setting", F.setting(9000001, type: .special, pupils: 100), p) == 6000)
        #expect(leaf("fit.small-setting", F.setting(9000001, type: .special, pupils: 121), p) == 0)
        #expect(leaf("fit.small-setting", F.setting(9000001, type: .special, capacity: nil, pupils: nil), p) == 0)
        var classes = F.setting(9000001, type: .mainstream, pupils: 1500)
        classes.largestClass = 9
        #expect(leaf("fit.small-setting", classes, p) == 6000)
        #expect(FitFacts.smallSetting(F.setting(9000001, type: .special, capacity: nil, pupils: nil), .defaults) == .unknown)
    }

    @Test func peersWithSimilarNeedsFromTheDesignationNeverFromCounts() {
        let p = profile(fit: [.peersSimilarNeeds])
        #expect(leaf("fit.peers-similar-needs", F.setting(9000001, type: .special, needs: [.ASD]), p) == 6000)
        var counts = F.setting(9000001, type: .special)
        counts.pupilsWithEHCP = PupilCount(count: 120, total: 120)
        #expect(leaf("fit.peers-similar-needs", counts, p) == 0)
        #expect(FitFacts.peersSimilarNeeds(counts, primary: .ASD) == .unknown)
        var partial = F.setting(9000001, type: .special)
        partial.partialNeeds = NeedSet([.ASD])
        #expect(leaf("fit.peers-similar-needs", partial, p) == 6000)
    }

    @Test func timeWithMainstreamPeersOnAKnownType() {
        let p = profile(fit: [.timeWithMainstreamPeers])
        #expect(leaf("fit.time-with-mainstream-peers", F.setting(9000001, type: .mainstream), p) == 6000)
        #expect(leaf("fit.time-with-mainstream-peers", F.setting(9000001, type: .special, needs: [.ASD]), p) == 0)
        #expect(FitFacts.timeWithMainstreamPeers(F.setting(9000001, type: .unknown)) == .unknown)
    }

    @Test func fitPointsAreSharedBetweenThePreferencesStated() {
        let p = profile(fit: [.smallSetting, .timeWithMainstreamPeers, .peersSimilarNeeds])
        let s = F.setting(9000001, type: .mainstream)
        #expect(leaf("fit.time-with-mainstream-peers", s, p) == 2000)
    }

    /// The pair loop and the explanation read one rule: for every setting of a mixed catalogue and every
    /// preference, the leaf earns points exactly when ``FitFacts`` says the preference is met; and every
    /// listed entry's breakdown adds up to its score.
    @Test(arguments: FitPreference.allCases)
    func pairLoopAgreesWithTheRule(_ f: FitPreference) {
        var settings = F.mixed
        settings[0].largestClass = 10
        settings[1].partialNeeds = NeedSet([.ASD])
        settings[2].onRoll = nil
        settings[2].capacity = nil
        let e = F.engine(settings)
        let p = profile(fit: [f])
        for s in settings {
            let (_, sink) = F.evaluate(s.urn, in: e, p)
            let m = sink.leaves.first { $0.0.key == "fit.\(f.rawValue)" }?.1
            #expect(((m ?? 0) > 0) == (FitFacts.outcome(f, s, primary: .ASD, .defaults) == .met), "\(s.urn)")
        }
        for entry in F.list(e, p).entries {
            #expect(entry.explanation.isConsistent && entry.explanation.milli == entry.milli)
            #expect(entry.fit.count == 1)
        }
    }

    // MARK: Settings the LA does not place children in

    @Test func aSettingOutsidePlacementIsNeverEligibleAndSaysWhy() {
        var s = F.setting(9000001, type: .unknown)
        s.giasType = "Higher education institutions"
        #expect(s.isOutsidePlacement)
        let (o, _) = F.evaluate(s.urn, in: F.engine([s]), profile())
        #expect(EligibilityRule.rules(in: o.excluded) == [.notPlaced])
        #expect(EligibilityRule.notPlaced.detail(for: s, distanceKm: 1) == ": its type of establishment is Higher education institutions")
        #expect(F.list(F.engine([s]), profile()).entries.isEmpty)
    }

    // MARK: Statutory walking distance

    @Test func walkingDistanceCases() {
        let w = Weights.defaults
        #expect(WalkingDistance.statement(km: 4, profile: profile(year: 7), weights: w, routed: false).kind == .within)
        #expect(WalkingDistance.statement(km: 5, profile: profile(year: 7), weights: w, routed: false).kind == .beyond)
        #expect(WalkingDistance.statement(km: 3, profile: profile(year: 2), weights: w, routed: false).kind == .within)
        #expect(WalkingDistance.statement(km: 3.3, profile: profile(year: 2), weights: w, routed: false).kind == .beyond)
        #expect(WalkingDistance.statement(km: 4, profile: profile(year: 3), weights: w, routed: false).kind == .beyondUntilEighthBirthday)
        #expect(WalkingDistance.statement(km: 6, profile: profile(year: 3), weights: w, routed: false).kind == .beyond)
        #expect(WalkingDistance.statement(km: 1, profile: profile(year: 0), weights: w, routed: false).kind == .belowCompulsorySchoolAge)
        let post16 = WalkingDistance.statement(km: 1, profile: profile(year: 12), weights: w, routed: false)
        #expect(post16.kind == .post16 && post16.thresholdMiles == nil && post16.text.contains("no statutory walking distance"))
        #expect(WalkingDistance.statement(km: .nan, profile: profile(year: 7), weights: w, routed: false).kind == .journeyNotKnown)
    }

    @Test func everyEntryStatesTheWalkingDistance() {
        let l = F.list(F.engine(F.mixed), profile())
        #expect(!l.entries.isEmpty && l.entries.allSatisfy { $0.walking != nil })
    }

    // MARK: Dated facts

    static func dated(_ asOf: String, confirmed: Bool = false) -> Setting {
        var s = F.setting(9000001, type: .special, needs: [.ASD])
        s.sources = ["local-offer | public | council.example | Local Offer page | https://council.example/lo",
                     "census-2019 | public | DfE school census | census file"]
        s.provenance["type"] = FactProvenance(source: "census-2019", asOf: AsOfDate(parsing: "2019-01")!)
        var needs = FactProvenance(source: "local-offer", asOf: AsOfDate(parsing: asOf)!)
        if confirmed { needs.confirmedOn = "2026-11-01"; needs.confirmedBy = "SENDO-07" }
        s.provenance["needs"] = needs
        s.senReportLink = "https://school.example/sen"
        s.provenance["sen-report-link"] = FactProvenance(source: "local-offer", asOf: .undated)
        return s
    }

    @Test func oldAndUndatedPublicFactsAreLabelledForTheOfficer() {
        let facts = DatedFacts.facts(for: Self.dated("2025-06"), runDate: "2026-11-23", checkAfterMonths: 24)
        let byField = Dictionary(uniqueKeysWithValues: facts.map { ($0.field, $0) })
        #expect(byField["type"]?.check == true)
        #expect(byField["type"]?.line == "Special school — DfE school census, Jan 2019 (check)")
        #expect(byField["needs"]?.check == false)
        #expect(byField["needs"]?.url == "https://council.example/lo")
        #expect(byField["sen-report-link"]?.check == true, "undated")
        #expect(byField["sen-report-link"]?.url == "https://school.example/sen")
        let confirmed = DatedFacts.facts(for: Self.dated("2012-09", confirmed: true), runDate: "2026-11-23", checkAfterMonths: 24)
        #expect(confirmed.first { $0.field == "needs" }?.check == false, "an officer's confirmation is never labelled")
    }

    @Test func designationReadsAsPublished() {
        #expect(DatedFacts.asPublished(Self.dated("2023-10"), field: "needs", runDate: "2026-11-23", checkAfterMonths: 24)
                == " — as published in Oct 2023 by council.example (check)")
        #expect(DatedFacts.asPublished(Self.dated("undated"), field: "needs", runDate: "2026-11-23", checkAfterMonths: 24)
                == " — as published (undated) by council.example (check)")
        #expect(DatedFacts.asPublished(F.setting(9000001, type: .special), field: "needs", runDate: "2026-11-23") == "")
    }

    @Test func recentExperienceIsShownNeverScored() {
        var s = F.setting(9000001, type: .mainstream)
        let p = profile()
        let before = F.evaluate(s.urn, in: F.engine([s]), p).0.total
        s.pupilsWithEHCP = PupilCount(count: 45, total: 549)
        s.pupilsOnSENSupport = PupilCount(count: 80, total: 549)
        #expect(F.evaluate(s.urn, in: F.engine([s]), p).0.total == before)
        let facts = DatedFacts.facts(for: s, runDate: "2026-11-23", checkAfterMonths: 24)
        #expect(facts.contains { $0.text.contains("45 of 549 pupils had an EHC plan") })
    }
}

/// The list's JSON carries the new facts (additive fields of `atl-list/1`, docs/list-output.md), and the
/// notes name a sibling's setting that is not listed.
@Suite struct ParentCriteriaOutputTests {
    typealias F = MatchFixture

    @Test func jsonCarriesFactsWalkingDistanceSiblingAndFit() {
        var p = F.profile()
        p.siblingsAt = [9000101]
        p.fit = [.timeWithMainstreamPeers]
        let json = ListJSON.render(F.list(F.engine(F.mixed), p))
        for key in ["\"walking_distance\"", "\"facts\"", "\"sibling_attends\"", "\"fit\"", "\"siblings_at\"",
                    "\"facts_check_after_months\"", "\"outcome\""] {
            #expect(json.contains(key), "\(key)")
        }
    }

    @Test func aSiblingSettingNotListedGetsANote() {
        var p = F.profile()
        let far = F.setting(9000999, "Far Away School", type: .mainstream, km: 40)
        p.siblingsAt = [9000999, 9999998]
        let l = F.list(F.engine(F.mixed + [far]), p)
        #expect(l.notes.contains { $0.hasPrefix("Far Away School (URN 9000999), where a brother or sister attends, is not on this list") })
        #expect(l.notes.contains("Warning: URN 9999998 in siblings-at is not in this catalogue; check the URN."))
    }

    @Test func receptionIsNamedNotYearZero() {
        let s = F.setting(9000001, type: .special, ages: nil, capacity: nil, pupils: nil)
        let l = F.list(F.engine([s]), F.profile(year: 0))
        #expect(l.entries.first?.toAsk.contains { $0.contains("Reception") && !$0.contains("Year 0") } == true)
    }
}

@Suite struct TransportNoteTests {
    typealias F = MatchFixture

    @Test func everyListUnderPost16SaysTransportDependsOnMoreThanDistance() {
        #expect(F.list(F.engine(F.mixed), F.profile(year: 7)).notes.contains(AdvisoryList.transportNote))
        let post16 = F.setting(9000301, type: .post16, ages: (16, 19))
        #expect(!F.list(F.engine([post16]), F.profile(year: 12)).notes.contains(AdvisoryList.transportNote))
    }
}
