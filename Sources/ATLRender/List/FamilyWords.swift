import ATLModel
import ATLEngine

/// What a family reads about a list, worded from the list's facts (issue 14): how each setting meets what the
/// profile asked (the need, the plan's must-haves, the journey, places) and a specific reason it is listed, how
/// many settings were left off and why. No points: those are for the officer (`ListHTML`'s officer section).
/// Shared by the HTML page and the Markdown list so both say the same things; the wording follows the matching
/// policy (`docs/matching-policy.md`: bands R5, cautions with questions R16, long journeys R2).
public enum FamilyWords {
    // MARK: The child and the journey

    /// Year 12 and above: statutory walking distance (Education Act 1996 s444(5)) is about compulsory school age;
    /// transport for students aged 16 to 19 follows the LA's post-16 transport policy instead.
    public static func isPost16(_ l: AdvisoryList) -> Bool { l.placementYear >= 12 }

    /// "12 miles", "12.5 miles", "1 mile".
    public static func miles(_ km: Double) -> String {
        var m = ListText.miles(km)
        if m.hasSuffix(".0") { m.removeLast(2) }
        return m + (m == "1" ? " mile" : " miles")
    }

    public static func year(_ y: Int) -> String { y == 0 ? "Reception" : y < 0 ? "nursery" : "Year \(y)" }

    /// "autism", "speech, language and communication needs": a need's plain name inside a sentence.
    public static func needName(_ n: NeedCode) -> String {
        let p = n.plainName
        return p.lowercasedFirstLetter
    }

    /// "Autism (ASD), severe": the code once, in its own brackets, never inside another pair.
    public static func needWithSeverity(_ n: NeedCode, _ s: Severity) -> String { "\(n.plainLabel), \(s.rawValue)" }

    /// The profile the list was built from, in plain words (postcode district only, never an address).
    public static func profileLines(_ l: AdvisoryList) -> [(String, String)] {
        var out: [(String, String)] = [("Reference", l.reference), ("Placement for", year(l.placementYear)),
                                       ("Primary need (the main need)", needWithSeverity(l.primaryNeed, l.primarySeverity))]
        if !l.secondaryNeeds.isEmpty {
            out.append(("Other needs", l.secondaryNeeds.map { needWithSeverity($0.code, $0.severity) }.joined(separator: "; ")))
        }
        if !l.mustHave.isEmpty { out.append(("The plan requires", l.mustHave.map(\.title).joined(separator: "; "))) }
        if !l.desirable.isEmpty { out.append(("Would like", l.desirable.map(\.title).joined(separator: "; "))) }
        var home = l.homeDistrict.map { "postcode district \($0)" } ?? "given as map coordinates"
        if let la = l.homeLA { home += ", in \(la.name)" }
        out.append(("Home", home))
        out.append(("Longest journey", "\(miles(l.maxJourneyKm)) by road, as given in the profile"))
        out.append(("Walking distance", walkingDistance(l)))
        return out
    }

    /// Statutory walking distance where it applies; for post-16 students, that transport works differently.
    public static func walkingDistance(_ l: AdvisoryList) -> String {
        if isPost16(l) {
            return "Does not apply: transport for students aged 16 to 19 works differently. Ask the LA about its post-16 transport policy."
        }
        return "\(miles(l.walkingDistanceKm)) for this age (the statutory walking distance). For a school further away the child may qualify for free transport from the LA, and a child with special educational needs (SEN) may qualify nearer."
    }

    // MARK: How one setting meets what was asked

    /// How a listed setting meets the primary need, as the policy's bands say it (R5), with "not known" where the
    /// setting does not publish what it provides for.
    public enum NeedFit: String, Sendable {
        case meets, mayMeet, notKnown, cannotAdmit

        public var title: String {
            switch self {
            case .meets: "Meets the need"
            case .mayMeet: "May also meet the need"
            case .notKnown: "Not known: ask"
            case .cannotAdmit: "Cannot admit the child"
            }
        }

        /// For the Easy Read summary.
        public var easy: String {
            switch self {
            case .meets: "meets the child's needs"
            case .mayMeet: "may meet the child's needs"
            case .notKnown: "may meet the child's needs: ask"
            case .cannotAdmit: "cannot take the child"
            }
        }
    }

