import ATLModel
import ATLData

/// How a setting provides for one of the child's need codes (policy R5, `docs/matching-policy.md`).
public enum ProvisionClass: Int, CaseIterable, Sendable, Hashable {
    /// A mainstream school (or college, nursery, fee-paying school) with no provision designated for the need:
    /// it meets it through the support it gives every pupil with SEN.
    case mainstream
    /// A resourced provision, SEN unit, college department or enhanced nursery designated for the need, in a
    /// mainstream setting (still a mainstream school: *AA v Hounslow* [2025] UKUT 225 (AAC)).
    case designatedMainstream
    /// A special school (maintained, academy, non-maintained, independent) or special post-16 institution
    /// designated for the need.
    case designatedSpecial
    /// Alternative provision (listed only when asked for, policy R8).
    case alternativeProvision
    /// A specialist setting designated for other needs only: not suitable for it (R10).
    case otherSpecialist
    /// Not known: the setting's type, or a specialist setting's designated needs, are not published. Earns
    /// nothing, is never left off (unknown never excludes), never leads.
    case unknown

    /// Key in the weights file and explanations.
    public var key: String {
        switch self {
        case .mainstream: "mainstream"
        case .designatedMainstream: "designated-mainstream"
        case .designatedSpecial: "designated-special"
        case .alternativeProvision: "ap"
        case .otherSpecialist: "other-specialist"
        case .unknown: "unknown"
        }
    }

    /// The class of a setting for one need code, from the compiled index's flags (the pair loop's version).
    @inline(__always) static func of(bit: UInt16, flags f: UInt16, needs: UInt16, type: UInt8) -> ProvisionClass {
        let designated = f & CompiledIndex.Flag.needsKnown != 0 && needs & bit != 0
        if f & CompiledIndex.Flag.mainstreamLike != 0 { return designated ? .designatedMainstream : .mainstream }
        if f & CompiledIndex.Flag.specialistType != 0 {
            if designated { return .designatedSpecial }
            return f & CompiledIndex.Flag.needsKnown != 0 ? .otherSpecialist : .unknown
        }
        if Int(type) == SettingType.alternativeProvision.bit { return .alternativeProvision }
        return .unknown
    }

    /// The class of a setting for one need code (explanations; the same rule as the pair loop's).
    public static func of(_ s: Setting, need: NeedCode) -> ProvisionClass {
        let designated = s.needs?.contains(need) ?? false
        if CompiledIndex.providesThroughMainstream(s) { return designated ? .designatedMainstream : .mainstream }
        if s.isSpecialistProvider {
            if designated { return .designatedSpecial }
            return s.needs == nil ? .unknown : .otherSpecialist
        }
        return s.type == .alternativeProvision ? .alternativeProvision : .unknown
    }
}

/// The bands of policy R5: which provision level the law and the severity of the primary need point to first.
/// Bands are policy, not weights: they decide what leads a list, while the need share (weights
/// `need.share.<class>.<severity>`) grades fit within a band.
///
/// - Band A (2), *meets the need*: mild and moderate needs lead with mainstream schools and provision designated
///   for the need in them, which the presumption of mainstream points to (Children and Families Act 2014 s33;
///   SEND Code of Practice 1.26); severe and profound needs lead with designated specialist provision.
/// - Band B (1), *may also meet the need*: a special school for a mild or moderate need (more specialist than the
///   need usually calls for: suitability to "ability, aptitude and SEN", s39(4)(a), is about the level of
///   provision as much as its kind); a plain mainstream school for a severe need; a resourced provision for a
///   profound need; alternative provision (education for a time).
/// - Not listed (0): a plain mainstream school for a profound learning or communication need, and a specialist
///   setting designated for other needs. The family may still ask for a mainstream school (s33): the list says so.
///
/// Sensory and physical needs (HI, VI, MSI, PD) differ: specialist teaching and access, not the level of learning
/// difficulty, decide the provision, so designated provision is band A at every severity (a special school is B
/// only for a mild need), and a mainstream school may also meet a severe or profound need.
public enum NeedBand {
    public static func band(_ c: ProvisionClass, _ s: Severity, need: NeedCode) -> UInt8 {
        let sensory = need == .HI || need == .VI || need == .MSI || need == .PD
        switch (c, s) {
        case (.mainstream, .mild), (.mainstream, .moderate): return 2
        case (.mainstream, .severe): return 1
        case (.mainstream, .profound): return sensory ? 1 : 0
        case (.designatedMainstream, .profound): return sensory ? 2 : 1
        case (.designatedMainstream, _): return 2
        case (.designatedSpecial, .mild): return 1
        case (.designatedSpecial, .moderate): return sensory ? 2 : 1
        case (.designatedSpecial, _): return 2
        case (.alternativeProvision, _), (.unknown, _): return 1
        case (.otherSpecialist, _): return 0
        }
    }
}

extension CompiledIndex {
    /// Settings whose provision for a need they are not designated for is what a mainstream school ordinarily
    /// provides: mainstream and resourced schools, mainstream colleges and sixth forms, nursery schools and
    /// fee-paying independent schools. Not special schools, special post-16 institutions, alternative provision or
    /// settings of unknown type.
    static func providesThroughMainstream(_ s: Setting) -> Bool {
        switch s.type {
        case .mainstream, .mainstreamResourced, .independent, .earlyYears: true
        case .post16: !s.isSpecialPost16Institution
        default: false
        }
    }
}

extension Weights {
    /// Share of the need points a setting of class `c` earns for a need of severity `s` (0 for a specialist
    /// setting designated for other needs and for unknown provision).
    public func needShare(_ c: ProvisionClass, _ s: Severity) -> Double {
        switch c {
        case .mainstream: [shareMainstreamMild, shareMainstreamModerate, shareMainstreamSevere, shareMainstreamProfound][s.index]
        case .designatedMainstream: [shareDesignatedMainstreamMild, shareDesignatedMainstreamModerate, shareDesignatedMainstreamSevere, shareDesignatedMainstreamProfound][s.index]
        case .designatedSpecial: [shareDesignatedSpecialMild, shareDesignatedSpecialModerate, shareDesignatedSpecialSevere, shareDesignatedSpecialProfound][s.index]
        case .alternativeProvision: [shareAPMild, shareAPModerate, shareAPSevere, shareAPProfound][s.index]
        case .otherSpecialist, .unknown: 0
        }
    }
}

extension Severity {
    var index: Int { Severity.allCases.firstIndex(of: self)! }
}
