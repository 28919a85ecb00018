import ATLModel
import ATLData
import ATLEngine
/// The SEN information gap analysis (`atl audit`): for every setting, which SEN information report sections
/// and which header facts the catalogue holds, against what applies to a setting of its type.
///
/// Pure: no I/O, no clock. Settings are ordered by URN, local authorities by code, setting types in
/// ``SettingType`` order and items in ``AuditItem/all`` order, so the same catalogue always gives the same
/// analysis whatever order the settings arrive in.
///
/// "Missing" means *the catalogue does not hold it*. It never means the setting has not published it: the
/// real West Midlands catalogue was imported from a schools file that carries no report text at all.
/// Documented in `docs/audit.md`.

// MARK: Status and items

/// What the catalogue holds for one item of one setting.
public enum AuditStatus: String, CaseIterable, Sendable, Hashable, Codable {
    /// A report section with text, or a header fact with a value.
    case present
    /// A report section heading with no text under it (header facts are never empty).
    case empty
    /// No heading for the section, or no value for the fact.
    case missing
    /// The item does not apply to a setting of this type.
    case notApplicable = "not-applicable"

    /// One-character code for compact matrices: `P` present, `E` empty, `.` missing, `-` not applicable.
    public var symbol: Character {
        switch self {
        case .present: "P"
        case .empty: "E"
        case .missing: "."
        case .notApplicable: "-"
        }
    }
}

/// A structured fact in a setting file's header that the matching engine uses. The gap analysis checks each
/// alongside the report sections ("header facts").
public enum HeaderFact: String, CaseIterable, Sendable, Comparable, Hashable, Codable {
    case type
    case phase
    case ageRange = "age-range"
    case gender
    case location
    case capacity
    case onRoll = "on-roll"
    case needs
    case specialistPlaces = "specialist-places"
    case facilities
    case ofsted
    case religiousCharacter = "religious-character"

    public static func < (a: HeaderFact, b: HeaderFact) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Reference used in tables and matrices: "H1" … "H12".
    public var item: String { "H\(HeaderFact.allCases.firstIndex(of: self)! + 1)" }

    public var title: String {
        switch self {
        case .type: "Type of setting"
        case .phase: "Phase of education"
        case .ageRange: "Age range"
        case .gender: "Boys, girls or mixed"
        case .location: "Location (grid coordinates)"
        case .capacity: "Capacity (places)"
        case .onRoll: "Pupils on roll"
        case .needs: "Needs the specialist offer is for"
        case .specialistPlaces: "Specialist places"
        case .facilities: "Facilities"
        case .ofsted: "Ofsted judgement"
        case .religiousCharacter: "Religious character"
        }
    }

    /// The catalogue header fields the fact is read from.
    public var fields: [String] {
        switch self {
        case .type: ["type"]
        case .phase: ["phase"]
        case .ageRange: ["age-range"]
        case .gender: ["gender"]
        case .location: ["easting", "northing"]
        case .capacity: ["capacity"]
        case .onRoll: ["on-roll"]
        case .needs: ["needs"]
        case .specialistPlaces: ["specialist-places"]
        case .facilities: ["facilities"]
        case .ofsted: ["ofsted"]
        case .religiousCharacter: ["religious-character"]
        }
    }

    /// Who the fact applies to, in words (for tables and documentation).
    public var appliesTo: String {
        switch self {
        case .needs, .specialistPlaces:
            "settings with a specialist offer: special, non-maintained special, independent special, alternative provision, mainstream with resourced provision, any setting that records a unit, places or needs, and settings whose type is not known"
        default: "all settings"
        }
    }

    /// Whether the fact applies to this setting. Needs and specialist places apply to settings with a
    /// specialist offer — specialist types, mainstream with resourced provision, any setting that records a
    /// unit, specialist places or need codes — and to settings whose type is not known (nothing is hidden).
    public func applies(to s: Setting) -> Bool {
        switch self {
        case .needs, .specialistPlaces:
            return s.type.isSpecialist || s.type == .mainstreamResourced || s.type == .unknown
                || (s.specialistProvision != nil && s.specialistProvision != SpecialistProvisionKind.none)
                || s.specialistPlaces != nil || !(s.needs?.isEmpty ?? true)
        default:
            return true
        }
    }

