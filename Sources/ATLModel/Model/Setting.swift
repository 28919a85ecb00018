/// A point on the British National Grid (OSGB36 / EPSG:27700), in metres. GIAS publishes settings'
/// locations this way, so straight-line distance is plain Euclidean distance.
public struct GridPoint: Sendable, Hashable, Codable {
    public var easting: Int
    public var northing: Int
    public init(easting: Int, northing: Int) {
        self.easting = easting
        self.northing = northing
    }

    /// True inside the National Grid's extent over Great Britain (0–700 km east, 0–1,300 km north).
    public var isInGreatBritain: Bool { (0...700_000).contains(easting) && (0...1_300_000).contains(northing) }

    /// Straight-line distance in metres.
    public func distance(to other: GridPoint) -> Double {
        let dx = Double(easting - other.easting), dy = Double(northing - other.northing)
        return (dx * dx + dy * dy).squareRoot()
    }
}

/// Statutory age range, in whole years of age (GIAS `StatutoryLowAge`/`StatutoryHighAge`), e.g. 11–16.
public struct AgeRange: Sendable, Hashable, Codable, CustomStringConvertible {
    public var low: Int
    public var high: Int
    public init(low: Int, high: Int) {
        self.low = low
        self.high = high
    }
    public var description: String { "\(low)-\(high)" }

    /// National curriculum years a setting with this statutory age range admits. GIAS gives the low age as a
    /// child's age when they join (on 31 August before the year starts: Year N = age N + 4, Reception = 4)
    /// and the high age as the age reached in the last year (Year N pupils turn N + 5). So 4–11 is
    /// Reception–Year 6, 11–16 is Years 7–11, 11–18 is Years 7–13 and 16–19 is Years 12–14, matching
    /// ``Phase/typicalYears``.
    public var years: ClosedRange<Int> { (low - 4) ... max(low - 4, high - 5) }
}

/// A local authority: its DfE three-digit code (e.g. 894 Telford and Wrekin) and name.
public struct LocalAuthority: Sendable, Hashable, Codable, Comparable {
    public var code: Int
    public var name: String
    public init(code: Int, name: String) {
        self.code = code
        self.name = name
    }
    public static func < (a: LocalAuthority, b: LocalAuthority) -> Bool { (a.code, a.name) < (b.code, b.name) }
}

/// One education setting (school, college, unit, nursery) with the facts the catalogue knows about it and
/// its SEN information report.
///
/// Every optional property is *unknown* when nil: the data it came from did not publish it. Unknown is never
/// read as "no" or "yes"; the gap analysis reports it and explanations tell a family what to ask.
public struct Setting: Sendable, Hashable {
    /// Unique Reference Number (GIAS). Fictional settings use 9,000,000 and above.
    public var urn: Int
    public var name: String
    /// True for the invented settings of the example LA. Fictional and real settings never share a catalogue.
    public var fictional: Bool
    /// True for a real setting (real URN, name and location) whose SEN facts and report were invented for
    /// benchmarking (`atl synth-national`). Never both fictional and synthetic; never mixed with plain real
    /// settings in one catalogue.
    public var synthetic: Bool
    public var localAuthority: LocalAuthority?
    public var type: SettingType
    /// The GIAS type of establishment name the type was derived from, when known.
    public var giasType: String?
    public var status: SettingStatus
    public var phase: Phase?
    public var ageRange: AgeRange?
    public var gender: Gender?
    public var religiousCharacter: String?
    public var ofsted: OfstedJudgement?
    /// Date of the inspection that gave ``ofsted``, `YYYY-MM-DD` (GIAS `OfstedLastInsp`).
    public var ofstedDate: String?
    public var location: GridPoint?
    /// The setting's own postcode.
    public var postcode: String?
    /// The postcode nearest to the setting's coordinates (not its address), when that is all that is known.
    public var nearestPostcode: String?
    public var capacity: Int?
    public var onRoll: Int?
    /// Need codes the setting's specialist provision (or the whole special school) is designated for.
    public var needs: NeedSet?
    public var specialistProvision: SpecialistProvisionKind?
    public var specialistPlaces: Int?
    public var specialistOnRoll: Int?
    /// Vacancies in the specialist provision as stated by the LA; overrides places − on roll.
    public var specialistVacanciesStated: Int?
    /// Specialist places per need code, when the LA commissions them separately.
    public var placesByNeed: [NeedCode: Int]?
    public var facilities: FacilitySet?
    public var costBand: CostBand?
    /// Provenance of the facts: one line per source, e.g. "GIAS extract 2026-01-30".
    public var sources: [String]
    /// The SEN information report, by section. A section present with empty text is "empty" in the audit.
    /// Held in memory, or (a setting loaded from an index snapshot) decoded from the snapshot on first use.
    public var report: [ReportSection: String] {
        get { reportStorage.value }
        set { reportStorage = ReportStorage(newValue) }
    }
    /// Where ``report`` comes from. Compared and hashed by the report's text, never by where it is held.
    public var reportStorage: ReportStorage

