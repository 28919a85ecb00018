/// A school-census type of special educational need (SEND Code of Practice 2015, four broad areas).
///
/// A child with an EHCP has one *primary* need and often *secondary* needs; a setting's resourced
/// provision, SEN unit or special school is designated for a set of these codes (GIAS `SEN1`…`SEN13`).
public enum NeedCode: String, CaseIterable, Sendable, Comparable, Hashable, Codable {
    case SLCN, ASD, SPLD, MLD, SLD, PMLD, SEMH, HI, VI, MSI, PD, OTH, NSA

    /// Bit position in a ``NeedSet``; stable across versions (append new codes at the end).
    @inlinable public var bit: Int {
        switch self {
        case .SLCN: 0
        case .ASD: 1
        case .SPLD: 2
        case .MLD: 3
        case .SLD: 4
        case .PMLD: 5
        case .SEMH: 6
        case .HI: 7
        case .VI: 8
        case .MSI: 9
        case .PD: 10
        case .OTH: 11
        case .NSA: 12
        }
    }

    /// Plain-English name, as a parent would read it.
    public var title: String {
        switch self {
        case .SLCN: "speech, language and communication needs"
        case .ASD: "autism (autistic spectrum disorder)"
        case .SPLD: "specific learning difficulty (for example dyslexia)"
        case .MLD: "moderate learning difficulty"
        case .SLD: "severe learning difficulty"
        case .PMLD: "profound and multiple learning difficulty"
        case .SEMH: "social, emotional and mental health needs"
        case .HI: "hearing impairment"
        case .VI: "visual impairment"
        case .MSI: "multi-sensory impairment"
        case .PD: "physical disability"
        case .OTH: "other difficulty or disability"
        case .NSA: "SEN support without a specialist assessment of need type"
        }
    }

    /// The broad area of need in the Code of Practice.
    public var area: String {
        switch self {
        case .SLCN, .ASD: "Communication and interaction"
        case .SPLD, .MLD, .SLD, .PMLD: "Cognition and learning"
        case .SEMH: "Social, emotional and mental health"
        case .HI, .VI, .MSI, .PD: "Sensory and/or physical"
        case .OTH, .NSA: "Other"
        }
    }

    public static func < (a: NeedCode, b: NeedCode) -> Bool { a.bit < b.bit }

    /// Parses a code case-insensitively ("asd", "SpLD"). Returns nil for anything else.
    public init?(parsing text: some StringProtocol) {
        let upper = text.uppercased()
        guard let code = NeedCode(rawValue: upper) else { return nil }
        self = code
    }
}

/// A set of need codes as a 16-bit mask: the representation used in the compiled index's hot loop.
public struct NeedSet: OptionSet, Sendable, Hashable, Codable {
    public var rawValue: UInt16
    @inlinable public init(rawValue: UInt16) { self.rawValue = rawValue }
    @inlinable public init(_ code: NeedCode) { self.rawValue = 1 << UInt16(code.bit) }
    public init(_ codes: some Sequence<NeedCode>) {
        self.rawValue = 0
        for c in codes { insert(NeedSet(c)) }
    }

    @inlinable public func contains(_ code: NeedCode) -> Bool { rawValue & (1 << UInt16(code.bit)) != 0 }
    @inlinable public var count: Int { rawValue.nonzeroBitCount }

    /// Codes in canonical (bit) order.
    public var codes: [NeedCode] { NeedCode.allCases.filter { contains($0) } }

    public static let all = NeedSet(NeedCode.allCases)
}