    static func designatedForPrimary(_ e: ListEntry, _ l: AdvisoryList) -> Bool { e.setting.needs?.contains(l.primaryNeed) ?? false }

    /// The setting's type, or a specialist setting's designation, is not published (provision class *unknown*).
    static func provisionUnknown(_ s: Setting) -> Bool { s.type == .unknown || (s.isSpecialistProvider && s.needs == nil) }

    public static func needFit(_ e: ListEntry, _ l: AdvisoryList) -> NeedFit {
        switch e.band {
        case .namedNotAdmitting: .cannotAdmit
        case .meetsNeed: .meets
        case .mayAlsoMeet: provisionUnknown(e.setting) ? .notKnown : .mayMeet
        }
    }

    /// Why it meets (or may meet) the need, in a phrase: "designated for autism", "a mainstream school, the usual
    /// level for a moderate need".
    public static func needDetail(_ e: ListEntry, _ l: AdvisoryList) -> String {
        let s = e.setting
        let need = needName(l.primaryNeed)
        let sev = l.primarySeverity
        let a = "a \(sev.rawValue) need"
        if e.band == .namedNotAdmitting { return "the family named it, but it cannot take the child: see what to weigh" }
        if s.type == .alternativeProvision { return "alternative provision: education for a time, not a permanent place" }
        if s.type == .unknown { return "its type is not published: ask what it provides for \(need)" }
        if s.isSpecialistProvider && s.needs == nil { return "it does not publish which needs it is designated for: ask about \(need)" }
        if designatedForPrimary(e, l) {
            let in_ = s.isSpecialistProvider ? "" : s.type == .post16 ? " in a college" : s.type == .earlyYears ? " in a nursery"
                : isPost16(l) ? " in a school sixth form" : " in a mainstream school"
            switch e.band {
            case .meetsNeed: return "designated for \(need)\(in_)"
            default:
                return s.isSpecialistProvider ? "designated for \(need), but more specialist than \(a) usually calls for"
                    : "designated for \(need)\(in_), but \(a) usually calls for a special school"
            }
        }
        if s.isSpecialistProvider {
            let severe = l.secondaryNeeds.filter { $0.severity >= .severe && (s.needs?.contains($0.code) ?? false) }.map { needName($0.code) }
            if !severe.isEmpty { return "designated for the child's \(severe.joined(separator: " and ")), not for \(need)" }
            return "not designated for \(need)"
        }
        // Mainstream provision: band A for a mild or moderate need, or when the family asked for mainstream first.
        if e.band == .meetsNeed {
            return sev <= .moderate ? "\(article(kind(s, l).one)), the usual level for \(a)" : "\(article(kind(s, l).one)), which the family asked for first"
        }
        return "a mainstream school with no provision designated for \(need); \(a) usually calls for more"
    }

    /// What the plan requires (must-haves): met, missing or not known; nil when the profile requires nothing.
    public enum MustHaves: Equatable, Sendable {
        case met([Facility]), missing([Facility]), notKnown

        public var short: String {
            switch self {
            case .met: "Yes"
            case .missing(let f): "No: " + f.map(\.title).joined(separator: ", ")
            case .notKnown: "Not known: ask"
            }
        }
    }

    public static func mustHaves(_ e: ListEntry, _ l: AdvisoryList) -> MustHaves? {
        guard !l.mustHave.isEmpty else { return nil }
        guard let listed = e.setting.facilities else { return .notKnown }
        let has = FacilityEquivalence.effective(listed)
        let missing = l.mustHave.filter { !has.contains($0) }
        return missing.isEmpty ? .met(l.mustHave) : .missing(missing)
    }

    public static func mustHavesLong(_ m: MustHaves) -> String {
        switch m {
        case .met(let f): "Has what the plan requires: " + f.map(\.title).joined(separator: "; ") + "."
        case .missing(let f): "Does not list what the plan requires: " + f.map(\.title).joined(separator: "; ") + "."
        case .notKnown: "Not known: its facilities are not published. Ask whether it has what the plan requires."
        }
    }