    /// The value the catalogue holds, in plain words; nil when not known. A type of `unknown` is not known.
    public func value(in s: Setting) -> String? {
        switch self {
        case .type:
            guard s.type != .unknown else { return nil }
            return s.type.title + (s.giasType.map { " (\($0))" } ?? "")
        case .phase: return s.phase?.title
        case .ageRange: return s.ageRange.map { "\($0.low) to \($0.high)" }
        case .gender:
            switch s.gender {
            case .mixed?: return "Mixed"
            case .boys?: return "Boys"
            case .girls?: return "Girls"
            case nil: return nil
            }
        case .location:
            guard let l = s.location else { return nil }
            var v = "easting \(l.easting), northing \(l.northing)"
            if let p = s.postcode { v += " (postcode \(p))" } else if let p = s.nearestPostcode { v += " (nearest postcode \(p))" }
            return v
        case .capacity: return s.capacity.map(String.init)
        case .onRoll: return s.onRoll.map(String.init)
        case .needs:
            if let p = s.partialNeeds, s.needs == nil, !p.isEmpty {
                return p.codes.map { "\($0.rawValue) (\($0.title))" }.joined(separator: "; ") + " — and others (partial, as published)"
            }
            guard let n = s.needs else { return nil }
            return n.isEmpty ? "none" : n.codes.map { "\($0.rawValue) (\($0.title))" }.joined(separator: "; ")
        case .specialistPlaces:
            guard let p = s.specialistPlaces else { return nil }
            var v = "\(p) places"
            if let r = s.specialistOnRoll { v += ", \(r) on roll" }
            if let kind = s.specialistProvision, kind != .none { v += " (\(kind.title))" }
            return v
        case .facilities:
            guard let f = s.facilities else { return nil }
            return f.isEmpty ? "none" : f.facilities.map(\.title).joined(separator: "; ")
        case .ofsted: return s.ofsted?.rawValue
        case .religiousCharacter: return s.religiousCharacter
        }
    }

    /// A plain-English question the LA can send to the setting when the fact is not known.
    public var question: String {
        switch self {
        case .type:
            "What type of setting are you (for example a community or voluntary school, an academy, a special school or a pupil referral unit), and do you have a resourced provision or SEN unit?"
        case .phase:
            "Which phase of education do you provide (nursery, primary, middle, secondary, all-through or 16 plus)?"
        case .ageRange: "What is the age range of the pupils you admit (the youngest and oldest age)?"
        case .gender: "Do you admit boys, girls, or both?"
        case .location: "What is the address and postcode of the site where pupils are taught?"
        case .capacity: "How many pupil places do you have in total (your capacity)?"
        case .onRoll: "How many pupils are on roll at present?"
        case .needs:
            "If you have a specialist offer (a special school, resourced provision or SEN unit), which types of special educational need is it designated for (for example autism, speech and language, social, emotional and mental health)?"
        case .specialistPlaces:
            "If you have a specialist offer, how many specialist places does it have, how many are filled now, and do you expect vacancies for next September?"
        case .facilities:
            "Which of these do you have on site: speech and language therapy, occupational therapy, physiotherapy, a nurse, counselling, hoists, accessible changing facilities, a lift, step-free access, a sensory room, quiet spaces, small classes, high staffing, signing or Makaton, AAC, a teacher of the deaf or of vision-impaired pupils, a hydrotherapy pool, a nurture group, residential places?"
        case .ofsted: "What was the overall outcome of your latest inspection, and when was it?"
        case .religiousCharacter: "Does your setting have a religious character (for example Church of England or Roman Catholic), or none?"
        }
    }
}

/// Where the header facts come from, for the `source` column of the audit.
public let headerFactSource = "Catalogue header (facts the matching engine uses)"

extension ReportSection {
    /// Who the section applies to, in words (mirrors ``applies(to:)``).
    public var appliesTo: String {
        switch self {
        case .identifyingNeeds: "mainstream schools and maintained nursery schools (and settings whose type is not known)"
        case .senco: "mainstream schools (and settings whose type is not known)"
        default: "all settings"
        }
    }

    /// Full reference: "SEND Regulations 2014, Schedule 1, item 7", "… s.69(3)(b)(iv)", "Parent-carer criterion P3".
    public var reference: String {
        switch source {
        case .schedule1: "SEND Regulations 2014, Schedule 1, item \(item)"
        case .accessibility:
            "Children and Families Act 2014 s.69(3)(b)(\(["i", "ii", "iii", "iv"][Int(item.dropFirst())! - 1]))"
        case .parentCriteria: "Parent-carer criterion \(item)"
        }
    }

