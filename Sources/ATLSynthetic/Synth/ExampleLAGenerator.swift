import ATLModel
import ATLData
import ATLPlanning
/// Builds the example LA's generated settings: about 180 invented schools, colleges and nurseries of every
/// ``SettingType``, in proportions like a real shire LA's, placed at real postcodes of Telford and Wrekin and
/// Shropshire so the fictional "Severnvale" sits on real geography.
///
/// Everything is fictional and marked so (`fictional: yes`, the renderer's `# FICTIONAL` comment and the
/// source line); names come from ``FictionalNames`` and never equal a hand-written setting's name. The result
/// depends only on the seed, the count, the postcode lookup and the reserved names: same inputs, same
/// settings, in URN order from ``firstURN``.
public enum ExampleLAGenerator {
    /// The first URN of generated settings; 9000001–9000099 are kept for hand-written ones.
    public static let firstURN = 9_000_100
    public static let defaultSeed: UInt64 = 2026
    public static let defaultCount = 180
    /// How a generated setting's `source:` line starts; it tells generated files from hand-written ones.
    public static let sourcePrefix = "Example LA generator"
    /// The fictional LA every generated setting belongs to.
    public static let localAuthority = LocalAuthority(code: 999, name: "Severnvale (fictional example LA)")
    /// ONS districts whose postcodes place the settings: Telford and Wrekin, Shropshire.
    public static let districts: Set<String> = ["E06000020", "E06000051"]
    /// Settings stand at least this far apart (metres), so they spread over the area.
    static let minimumSpacing = 400.0

    /// One kind of setting the LA has, with its share of the total.
    struct Kind: Sendable {
        var type: SettingType
        var giasTypes: [String]
        var phase: Phase
        var ages: [AgeRange]
        var weight: Double
        var naming: Naming
        /// Designations to cycle through (so every designation appears); empty lets SyntheticProvision choose.
        var designations: [[NeedCode]] = []
        /// Age ranges going with ``designations`` (same index), when they differ by designation.
        var designationAges: [AgeRange] = []
        /// In a town (``townOutcodes``), as maintained special schools, colleges, PRUs and nursery schools are.
        var urban: Bool { [.special, .alternativeProvision, .post16, .earlyYears].contains(type) }
    }

    /// Outward codes of the two districts' towns: Telford, Shrewsbury, Oswestry, Ludlow, Bridgnorth, Market
    /// Drayton, Newport, Whitchurch.
    static let townOutcodes: Set<Substring> = ["TF1", "TF2", "TF3", "TF4", "TF5", "TF7", "SY1", "SY2", "SY3", "SY11",
                                               "SY8", "WV16", "TF9", "TF10", "SY13"]

    enum Naming: Sendable { case primary, infant, junior, secondary, allThrough, special, independentSpecial, nonMaintained,
                  alternative, college, sixthForm, specialCollege, nursery, prep }

