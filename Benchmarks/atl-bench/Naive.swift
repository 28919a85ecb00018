import ATLModel
import ATLData
import ATLEngine
import ATLSynthetic
import Foundation

/// The in-run yardstick: the same scoring model written the naive way, sharing **no scoring function with the
/// engine** — not its pair evaluator, credits, bands, need shares, tokenizer or precomputed BM25 scores. Settings
/// are structs of Strings, Sets and Dictionaries; classes and types are compared as Strings; each pair's
/// evidence is BM25 computed there and then from the setting's term-frequency dictionary; every eligible setting
/// is collected and fully sorted; no spatial pruning. Only the *data* of the model is shared: the weights values,
/// the catalogue, the children and the vocabulary's term lists (the synonym table is restated below).
///
/// It does the same work per pair as the engine and no more: no reason strings (the engine builds none in the
/// pair loop). The bench asserts that its top 20 of each type equals the engine's, child by child, and fails
/// when one differs, so the two are independent statements of one model that check each other.
/// Straight-line journeys only (no travel matrix), and no faith, named, avoided or single-sex preferences: the
/// bench cohort uses none of them.
struct NaiveSetting {
    var urn: Int
    var type: String
    /// "mainstream" (meets needs through ordinary provision), "specialist" (special school or special post-16),
    /// or the type itself.
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
    /// Canonical vocabulary term → occurrences in the whole report.
    var termFrequency: [String: Int]
    /// Tokens in the whole report (BM25 document length).
    var length: Int
}

struct NaiveChild {
    var primary: String
    var severity: String
    var secondary: [(code: String, severity: String)]
    var allowedGiven: Bool
    var apAsked: Bool
    var feePayingAsked: Bool
    var prefersIndependent: Bool
    var mustHave: Set<String>
    var desirable: [String]
    /// Evidence concept key ("need.ASD", "facility.salt-onsite") and its share of the evidence points.
    var concepts: [(key: String, share: Double)]
    var year: Int
    var sex: String?
    var east: Double, north: Double
    var maxKm: Double, walkingKm: Double
    var mainstreamFirst: Bool
}

/// Catalogue-wide BM25 statistics and the model's tables, keyed by Strings.
struct NaiveModel {
    var weights: [String: Double]
    var idf: [String: Double]
    var avgdl: Double
    /// Concept key → its query terms.
    var conceptTerms: [String: [String]]
    /// Concept key → median non-zero evidence score over the catalogue (single precision, as published).
    var medians: [String: Float]
    /// "class/severity" → band (2 meets the need, 1 may also meet it, 0 not listed); sensory needs separately.
    var bands: [String: Int]
}

enum Naive {
    static let k1 = 1.2, b = 0.75

    /// The vocabulary's folding of abbreviations and variants (restated from the engine's vocabulary, so the
    /// tokenizer below is the bench's own).
    static let synonyms: [String: [String]] = [
        "salt": ["speech", "language", "therapy"], "slt": ["speech", "language", "therapy"],
        "asd": ["autism"], "asc": ["autism"], "autistic": ["autism"],
        "slcn": ["speech", "language", "communication"],
        "semh": ["social", "emotional", "mental", "health"],
        "mld": ["moderate", "learning", "difficulty"], "sld": ["severe", "learning", "difficulty"],
        "pmld": ["profound", "multiple", "learning", "difficulty"],
        "spld": ["specific", "learning", "difficulty"], "dyslexic": ["dyslexia"],
        "hi": ["hearing", "impairment"], "vi": ["visual", "impairment"], "msi": ["multi", "sensory", "impairment"],
        "pd": ["physical", "disability"], "disabilitie": ["disability"], "disabled": ["disability"],
        "bsl": ["sign"], "signing": ["sign"], "signed": ["sign"], "sse": ["sign"],
        "therapist": ["therapy"], "therapie": ["therapy"], "therapeutic": ["therapy"],
        "physio": ["physiotherapy"], "physiotherapist": ["physiotherapy"],
        "ot": ["occupational", "therapy"],
        "qtod": ["qualified", "teacher", "deaf"], "tod": ["teacher", "deaf"],
        "qtvi": ["qualified", "teacher", "visual"],
        "aac": ["augmentative", "alternative", "communication"],
        "hoisting": ["hoist"], "counsellor": ["counselling"], "counseling": ["counselling"],
        "classe": ["class"], "classroom": ["class"], "deafness": ["deaf"],
        "visually": ["visual"], "sight": ["vision"], "nursing": ["nurse"], "medically": ["medical"],
        "boarder": ["boarding"], "calming": ["calm"], "anxious": ["anxiety"],
        "dysregulation": ["regulation"], "emotionally": ["emotional"], "socially": ["social"],
        "difficultie": ["difficulty"],
    ]

