import ATLTestSupport
import ATLModel
import ATLData
import ATLEngine
import ATLRender
import ATLCLI

/// Writes `atl-batch/1` records the way `atl batch` does (one compact line per child, in input order), from
/// lists built in process by the matching engine: test input for `atl allocate` that does not need `atl batch`.
enum BatchFixture {
    static let home = GridPoint(easting: 370_000, northing: 310_000)

    static func setting(_ urn: Int, _ type: SettingType, km: Double, needs: [NeedCode]?, places: Int?, onRoll: Int?,
                        capacity: Int? = 900, pupils: Int? = 890, byNeed: [NeedCode: Int]? = nil) -> Setting {
        MatchFixture.setting(urn, type: type, km: km, needs: needs, places: places, onRoll: onRoll, placesByNeed: byNeed,
                             capacity: capacity, pupils: pupils)
    }

    static let settings = [
        setting(9000201, .mainstreamResourced, km: 2, needs: [.ASD, .SLCN], places: 10, onRoll: 9, byNeed: [.ASD: 6, .SLCN: 4]),
        setting(9000202, .special, km: 5, needs: [.ASD, .MLD], places: 60, onRoll: 59, capacity: 60, pupils: 59),
        setting(9000203, .mainstream, km: 3, needs: nil, places: nil, onRoll: nil, capacity: nil, pupils: nil),
        setting(9000204, .special, km: 6, needs: [.SEMH], places: 40, onRoll: 38, capacity: 40, pupils: 38),
    ]

    static func profile(_ ref: String, _ need: NeedCode, km: Int) -> NeedsProfile {
        NeedsProfile(reference: ref, synthetic: true, primaryNeed: need, placementYear: 7,
                     home: .grid(GridPoint(easting: home.easting - km * 300, northing: home.northing + km * 100)), maxJourneyKm: 20)
    }

    static func record(row: Int, _ list: AdvisoryList) -> String {
        JSON.object([("schema", .string("atl-batch/1")), ("row", .int(row)), ("source", .string("cohort.csv:\(row + 1)")),
                     ("reference", .string(list.reference)), ("status", .string("listed")), ("list", ListJSON.value(list))]).serialized()
    }

    static func errorRecord(row: Int, reference: String?, _ message: String) -> String {
        JSON.object([("schema", .string("atl-batch/1")), ("row", .int(row)), ("source", .string("cohort.csv:\(row + 1)")),
                     ("reference", .optional(reference)), ("status", .string("error")), ("errors", .array([.string(message)]))]).serialized()
    }

    /// Seven children (five ASD competing for one resourced place) and one record that failed.
    static func batch(_ catalogue: Catalogue) throws -> String {
        let engine = MatchingEngine(catalogue: catalogue, engineVersion: ATL.version)
        let kids: [(String, NeedCode)] = [("SYN-1", .ASD), ("SYN-2", .ASD), ("SYN-3", .ASD), ("SYN-4", .ASD), ("SYN-5", .ASD),
                                          ("SYN-6", .SEMH), ("SYN-7", .SLCN)]
        var lines: [String] = []
        for (i, (ref, need)) in kids.enumerated() {
            let list = try engine.advisoryList(for: profile(ref, need, km: i), file: "\(ref).profile", profileHash: "h", date: "2026-11-23")
            lines.append(record(row: i + 1, list))
        }
        lines.append(errorRecord(row: 8, reference: "SYN-8", "SYN-8.profile:8: field 'home-postcode': not in the lookup"))
        return lines.joined(separator: "\n") + "\n"
    }
}
