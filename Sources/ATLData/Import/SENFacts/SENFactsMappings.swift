import ATLModel

/// The mapping tables the `sen-facts` importers apply (the reasons for every row are in `docs/sen-facts.md`
/// and were worked out value by value over the shipped files). Every table is exhaustive for those files: a
/// value not in a table is never guessed — the cell gives nothing, the row goes to the to-confirm report
/// ("value not in the mapping table") and the importer warns.
public enum SENFactsMappings {
    // MARK: Census 2019 SCHOOLTYPE

    /// What a census `SCHOOLTYPE` says about the setting group.
    public enum CensusType: Sendable, Hashable {
        case group(SettingType)
        /// "State-funded secondary" also covers 16–19 academies and sixth-form colleges: precise only with the
        /// catalogue's phase (secondary, middle or all-through → mainstream; 16 plus → post-16).
        case secondaryByPhase
        /// "Independent school" covers independent mainstream and independent special schools: never applied.
        case ambiguous
    }

    public static let censusType: [String: CensusType] = [
        "State-funded primary": .group(.mainstream),
        "State-funded secondary": .secondaryByPhase,
        "State-funded special school": .group(.special),
        "Pupil referral unit": .group(.alternativeProvision),
        "State-funded nursery": .group(.earlyYears),
        "Non-maintained special school": .group(.nonMaintainedSpecial),
        "Independent school": .ambiguous,
    ]

    /// The census secondary type with the catalogue's phase: the group, or nil when the phase cannot tell.
    public static func secondaryGroup(phase: Phase?) -> SettingType? {
        switch phase {
        case .secondary?, .middleDeemedSecondary?, .allThrough?: .mainstream
        case .sixteenPlus?: .post16
        default: nil
        }
    }

    // MARK: Section 41 lists

    /// Institution type on the s41 list and the not-approved list → group.
    public static let listType: [String: SettingType] = [
        "Independent special school": .independentSpecial,
        "Special post-16 institution": .post16,
        "Other independent special school": .independentSpecial,
        "Non-maintained special school": .nonMaintainedSpecial,
    ]

    // MARK: Local Offer

    /// What a Local Offer row is about.
    public enum RowMeaning: String, Sendable, Hashable {
        /// The matched setting itself.
        case setting
        /// A post-16 satellite of the matched special school elsewhere: the school's type only.
        case satellite
        /// A proposal or plan: not provision in being.
        case proposal
        /// A site, satellite or hub of another setting, or several settings.
        case otherSetting = "other-setting"
        /// An LA-wide figure.
        case localAuthority = "la"
    }

    public struct ProvisionKind: Sendable, Hashable {
        public var meaning: RowMeaning
        public var group: SettingType?
        public var provision: SpecialistProvisionKind?
    }

    public static let provisionKind: [String: ProvisionKind] = {
        func k(_ m: RowMeaning, _ g: SettingType? = nil, _ p: SpecialistProvisionKind? = nil) -> ProvisionKind {
            ProvisionKind(meaning: m, group: g, provision: p)
        }
        return [
            "special school": k(.setting, .special),
            "special school (maintained)": k(.setting, .special),
            "special school (maintained, generic)": k(.setting, .special),
            "special school (two sites)": k(.setting, .special),
            "special school (residential, all-age)": k(.setting, .special),
            "special school (primary, residential provision \"Kiplings\")": k(.setting, .special),
            "special free school (post-16)": k(.setting, .special),
            "independent special school": k(.setting, .independentSpecial),
            "pupil referral unit / AP": k(.setting, .alternativeProvision),
            "resourced provision (SEN hub)": k(.setting, .mainstream, .resourcedProvision),
            "specialist resourced provision (SRP)": k(.setting, .mainstream, .resourcedProvision),
            "resourced provision / satellite": k(.setting, .mainstream, .resourcedProvision),
            "SEN unit": k(.setting, .mainstream, .senUnit),
            "special school post-16 satellite": k(.satellite, .special),
            "resourced provision (proposed)": k(.proposal),
            "specialist provision hub (planned)": k(.proposal),
            "early years SEN provision (proposal)": k(.proposal),
            "special school satellite": k(.otherSetting),
            "special school post-16 site": k(.otherSetting),
            "special school post-16": k(.otherSetting),
            "special school post-19": k(.otherSetting),
            "specialist hub (satellite of Haughton; pupils on Haughton roll)": k(.otherSetting),
            "specialist hub (satellite of Haughton)": k(.otherSetting),
            "specialist hub (satellite of Southall; pupils on Southall roll)": k(.otherSetting),
            "specialist provision hub": k(.otherSetting),
            "specialist provision hubs": k(.otherSetting),
            "special schools": k(.otherSetting),
            "special schools (to form one school)": k(.otherSetting),
            "special provision": k(.otherSetting),
            "LA total": k(.localAuthority),
        ]
    }()

