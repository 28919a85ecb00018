import ATLModel
import ATLData

/// The facts the parent's fit preferences (`fit:` in a profile) are matched on, and the rule for each
/// (`docs/scoring.md`, "Fit preferences"). One rule, two readers: ``CompiledIndex`` stores the inputs as numbers
/// for the pair loop, and explanations read the same rule from the ``Setting`` (tests check they agree).
///
/// A preference is *met* only on a known fact: a published size, a designation, a known type. Unknown earns
/// nothing and becomes a question; nothing is guessed from a name or a type that does not say it.
public enum FitFacts {
    /// Whether a setting meets a preference, as far as the catalogue knows.
    public enum Outcome: Sendable, Hashable {
        case met
        /// Known not to meet it (e.g. more pupils than a small setting has).
        case notMet
        case unknown
    }

    /// Size groups for the "small setting" threshold: a mainstream primary, a mainstream secondary (or
    /// all-through, middle), and every other setting (special, AP, nursery, college, or of unknown type).
    public enum SizeGroup: UInt8, Sendable {
        case primary = 0, secondary = 1, other = 2
    }

    public static func sizeGroup(_ s: Setting) -> SizeGroup {
        guard s.isMainstreamInLaw, s.type != .earlyYears else { return .other }
        switch s.phase {
        case .primary?, .middleDeemedPrimary?: return .primary
        case .secondary?, .middleDeemedSecondary?, .allThrough?: return .secondary
        default: return .other
        }
    }

    /// Largest number of pupils a setting of a size group may have and still count as small.
    public static func smallMaxPupils(_ g: SizeGroup, _ w: Weights) -> Double {
        switch g {
        case .primary: w.fitSmallPrimaryMaxPupils
        case .secondary: w.fitSmallSecondaryMaxPupils
        case .other: w.fitSmallOtherMaxPupils
        }
    }

    /// The newest known pupil total and the field it came from: `on-roll`, or the total of the dated census
    /// counts (`pupils-with-ehcp`, `pupils-on-sen-support`), whichever is newest (on-roll first on a tie).
    public static func pupilTotal(_ s: Setting) -> (count: Int, field: String)? {
        var best: (count: Int, field: String, asOf: AsOfDate)?
        let candidates: [(Int?, String)] = [(s.onRoll, SettingFile.Field.onRoll.rawValue),
                                            (s.pupilsWithEHCP?.total, SettingFile.Field.pupilsWithEHCP.rawValue),
                                            (s.pupilsOnSENSupport?.total, SettingFile.Field.pupilsOnSENSupport.rawValue)]
        for case let (n?, field) in candidates {
            let asOf = s.provenance[field]?.asOf ?? .undated
            if best == nil || asOf.isNewer(than: best!.asOf) { best = (n, field, asOf) }
        }
        return best.map { ($0.count, $0.field) }
    }

    /// Small setting: classes published at or below `fit.small-class-size` (a largest class, or the
    /// `small-classes` facility); else the newest pupil total at or below the size group's threshold.
    public static func smallSetting(_ s: Setting, _ w: Weights) -> Outcome {
        if let c = s.largestClass, Double(c) <= w.fitSmallClassSize { return .met }
        if s.facilities?.contains(.smallClasses) == true { return .met }
        guard let n = pupilTotal(s)?.count else { return .unknown }
        return Double(n) <= smallMaxPupils(sizeGroup(s), w) ? .met : .notMet
    }

    /// Peers with similar needs: a designation (complete or partial) that names the child's primary need.
    /// Counts of pupils with EHC plans are never used: they do not say which needs.
    public static func peersSimilarNeeds(_ s: Setting, primary: NeedCode) -> Outcome {
        if s.needs?.contains(primary) == true || s.partialNeeds?.contains(primary) == true { return .met }
        if s.needs != nil && s.hasSpecialistOffer { return .notMet }
        return .unknown
    }

    /// Time with mainstream peers: a setting that is a mainstream school in law (with or without a resourced
    /// provision). A special school or AP is not assumed to offer it (known not, until its report or an
    /// officer says so); an unknown type is unknown.
    public static func timeWithMainstreamPeers(_ s: Setting) -> Outcome {
        if s.isMainstreamInLaw { return .met }
        return s.type == .unknown ? .unknown : .notMet
    }

    public static func outcome(_ f: FitPreference, _ s: Setting, primary: NeedCode, _ w: Weights) -> Outcome {
        switch f {
        case .smallSetting: smallSetting(s, w)
        case .peersSimilarNeeds: peersSimilarNeeds(s, primary: primary)
        case .timeWithMainstreamPeers: timeWithMainstreamPeers(s)
        }
    }
}
