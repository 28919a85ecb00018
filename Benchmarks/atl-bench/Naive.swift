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
    /// "mainstream" (through ordinary provision), "specialist" (special school or special post-16), or the type.
    var provides: String
    var independent: Bool
    var mainstreamInLaw: Bool
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
    var severity: Severity
    var secondary: [(code: String, severity: Severity)]
    var allowedGiven: Bool
    var apAsked: Bool
    var feePayingAsked: Bool
    var prefersIndependent: Bool
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
    static let sensory: Set<String> = ["HI", "VI", "MSI", "PD"]

    static func settings(_ c: Catalogue, _ x: CompiledIndex) -> [NaiveSetting] {
        var pos: [Int: Int] = [:]
        for i in 0..<x.count { pos[Int(x.urn[i])] = i }
        return c.settings.map { s in
            let i = pos[s.urn]!
            var ev: [String: Double] = [:]
            for (ci, concept) in Vocabulary.Concept.all.enumerated() {
                ev[concept.key] = Double(x.evidence.score(concept: ci, setting: i))
            }
            let provides = [.mainstream, .mainstreamResourced, .independent, .earlyYears].contains(s.type)
                || (s.type == .post16 && !(s.giasType ?? "").lowercased().contains("special post 16")) ? "mainstream"
                : [.special, .nonMaintainedSpecial, .independentSpecial, .post16].contains(s.type) ? "specialist" : s.type.rawValue
            let independent = [.independent, .independentSpecial, .nonMaintainedSpecial].contains(s.type)
                || (s.type == .post16 && provides == "specialist")
            return NaiveSetting(
                urn: s.urn, name: s.name, type: s.type.rawValue, provides: provides, independent: independent,
                mainstreamInLaw: [.mainstream, .mainstreamResourced, .earlyYears].contains(s.type) || (s.type == .post16 && provides == "mainstream"),
                open: s.status == .open,
                easting: s.location.map { Double($0.easting) }, northing: s.location.map { Double($0.northing) },
                years: s.admittedYears?.years, gender: s.gender?.rawValue,
                needs: s.needs.map { Set(NeedCode.allCases.filter($0.contains).map(\.rawValue)) },
                zeroPlaceNeeds: Set((s.placesByNeed ?? [:]).filter { $0.value == 0 }.map(\.key.rawValue)),
                facilities: s.facilities.map { f in
                    let e = FacilityEquivalence.effective(f)
                    return Set(Facility.allCases.filter { e.contains(FacilitySet($0)) }.map(\.rawValue))
                },
                specialistVacancies: s.specialistVacancies, generalVacancies: s.generalVacancies,
                ofsted: s.ofsted?.rawValue, evidence: ev)
        }
    }

    static func child(_ p: NeedsProfile, _ q: CompiledQuery) -> NaiveChild {
        guard case .grid(let g) = p.home else { fatalError("bench children have grid homes") }
        return NaiveChild(
            primary: p.primaryNeed.rawValue, severity: p.primarySeverity,
            secondary: p.secondaryNeeds.map { ($0.code.rawValue, $0.severity) }, allowedGiven: p.allowedTypes != nil,
            apAsked: p.asksForAlternativeProvision, feePayingAsked: p.asksForFeePayingSchools, prefersIndependent: p.prefersIndependent,
            mustHave: Set(p.mustHave.facilities.map(\.rawValue)), desirable: p.desirable.facilities.map(\.rawValue),
            concepts: q.evidenceConcepts.map { (Vocabulary.Concept.all[$0.concept].key, $0.share) },
            year: p.placementYear, sex: p.sex?.rawValue, east: Double(g.easting), north: Double(g.northing),
            maxKm: q.maxKm, walkingKm: q.walkingKm, mainstreamFirst: p.mainstreamFirst)
    }

    static func milli(_ v: Double) -> Int { Int((v * 1000).rounded(.toNearestOrAwayFromZero)) }

    /// The provision class of a setting for a need, by name (policy R5).
    static func provisionClass(_ code: String, _ s: NaiveSetting) -> ProvisionClass {
        let designated = s.needs?.contains(code) ?? false
        switch s.provides {
        case "mainstream": return designated ? .designatedMainstream : .mainstream
        case "specialist": return designated ? .designatedSpecial : s.needs == nil ? .unknown : .otherSpecialist
        case "alternative-provision": return .alternativeProvision
        default: return .unknown
        }
    }

    static func needCredit(_ code: String, _ severity: Severity, _ s: NaiveSetting, _ w: Weights) -> Double {
        let c = provisionClass(code, s)
        let share = w.needShare(c, severity)
        let designated = c == .designatedMainstream || c == .designatedSpecial
        return designated && s.zeroPlaceNeeds.contains(code) ? share * w.designatedNoPlacesCredit : share
    }

    /// The best `k` of each setting type as (order, score, URN), best first, the naive way.
    static func top(_ c: NaiveChild, _ settings: [NaiveSetting], medians: [String: Double], w: Weights, k: Int) -> [(Int, Int, Int)] {
        var results: [(order: Int, score: Int, urn: Int, type: String, reasons: [String])] = []
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
            if s.type == "alternative-provision" && !c.apAsked { continue }
            if s.type == "independent" && !c.feePayingAsked { continue }
            let cls = provisionClass(c.primary, s)
            if cls == .otherSpecialist { continue }
            var band = Int(NeedBand.band(cls, c.severity, need: NeedCode(rawValue: c.primary)!))
            if c.mainstreamFirst && s.mainstreamInLaw { band = 2 }
            if band == 0 && c.allowedGiven { band = 1 }
            if band == 0 { continue }
            if let f = s.facilities, !c.mustHave.isSubset(of: f) { continue }
            let designated = s.needs?.contains(c.primary) ?? false
            let specialistSetting = s.provides == "specialist" || s.type == "alternative-provision"
            let v = (designated || specialistSetting) && s.specialistVacancies != nil ? s.specialistVacancies! : (s.generalVacancies ?? -1)
            var total = 0
            func put(_ why: String, _ points: Double) {
                total += milli(points)
                reasons.append("\(why): \(points)")
            }
            put("need.primary", w.needPrimary * needCredit(c.primary, c.severity, s, w))
            for sn in c.secondary {
                put("need.secondary.\(sn.code)", w.needSecondary / Double(c.secondary.count) * needCredit(sn.code, sn.severity, s, w))
            }
            for con in c.concepts {
                if con.key.hasPrefix("facility."), let f = s.facilities, !f.contains(String(con.key.dropFirst(9))) {
                    put("evidence.\(con.key)", 0)
                    continue
                }
                let sc = s.evidence[con.key] ?? 0
                let kk = w.evidenceSaturation * (medians[con.key] ?? 1)
                put("evidence.\(con.key)", w.evidence * con.share * (sc / (sc + kk)))
            }
            for f in c.desirable {
                put("facilities.\(f)", s.facilities?.contains(f) == true ? w.facilities / Double(c.desirable.count) : 0)
            }
            put("travel", km.map { w.travel * PairEvaluator.travelCredit(km: $0, walkingKm: c.walkingKm, maxKm: c.maxKm, w: w) } ?? 0)
            put("capacity", w.capacity * PairEvaluator.capacityCredit(vacancies: Int32(v), w: w))
            put("ofsted", s.ofsted == "Requires improvement" ? w.ofstedRequiresImprovementPoints : s.ofsted == "Inadequate" ? w.ofstedInadequatePoints : 0)
            if c.mainstreamFirst { put("mainstream-first", s.mainstreamInLaw ? w.preferenceMainstreamFirst : 0) }
            // Order: band, within the journey (always, without a fallback), not Inadequate, maintained or asked.
            let order = band << 3 | 1 << 2 | (s.ofsted == "Inadequate" ? 0 : 1 << 1) | (!s.independent || c.prefersIndependent ? 1 : 0)
            results.append((order, total, s.urn, s.type, reasons))
        }
        results.sort { $0.order != $1.order ? $0.order > $1.order : $0.score != $1.score ? $0.score > $1.score : $0.urn < $1.urn }
        var perType: [String: Int] = [:]
        return results.filter { r in
            perType[r.type, default: 0] += 1
            return perType[r.type]! <= k
        }.map { ($0.order, $0.score, $0.urn) }
    }
}