    /// The LA's mix. Weights are per 180 settings, loosely after Telford and Wrekin plus Shropshire (GIAS):
    /// mostly primaries, a tenth secondaries, a few of each specialist and post-16 kind.
    static let kinds: [Kind] = [
        Kind(type: .mainstream, giasTypes: ["Community school", "Community school", "Voluntary controlled school",
                                            "Voluntary aided school", "Academy converter", "Academy sponsor led",
                                            "Foundation school"],
             phase: .primary, ages: [AgeRange(low: 4, high: 11), AgeRange(low: 3, high: 11)], weight: 88, naming: .primary),
        Kind(type: .mainstream, giasTypes: ["Community school", "Academy converter"], phase: .primary,
             ages: [AgeRange(low: 4, high: 7)], weight: 4, naming: .infant),
        Kind(type: .mainstream, giasTypes: ["Community school", "Academy converter"], phase: .primary,
             ages: [AgeRange(low: 7, high: 11)], weight: 4, naming: .junior),
        Kind(type: .mainstream, giasTypes: ["Academy converter", "Academy converter", "Academy sponsor led",
                                            "Foundation school", "Voluntary aided school", "Free schools"],
             phase: .secondary, ages: [AgeRange(low: 11, high: 18), AgeRange(low: 11, high: 16)], weight: 18,
             naming: .secondary),
        Kind(type: .mainstream, giasTypes: ["Academy converter", "Free schools"], phase: .allThrough,
             ages: [AgeRange(low: 4, high: 18), AgeRange(low: 4, high: 16)], weight: 2, naming: .allThrough),
        Kind(type: .mainstreamResourced, giasTypes: ["Community school", "Academy converter", "Voluntary controlled school"],
             phase: .primary, ages: [AgeRange(low: 4, high: 11)], weight: 10, naming: .primary,
             designations: [[.ASD], [.SLCN], [.HI], [.ASD, .SLCN], [.SEMH], [.PD], [.MLD], [.VI], [.ASD], [.SLCN]]),
        Kind(type: .mainstreamResourced, giasTypes: ["Academy converter", "Academy sponsor led", "Foundation school"],
             phase: .secondary, ages: [AgeRange(low: 11, high: 18), AgeRange(low: 11, high: 16)], weight: 6,
             naming: .secondary, designations: [[.ASD], [.SPLD], [.HI], [.ASD, .SLCN], [.PD], [.SEMH]]),
        Kind(type: .special, giasTypes: ["Community special school", "Academy special converter",
                                         "Foundation special school", "Free schools special"],
             phase: .notApplicable, ages: [AgeRange(low: 2, high: 19)],
             weight: 8, naming: .special,
             designations: [[.SLD, .PMLD], [.ASD, .SLCN], [.SEMH], [.MLD, .ASD], [.PD, .MLD], [.SLD, .ASD],
                            [.MLD], [.SEMH]],
             designationAges: [AgeRange(low: 2, high: 19), AgeRange(low: 11, high: 19), AgeRange(low: 11, high: 16),
                               AgeRange(low: 7, high: 19), AgeRange(low: 2, high: 19), AgeRange(low: 4, high: 11),
                               AgeRange(low: 4, high: 11), AgeRange(low: 5, high: 11)]),
        Kind(type: .independentSpecial, giasTypes: ["Other independent special school"], phase: .notApplicable,
             ages: [AgeRange(low: 8, high: 19), AgeRange(low: 11, high: 18), AgeRange(low: 5, high: 16),
                    AgeRange(low: 10, high: 19)],
             weight: 8, naming: .independentSpecial,
             designations: [[.ASD], [.SEMH], [.ASD, .SEMH], [.ASD, .SLCN], [.SEMH, .SPLD], [.SPLD], [.ASD], [.SEMH]]),
        Kind(type: .nonMaintainedSpecial, giasTypes: ["Non-maintained special school"], phase: .notApplicable,
             ages: [AgeRange(low: 5, high: 19), AgeRange(low: 3, high: 19)], weight: 2, naming: .nonMaintained,
             designations: [[.HI], [.PD, .PMLD], [.VI, .MSI]]),
        Kind(type: .independent, giasTypes: ["Other independent school"], phase: .notApplicable,
             ages: [AgeRange(low: 3, high: 11), AgeRange(low: 3, high: 18), AgeRange(low: 11, high: 18)], weight: 6,
             naming: .prep),
        Kind(type: .alternativeProvision, giasTypes: ["Pupil referral unit", "Academy alternative provision sponsor led",
                                                      "Free schools alternative provision"],
             phase: .notApplicable, ages: [AgeRange(low: 11, high: 16), AgeRange(low: 5, high: 11)], weight: 4,
             naming: .alternative),
        Kind(type: .post16, giasTypes: ["Further education"], phase: .sixteenPlus, ages: [AgeRange(low: 16, high: 25)],
             weight: 2, naming: .college),
        Kind(type: .post16, giasTypes: ["Sixth form centres", "Academy 16 to 19 converter"], phase: .sixteenPlus,
             ages: [AgeRange(low: 16, high: 19)], weight: 2, naming: .sixthForm),
        Kind(type: .post16, giasTypes: ["Special post 16 institution"], phase: .sixteenPlus,
             ages: [AgeRange(low: 16, high: 25)], weight: 2, naming: .specialCollege,
             designations: [[.SLD, .PMLD, .ASD], [.ASD, .MLD]]),
        Kind(type: .earlyYears, giasTypes: ["Local authority nursery school"], phase: .nursery,
             ages: [AgeRange(low: 2, high: 5), AgeRange(low: 3, high: 5)], weight: 6, naming: .nursery,
             designations: [[], [.SLCN, .ASD], [], [], [.SLCN], []]),
    ]

