import ATLModel
import ATLData
import ATLPlanning
/// Synthetic SEN facts for a setting of known type: designated needs, specialist places and pupils on roll,
/// places by need, facilities and cost band. Used by the example LA generator, and meant for a national
/// synthetic catalogue that gives real-location schools invented SEN data.
///
/// Facilities follow the needs a setting is designated for (autism → quiet spaces and often a sensory room;
/// PMLD → hoists, nursing, AAC; hearing impairment → a qualified teacher of the deaf and radio aids), drawn
/// with probabilities so that settings differ and are not always maximal. A Changing Places toilet always
/// comes with a hoist, and hydrotherapy pools only in special schools, so report text stays consistent.
public enum SyntheticProvision {
    /// Fills the SEN fields of `s` from its `type` (and `giasType`, `ageRange`, `phase`).
    ///
    /// - Parameter needs: the designated needs to use; nil lets the function choose for specialist types.
    ///   Ignored for plain mainstream, independent mainstream and sixth-form colleges (no designated offer),
    ///   and for early years settings means "no enhanced resource" when nil.
    ///
    /// Always set: `specialistProvision` (mainstream types and early years), `needs`, `specialistPlaces`,
    /// `specialistOnRoll`, `placesByNeed` (specialist offers), `facilities`, `costBand` (independent and
    /// non-maintained special, special post-16). `capacity` and `onRoll` are set only when nil.
    public static func assign(to s: inout Setting, needs requested: [NeedCode]? = nil, rng: inout SeededRandom) {
        let ages = s.ageRange ?? defaultAges(s)
        switch s.type {
        case .mainstream, .independent, .unknown:
            assignMainstream(&s, ages: ages, rng: &rng)
        case .mainstreamResourced:
            assignResourced(&s, needs: requested, ages: ages, rng: &rng)
        case .special, .independentSpecial, .nonMaintainedSpecial, .alternativeProvision:
            assignSpecialist(&s, needs: requested, ages: ages, rng: &rng)
        case .post16:
            let gias = (s.giasType ?? "").lowercased()
            if gias.contains("special post 16") {
                assignSpecialPost16(&s, needs: requested, ages: ages, rng: &rng)
            } else if gias.contains("further education") || (requested != nil && !gias.contains("sixth")) {
                assignFurtherEducation(&s, needs: requested, ages: ages, rng: &rng)
            } else {
                assignSixthForm(&s, rng: &rng)
            }
        case .earlyYears:
            assignEarlyYears(&s, needs: requested, ages: ages, rng: &rng)
        }
    }

    /// A mainstream school with no designated offer: its roll and the facilities any school of its size has.
    static func assignMainstream(_ s: inout Setting, ages: AgeRange, rng: inout SeededRandom) {
        s.specialistProvision = s.type == .unknown ? nil : SpecialistProvisionKind.none
        s.needs = nil
        fillMainstreamRoll(&s, ages: ages, rng: &rng)
        s.facilities = mainstreamFacilities(ages: ages, independent: s.type == .independent, rng: &rng)
    }

    /// A mainstream school with a resourced provision or unit: a small base (smaller for sensory and physical
    /// needs), and the school's facilities plus those its designated needs call for.
    static func assignResourced(_ s: inout Setting, needs requested: [NeedCode]?, ages: AgeRange, rng: inout SeededRandom) {
        let needs = requested ?? resourcedNeeds(rng: &rng)
        fillMainstreamRoll(&s, ages: ages, rng: &rng)
        s.needs = NeedSet(needs)
        let r = rng.unit()
        s.specialistProvision = r < 0.7 ? .resourcedProvision : r < 0.95 ? .senUnit : .both
        let sensory = needs.allSatisfy { [.HI, .VI, .MSI, .PD].contains($0) }
        let places = sensory ? 2 * rng.int(in: 4...6) : 2 * rng.int(in: 4...10)
        setPlaces(&s, places: places, needs: needs, splitAlways: false, rng: &rng)
        var f = mainstreamFacilities(ages: ages, independent: false, rng: &rng)
        f.formUnion(needFacilities(needs, setting: .mainstreamResourced, ages: ages, rng: &rng))
        s.facilities = consistent(f, type: s.type)
    }

