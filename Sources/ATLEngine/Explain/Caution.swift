import ATLModel
import ATLData

/// Something the officer and the family must weigh about a listed setting, with the question to ask
/// (policy R16, `docs/matching-policy.md`). A caution is never a reason a setting may suit and never hides it:
/// a full, distant, Inadequate or costly setting stays on the list with its caution, because only the LA can
/// decide the statutory tests (Children and Families Act 2014 s39(4)), and the family needs the facts to take part
/// (s19(c)).
public struct Caution: Sendable, Hashable {
    /// Stable keys, written in `atl-list/1` as `cautions[].key`.
    public enum Key: String, Sendable, CaseIterable, Comparable {
        /// Named by the family, but closed or only proposed.
        case closed
        /// Named by the family, but it does not admit the year group of the placement.
        case notAdmittingYear = "not-admitting-year"
        /// Named by the family, but a single-sex setting for the other sex (or single-sex when the family avoids it).
        case otherSex = "other-sex"
        /// Named by the family: a specialist setting not designated for the primary need.
        case needNotDesignated = "need-not-designated"
        /// Named by the family: known to lack provision the plan requires.
        case lacksRequiredProvision = "lacks-required-provision"
        /// Further than the family's maximum journey (R2).
        case longJourney = "long-journey"
        /// No vacancies in the places the child would take (R13).
        case full
        /// Designated for the need with no commissioned places for it.
        case noPlacesForNeed = "no-places-for-need"
        /// Ofsted judged it Inadequate (R7).
        case inadequate
        /// Ofsted judged it Requires improvement (R7).
        case requiresImprovement = "requires-improvement"
        /// Its last Ofsted judgement is old (R7).
        case ofstedDated = "ofsted-dated"
        /// Alternative provision: education for a time, not a permanent EHC plan placement (R8).
        case alternativeProvision = "alternative-provision"
        /// An independent school that charges fees (R12).
        case feePaying = "fee-paying"
        /// The LA's indicative cost band (R6).
        case costBand = "cost-band"
        /// An independent special school or special post-16 institution on the s41 list (R6).
        case s41Approved = "s41-approved"
        /// … known not to be on it.
        case notS41Approved = "not-s41-approved"
        /// … whose s41 status the catalogue does not record.
        case s41NotKnown = "s41-not-known"
        /// In another local authority than the child's home.
        case outOfArea = "out-of-area"

        public static func < (a: Key, b: Key) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
    }

    public var key: Key
    /// The fact, in plain English.
    public var text: String
    /// What to ask (the setting, or the LA), so that the family and officer can weigh it.
    public var question: String

    public init(_ key: Key, _ text: String, ask question: String) {
        self.key = key
        self.text = text
        self.question = question
    }
}

extension Caution {
    static func miles(_ km: Double) -> String { Fixed.format(km / 1.609344, places: 1) }

    /// The cautions of one (setting, child) pair, in ``Key`` order, from its full-rule evaluation `o`.
    /// `minutes` is the estimated journey time; `q` gives the maximum journey and the child's LA.
    /// `runDate` (`YYYY-MM-DD`, or empty) dates the judgement's age.
    static func cautions(for s: Setting, profile p: NeedsProfile, outcome o: PairOutcome, query q: CompiledQuery,
                         minutes: Int?, runDate: String = "") -> [Caution] {
        var out: [Caution] = []
        out += namedSettingCautions(s, p, o)
        out += journeyCautions(s, p, o, q, minutes: minutes)
        out += placeCautions(s, p, o)
        out += ofstedCautions(s, q, runDate: runDate)
        out += typeCautions(s)
        out += outOfAreaCautions(s, q)
        return out.sorted { $0.key < $1.key }
    }

