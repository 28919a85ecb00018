/// A source of SEN information reports decoded on demand (an index snapshot's report section): `slot`
/// names one setting's report in it. Implementations decode each report once and are safe to call from
/// any thread. A report that cannot be decoded (corrupt bytes) is returned empty and recorded as a fault,
/// which ``faults`` lists so a caller can refuse a result that needed it.
public protocol LazyReportSource: AnyObject, Sendable {
    func report(slot: Int) -> [ReportSection: String]
    /// The reports found corrupt so far (URN and what is wrong), in the order found.
    var faults: [ReportFault] { get }
}

/// A setting's report that could not be decoded from its snapshot.
public struct ReportFault: Sendable, Hashable {
    public var urn: Int
    /// The snapshot file.
    public var file: String
    public var problem: String
    public init(urn: Int, file: String, problem: String) {
        self.urn = urn
        self.file = file
        self.problem = problem
    }
}

/// Where a setting's report is held: in memory, or in a ``LazyReportSource`` (decoded on first use).
/// Equal and hashed by the report's text, so a lazily held setting equals the same setting held in memory.
public struct ReportStorage: Sendable, Hashable {
    enum Kind: Sendable {
        case held([ReportSection: String])
        case lazy(any LazyReportSource, Int)
    }
    let kind: Kind

    public init(_ report: [ReportSection: String]) { kind = .held(report) }

    /// The report in `source` at `slot`, decoded when first read.
    public init(source: any LazyReportSource, slot: Int) { kind = .lazy(source, slot) }

    public var value: [ReportSection: String] {
        switch kind {
        case .held(let r): r
        case .lazy(let source, let slot): source.report(slot: slot)
        }
    }

    /// The lazy source, when the report is not held in memory.
    public var source: (any LazyReportSource)? {
        if case .lazy(let s, _) = kind { return s }
        return nil
    }

    public static func == (a: ReportStorage, b: ReportStorage) -> Bool {
        if case .lazy(let s1, let i1) = a.kind, case .lazy(let s2, let i2) = b.kind, s1 === s2, i1 == i2 { return true }
        return a.value == b.value
    }

    public func hash(into h: inout Hasher) { h.combine(value) }
}
