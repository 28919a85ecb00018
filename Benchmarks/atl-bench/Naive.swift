import ATLModel
import ATLData
import ATLEngine
import ATLPlanning
import ATLSynthetic

/// The in-run baseline: the same scoring model written the naive way — an array of setting structs holding
/// Strings, Sets and Dictionaries, string comparisons for types and needs, a per-pair reasons array (allocation
/// in the pair loop), every eligible setting collected and fully sorted, no spatial pruning. It mirrors
/// ``PairEvaluator`` rule for rule (straight-line journeys, no travel matrix, no faith or named preferences,
/// which the bench cohort does not use), so its top 20 can be checked against the engine's.
struct NaiveSetting {
    var urn: Int
    var name: String
    var type: String
    var open: Bool
    var easting: Double?
    var northing: Double?
    var years: ClosedRange<Int>?
    var gender: String?
    var needs: Set<String>?
    var zeroPlaceNeeds: Set<String>
    var facilities: Set<String>?
    var specialistVacancies: Int?
    var generalVacancies: Int?
    var ofsted: String?
    var evidence: [String: Double]
}

struct NaiveChild {
    var primary: String
    var primaryCredit: Double
    var secondary: [(code: String, credit: Double)]
    var mustHave: Set<String>
    var desirable: [String]
    var concepts: [(key: String, share: Double)]
    var year: Int
    var sex: String?
    var east: Double, north: Double
    var maxKm: Double, walkingKm: Double
    var mainstreamFirst: Bool
}

enum Naive {
    static let mainstreamLike: Set<String> = ["mainstream", "mainstream-resourced", "independent", "post-16", "early-years"]
    static let specialist: Set<String> = Set(SettingType.allCases.filter(\.isSpecialist).map(\.rawValue))
    static let mainstreamTypes: Set<String> = ["mainstream", "mainstream-resourced", "independent"]

    static func settings(_ c: Catalogue, _ x: CompiledIndex) -> [NaiveSetting] {
        var pos: [Int: Int] = [:]
        for i in 0..<x.count { pos[Int(x.urn[i])] = i }
        return c.settings.map { s in
            let i = pos[s.urn]!
            var ev: [String: Double] = [:]
            for (ci, concept) in Vocabulary.Concept.all.enumerated() {
                ev[concept.key] = Double(x.evidence.score(concept: ci, setting: i))
            }
            return NaiveSetting(
                urn: s.urn, name: s.name, type: s.type.rawValue, open: s.status == .open,
                easting: s.location.map { Double($0.easting) }, northing: s.location.map { Double($0.northing) },
                years: s.admittedYears?.years, gender: s.gender?.rawValue,
                needs: s.needs.map { Set(NeedCode.allCases.filter($0.contains).map(\.rawValue)) },
                zeroPlaceNeeds: Set((s.placesByNeed ?? [:]).filter { $0.value == 0 }.map(\.key.rawValue)),
                facilities: s.facilities.map { f in Set(Facility.allCases.filter { f.contains(FacilitySet($0)) }.map(\.rawValue)) },
                specialistVacancies: s.specialistVacancies, generalVacancies: s.generalVacancies,
                ofsted: s.ofsted?.rawValue, evidence: ev)
        }
    }

    static func child(_ p: NeedsProfile, _ q: CompiledQuery) -> NaiveChild {
        guard case .grid(let g) = p.home else { fatalError("bench children have grid homes") }
        return NaiveChild(
            primary: p.primaryNeed.rawValue, primaryCredit: q.primaryMainstreamCredit,
            secondary: q.secondary.map { ($0.code.rawValue, $0.mainstreamCredit) },
            mustHave: Set(p.mustHave.facilities.map(\.rawValue)), desirable: p.desirable.facilities.map(\.rawValue),
            concepts: q.evidenceConcepts.map { (Vocabulary.Concept.all[$0.concept].key, $0.share) },
            year: p.placementYear, sex: p.sex?.rawValue, east: Double(g.easting), north: Double(g.northing),
            maxKm: q.maxKm, walkingKm: q.walkingKm, mainstreamFirst: p.mainstreamFirst)
    }

    static func milli(_ v: Double) -> Int { Int((v * 1000).rounded(.toNearestOrAwayFromZero)) }

    static func needCredit(_ code: String, _ mainstream: Double, _ s: NaiveSetting, _ w: Weights) -> Double {
        if let needs = s.needs, needs.contains(code) { return s.zeroPlaceNeeds.contains(code) ? w.designatedNoPlacesCredit : 1 }
        return mainstreamLike.contains(s.type) ? mainstream : 0
    }

    /// Top `k` (score, URN) for one child, the naive way.
    static func top(_ c: NaiveChild, _ settings: [NaiveSetting], medians: [String: Double], w: Weights, k: Int) -> [(Int, Int)] {
        var results: [(score: Int, urn: Int, name: String, reasons: [String])] = []
        for s in settings {
            var reasons: [String] = []
            var km: Double?
            if let e = s.easting, let n = s.northing {
                let d = ((e - c.east) * (e - c.east) + (n - c.north) * (n - c.north)).squareRoot() * w.circuity / 1000
                if d > c.maxKm { continue }
                km = d
            }
            if !s.open { continue }
            if let y = s.years, !y.contains(c.year) { continue }
            if let g = s.gender, g != "mixed" {
                if (c.sex == "female" && g == "boys") || (c.sex == "male" && g == "girls") { continue }
            }
            if let needs = s.needs, specialist.contains(s.type), !needs.contains(c.primary) { continue }
            if let f = s.facilities, !c.mustHave.isSubset(of: f) { continue }
            let designated = s.needs?.contains(c.primary) ?? false
            let v = (designated || specialist.contains(s.type)) && s.specialistVacancies != nil ? s.specialistVacancies! : (s.generalVacancies ?? -1)
            var total = 0
            func put(_ why: String, _ points: Double) {
                total += milli(points)
                reasons.append("\(why): \(points)")
            }
            put("need.primary", w.needPrimary * needCredit(c.primary, c.primaryCredit, s, w))
            for sn in c.secondary {
                put("need.secondary.\(sn.code)", w.needSecondary / Double(c.secondary.count) * needCredit(sn.code, sn.credit, s, w))
            }
            for con in c.concepts {
                let sc = s.evidence[con.key] ?? 0
                let kk = w.evidenceSaturation * (medians[con.key] ?? 1)
                put("evidence.\(con.key)", w.evidence * con.share * (sc / (sc + kk)))
            }
            for f in c.desirable {
                put("facilities.\(f)", s.facilities?.contains(f) == true ? w.facilities / Double(c.desirable.count) : 0)
            }
            put("travel", km.map { w.travel * PairEvaluator.travelCredit(km: $0, walkingKm: c.walkingKm, maxKm: c.maxKm, w: w) } ?? 0)
            put("capacity", w.capacity * PairEvaluator.capacityCredit(vacancies: Int32(v), w: w))
            let share: Double = switch s.ofsted {
            case "Outstanding": w.ofstedOutstanding
            case "Good": w.ofstedGood
            case "Requires improvement": w.ofstedRequiresImprovement
            case "Inadequate": w.ofstedInadequate
            default: 0
            }
            put("ofsted", w.ofsted * share)
            if c.mainstreamFirst { put("mainstream-first", mainstreamTypes.contains(s.type) ? w.preferenceMainstreamFirst : 0) }
            results.append((total, s.urn, s.name, reasons))
        }
        results.sort { $0.score != $1.score ? $0.score > $1.score : $0.urn < $1.urn }
        return results.prefix(k).map { ($0.score, $0.urn) }
    }
}