    /// How many settings of each kind for `count` settings: largest remainder, every kind at least one.
    static func allocation(count: Int) -> [Int] {
        let total = kinds.reduce(0) { $0 + $1.weight }
        let exact = kinds.map { $0.weight * Double(count) / total }
        var n = exact.map { max(1, Int($0)) }
        let order = exact.indices.sorted { (exact[$0] - exact[$0].rounded(.down), -$0) > (exact[$1] - exact[$1].rounded(.down), -$1) }
        var i = 0
        while n.reduce(0, +) < count {
            n[order[i % order.count]] += 1
            i += 1
        }
        while n.reduce(0, +) > count, let big = n.indices.max(by: { n[$0] < n[$1] }), n[big] > 1 { n[big] -= 1 }
        return n
    }

    /// The town a postcode's outward code stands for, for report text ("Oswestry"); nil when not known.
    public static func town(outcode: Substring) -> String? {
        switch outcode {
        case "TF1", "TF2", "TF3", "TF4", "TF5", "TF7": return "Telford"
        case "TF6": return "the Telford area"
        case "TF8": return "Ironbridge"
        case "TF9": return "Market Drayton"
        case "TF10": return "Newport"
        case "TF11": return "Shifnal"
        case "TF12": return "Broseley"
        case "TF13": return "Much Wenlock"
        case "SY1", "SY2", "SY3": return "Shrewsbury"
        case "SY4", "SY5": return "the Shrewsbury area"
        case "SY6": return "Church Stretton"
        case "SY7": return "Craven Arms"
        case "SY8": return "Ludlow"
        case "SY9": return "Bishop's Castle"
        case "SY10", "SY11": return "Oswestry"
        case "SY12": return "Ellesmere"
        case "SY13": return "Whitchurch"
        case "WV15", "WV16": return "Bridgnorth"
        case "WV7": return "Albrighton"
        case "DY14": return "Cleobury Mortimer"
        case "WR15": return "the Tenbury Wells area"
        default: return nil
        }
    }

    /// Generates `count` settings from `seed`. `reservedNames` are the hand-written settings' names, never reused.
    /// Returns an empty list when the lookup has no postcodes in ``districts``.
    public static func generate(seed: UInt64 = defaultSeed, count: Int = defaultCount, postcodes: PostcodeLookup,
                                reservedNames: Set<String>) -> [Setting] {
        var candidates = postcodes.entries(inDistricts: districts).filter { !Postcode.outcode(of: $0.postcode).hasSuffix("99") }
        guard !candidates.isEmpty, count > 0 else { return [] }
        var rng = SeededRandom(seed: seed, stream: 0)
        rng.shuffle(&candidates)
        var sites = Sites(candidates)
        var names = FictionalNames(rng: &rng, reservedNames: reservedNames)
        let order = plan(count: count, rng: &rng)
        var out: [Setting] = []
        for (offset, item) in order.enumerated() {
            let kind = kinds[item.kind]
            let urn = firstURN + offset
            let spot = sites.take(urban: kind.urban)
            out.append(setting(kind: kind, index: item.index, urn: urn, at: spot, seed: seed, names: &names))
        }
        return out
    }

    /// Which kind each URN gets: every kind's share (``allocation(count:)``) in a seeded order, so URNs do not
    /// group by type. `index` counts settings of the same kind, to cycle through its designations.
    static func plan(count: Int, rng: inout SeededRandom) -> [(kind: Int, index: Int)] {
        var plan: [(kind: Int, index: Int)] = []
        for (k, n) in allocation(count: count).enumerated() { for i in 0..<n { plan.append((k, i)) } }
        rng.shuffle(&plan)
        return Array(plan.prefix(count))
    }

    /// The real postcodes settings may stand at, in shuffled order, and the settings placed so far: each new
    /// setting takes the next postcode at least ``minimumSpacing`` from every placed one (in a town for urban
    /// kinds), so settings spread over the area.
    struct Sites {
        typealias Site = (postcode: String, point: GridPoint, district: String)
        var candidates: [Site]
        var inTown: [Bool]
        var next = 0
        /// Placed settings by grid cell of `minimumSpacing` metres: a new one need only check the 3 x 3 cells
        /// around it.
        var placed: [Int: [GridPoint]] = [:]

        init(_ candidates: [Site]) {
            self.candidates = candidates
            inTown = candidates.map { townOutcodes.contains(Postcode.outcode(of: $0.postcode)) }
        }

        func cell(_ e: Int, _ n: Int) -> Int { (e / Int(minimumSpacing)) * 10_000 + n / Int(minimumSpacing) }