    /// Calls `word` with each word of `text` the plain way: lower-cased runs of ASCII letters and digits,
    /// apostrophes dropped. A run holding a non-ASCII letter or digit is one word too but can never be a
    /// vocabulary term, so it is passed as nil (it still counts toward the report's length).
    static func words(_ text: String, _ word: (String?) -> Void) {
        var bytes: [UInt8] = []
        var foreign = false
        var inWord = false
        func end() {
            if inWord { word(foreign ? nil : String(decoding: bytes, as: UTF8.self)) }
            bytes.removeAll(keepingCapacity: true)
            foreign = false
            inWord = false
        }
        for u in text.unicodeScalars {
            if u.isASCII {
                let c = UInt8(u.value)
                if (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) { bytes.append(c); inWord = true }
                else if c >= 0x41 && c <= 0x5A { bytes.append(c + 32); inWord = true }
                else if c == 0x27 { continue }
                else { end() }
            } else if u == "\u{2019}" {
                continue
            } else if u.properties.isAlphabetic || u.properties.numericType != nil {
                foreign = true
                inWord = true
            } else {
                end()
            }
        }
        end()
    }

    /// A word's vocabulary terms after light plural stripping ("therapies" → "therapy", "classes" → "classe").
    static func terms(_ word: String, _ vocabulary: [String: [String]]) -> [String] {
        var w = word
        if w.count > 4 && w.hasSuffix("ies") { w = String(w.dropLast(3)) + "y" }
        else if w.count > 3 && w.hasSuffix("s") && !w.hasSuffix("ss") && !w.hasSuffix("us") && !w.hasSuffix("is") { w.removeLast() }
        return vocabulary[w] ?? []
    }

    static func model(_ settings: [NaiveSetting], w: Weights) -> NaiveModel {
        // The concepts' query terms are data of the model (the engine's vocabulary lists them).
        let tok = Tokenizer.shared
        var conceptTerms: [String: [String]] = [:]
        for (ci, c) in Vocabulary.Concept.all.enumerated() { conceptTerms[c.key] = tok.conceptTerms[ci].map { tok.terms[Int($0)] } }
        var df: [String: Int] = [:]
        for s in settings { for t in s.termFrequency.keys { df[t, default: 0] += 1 } }
        let n = Double(settings.count)
        var idf: [String: Double] = [:]
        for t in Set(conceptTerms.values.joined()) {
            let d = Double(df[t] ?? 0)
            let ratio: Double = (n - d + 0.5) / (d + 0.5)
            idf[t] = Foundation.log(1 + ratio)
        }
        var totalLength = 0
        for s in settings { totalLength += s.length }
        let avgdl: Double = settings.isEmpty ? 1 : max(1, Double(totalLength) / n)
        var m = NaiveModel(weights: weightTable(w), idf: idf, avgdl: avgdl, conceptTerms: conceptTerms, medians: [:], bands: bandTable())
        for key in conceptTerms.keys {
            let nz = settings.map { bm25(key, $0, m) }.filter { $0 > 0 }.sorted()
            m.medians[key] = nz.isEmpty ? 1 : nz.count % 2 == 1 ? nz[nz.count / 2] : (nz[nz.count / 2 - 1] + nz[nz.count / 2]) / 2
        }
        return m
    }

    /// BM25 of a concept's terms in one setting's report, from its term-frequency dictionary, in single precision
    /// as published.
    static func bm25(_ concept: String, _ s: NaiveSetting, _ m: NaiveModel) -> Float {
        guard s.length > 0 else { return 0 }
        let norm = k1 * (1 - b + b * Double(s.length) / m.avgdl)
        var score = 0.0
        for t in m.conceptTerms[concept]! {
            let f = Double(min(s.termFrequency[t] ?? 0, Int(UInt16.max)))
            if f > 0 { score += m.idf[t]! * f * (k1 + 1) / (f + norm) }
        }
        return Float(score)
    }