    /// What the requirement asks for, paraphrased in plain words (for letters). Schedule 1 and s.69(3)(b) are
    /// summarised, not quoted; the parent-carer criteria are not statutory.
    public var requirement: String {
        switch self {
        case .kindsOfSEN: "the kinds of special educational needs for which provision is made at the school"
        case .identifyingNeeds: "the school's policies for identifying and assessing pupils with special educational needs"
        case .evaluatingEffectiveness: "how the school evaluates the effectiveness of its provision for pupils with SEN"
        case .assessingProgress: "the school's arrangements for assessing and reviewing the progress of pupils with SEN"
        case .approachToTeaching: "the school's approach to teaching pupils with SEN"
        case .adaptingCurriculum: "how the school adapts the curriculum and learning environment for pupils with SEN"
        case .additionalSupport: "the additional support for learning available to pupils with SEN"
        case .inclusiveActivities:
            "how the school enables pupils with SEN to take part in the activities of the school, including physical activities, together with pupils who do not have SEN"
        case .emotionalSocial: "the support available for improving the emotional and social development of pupils with SEN"
        case .senco: "the name and contact details of the SEN co-ordinator (SENCO)"
        case .staffExpertise: "the expertise and training of staff in relation to SEN, and how specialist expertise will be secured"
        case .equipmentFacilities: "how equipment and facilities to support pupils with SEN will be secured"
        case .consultingParents:
            "the arrangements for consulting parents of children with SEN about, and involving them in, their child's education"
        case .consultingPupils: "the arrangements for consulting pupils with SEN about, and involving them in, their education"
        case .complaints: "the arrangements for handling complaints from parents of pupils with SEN about the provision made at the school"
        case .partnerAgencies:
            "how the school involves other bodies, including health and social care, local authority support services and voluntary organisations, in meeting pupils' needs and supporting their families"
        case .parentSupportServices:
            "the contact details of support services for parents of pupils with SEN, including the information, advice and support service"
        case .transitions:
            "the arrangements for supporting pupils with SEN in moving between phases of education and in preparing for adulthood and independent living"
        case .localOffer: "where the local authority's Local Offer is published"
        case .accessAdmissions: "the arrangements for the admission of disabled pupils"
        case .accessEqualTreatment: "the steps taken to prevent disabled pupils from being treated less favourably than other pupils"
        case .accessFacilities: "the facilities provided to help disabled pupils access the school"
        case .accessibilityPlan: "the school's accessibility plan (Equality Act 2010, Schedule 10)"
        case .therapies: "which therapies (speech and language, occupational, physiotherapy) are available on site"
        case .classSizes: "class sizes and adult-to-pupil staffing ratios"
        case .sensorySpaces: "sensory rooms and quiet spaces"
        case .physicalAccess: "physical accessibility: lifts, ramps, hoists, accessible toilets and changing facilities"
        case .transport: "how pupils travel to and from the setting"
        case .inclusion: "how pupils with SEN learn and socialise with mainstream peers"
        case .transitionSupport: "how a pupil with SEN is supported when joining or leaving the setting"
        }
    }

