import ATLModel
import ATLData
import Foundation

/// Builds the explanation tree and the plain-English reasons for one (setting, child) pair. Called only for
/// the few settings on a list (and for `atl why`), never in the pair loop.
public enum EntryExplainer {
    public struct Detail: Sendable {
        public var outcome: PairOutcome
        public var explanation: Explanation
        public var reasons: [String]
        public var notOffered: [String]
        public var toAsk: [String]
        /// What to weigh, each with its question (the questions also lead ``toAsk``).
        public var cautions: [Caution]
        public var quotes: [EvidenceQuotes.Quote]
        public var minutes: Int?
    }

    static func miles(_ km: Double) -> String { Fixed.format(km / 1.609344, places: 1) }

    /// Rounded journey time in minutes (nearest 5, at least 5).
    public static func minutes(km: Double, matrixMinutes: Double?, w: Weights) -> Int {
        let m = matrixMinutes ?? km / w.speedKmh * 60
        return max(5, Int((m / 5).rounded()) * 5)
    }

    /// `runDate` (`YYYY-MM-DD`, or empty when not known) dates the age of Ofsted judgements.
    public static func explain(position i: Int, setting s: Setting, query q: CompiledQuery, index x: CompiledIndex,
                               profile p: NeedsProfile, matrixMinutes: Double?, runDate: String = "",
                               reports: ReportSplits? = nil) -> Detail {
        var sink = RecordingSink()
        let o = PairEvaluator.evaluate(i, q, x, sink: &sink, fullRules: true, scoreExcluded: true)
        let w = q.weights
        var reasons: [String] = [], notOffered: [String] = [], toAsk: [String] = []
        let tree = scoreTree(sink, position: i, setting: s, query: q, index: x, profile: p, outcome: o)
        needReasons(s, p, o, runDate: runDate, w: w, reasons: &reasons, notOffered: &notOffered)
        placesAndJourneyReasons(s, p, o, matrixMinutes: matrixMinutes, w: w, reasons: &reasons)
        provisionReasons(s, p, reasons: &reasons, notOffered: &notOffered)
        familyWishReasons(s, p, q, sink, w: w, reasons: &reasons, notOffered: &notOffered, toAsk: &toAsk)

        // What to ask: every caution's question, then every fact the catalogue does not hold.
        let mins = o.distanceKm.isNaN ? nil : minutes(km: o.distanceKm, matrixMinutes: matrixMinutes, w: w)
        let cautions = Caution.cautions(for: s, profile: p, outcome: o, query: q, minutes: mins, runDate: runDate)
        toAsk += cautions.map(\.question)
        toAsk += unknownFactQuestions(s, p, o)
        return Detail(outcome: o, explanation: tree, reasons: reasons, notOffered: notOffered, toAsk: toAsk,
                      cautions: cautions, quotes: bestQuotes(sink, s, position: i, reports: reports), minutes: mins)
    }

    /// The score breakdown: the evaluator's leaves grouped by component, in component order, under one total.
    static func scoreTree(_ sink: RecordingSink, position i: Int, setting s: Setting, query q: CompiledQuery, index x: CompiledIndex,
                          profile p: NeedsProfile, outcome o: PairOutcome) -> Explanation {
        let w = q.weights
        var groups: [ScoreComponent: [Explanation]] = [:]
        for (leaf, m) in sink.leaves {
            groups[leaf.component, default: []].append(Explanation(key: leaf.key, milli: m,
                description: describe(leaf, milli: m, s: s, q: q, p: p, o: o, w: w,
                                      bm25: { x.evidence.score(concept: $0.index, setting: i) })))
        }
        var components: [Explanation] = []
        for c in ScoreComponent.allCases {
            guard let d = groups[c] else { continue }
            components.append(Explanation(key: c.rawValue, milli: d.reduce(0) { $0 + $1.milli }, description: c.title, details: d))
        }
        return Explanation(key: "total", milli: components.reduce(0) { $0 + $1.milli },
                           description: "Score for \(s.name) (URN \(s.urn))", details: components)
    }

