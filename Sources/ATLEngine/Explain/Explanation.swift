import ATLModel
import ATLData
/// A score explained as a tree, like Lucene's `Explanation`: each node has a stable key, a value in
/// thousandths of a point, a plain description and its details. A node's value is the exact sum of its
/// details' values (leaves are where the rounding happens), so the tree always adds up to the score.
public struct Explanation: Sendable, Hashable {
    public var key: String
    public var milli: Int32
    public var description: String
    public var details: [Explanation]

    public init(key: String, milli: Int32, description: String, details: [Explanation] = []) {
        self.key = key
        self.milli = milli
        self.description = description
        self.details = details
    }

    /// The value as points with three decimals ("27.125").
    public var points: String { Explanation.points(milli) }

    public static func points(_ milli: Int32) -> String {
        let sign = milli < 0 ? "-" : ""
        let m = abs(Int(milli))
        let frac = String(m % 1000)
        return "\(sign)\(m / 1000).\(String(repeating: "0", count: 3 - frac.count))\(frac)"
    }

    /// True when every internal node equals the sum of its details (checked by tests).
    public var isConsistent: Bool {
        details.isEmpty || (details.reduce(0) { $0 + $1.milli } == milli && details.allSatisfy(\.isConsistent))
    }
}
