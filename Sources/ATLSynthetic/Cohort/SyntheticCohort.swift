import ATLModel
import ATLData
import ATLPlanning
/// A generator of SYNTHETIC needs profiles for testing and planning at scale: invented children, marked
/// `synthetic: yes` with references `SYN-<la>-000001`…, living at real postcodes of the LA (from the shipped
/// postcode lookup) so journeys are realistic. Nothing about a real child is used or produced.
///
/// Primary needs follow the national mix of EHC plans: DfE, "Education, health and care plans", reporting year
/// 2025 (SEN2 return, January 2025, England, all EHC plans by primary need), published under the Open
/// Government Licence v3.0: ASD 31.5%, SLCN 21.3%, SEMH 20.7%, MLD 10.6%, SLD 3.9%, PD 3.9%, SPLD 2.4%,
/// HI 1.4%, PMLD 1.3%, OTH 1.2%, VI 0.8%, MSI 0.3%. Secondary needs, severities, facilities and journeys are
/// plausible invented correlations (e.g. hoists for PMLD and PD, signing for HI), not statistics.
///
/// Child `i` is drawn from its own random stream (`SeededRandom(seed:stream:)`), so a cohort is the same for a
/// seed whatever its size or the order children are generated in: the first 100 of a 5,000-child cohort are
/// the 100-child cohort.
public struct SyntheticCohort: Sendable {
    /// SEN2 January 2025 primary-need shares (per cent), in this order.
    public static let needMix: [(NeedCode, Double)] = [
        (.ASD, 31.5), (.SLCN, 21.3), (.SEMH, 20.7), (.MLD, 10.6), (.SLD, 3.9), (.PD, 3.9),
        (.SPLD, 2.4), (.HI, 1.4), (.PMLD, 1.3), (.OTH, 1.2), (.VI, 0.8), (.MSI, 0.3),
    ]

    /// The columns written, in order (needs-profile field names).
    public static let columns: [ProfileParser.Field] = [
        .reference, .synthetic, .primaryNeed, .secondaryNeeds, .mustHave, .desirable, .ncYear, .placementYear,
        .sex, .homePostcode, .maxJourney, .mainstreamFirst,
    ]

    /// The fictional example LA overlays real geography: its settings are placed in these districts
    /// (Telford and Wrekin, Shropshire), so its synthetic children live there too.
    public static let exampleLACode = 999
    public static let exampleLADistricts = ["E06000020", "E06000051"]

    public let laCode: Int
    public let seed: UInt64
    /// Placement years to draw from (uniformly), e.g. [7] or [0, 7, 12].
    public let placementYears: [Int]
    /// Real residential postcodes in the LA, in lookup order (non-geographic `..99` districts left out).
    public let homes: [String]

    /// - Throws: a diagnostic naming `--la` when the LA has no postcodes in the lookup.
    public init(laCode: Int, seed: UInt64, placementYears: [Int] = [7], postcodes: PostcodeLookup,
                districts: DistrictTable) throws(ATLError) {
        let wanted: Set<String>
        if laCode == SyntheticCohort.exampleLACode {
            wanted = Set(SyntheticCohort.exampleLADistricts)
        } else {
            wanted = Set(districts.byCode.values.filter { $0.localAuthority?.code == laCode }.map(\.code))
        }
        // Postcode districts numbered 99 (e.g. SY99) are non-geographic (PO boxes, large users): nobody lives there.
        let homes = wanted.isEmpty ? [] : postcodes.entries(inDistricts: wanted).map(\.postcode)
            .filter { !Postcode.outcode(of: $0).hasSuffix("99") }
        guard !homes.isEmpty else {
            throw ATLError(code: "synthetic-cohort.no-postcodes-for-la", file: "--la", field: "la", "no postcodes of LA \(laCode) in the postcode lookup (it covers the West Midlands LAs in provision-catalogue/geography/districts.csv, and 999 for the example LA)")
        }
        self.laCode = laCode
        self.seed = seed
        self.placementYears = placementYears.isEmpty ? [7] : placementYears
        self.homes = homes
    }

    /// The reference of child `i` (0-based): SYN-<la>-000001…
    public func reference(_ i: Int) -> String {
        let n = String(i + 1)
        return "SYN-\(laCode)-" + String(repeating: "0", count: max(0, 6 - n.count)) + n
    }

    /// The cells of child `i` (0-based), one per ``columns`` entry; empty = absent.
    public func row(_ i: Int) -> [String] {
        var r = SeededRandom(seed: seed, stream: UInt64(i))
        let need = SyntheticCohort.needMix[r.weighted(SyntheticCohort.needMix.map(\.1))].0
        let severity = SyntheticCohort.severity(need, &r)
        // Secondary needs: each correlated need independently, at most two, mild or moderate.
        var secondary: [String] = []
        for (code, p) in SyntheticCohort.secondary(need) where secondary.count < 2 && r.chance(p) {
            secondary.append("\(code.rawValue) \(r.chance(0.6) ? "moderate" : "mild")")
        }
        var must: [Facility] = []
        var want: [Facility] = []
        for (f, pMust, pWant) in SyntheticCohort.facilities(need, severity) {
            if r.chance(pMust) { must.append(f) } else if r.chance(pWant) { want.append(f) }
        }
        let year = placementYears[r.below(placementYears.count)]
        let miles = SyntheticCohort.journeyMiles(need, severity, year: year, &r)
        let mainstreamFirst = [.MLD, .SPLD, .SLCN, .SEMH, .ASD, .OTH].contains(need) && severity <= .moderate && r.chance(0.35)
        // Boys hold about seven in ten EHC plans (SEN2 2025).
        let sex = r.chance(0.72) ? "male" : "female"
        let home = homes[r.below(homes.count)]
        return [
            reference(i), "yes", "\(need.rawValue) \(severity.rawValue)", secondary.joined(separator: ", "),
            must.sorted().map(\.rawValue).joined(separator: ", "), want.sorted().map(\.rawValue).joined(separator: ", "),
            year > 0 ? String(year - 1) : "", year == 0 ? "R" : String(year), sex, home, "\(miles) miles",
            mainstreamFirst ? "yes" : "",
        ]
    }