    /// Reasons a parent reads first: how the setting fits the need (its band, policy R5), its designation, and
    /// the secondary needs it is or is not designated for.
    static func needReasons(_ s: Setting, _ p: NeedsProfile, _ o: PairOutcome, runDate: String, w: Weights,
                            reasons: inout [String], notOffered: inout [String]) {
        let designatedPrimary = s.needs?.contains(p.primaryNeed) ?? false
        let needTitle = p.primaryNeed.title
        // A setting that cannot admit the child (named by the family, R1) meets no need, however it provides.
        if o.excluded & MatchingEngine.cannotAdmit == 0, let fit = fitReason(s, p, o) { reasons.append(fit) }
        if designatedPrimary {
            var r = "\(provisionPhrase(s)) for \(s.needs!.codes.map(\.title).joined(separator: "; "))"
            if let pl = s.specialistPlaces { r += ": \(pl) specialist places" }
            if let pbn = s.placesByNeed?[p.primaryNeed] { r += " (\(pbn) for \(p.primaryNeed.rawValue))" }
            r += DatedFacts.asPublished(s, field: "needs", runDate: runDate, checkAfterMonths: w.factsCheckAfterMonthsInt)
            reasons.append(r)
        } else if let partial = s.partialNeeds, s.needs == nil, partial.contains(p.primaryNeed) {
            reasons.append("Its published designation names \(p.primaryNeed.title) among others (a partial list)" + DatedFacts.asPublished(s, field: "needs", runDate: runDate, checkAfterMonths: w.factsCheckAfterMonthsInt))
        } else if CompiledIndex.providesThroughMainstream(s) {
            reasons.append("\(s.type.title): would meet \(needTitle) through the support it gives all pupils with SEN (it has no specialist provision designated for it)")
        }
        for sn in p.secondaryNeeds {
            if s.needs?.contains(sn.code) ?? false {
                reasons.append("Also designated for \(sn.code.title)")
            } else if (s.isSpecialistProvider || s.type == .alternativeProvision) && s.needs != nil {
                notOffered.append("Not designated for \(sn.code.title) (a secondary need)")
            }
        }
    }

    /// Vacancies and the journey as reasons. A full setting stays on the list with the `full` caution; "full" is
    /// never a reason it may suit.
    static func placesAndJourneyReasons(_ s: Setting, _ p: NeedsProfile, _ o: PairOutcome, matrixMinutes: Double?, w: Weights,
                                        reasons: inout [String]) {
        let designatedPrimary = s.needs?.contains(p.primaryNeed) ?? false
        if let v = s.specialistVacancies, designatedPrimary || s.isSpecialistProvider || s.type == .alternativeProvision {
            if v > 0 { reasons.append("\(v) vacanc\(v == 1 ? "y" : "ies") in its specialist places") }
        } else if o.vacancies > 0 {
            reasons.append("\(o.vacancies) vacanc\(o.vacancies == 1 ? "y" : "ies") across the school (not only in the year group)")
        }
        if !o.distanceKm.isNaN {
            let mins = minutes(km: o.distanceKm, matrixMinutes: matrixMinutes, w: w)
            var r = "\(miles(o.distanceKm)) miles (\(Fixed.format(o.distanceKm, places: 1)) km) by road, about \(mins) minutes by car"
            r += o.fromMatrix ? " (routed)" : " (estimated from the straight line)"
            r += "; " + WalkingDistance.statement(km: o.distanceKm, profile: p, weights: w, routed: o.fromMatrix).brief
            reasons.append(r)
        }
    }

    /// The provision the plan asks for that the setting lists (or meets by an equivalent), and what it does not list.
    static func provisionReasons(_ s: Setting, _ p: NeedsProfile, reasons: inout [String], notOffered: inout [String]) {
        let listed = s.facilities ?? []
        let fac = FacilityEquivalence.effective(listed)
        let wanted = p.mustHave.union(p.desirable)
        let has = wanted.intersection(listed).facilities
        if !has.isEmpty { reasons.append("Has " + has.map(\.title).joined(separator: ", ")) }
        for f in wanted.facilities {
            if let by = FacilityEquivalence.meetsBy(f, in: listed) { reasons.append(FacilityEquivalence.explanation(f, by: by).capitalisedFirstLetter) }
        }
        if s.facilities != nil {
            let lacking = p.desirable.subtracting(fac).facilities
            if !lacking.isEmpty { notOffered.append("Does not list " + lacking.map(\.title).joined(separator: ", ")) }
        }
    }

