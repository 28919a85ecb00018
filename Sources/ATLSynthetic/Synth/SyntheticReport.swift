import ATLModel
import ATLData
import ATLPlanning
/// Templated SEN information report text for an invented setting: one section for every ``ReportSection``
/// (all of Schedule 1, the accessibility items and the parent-carer criteria), written from the setting's
/// header facts so the text never disagrees with them.
///
/// Rules the templates keep (and the tests check):
/// - a facility is named only when the header lists it, and then with its ``Facility/title``; the words of an
///   absent facility ("hoist", "hydrotherapy", "Makaton", "sensory room", ...) never appear;
/// - a need type is named (by ``NeedCode/title``) only when the header designates it; a setting with no
///   designated offer names none;
/// - places, pupils on roll and vacancies in the text are the header's numbers;
/// - contact details are fictional: 01632 960xxx (Ofcom's drama range) and `.example` addresses, a role and a
///   switchboard, never a person's name.
///
/// Phrasing varies with the seeded generator; the same setting and generator state give the same text.
public enum SyntheticReport {
    /// Writes every section. `town` is the post town the setting stands in ("Telford"), when known.
    public static func sections(for s: Setting, town: String?, rng: inout SeededRandom) -> [ReportSection: String] {
        var w = Writer(setting: s, town: town, rng: rng)
        var out: [ReportSection: String] = [:]
        for section in ReportSection.allCases {
            out[section] = wrap(w.text(section))
        }
        rng = w.rng
        return out
    }

    /// Words that name each facility in report text. A report may use them only when the header lists the
    /// facility. (Therapies are named freely as NHS services on referral; only their on-site titles are
    /// reserved, so they have no extra words here.)
    public static let facilityWords: [Facility: [String]] = [
        .nurseOnsite: ["nurse ", "nurses", "nursing"], .counselling: ["counsell"], .hoist: ["hoist"],
        .changingPlaces: ["changing facilities", "changing places", "changing bed"], .lift: [" lift"],
        .sensoryRoom: ["sensory room"], .smallClasses: ["small classes"], .highStaffing: ["adult-to-pupil ratio"],
        .signing: ["BSL", "sign-supported", "British Sign Language"], .makaton: ["Makaton"],
        .aac: ["AAC", "augmentative"], .qtod: ["teacher of the deaf"], .radioAids: ["radio aid"],
        .qtvi: ["vision impairment"], .braille: ["Braille"], .hydrotherapy: ["hydrotherapy"],
        .nurtureGroup: ["nurture group"], .residential: ["residential", "boarding"], .singleStorey: ["single-storey"],
    ]

    /// Wraps paragraphs at 105 columns, as the hand-written reports are.
    static func wrap(_ text: String, width: Int = 105) -> String {
        var lines: [String] = []
        for para in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in para.split(separator: " ") {
                if line.isEmpty {
                    line = String(word)
                } else if line.count + 1 + word.count > width {
                    lines.append(line)
                    line = String(word)
                } else {
                    line += " " + word
                }
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// Joins phrases as English: "a", "a and b", "a, b and c".
    static func list(_ items: [String], conjunction: String = "and") -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
        }
    }

    /// "a" or "an" before a number written in figures ("an 8-place", "an 11-place", "a 12-place").
    static func indefinite(_ n: Int) -> String {
        let t = String(n)
        return t.hasPrefix("8") || n == 11 || n == 18 || (n >= 11_000 && n < 12_000) ? "an" : "a"
    }

