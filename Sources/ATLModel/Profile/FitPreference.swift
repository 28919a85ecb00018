/// A social and emotional fit preference a parent can state in a profile (`fit:`, `docs/profile-format.md`).
///
/// Published parent views on what a tailored list should weigh include social and emotional fit. Each
/// preference is matched only on a *known* fact about the setting (its size, its designation, its type, with
/// the fact's source and date); an unknown fact earns nothing and becomes a question to ask. Nothing is
/// inferred from a name, from a type alone where the type does not say it, or from a probable match.
public enum FitPreference: String, Sendable, Hashable, CaseIterable, Codable {
    /// A small school and small classes: fewer pupils to cope with.
    case smallSetting = "small-setting"
    /// Other children with needs like the child's: a provision designated for the child's primary need.
    case peersSimilarNeeds = "peers-similar-needs"
    /// Lessons and time with children without SEN: a mainstream school (with or without a resourced provision).
    case timeWithMainstreamPeers = "time-with-mainstream-peers"

    /// Bit in the compiled index's fit masks.
    public var bit: UInt8 { UInt8(1) << UInt8(FitPreference.allCases.firstIndex(of: self)!) }

    /// How the preference reads in a list ("a small setting").
    public var title: String {
        switch self {
        case .smallSetting: "a small setting"
        case .peersSimilarNeeds: "peers with similar needs"
        case .timeWithMainstreamPeers: "time with mainstream peers"
        }
    }
}