    /// What the family asked for: a named setting, faith, siblings and fit preferences (met, not met, or to ask),
    /// and a closed setting.
    static func familyWishReasons(_ s: Setting, _ p: NeedsProfile, _ q: CompiledQuery, _ sink: RecordingSink, w: Weights,
                                  reasons: inout [String], notOffered: inout [String], toAsk: inout [String]) {
        if p.preferredSettings.contains(s.urn) { reasons.append("Named by the family") }
        if let faith = p.faith {
            if q.faithMask != 0, let r = s.religiousCharacter, sink.leaves.contains(where: { $0.0 == .preferenceFaith && $0.1 > 0 }) {
                reasons.append("\(r), as the family asked")
            } else {
                notOffered.append("Not of the religious character the family asked for (\(faith))")
            }
        }
        if s.status == .closed { notOffered.append("Closed") }
        if p.siblingsAt.contains(s.urn) { reasons.append("A brother or sister attends this setting (the family told us)") }
        for f in p.fit {
            let r = FitReasons.reason(f, s, primary: p.primaryNeed, w)
            switch FitFacts.outcome(f, s, primary: p.primaryNeed, w) {
            case .met: reasons.append(r)
            case .notMet: notOffered.append(r)
            case .unknown: toAsk.append(r)
            }
        }
    }

    /// A question for every fact the catalogue does not hold about the setting, so the family can ask it.
    static func unknownFactQuestions(_ s: Setting, _ p: NeedsProfile, _ o: PairOutcome) -> [String] {
        let needTitle = p.primaryNeed.title
        let wanted = p.mustHave.union(p.desirable)
        var toAsk: [String] = []
        for u in UnknownFact.facts(in: o.unknown) {
            switch u {
            case .location: toAsk.append("Where is it? Its location is not in the catalogue, so the journey could not be measured.")
            case .ageRange: toAsk.append("Does it admit \(yearName(p.placementYear))? Its age range is not published.")
            case .ageRangeApproximate:
                toAsk.append("Confirm it admits \(yearName(p.placementYear)): only its phase (\(s.phase?.title ?? "?")) is published, not its age range.")
            case .type: toAsk.append("What kind of setting is it (mainstream, with resourced provision or a unit, special)? Its type is not in the data the catalogue was built from.")
            case .needs where s.partialNeeds?.contains(p.primaryNeed) == true:
                toAsk.append("Confirm it provides for \(needTitle): its published designation names it among other needs, so it is not known to be complete.")
            case .needs: toAsk.append("Does it provide for \(needTitle)? The needs its provision is designated for are not published.")
            case .facilities:
                let list = wanted.facilities.map(\.title).joined(separator: ", ")
                toAsk.append("Does it have \(list)? Its facilities are not published\(p.mustHave.isEmpty ? "" : " (some are required by the plan)").")
            case .vacancies: toAsk.append("Does it expect a vacancy for \(yearName(p.placementYear))? Its capacity and numbers on roll are not published.")
            case .report: toAsk.append("Ask for its SEN information report: the catalogue holds none, so no evidence from it was scored.")
            case .gender: toAsk.append("It is a single-sex setting; the profile does not say whether that suits the child.")
            case .ofsted: toAsk.append("Check its latest Ofsted report: no judgement is recorded.")
            }
        }
        return toAsk
    }

