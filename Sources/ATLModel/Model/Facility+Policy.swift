/// Facts about facilities the matching policy relies on (`docs/matching-policy.md`), declared once.
extension Facility {
    /// Provision an LA's sensory support service commonly brings into a mainstream school for a child: a qualified
    /// teacher of the deaf or of children with vision impairment, and radio aids. A mainstream school that does not
    /// list one may still meet the need once the service provides it: that is a decision for the officer, so a
    /// list never leaves such schools off silently (it says how many, policy R15 and the lead's decision on
    /// LA-provided services).
    public static let providedByLAServices: FacilitySet = [FacilitySet(.qtod), FacilitySet(.qtvi), FacilitySet(.radioAids)]
}

/// Equivalent facilities (policy R15), declared in one table: a requirement or wish for a facility is met by the
/// facility itself or by every facility of one of its alternatives. Used by the must-have rule, desirable
/// facility points and report evidence (through the compiled index's facilities), and named in explanations.
public enum FacilityEquivalence {
    /// A requirement is met by the facility itself or by every facility of one alternative.
    public static let alternatives: [Facility: [FacilitySet]] = [
        // A step-free building on one level has no floors a lift would serve.
        .lift: [[FacilitySet(.singleStorey), FacilitySet(.stepFree)]],
    ]

    /// The facilities a setting effectively has: those it lists, plus every facility an alternative of which it
    /// lists in full.
    public static func effective(_ declared: FacilitySet) -> FacilitySet {
        var out = declared
        for (f, alternatives) in alternatives where !declared.contains(f) {
            if alternatives.contains(where: { declared.isSuperset(of: $0) }) { out.insert(FacilitySet(f)) }
        }
        return out
    }

    /// The alternative by which `declared` meets `f` when it does not list `f` itself; nil when it lists `f` or
    /// meets it by no alternative.
    public static func meetsBy(_ f: Facility, in declared: FacilitySet) -> [Facility]? {
        guard !declared.contains(f) else { return nil }
        return alternatives[f]?.first { declared.isSuperset(of: $0) }?.facilities
    }

    /// How an equivalence meets a facility, in words ("single-storey and step-free: no lift needed").
    public static func explanation(_ f: Facility, by alternative: [Facility]) -> String {
        if f == .lift && Set(alternative) == [.singleStorey, .stepFree] { return "single-storey and step-free: no lift needed" }
        return "\(alternative.map(\.rawValue).joined(separator: " and ")): meets the need for \(f.title)"
    }
}