    /// "1.8 miles, about 5 minutes by car" (table).
    public static func journeyShort(_ e: ListEntry) -> String {
        guard let km = e.distanceKm else { return "Not known: ask where it is" }
        var j = "\(miles(km)), about \(e.minutes ?? 0) min by car"
        if e.labels.contains(.longJourney) { j += "; long journey" }
        return j
    }

    /// The journey with how it was measured, and walking distance only where it applies (not post-16).
    public static func journeyLong(_ e: ListEntry, _ l: AdvisoryList) -> String {
        guard let km = e.distanceKm else { return "Not known: its location is not in the catalogue. Ask where it is." }
        var j = "\(miles(km)) by road (\(Fixed.format(km, places: 1)) km), about \(e.minutes ?? 0) minutes by car, "
        j += e.distanceFromMatrix ? "from travel-time data." : "estimated from the straight-line distance."
        if e.labels.contains(.longJourney) { j += " A long journey: further than the \(miles(l.maxJourneyKm)) in the profile." }
        if !isPost16(l) {
            // The engine's statement knows the under-8 distance, the 8th birthday in Year 3 and Reception.
            if let w = e.walking {
                j += " " + w.brief.capitalisedFirstLetter + "."
                if w.kind == .beyond || w.kind == .beyondUntilEighthBirthday { j += " The child may qualify for free transport." }
            } else {
                j += e.withinWalkingDistance ? " Within the statutory walking distance for this age (\(miles(l.walkingDistanceKm)))."
                    : " Beyond the statutory walking distance for this age (\(miles(l.walkingDistanceKm))): the child may qualify for free transport."
            }
        }
        return j
    }

    /// Places free, saying whose places they are: specialist places (the provision the child would take) are
    /// never shown as if they were a whole school's places, and the other way round.
    public enum Places: Equatable, Sendable {
        case specialist(Int), wholeSchool(Int), notKnown
    }

    public static func places(_ e: ListEntry, _ l: AdvisoryList) -> Places {
        guard let v = e.vacancies else { return .notKnown }
        let s = e.setting
        // The engine counts specialist places when the child would take one (designated for the primary need, or a
        // specialist setting or AP) and they are known; otherwise the whole school's.
        let specialistContext = designatedForPrimary(e, l) || s.type.isSpecialist || s.isSpecialistProvider
        if specialistContext, let sv = s.specialistVacancies, sv == v { return .specialist(v) }
        return .wholeSchool(v)
    }

    public static func placesShort(_ p: Places) -> String {
        switch p {
        case .specialist(0): "Full: no specialist places free"
        case .specialist(let v): "\(v) specialist place\(v == 1 ? "" : "s") free"
        case .wholeSchool(0): "Full: no places free in the whole school"
        case .wholeSchool(let v): "Whole school: \(v) place\(v == 1 ? "" : "s") free, any year"
        case .notKnown: "Not known: ask"
        }
    }

    public static func placesLong(_ p: Places, _ l: AdvisoryList) -> String {
        switch p {
        case .specialist(0): "Full: it reports no free places in its specialist provision. It stays on the list: the LA can still ask a full setting to take a child."
        case .specialist(let v): "\(v) free place\(v == 1 ? "" : "s") in its specialist provision, the places this child would take."
        case .wholeSchool(0): "Full: it reports no free places across the school. It stays on the list: the LA can still ask a full school to take a child."
        case .wholeSchool(let v): "\(v) free place\(v == 1 ? "" : "s") across the whole school, in any year group: not specialist places, and not necessarily in \(year(l.placementYear))."
        case .notKnown: "Not known: its places are not published. Ask whether it expects a place in \(year(l.placementYear))."
        }
    }

    // MARK: Why it is on the list