    /// A plain-English question the LA can send to the setting when the section is missing or empty.
    public var question: String {
        switch self {
        case .kindsOfSEN: "Which kinds of special educational needs do you make provision for?"
        case .identifyingNeeds: "How do you identify and assess pupils who may have special educational needs?"
        case .evaluatingEffectiveness: "How do you evaluate how effective your provision for pupils with SEN is?"
        case .assessingProgress: "How do you assess and review the progress of pupils with SEN?"
        case .approachToTeaching: "What is your approach to teaching pupils with SEN?"
        case .adaptingCurriculum: "How do you adapt the curriculum and the learning environment for pupils with SEN?"
        case .additionalSupport: "What additional support for learning is available to pupils with SEN?"
        case .inclusiveActivities:
            "How do you make sure pupils with SEN can take part in all school activities, including physical activities and trips, together with pupils who do not have SEN?"
        case .emotionalSocial: "What support do you offer for the emotional and social development of pupils with SEN?"
        case .senco: "Who is your SENCO, and how can parents contact them (a role email address or the school switchboard is enough)?"
        case .staffExpertise:
            "What SEN expertise and training do your staff have, and how do you secure specialist expertise when a pupil needs it?"
        case .equipmentFacilities: "How do you secure the equipment and facilities that pupils with SEN need?"
        case .consultingParents: "How do you consult parents of children with SEN and involve them in their child's education?"
        case .consultingPupils: "How do you consult pupils with SEN and involve them in decisions about their own education?"
        case .complaints: "How can parents of a pupil with SEN complain about the provision made for their child?"
        case .partnerAgencies:
            "How do you involve health and social care services, local authority support services and voluntary organisations in meeting pupils' needs and supporting their families?"
        case .parentSupportServices:
            "Which support services can parents of pupils with SEN contact, including the local SEND information, advice and support service, and how?"
        case .transitions:
            "How do you support pupils with SEN when they move between phases of education, and as they prepare for adulthood and independent living?"
        case .localOffer: "Where do you tell parents the local authority's Local Offer is published (a link is enough)?"
        case .accessAdmissions: "What are your admission arrangements for disabled pupils?"
        case .accessEqualTreatment: "What steps do you take to prevent disabled pupils being treated less favourably than other pupils?"
        case .accessFacilities: "What facilities do you provide to help disabled pupils get into and around the school?"
        case .accessibilityPlan: "Where can parents read your accessibility plan, and what does it cover?"
        case .therapies:
            "Which therapies (for example speech and language therapy, occupational therapy, physiotherapy) are available on site, and how often?"
        case .classSizes: "What are your typical class sizes and adult-to-pupil ratios, including in any specialist provision?"
        case .sensorySpaces: "Do you have a sensory room or quiet spaces that pupils can use, and when can they use them?"
        case .physicalAccess:
            "How physically accessible is your site (for example lifts, ramps, hoists, accessible toilets and changing facilities)?"
        case .transport: "How do pupils usually travel to and from your setting, and how do you work with home-to-school transport?"
        case .inclusion: "How do pupils with SEN spend time learning and socialising with mainstream peers?"
        case .transitionSupport: "How do you help a pupil with SEN settle when they join you (for example visits, transition plans, a phased start)?"
        }
    }
}

/// One item the audit checks: a report section or a header fact.
public enum AuditItem: Sendable, Hashable, Comparable {
    case section(ReportSection)
    case fact(HeaderFact)

    /// Every item: the report sections in Schedule 1 order, then the header facts.
    public static let all: [AuditItem] = ReportSection.allCases.map(AuditItem.section) + HeaderFact.allCases.map(AuditItem.fact)

    /// `report` for a section, `header` for a fact.
    public var part: String {
        switch self {
        case .section: "report"
        case .fact: "header"
        }
    }

    /// Stable key: the section key (`consulting-parents`) or the fact key (`age-range`).
    public var key: String {
        switch self {
        case .section(let s): s.rawValue
        case .fact(let f): f.rawValue
        }
    }

    /// Short reference: "7", "3(a)", "A4", "P1", "H3".
    public var item: String {
        switch self {
        case .section(let s): s.item
        case .fact(let f): f.item
        }
    }

    public var title: String {
        switch self {
        case .section(let s): s.title
        case .fact(let f): f.title
        }
    }

    /// Where the requirement comes from: a ``ReportSection/Source`` title or ``headerFactSource``.
    public var source: String {
        switch self {
        case .section(let s): s.source.rawValue
        case .fact: headerFactSource
        }
    }

    public var appliesTo: String {
        switch self {
        case .section(let s): s.appliesTo
        case .fact(let f): f.appliesTo
        }
    }

    public var question: String {
        switch self {
        case .section(let s): s.question
        case .fact(let f): f.question
        }
    }

    private var order: Int {
        switch self {
        case .section(let s): ReportSection.allCases.firstIndex(of: s)!
        case .fact(let f): ReportSection.allCases.count + HeaderFact.allCases.firstIndex(of: f)!
        }
    }

    public static func < (a: AuditItem, b: AuditItem) -> Bool { a.order < b.order }
}

// MARK: Coverage

/// Counts of statuses over some items; coverage is present ÷ applicable (applicable = present + empty + missing).
public struct Coverage: Sendable, Hashable {
    public var present: Int
    public var empty: Int
    public var missing: Int
    public var notApplicable: Int