    // MARK: Dated public facts and their provenance (atl-setting/2)

    /// Where each header fact came from and as of when, by field name (`type`, `needs`, …). Empty for a
    /// setting read from an `atl-setting/1` file (its facts carry no dates) or built in memory; a setting with
    /// any provenance is written as `atl-setting/2`, and then its `sources` are ``SourceDeclaration`` lines.
    public var provenance: [String: FactProvenance] = [:]
    /// To-confirm rows an officer confirmed (`atl confirm --row`): left out of later to-confirm reports.
    public var confirmedRows: [ReviewedRow] = []
    /// To-confirm rows an officer rejected (`atl confirm --row --reject`): left out of later reports.
    public var rejectedRows: [ReviewedRow] = []
    /// DfE number `LLL/EEEE` (LA code / establishment number), the key of the DfE lists.
    public var dfeNumber: String?
    /// Whether the setting is on the Secretary of State's list of institutions approved under section 41 of
    /// the Children and Families Act 2014 (an independent special school or special post-16 institution a
    /// family may ask to be named as for a maintained school); nil when not known.
    public var s41Approved: Bool?
    /// The day the s41 approval took effect (`YYYY-MM-DD`), when published.
    public var s41ApprovedSince: String?
    /// Need codes named by a published designation that says there is more ("broad range of SEN incl. severe
    /// … and profound learning disabilities" → SLD, PMLD, written `needs: SLD, PMLD (partial)`). Kept apart
    /// from ``needs`` so that a partial designation can earn credit but never exclude a child: the engine reads
    /// ``needs`` as the complete designation.
    public var partialNeeds: NeedSet?
    /// The need served, as the Local Offer page published it (verbatim wording, shown to the officer).
    public var needsAsPublished: String?
    /// The places or size text as published (shown to the officer, never scored).
    public var placesAsPublished: String?
    /// The largest class size published.
    public var largestClass: Int?
    /// Pupils with an EHC plan (or statement) of all pupils on a census day: recent experience, never scored
    /// as designation, places or vacancies.
    public var pupilsWithEHCP: PupilCount?
    /// Pupils on SEN support of all pupils on a census day: recent experience.
    public var pupilsOnSENSupport: PupilCount?
    /// Address of the setting's published SEN information report or SEND page.
    public var senReportLink: String?
    /// What that page is, as published ("SEN information report", "admission criteria"), so a link is never
    /// called a report when it is not one.
    public var senReportKind: String?