    /// How much of a designation a need wording names.
    public enum NeedScope: String, Sendable, Hashable {
        /// The wording names the whole designation.
        case complete
        /// Codes are named but the wording says there is more: earns credit, never excludes.
        case partial
        /// Nothing maps unambiguously (an area, "generic", not a need): the wording is shown, no codes.
        case none
    }

    public struct NeedMapping: Sendable, Hashable {
        public var codes: [NeedCode]
        public var scope: NeedScope
    }

    /// Need wording as published → codes. Broad areas ("communication and interaction", "C&I") never map to
    /// codes: an area covers several codes and the page does not say which.
    public static let needs: [String: NeedMapping] = {
        func m(_ c: [NeedCode], _ s: NeedScope) -> NeedMapping { NeedMapping(codes: c, scope: s) }
        return [
            "": m([], .none),
            "broad range of SEN incl. severe, complex and profound learning disabilities": m([.SLD, .PMLD], .partial),
            "primary need moderate or mild learning disabilities": m([.MLD], .partial),
            "primary need social, emotional and/or mental health": m([.SEMH], .complete),
            "primary SEMH": m([.SEMH], .complete),
            "communication and interaction": m([], .none),
            "generic": m([], .none),
            "generic (2018 proposal: communication and interaction incl. autism)": m([], .none),
            "generic (2018 review: communication and interaction)": m([], .none),
            "pupils taught out of mainstream for a limited period": m([], .none),
            "SEMH with neurodivergent needs": m([.SEMH], .partial),
            "moderate learning difficulties (vocational)": m([.MLD], .complete),
            "moderate learning difficulties": m([.MLD], .complete),
            "autistic spectrum conditions and SLCN": m([.ASD, .SLCN], .complete),
            "complex needs in at least two areas; primary need cognition and learning, with C&I and sensory/physical; some SEMH": m([], .none),
            "communication and interaction incl. autism and associated cognition and learning": m([.ASD], .partial),
            "communication and interaction incl. autism": m([.ASD], .partial),
            "communication and interaction, may include autism and cognition and learning": m([.ASD], .partial),
            "North: significant autism diagnosis; South: SEMH": m([.ASD, .SEMH], .complete),
            "ASD": m([.ASD], .complete),
            "SEMH": m([.SEMH], .complete),
            "HI": m([.HI], .complete),
            "PD": m([.PD], .complete),
            "C&I": m([], .none),
            "SPLD/Dyslexia": m([.SPLD], .complete),
            "SEMH/C&I": m([.SEMH], .partial),
            "SEMH; may also have MLD and health conditions": m([.SEMH], .complete),
            "severe or complex learning difficulties": m([.SLD], .partial),
            "severe and complex learning disabilities incl. autism": m([.SLD], .partial),
            "language and communication; complex learning difficulties (early years base)": m([.SLCN], .partial),
            "generic incl. PMLD, SLD, ASD": m([.PMLD, .SLD, .ASD], .partial),
            "physical disabilities and/or complex medical needs; may have additional needs": m([.PD], .partial),
            "majority MLD; also SLCN, ASD, SLD": m([.MLD, .SLCN, .ASD, .SLD], .complete),
            "speech, language and communication difficulties": m([.SLCN], .complete),
            "physical disabilities and complex medical needs": m([.PD], .partial),
            "physical disabilities; many with additional learning and complex communication needs; VI/HI support": m([.PD], .partial),
            "all students have an EHCP": m([], .none),
            "autistic spectrum condition, SLCN, learning difficulties with challenging behaviour": m([.ASD, .SLCN], .partial),
            "SEMH; all pupils have an EHCP": m([.SEMH], .complete),
            "SEN priorities listed 2014: PMLD, MLD, SLD, PD": m([.PMLD, .MLD, .SLD, .PD], .complete),
        ]
    }()