    public init(present: Int = 0, empty: Int = 0, missing: Int = 0, notApplicable: Int = 0) {
        self.present = present
        self.empty = empty
        self.missing = missing
        self.notApplicable = notApplicable
    }

    public init(_ statuses: some Sequence<AuditStatus>) {
        self.init()
        for s in statuses { add(s) }
    }

    public mutating func add(_ s: AuditStatus) {
        switch s {
        case .present: present += 1
        case .empty: empty += 1
        case .missing: missing += 1
        case .notApplicable: notApplicable += 1
        }
    }

    public var applicable: Int { present + empty + missing }
    public var total: Int { applicable + notApplicable }
    /// Applicable items not present: what the LA would ask about.
    public var gaps: Int { empty + missing }

    /// present ÷ applicable, or nil when nothing applies.
    public var fraction: Double? { applicable == 0 ? nil : Double(present) / Double(applicable) }

    /// Coverage as a percentage with one decimal ("73.4"), or nil when nothing applies.
    public var percent: String? { fraction.map { Fixed.format($0 * 100, places: 1) } }

    public static func + (a: Coverage, b: Coverage) -> Coverage {
        Coverage(present: a.present + b.present, empty: a.empty + b.empty, missing: a.missing + b.missing,
                 notApplicable: a.notApplicable + b.notApplicable)
    }

    public static func += (a: inout Coverage, b: Coverage) { a = a + b }
}

// MARK: Per setting

/// A question for one setting: an applicable item the catalogue does not hold (missing or empty).
public struct AuditQuestion: Sendable, Hashable {
    public var item: AuditItem
    public var status: AuditStatus
    public var text: String
}

/// The audit of one setting.
public struct SettingAudit: Sendable, Hashable {
    public let urn: Int
    public let name: String
    public let fictional: Bool
    /// A real school whose SEN facts were invented (``Setting/synthetic``).
    public let synthetic: Bool
    public let localAuthority: LocalAuthority?
    public let type: SettingType
    /// The setting's `source:` lines: where the catalogue's facts came from.
    public let sources: [String]
    /// Status of each report section, indexed like `ReportSection.allCases`.
    public let sections: [AuditStatus]
    /// Status of each header fact, indexed like `HeaderFact.allCases`.
    public let facts: [AuditStatus]
    /// The value held for each header fact (plain words), indexed like `HeaderFact.allCases`.
    public let factValues: [String?]

    public init(_ s: Setting) {
        urn = s.urn
        name = s.name
        fictional = s.fictional
        synthetic = s.synthetic
        localAuthority = s.localAuthority
        type = s.type
        sources = s.sources
        sections = ReportSection.allCases.map { section in
            guard section.applies(to: s.type) else { return .notApplicable }
            guard let text = s.report[section] else { return .missing }
            return text.allSatisfy(\.isWhitespace) ? .empty : .present
        }
        facts = HeaderFact.allCases.map { f in
            guard f.applies(to: s) else { return .notApplicable }
            return f.value(in: s) == nil ? .missing : .present
        }
        factValues = HeaderFact.allCases.map { $0.value(in: s) }
    }

    public func status(_ section: ReportSection) -> AuditStatus { sections[ReportSection.allCases.firstIndex(of: section)!] }
    public func status(_ fact: HeaderFact) -> AuditStatus { facts[HeaderFact.allCases.firstIndex(of: fact)!] }
    public func status(_ item: AuditItem) -> AuditStatus {
        switch item {
        case .section(let s): status(s)
        case .fact(let f): status(f)
        }
    }
    public func value(_ fact: HeaderFact) -> String? { factValues[HeaderFact.allCases.firstIndex(of: fact)!] }

    /// Statuses of every item in ``AuditItem/all`` order.
    public var statuses: [AuditStatus] { sections + facts }

    public var reportCoverage: Coverage { Coverage(sections) }
    public var factCoverage: Coverage { Coverage(facts) }
    /// Report sections and header facts pooled (each item counts once).
    public var combinedCoverage: Coverage { reportCoverage + factCoverage }

    /// "What to ask": one question per applicable item that is missing or empty, sections first, in item order.
    public var questions: [AuditQuestion] {
        zip(AuditItem.all, statuses).compactMap { item, status in
            status == .missing || status == .empty ? AuditQuestion(item: item, status: status, text: item.question) : nil
        }
    }
}