    public init(urn: Int, name: String, fictional: Bool = false, localAuthority: LocalAuthority? = nil,
                type: SettingType = .unknown, giasType: String? = nil, status: SettingStatus = .open,
                phase: Phase? = nil, ageRange: AgeRange? = nil, gender: Gender? = nil,
                religiousCharacter: String? = nil, ofsted: OfstedJudgement? = nil, location: GridPoint? = nil,
                postcode: String? = nil, nearestPostcode: String? = nil, capacity: Int? = nil, onRoll: Int? = nil,
                needs: NeedSet? = nil, specialistProvision: SpecialistProvisionKind? = nil,
                specialistPlaces: Int? = nil, specialistOnRoll: Int? = nil, specialistVacanciesStated: Int? = nil,
                placesByNeed: [NeedCode: Int]? = nil, facilities: FacilitySet? = nil, costBand: CostBand? = nil,
                sources: [String] = [], report: [ReportSection: String] = [:], synthetic: Bool = false) {
        self.urn = urn
        self.name = name
        self.fictional = fictional
        self.synthetic = synthetic
        self.localAuthority = localAuthority
        self.type = type
        self.giasType = giasType
        self.status = status
        self.phase = phase
        self.ageRange = ageRange
        self.gender = gender
        self.religiousCharacter = religiousCharacter
        self.ofsted = ofsted
        self.location = location
        self.postcode = postcode
        self.nearestPostcode = nearestPostcode
        self.capacity = capacity
        self.onRoll = onRoll
        self.needs = needs
        self.specialistProvision = specialistProvision
        self.specialistPlaces = specialistPlaces
        self.specialistOnRoll = specialistOnRoll
        self.specialistVacanciesStated = specialistVacanciesStated
        self.placesByNeed = placesByNeed
        self.facilities = facilities
        self.costBand = costBand
        self.sources = sources
        self.reportStorage = ReportStorage(report)
    }

    /// Vacancies in the specialist provision: stated by the LA, else places − on roll (never below 0);
    /// nil when unknown.
    public var specialistVacancies: Int? {
        if let s = specialistVacanciesStated { return s }
        guard let p = specialistPlaces, let r = specialistOnRoll else { return nil }
        return max(0, p - r)
    }

    /// General vacancies: capacity − number on roll (never below 0); nil when either is unknown.
    public var generalVacancies: Int? {
        guard let c = capacity, let r = onRoll else { return nil }
        return max(0, c - r)
    }

    /// The establishment group the `type` line of an `atl-setting/2` file holds: ``type`` without the
    /// resourced provision that ``specialistProvision`` records separately. A mainstream school with a known
    /// resourced provision or SEN unit is `mainstream` here and `mainstream-resourced` in ``type``; a
    /// `mainstream-resourced` setting whose provision kind is not known keeps that value.
    public var typeGroup: SettingType {
        type == .mainstreamResourced && SettingType.isKnownUnit(specialistProvision) ? .mainstream : type
    }

    /// True when the GIAS type of establishment is one the LA does not place children in (a university, a
    /// Welsh school, an FE unit …; ``SettingType/giasGroup(_:)``): the engine can leave such a setting out of
    /// lists. Its ``type`` stays `unknown`.
    public var isOutsidePlacement: Bool {
        guard let g = giasType else { return false }
        return SettingType.giasGroup(g) == .notPlaced
    }

    /// True when the setting has a designated specialist offer (special school, unit or resourced provision).
    public var hasSpecialistOffer: Bool {
        type.isSpecialist || type == .mainstreamResourced
            || (specialistProvision != nil && specialistProvision != SpecialistProvisionKind.none)
    }

    /// National curriculum years the setting admits: from its age range, else approximately from its phase.
    ///
    /// A nursery school (phase nursery, or an early-years setting) admits only the years below Reception: its
    /// statutory upper age of 5 is there because a child may stay until compulsory school age, having deferred
    /// entry to Reception (School Admissions Code 2.17), not because it has a Reception class (policy R4).
    public var admittedYears: (years: ClosedRange<Int>, approximate: Bool)? {
        if let a = ageRange {
            let y = a.years
            guard isNurserySchool else { return (y, false) }
            return (y.lowerBound ... max(y.lowerBound, min(y.upperBound, -1)), false)
        }
        if let y = phase?.typicalYears { return (y, true) }
        return nil
    }

    /// A nursery school: phase nursery, or an early-years setting (a maintained nursery school in GIAS).
    public var isNurserySchool: Bool { phase == .nursery || type == .earlyYears }
}