    /// A special school or AP, wholly designated: places in the steps each kind of school commonly has, the
    /// whole school's roll from them, facilities for its needs, and a cost band for the independent sector.
    static func assignSpecialist(_ s: inout Setting, needs requested: [NeedCode]?, ages: AgeRange, rng: inout SeededRandom) {
        let needs = requested ?? specialistNeeds(s.type, rng: &rng)
        s.needs = NeedSet(needs)
        let places: Int
        switch s.type {
        case .special: places = needs == [.SEMH] ? 6 * rng.int(in: 10...15) : 10 * rng.int(in: 6...20)
        case .independentSpecial: places = 4 * rng.int(in: 5...20)
        case .nonMaintainedSpecial: places = 5 * rng.int(in: 8...18)
        default: places = 4 * rng.int(in: 6...16)
        }
        setPlaces(&s, places: places, needs: needs, splitAlways: s.type != .alternativeProvision, rng: &rng)
        if s.capacity == nil { s.capacity = places }
        if s.onRoll == nil { s.onRoll = s.specialistOnRoll }
        var f = needFacilities(needs, setting: s.type, ages: ages, rng: &rng)
        if rng.chance(s.type == .special ? 0.8 : 0.5) { f.insert(FacilitySet(.stepFree)) }
        if s.type == .independentSpecial, rng.chance(0.4) { f.insert(FacilitySet(.residential)) }
        if s.type == .nonMaintainedSpecial { f.insert(FacilitySet(.residential)) }
        s.facilities = consistent(f, type: s.type)
        if s.costBand == nil {
            switch s.type {
            case .independentSpecial: s.costBand = [CostBand.C, .D, .D, .E][rng.below(4)]
            case .nonMaintainedSpecial: s.costBand = .E
            default: break
            }
        }
    }

    /// A special post-16 institution: wholly designated (by default for learning disabilities and autism),
    /// step-free, cost band D.
    static func assignSpecialPost16(_ s: inout Setting, needs requested: [NeedCode]?, ages: AgeRange, rng: inout SeededRandom) {
        let needs = requested ?? [.SLD, .PMLD, .ASD]
        s.needs = NeedSet(needs)
        setPlaces(&s, places: 6 * rng.int(in: 4...10), needs: needs, splitAlways: true, rng: &rng)
        if s.capacity == nil { s.capacity = s.specialistPlaces }
        if s.onRoll == nil { s.onRoll = s.specialistOnRoll }
        s.facilities = consistent(needFacilities(needs, setting: .special, ages: ages, rng: &rng)
            .union(set(.stepFree)), type: s.type)
        if s.costBand == nil { s.costBand = .D }
    }

    /// A general FE college (or another post-16 setting, not a sixth form, given needs): thousands of students,
    /// with a supported learning department for learning disabilities and autism.
    static func assignFurtherEducation(_ s: inout Setting, needs requested: [NeedCode]?, ages: AgeRange, rng: inout SeededRandom) {
        let needs = requested ?? [[.MLD, .SLD, .ASD], [.MLD, .ASD], [.MLD, .SLD], [.SLD, .ASD]][rng.below(4)]
        s.needs = NeedSet(needs)
        if s.capacity == nil { s.capacity = 250 * rng.int(in: 8...24) }
        if s.onRoll == nil { s.onRoll = s.capacity! * rng.int(in: 86...99) / 100 }
        setPlaces(&s, places: 10 * rng.int(in: 4...12), needs: needs, splitAlways: true, rng: &rng)
        var f = needFacilities(needs, setting: .post16, ages: ages, rng: &rng)
        f.formUnion(set(.stepFree, .lift, .quietSpace))
        if rng.chance(0.6) { f.insert(FacilitySet(.counselling)) }
        s.facilities = consistent(f, type: s.type)
    }

