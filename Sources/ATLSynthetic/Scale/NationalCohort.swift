import ATLModel
import ATLData
import ATLPlanning
/// A national SYNTHETIC cohort for benchmarks: invented children (references `SYN-NAT-0000001`…, marked
/// `synthetic`) whose homes are distributed like the schools — each home is a school's location, chosen
/// uniformly, moved by a normal offset of 1.5 km in each direction — so city density is realistic.
///
/// Primary needs follow the national mix of EHC plans (DfE SEN2, January 2025, England: ASD 31.5%, SLCN 21.3%,
/// SEMH 20.7%, MLD 10.6%, SLD 3.9%, PD 3.9%, SPLD 2.4%, HI 1.4%, PMLD 1.3%, OTH 1.2%, VI 0.8%, MSI 0.3%);
/// secondary needs, severity, year group, facilities and journey limits are invented. Child `i` uses its own
/// random stream, so the first n children of any cohort with the same seed and homes are the same.
public struct NationalCohort: Sendable {
    public static let needMix: [(NeedCode, Double)] = [
        (.ASD, 31.5), (.SLCN, 21.3), (.SEMH, 20.7), (.MLD, 10.6), (.SLD, 3.9), (.PD, 3.9),
        (.SPLD, 2.4), (.HI, 1.4), (.PMLD, 1.3), (.OTH, 1.2), (.VI, 0.8), (.MSI, 0.3),
    ]

    public let seed: UInt64
    /// Locations to draw homes around (the located settings of the catalogue).
    public let anchors: [GridPoint]

    public init(seed: UInt64, catalogue: Catalogue) {
        self.seed = seed
        self.anchors = catalogue.settings.compactMap(\.location)
    }

    /// `SYN-NAT-0000001` for child 0.
    public static func reference(_ i: Int) -> String {
        let d = String(i + 1)
        return "SYN-NAT-" + String(repeating: "0", count: max(0, 7 - d.count)) + d
    }

    /// Child `i` (0-based).
    public func child(_ i: Int) -> NeedsProfile {
        var rng = SeededRandom(seed: seed, stream: UInt64(i) &+ 0x5EED_0000)
        let a = anchors.isEmpty ? GridPoint(easting: 400_000, northing: 300_000) : anchors[rng.below(anchors.count)]
        let e = min(700_000, max(0, a.easting + Int(rng.normal(mean: 0, sd: 1500))))
        let n = min(1_300_000, max(0, a.northing + Int(rng.normal(mean: 0, sd: 1500))))
        let primary = NationalCohort.needMix[rng.weighted(NationalCohort.needMix.map(\.1))].0
        let severity = Severity.allCases[rng.weighted([0.2, 0.45, 0.27, 0.08])]
        var secondary: [NeedsProfile.SecondaryNeed] = []
        for _ in 0..<rng.weighted([0.45, 0.4, 0.15]) {
            let c = NationalCohort.needMix[rng.weighted(NationalCohort.needMix.map(\.1))].0
            if c != primary && !secondary.contains(where: { $0.code == c }) {
                secondary.append(.init(c, Severity.allCases[rng.weighted([0.35, 0.45, 0.2, 0])]))
            }
        }
        var must = FacilitySet(), desirable = FacilitySet()
        switch primary {
        case .PMLD, .PD: if rng.chance(0.5) { must.insert(FacilitySet(.hoist)) }
        case .HI: if rng.chance(0.4) { must.insert(FacilitySet(.qtod)) }
        case .VI: if rng.chance(0.4) { must.insert(FacilitySet(.qtvi)) }
        default: break
        }
        let wishes: [Facility] = [.saltOnsite, .sensoryRoom, .quietSpace, .smallClasses, .counselling, .otOnsite]
        for _ in 0..<rng.below(3) { desirable.insert(FacilitySet(rng.pick(wishes))) }
        let year = rng.weighted([0.5, 1, 1, 1, 1, 1, 1, 1.4, 1, 1, 1, 1, 0.6, 0.5])
        return NeedsProfile(reference: NationalCohort.reference(i), synthetic: true,
                            primaryNeed: primary, primarySeverity: severity, secondaryNeeds: secondary,
                            mustHave: must, desirable: desirable, placementYear: year,
                            sex: rng.chance(0.7) ? .male : .female, home: .grid(GridPoint(easting: e, northing: n)),
                            maxJourneyKm: rng.chance(0.7) ? nil : rng.pick([10.0, 15, 20, 30]),
                            mainstreamFirst: rng.chance(0.2))
    }
}