    static func weightTable(_ w: Weights) -> [String: Double] {
        [
            "mainstream/mild": w.shareMainstreamMild, "mainstream/moderate": w.shareMainstreamModerate,
            "mainstream/severe": w.shareMainstreamSevere, "mainstream/profound": w.shareMainstreamProfound,
            "designated-mainstream/mild": w.shareDesignatedMainstreamMild, "designated-mainstream/moderate": w.shareDesignatedMainstreamModerate,
            "designated-mainstream/severe": w.shareDesignatedMainstreamSevere, "designated-mainstream/profound": w.shareDesignatedMainstreamProfound,
            "designated-special/mild": w.shareDesignatedSpecialMild, "designated-special/moderate": w.shareDesignatedSpecialModerate,
            "designated-special/severe": w.shareDesignatedSpecialSevere, "designated-special/profound": w.shareDesignatedSpecialProfound,
            "ap/mild": w.shareAPMild, "ap/moderate": w.shareAPModerate, "ap/severe": w.shareAPSevere, "ap/profound": w.shareAPProfound,
            "no-places": w.designatedNoPlacesCredit, "need.primary": w.needPrimary, "need.secondary": w.needSecondary,
            "evidence": w.evidence, "saturation": w.evidenceSaturation, "facilities": w.facilities,
            "travel": w.travel, "walking-credit": w.travelWalkingCredit, "max-credit": w.travelMaxCredit,
            "zero-at": w.travelZeroAtMultiple, "circuity": w.circuity, "capacity": w.capacity, "full-at": w.capacityFullCreditAt,
            "ofsted/Requires improvement": w.ofstedRequiresImprovementPoints, "ofsted/Inadequate": w.ofstedInadequatePoints,
            "mainstream-first": w.preferenceMainstreamFirst,
            "evidence/primary": w.evidenceWeightPrimary, "evidence/secondary": w.evidenceWeightSecondary,
            "evidence/must-have": w.evidenceWeightMustHave, "evidence/desirable": w.evidenceWeightDesirable,
        ]
    }

    /// Policy R5's bands as a table: mild and moderate needs lead with mainstream, severe and profound with
    /// designated specialist provision; sensory and physical needs ("sensory/…") with designated provision.
    static func bandTable() -> [String: Int] {
        var t: [String: Int] = [:]
        for sev in ["mild", "moderate", "severe", "profound"] {
            for sensory in [false, true] {
                let p = sensory ? "sensory/" : ""
                t[p + "mainstream/" + sev] = sev == "profound" ? (sensory ? 1 : 0) : sev == "severe" ? 1 : 2
                t[p + "designated-mainstream/" + sev] = sev == "profound" ? (sensory ? 2 : 1) : 2
                t[p + "designated-special/" + sev] = sev == "mild" ? 1 : sev == "moderate" ? (sensory ? 2 : 1) : 2
                t[p + "ap/" + sev] = 1
                t[p + "unknown/" + sev] = 1
                t[p + "other-specialist/" + sev] = 0
            }
        }
        return t
    }

    static func settings(_ c: Catalogue) -> [NaiveSetting] {
        var vocabulary: [String: [String]] = [:]
        let tok = Tokenizer.shared
        for t in tok.terms { vocabulary[t] = [t] }
        for (k, v) in synonyms { vocabulary[k] = v }
        let table = vocabulary
        let all = c.settings
        return Parallel.map(all.count, threads: Parallel.defaultThreads) { i -> NaiveSetting in
            let s = all[i]
            var tf: [String: Int] = [:]
            var length = 0
            for section in ReportSection.allCases {
                guard let text = s.report[section] else { continue }
                words(text) { word in
                    length += 1
                    if let word { for t in terms(word, table) { tf[t, default: 0] += 1 } }
                }
            }
            let specialPost16 = s.type == .post16 && (s.giasType ?? "").lowercased().contains("special post 16")
            let provides = [.mainstream, .mainstreamResourced, .independent, .earlyYears].contains(s.type) || (s.type == .post16 && !specialPost16)
                ? "mainstream"
                : [.special, .nonMaintainedSpecial, .independentSpecial].contains(s.type) || specialPost16 ? "specialist" : s.type.rawValue
            return NaiveSetting(
                urn: s.urn, type: s.type.rawValue, provides: provides,
                independent: [.independent, .independentSpecial, .nonMaintainedSpecial].contains(s.type) || specialPost16,
                mainstreamInLaw: [.mainstream, .mainstreamResourced, .earlyYears].contains(s.type) || (s.type == .post16 && !specialPost16),
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
                ofsted: s.ofsted?.rawValue, termFrequency: tf, length: length)
        }
    }