    /// A sixth-form college: no designated offer, an accessible site.
    static func assignSixthForm(_ s: inout Setting, rng: inout SeededRandom) {
        s.needs = nil
        s.specialistProvision = SpecialistProvisionKind.none
        if s.capacity == nil { s.capacity = 100 * rng.int(in: 8...22) }
        if s.onRoll == nil { s.onRoll = s.capacity! * rng.int(in: 82...99) / 100 }
        var f = set(.stepFree, .lift)
        if rng.chance(0.8) { f.insert(FacilitySet(.counselling)) }
        if rng.chance(0.6) { f.insert(FacilitySet(.quietSpace)) }
        s.facilities = f
    }

    /// A maintained nursery school, with an enhanced resource only when needs are given.
    static func assignEarlyYears(_ s: inout Setting, needs requested: [NeedCode]?, ages: AgeRange, rng: inout SeededRandom) {
        if s.capacity == nil { s.capacity = 13 * rng.int(in: 4...10) }
        if s.onRoll == nil { s.onRoll = s.capacity! * rng.int(in: 80...100) / 100 }
        var f = set(.stepFree)
        if rng.chance(0.7) { f.insert(FacilitySet(.quietSpace)) }
        if let needs = requested, !needs.isEmpty {
            s.needs = NeedSet(needs)
            s.specialistProvision = .resourcedProvision
            setPlaces(&s, places: rng.int(in: 8...12), needs: needs, splitAlways: needs.count > 1, rng: &rng)
            f.formUnion(needFacilities(needs, setting: .earlyYears, ages: ages, rng: &rng))
            f.formUnion(set(.smallClasses))
        } else {
            s.needs = nil
            s.specialistProvision = SpecialistProvisionKind.none
            if rng.chance(0.3) { f.insert(FacilitySet(.sensoryRoom)) }
            if rng.chance(0.3) { f.insert(FacilitySet(.makaton)) }
        }
        s.facilities = consistent(f, type: s.type)
    }

    static func set(_ fs: Facility...) -> FacilitySet { FacilitySet(fs) }

    /// Ages when the setting has none: from the phase, else from the type.
    static func defaultAges(_ s: Setting) -> AgeRange {
        switch s.phase {
        case .nursery: return AgeRange(low: 3, high: 5)
        case .primary, .middleDeemedPrimary: return AgeRange(low: 4, high: 11)
        case .secondary, .middleDeemedSecondary: return AgeRange(low: 11, high: 16)
        case .allThrough: return AgeRange(low: 4, high: 18)
        case .sixteenPlus: return AgeRange(low: 16, high: 19)
        default: break
        }
        switch s.type {
        case .earlyYears: return AgeRange(low: 3, high: 5)
        case .post16: return AgeRange(low: 16, high: 19)
        case .alternativeProvision: return AgeRange(low: 11, high: 16)
        default: return AgeRange(low: 4, high: 11)
        }
    }

    /// Capacity in realistic steps (primary multiples of 15/30 from 105 to 630; secondary 600–1,650) and
    /// 75–100% on roll. Only fills values that are nil.
    static func fillMainstreamRoll(_ s: inout Setting, ages: AgeRange, rng: inout SeededRandom) {
        if s.capacity == nil {
            if ages.high <= 11 {
                s.capacity = [105, 120, 150, 180, 210, 210, 240, 315, 360, 420, 420, 450, 630][rng.below(13)]
            } else if ages.low >= 11 {
                s.capacity = 50 * rng.int(in: 12...33)
            } else {
                s.capacity = 50 * rng.int(in: 8...24)
            }
        }
        if s.onRoll == nil, let c = s.capacity {
            s.onRoll = rng.chance(0.15) ? c : c * rng.int(in: 75...99) / 100
        }
    }

