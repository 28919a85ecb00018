import ATLModel
import ATLData
import Foundation

/// Every number the scoring model uses, in one place, loadable from a weights file users can change
/// (`provision-catalogue/weights.conf`, documented in `docs/scoring.md`). The default weights' positive parts add
/// up to 97 points (Ofsted only costs points); a list shows each setting's points and where they came from.
public struct Weights: Sendable, Hashable {
    // Points per component (the maximum a setting can earn from it).
    public var needPrimary = 28.0
    public var needSecondary = 8.0
    public var evidence = 14.0
    public var facilities = 8.0
    public var travel = 20.0
    public var capacity = 10.0
    public var preferenceNamed = 4.0
    public var preferenceFaith = 2.0
    public var preferenceSingleSex = 1.0
    public var preferenceMainstreamFirst = 2.0
    /// A brother or sister attends the setting (`siblings-at`): between faith (2) and naming it (4), never enough
    /// to lift a setting that does not meet the need over one that does.
    public var preferenceSibling = 3.0
    /// The family's fit preferences (`fit`), shared equally between those stated; each is earned only on a known
    /// fact (``FitFacts``).
    public var fit = 6.0

    // Need match (policy R5): share of the need points by how the setting provides for the need (its provision
    // class, ``ProvisionClass``) and the need's severity. Severity shapes specialist credit as well as mainstream.
    /// A mainstream setting with no provision designated for the need (what it ordinarily provides).
    public var shareMainstreamMild = 0.9
    public var shareMainstreamModerate = 0.75
    public var shareMainstreamSevere = 0.35
    public var shareMainstreamProfound = 0.1
    /// A resourced provision, unit or college department designated for the need.
    public var shareDesignatedMainstreamMild = 1.0
    public var shareDesignatedMainstreamModerate = 1.0
    public var shareDesignatedMainstreamSevere = 0.85
    public var shareDesignatedMainstreamProfound = 0.5
    /// A special school or special post-16 institution designated for the need.
    public var shareDesignatedSpecialMild = 0.4
    public var shareDesignatedSpecialModerate = 0.6
    public var shareDesignatedSpecialSevere = 1.0
    public var shareDesignatedSpecialProfound = 1.0
    /// Alternative provision (listed only when asked for).
    public var shareAPMild = 0.4
    public var shareAPModerate = 0.6
    public var shareAPSevere = 0.6
    public var shareAPProfound = 0.4
    /// Multiplies the share for a designated need with no commissioned places for it (places-by-need lists it at 0).
    public var designatedNoPlacesCredit = 0.6
    /// A partial designation (a published list that says there is more, `needs: … (partial)`) that names the need
    /// earns this fraction of the difference between a complete designation's share and what the setting earns
    /// without it. It never excludes and never changes the band: an officer's confirmation makes it complete.
    public var needPartialCredit = 0.5

    // Fit preferences: what counts as small.
    /// Classes of at most this many pupils make a small setting.
    public var fitSmallClassSize = 12.0
    /// Pupil totals at or below which a setting counts as small: a mainstream primary (one form of entry), a
    /// mainstream secondary or all-through school, and every other setting (special, AP, nursery, college, unknown).
    public var fitSmallPrimaryMaxPupils = 210.0
    public var fitSmallSecondaryMaxPupils = 600.0
    public var fitSmallOtherMaxPupils = 120.0

    // Evidence: per-concept BM25 s is saturated as s / (s + saturation × median), median over the catalogue's
    // settings with any evidence for that concept; query weights per part of the profile.
    public var evidenceSaturation = 1.0
    public var evidenceWeightPrimary = 1.0
    public var evidenceWeightSecondary = 0.5
    public var evidenceWeightMustHave = 0.75
    public var evidenceWeightDesirable = 0.5

