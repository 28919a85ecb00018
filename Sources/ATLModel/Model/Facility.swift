/// A provision or facility tag: the specific, checkable things a child's EHCP section F may require
/// ("speech and language therapy on site", "hoist", "signing staff"). The vocabulary is closed so that a
/// profile's must-have list and a setting's facilities list can be compared exactly, as bitmasks.
///
/// A setting whose catalogue file has no `facilities:` field has *unknown* facilities; one with the field
/// declares its complete list. Unknown is never treated as present.
public enum Facility: String, CaseIterable, Sendable, Comparable, Hashable, Codable {
    case saltOnsite = "salt-onsite"
    case otOnsite = "ot-onsite"
    case physioOnsite = "physio-onsite"
    case nurseOnsite = "nurse-onsite"
    case counselling
    case hoist
    case changingPlaces = "changing-places"
    case lift
    case stepFree = "step-free"
    case sensoryRoom = "sensory-room"
    case quietSpace = "quiet-space"
    case smallClasses = "small-classes"
    case highStaffing = "high-staffing"
    case signing
    case makaton
    case aac
    case qtod
    case radioAids = "radio-aids"
    case qtvi
    case braille
    case hydrotherapy
    case nurtureGroup = "nurture-group"
    case residential
    /// The building (or every part a pupil uses) is on one level. With `step-free`, it meets a requirement for a
    /// lift (``FacilityEquivalence``). Last in the list so that earlier facilities keep their bits.
    case singleStorey = "single-storey"

    public var bit: Int { Facility.allCases.firstIndex(of: self)! }

    /// Plain-English description for lists and explanations.
    public var title: String {
        switch self {
        case .saltOnsite: "speech and language therapy on site"
        case .otOnsite: "occupational therapy on site"
        case .physioOnsite: "physiotherapy on site"
        case .nurseOnsite: "a nurse on site for medical needs"
        case .counselling: "counselling or a mental health practitioner"
        case .hoist: "hoists for moving and handling"
        case .changingPlaces: "accessible changing facilities"
        case .lift: "a lift to all floors"
        case .stepFree: "step-free access throughout"
        case .sensoryRoom: "a sensory room"
        case .quietSpace: "quiet, low-arousal spaces"
        case .smallClasses: "small classes (about 12 or fewer)"
        case .highStaffing: "a high adult-to-pupil ratio"
        case .signing: "staff who sign (BSL or sign-supported English)"
        case .makaton: "Makaton signing and symbols"
        case .aac: "augmentative and alternative communication (AAC)"
        case .qtod: "a qualified teacher of the deaf"
        case .radioAids: "radio aids and acoustically treated rooms"
        case .qtvi: "a qualified teacher of children with vision impairment"
        case .braille: "Braille and tactile resources"
        case .hydrotherapy: "a hydrotherapy pool"
        case .nurtureGroup: "a nurture group"
        case .residential: "residential (boarding) provision"
        case .singleStorey: "a single-storey building (every room on one level)"
        }
    }

    public static func < (a: Facility, b: Facility) -> Bool { a.bit < b.bit }

    public init?(parsing raw: some StringProtocol) {
        let key = Substring(raw).trimmedSpaces.lowercased()
        guard let f = Facility(rawValue: key) else { return nil }
        self = f
    }
}

/// A set of facilities as a 32-bit mask.
public struct FacilitySet: OptionSet, Sendable, Hashable, Codable {
    public var rawValue: UInt32
    @inlinable public init(rawValue: UInt32) { self.rawValue = rawValue }
    public init(_ f: Facility) { self.rawValue = 1 << UInt32(f.bit) }
    public init(_ fs: some Sequence<Facility>) {
        self.rawValue = 0
        for f in fs { insert(FacilitySet(f)) }
    }
    public func contains(_ f: Facility) -> Bool { rawValue & (1 << UInt32(f.bit)) != 0 }
    @inlinable public var count: Int { rawValue.nonzeroBitCount }
    public var facilities: [Facility] { Facility.allCases.filter { contains($0) } }
}
