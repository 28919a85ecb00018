/// What a setting is in law, for the matching policy (`docs/matching-policy.md`): mainstream or specialist,
/// maintained or independent. Read from the setting type and, for post-16 institutions, the GIAS type of
/// establishment (a special post-16 institution is a `post-16` setting in the catalogue's type groups).
extension Setting {
    /// A special post-16 institution (GIAS "Special post 16 institution" or "Other independent special post 16
    /// institution"): an independent specialist college, not a mainstream post-16 institution (Children and
    /// Families Act 2014 s83(2)).
    public var isSpecialPost16Institution: Bool {
        guard type == .post16, let g = giasType?.lowercased() else { return false }
        return g.contains("special post 16") || g.contains("special post-16")
    }

    /// Provides through specialist provision for the needs it is designated for: a special school (maintained,
    /// academy, non-maintained or independent) or a special post-16 institution. A setting like this that is not
    /// designated for the child's primary need is not suitable for it (policy R10).
    public var isSpecialistProvider: Bool {
        switch type {
        case .special, .nonMaintainedSpecial, .independentSpecial: true
        case .post16: isSpecialPost16Institution
        default: false
        }
    }

    /// Outside LA maintenance (independent, non-maintained, independent specialist college) and usually far
    /// costlier: lists label it and order it after maintained settings that meet the need as well (policy R6).
    public var isIndependentSector: Bool { type.isIndependentSector || isSpecialPost16Institution }

    /// Can be on the Secretary of State's list of approved independent special schools and special post-16
    /// institutions (Children and Families Act 2014 s41): independent special schools and special post-16
    /// institutions. Non-maintained special schools are approved under another route and can be asked for
    /// directly (s38(3)(e)).
    public var isS41Eligible: Bool { type == .independentSpecial || isSpecialPost16Institution }

    /// A maintained nursery school, mainstream school (maintained or academy, not special) or mainstream post-16
    /// institution: the settings the presumption of mainstream education is about (Children and Families Act 2014
    /// s33, s83(2)). Never an independent school, even a fee-paying mainstream one.
    public var isMainstreamInLaw: Bool {
        switch type {
        case .mainstream, .mainstreamResourced, .earlyYears: true
        case .post16: !isSpecialPost16Institution
        default: false
        }
    }
}