    // Travel: road distance ≈ straight line × circuity; time at an average speed; credit 1 at the door,
    // `travelWalkingCredit` at the statutory walking distance, `travelMaxCredit` at the maximum journey.
    public var circuity = 1.3
    public var speedKmh = 30.0
    public var defaultMaxJourneyKm = 25.0
    public var travelWalkingCredit = 0.9
    public var travelMaxCredit = 0.2
    /// Beyond the maximum journey the travel share keeps falling, to 0 at this multiple of the maximum (policy R2).
    public var travelZeroAtMultiple = 2.0
    /// Longest journey (km by road) at which the long-journey fallback lists a setting; beyond it the nearest
    /// settings that meet the need are mentioned in a note, not listed (policy R2).
    public var fallbackLimitKm = 60.0
    /// The same limit for a residential setting, where the child boards and the daily journey does not apply.
    public var fallbackLimitResidentialKm = 120.0
    /// Statutory walking distances (Education Act 1996 s.444(5)): under 8 and 8 and over, in km.
    public var walkingDistanceUnder8Km = 3.22
    public var walkingDistance8PlusKm = 4.83

    // Capacity: credit rises linearly with vacancies and is full at this many.
    public var capacityFullCreditAt = 3.0

    // Ofsted (policy R7): a judgement is information for families, not a measure of fit. Outstanding, Good and no
    // judgement earn nothing; Requires improvement and Inadequate are cautions that also cost points (and an
    // Inadequate setting comes after comparable ones whatever its points).
    public var ofstedRequiresImprovementPoints = -3.0
    public var ofstedInadequatePoints = -10.0
    /// A judgement older than this many years (at the run date) carries the `ofsted-dated` caution.
    public var ofstedDatedYears = 4.0

    // List composition.
    public var listSize = 10.0
    /// Most of the list one setting type may take while other suitable types are available.
    public var listMaxShare = 0.4
    /// When fewer settings than this within the maximum journey meet the need (band A), the nearest ones beyond
    /// it are added as long journeys (policy R2).
    public var listFallbackBandA = 3.0
    /// Settings that may also meet the need (band B) are added only while the list is shorter than this (policy R9).
    public var listHandful = 5.0

    // Facts: a public fact older than this many months on the run date (or undated) is labelled for the
    // officer to check (docs/catalogue-format.md, "Stale facts").
    public var factsCheckAfterMonths = 24.0

    public init() {}

    public static let defaults = Weights()

    public struct Parameter: Sendable {
        public var key: String
        public var path: any WritableKeyPath<Weights, Double> & Sendable
        public var range: ClosedRange<Double>
        public var help: String
    }

