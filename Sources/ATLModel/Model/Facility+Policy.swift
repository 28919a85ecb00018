/// Facts about facilities the matching policy relies on (`docs/matching-policy.md`), declared once.
extension Facility {
    /// Provision an LA's sensory support service commonly brings into a mainstream school for a child: a qualified
    /// teacher of the deaf or of children with vision impairment, and radio aids. A mainstream school that does not
    /// list one may still meet the need once the service provides it: that is a decision for the officer, so a
    /// list never leaves such schools off silently (it says how many, policy R15 and the lead's decision on
    /// LA-provided services).
    public static let providedByLAServices: FacilitySet = [FacilitySet(.qtod), FacilitySet(.qtvi), FacilitySet(.radioAids)]
}