        func isClear(_ p: GridPoint) -> Bool {
            let ce = p.easting / Int(minimumSpacing), cn = p.northing / Int(minimumSpacing)
            for de in -1...1 {
                for dn in -1...1 {
                    for q in placed[(ce + de) * 10_000 + cn + dn] ?? [] where q.distance(to: p) < minimumSpacing {
                        return false
                    }
                }
            }
            return true
        }

        /// The next shuffled postcode that is clear of every placed setting (and in a town when `urban`); when
        /// none is, the next one in order. The chosen one is swapped forward so it is never offered again.
        mutating func take(urban: Bool) -> Site {
            let n = candidates.count
            var spot = candidates[next % n]
            var tries = 0
            while tries < n {
                let i = (next + tries) % n
                if !urban || inTown[i], isClear(candidates[i].point) {
                    spot = candidates[i]
                    candidates.swapAt(next % n, i)
                    inTown.swapAt(next % n, i)
                    break
                }
                tries += 1
            }
            next += 1
            placed[cell(spot.point.easting, spot.point.northing), default: []].append(spot.point)
            return spot
        }
    }

    /// One fictional setting of `kind` at `spot`, from its own random stream (the URN), so a setting's facts do
    /// not depend on the settings generated before it: GIAS type, faith, gender, ages, name, SEN provision
    /// (``SyntheticProvision``), the policy's facts and the report text (``SyntheticReport``).
    static func setting(kind: Kind, index: Int, urn: Int, at spot: Sites.Site, seed: UInt64,
                        names: inout FictionalNames) -> Setting {
        var r = SeededRandom(seed: seed, stream: UInt64(urn))
        let gias = r.pick(kind.giasTypes)
        var religion = "None"
        if gias == "Voluntary aided school" {
            religion = r.chance(0.55) ? "Roman Catholic" : "Church of England"
        } else if gias == "Voluntary controlled school" || (gias.hasPrefix("Academy") && kind.naming == .primary && r.chance(0.2)) {
            religion = "Church of England"
        }
        var gender = Gender.mixed
        if kind.type == .independent, kind.naming == .prep, r.chance(0.3) { gender = r.chance(0.5) ? .girls : .boys }
        let ages = kind.designationAges.isEmpty ? r.pick(kind.ages)
            : kind.designationAges[index % kind.designationAges.count]
        var phase = kind.phase
        if kind.type == .independent || kind.type == .alternativeProvision { phase = .notApplicable }
        let name = uniqueName(kind: kind, ages: ages, gias: gias, religion: religion, gender: gender,
                              names: &names, rng: &r)
        var s = Setting(urn: urn, name: name, fictional: true, localAuthority: localAuthority, type: kind.type,
                        giasType: gias, status: .open, phase: phase, ageRange: ages, gender: gender,
                        religiousCharacter: religion, ofsted: ofsted(&r), location: spot.point,
                        postcode: spot.postcode,
                        sources: ["\(sourcePrefix), seed \(seed) (fictional setting at a real postcode)"])
        if kind.type == .independent {
            // Independent schools are smaller than maintained ones.
            s.capacity = ages.high <= 11 ? 20 * r.int(in: 6...16) : 50 * r.int(in: 4...16)
        }
        let designation: [NeedCode]?
        if kind.designations.isEmpty {
            designation = nil
        } else {
            let d = kind.designations[index % kind.designations.count]
            designation = d.isEmpty ? nil : d
        }
        SyntheticProvision.assign(to: &s, needs: designation, rng: &r)
        // Facts the matching policy reads, from a stream of their own so every earlier fact stays as it was.
        var policyRandom = SeededRandom(seed: seed, stream: policyStream | UInt64(urn))
        policyFacts(&s, rng: &policyRandom)
        s.report = SyntheticReport.sections(for: s, town: town(outcode: Postcode.outcode(of: spot.postcode)), rng: &r)
        return s
    }

    /// Offset of the random streams for the matching-policy facts (``policyFacts(_:rng:)``), apart from the
    /// per-setting streams (the URN).
    static let policyStream: UInt64 = 1 << 40