    /// Sets specialist places and pupils on roll (about a third full, most others 1–5 vacancies) and, for
    /// several needs (or when `splitAlways`), places by need.
    static func setPlaces(_ s: inout Setting, places: Int, needs: [NeedCode], splitAlways: Bool,
                          rng: inout SeededRandom) {
        s.specialistPlaces = places
        let r = rng.unit()
        let vacancies = r < 0.35 ? 0 : r < 0.85 ? rng.int(in: 1...min(5, max(1, places / 4))) : max(1, places / 10)
        s.specialistOnRoll = places - vacancies
        guard needs.count > 1 || (splitAlways && rng.chance(0.7)) else {
            s.placesByNeed = needs.count == 1 && rng.chance(0.5) ? [needs[0]: places] : nil
            return
        }
        // The first need takes the largest share.
        var remaining = places
        var out: [NeedCode: Int] = [:]
        for (i, n) in needs.enumerated() {
            if i == needs.count - 1 { out[n] = remaining; break }
            let share = Double(places) * (i == 0 ? rng.unit() * 0.25 + 0.5 : rng.unit() * 0.2 + 0.3)
            let v = max(2, min(remaining - 2 * (needs.count - 1 - i), Int(share.rounded())))
            out[n] = v
            remaining -= v
        }
        s.placesByNeed = out
    }

    /// Designations for a mainstream resourced provision.
    static func resourcedNeeds(rng: inout SeededRandom) -> [NeedCode] {
        let options: [([NeedCode], Double)] = [
            ([.ASD], 0.28), ([.SLCN], 0.14), ([.ASD, .SLCN], 0.14), ([.HI], 0.08), ([.SEMH], 0.1), ([.PD], 0.06),
            ([.MLD], 0.08), ([.SPLD], 0.06), ([.VI], 0.06),
        ]
        return options[rng.weighted(options.map(\.1))].0
    }

    static func specialistNeeds(_ type: SettingType, rng: inout SeededRandom) -> [NeedCode] {
        switch type {
        case .special:
            return [[.SLD, .PMLD], [.ASD, .SLCN], [.SEMH], [.MLD, .ASD], [.PD, .MLD], [.SLD, .ASD]][rng.below(6)]
        case .independentSpecial:
            return [[.ASD], [.SEMH], [.ASD, .SEMH], [.ASD, .SLCN], [.SEMH, .SPLD]][rng.below(5)]
        case .nonMaintainedSpecial:
            return [[.HI], [.VI, .MSI], [.PD, .PMLD]][rng.below(3)]
        default:
            return [.SEMH]
        }
    }

    /// Facilities of a mainstream school with no designated offer: a few of nurture group, quiet space,
    /// step-free, lift, counselling, sensory room; never none.
    static func mainstreamFacilities(ages: AgeRange, independent: Bool, rng: inout SeededRandom) -> FacilitySet {
        let primary = ages.high <= 11
        var f: FacilitySet = []
        if rng.chance(primary ? 0.3 : 0.1) { f.insert(FacilitySet(.nurtureGroup)) }
        if rng.chance(0.6) { f.insert(FacilitySet(.quietSpace)) }
        if rng.chance(0.5) { f.insert(FacilitySet(.stepFree)) }
        if rng.chance(primary ? 0.08 : 0.55) { f.insert(FacilitySet(.lift)) }
        if rng.chance(primary ? 0.12 : 0.5) { f.insert(FacilitySet(.counselling)) }
        if rng.chance(0.06) { f.insert(FacilitySet(.sensoryRoom)) }
        if independent, rng.chance(0.5) { f.insert(FacilitySet(.smallClasses)) }
        if f.count == 0 { f.insert(FacilitySet(.quietSpace)) }
        return f
    }