    /// What kind of setting it is, singular and plural: "special school", "mainstream school with a resourced provision".
    public static func kind(_ s: Setting, _ l: AdvisoryList) -> (one: String, many: String) {
        let post16 = isPost16(l)
        switch s.type {
        case .mainstream: return post16 ? ("school sixth form", "school sixth forms") : ("mainstream school", "mainstream schools")
        case .mainstreamResourced:
            let unit = s.specialistProvision == .senUnit ? "an SEN unit" : "a resourced provision"
            return post16 ? ("school sixth form with \(unit)", "school sixth forms with \(unit)")
                : ("mainstream school with \(unit)", "mainstream schools with \(unit)")
        case .special: return ("special school", "special schools")
        case .nonMaintainedSpecial: return ("non-maintained special school", "non-maintained special schools")
        case .independentSpecial: return ("independent special school", "independent special schools")
        case .independent: return ("fee-paying independent school", "fee-paying independent schools")
        case .alternativeProvision: return ("alternative provision", "alternative provision settings")
        case .post16: return s.isSpecialPost16Institution ? ("independent specialist college", "independent specialist colleges")
            : ("college", "colleges")
        case .earlyYears: return ("nursery", "nurseries")
        case .unknown: return ("setting of unpublished type", "settings of unpublished type")
        }
    }

    /// Entries that were among the eligible settings within the journey (not long journeys, and not named
    /// settings that break a hard rule): what the left-off count is counted against.
    static func fromEligiblePool(_ e: ListEntry) -> Bool {
        if e.labels.contains(.longJourney) || e.band == .namedNotAdmitting { return false }
        return !e.cautions.contains { $0.key == .needNotDesignated || $0.key == .lacksRequiredProvision }
    }

    /// Eligible settings within the journey that are not on the list (never below 0).
    public static func leftOff(_ l: AdvisoryList) -> Int { max(0, l.eligible - l.entries.filter(fromEligiblePool).count) }

    /// A specific reason this setting is on the list, relative to the others on it ("The nearest setting on this
    /// list designated for autism"), never "among the best matches".
    public static func whyListed(_ e: ListEntry, _ l: AdvisoryList) -> String {
        let s = e.setting
        let need = needName(l.primaryNeed)
        let k = kind(s, l)
        let limit = miles(l.maxJourneyKm)
        var r: String
        func dist(_ x: ListEntry) -> Double { x.distanceKm ?? .infinity }
        func nearest(among group: [ListEntry]) -> Bool {
            group.count > 1 && e.distanceKm != nil && group.allSatisfy { $0.setting.urn == s.urn || dist($0) > dist(e) }
        }
        let designated = designatedForPrimary(e, l)
        let near = l.entries.filter { !$0.labels.contains(.longJourney) && $0.band != .namedNotAdmitting }
        switch e.inclusion {
        case .addedByOfficer:
            r = "Added by the SEND officer who reviewed this list; their reason is in the notes"
        case .named:
            r = "The family asked for it"
            if e.band == .namedNotAdmitting { r += ", but it cannot take the child: see what to weigh" }
        case .longJourney, .nearestMaintained:
            let far = l.entries.filter { $0.labels.contains(.longJourney) && !$0.labels.contains(.namedByFamily) }
            let order = far.filter { dist($0) < dist(e) }.count
            let which = order == 0 ? "The nearest" : order == 1 ? "The next nearest" : "Among the nearest"
            let what = e.inclusion == .nearestMaintained ? "state-funded setting that meets the need" : "setting that meets the need"
            r = "\(which) \(what) beyond the \(limit) in the profile"
            let within = near.filter { $0.band == .meetsNeed }.count
            r += e.inclusion == .nearestMaintained ? ": none within it is state-funded and not judged Inadequate"
                : within == 0 ? ": none within it meets the need" : ": only \(within) within it meet\(within == 1 ? "s" : "") the need"
        case .designationNotPublished:
            r = "\(article(k.one).capitalisedFirstLetter) within \(limit) that does not publish which needs it is designated for: it may provide for \(need), so the list asks"
        case .diversity:
            r = "The closest match among \(k.many) within \(limit), so that the list shows more than one kind of setting"
        case .mayAlsoMeet, .score, .shareRelaxed:
            let group = near.filter { $0.band == e.band }
            let designatedGroup = group.filter { designatedForPrimary($0, l) }
            let sameKind = group.filter { kind($0.setting, l).one == k.one }
            let maintained = designatedGroup.filter { !$0.setting.isIndependentSector }
            if designated && nearest(among: designatedGroup) {
                r = "The nearest setting on this list designated for \(need)"
            } else if designated && designatedGroup.count > 1 && maintained.count == 1 && !s.isIndependentSector {
                r = "The only state-funded setting on this list designated for \(need)"
            } else if designated && designatedGroup.count == 1 && group.count > 1 {
                r = e.band == .meetsNeed ? "The only setting on this list that meets the need with provision designated for \(need)"
                    : "The only setting on this list designated for \(need) among those that may also meet the need"
            } else if group.count == 1 && e.band == .meetsNeed {
                r = "The only setting on this list within \(limit) that meets the need: \(designated ? "designated for \(need)" : article(k.one))"
                if let km = e.distanceKm { r += ", \(miles(km)) away" }
            } else if nearest(among: sameKind) {
                r = "The nearest \(k.one) on this list"
            } else if sameKind.count == 1 && group.count > 1 {
                r = "The only \(k.one) on this list"
            } else if leftOff(l) == 0 && e.band == .meetsNeed && e.inclusion != .mayAlsoMeet {
                let n = group.count
                r = "One of the \(n) settings within \(limit) that meet the need: \(designated ? "designated for \(need)" : article(k.one))"
                if let km = e.distanceKm { r += ", \(miles(km)) away" }
            } else {
                r = designated ? "Designated for \(need)" : article(k.one).capitalisedFirstLetter
                if let km = e.distanceKm { r += ", \(miles(km)) away" }
            }
            if e.inclusion == .mayAlsoMeet {
                r += "; it may also meet the need, and fewer than a handful of settings meet it"
            } else if e.inclusion == .shareRelaxed {
                r += "; few other kinds of setting were suitable"
            }
            if s.isIndependentSector && e.band == .meetsNeed
                && group.contains(where: { !$0.setting.isIndependentSector && $0.rank < e.rank }) {
                r += ". It comes after the state-funded settings that meet the need as well"
            }
            if e.cautions.contains(where: { $0.key == .inadequate })
                && group.contains(where: { x in x.rank < e.rank && !x.cautions.contains { $0.key == .inadequate } }) {
                r += ". Ofsted judged it Inadequate, so it comes after the settings in its group that are not"
            }
        }
        if case .met(let f)? = mustHaves(e, l), e.band != .namedNotAdmitting {
            r += ". It has what the plan requires: " + f.map(\.title).joined(separator: "; ")
        }
        return r + "."
    }