    /// The fictional facts the matching policy reads (docs/matching-policy.md R6, R7, R15):
    /// - the date of the judgement: state schools were last given single-word judgements in the summer term of
    ///   2024, and most are inspected about every four years, so a day from September 2019 to 19 July 2024; an
    ///   Outstanding school may be older (such schools were exempt from routine inspection until 2020), so a day
    ///   from January 2016;
    /// - s41 approval for an independent special school or special post-16 institution: four in five;
    /// - `single-storey` for about a third of step-free primary, infant, junior and nursery schools (the report's
    ///   access sections then say so).
    static func policyFacts(_ s: inout Setting, rng: inout SeededRandom) {
        if let judgement = s.ofsted {
            // 2016-01-01 is day 0, 2019-09-01 day 1339, 2024-07-19 day 3122.
            s.ofstedDate = isoDate(daysAfter2016: rng.int(in: (judgement == .outstanding ? 0 : 1339)...3122))
        }
        if s.isS41Eligible { s.s41Approved = rng.chance(0.8) }
        let young = (s.ageRange?.high ?? 99) <= 11
        if young, [.mainstream, .mainstreamResourced, .earlyYears].contains(s.type), s.facilities?.contains(.stepFree) == true,
           rng.chance(0.35) {
            s.facilities?.insert(FacilitySet(.singleStorey))
        }
    }

    /// The date `days` after 1 January 2016, `YYYY-MM-DD`.
    static func isoDate(daysAfter2016 days: Int) -> String {
        var y = 2016, d = days
        func leap(_ y: Int) -> Bool { y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) }
        while d >= (leap(y) ? 366 : 365) { d -= leap(y) ? 366 : 365; y += 1 }
        let lengths = [31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var m = 0
        while d >= lengths[m] { d -= lengths[m]; m += 1 }
        return "\(y)-\(m < 9 ? "0" : "")\(m + 1)-\(d < 9 ? "0" : "")\(d + 1)"
    }

    /// Ofsted judgements in roughly national proportions; a few settings not yet inspected (absent).
    static func ofsted(_ r: inout SeededRandom) -> OfstedJudgement? {
        let i = r.weighted([0.16, 0.66, 0.13, 0.03, 0.02])
        return [OfstedJudgement.outstanding, .good, .requiresImprovement, .inadequate][safe: i]
    }

    static func uniqueName(kind: Kind, ages: AgeRange, gias: String, religion: String, gender: Gender,
                           names: inout FictionalNames, rng: inout SeededRandom) -> String {
        while true {
            let candidate = name(kind: kind, ages: ages, gias: gias, religion: religion, gender: gender,
                                 names: &names, rng: &rng)
            if names.claim(candidate) { return candidate }
        }
    }

    static func name(kind: Kind, ages: AgeRange, gias: String, religion: String, gender: Gender,
                     names: inout FictionalNames, rng: inout SeededRandom) -> String {
        let academy = gias.hasPrefix("Academy") || gias.hasPrefix("Free schools")
        if religion == "Roman Catholic", let saint = names.saint() {
            switch kind.naming {
            case .secondary: return "St \(saint)'s Catholic \(academy ? "Academy" : "High School")"
            default: return "St \(saint)'s Catholic Primary School"
            }
        }
        let stem = names.stem()
        let ce = religion == "Church of England"
        switch kind.naming {
        case .primary:
            if ce { return "\(stem) Church of England Primary School" }
            if academy { return rng.chance(0.5) ? "\(stem) Primary Academy" : "\(stem) Academy" }
            if gias == "Community school", rng.chance(0.3) { return "\(stem) Community Primary School" }
            return "\(stem) Primary School"
        case .infant: return "\(stem) Infant School"
        case .junior: return "\(stem) Junior School"
        case .secondary:
            if ce { return "\(stem) Church of England Academy" }
            if academy { return rng.pick(["\(stem) Academy", "\(stem) School", "\(stem) High School"]) }
            return rng.pick(["\(stem) School", "\(stem) High School"])
        case .allThrough: return rng.pick(["\(stem) Academy", "\(stem) All-through School"])
        case .special: return rng.pick(["\(stem) School", "The \(stem) School", "\(stem) Academy"])
        case .independentSpecial: return rng.pick(["\(stem) House School", "\(stem) Hall School", "\(stem) Farm School"])
        case .nonMaintained: return "The \(stem) School"
        case .alternative: return rng.pick(["\(stem) Learning Centre", "\(stem) Academy", "\(stem) Centre"])
        case .college: return "\(stem) College"
        case .sixthForm: return "\(stem) Sixth Form College"
        case .specialCollege: return "\(stem) Specialist College"
        case .nursery: return "\(stem) Nursery School"
        case .prep:
            if ages.high <= 11 { return "\(stem) Preparatory School" }
            if gender == .girls { return "\(stem) School for Girls" }
            return rng.pick(["\(stem) School", "\(stem) College"])
        }
    }
}

private extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