    /// Quotations from the SEN information report: for the two evidence concepts that earned most.
    /// `reports` (the engine's) keeps the setting's report split by position; without it the text is split (or
    /// found in ``SentenceCache``) each time. Same quotes either way.
    static func bestQuotes(_ sink: RecordingSink, _ s: Setting, position: Int = 0, reports: ReportSplits? = nil) -> [EvidenceQuotes.Quote] {
        let evidenceLeaves = sink.leaves.compactMap { leaf, m -> (Vocabulary.Concept, Int32)? in
            if case .evidence(let c) = leaf, m > 0 { return (c, m) }
            return nil
        }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        var quotes: [EvidenceQuotes.Quote] = []
        if evidenceLeaves.isEmpty { return [] }
        let found: [EvidenceQuotes.Quote?]
        if let reports {
            found = EvidenceQuotes.best(for: evidenceLeaves.map(\.0), splits: reports.splits(position: position, setting: s))
        } else {
            found = EvidenceQuotes.best(for: evidenceLeaves.map(\.0), in: s)
        }
        for found in found {
            if let qt = found, !quotes.contains(qt) { quotes.append(qt) }
            if quotes.count == 2 { break }
        }
        return quotes
    }

    /// A national curriculum year in words: "Reception" for 0, "nursery" below it, "Year N" otherwise.
    static func yearName(_ y: Int) -> String { y == 0 ? "Reception" : y < 0 ? "nursery" : "Year \(y)" }

    /// How a provision class meets a need of a severity, for the score breakdown.
    static func classPhrase(_ c: ProvisionClass, _ sev: Severity) -> String {
        switch c {
        case .mainstream: "mainstream provision for a \(sev.rawValue) need"
        case .designatedMainstream: "provision designated for it in a mainstream setting"
        case .designatedSpecial: "specialist provision designated for it"
        case .alternativeProvision: "alternative provision (for a time)"
        case .otherSpecialist: "not designated for it"
        case .unknown: "not known whether it provides for it"
        }
    }

    /// The band in words (policy R5): why the setting meets the need, or may also meet it.
    static func fitReason(_ s: Setting, _ p: NeedsProfile, _ o: PairOutcome) -> String? {
        let c = ProvisionClass.of(s, need: p.primaryNeed)
        let need = "a \(p.primarySeverity.rawValue) \(p.primaryNeed.rawValue) need"
        if p.mainstreamFirst && s.isMainstreamInLaw && (c == .mainstream || c == .designatedMainstream) {
            return "Meets the need: a mainstream school, which the family wants first (Children and Families Act 2014 s33)"
        }
        switch (o.band, c) {
        case (2, .mainstream): return "Meets the need: mainstream provision is the level \(need) usually calls for"
        case (2, .designatedMainstream): return "Meets the need: provision designated for it in a mainstream setting, the level \(need) usually calls for"
        case (2, .designatedSpecial): return "Meets the need: specialist provision designated for it, the level \(need) usually calls for"
        case (1, .mainstream): return "May also meet the need: \(need) usually calls for provision designated for it"
        case (1, .designatedMainstream): return "May also meet the need: \(need) usually calls for a special school"
        case (1, .designatedSpecial): return "May also meet the need: more specialist than \(need) usually calls for"
        case (_, .alternativeProvision): return "May also meet the need for a time: alternative provision is not a permanent placement"
        case (_, .unknown): return "May also meet the need: its type or designation is not published"
        case (1, .otherSpecialist):
            let severe = p.secondaryNeeds.filter { $0.severity >= .severe && (s.needs?.contains($0.code) ?? false) }.map(\.code.rawValue)
            return "May also meet the needs: designated for the child's \(severe.joined(separator: " and ")) (a severe secondary need), not for the primary need"
        default: return nil
        }
    }

    static func provisionPhrase(_ s: Setting) -> String {
        switch s.type {
        case .mainstreamResourced: "Mainstream school with a \(s.specialistProvision?.title ?? "resourced provision")"
        case .special: "Special school"
        case .nonMaintainedSpecial: "Non-maintained special school"
        case .independentSpecial: "Independent special school"
        case .alternativeProvision: "Alternative provision"
        case .post16: "College with supported learning"
        case .earlyYears: "Nursery with an enhanced resource"
        default: "Designated provision"
        }
    }

