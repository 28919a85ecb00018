/// What an output was made from, printed on every list, batch summary, allocation, scenario and audit report:
/// the engine version, the catalogue and its content hash, the weights, the hash of every input file, the seed
/// and method where there is one, and the run date.
///
/// Passed in by the caller, so renderers never read a clock and the same inputs give byte-identical output.
public struct ProvenanceStamp: Sendable, Hashable {
    /// One input an output is about (a profile, a cohort, a batch file, a scenario), by the name outputs show.
    public struct Input: Sendable, Hashable {
        public var name: String
        /// SHA-256 of the input's bytes, in hex.
        public var hash: String
        public init(_ name: String, hash: String) {
            self.name = name
            self.hash = hash
        }
    }

    public var engineVersion: String
    /// The catalogue's name as shown to readers (its folder name, e.g. `west-midlands`), where outputs name it.
    public var catalogue: String?
    /// SHA-256 over the catalogue's setting files in URN order.
    public var catalogueHash: String
    /// SHA-256 of the weights in use, for outputs that score settings.
    public var weightsHash: String?
    public var inputs: [Input]
    /// The seed of the lottery or of generated demand, where an output has one.
    public var seed: UInt64?
    /// The method, where an output names one (e.g. the allocation method of a scenario run).
    public var method: String?
    /// Run date (YYYY-MM-DD), an input: pass the same date to reproduce an output byte for byte.
    public var date: String

    public init(engineVersion: String, catalogue: String? = nil, catalogueHash: String, weightsHash: String? = nil,
                inputs: [Input] = [], seed: UInt64? = nil, method: String? = nil, date: String) {
        self.engineVersion = engineVersion
        self.catalogue = catalogue
        self.catalogueHash = catalogueHash
        self.weightsHash = weightsHash
        self.inputs = inputs
        self.seed = seed
        self.method = method
        self.date = date
    }

    /// The hash of the first input with this name ("cohort", "lists", "profile").
    public func hash(of input: String) -> String? { inputs.first { $0.name == input }?.hash }
    /// The hashes of every input with this name, in order ("scenario").
    public func hashes(of input: String) -> [String] { inputs.filter { $0.name == input }.map(\.hash) }

    /// The date in words ("23 November 2026"); the stored text unchanged if it is not `YYYY-MM-DD`.
    public var longDate: String {
        guard let d = CalendarDate.parse(date) else { return date }
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        return "\(d.day!) \(months[d.month! - 1]) \(d.year!)"
    }
}