    /// "a special school", "an independent special school".
    static func article(_ noun: String) -> String {
        ("aeiou".contains(noun.prefix(1).lowercased()) ? "an " : "a ") + noun
    }

    // MARK: What the list left off

    /// How many eligible settings within the journey were left off, and why, in plain words.
    public static func leftOffLines(_ l: AdvisoryList) -> [String] {
        let limit = miles(l.maxJourneyKm)
        let listed = l.entries.filter(fromEligiblePool).count
        let off = leftOff(l)
        if l.eligible == 0 {
            return ["No setting within \(limit) meets or may meet the need\(l.entries.isEmpty ? "" : "; the settings listed are beyond that limit or were named by the family")."]
        }
        if off == 0 {
            return [l.eligible == 1 ? "The one setting within \(limit) that meets or may meet the need is on this list."
                    : "All \(l.eligible) settings within \(limit) that meet or may meet the need are on this list."]
        }
        var out = ["\(l.eligible) settings within \(limit) meet or may meet the need: \(listed) are on this list and \(off) \(off == 1 ? "is" : "are") not."]
        if l.leftOutByShare > 0 {
            out.append("\(l.leftOutByShare) of those left off meet the need as well as a listed setting, but were left off so that no one kind of setting fills the list.")
        }
        out.append("The others meet the need less closely, or only may meet it: the list is kept short, settings that meet the need come first, and settings that only may meet it are added only when fewer than a handful meet it.")
        out.append("A SEND officer can tell you about any of them, and you can ask for any setting to be considered.")
        return out
    }

