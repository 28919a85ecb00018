import ATLModel
import ATLData

/// The plain-English reason for each fit preference (`fit:`), always naming the fact it rests on with its
/// source and date, or the question to ask when the fact is not known.
public enum FitReasons {
    static func size(_ s: Setting) -> String? {
        guard let t = FitFacts.pupilTotal(s) else { return nil }
        return "\(t.count) pupils" + DatedFacts.sourceSuffix(s, field: t.field, runDate: "", checkAfterMonths: nil)
    }

    /// The sentence for a list entry: under "Why it may suit" when met, "What may not suit" when known not met,
    /// "To ask" when unknown.
    public static func reason(_ f: FitPreference, _ s: Setting, primary: NeedCode, _ w: Weights) -> String {
        let outcome = FitFacts.outcome(f, s, primary: primary, w)
        switch (f, outcome) {
        case (.smallSetting, .met):
            if let c = s.largestClass, Double(c) <= w.fitSmallClassSize {
                return "A small setting: classes of up to \(c)" + DatedFacts.sourceSuffix(s, field: "largest-class", runDate: "", checkAfterMonths: nil)
            }
            if s.facilities?.contains(.smallClasses) == true { return "A small setting: it lists small classes" }
            return "A small setting: \(size(s) ?? "")"
        case (.smallSetting, .notMet):
            return "Not a small setting: \(size(s) ?? "")"
        case (.smallSetting, .unknown):
            return "How many pupils does it have, and how big are classes? Its size is not published (the family would like a small setting)."
        case (.peersSimilarNeeds, .met):
            return "Peers with similar needs: its provision is designated for \(primary.title)" + DatedFacts.asPublished(s, field: "needs", runDate: "")
        case (.peersSimilarNeeds, .notMet):
            return "Peers with similar needs: its provision is not designated for \(primary.title)" + DatedFacts.asPublished(s, field: "needs", runDate: "")
        case (.peersSimilarNeeds, .unknown):
            return "Are there other pupils with \(primary.title)? The needs its provision is designated for are not published (the family would like peers with similar needs)."
        case (.timeWithMainstreamPeers, .met):
            return "Time with mainstream peers: a mainstream school" + DatedFacts.sourceSuffix(s, field: "type", runDate: "", checkAfterMonths: nil)
        case (.timeWithMainstreamPeers, .notMet):
            return "Time with mainstream peers: not a mainstream school (\(s.type.title.lowercased())); ask whether it has links with a mainstream school"
        case (.timeWithMainstreamPeers, .unknown):
            return "How much time would the child spend with pupils in mainstream classes? Its type is not known (the family would like time with mainstream peers)."
        }
    }

    /// The score breakdown's description of a fit leaf.
    public static func leafText(_ f: FitPreference, _ s: Setting, primary: NeedCode, _ w: Weights) -> String {
        switch FitFacts.outcome(f, s, primary: primary, w) {
        case .met: "met on a known fact"
        case .notMet: "known not to be met"
        case .unknown: "not known (no points; a question to ask)"
        }
    }
}
