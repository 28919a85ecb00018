import ATLModel
import ATLData
import ATLEngine
/// What a batch run found across a cohort: how many children have few or no suitable options (overall, by
/// primary need and by home postcode district) and which settings appear on most lists against their stated
/// vacancies. Built incrementally from one ``Outcome`` per child, so it never holds the lists themselves;
/// every grouping is sorted by a stable key, so the same batch gives the same summary.
public struct CohortSummary: Sendable {
    /// What the summary needs to know about one child's record.
    public struct Outcome: Sendable, Equatable {
        public var listed: Bool
        public var synthetic: Bool
        public var primaryNeed: String?
        public var homeDistrict: String?
        /// Eligible settings (suitable and within the maximum journey).
        public var eligible: Int
        /// Settings of any kind within the maximum journey.
        public var withinJourney: Int
        /// URNs on the child's list.
        public var listedURNs: [Int]

        public init(listed: Bool, synthetic: Bool = false, primaryNeed: String? = nil, homeDistrict: String? = nil,
                    eligible: Int = 0, withinJourney: Int = 0, listedURNs: [Int] = []) {
            self.listed = listed
            self.synthetic = synthetic
            self.primaryNeed = primaryNeed
            self.homeDistrict = homeDistrict
            self.eligible = eligible
            self.withinJourney = withinJourney
            self.listedURNs = listedURNs
        }

        /// The outcome of a listed child.
        public init(_ l: AdvisoryList) {
            let beyond = l.excludedByRule.first { $0.rule == .journey }?.count ?? 0
            self.init(listed: true, synthetic: l.synthetic, primaryNeed: l.primaryNeed.rawValue, homeDistrict: l.homeDistrict,
                      eligible: l.eligible, withinJourney: l.settingsConsidered - beyond, listedURNs: l.entries.map(\.setting.urn))
        }

        /// The outcome of a child whose row had errors.
        public static let error = Outcome(listed: false)
    }

    /// Counts for one group of listed children.
    public struct Group: Sendable, Equatable {
        public var children = 0
        /// Fewer than k eligible settings.
        public var fewerThanK = 0
        /// No eligible setting at all within the maximum journey.
        public var noneSuitable = 0
        /// No setting of any kind within the maximum journey.
        public var noneWithinJourney = 0
        public init() {}

        mutating func add(_ o: Outcome, k: Int) {
            children += 1
            if o.eligible < k { fewerThanK += 1 }
            if o.eligible == 0 { noneSuitable += 1 }
            if o.withinJourney == 0 { noneWithinJourney += 1 }
        }
    }

    /// A setting's demand: how many lists it is on against the vacancies the catalogue states.
    public struct Demand: Sendable, Equatable {
        public var urn: Int
        public var name: String
        public var appearances: Int
        /// Specialist vacancies for a setting with a specialist offer, else general vacancies; nil when unknown.
        public var vacancies: Int?
    }

    /// "Few options" threshold.
    public let k: Int
    public private(set) var rows = 0
    public private(set) var listed = 0
    public private(set) var errors = 0
    public private(set) var syntheticChildren = 0
    public private(set) var all = Group()
    public private(set) var byNeed: [String: Group] = [:]
    public private(set) var byDistrict: [String: Group] = [:]
    public private(set) var appearances: [Int: Int] = [:]

    public init(k: Int = 3) { self.k = max(1, k) }

    /// Adds one child.
    public mutating func add(_ o: Outcome) {
        rows += 1
        guard o.listed else { errors += 1; return }
        listed += 1
        if o.synthetic { syntheticChildren += 1 }
        all.add(o, k: k)
        byNeed[o.primaryNeed ?? "unknown", default: Group()].add(o, k: k)
        byDistrict[o.homeDistrict ?? "unknown", default: Group()].add(o, k: k)
        for u in o.listedURNs { appearances[u, default: 0] += 1 }
    }

    /// The rows the cohort file holds, counted by reading it before the run (``CohortReader/survey``); set by
    /// the batch. `rows` counts the records the run wrote.
    public var inputRows: Int?

    /// True when the input rows equal listed + errors: every child of the file has exactly one record. False
    /// when the input rows are not known (a summary built without the cohort's survey proves nothing).
    public var reconciles: Bool { inputRows.map { $0 == listed + errors && $0 == rows } ?? false }

    /// Groups by primary need in the order of the need codes (SEN2 order), unknown last.
    public var needRows: [(need: String, group: Group)] {
        let order = NeedCode.allCases.map(\.rawValue)
        return byNeed.sorted { a, b in
            (order.firstIndex(of: a.key) ?? order.count, a.key) < (order.firstIndex(of: b.key) ?? order.count, b.key)
        }.map { ($0.key, $0.value) }
    }

    /// Groups by home postcode district, sorted by name (letters then number: TF1 before TF10 before TF2 is
    /// avoided by comparing the area letters, then the district number).
    public var districtRows: [(district: String, group: Group)] {
        func key(_ d: String) -> (String, Int, String) {
            let letters = String(d.prefix { $0.isLetter })
            let digits = d.dropFirst(letters.count).prefix { $0.isNumber }
            return (letters, Int(digits) ?? Int.max, d)
        }
        return byDistrict.sorted { key($0.key) < key($1.key) }.map { ($0.key, $0.value) }
    }

    /// The `limit` most-listed settings (most appearances first, then URN), with their stated vacancies.
    public func demand(_ catalogue: Catalogue, limit: Int = 20) -> [Demand] {
        var byURN: [Int: Setting] = [:]
        for s in catalogue.settings { byURN[s.urn] = s }
        return appearances.sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }.prefix(limit).map { urn, n in
            let s = byURN[urn]
            let v = s.flatMap { $0.hasSpecialistOffer ? $0.specialistVacancies : $0.generalVacancies }
            return Demand(urn: urn, name: s?.name ?? "URN \(urn)", appearances: n, vacancies: v)
        }
    }
}
