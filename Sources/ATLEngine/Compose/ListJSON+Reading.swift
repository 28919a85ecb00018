import ATLModel
import Foundation

extension ListJSON {
    /// What planning reads back from an `atl-list/1` list: whose list it is, from which catalogue, and the
    /// listed settings in rank order with their scores and distances.
    public struct Record: Sendable, Hashable {
        /// One listed setting: rank, URN, score in thousandths of a point, and distance when known.
        public struct Entry: Sendable, Hashable {
            public var rank: Int
            public var urn: Int
            public var milli: Int32
            public var distanceKm: Double?
            /// The entry's band (``EntryBand``); nil in lists written before bands. `named` marks a setting the
            /// family named that cannot admit the child: listed for the family, never a place.
            public var band: EntryBand?
            public init(rank: Int, urn: Int, milli: Int32, distanceKm: Double?, band: EntryBand? = nil) {
                self.rank = rank
                self.urn = urn
                self.milli = milli
                self.distanceKm = distanceKm
                self.band = band
            }

            /// False for a named setting that cannot admit the child (closed, another year group, the other sex).
            public var canAdmit: Bool { band != .namedNotAdmitting }
        }
        public var reference: String
        public var primaryNeed: NeedCode
        public var syntheticChild: Bool
        public var fictionalCatalogue: Bool
        public var syntheticCatalogue: Bool
        public var catalogueHash: String?
        public var entries: [Entry]

        public init(reference: String, primaryNeed: NeedCode, syntheticChild: Bool, fictionalCatalogue: Bool,
                    syntheticCatalogue: Bool, catalogueHash: String?, entries: [Entry]) {
            self.reference = reference
            self.primaryNeed = primaryNeed
            self.syntheticChild = syntheticChild
            self.fictionalCatalogue = fictionalCatalogue
            self.syntheticCatalogue = syntheticCatalogue
            self.catalogueHash = catalogueHash
            self.entries = entries
        }
    }

    /// Reads a list object (already parsed JSON). Strict about every field planning uses; fields it does not
    /// use are not checked. Errors name the field's path, e.g. `list.entries[2].urn`.
    public static func readRecord(_ list: JSONFields) throws(ATLError) -> Record {
        let ls = try list.string("schema")
        guard ls == schema else { throw list.fail("schema", "expected \"\(schema)\", got \(Diagnostic.quote(ls))", code: "list.wrong-schema") }
        let synthetic = try list.bool("synthetic_child")
        let fictional = try list.bool("fictional_catalogue")
        // Absent in lists written before the synthetic flag existed: not synthetic.
        let syntheticCatalogue = list.object["synthetic_catalogue"] == nil ? false : try list.bool("synthetic_catalogue")
        let profile = try list.object("profile")
        let reference = try profile.string("reference")
        let needText = try profile.object("primary_need").string("code")
        guard let need = NeedCode(parsing: needText) else {
            throw profile.fail("primary_need.code", "\(Diagnostic.quote(needText)) is not a need code (one of \(NeedCode.allCases.map(\.rawValue).joined(separator: ", ")))",
                               code: "list.unknown-need-code")
        }
        var hash: String?
        if list.object["stamp"] != nil { hash = try list.object("stamp").object["catalogue_hash"] as? String }
        var entries: [Record.Entry] = []
        for (i, raw) in try list.array("entries").enumerated() {
            let key = "entries[\(i)]"
            guard let eo = raw as? [String: Any] else { throw list.fail(key, "expected an object", code: list.codes.wrongType) }
            let e = JSONFields(object: eo, file: list.file, line: list.line, path: list.name(key), codes: list.codes)
            let rank = try e.int("rank", min: 1)
            if let last = entries.last, rank <= last.rank {
                throw e.fail("rank", "\(rank) does not follow rank \(last.rank): entries must be in list order", code: "list.ranks-out-of-order")
            }
            let urn = try e.int("urn", min: 1)
            let score = try e.number("score")
            guard abs(score) <= 1_000_000 else { throw e.fail("score", "out of range", code: "list.score-out-of-range") }
            var km: Double?
            if !(try e.value("distance_km") is NSNull) {
                let d = try e.number("distance_km")
                guard d >= 0 else { throw e.fail("distance_km", "must not be negative", code: "list.negative-distance") }
                km = d
            }
            var band: EntryBand?
            if e.object["band"] != nil {
                let text = try e.string("band")
                guard let b = EntryBand(rawValue: text) else {
                    throw e.fail("band", "\"\(text)\" is not a band (one of \(EntryBand.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                band = b
            }
            entries.append(.init(rank: rank, urn: urn, milli: Int32((score * 1000).rounded(.toNearestOrAwayFromZero)), distanceKm: km,
                                 band: band))
        }
        return Record(reference: reference, primaryNeed: need, syntheticChild: synthetic, fictionalCatalogue: fictional,
                      syntheticCatalogue: syntheticCatalogue, catalogueHash: hash, entries: entries)
    }
}
