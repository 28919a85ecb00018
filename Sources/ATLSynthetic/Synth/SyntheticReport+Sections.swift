import ATLModel
import ATLData

/// The sentences of each report section, one function per ``ReportSection``, in the order of the regulations.
/// Each keeps the rules of ``SyntheticReport``: a facility or need is named only when the header holds it, and
/// numbers are the header's. Sections that draw phrasing from the generator are `mutating`; the order of draws
/// inside each is part of the seeded output and must not change (the example LA's files depend on it).
extension SyntheticReport.Writer {
    /// Schedule 1 item 1: who the setting is for. Names only the designated needs, and quotes the header's places,
    /// pupils on roll and vacancies, so the text agrees with the facts the engine scores.
    mutating func kindsOfSENSentences() -> [String] {
        var p: [String] = []
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
        return p
    }

    /// Schedule 1 item 2: how needs are spotted, by phase (a baseline for learners at the earliest levels, screens
    /// for older pupils), and what happens to those who arrive without an EHCP.
    mutating func identifyingNeedsSentences() -> [String] {
        var p: [String] = []
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
        return p
    }

    /// Schedule 1 item 3(a): how the setting checks its provision works, with the LA's commissioning review for a
    /// designated offer.
    mutating func evaluatingEffectivenessSentences() -> [String] {
        var p: [String] = []
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
        return p
    }

    /// Schedule 1 item 3(b): the graduated approach and reviews; progress against EHCP outcomes in a specialist
    /// setting.
    mutating func assessingProgressSentences() -> [String] {
        var p: [String] = []
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
        return p
    }

    /// Schedule 1 item 3(c): teaching for each designated need (``teaching(_:)``), and signing, AAC or Braille only
    /// when the header lists the facility.
    mutating func approachToTeachingSentences() -> [String] {
        var p: [String] = []
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
        if has(.aac) { p.append("\(learners.capitalisedFirstLetter) who use AAC devices or books have them in every lesson, and staff model their use.") }
        if has(.braille) { p.append("Braille is taught to \(learners) who need it.") }
        if needs.isEmpty {
            p.append(one("Teachers use visual supports, clear instructions, worked examples and checks for understanding.",
                         "Lessons use visual supports, chunked instructions and pre-teaching of key words."))
        }
        return p
    }