    /// `date_context` → as-of: the date the page states for itself; a date it only refers to, or "c.", is
    /// undated.
    public static let localOfferAsOf: [String: String] = [
        "undated page (older version)": "undated",
        "page undated; proposal July 2018": "undated",
        "page undated; review 2017-18": "undated",
        "undated page": "undated",
        "page refers to Sept 2024": "undated",
        "page refers to 2024": "undated",
        "2017-18 review": "2018",
        "proposed from Sept 2024": "undated",
        "undated pages": "undated",
        "c.2019-2022": "undated",
        "news, undated (archive)": "undated",
        "opened 2022": "2022",
        "news 9 Feb 2026": "2026-02-09",
        "Oct 2023 news": "2023-10",
        "undated local offer page": "undated",
        "Feb 2015": "2015-02",
        "March 2024 cabinet report": "2024-03",
        "March 2020 news": "2020-03",
        "opened Sept 2021; run by Accordia Academies Trust (formerly Barrs Court Trust)": "2021-09",
        "2023 news": "2023",
        "Aug 2023 news": "2023-08",
        "proposal c.2025": "2025",
        "SEN information report (references Feb 2016 Ofsted)": "undated",
        "Ofsted Sept 2012 text": "2012-09",
        "proposal Jan 2017": "2017-01",
        "2019 news; undated local offer": "undated",
        "undated SEN details page": "undated",
        "Jan 2019 news": "2019-01",
        "news (undated, c.2024-25)": "undated",
        "Jan 2023 news": "2023-01",
        "2014 EduBase mirror; 2023 news": "2014",
    ]

    /// Places text → specialist places, only where the text is a plain count of the setting's own places now
    /// (never pupils, plans, proposals, per-hub or LA totals).
    public static let places: [String: Int] = [
        "places for 134 children; classes up to 15": 134,
        "84 places; max 9 per class; plus intervention class of max 12 (no EHCP)": 84,
        "50 places": 50,
        "362 FTE commissioned places; proposal to 398 from Jan 2026": 362,
        "92 planned places": 92,
        "25 places; programme for 88 further SEND resource/unit places": 25,
    ]

    /// Places text → largest class size, where published.
    public static let largestClass: [String: Int] = [
        "places for 134 children; classes up to 15": 15,
        "84 places; max 9 per class; plus intervention class of max 12 (no EHCP)": 9,
    ]

    /// The age range of a whole-setting row: a cell starting `N-M` in whole years with N ≤ M ≤ 25
    /// ("4-19 (Reception to Y14)" → 4-19); key stages, phases and years ("KS2 (Y3-6)", "Primary") → nil.
    public static func ageRange(_ cell: String) -> AgeRange? {
        let lead = cell.prefix { $0.isNumber || $0 == "-" }
        let rest = cell.dropFirst(lead.count)
        guard rest.isEmpty || rest.first == " " else { return nil }
        let parts = lead.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              let lo = Int(parts[0]), let hi = Int(parts[1]), lo <= hi, hi <= 25 else { return nil }
        return AgeRange(low: lo, high: hi)
    }

    // MARK: Names

    /// A name folded for the report-link match: lower case, '&' → 'and', punctuation dropped, spaces collapsed.
    public static func foldedName(_ s: String) -> String {
        var out = ""
        for ch in s.lowercased().replacingOccurrences(of: "&", with: "and") {
            if ch.isLetter || ch.isNumber { out.append(ch) } else if ch == " " { out.append(" ") }
        }
        return out.split(separator: " ").joined(separator: " ")
    }
}

import Foundation