    static func number(_ n: Int) -> String {
        let words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                     "twelve"]
        return n >= 0 && n < words.count ? words[n] : String(n)
    }

    /// How the report is written for a setting.
    enum Shape {
        /// No designated offer: SEN support in ordinary classes.
        case mainstream
        /// A designated offer (resourced provision, unit, enhanced resource, supported learning) within a wider
        /// setting.
        case resourced
        /// The whole setting is designated: special schools, alternative provision, special post-16.
        case specialist
    }

    /// Builds section text from the facts, drawing phrasing from the generator.
    struct Writer {
        let s: Setting
        var rng: SeededRandom
        let shape: Shape
        let name: String
        let place: String
        let learners: String
        let learner: String
        let la: String
        let phone: String
        let email: String
        let base: String
        let needs: [NeedCode]
        let faith: String?
        let ages: AgeRange?

        init(setting s: Setting, town: String?, rng: SeededRandom) {
            self.s = s
            self.rng = rng
            let needs = s.needs?.codes ?? []
            self.needs = needs
            if needs.isEmpty {
                shape = .mainstream
            } else if s.type == .mainstreamResourced || s.type == .earlyYears
                        || (s.type == .post16 && (s.capacity ?? 0) > (s.specialistPlaces ?? 0)) {
                shape = .resourced
            } else {
                shape = .specialist
            }
            name = s.name
            place = town.map { " in \($0)" } ?? ""
            ages = s.ageRange
            let top = s.ageRange?.high ?? 11
            let low = s.ageRange?.low ?? 4
            if s.type == .earlyYears || top <= 11 {
                learners = "children"; learner = "child"
            } else if low >= 16 {
                learners = "students"; learner = "student"
            } else if low >= 11 {
                learners = "students"; learner = "student"
            } else {
                learners = "pupils"; learner = "pupil"
            }
            let laName = s.localAuthority?.name ?? "the local authority"
            la = laName.split(separator: "(").first.map { $0.trimmedSpaces } ?? laName
            phone = "01632 960" + String(100 + s.urn % 400)
            let slugWords = SettingFile.slug(s.name).split(separator: "-").filter {
                !["school", "primary", "academy", "the", "college", "nursery", "church", "of", "england", "catholic",
                  "st", "c", "e", "community", "infant", "junior", "high", "special", "centre", "learning", "house"]
                    .contains(String($0))
            }
            email = "senco@" + (slugWords.isEmpty ? "school" : slugWords.joined()) + ".example"
            let firsts = ["Acorn", "Rowan", "Hazel", "Beacon", "Harbour", "Compass", "Orchard", "Willow", "Maple",
                          "Lantern", "Kingfisher", "Skylark", "Oak", "Cedar", "Rainbow", "Meadow"]
            let seconds = s.type == .post16 ? ["Centre"] : s.type == .earlyYears ? ["Room"]
                : ["Base", "Centre", "Room", "Resource", "Hub"]
            var b = "the " + firsts[Int((UInt64(s.urn) &* 2654435761) % UInt64(firsts.count))] + " "
            b += seconds[Int(UInt64(s.urn / 7) % UInt64(seconds.count))]
            base = b
            let rc = s.religiousCharacter ?? "None"
            faith = rc == "None" || rc.isEmpty || rc == "Does not apply" ? nil : rc
        }

        func has(_ f: Facility) -> Bool { s.facilities?.contains(f) ?? false }
        func title(_ f: Facility) -> String { f.title }

        mutating func one(_ options: String...) -> String { options[rng.below(options.count)] }
        mutating func maybe(_ p: Double, _ text: String) -> String { rng.chance(p) ? text : "" }

        var ageText: String { ages.map { "aged \($0.low) to \($0.high)" } ?? "of statutory school age" }
        var needList: String { SyntheticReport.list(needs.map(\.title)) }
        var places: Int { s.specialistPlaces ?? 0 }
        var onRollSpecialist: Int { s.specialistOnRoll ?? 0 }
        var vacancies: Int { s.specialistVacancies ?? 0 }
        var settingNoun: String { isPost16 ? "college" : isEarlyYears ? "nursery" : "school" }
        /// Designated for learners working at the earliest levels (SLD, PMLD, MSI).
        var complexNeeds: Bool { needs.contains { [.SLD, .PMLD, .MSI].contains($0) } && shape == .specialist }
        var isAP: Bool { s.type == .alternativeProvision }
        var isPost16: Bool { s.type == .post16 }
        var isEarlyYears: Bool { s.type == .earlyYears }
        var isIndependent: Bool { s.type.isIndependentSector }
        var isPrimary: Bool { (ages?.high ?? 11) <= 11 }
        var offer: String {
            switch s.type {
            case .earlyYears: return "enhanced resource"
            case .post16: return "supported learning department"
            default: return (s.specialistProvision ?? .resourcedProvision).title
            }
        }
        var staffLead: String {
            switch shape {
            case .mainstream: return isPost16 ? "the additional learning support manager" : "the SENCO"
            case .resourced: return isPost16 ? "the supported learning manager" : "the SENCO"
            case .specialist: return isPost16 ? "the head of learning support" : "the deputy headteacher for inclusion"
            }
        }

        /// "a two-form entry community primary school", "an academy special school", ...
        var description: String {
            let g = (s.giasType ?? "").lowercased()
            let phase: String
            switch s.phase {
            case .primary?: phase = "primary"
            case .secondary?: phase = "secondary"
            case .allThrough?: phase = "all-through"
            case .nursery?: phase = "nursery"
            default: phase = ""
            }
            var gender = ""
            if s.gender == .boys { gender = "boys' " }
            if s.gender == .girls { gender = "girls' " }
            let faithWord = faith.map { $0 == "Roman Catholic" ? "Catholic " : $0 + " " } ?? ""
            switch s.type {
            case .mainstream, .mainstreamResourced:
                let p = phase.isEmpty ? "" : phase + " "
                if g.contains("academy") || g.contains("free school") {
                    return "\(gender)\(faithWord)\(p)\(g.contains("free") ? "free school" : "academy")"
                }
                if g.contains("voluntary aided") { return "voluntary aided \(gender)\(faithWord)\(p)school" }
                if g.contains("voluntary controlled") { return "voluntary controlled \(gender)\(faithWord)\(p)school" }
                if g.contains("foundation") { return "foundation \(gender)\(faithWord)\(p)school" }
                return "community \(gender)\(p)school"
            case .independent:
                return "independent \(gender)\(faithWord)\(phase.isEmpty ? "" : phase + " ")school"
            case .special:
                if g.contains("academy") { return "special academy" }
                if g.contains("free") { return "special free school" }
                return g.contains("foundation") ? "foundation special school" : "maintained special school"
            case .independentSpecial: return "independent \(gender)special school"
            case .nonMaintainedSpecial: return "non-maintained special school run by a charity"
            case .alternativeProvision:
                return g.contains("referral") ? "pupil referral unit" : "alternative provision academy"
            case .post16:
                if g.contains("special post 16") { return "specialist post-16 college" }
                if g.contains("sixth form") { return "sixth form college" }
                return "general further education college"
            case .earlyYears: return "maintained nursery school"
            case .unknown: return "setting"
            }
        }

        var article: String {
            let d = description
            return ["a", "e", "i", "o", "u"].contains(String(d.prefix(1))) ? "an " + d : "a " + d
        }

        var vacancySentence: String {
            if vacancies == 0 { return "All \(places) places are filled at present." }
            return "\(onRollSpecialist) of the \(places) places are filled, so there "
                + (vacancies == 1 ? "is one vacancy" : "are \(SyntheticReport.number(vacancies)) vacancies")
                + " at present."
        }

        var byNeedSentence: String {
            guard let m = s.placesByNeed, m.count > 1 else { return "" }
            let parts = m.keys.sorted().map { "\(m[$0]!) for \($0.title)" }
            return "The LA commissions places by need: " + SyntheticReport.list(parts) + "."
        }

        /// Need-specific teaching sentences for the designated needs (only those).
        func teaching(_ n: NeedCode) -> String {
            switch n {
            case .ASD:
                return "For autistic \(learners) we use structured teaching: visual timetables, clear routines, work"
                    + " stations and warning of changes, with a sensory profile that shapes each day."
            case .SLCN:
                return "Language is taught explicitly: pre-teaching of vocabulary, Colourful Semantics, Shape Coding,"
                    + " visual supports and adults who simplify their language and give thinking time."
            case .SPLD:
                return "Literacy is taught through structured, cumulative, multisensory programmes, with assistive"
                    + " technology such as reading pens and speech-to-text."
            case .MLD:
                return "Learning is broken into small steps with concrete resources, repetition and overlearning,"
                    + " so new knowledge is secure before moving on."
            case .SLD:
                return "Our semi-formal curriculum builds communication, independence and thinking into every"
                    + " activity, using objects, photos and symbols."
            case .PMLD:
                return "A pre-formal curriculum centres on communication, sensory experience, physical wellbeing and"
                    + " responding to the people and world around each learner."
            case .SEMH:
                return "Our approach is relational and trauma-informed: consistent adults, predictable routines,"
                    + " high praise and restorative conversations after difficult moments."
            case .HI:
                return "Teachers check understanding often, face the class, caption videos and use visual supports so"
                    + " deaf \(learners) can follow every lesson."
            case .VI:
                return "Materials are modified into large print or tactile form, and lessons are planned so that"
                    + " \(learners) with little or no sight can take full part."
            case .MSI:
                return "Each learner has an individual communication system and a predictable, touch-based routine"
                    + " planned with specialist staff."
            case .PD:
                return "Lessons are planned so that \(learners) with physical disabilities can take full part, with"
                    + " adapted equipment, extra time and alternative ways of recording."
            case .OTH, .NSA:
                return ""
            }
        }

        /// One section's text: the sentences its function writes (SyntheticReport+Sections.swift), empty ones
        /// dropped (a `maybe` that drew nothing), joined by spaces.
        mutating func text(_ section: ReportSection) -> String {
            let p: [String]
            switch section {
            case .kindsOfSEN: p = kindsOfSENSentences()
            case .identifyingNeeds: p = identifyingNeedsSentences()
            case .evaluatingEffectiveness: p = evaluatingEffectivenessSentences()
            case .assessingProgress: p = assessingProgressSentences()
            case .approachToTeaching: p = approachToTeachingSentences()
            case .adaptingCurriculum: p = adaptingCurriculumSentences()
            case .additionalSupport: p = additionalSupportSentences()
            case .inclusiveActivities: p = inclusiveActivitiesSentences()
            case .emotionalSocial: p = emotionalSocialSentences()
            case .senco: p = sencoSentences()
            case .staffExpertise: p = staffExpertiseSentences()
            case .equipmentFacilities: p = equipmentFacilitiesSentences()
            case .consultingParents: p = consultingParentsSentences()
            case .consultingPupils: p = consultingPupilsSentences()
            case .complaints: p = complaintsSentences()
            case .partnerAgencies: p = partnerAgenciesSentences()
            case .parentSupportServices: p = parentSupportServicesSentences()
            case .transitions: p = transitionsSentences()
            case .localOffer: p = localOfferSentences()
            case .accessAdmissions: p = accessAdmissionsSentences()
            case .accessEqualTreatment: p = accessEqualTreatmentSentences()
            case .accessFacilities: p = accessFacilitiesSentences()
            case .accessibilityPlan: p = accessibilityPlanSentences()
            case .therapies: p = therapiesSentences()
            case .classSizes: p = classSizesSentences()
            case .sensorySpaces: p = sensorySpacesSentences()
            case .physicalAccess: p = physicalAccessSentences()
            case .transport: p = transportSentences()
            case .inclusion: p = inclusionSentences()
            case .transitionSupport: p = transitionSupportSentences()
            }
            return p.filter { !$0.isEmpty }.joined(separator: " ")
        }
    }
}
