import ATLModel
import ATLEngine
import ATLPlanning

/// Plain-text answer to "why is (or isn't) this setting on my list?".
public enum WhyText {
    public static func render(_ a: MatchingEngine.WhyAnswer, reference: String) -> String {
        let s = a.setting
        var o = "\(s.name) (URN \(s.urn))\(s.fictional ? " [FICTIONAL]" : "")\(s.synthetic ? " [SYNTHETIC: real school, invented SEN facts]" : "") for \(reference)\n"
        o += ListText.settingFacts(s) + "\n\n"
        if let e = a.entry {
            o += "ON THE LIST: rank \(e.rank) of \(ListText.count(a.listSize, "setting")) (\(e.band.title.lowercased())), \(Explanation.points(a.detail.explanation.milli)) points; listed \(e.inclusionReason).\n"
            if a.brokenRules.isEmpty {
                o += "Eligible: rank \(a.rank ?? 0) of \(a.eligible) eligible settings within the journey.\n"
            } else {
                o += "It is listed although it breaks these rules, which are shown as cautions:\n"
                for r in a.brokenRules { o += "  - \(r.title) [\(r.key)]\(detail(r, a))\n" }
            }
        } else if a.brokenRules.isEmpty {
            o += "ELIGIBLE: rank \(a.rank ?? 0) of \(a.eligible) eligible settings, \(Explanation.points(a.detail.explanation.milli)) points.\n"
            o += "It is not on the list: the list holds \(a.listSize) settings, and settings that meet the need better (or the rule that the list illustrates choice) took the places.\n"
        } else {
            o += "NOT ELIGIBLE, because:\n"
            for r in a.brokenRules { o += "  - \(r.title) [\(r.key)]\(detail(r, a))\n" }
            o += "\nIf the rules above did not apply it would score \(Explanation.points(a.detail.explanation.milli)) points.\n"
        }
        let facts = DatedFacts.facts(for: s, runDate: a.runDate, checkAfterMonths: a.checkAfterMonths)
        if !facts.isEmpty {
            o += "\nFacts and where they come from:\n"
            for f in facts { o += "  - \(f.line)\(f.url.map { " <\($0)>" } ?? "")\n" }
        }
        if let w = a.walking { o += "\nJourney: \(w.text)\n" }
        if !a.detail.reasons.isEmpty {
            o += "\nWhat fits:\n"
            for r in a.detail.reasons { o += "  - \(r)\n" }
        }
        if !a.detail.notOffered.isEmpty {
            o += "\nWhat it does not offer:\n"
            for r in a.detail.notOffered { o += "  - \(r)\n" }
        }
        if !a.detail.cautions.isEmpty {
            o += "\nTo weigh:\n"
            for c in a.detail.cautions { o += "  - \(c.text) [\(c.key.rawValue)]\n" }
        }
        if !a.detail.toAsk.isEmpty {
            o += "\nTo ask (the setting, or the LA):\n"
            for r in a.detail.toAsk { o += "  - \(r)\n" }
        }
        o += "\nScore breakdown:\n"
        o += tree(a.detail.explanation, depth: 1)
        return o
    }

    static func detail(_ r: EligibilityRule, _ a: MatchingEngine.WhyAnswer) -> String {
        r.detail(for: a.setting, distanceKm: a.detail.outcome.distanceKm)
    }

    static func tree(_ e: Explanation, depth: Int) -> String {
        var o = String(repeating: "  ", count: depth) + "\(e.points)  \(e.description)  [\(e.key)]\n"
        for d in e.details { o += tree(d, depth: depth + 1) }
        return o
    }
}