    /// Facilities that follow from designated needs, by probability, for a setting type.
    static func needFacilities(_ needs: [NeedCode], setting type: SettingType, ages: AgeRange,
                               rng: inout SeededRandom) -> FacilitySet {
        let special = type.isSpecialist || type == .post16
        var f: FacilitySet = []
        func maybe(_ p: Double, _ x: Facility) { if rng.chance(p) { f.insert(FacilitySet(x)) } }
        for n in needs {
            switch n {
            case .ASD:
                maybe(0.95, .quietSpace); maybe(special ? 0.8 : 0.6, .sensoryRoom)
                maybe(special ? 0.9 : 0.6, .smallClasses); maybe(special ? 0.75 : 0.45, .saltOnsite)
                maybe(special ? 0.5 : 0.25, .otOnsite); maybe(0.3, .makaton)
                if special { maybe(0.8, .highStaffing); maybe(0.3, .aac) }
            case .SLCN:
                maybe(0.85, .saltOnsite); maybe(0.6, .makaton); maybe(0.6, .smallClasses); maybe(0.5, .quietSpace)
                maybe(0.2, .aac)
            case .HI:
                maybe(0.95, .qtod); maybe(0.9, .radioAids); maybe(0.8, .signing); maybe(0.3, .quietSpace)
                maybe(0.4, .saltOnsite)
                if special { f.formUnion(set(.smallClasses, .highStaffing)) }
            case .VI:
                maybe(0.95, .qtvi); maybe(0.6, .braille); maybe(0.7, .stepFree); maybe(0.3, .quietSpace)
                if special { f.formUnion(set(.smallClasses, .highStaffing)); maybe(0.5, .sensoryRoom) }
            case .MSI:
                f.formUnion(set(.qtvi, .signing, .aac, .smallClasses, .highStaffing)); maybe(0.7, .sensoryRoom)
                maybe(0.4, .braille); maybe(0.5, .qtod)
            case .PD:
                f.insert(FacilitySet(.stepFree)); maybe(0.7, .lift); maybe(0.85, .hoist); maybe(0.6, .changingPlaces)
                maybe(0.7, .physioOnsite); maybe(0.6, .otOnsite); maybe(0.3, .nurseOnsite)
                if type == .special { maybe(0.4, .hydrotherapy) }
                if special { maybe(0.7, .smallClasses) }
            case .PMLD:
                f.formUnion(set(.hoist, .stepFree, .highStaffing, .smallClasses)); maybe(0.8, .changingPlaces)
                maybe(0.85, .nurseOnsite); maybe(0.85, .physioOnsite); maybe(0.9, .aac); maybe(0.9, .sensoryRoom)
                maybe(0.6, .makaton); maybe(0.6, .otOnsite); maybe(0.7, .saltOnsite)
                if type == .special || type == .nonMaintainedSpecial { maybe(0.55, .hydrotherapy) }
            case .SLD:
                maybe(0.85, .makaton); maybe(0.7, .aac); maybe(0.7, .sensoryRoom); maybe(0.95, .smallClasses)
                maybe(0.9, .highStaffing); maybe(0.6, .saltOnsite); maybe(0.5, .hoist); maybe(0.3, .changingPlaces)
                maybe(0.8, .stepFree)
            case .MLD:
                maybe(0.8, .smallClasses); maybe(0.5, .quietSpace); maybe(0.3, .saltOnsite)
            case .SPLD:
                maybe(0.4, .smallClasses); maybe(0.4, .quietSpace)
            case .SEMH:
                maybe(0.85, .counselling); maybe(special ? 0.9 : 0.6, .smallClasses)
                maybe(special ? 0.8 : 0.4, .highStaffing); maybe(0.8, .quietSpace)
                if ages.high <= 11 && type == .mainstreamResourced { maybe(0.5, .nurtureGroup) }
                if ages.high <= 11 && type == .special { maybe(0.3, .nurtureGroup) }
            case .OTH, .NSA:
                break
            }
        }
        return f
    }

    /// Enforces the rules report text relies on: a Changing Places toilet has a hoist; hydrotherapy only in
    /// special and non-maintained special schools.
    static func consistent(_ f: FacilitySet, type: SettingType) -> FacilitySet {
        var f = f
        if f.contains(.changingPlaces) { f.insert(FacilitySet(.hoist)) }
        if type != .special && type != .nonMaintainedSpecial { f.remove(FacilitySet(.hydrotherapy)) }
        return f
    }
}