// MARK: Aggregates

/// Totals over a group of settings (overall, one LA, one setting type). Coverage is pooled: present items ÷
/// applicable items over all the group's settings.
public struct AuditTotals: Sendable, Hashable {
    public var settings = 0
    public var report = Coverage()
    public var facts = Coverage()
    /// Settings that hold text for every report section that applies to them.
    public var completeReports = 0
    /// Settings that hold no report text at all.
    public var noReport = 0
    /// Settings that hold every header fact that applies to them.
    public var completeFacts = 0

    public init() {}

    public var combined: Coverage { report + facts }

    public mutating func add(_ a: SettingAudit) {
        settings += 1
        let r = a.reportCoverage, f = a.factCoverage
        report += r
        facts += f
        if r.gaps == 0 { completeReports += 1 }
        if r.present == 0 { noReport += 1 }
        if f.gaps == 0 { completeFacts += 1 }
    }
}

/// The gap analysis of a set of settings.
public struct GapAnalysis: Sendable, Hashable {
    public static let fictionalLabel = "FICTIONAL example LA — not real schools"
    public static let realLabel = "real settings"
    public static let syntheticLabel = "SYNTHETIC — real schools with invented SEN data, not facts about them"

    public struct LAGroup: Sendable, Hashable {
        /// nil for settings whose LA is not recorded (listed last).
        public var localAuthority: LocalAuthority?
        public var totals: AuditTotals
    }

    public struct TypeGroup: Sendable, Hashable {
        public var type: SettingType
        public var totals: AuditTotals
    }

    public struct ItemCounts: Sendable, Hashable {
        public var item: AuditItem
        /// Counts over settings: how many settings hold the item, hold it empty, lack it, or are not asked it.
        public var counts: Coverage
    }

    /// Per-setting audits in ascending URN order.
    public let settings: [SettingAudit]
    /// True when any setting is fictional (a catalogue is never mixed): every output is labelled fictional.
    public let fictional: Bool
    /// True when the settings are synthetic (real schools, invented SEN facts): every output is labelled SYNTHETIC.
    public let synthetic: Bool
    public let overall: AuditTotals
    /// By local authority, in LA code order; settings with no LA last.
    public let byLA: [LAGroup]
    /// By setting type, in ``SettingType`` order; only types with settings.
    public let byType: [TypeGroup]
    /// By item (every report section, then every header fact), in ``AuditItem/all`` order.
    public let byItem: [ItemCounts]

    /// "FICTIONAL example LA — not real schools" or "real settings".
    public var label: String {
        fictional ? GapAnalysis.fictionalLabel : synthetic ? GapAnalysis.syntheticLabel : GapAnalysis.realLabel
    }

    public var bySection: [ItemCounts] { byItem.filter { $0.item.part == "report" } }
    public var byFact: [ItemCounts] { byItem.filter { $0.item.part == "header" } }

    public init(catalogue: Catalogue) { self.init(settings: catalogue.settings) }

    public init(settings input: [Setting]) {
        let audits = input.sorted { ($0.urn, $0.name) < ($1.urn, $1.name) }.map(SettingAudit.init)
        settings = audits
        fictional = audits.contains { $0.fictional }
        synthetic = audits.contains { $0.synthetic }
        var overall = AuditTotals()
        var las: [LocalAuthority: AuditTotals] = [:]
        var noLA = AuditTotals()
        var types: [SettingType: AuditTotals] = [:]
        var items = Array(repeating: Coverage(), count: AuditItem.all.count)
        for a in audits {
            overall.add(a)
            if let la = a.localAuthority { las[la, default: AuditTotals()].add(a) } else { noLA.add(a) }
            types[a.type, default: AuditTotals()].add(a)
            for (i, s) in a.statuses.enumerated() { items[i].add(s) }
        }
        self.overall = overall
        var byLA = las.keys.sorted().map { LAGroup(localAuthority: $0, totals: las[$0]!) }
        if noLA.settings > 0 { byLA.append(LAGroup(localAuthority: nil, totals: noLA)) }
        self.byLA = byLA
        byType = SettingType.allCases.compactMap { t in types[t].map { TypeGroup(type: t, totals: $0) } }
        byItem = zip(AuditItem.all, items).map { ItemCounts(item: $0, counts: $1) }
    }
}
