import ATLModel
import ATLData

/// Notes about a whole list that the matching policy requires (`docs/matching-policy.md`): why a list is short
/// (R9), the family's right to ask for a mainstream school (R3), and mainstream schools left off only for want of
/// a service the LA may bring in (the LA-services decision).
extension MatchingEngine {
    func policyNotes(_ p: NeedsProfile, home: ResolvedHome, query q: CompiledQuery, result: ScoringResult,
                     entries: [ListEntry]) -> [String] {
        var notes: [String] = []
        let w = weights
        let miles = Caution.miles(q.maxKm)
        // In words a family reads: "a severe autism need", "moderate speech, language and communication needs".
        let name = p.primaryNeed.plainName.lowercasedFirstLetter
        // A name that already says the severity ("profound and multiple …", "severe learning difficulty") is not
        // given it twice.
        let severity = name.hasPrefix(p.primarySeverity.rawValue + " ") ? "" : p.primarySeverity.rawValue + " "
        let need = name.hasSuffix("needs") ? "\(severity)\(name)" : "a \(severity)\(name) need"
        if entries.count < w.listHandfulInt {
            let n = result.eligible
            var text = n == 0 ? "No setting within \(miles) miles meets or may meet \(need)"
                : "Only \(n == 1 ? "1 setting" : "\(n) settings") within \(miles) miles \(n == 1 ? "meets" : "meet") or may meet \(need)"
            let long = entries.filter { $0.inclusion == .longJourney || $0.inclusion == .nearestMaintained }.count
            if long > 0 { text += "; the nearest \(long == 1 ? "one beyond it is listed as a long journey" : "\(long) beyond it are listed as long journeys")" }
            notes.append(text + ". The list is not padded with settings that would not meet the need.")
        }
        if !entries.contains(where: { $0.setting.isMainstreamInLaw }) && considersMainstream(p) {
            var text = "No mainstream school is on this list. The family may still ask for a mainstream school (Children and Families Act 2014 s33: the LA must provide for mainstream education unless that is incompatible with the parents' wishes or the efficient education of others)"
            if let (s, km) = nearestMainstream(q) {
                text += "; the nearest that admits \(Caution.yearName(p.placementYear)) is \(s.name) (URN \(s.urn)), about \(Caution.miles(km)) miles"
            }
            notes.append(text + ".")
        }
        if let note = laServiceNote(p, home: home, query: q) { notes.append(note) }
        return notes
    }

    /// False when the profile's allowed types leave out every mainstream kind (the family's wishes are then known).
    func considersMainstream(_ p: NeedsProfile) -> Bool {
        guard let allowed = p.allowedTypes else { return true }
        return !allowed.isDisjoint(with: [.mainstream, .mainstreamResourced, .post16, .earlyYears])
    }

    /// The nearest open mainstream school (in law) that admits the child's year group and sex, however far:
    /// searched outward from home (``outward(_:exhaustive:_:)``) rather than over every located setting.
    func nearestMainstream(_ q: CompiledQuery, exhaustive: Bool = false) -> (Setting, Double)? {
        var answer: (i: Int, km: Double)?
        outward(q, exhaustive: exhaustive) { ranges, kmCut in
            var best: (i: Int, km: Double)?
            for r in ranges { for i in r where index.flags[i] & CompiledIndex.Flag.mainstreamType != 0 {
                var sink = TotalSink()
                let o = PairEvaluator.evaluate(i, q, index, sink: &sink, fullRules: true, journeyIsARule: false)
                guard o.excluded & (MatchingEngine.cannotAdmit | EligibilityRule.avoided.bit) == 0, kmCut == .infinity || o.distanceKm <= kmCut else { continue }
                if best == nil || o.distanceKm < best!.km || (o.distanceKm == best!.km && index.urn[i] < index.urn[best!.i]) {
                    best = (i, o.distanceKm)
                }
            } }
            answer = best
            return best != nil
        }
        return answer.map { (catalogue.settings[Int(index.catalogueIndex[$0.i])], $0.km) }
    }

    /// How many mainstream settings within the journey were left off only because they do not list provision the
    /// LA's sensory service may bring in (``Facility/providedByLAServices``); nil when none or not relevant.
    func laServiceNote(_ p: NeedsProfile, home: ResolvedHome, query q: CompiledQuery) -> String? {
        let services = p.mustHave.intersection(Facility.providedByLAServices)
        guard !services.isEmpty else { return nil }
        var relaxed = p
        relaxed.mustHave.subtract(services)
        let q2 = query(relaxed, home: home)
        var n = 0
        index.forEachCandidateRange(east: q.homeEast, north: q.homeNorth, radius: q.searchRadius) { r in
            for i in r where index.flags[i] & CompiledIndex.Flag.mainstreamLike != 0 {
                var s1 = TotalSink(), s2 = TotalSink()
                let o = PairEvaluator.evaluate(i, q, index, sink: &s1)
                if o.excluded & EligibilityRule.mustHaveMissing.bit != 0 && PairEvaluator.evaluate(i, q2, index, sink: &s2).excluded == 0 { n += 1 }
            }
        }
        guard n > 0 else { return nil }
        let what = services.facilities.map(\.title).joined(separator: " or ")
        return "\(n) mainstream setting\(n == 1 ? "" : "s") within the journey \(n == 1 ? "was" : "were") left off only because \(n == 1 ? "it does" : "they do") not list \(what) (required by the plan). The LA's sensory support service may provide this in a mainstream school: whether it would, and whether the school could then meet the need, is a decision for the officer (ask the sensory service)."
    }
}