    /// Rules a named setting breaks become cautions (policy R1); a listed setting that is not named breaks none
    /// but the journey.
    static func namedSettingCautions(_ s: Setting, _ p: NeedsProfile, _ o: PairOutcome) -> [Caution] {
        var out: [Caution] = []
        if p.preferredSettings.contains(s.urn) {
            let broken = EligibilityRule.rules(in: o.excluded)
            if broken.contains(.notOpen) {
                out.append(Caution(.closed, "The family named it, but it is \(s.status.rawValue), not open.",
                    ask: "It cannot be named while it is not open: what does the family want from it, and is there a similar open setting?"))
            }
            if broken.contains(.phase) {
                let ages = s.ageRange.map { " (ages \($0.low)-\($0.high))" } ?? ""
                out.append(Caution(.notAdmittingYear, "The family named it, but it does not admit \(yearName(p.placementYear))\(ages).",
                    ask: "It cannot be named for this placement (Children and Families Act 2014 s39(4)(a), unsuitable for the child's age): is the family thinking of a later move, or of a similar setting?"))
            }
            if broken.contains(.gender) {
                out.append(Caution(.otherSex, "The family named it, but it is a single-sex setting for the other sex.",
                    ask: "It cannot admit the child: is there a similar setting the family would consider?"))
            }
            if broken.contains(.needNotProvided) {
                let designated = s.needs.map { $0.codes.map(\.plainLabel).joined(separator: ", ") } ?? "other needs"
                out.append(Caution(.needNotDesignated, "The family named it; it is designated for \(designated), not for the child's primary need, \(p.primaryNeed.plainLabel).",
                    ask: "How would it meet \(p.primaryNeed.title)? The LA decides whether it is suitable (Children and Families Act 2014 s39(4)(a))."))
            }
            if broken.contains(.mustHaveMissing) {
                let missing = p.mustHave.subtracting(FacilityEquivalence.effective(s.facilities ?? [])).facilities.map(\.title).joined(separator: ", ")
                out.append(Caution(.lacksRequiredProvision, "The family named it; the plan requires \(missing), which it does not list.",
                    ask: "Could it provide \(missing), or secure it from elsewhere?"))
            }
        }
        return out
    }

    /// A journey beyond the family's maximum, with what national travel guidance treats as reasonable.
    static func journeyCautions(_ s: Setting, _ p: NeedsProfile, _ o: PairOutcome, _ q: CompiledQuery, minutes: Int?) -> [Caution] {
        var out: [Caution] = []
        if o.beyondJourney {
            let time = minutes.map { ", about \($0) minutes by car" } ?? ""
            var ask = "Is that journey reasonable for this child, and what transport would the LA provide (Education Act 1996 s508B)?"
            if let m = minutes, m > (p.ageAtPlacementStart < 11 ? 45 : 75) {
                ask += " It is longer than the 45 minutes (primary age) or 75 minutes (secondary age) that national travel guidance treats as reasonable."
            }
            if s.facilities?.contains(.residential) == true {
                ask += " It is residential: would the child board, and how often would they travel home?"
            }
            out.append(Caution(.longJourney, "About \(miles(o.distanceKm)) miles each way\(time), beyond the family's maximum of \(miles(q.maxKm)) miles.",
                ask: ask))
        }
        return out
    }

    /// No vacancies, or no places commissioned for the child's need: a place may have to be made.
    static func placeCautions(_ s: Setting, _ p: NeedsProfile, _ o: PairOutcome) -> [Caution] {
        var out: [Caution] = []
        let vacancies = o.vacancies
        if vacancies == 0 {
            out.append(Caution(.full, "It reports no vacancies in the places this child would take.",
                ask: "Could a place be made? The LA can still consult a full school and name it unless the child's attendance would be incompatible with the efficient education of others (Children and Families Act 2014 s39(4)(b)(i))."))
        }
        if let places = s.placesByNeed?[p.primaryNeed], places == 0, s.needs?.contains(p.primaryNeed) ?? false {
            out.append(Caution(.noPlacesForNeed, "It is designated for \(p.primaryNeed.title) but has no places commissioned for it.",
                ask: "Would the LA commission a place for \(p.primaryNeed.rawValue) here?"))
        }
        return out
    }

    /// An Ofsted judgement below Good, or one too old to rely on.
    static func ofstedCautions(_ s: Setting, _ q: CompiledQuery, runDate: String) -> [Caution] {
        var out: [Caution] = []
        switch s.ofsted {
        case .inadequate?:
            out.append(Caution(.inadequate, "Ofsted judged it Inadequate\(inspected(s)).",
                ask: "What has changed since the inspection, is the setting under intervention, and how would it meet the child's needs meanwhile?"))
        case .requiresImprovement?:
            out.append(Caution(.requiresImprovement, "Ofsted judged it Requires improvement\(inspected(s)).",
                ask: "What is it improving, and how does that affect pupils with SEND?"))
        default:
            break
        }
        if s.ofsted != nil, let inspected = s.ofstedDate, let years = yearsBetween(inspected, runDate),
           Double(years) > q.weights.ofstedDatedYears {
            out.append(Caution(.ofstedDated, "Its last Ofsted judgement is from \(longDate(inspected)), over \(Int(q.weights.ofstedDatedYears)) years ago.",
                ask: "Check its latest Ofsted report or report card: single-word judgements are no longer given to state schools (from September 2024), and report cards grade each area separately."))
        }
        return out
    }