    static func severity(_ need: NeedCode, _ r: inout SeededRandom) -> Severity {
        let w: [Double]   // mild, moderate, severe, profound
        switch need {
        case .PMLD: w = [0, 0, 0.15, 0.85]
        case .SLD: w = [0, 0.1, 0.8, 0.1]
        case .MLD, .SPLD: w = [0.3, 0.6, 0.1, 0]
        case .MSI: w = [0, 0.2, 0.5, 0.3]
        case .HI, .VI, .PD: w = [0.2, 0.4, 0.3, 0.1]
        default: w = [0.2, 0.45, 0.32, 0.03]
        }
        return Severity.allCases[r.weighted(w)]
    }

    /// Plausible secondary needs for a primary need, with their chance.
    static func secondary(_ need: NeedCode) -> [(NeedCode, Double)] {
        switch need {
        case .ASD: [(.SLCN, 0.45), (.SEMH, 0.25), (.MLD, 0.12)]
        case .SLCN: [(.ASD, 0.08), (.MLD, 0.2), (.SEMH, 0.1)]
        case .SEMH: [(.ASD, 0.12), (.SLCN, 0.15), (.SPLD, 0.1)]
        case .MLD: [(.SLCN, 0.35), (.ASD, 0.1), (.SEMH, 0.1)]
        case .SLD: [(.SLCN, 0.4), (.ASD, 0.35), (.PD, 0.1)]
        case .PMLD: [(.PD, 0.6), (.VI, 0.25), (.HI, 0.1)]
        case .PD: [(.SLCN, 0.15), (.MLD, 0.15), (.VI, 0.05)]
        case .SPLD: [(.SEMH, 0.15), (.SLCN, 0.15)]
        case .HI: [(.SLCN, 0.4), (.MLD, 0.08)]
        case .VI: [(.MLD, 0.1), (.PD, 0.1)]
        case .MSI: [(.SLD, 0.4), (.PD, 0.3)]
        case .OTH: [(.SEMH, 0.2), (.MLD, 0.15)]
        case .NSA: []
        }
    }

    /// (facility, chance it is a must-have, else chance it is desirable).
    static func facilities(_ need: NeedCode, _ s: Severity) -> [(Facility, Double, Double)] {
        let severe = s >= .severe
        switch need {
        case .PMLD: return [(.hoist, 0.7, 0.2), (.nurseOnsite, 0.3, 0.3), (.changingPlaces, 0.4, 0.3), (.hydrotherapy, 0, 0.4), (.sensoryRoom, 0, 0.5)]
        case .PD: return [(.stepFree, 0.6, 0.3), (.hoist, severe ? 0.5 : 0.15, 0.1), (.lift, 0.3, 0.3), (.physioOnsite, 0.2, 0.3)]
        case .HI: return [(.qtod, 0.5, 0.3), (.signing, 0.4, 0.2), (.radioAids, 0.2, 0.3)]
        case .VI: return [(.qtvi, 0.5, 0.3), (.braille, severe ? 0.3 : 0.05, 0.1)]
        case .MSI: return [(.qtod, 0.3, 0.3), (.qtvi, 0.3, 0.3), (.hoist, 0.2, 0.1)]
        case .ASD: return [(.saltOnsite, severe ? 0.25 : 0.05, 0.3), (.sensoryRoom, 0, 0.4), (.quietSpace, 0, 0.5), (.smallClasses, severe ? 0.15 : 0, 0.35)]
        case .SLCN: return [(.saltOnsite, 0.3, 0.4), (.makaton, 0, 0.2), (.aac, severe ? 0.15 : 0, 0.1)]
        case .SEMH: return [(.counselling, 0.1, 0.4), (.nurtureGroup, 0, 0.35), (.smallClasses, 0.1, 0.35)]
        case .SLD: return [(.makaton, 0.2, 0.4), (.highStaffing, 0.3, 0.4), (.sensoryRoom, 0, 0.3)]
        case .MLD: return [(.smallClasses, 0.05, 0.4)]
        case .SPLD, .OTH, .NSA: return [(.smallClasses, 0, 0.2)]
        }
    }

    /// Longest acceptable journey in whole miles: shorter for young children and needs usually met near home,
    /// longer where special provision is sparse.
    static func journeyMiles(_ need: NeedCode, _ s: Severity, year: Int, _ r: inout SeededRandom) -> Int {
        let options = [5, 8, 10, 12, 15, 20]
        var w: [Double]
        switch need {
        case .PMLD, .SLD, .MSI, .HI, .VI: w = [0.05, 0.1, 0.2, 0.2, 0.25, 0.2]
        default: w = s >= .severe ? [0.1, 0.2, 0.25, 0.2, 0.15, 0.1] : [0.25, 0.3, 0.25, 0.1, 0.07, 0.03]
        }
        if year == 0 { w = [0.4, 0.3, 0.15, 0.1, 0.05, 0] }
        return options[r.weighted(w)]
    }
}
