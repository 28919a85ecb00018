import ATLModel
import ATLData
import ATLEngine

/// Small in-code catalogues around a home at (370000, 310000) for matching tests. All fictional.
public enum MatchFixture {
    public static let home = GridPoint(easting: 370_000, northing: 310_000)
    public static let la = LocalAuthority(code: 999, name: "Severnvale (fictional example LA)")

    /// A fictional setting `km` kilometres east of home (straight line), in the fictional LA 999 unless `la` says
    /// otherwise. The one builder of in-code settings for the engine, planning, render and CLI tests.
    public static func setting(_ urn: Int, _ name: String = "", type: SettingType, km: Double = 2, ages: (Int, Int)? = (11, 16),
                               la: LocalAuthority = la, needs: [NeedCode]? = nil, facilities: [Facility]? = [],
                               places: Int? = nil, onRoll: Int? = nil, placesByNeed: [NeedCode: Int]? = nil,
                               capacity: Int? = 1000, pupils: Int? = 950, gender: Gender? = .mixed, ofsted: OfstedJudgement? = .good,
                               religion: String? = nil, status: SettingStatus = .open, postcode: String? = nil,
                               sources: [String] = [], report: [ReportSection: String] = [:]) -> Setting {
        Setting(urn: urn, name: name.isEmpty ? "Setting \(urn)" : name, fictional: true, localAuthority: la, type: type,
                status: status, phase: nil, ageRange: ages.map { AgeRange(low: $0.0, high: $0.1) }, gender: gender,
                religiousCharacter: religion, ofsted: ofsted,
                location: GridPoint(easting: home.easting + Int(km * 1000), northing: home.northing), postcode: postcode,
                capacity: capacity, onRoll: pupils, needs: needs.map { NeedSet($0) },
                specialistProvision: type == .mainstreamResourced ? .resourcedProvision : nil,
                specialistPlaces: places, specialistOnRoll: onRoll, placesByNeed: placesByNeed,
                facilities: facilities.map { FacilitySet($0) }, sources: sources, report: report)
    }

    public static func profile(_ primary: NeedCode = .ASD, severity: Severity = .moderate, secondary: [NeedsProfile.SecondaryNeed] = [],
                               mustHave: [Facility] = [], desirable: [Facility] = [], year: Int = 7, maxKm: Double? = 20,
                               allowed: Set<SettingType>? = nil, preferred: [Int] = [], avoid: [Int] = [], faith: String? = nil,
                               sex: NeedsProfile.Sex? = nil, singleSex: NeedsProfile.SingleSex = .noPreference,
                               mainstreamFirst: Bool = false, excludeFull: Bool = false) -> NeedsProfile {
        NeedsProfile(reference: "T-1", synthetic: true, primaryNeed: primary, primarySeverity: severity, secondaryNeeds: secondary,
                     mustHave: FacilitySet(mustHave), desirable: FacilitySet(desirable), placementYear: year, sex: sex,
                     home: .grid(home), maxJourneyKm: maxKm, allowedTypes: allowed, preferredSettings: preferred,
                     avoidSettings: avoid, faith: faith, singleSex: singleSex, mainstreamFirst: mainstreamFirst,
                     excludeFull: excludeFull)
    }

    public static func engine(_ settings: [Setting], weights: Weights = .defaults) -> MatchingEngine {
        MatchingEngine(catalogue: Catalogue(settings: settings), weights: weights, engineVersion: "test")
    }

    /// Full-rule evaluation of one setting (by URN) for a profile.
    public static func evaluate(_ urn: Int, in engine: MatchingEngine, _ p: NeedsProfile) -> (PairOutcome, RecordingSink) {
        let home = try! engine.resolveHome(p, file: "t")
        let q = engine.query(p, home: home)
        var sink = RecordingSink()
        let o = PairEvaluator.evaluate(engine.position(ofURN: urn)!, q, engine.index, sink: &sink, fullRules: true, scoreExcluded: true)
        return (o, sink)
    }

    public static func list(_ engine: MatchingEngine, _ p: NeedsProfile, threads: Int = 1) -> AdvisoryList {
        try! engine.advisoryList(for: p, file: "t.profile", profileHash: "h", date: "2026-11-23", threads: threads)
    }

    /// A mixed catalogue: mainstream, resourced, special, independent special, AP, post-16.
    public static var mixed: [Setting] {
        [
            setting(9000101, type: .mainstream, km: 1.5),
            setting(9000102, type: .mainstream, km: 3),
            setting(9000103, type: .mainstream, km: 6),
            setting(9000104, type: .mainstream, km: 9),
            setting(9000105, type: .mainstream, km: 12),
            setting(9000106, type: .mainstreamResourced, km: 4, needs: [.ASD, .SLCN], facilities: [.saltOnsite, .sensoryRoom], places: 20, onRoll: 18),
            setting(9000107, type: .mainstreamResourced, km: 7, needs: [.HI], facilities: [.signing, .qtod], places: 8, onRoll: 8),
            setting(9000108, type: .special, km: 10, ages: (4, 19), needs: [.ASD, .SLD], facilities: [.saltOnsite, .sensoryRoom, .hoist], places: 120, onRoll: 118),
            setting(9000109, type: .special, km: 5, ages: (11, 16), needs: [.SEMH], facilities: [.counselling], places: 60, onRoll: 50),
            setting(9000110, type: .independentSpecial, km: 15, ages: (8, 19), needs: [.ASD, .SEMH], facilities: [.residential, .saltOnsite], places: 40, onRoll: 30),
            setting(9000111, type: .alternativeProvision, km: 2, ages: (11, 16), needs: [.SEMH], facilities: [], places: 40, onRoll: 30),
            setting(9000112, type: .post16, km: 3, ages: (16, 25), needs: [.MLD], facilities: []),
            setting(9000113, type: .mainstream, km: 30),
        ]
    }
}