    /// Settings not on the list at all, counted by the first rule each breaks, in plain words.
    public static func notListedLines(_ l: AdvisoryList) -> [String] {
        var out = l.namedSettingsNotListed.map { n in
            "Named by the family but not listed: \(n.name.map { "\($0) (URN \(n.urn))" } ?? "URN \(n.urn)"), because: \(n.reason)."
        }
        out.append("\(l.settingsConsidered) settings in the catalogue were checked, the information this list is built from.")
        let y = year(l.placementYear)
        for (rule, n) in l.excludedByRule {
            let are = n == 1 ? "is" : "are"
            let s: String
            switch rule {
            case .journey: s = "\(n) \(are) further than the \(miles(l.maxJourneyKm)) in the profile."
            case .notOpen: s = "\(n) \(are) closed or not yet open."
            case .phase: s = "\(n) do\(n == 1 ? "es" : "") not take pupils in \(y)."
            case .gender: s = "\(n) \(are) for the other sex."
            case .singleSexAvoided: s = "\(n) \(are) single-sex, which the family does not want."
            case .typeNotAllowed: s = "\(n) \(are) kinds of setting the profile does not ask about."
            case .alternativeProvisionNotAsked: s = "\(n) \(are) alternative provision, education for a time rather than a permanent place, which the profile does not ask for."
            case .feePayingNotAsked: s = "\(n) \(are) fee-paying independent schools, which the family has not asked for."
            case .needNotProvided: s = "\(n) \(are) specialist settings designated for other needs, not \(needName(l.primaryNeed))."
            case .notFit: s = "\(n) offer\(n == 1 ? "s" : "") a level of provision far from what a \(l.primarySeverity.rawValue) need usually calls for."
            case .mustHaveMissing: s = "\(n) do\(n == 1 ? "es" : "") not list what the plan requires."
            case .avoided: s = "\(n) the family asked not to list."
            case .full: s = "\(n) \(are) full, and the profile asks to leave full settings out."
            default: s = "\(n): \(rule.title)."
            }
            out.append(s)
        }
        let absent = absentKinds(l)
        if !absent.isEmpty {
            if l.entries.contains(where: { $0.setting.type == .unknown }) {
                out.append("No setting within \(miles(l.maxJourneyKm)) is known to be one of these kinds: \(absent). Some listed settings do not publish their type, so they may be.")
            } else {
                out.append("None of these kinds of setting within \(miles(l.maxJourneyKm)) meets or may meet the need: \(absent).")
            }
        }
        out.append("A SEND officer can explain why any particular setting is not on the list. You can still ask for any school or setting to be named in the EHCP.")
        return out
    }

    /// Kinds of setting with no eligible setting, worded so that none can be read as a kind that is listed
    /// ("mainstream schools without a resourced provision" beside a listed resourced provision), and leaving
    /// out kinds that never take the year group (nurseries from Year 1, colleges before Year 12).
    static func absentKinds(_ l: AdvisoryList) -> String {
        l.typesWithNoEligible.compactMap { t -> String? in
            switch t {
            case .earlyYears where l.placementYear > 0: return nil
            case .post16 where l.placementYear < 12: return nil
            case .mainstream: return isPost16(l) ? "school sixth forms without a resourced provision or unit" : "mainstream schools without a resourced provision or unit"
            case .mainstreamResourced: return isPost16(l) ? "school sixth forms with a resourced provision or unit" : "mainstream schools with a resourced provision or unit"
            default:
                return kind(Setting(urn: 0, name: "", type: t), l).many
            }
        }.joined(separator: "; ")
    }

    // MARK: Notes

    /// The engine's notes split into those for the family and those only an officer can act on (they speak of
    /// scores and rules); the latter are said to the family in plain words by ``familyNotes``.
    public static func isOfficerNote(_ n: String) -> Bool {
        n.contains("evidence score") || n.contains("diversity rule")
    }