    static func child(_ p: NeedsProfile, w: Weights) -> NaiveChild {
        guard case .grid(let g) = p.home else { fatalError("bench children have grid homes") }
        var concepts: [(String, Double)] = [("need." + p.primaryNeed.rawValue, w.evidenceWeightPrimary)]
        concepts += p.secondaryNeeds.map { ("need." + $0.code.rawValue, w.evidenceWeightSecondary) }
        concepts += p.mustHave.facilities.map { ("facility." + $0.rawValue, w.evidenceWeightMustHave) }
        concepts += p.desirable.facilities.map { ("facility." + $0.rawValue, w.evidenceWeightDesirable) }
        let total = concepts.reduce(0) { $0 + $1.1 }
        return NaiveChild(
            primary: p.primaryNeed.rawValue, severity: p.primarySeverity.rawValue,
            secondary: p.secondaryNeeds.map { ($0.code.rawValue, $0.severity.rawValue) }, allowedGiven: p.allowedTypes != nil,
            apAsked: p.asksForAlternativeProvision, feePayingAsked: p.asksForFeePayingSchools, prefersIndependent: p.prefersIndependent,
            mustHave: Set(p.mustHave.facilities.map(\.rawValue)), desirable: p.desirable.facilities.map(\.rawValue),
            concepts: total > 0 ? concepts.filter { $0.1 > 0 }.map { ($0.0, $0.1 / total) } : [],
            year: p.placementYear, sex: p.sex?.rawValue, east: Double(g.easting), north: Double(g.northing),
            maxKm: p.maxJourneyKm ?? w.defaultMaxJourneyKm,
            walkingKm: p.ageAtPlacementStart < 8 ? w.walkingDistanceUnder8Km : w.walkingDistance8PlusKm,
            mainstreamFirst: p.mainstreamFirst)
    }

    static func milli(_ v: Double) -> Int { Int((v * 1000).rounded(.toNearestOrAwayFromZero)) }

    /// How a setting provides for a need, by name (policy R5).
    static func provisionClass(_ code: String, _ s: NaiveSetting) -> String {
        let designated = s.needs?.contains(code) ?? false
        switch s.provides {
        case "mainstream": return designated ? "designated-mainstream" : "mainstream"
        case "specialist": return designated ? "designated-special" : s.needs == nil ? "unknown" : "other-specialist"
        case "alternative-provision": return "ap"
        default: return "unknown"
        }
    }

    static func needCredit(_ code: String, _ severity: String, _ s: NaiveSetting, _ m: NaiveModel) -> Double {
        let c = provisionClass(code, s)
        let share = m.weights[c + "/" + severity] ?? 0
        return c.hasPrefix("designated") && s.zeroPlaceNeeds.contains(code) ? share * m.weights["no-places"]! : share
    }

    /// Journey credit: 1 at the door, the walking credit at the statutory walking distance, the maximum-journey
    /// credit at the maximum journey, straight lines between. (Bench children are never given the long-journey
    /// fallback, so a setting beyond the maximum is simply not eligible.)
    static func travelCredit(_ km: Double, _ c: NaiveChild, _ m: NaiveModel) -> Double {
        let atWalking = m.weights["walking-credit"]!, atMax = m.weights["max-credit"]!
        if km <= c.walkingKm { return 1 - (1 - atWalking) * km / c.walkingKm }
        if c.maxKm <= c.walkingKm { return atWalking }
        return atWalking - (atWalking - atMax) * min(1, (km - c.walkingKm) / (c.maxKm - c.walkingKm))
    }