    public static let parameters: [Parameter] = [
        .init(key: "points.need.primary", path: \.needPrimary, range: 0...1000, help: "points for meeting the primary need"),
        .init(key: "points.need.secondary", path: \.needSecondary, range: 0...1000, help: "points for meeting the secondary needs"),
        .init(key: "points.evidence", path: \.evidence, range: 0...1000, help: "points for evidence in the SEN information report"),
        .init(key: "points.facilities", path: \.facilities, range: 0...1000, help: "points for desirable facilities"),
        .init(key: "points.travel", path: \.travel, range: 0...1000, help: "points for a short journey"),
        .init(key: "points.capacity", path: \.capacity, range: 0...1000, help: "points for vacancies"),
        .init(key: "points.preference.named", path: \.preferenceNamed, range: 0...1000, help: "points for a setting the family named"),
        .init(key: "points.preference.faith", path: \.preferenceFaith, range: 0...1000, help: "points for the religious character the family asked for"),
        .init(key: "points.preference.single-sex", path: \.preferenceSingleSex, range: 0...1000, help: "points for a single-sex setting when preferred"),
        .init(key: "points.preference.mainstream-first", path: \.preferenceMainstreamFirst, range: 0...1000, help: "points for a mainstream setting when the family wants mainstream first"),
        .init(key: "points.preference.sibling", path: \.preferenceSibling, range: 0...1000, help: "points for a setting a brother or sister attends"),
        .init(key: "points.fit", path: \.fit, range: 0...1000, help: "points for the family's fit preferences, shared between those stated"),
        .init(key: "need.share.mainstream.mild", path: \.shareMainstreamMild, range: 0...1, help: "share of need points for a mainstream setting not designated for the need, mild need"),
        .init(key: "need.share.mainstream.moderate", path: \.shareMainstreamModerate, range: 0...1, help: "… moderate need"),
        .init(key: "need.share.mainstream.severe", path: \.shareMainstreamSevere, range: 0...1, help: "… severe need"),
        .init(key: "need.share.mainstream.profound", path: \.shareMainstreamProfound, range: 0...1, help: "… profound need"),
        .init(key: "need.share.designated-mainstream.mild", path: \.shareDesignatedMainstreamMild, range: 0...1, help: "share for a resourced provision, unit or college department designated for the need, mild need"),
        .init(key: "need.share.designated-mainstream.moderate", path: \.shareDesignatedMainstreamModerate, range: 0...1, help: "… moderate need"),
        .init(key: "need.share.designated-mainstream.severe", path: \.shareDesignatedMainstreamSevere, range: 0...1, help: "… severe need"),
        .init(key: "need.share.designated-mainstream.profound", path: \.shareDesignatedMainstreamProfound, range: 0...1, help: "… profound need"),
        .init(key: "need.share.designated-special.mild", path: \.shareDesignatedSpecialMild, range: 0...1, help: "share for a special school or special post-16 institution designated for the need, mild need"),
        .init(key: "need.share.designated-special.moderate", path: \.shareDesignatedSpecialModerate, range: 0...1, help: "… moderate need"),
        .init(key: "need.share.designated-special.severe", path: \.shareDesignatedSpecialSevere, range: 0...1, help: "… severe need"),
        .init(key: "need.share.designated-special.profound", path: \.shareDesignatedSpecialProfound, range: 0...1, help: "… profound need"),
        .init(key: "need.share.ap.mild", path: \.shareAPMild, range: 0...1, help: "share for alternative provision (listed only when asked for), mild need"),
        .init(key: "need.share.ap.moderate", path: \.shareAPModerate, range: 0...1, help: "… moderate need"),
        .init(key: "need.share.ap.severe", path: \.shareAPSevere, range: 0...1, help: "… severe need"),
        .init(key: "need.share.ap.profound", path: \.shareAPProfound, range: 0...1, help: "… profound need"),
        .init(key: "need.designated-no-places-credit", path: \.designatedNoPlacesCredit, range: 0...1, help: "multiplies the share for a designated need with 0 commissioned places"),
        .init(key: "need.partial-credit", path: \.needPartialCredit, range: 0...1, help: "fraction of a complete designation's extra share earned by a partial designation naming the need"),
        .init(key: "fit.small-class-size", path: \.fitSmallClassSize, range: 1...100, help: "classes of at most this many pupils make a small setting"),
        .init(key: "fit.small-setting.max-pupils.primary", path: \.fitSmallPrimaryMaxPupils, range: 1...100_000, help: "pupils at most for a small mainstream primary"),
        .init(key: "fit.small-setting.max-pupils.secondary", path: \.fitSmallSecondaryMaxPupils, range: 1...100_000, help: "pupils at most for a small mainstream secondary or all-through school"),
        .init(key: "fit.small-setting.max-pupils.other", path: \.fitSmallOtherMaxPupils, range: 1...100_000, help: "pupils at most for any other small setting (special, AP, nursery, college, unknown type)"),
        .init(key: "evidence.saturation", path: \.evidenceSaturation, range: 0.01...1000, help: "multiple of the catalogue's median evidence score at which a concept earns half its evidence share"),
        .init(key: "evidence.weight.primary", path: \.evidenceWeightPrimary, range: 0...100, help: "query weight of the primary need"),
        .init(key: "evidence.weight.secondary", path: \.evidenceWeightSecondary, range: 0...100, help: "query weight of each secondary need"),
        .init(key: "evidence.weight.must-have", path: \.evidenceWeightMustHave, range: 0...100, help: "query weight of each must-have facility"),
        .init(key: "evidence.weight.desirable", path: \.evidenceWeightDesirable, range: 0...100, help: "query weight of each desirable facility"),
        .init(key: "travel.circuity", path: \.circuity, range: 1...3, help: "road distance ÷ straight-line distance"),
        .init(key: "travel.speed-kmh", path: \.speedKmh, range: 1...120, help: "average door-to-door speed for time estimates"),
        .init(key: "travel.default-max-km", path: \.defaultMaxJourneyKm, range: 0.1...200, help: "maximum journey when the profile gives none"),
        .init(key: "travel.walking-credit", path: \.travelWalkingCredit, range: 0...1, help: "travel share at the statutory walking distance"),
        .init(key: "travel.max-credit", path: \.travelMaxCredit, range: 0...1, help: "travel share at the maximum journey"),
        .init(key: "travel.zero-at-multiple", path: \.travelZeroAtMultiple, range: 1...10, help: "multiple of the maximum journey at which a long journey's travel share reaches 0"),
        .init(key: "travel.fallback-limit-km", path: \.fallbackLimitKm, range: 0.1...1000, help: "longest journey (km) at which the long-journey fallback lists a setting; beyond it the setting is mentioned, not listed"),
        .init(key: "travel.fallback-limit-residential-km", path: \.fallbackLimitResidentialKm, range: 0.1...1000, help: "the same limit for a residential setting (the child boards)"),
        .init(key: "travel.walking-distance-under-8-km", path: \.walkingDistanceUnder8Km, range: 0.1...20, help: "statutory walking distance under age 8"),
        .init(key: "travel.walking-distance-8-plus-km", path: \.walkingDistance8PlusKm, range: 0.1...20, help: "statutory walking distance age 8 and over"),
        .init(key: "capacity.full-credit-at", path: \.capacityFullCreditAt, range: 1...1000, help: "vacancies at which capacity earns all its points"),
        .init(key: "ofsted.requires-improvement-points", path: \.ofstedRequiresImprovementPoints, range: -100...0, help: "points (0 or less) for an Ofsted judgement of Requires improvement"),
        .init(key: "ofsted.dated-years", path: \.ofstedDatedYears, range: 0...100, help: "age in years after which an Ofsted judgement is flagged as dated"),
        .init(key: "ofsted.inadequate-points", path: \.ofstedInadequatePoints, range: -100...0, help: "points (0 or less) for an Ofsted judgement of Inadequate"),
        .init(key: "list.size", path: \.listSize, range: 1...100, help: "settings on a list"),
        .init(key: "list.max-share", path: \.listMaxShare, range: 0.05...1, help: "most of a list one setting type may take"),
        .init(key: "list.handful", path: \.listHandful, range: 0...100, help: "settings that may also meet the need are added only while the list is shorter than this"),
        .init(key: "list.fallback-band-a", path: \.listFallbackBandA, range: 0...100, help: "settings that meet the need within the journey below which the nearest beyond it are added as long journeys"),
        .init(key: "facts.check-after-months", path: \.factsCheckAfterMonths, range: 1...600, help: "a public fact older than this many months (or undated) is labelled for the officer to check"),
    ]