    /// Schedule 1 item 3(d): adaptations by shape and phase; exam access arrangements only where exams are taken.
    mutating func adaptingCurriculumSentences() -> [String] {
        var p: [String] = []
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
            p.append("\(learners.capitalisedFirstLetter) placed in \(base) learn there for part of the day and join their \(isPost16 ? "wider college courses" : "mainstream class") for the rest, in a balance agreed for each \(learner).")
        }
        if has(.quietSpace) { p.append("We have \(title(.quietSpace)) for \(learners) who need a calmer place to work.") }
        if !isPrimary && !isEarlyYears && !isPost16 && shape != .specialist || (isPost16 && shape != .specialist) {
            p.append("We apply for exam access arrangements, such as extra time, a reader or a scribe, for those who qualify.")
        }
        if isPost16 { p.append("Study programmes can be personalised, with English and maths at the right level and work experience.") }
        return p
    }

    /// Schedule 1 item 3(e): interventions, a nurture group or high staffing only when the header lists them.
    mutating func additionalSupportSentences() -> [String] {
        var p: [String] = []
        p.append(one("Additional support includes small-group and one-to-one interventions for reading, maths, language and social skills.",
                     "We offer targeted interventions such as precision teaching, reading recovery, social skills groups and fine motor groups.",
                     "Interventions are run by trained staff and chosen for each \(learner)'s needs."))
        if has(.nurtureGroup) { p.append("We run \(title(.nurtureGroup)) for \(learners) who benefit from a small, warm setting for part of the day.") }
        if shape != .mainstream { p.append("Specialist staff in \(shape == .resourced ? base : "the school") deliver the provision set out in each EHCP.") }
        if has(.highStaffing) { p.append("We have \(title(.highStaffing)), so \(learners) get help when they need it.") }
        return p
    }

    /// Schedule 1 item 3(f): trips, clubs and links with mainstream settings, open to every learner.
    mutating func inclusiveActivitiesSentences() -> [String] {
        var p: [String] = []
        if shape == .specialist {
            p.append(one("\(learners.capitalisedFirstLetter) take part in trips, clubs, sports fixtures and community visits planned so everyone can join in.",
                         "We link with local mainstream settings for shared activities, sport and performances."))
        } else {
            p.append(one("\(learners.capitalisedFirstLetter) with SEN take part in every part of school life: trips, clubs, performances and sport.",
                         "All our clubs, trips and events are open to every \(learner), with adjustments planned in advance."))
        }
        p.append(maybe(0.6, one("Clubs include \(isPrimary ? "football, art, gardening and choir" : "sport, drama, music, coding and the Duke of Edinburgh's Award").",
                                "Lunchtime clubs are open to everyone, with a calmer option for those who need it.")))
        p.append(one("We talk with families before any trip or event to plan support.",
                     "Where a \(learner) needs extra support for an activity, we plan it with the family.",
                     "Risk assessments are used to include \(learners), never to exclude them."))
        return p
    }

    /// Schedule 1 item 3(g): wellbeing, self-regulation and bullying; counselling only when the header lists it.
    mutating func emotionalSocialSentences() -> [String] {
        var p: [String] = []
        p.append(one("We teach emotional vocabulary and self-regulation through our PSHE curriculum and Zones of Regulation.",
                     "Wellbeing is part of every day: check-ins, trusted adults and a clear, kind behaviour policy.",
                     "Every \(learner) has a trusted adult they can go to, and we teach self-regulation explicitly."))
        if has(.counselling) { p.append("We offer \(title(.counselling)) for \(learners) who need more support.") }
        p.append(one("An ELSA (emotional literacy support assistant) works with individuals and small groups.",
                     "Friendship and social skills groups run each week.",
                     "Lunchtime clubs give a calmer option for \(learners) who find social times hard."))
        p.append("Bullying is taken seriously and followed up quickly.")
        p.append(maybe(0.6, "Our behaviour policy is applied with reasonable adjustments for \(learners) with SEN, and we look for the need behind the behaviour."))
        return p
    }

    /// Schedule 1 item 4: who leads on SEN, and the fictional contact number and address (never a person's name).
    mutating func sencoSentences() -> [String] {
        var p: [String] = []
        if shape == .specialist {
            p.append("As a \(isAP ? "setting" : "special school") every member of staff works with \(learners) with SEN; \(staffLead) leads on SEN and EHCP reviews.")
        } else if isPost16 {
            p.append("\(staffLead.capitalisedFirstLetter) coordinates support for students with SEN and EHCPs.")
        } else {
            p.append(one("Our SENCO is a qualified teacher with the National Professional Qualification for SENCOs.",
                         "Our SENCO is a qualified teacher and a member of the senior leadership team.",
                         "The SENCO is an experienced teacher who holds the national SENCO qualification."))
        }
        p.append("Please contact the office on \(phone) or email \(email).")
        p.append(maybe(0.6, "Families thinking of applying are welcome to visit; please ring to arrange a time."))
        return p
    }

    /// Schedule 1 item 5: training, with specialist staff (teachers of the deaf or of vision impairment, signing)
    /// only when the header lists them and need-specific training only for designated needs.
    mutating func staffExpertiseSentences() -> [String] {
        var p: [String] = []
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
        return p
    }

    /// Schedule 1 item 6: the header's facilities by their titles, or a plain statement that none are listed.
    mutating func equipmentFacilitiesSentences() -> [String] {
        var p: [String] = []
        let fs = s.facilities?.facilities ?? []
        if fs.isEmpty {
            p.append("We do not list specialist facilities; please ask us about what your child needs.")
        } else {
            p.append(one("Our facilities include", "We have", "The \(settingNoun) offers") + " " + SyntheticReport.list(fs.map(\.title)) + ".")
        }
        p.append(one("Specialist equipment a \(learner) needs is arranged with the LA and NHS services.",
                     "Any equipment named in an EHCP is secured with the LA before the \(learner) starts.",
                     "We work with therapists and the LA to secure equipment for individual \(learners)."))
        return p
    }

    /// Schedule 1 item 7: how families are involved in plans and reviews.
    mutating func consultingParentsSentences() -> [String] {
        var p: [String] = []
        p.append(one("You know your \(learner) best, and we involve you in every plan and review.",
                     "We see parents and carers as partners and involve you in every decision.",
                     "Families are involved from the first conversation and at every review."))
        p.append(one("Teachers and \(staffLead) are available by appointment, and we hold termly review meetings.",
                     "We hold termly meetings and send regular updates home.",
                     "We run parent workshops and a yearly survey on our SEN support."))
        p.append(maybe(0.6, one("We can arrange an interpreter for families who need one.",
                                "Information can be shared by phone, email, app or a home-school book, whichever suits you.")))
        return p
    }

    /// Schedule 1 item 8: how learners' own views shape their support.
    mutating func consultingPupilsSentences() -> [String] {
        var p: [String] = []
        p.append(one("\(learners.capitalisedFirstLetter) share their views before every review, using words, pictures or symbols.",
                     "We ask \(learners) what helps them, and their views shape their support plan.",
                     "Every \(learner) contributes to their own review in the way that suits them."))
        p.append(maybe(0.7, one("Our \(isPost16 ? "student" : "school") council includes \(learners) with SEN.",
                                "\(learners.capitalisedFirstLetter) help to review our SEN provision each year.")))
        return p
    }

    /// Schedule 1 item 9: the route for a concern, to the proprietor for an independent setting and to the
    /// governing body otherwise, and the SEND Tribunal for EHCP matters.
    func complaintsSentences() -> [String] {
        var p: [String] = []
        p.append("If you have a concern, please speak to your child's \(isPost16 ? "tutor" : "teacher") first, then \(staffLead) and then the \(isPost16 ? "principal" : "headteacher").")
        p.append(isIndependent ? "If it is not resolved, you can make a formal complaint under our published complaints policy to the proprietor."
                               : "If it is not resolved, you can make a formal complaint to the governing body under our published complaints policy.")
        p.append("For EHCP matters you can also contact \(la)'s SEND team, use mediation, and in some cases appeal to the First-tier Tribunal (SEND).")
        return p
    }

    /// Schedule 1 item 10: health, social care and LA services; an on-site nurse only when the header lists one.
    mutating func partnerAgenciesSentences() -> [String] {
        var p: [String] = []
        p.append(one("We work with NHS therapists, the community paediatric service, the school health team and CAMHS.",
                     "Our partners include NHS speech and language therapy, occupational therapy and physiotherapy services, and the child and adolescent mental health service.",
                     "We work closely with health services, early help, children's social care and the LA's specialist teachers."))
        p.append("Professionals are invited to reviews, and their advice is written into support plans.")
        p.append(one("The LA's educational psychology service visits \(shape == .mainstream ? "each term" : "every half term").",
                     "We refer to early help and children's social care, with the family, when more support is needed.",
                     "We work with the LA's sensory and physical support teams when \(learners) need them."))
        if has(.nurseOnsite) { p.append("We have \(title(.nurseOnsite)), who works with families and NHS teams on care plans.") }
        return p
    }

    /// Schedule 1 item 11: the LA's SENDIASS, parent carer forum and SEND team, with fictional contact details.
    func parentSupportServicesSentences() -> [String] {
        var p: [String] = []
        p.append("\(la) SENDIASS gives free and impartial advice about SEN, EHCPs and appeals: 01632 960500 or sendiass@\(SettingFile.slug(la)).example.")
        p.append("The \(la) Parent Carer Forum runs support groups and training: 01632 960510.")
        p.append("The LA's SEND team can be contacted on 01632 960520.")
        return p
    }

    /// Schedule 1 item 12: moves between phases and preparing for adulthood, with the statutory naming deadlines
    /// for the learner's stage.
    mutating func transitionsSentences() -> [String] {
        var p: [String] = []
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
        return p
    }

    /// Schedule 1 item 13: where the LA's Local Offer is published (a fictional `.example` address).
    func localOfferSentences() -> [String] {
        var p: [String] = []
        p.append("\(la)'s Local Offer sets out the education, health and care services for children and young people with SEND. It is at www.\(SettingFile.slug(la)).example/localoffer, and our website links to it.")
        p.append("This report is reviewed every year.")
        return p
    }

    /// Accessibility item A1 (s.69(3)(b)): how places are agreed, by the placing LA for a designated offer.
    func accessAdmissionsSentences() -> [String] {
        var p: [String] = []
        if shape == .specialist || shape == .resourced {
            p.append("Places \(shape == .resourced ? "in \(base) " : "")are agreed by the placing LA through the EHCP process.")
        }
        if shape != .specialist {
            p.append(isIndependent ? "Admissions follow our published admissions policy." : "Places are allocated under our published admissions arrangements, and a \(learner) with an EHCP naming us is admitted.")
        }
        p.append("Disability is never a reason to refuse a place; we discuss adjustments with every family.")
        return p
    }

    /// Accessibility item A2: reasonable adjustments so disabled learners are not treated less favourably.
    mutating func accessEqualTreatmentSentences() -> [String] {
        var p: [String] = []
        p.append("We make reasonable adjustments so disabled \(learners) are not treated less favourably, including in our behaviour policy, trips and exams.")
        p.append(one("Staff receive Equality Act training, and our equality objectives are published.",
                     "Any prejudice-based incident is recorded and reported to leaders."))
        return p
    }

    /// Accessibility item A3: the header's access facilities by title, or a plain statement that access is limited.
    func accessFacilitiesSentences() -> [String] {
        var p: [String] = []
        let access = [Facility.stepFree, .singleStorey, .lift, .hoist, .changingPlaces].filter(has)
        if access.isEmpty {
            p.append("Some parts of our building are not fully accessible; please talk to us so we can plan adjustments before your child starts.")
        } else {
            p.append("To help disabled \(learners) access the \(settingNoun) we have " + SyntheticReport.list(access.map(\.title)) + ".")
        }
        p.append("Letters and information can be provided in other formats on request.")
        return p
    }

    /// Accessibility item A4: the accessibility plan and its current actions.
    mutating func accessibilityPlanSentences() -> [String] {
        var p: [String] = []
        p.append("Our accessibility plan covers access to the curriculum, the buildings and information, and is reviewed every three years.")
        p.append(one("Current actions include improving signage and training staff.", "Current actions include better acoustic treatment and clearer visual signage.",
                     "It is published on our website."))
        return p
    }

    /// Parent-carer criterion P1: on-site therapists only when the header lists them; otherwise NHS services on
    /// referral.
    func therapiesSentences() -> [String] {
        var p: [String] = []
        let t = [Facility.saltOnsite, .otOnsite, .physioOnsite].filter(has)
        if t.isEmpty {
            p.append("We do not have therapists based on site. Speech and language therapy, occupational therapy and physiotherapy are provided by NHS services on referral, and therapists visit to assess and advise.")
        } else {
            p.append("We have " + SyntheticReport.list(t.map(\.title)) + ", delivering the therapy set out in EHCPs and training staff.")
            p.append("Other therapies are provided by NHS services on referral.")
        }
        return p
    }

    /// Parent-carer criterion P2: small classes and high staffing only when the header lists them.
    func classSizesSentences() -> [String] {
        var p: [String] = []
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
        return p
    }

    /// Parent-carer criterion P3: a sensory room or quiet space only when the header lists it.
    func sensorySpacesSentences() -> [String] {
        var p: [String] = []
        let sp = [Facility.sensoryRoom, .quietSpace].filter(has)
        if sp.isEmpty {
            p.append("We do not have dedicated sensory spaces; staff plan breaks in calmer areas for \(learners) who need them.")
        } else {
            p.append("We have " + SyntheticReport.list(sp.map(\.title)) + " for \(learners) who need to regulate or take a break.")
        }
        return p
    }

    /// Parent-carer criterion P4: the header's physical-access facilities by title, or a plain statement that the
    /// site is not step-free.
    func physicalAccessSentences() -> [String] {
        var p: [String] = []
        let acc = [Facility.stepFree, .singleStorey, .lift, .hoist, .changingPlaces, .hydrotherapy].filter(has)
        if acc.isEmpty {
            p.append("Parts of our site are not step-free. If your child uses a wheelchair or has other mobility needs, please visit so we can plan together.")
        } else {
            p.append("Physical access: " + SyntheticReport.list(acc.map(\.title)) + ".")
            p.append("If your child uses a wheelchair or has other mobility needs, please visit so we can plan together.")
        }
        return p
    }

    /// Parent-carer criterion P5: how learners travel, with residential places only when the header lists them.
    func transportSentences() -> [String] {
        var p: [String] = []
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
        return p
    }

    /// Parent-carer criterion P6: time with mainstream peers, by the setting's shape.
    mutating func inclusionSentences() -> [String] {
        var p: [String] = []
        switch shape {
        case .mainstream:
            p.append("\(learners.capitalisedFirstLetter) with SEN learn alongside their classmates for the whole day, with support in class.")
        case .resourced:
            p.append("Every \(learner) in \(base) belongs to a mainstream class and spends time there each day, increasing as they are ready.")
        case .specialist:
            p.append(one("We arrange links with local mainstream settings for shared lessons, sport and events.",
                         "Inclusion with mainstream peers happens through planned links with nearby settings and community activities."))
            if isAP { p.append("For many \(learners) the aim is a successful return to mainstream school.") }
        }
        return p
    }

    /// Parent-carer criterion P7: how a new learner's start is planned.
    mutating func transitionSupportSentences() -> [String] {
        var p: [String] = []
        p.append(one("New \(learners) have visits, a photo book of key people and places, and a gradual start where needed.",
                     "Before starting, \(learners) visit with a familiar adult and meet their key staff.",
                     "We plan each move with the family: extra visits, a transition booklet and a named adult."))
        p.append("Transition plans are agreed with families and shared with staff.")
        return p
    }
}
