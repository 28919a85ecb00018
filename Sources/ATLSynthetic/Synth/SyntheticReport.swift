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

        mutating func text(_ section: ReportSection) -> String {
            var p: [String] = []
            switch section {
            case .kindsOfSEN:
                switch shape {
                case .mainstream:
                    p.append("\(name) is \(article)\(place) for \(learners) \(ageText).")
                    if let r = s.onRoll { p.append("We have \(r) \(learners) on roll.") }
                    p.append(one(
                        "Like every mainstream setting, we provide for \(learners) with a wide range of special educational needs across the four broad areas of the SEND Code of Practice: communication and interaction, cognition and learning, social, emotional and mental health, and sensory and/or physical needs.",
                        "We welcome \(learners) with special educational needs in all four broad areas of need (communication and interaction, cognition and learning, social, emotional and mental health, and sensory and/or physical) and meet most needs within ordinary classes.",
                        "We are an inclusive setting and support \(learners) with many different special educational needs, from communication and interaction to cognition and learning, social, emotional and mental health, and sensory or physical needs."))
                    p.append("We do not have a resourced provision or SEN unit, so \(learners) with SEN learn in their own classes with support.")
                    if let r = s.onRoll, r > 0 {
                        let support = max(1, r * rng.int(in: 9...15) / 100), ehcp = max(1, r * rng.int(in: 2...4) / 100)
                        p.append("At present \(support) \(support == 1 ? learner : learners) \(support == 1 ? "receives" : "receive") SEN Support and \(ehcp) \(ehcp == 1 ? "has" : "have") an EHCP.")
                    }
                case .resourced:
                    p.append("\(name) is \(article)\(place) for \(learners) \(ageText).")
                    p.append(one("Alongside our main \(isPost16 ? "courses" : "classes") we host", "As well as our mainstream \(isPost16 ? "courses" : "classes"), we are home to", "We also run")
                             + " \(base), \(SyntheticReport.indefinite(places)) \(places)-place \(offer) commissioned by \(la) for \(learners) with an EHCP whose main need is \(SyntheticReport.list(needs.map(\.title), conjunction: "or")).")
                    p.append(byNeedSentence)
                    p.append(vacancySentence)
                    p.append(one("Places in \(base) are agreed by the LA's SEND panel, not through ordinary admissions.",
                                 "Entry to \(base) is through the LA's SEND panel as part of the EHCP process."))
                    p.append(maybe(0.6, "Our mainstream classes also support \(learners) with a wide range of other needs at SEN Support."))
                case .specialist:
                    let lead = isAP ? "\(name) is \(article)\(place) with \(places) places for \(learners) \(ageText) who need a different setting for a time, most often because of \(needList)."
                        : "\(name) is \(article)\(place) with \(places) places for \(learners) \(ageText) with \(needList)."
                    p.append(lead)
                    p.append(byNeedSentence)
                    p.append(vacancySentence)
                    if isAP {
                        p.append("Most \(learners) are referred by their school or placed by the LA for a fixed period, with the aim of returning to a school or moving on to the right long-term setting; some have an EHCP.")
                    } else {
                        p.append(one("Every \(learner) here has an EHCP.", "All our \(learners) have an EHCP naming the school.",
                                     "Places are for \(learners) with an EHCP, agreed with the placing LA."))
                    }
                    p.append(maybe(0.6, one("Many \(learners) also have additional needs such as anxiety, sleep difficulties or medical conditions, which we plan for individually.",
                                            "We look at each \(learner)'s whole profile, not only the main need named in the plan.")))
                }
            case .identifyingNeeds:
                p.append(one(
                    "Teachers track every \(learner)'s progress each term and raise any concern with \(staffLead).",
                    "Concerns about a \(learner)'s progress or wellbeing are raised with \(staffLead), who observes, talks with the family and looks at assessment information.",
                    "We identify needs early: teachers know the signs to look for and share concerns with \(staffLead) straight away."))
                if complexNeeds {
                    p.append("On entry we build a baseline of communication, sensory, physical and independence skills through observation, the Engagement Model and reports from families and therapists.")
                } else if isEarlyYears {
                    p.append("Every child is assessed on entry, and we use the progress check at age two and our own language screen to spot needs early.")
                } else if isPrimary {
                    p.append(one("In Reception every child has a language screen, and phonics and maths are checked each half term.",
                                 "We screen reading, phonics and language regularly so that difficulties are noticed early."))
                } else {
                    p.append(one("On entry we screen reading age, spelling and wellbeing, and gather information from previous settings.",
                                 "New \(learners) complete reading and wellbeing screens, and we read every transfer record and EHCP carefully."))
                }
                p.append(one("If we think a \(learner) has SEN we talk with you first, agree what to try and review it together.",
                              "We always discuss any concern with the family before deciding whether to add SEN Support.",
                              "Where needs are complex we ask for advice from the educational psychologist or specialist teachers, with your agreement."))
                p.append(maybe(0.5, "We describe needs using the four broad areas of the SEND Code of Practice, but plan from what each \(learner) needs rather than from a label."))
                if isAP {
                    p.append("Many \(learners) arrive without an EHCP: we assess learning, language and wellbeing in the first weeks and, where needs are significant, ask the LA for an EHC needs assessment.")
                } else if shape != .mainstream {
                    p.append("Everyone placed in \(shape == .resourced ? base : "the school") arrives with an EHCP, and we build on its assessments with our own baseline in the first half term.")
                }
            case .evaluatingEffectiveness:
                p.append(one("We measure each intervention before and after, and stop or change what is not working.",
                             "Every intervention has a clear starting point and target, and leaders check the impact each term.",
                             "We evaluate our provision by looking at progress, attendance, wellbeing and what families and \(learners) tell us."))
                p.append(one("Governors receive a termly report on SEN and visit to see provision in action.",
                             "Our SEN governor meets \(staffLead) each term and reports to the full governing body.",
                             isIndependent ? "Our proprietor's education board reviews outcomes each term." : "Leaders and governors review SEN data each term."))
                if shape != .mainstream {
                    p.append("The LA reviews the quality of \(shape == .resourced ? base : "our provision") each year as part of its commissioning.")
                }
                p.append(one("Learning walks and looks at work check that agreed adaptations happen in every class.",
                             "We compare the progress of \(learners) with SEN with that of their peers and act where gaps appear.",
                             "Families' and \(learners)' views, gathered each year, are part of how we judge our provision."))
                p.append(maybe(0.5, "We also look at where \(learners) go next, so we know whether our support prepares them well."))
            case .assessingProgress:
                p.append(one("We follow the graduated approach of assess, plan, do and review.",
                             "Support follows a cycle of assess, plan, do and review, agreed with families."))
                p.append(one("Each \(learner) with SEN has a support plan with a few clear targets, reviewed with you \(isPost16 ? "each term" : "three times a year").",
                             "Targets are set with the \(learner) and family and reviewed at least termly."))
                if shape == .specialist {
                    p.append("Progress is measured in small steps against each \(learner)'s EHCP outcomes, not only against national curriculum expectations.")
                } else if isEarlyYears {
                    p.append("Key persons observe and record each child's learning and share it with families.")
                }
                p.append("Annual reviews of EHCPs are person-centred, so the \(learner)'s own views are at the heart of the meeting.")
                p.append(maybe(0.5, one("You receive a short written update between reviews.", "Progress is shared through a home-school book or app.")))
            case .approachToTeaching:
                p.append(one("High-quality teaching adapted to each \(learner) is our first response to SEN.",
                             "Good teaching for every \(learner) comes first; extra support builds on it.",
                             "Our staff plan lessons so that every \(learner) can take part and make progress."))
                for n in needs { p.append(teaching(n)) }
                if isEarlyYears {
                    p.append("Children learn through play, with adults modelling language and following each child's interests.")
                } else if isPost16 {
                    p.append("Vocational courses, life skills and work-related learning are taught in practical settings.")
                }
                if has(.makaton) { p.append("Adults use Makaton signs and symbols alongside speech.") }
                if has(.signing) { p.append("Staff use sign-supported English and British Sign Language where \(learners) need it.") }
                if has(.aac) { p.append("\(learners.sentenceCased) who use AAC devices or books have them in every lesson, and staff model their use.") }
                if has(.braille) { p.append("Braille is taught to \(learners) who need it.") }
                if needs.isEmpty {
                    p.append(one("Teachers use visual supports, clear instructions, worked examples and checks for understanding.",
                                 "Lessons use visual supports, chunked instructions and pre-teaching of key words."))
                }
            case .adaptingCurriculum:
                p.append(one("We adapt the curriculum and environment to each \(learner)'s needs.",
                             "The curriculum is adapted rather than narrowed wherever we can.",
                             "Adaptations are agreed with the family and reviewed as the \(learner) grows."))
                if complexNeeds {
                    p.append(one("Learning is planned in small, structured steps using objects of reference, photos, symbols and lots of repetition.",
                                 "Activities are multi-sensory and built around each learner's communication, physical and care routines."))
                } else {
                p.append(one("Examples include shorter tasks, alternative ways of recording, extra time and seating plans that help attention.",
                             "We use writing frames, coloured overlays, word banks, movement breaks and adjusted seating.",
                             "Adjustments include pre-teaching, scaffolded tasks, assistive technology and planned movement breaks."))
                }
                if shape == .resourced {
                    p.append("\(learners.sentenceCased) placed in \(base) learn there for part of the day and join their \(isPost16 ? "wider college courses" : "mainstream class") for the rest, in a balance agreed for each \(learner).")
                }
                if has(.quietSpace) { p.append("We have \(title(.quietSpace)) for \(learners) who need a calmer place to work.") }
                if !isPrimary && !isEarlyYears && !isPost16 && shape != .specialist || (isPost16 && shape != .specialist) {
                    p.append("We apply for exam access arrangements, such as extra time, a reader or a scribe, for those who qualify.")
                }
                if isPost16 { p.append("Study programmes can be personalised, with English and maths at the right level and work experience.") }
            case .additionalSupport:
                p.append(one("Additional support includes small-group and one-to-one interventions for reading, maths, language and social skills.",
                             "We offer targeted interventions such as precision teaching, reading recovery, social skills groups and fine motor groups.",
                             "Interventions are run by trained staff and chosen for each \(learner)'s needs."))
                if has(.nurtureGroup) { p.append("We run \(title(.nurtureGroup)) for \(learners) who benefit from a small, warm setting for part of the day.") }
                if shape != .mainstream { p.append("Specialist staff in \(shape == .resourced ? base : "the school") deliver the provision set out in each EHCP.") }
                if has(.highStaffing) { p.append("We have \(title(.highStaffing)), so \(learners) get help when they need it.") }
            case .inclusiveActivities:
                if shape == .specialist {
                    p.append(one("\(learners.sentenceCased) take part in trips, clubs, sports fixtures and community visits planned so everyone can join in.",
                                 "We link with local mainstream settings for shared activities, sport and performances."))
                } else {
                    p.append(one("\(learners.sentenceCased) with SEN take part in every part of school life: trips, clubs, performances and sport.",
                                 "All our clubs, trips and events are open to every \(learner), with adjustments planned in advance."))
                }
                p.append(maybe(0.6, one("Clubs include \(isPrimary ? "football, art, gardening and choir" : "sport, drama, music, coding and the Duke of Edinburgh's Award").",
                                        "Lunchtime clubs are open to everyone, with a calmer option for those who need it.")))
                p.append(one("We talk with families before any trip or event to plan support.",
                             "Where a \(learner) needs extra support for an activity, we plan it with the family.",
                             "Risk assessments are used to include \(learners), never to exclude them."))
            case .emotionalSocial:
                p.append(one("We teach emotional vocabulary and self-regulation through our PSHE curriculum and Zones of Regulation.",
                             "Wellbeing is part of every day: check-ins, trusted adults and a clear, kind behaviour policy.",
                             "Every \(learner) has a trusted adult they can go to, and we teach self-regulation explicitly."))
                if has(.counselling) { p.append("We offer \(title(.counselling)) for \(learners) who need more support.") }
                p.append(one("An ELSA (emotional literacy support assistant) works with individuals and small groups.",
                             "Friendship and social skills groups run each week.",
                             "Lunchtime clubs give a calmer option for \(learners) who find social times hard."))
                p.append("Bullying is taken seriously and followed up quickly.")
                p.append(maybe(0.6, "Our behaviour policy is applied with reasonable adjustments for \(learners) with SEN, and we look for the need behind the behaviour."))
            case .senco:
                if shape == .specialist {
                    p.append("As a \(isAP ? "setting" : "special school") every member of staff works with \(learners) with SEN; \(staffLead) leads on SEN and EHCP reviews.")
                } else if isPost16 {
                    p.append("\(staffLead.sentenceCased) coordinates support for students with SEN and EHCPs.")
                } else {
                    p.append(one("Our SENCO is a qualified teacher with the National Professional Qualification for SENCOs.",
                                 "Our SENCO is a qualified teacher and a member of the senior leadership team.",
                                 "The SENCO is an experienced teacher who holds the national SENCO qualification."))
                }
                p.append("Please contact the office on \(phone) or email \(email).")
                p.append(maybe(0.6, "Families thinking of applying are welcome to visit; please ring to arrange a time."))
            case .staffExpertise:
                p.append(one("All staff receive regular SEN training, including on autism, speech and language, and attachment.",
                             "Training is planned each year from the needs of our current \(learners).",
                             "Staff have annual training on SEN and learn from specialist teachers and therapists."))
                if has(.qtod) { p.append("We employ \(title(.qtod)).") }
                if has(.qtvi) { p.append("We have \(title(.qtvi)).") }
                if has(.makaton) { p.append("Staff are trained in Makaton.") }
                if has(.signing) { p.append("Several staff hold BSL qualifications.") }
                if needs.contains(.ASD) { p.append("Staff are trained in autism practice, including understanding sensory differences and anxiety.") }
                if needs.contains(.SEMH) || isAP { p.append("Staff are trained in de-escalation and trauma-informed practice.") }
                if needs.contains(.SLCN) { p.append("Staff are trained to support language development, with regular advice from speech and language therapists.") }
                if has(.hoist) { p.append("Staff who support \(learners) with physical needs are trained in safe moving and handling.") }
                p.append(one("We secure specialist expertise from the LA's advisory teachers and educational psychologists.",
                             "Where we need more expertise we draw on LA specialist services and NHS therapists."))
            case .equipmentFacilities:
                let fs = s.facilities?.facilities ?? []
                if fs.isEmpty {
                    p.append("We do not list specialist facilities; please ask us about what your child needs.")
                } else {
                    p.append(one("Our facilities include", "We have", "The \(settingNoun) offers") + " " + SyntheticReport.list(fs.map(\.title)) + ".")
                }
                p.append(one("Specialist equipment a \(learner) needs is arranged with the LA and NHS services.",
                             "Any equipment named in an EHCP is secured with the LA before the \(learner) starts.",
                             "We work with therapists and the LA to secure equipment for individual \(learners)."))
            case .consultingParents:
                p.append(one("You know your \(learner) best, and we involve you in every plan and review.",
                             "We see parents and carers as partners and involve you in every decision.",
                             "Families are involved from the first conversation and at every review."))
                p.append(one("Teachers and \(staffLead) are available by appointment, and we hold termly review meetings.",
                             "We hold termly meetings and send regular updates home.",
                             "We run parent workshops and a yearly survey on our SEN support."))
                p.append(maybe(0.6, one("We can arrange an interpreter for families who need one.",
                                        "Information can be shared by phone, email, app or a home-school book, whichever suits you.")))
            case .consultingPupils:
                p.append(one("\(learners.sentenceCased) share their views before every review, using words, pictures or symbols.",
                             "We ask \(learners) what helps them, and their views shape their support plan.",
                             "Every \(learner) contributes to their own review in the way that suits them."))
                p.append(maybe(0.7, one("Our \(isPost16 ? "student" : "school") council includes \(learners) with SEN.",
                                        "\(learners.sentenceCased) help to review our SEN provision each year.")))
            case .complaints:
                p.append("If you have a concern, please speak to your child's \(isPost16 ? "tutor" : "teacher") first, then \(staffLead) and then the \(isPost16 ? "principal" : "headteacher").")
                p.append(isIndependent ? "If it is not resolved, you can make a formal complaint under our published complaints policy to the proprietor."
                                       : "If it is not resolved, you can make a formal complaint to the governing body under our published complaints policy.")
                p.append("For EHCP matters you can also contact \(la)'s SEND team, use mediation, and in some cases appeal to the First-tier Tribunal (SEND).")
            case .partnerAgencies:
                p.append(one("We work with NHS therapists, the community paediatric service, the school health team and CAMHS.",
                             "Our partners include NHS speech and language therapy, occupational therapy and physiotherapy services, and the child and adolescent mental health service.",
                             "We work closely with health services, early help, children's social care and the LA's specialist teachers."))
                p.append("Professionals are invited to reviews, and their advice is written into support plans.")
                p.append(one("The LA's educational psychology service visits \(shape == .mainstream ? "each term" : "every half term").",
                             "We refer to early help and children's social care, with the family, when more support is needed.",
                             "We work with the LA's sensory and physical support teams when \(learners) need them."))
                if has(.nurseOnsite) { p.append("We have \(title(.nurseOnsite)), who works with families and NHS teams on care plans.") }
            case .parentSupportServices:
                p.append("\(la) SENDIASS gives free and impartial advice about SEN, EHCPs and appeals: 01632 960500 or sendiass@\(SettingFile.slug(la)).example.")
                p.append("The \(la) Parent Carer Forum runs support groups and training: 01632 960510.")
                p.append("The LA's SEND team can be contacted on 01632 960520.")
            case .transitions:
                if isEarlyYears {
                    p.append("Before children start school we meet the new school, share reports and arrange extra visits.")
                } else if isPost16 {
                    p.append("Our study programmes prepare students for adulthood: employment, independent living, good health and community life.")
                    p.append(one("Supported internships and work placements help students into work.",
                                 "Many students move on to employment, supported internships or further study."))
                } else if isPrimary {
                    p.append("When \(learners) move class or school we arrange extra visits, photo books and meetings between staff.")
                    p.append("For secondary transfer, the new school must be named in the EHCP by 15 February of Year 6.")
                } else {
                    p.append("From Year 9, reviews focus on preparing for adulthood: employment, independent living, friendships and good health.")
                    p.append("We give independent careers advice, and for moves into post-16 the new setting is named in the EHCP by 31 March.")
                }
                p.append(one("We share information with the next setting, with your agreement.", "Staff from the next setting are invited to the last review."))
            case .localOffer:
                p.append("\(la)'s Local Offer sets out the education, health and care services for children and young people with SEND. It is at www.\(SettingFile.slug(la)).example/localoffer, and our website links to it.")
                p.append("This report is reviewed every year.")
            case .accessAdmissions:
                if shape == .specialist || shape == .resourced {
                    p.append("Places \(shape == .resourced ? "in \(base) " : "")are agreed by the placing LA through the EHCP process.")
                }
                if shape != .specialist {
                    p.append(isIndependent ? "Admissions follow our published admissions policy." : "Places are allocated under our published admissions arrangements, and a \(learner) with an EHCP naming us is admitted.")
                }
                p.append("Disability is never a reason to refuse a place; we discuss adjustments with every family.")
            case .accessEqualTreatment:
                p.append("We make reasonable adjustments so disabled \(learners) are not treated less favourably, including in our behaviour policy, trips and exams.")
                p.append(one("Staff receive Equality Act training, and our equality objectives are published.",
                             "Any prejudice-based incident is recorded and reported to leaders."))
            case .accessFacilities:
                let access = [Facility.stepFree, .singleStorey, .lift, .hoist, .changingPlaces].filter(has)
                if access.isEmpty {
                    p.append("Some parts of our building are not fully accessible; please talk to us so we can plan adjustments before your child starts.")
                } else {
                    p.append("To help disabled \(learners) access the \(settingNoun) we have " + SyntheticReport.list(access.map(\.title)) + ".")
                }
                p.append("Letters and information can be provided in other formats on request.")
            case .accessibilityPlan:
                p.append("Our accessibility plan covers access to the curriculum, the buildings and information, and is reviewed every three years.")
                p.append(one("Current actions include improving signage and training staff.", "Current actions include better acoustic treatment and clearer visual signage.",
                             "It is published on our website."))
            case .therapies:
                let t = [Facility.saltOnsite, .otOnsite, .physioOnsite].filter(has)
                if t.isEmpty {
                    p.append("We do not have therapists based on site. Speech and language therapy, occupational therapy and physiotherapy are provided by NHS services on referral, and therapists visit to assess and advise.")
                } else {
                    p.append("We have " + SyntheticReport.list(t.map(\.title)) + ", delivering the therapy set out in EHCPs and training staff.")
                    p.append("Other therapies are provided by NHS services on referral.")
                }
            case .classSizes:
                if has(.smallClasses) {
                    p.append("We have \(title(.smallClasses))\(shape == .resourced ? " in \(base)" : "").")
                } else if shape == .mainstream {
                    p.append(isPost16 ? "Teaching groups are usually up to 20 students." : "Classes have up to 30 \(learners).")
                } else {
                    p.append("Group sizes depend on the needs of the \(learners) and are set each year.")
                }
                if has(.highStaffing) { p.append("There is \(title(.highStaffing)).") } else {
                    p.append("Teaching assistants support classes where needs require it.")
                }
            case .sensorySpaces:
                let sp = [Facility.sensoryRoom, .quietSpace].filter(has)
                if sp.isEmpty {
                    p.append("We do not have dedicated sensory spaces; staff plan breaks in calmer areas for \(learners) who need them.")
                } else {
                    p.append("We have " + SyntheticReport.list(sp.map(\.title)) + " for \(learners) who need to regulate or take a break.")
                }
            case .physicalAccess:
                let acc = [Facility.stepFree, .singleStorey, .lift, .hoist, .changingPlaces, .hydrotherapy].filter(has)
                if acc.isEmpty {
                    p.append("Parts of our site are not step-free. If your child uses a wheelchair or has other mobility needs, please visit so we can plan together.")
                } else {
                    p.append("Physical access: " + SyntheticReport.list(acc.map(\.title)) + ".")
                    p.append("If your child uses a wheelchair or has other mobility needs, please visit so we can plan together.")
                }
            case .transport:
                if has(.residential) {
                    p.append("We offer \(title(.residential)) during the week; day \(learners) travel by transport arranged by their LA.")
                } else if isEarlyYears && shape == .mainstream {
                    p.append("Most children are brought by their families. The LA does not usually provide transport for children under five; if your child has an EHCP, please talk to us and the LA's SEND team.")
                } else if s.type == .independent {
                    p.append("Families arrange their own travel, and some share car journeys. Home-to-school transport from the LA is only for children whose EHCP names the school and who are eligible.")
                } else if shape == .mainstream {
                    p.append("Most \(learners) walk or are driven, or use local buses. Home-to-school transport is arranged by the LA for eligible \(learners), not by the school.")
                } else {
                    p.append("Many \(learners) come from across the area and qualify for home-to-school transport, which is arranged by their LA, not by the \(settingNoun).")
                }
            case .inclusion:
                switch shape {
                case .mainstream:
                    p.append("\(learners.sentenceCased) with SEN learn alongside their classmates for the whole day, with support in class.")
                case .resourced:
                    p.append("Every \(learner) in \(base) belongs to a mainstream class and spends time there each day, increasing as they are ready.")
                case .specialist:
                    p.append(one("We arrange links with local mainstream settings for shared lessons, sport and events.",
                                 "Inclusion with mainstream peers happens through planned links with nearby settings and community activities."))
                    if isAP { p.append("For many \(learners) the aim is a successful return to mainstream school.") }
                }
            case .transitionSupport:
                p.append(one("New \(learners) have visits, a photo book of key people and places, and a gradual start where needed.",
                             "Before starting, \(learners) visit with a familiar adult and meet their key staff.",
                             "We plan each move with the family: extra visits, a transition booklet and a named adult."))
                p.append("Transition plans are agreed with families and shared with staff.")
            }
            return p.filter { !$0.isEmpty }.joined(separator: " ")
        }
    }
}

fileprivate extension String {
    /// First letter upper-cased ("the Acorn Base" → "The Acorn Base").
    var sentenceCased: String { prefix(1).uppercased() + dropFirst() }
}