    static func share(_ m: Int32, of weight: Double) -> String {
        weight > 0 ? Fixed.format(Double(m) / 1000 / weight, places: 2) : "0.00"
    }

    static func describe(_ leaf: ScoreLeaf, milli m: Int32, s: Setting, q: CompiledQuery, p: NeedsProfile,
                         o: PairOutcome, w: Weights, bm25: (Vocabulary.Concept) -> Float) -> String {
        switch leaf {
        case .needPrimary:
            var how = classPhrase(ProvisionClass.of(s, need: p.primaryNeed), p.primarySeverity)
            if s.needs?.contains(p.primaryNeed) ?? false, s.placesByNeed?[p.primaryNeed] == 0 { how += ", but 0 places commissioned for it" }
            return "Primary need \(p.primaryNeed.rawValue) (\(p.primarySeverity.rawValue)): \(how); \(share(m, of: w.needPrimary)) of \(Fixed.format(w.needPrimary, places: 0)) points"
        case .needSecondary(let n):
            let sev = p.secondaryNeeds.first { $0.code == n }?.severity ?? .moderate
            return "Secondary need \(n.rawValue) (\(sev.rawValue)): \(classPhrase(ProvisionClass.of(s, need: n), sev))"
        case .evidence(let c):
            if case .facility(let f) = c, let listed = s.facilities, !FacilityEquivalence.effective(listed).contains(f) {
                return "Report evidence for \(c.title): not counted, as it does not list it"
            }
            let score = s.report.isEmpty ? "no report text" : "BM25 \(Fixed.format(Double(bm25(c)), places: 2))"
            return "Report evidence for \(c.title) (\(score))"
        case .facility(let f):
            guard let listed = s.facilities else { return "\(f.title): not known" }
            if listed.contains(f) { return "\(f.title): has it" }
            if let by = FacilityEquivalence.meetsBy(f, in: listed) { return "\(f.title): \(FacilityEquivalence.explanation(f, by: by))" }
            return "\(f.title): does not list it"
        case .travel:
            if o.distanceKm.isNaN { return "Journey: location not known" }
            return "Journey \(Fixed.format(o.distanceKm, places: 1)) km (walking distance \(Fixed.format(q.walkingKm, places: 2)) km, maximum \(Fixed.format(q.maxKm, places: 1)) km); \(share(m, of: w.travel)) of \(Fixed.format(w.travel, places: 0)) points"
        case .capacity:
            return o.vacancies < 0 ? "Vacancies: not known" : "\(o.vacancies) vacanc\(o.vacancies == 1 ? "y" : "ies") (full credit at \(Fixed.format(w.capacityFullCreditAt, places: 0)))"
        case .ofsted:
            switch s.ofsted {
            case .requiresImprovement?, .inadequate?: return "Ofsted: \(s.ofsted!.rawValue) (a caution)"
            case let j?: return "Ofsted: \(j.rawValue) (information for families; not scored)"
            case nil: return "Ofsted: no judgement recorded (not scored)"
            }
        case .preferenceNamed: return m > 0 ? "Named by the family" : "Not named by the family"
        case .preferenceFaith: return m > 0 ? "Religious character matches (\(s.religiousCharacter ?? ""))" : "Religious character does not match"
        case .preferenceSingleSex: return m > 0 ? "Single-sex, as preferred" : "Not single-sex"
        case .preferenceMainstreamFirst: return m > 0 ? "Mainstream, as the family asked first" : "Not mainstream"
        case .needPartial(let n):
            let code = n ?? p.primaryNeed
            return "Partial designation naming \(code.rawValue)\(DatedFacts.sourceSuffix(s, field: "needs", runDate: "", checkAfterMonths: nil)): \(Fixed.format(w.needPartialCredit, places: 2)) of what a complete designation would add"
        case .preferenceSibling: return m > 0 ? "A brother or sister attends (family preference)" : "No brother or sister attends"
        case .fit(let f):
            return "Fit: \(f.title) — " + FitReasons.leafText(f, s, primary: p.primaryNeed, w)
        }
    }
}