    /// The best `k` of each setting type as (order, score, URN), best first, the naive way.
    static func top(_ c: NaiveChild, _ settings: [NaiveSetting], _ m: NaiveModel, k: Int) -> [(Int, Int, Int)] {
        let sensory = ["HI", "VI", "MSI", "PD"].contains(c.primary)
        var results: [(order: Int, score: Int, urn: Int, type: String)] = []
        for s in settings {
            var km: Double?
            if let e = s.easting, let n = s.northing {
                let d = ((e - c.east) * (e - c.east) + (n - c.north) * (n - c.north)).squareRoot() * m.weights["circuity"]! / 1000
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
            // A specialist setting for other needs may still meet a severe or profound secondary need (band B).
            let forSevereSecondary = cls == "other-specialist"
                && c.secondary.contains { ($0.severity == "severe" || $0.severity == "profound") && s.needs!.contains($0.code) }
            if cls == "other-specialist" && !forSevereSecondary { continue }
            var band = forSevereSecondary ? 1 : m.bands[(sensory ? "sensory/" : "") + cls + "/" + c.severity]!
            if c.mainstreamFirst && s.mainstreamInLaw { band = 2 }
            if band == 0 && c.allowedGiven { band = 1 }
            if band == 0 { continue }
            if let f = s.facilities, !c.mustHave.isSubset(of: f) { continue }
            let designated = s.needs?.contains(c.primary) ?? false
            let specialistSetting = s.provides == "specialist" || s.type == "alternative-provision"
            let v = (designated || specialistSetting) && s.specialistVacancies != nil ? s.specialistVacancies! : (s.generalVacancies ?? -1)
            var total = milli(m.weights["need.primary"]! * needCredit(c.primary, c.severity, s, m))
            for sn in c.secondary {
                total += milli(m.weights["need.secondary"]! / Double(c.secondary.count) * needCredit(sn.code, sn.severity, s, m))
            }
            for con in c.concepts {
                if con.key.hasPrefix("facility."), let f = s.facilities, !f.contains(String(con.key.dropFirst(9))) { continue }
                let score = Double(bm25(con.key, s, m))
                let half = m.weights["saturation"]! * Double(m.medians[con.key]!)
                total += milli(m.weights["evidence"]! * con.share * (score / (score + half)))
            }
            for f in c.desirable where s.facilities?.contains(f) == true {
                total += milli(m.weights["facilities"]! / Double(c.desirable.count))
            }
            if let km { total += milli(m.weights["travel"]! * travelCredit(km, c, m)) }
            total += milli(m.weights["capacity"]! * (v <= 0 ? 0 : min(1, Double(v) / m.weights["full-at"]!)))
            if let o = s.ofsted, let points = m.weights["ofsted/" + o] { total += milli(points) }
            if c.mainstreamFirst && s.mainstreamInLaw { total += milli(m.weights["mainstream-first"]!) }
            // Order: band, within the journey (always, without a fallback), not Inadequate, maintained or asked.
            let order = band << 3 | 1 << 2 | (s.ofsted == "Inadequate" ? 0 : 1 << 1) | (!s.independent || c.prefersIndependent ? 1 : 0)
            results.append((order, total, s.urn, s.type))
        }
        results.sort { $0.order != $1.order ? $0.order > $1.order : $0.score != $1.score ? $0.score > $1.score : $0.urn < $1.urn }
        var perType: [String: Int] = [:]
        return results.filter { r in
            perType[r.type, default: 0] += 1
            return perType[r.type]! <= k
        }.map { ($0.order, $0.score, $0.urn) }
    }
}

/// The limit probe: the tightest loop over the same columns the pair loop reads — journey, open, years, sex,
/// type mask and must-have filters, then a score of a few multiply-adds (travel, capacity, need share by a
/// table lookup, two evidence reads; the journey compared on squared distance first, as the engine does) — with no unknown-fact tracking, no leaf sink, no bands and no top-k. What
/// the hardware gives for one pass over the columns; the engine's every-pair rate is reported as a share of it.
enum BareLoop {
    static func pass(_ q: CompiledQuery, _ x: CompiledIndex) -> Int {
        var sum = 0
        let n = x.count
        let hx = q.homeEast, hy = q.homeNorth, maxKm = q.maxKm, circ = q.weights.circuity / 1000
        // The same square-root-free journey test the engine makes (a fair limit does what the engine may do).
        let limitSquared = q.beyondJourneySquared
        let year = q.year, types = q.allowedTypes, must = q.mustHave
        let c0 = q.evidenceConcepts.first?.concept ?? 0
        let share = q.primaryShare
        x.easting.withUnsafeBufferPointer { ex in
        x.northing.withUnsafeBufferPointer { ny in
        x.flags.withUnsafeBufferPointer { fl in
        x.minYear.withUnsafeBufferPointer { lo in
        x.maxYear.withUnsafeBufferPointer { hi in
        x.typeIndex.withUnsafeBufferPointer { ty in
        x.facilities.withUnsafeBufferPointer { fa in
        x.generalVacancies.withUnsafeBufferPointer { gv in
        x.evidence.scores.withUnsafeBufferPointer { ev in
            let base = c0 * n
            for i in 0..<n {
                let dx = ex[i] - hx, dy = ny[i] - hy
                let squared = dx * dx + dy * dy
                if squared > limitSquared { continue }
                let km = squared.squareRoot() * circ
                let f = fl[i]
                if km > maxKm || f & CompiledIndex.Flag.open == 0 || year < lo[i] || year > hi[i]
                    || types & (1 << UInt16(ty[i])) == 0 || fa[i] & must != must { continue }
                let s = Double(ev[base + i])
                let points = 28 * share[Int(f & 3)] + 14 * (s / (s + 1)) + 20 * (1 - km / maxKm)
                    + 10 * min(1, Double(gv[i]) / 3)
                sum &+= Int(points * 1000)
            }
        }}}}}}}}}
        return sum
    }
}