    /// What the type of setting means in law and in cost: alternative provision, fees, cost band, the s41 list.
    static func typeCautions(_ s: Setting) -> [Caution] {
        var out: [Caution] = []
        if s.type == .alternativeProvision {
            out.append(Caution(.alternativeProvision,
                "Alternative provision is education for a period (Education Act 1996 s19), not a permanent EHC plan placement.",
                ask: "What is the plan, and the timescale, for a permanent school place?"))
        }
        if s.type == .independent {
            out.append(Caution(.feePaying, "An independent school that charges fees; it is not a mainstream school in law (Children and Families Act 2014 s83).",
                ask: "The LA pays the fees only if it names the school in the EHC plan: would it, and would the family pay the fees otherwise?"))
        }
        if let band = s.costBand {
            out.append(Caution(.costBand, "Cost band \(band.rawValue), as recorded by the LA (A lowest, E highest).",
                ask: "Is a maintained or academy setting that meets the need as well available? The LA must weigh the efficient use of resources (Children and Families Act 2014 s39(4)(b)(ii))."))
        }
        if s.isS41Eligible, let approved = s.s41Approved {
            if approved {
                out.append(Caution(.s41Approved, "On the Secretary of State's list of approved independent special schools and post-16 institutions (section 41).",
                    ask: "The family can ask for it to be named (Children and Families Act 2014 s38(3)(f)); the LA must then name it unless s39(4) applies. Has it been consulted about a place?"))
            } else {
                out.append(Caution(.notS41Approved, "Not on the Secretary of State's s41 list of approved independent special schools and post-16 institutions.",
                    ask: "The family can still ask for it, and the LA must consider the request (Education Act 1996 s9), but it cannot be required to name it: would it?"))
            }
        } else if s.isS41Eligible {
            out.append(Caution(.s41NotKnown, "Whether it is on the Secretary of State's list of approved independent special schools and post-16 institutions (section 41) is not recorded.",
                ask: "Is it on the s41 list? If it is, the family can ask for it to be named (Children and Families Act 2014 s38(3)(f)); if not, the LA must still consider a request (Education Act 1996 s9)."))
        }
        return out
    }

    /// A setting in another LA, where transport and home services cross a boundary.
    static func outOfAreaCautions(_ s: Setting, _ q: CompiledQuery) -> [Caution] {
        var out: [Caution] = []
        if let la = s.localAuthority?.code, let home = q.homeLA, la != home {
            out.append(Caution(.outOfArea, "It is in another local authority: \(s.localAuthority!.name).",
                ask: "How would transport, and support from home services, work across the LA boundary?"))
        }
        return out
    }

    /// " (inspection of 12 May 2023)" when the date is known, else "".
    static func inspected(_ s: Setting) -> String { s.ofstedDate.map { " (inspection of \(longDate($0)))" } ?? "" }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    /// "2023-05-12" → "12 May 2023" (the text as given when it is not a date).
    static func longDate(_ iso: String) -> String {
        guard let d = CalendarDate.parse(iso) else { return iso }
        return "\(d.day!) \(monthNames[d.month! - 1]) \(d.year!)"
    }

    /// Whole years from `from` to `to` (both `YYYY-MM-DD`); nil when either is not a date.
    static func yearsBetween(_ from: String, _ to: String) -> Int? {
        guard let a = CalendarDate.parse(from), let b = CalendarDate.parse(to) else { return nil }
        var years = b.year! - a.year!
        if (b.month!, b.day!) < (a.month!, a.day!) { years -= 1 }
        return years
    }

    static func yearName(_ y: Int) -> String { y == 0 ? "Reception" : y < 0 ? "nursery" : "Year \(y)" }
}