    public static func familyNotes(_ l: AdvisoryList) -> [String] {
        var out = l.notes.filter { !isOfficerNote($0) }
        let noReport = l.entries.filter { $0.unknown.contains(.report) }.count
        if noReport > 0 && l.notes.contains(where: isOfficerNote) {
            out.append(noReport == l.entries.count
                ? "The catalogue holds no SEN information report for any setting on this list: ask each for theirs."
                : "The catalogue holds no SEN information report for \(noReport) of the settings on this list: ask them for theirs.")
        }
        let unknownType = l.entries.filter { $0.setting.type == .unknown }.count
        if unknownType > 0 {
            out.append("\(unknownType) of the settings on this list do\(unknownType == 1 ? "es" : "") not publish what kind of setting \(unknownType == 1 ? "it is" : "they are"): ask.")
        }
        return out
    }

    // MARK: Easy Read

    /// The Easy Read summary: short sentences, one idea per line; then one line per setting.
    public struct EasyRead: Sendable {
        public var opening: [String]
        public var settings: [(name: String, line: String)]
        public var closing: [String]
    }

    public static func easyRead(_ l: AdvisoryList) -> EasyRead {
        let schools = isPost16(l) ? "schools and colleges" : "schools"
        var opening = ["This list is for a child with an EHC plan.", "The child's main need is \(needName(l.primaryNeed))."]
        switch l.entries.count {
        case 0: opening.append("We found no \(schools) that fit the child's needs.")
        case 1: opening.append("There is 1 place on the list.")
        default: opening.append("There are \(l.entries.count) \(schools) on the list.")
        }
        if !l.entries.isEmpty { opening.append("They may be right for the child.") }
        opening += ["The list is advice.", "It does not choose the school.",
                    "A SEND officer from the council will talk to you about it.",
                    "You can ask for any school, even one not on this list."]
        let settings = l.entries.map { e -> (String, String) in
            var line = needFit(e, l).easy.capitalisedFirstLetter + "."
            if let km = e.distanceKm { line += " \(miles(km).capitalisedFirstLetter) from home." }
            switch places(e, l) {
            case .specialist(0), .wholeSchool(0): line += " Full now."
            default: break
            }
            return (e.setting.name, line)
        }
        var closing: [String] = []
        let full = l.entries.filter { if case .specialist(0) = places($0, l) { true } else if case .wholeSchool(0) = places($0, l) { true } else { false } }.count
        if full > 0 { closing += [full == 1 ? "1 of these is full now." : "\(full) of these are full now.", "You can still ask about them."] }
        if l.entries.contains(where: { $0.labels.contains(.longJourney) }) { closing += ["Some are a long way from home.", "Ask about transport."] }
        let off = leftOff(l)
        if off > 0 { closing += ["\(off) more \(off == 1 ? "place" : schools) could suit the child.", "They are not on this list.", "You can ask about them."] }
        closing += ["The rest of this list says more about each one.", "Hard words are explained at the end."]
        return EasyRead(opening: opening, settings: settings, closing: closing)
    }

    /// Questions worth asking every setting, whatever the data says (the cautions' questions come first).
    public static let visitQuestion = "Can we visit, and talk to the SENCo, the teacher who leads on special educational needs, about the child's plan?"

    /// Reasons from the engine that the family part does not repeat: the fit (shown as "Meets the need?"), the
    /// journey and the vacancies (shown with walking distance only where it applies, and places split). Matched on
    /// the engine's own wording for this entry (EntryExplainer), so a change there shows in the tests.
    public static func otherReasons(_ e: ListEntry) -> [String] {
        e.reasons.filter { r in
            if r.hasPrefix(EntryBand.meetsNeed.title) || r.hasPrefix(EntryBand.mayAlsoMeet.title) { return false }
            if let km = e.distanceKm, r.hasPrefix("\(ListText.miles(km)) miles (") { return false }
            if r.first?.isNumber == true, r.contains(" vacanc") { return false }
            return true
        }
    }

    /// The questions that are not a caution's (facts the catalogue does not hold), then the visit question.
    public static func otherQuestions(_ e: ListEntry) -> [String] {
        let fromCautions = Set(e.cautions.map(\.question))
        return e.toAsk.filter { !fromCautions.contains($0) }.map { q in
            // The engine's question for a missing report speaks of scoring, which is the officer's business.
            q.hasPrefix(reportQuestion) ? reportQuestion + ": the catalogue holds none." : q
        } + [visitQuestion]
    }

    static let reportQuestion = "Ask for its SEN information report"
}