    /// Keys of earlier versions of the weights file, with what replaced them (named in the error).
    public static let retired: [String: String] = [
        "list.pool": "the list now looks at every setting that meets the need within the journey (the best of each type), so no pool size is needed; remove the line",
        "need.mainstream-credit.mild": "renamed need.share.mainstream.mild (the need share is now by provision class and severity)",
        "need.mainstream-credit.moderate": "renamed need.share.mainstream.moderate",
        "need.mainstream-credit.severe": "renamed need.share.mainstream.severe",
        "need.mainstream-credit.profound": "renamed need.share.mainstream.profound",
        "points.ofsted": "an Ofsted judgement no longer earns points; use ofsted.requires-improvement-points and ofsted.inadequate-points (0 or less)",
        "ofsted.outstanding": "Outstanding no longer earns points (a judgement is information for families, docs/matching-policy.md R7); remove the line",
        "ofsted.good": "Good no longer earns points (docs/matching-policy.md R7); remove the line",
        "ofsted.requires-improvement": "replaced by ofsted.requires-improvement-points (0 or less)",
        "ofsted.inadequate": "replaced by ofsted.inadequate-points (0 or less)",
    ]

    public static let formatTag = "atl-weights/1"

    /// Parses a weights file: `format: atl-weights/1` then `key: number` lines; keys left out keep defaults.
    public static func parse(text: String, file: String) throws(ATLError) -> Weights {
        var w = Weights()
        var diags: [Diagnostic] = []
        var seen: [String: Int] = [:]
        var sawFormat = false
        let p = FieldParser(file: file)
        for (i, line) in TextDecoding.lines(text).enumerated() {
            do throws(ATLError) {
                guard let kv = try KeyValueLine.parse(line, line: i + 1, file: file) else { continue }
                if let first = seen[kv.key] {
                    diags.append(Diagnostic(code: "weights.given-twice", file: file, line: kv.line, field: kv.key, "given twice (first on line \(first))"))
                    continue
                }
                seen[kv.key] = kv.line
                if kv.key == "format" {
                    sawFormat = true
                    if kv.value != formatTag {
                        diags.append(Diagnostic(code: "weights.wrong-format", file: file, line: kv.line, field: "format", "expected '\(formatTag)', got \"\(kv.value)\""))
                    }
                    continue
                }
                if let why = retired[kv.key] {
                    diags.append(Diagnostic(code: "weights.retired-weight", file: file, line: kv.line, field: kv.key,
                                            "no longer a weight: \(why)"))
                    continue
                }
                guard let param = parameters.first(where: { $0.key == kv.key }) else {
                    diags.append(Diagnostic(code: "weights.unknown-weight", file: file, line: kv.line, field: kv.key,
                        "unknown weight; known: \(parameters.map(\.key).joined(separator: ", "))"))
                    continue
                }
                let v = try p.double(kv, min: param.range.lowerBound, max: param.range.upperBound)
                if ["list.size", "list.handful", "list.fallback-band-a", "facts.check-after-months"].contains(param.key), v != v.rounded() {
                    throw ATLError(code: "weights.not-a-whole-number", file: file, line: kv.line, field: kv.key, "must be a whole number")
                }
                w[keyPath: param.path] = v
            } catch {
                diags += error.diagnostics
            }
        }
        if !sawFormat { diags.append(Diagnostic(code: "weights.format-missing", file: file, line: 1, field: "format", "required field is missing ('\(formatTag)')")) }
        if w.travelMaxCredit > w.travelWalkingCredit, let line = seen["travel.max-credit"] {
            diags.append(Diagnostic(code: "weights.max-credit-above-walking-credit", file: file, line: line, field: "travel.max-credit",
                "must not exceed travel.walking-credit (a longer journey never earns more)"))
        }
        if !diags.isEmpty { throw ATLError(diags) }
        return w
    }

    public static func load(path: String) throws(ATLError) -> Weights {
        let data = try InputFile.read(path, what: "weights file", limit: InputFile.Limit.smallText)
        return try parse(text: TextDecoding.decodeUTF8(data, file: path), file: path)
    }

    /// Canonical text (every parameter, fixed decimals): the input to the weights hash.
    public func render(comments: Bool = true) -> String {
        var out = comments ? "# ATL scoring weights. See docs/scoring.md for what each one does.\n" : ""
        out += "format: \(Weights.formatTag)\n"
        for p in Weights.parameters {
            if comments { out += "# \(p.help)\n" }
            out += "\(p.key): \(Fixed.format(self[keyPath: p.path], places: 4))\n"
        }
        return out
    }

    /// SHA-256 of the canonical text without comments: equal weights give equal hashes however written.
    public var hash: String { SHA256.hex(render(comments: false)) }

    public var listSizeInt: Int { Int(listSize) }
    public var listFallbackBandAInt: Int { Int(listFallbackBandA) }
    public var listHandfulInt: Int { Int(listHandful) }
    public var factsCheckAfterMonthsInt: Int { Int(factsCheckAfterMonths) }

}
