import ATLModel
import ATLData
import ATLEngine
import Foundation

/// Headline figures of one run.
public struct ScenarioMetrics: Sendable, Hashable {
    public var children: Int
    public var noSuitablePlace: Int
    public var unplaced: Int
    public var placed: Int
    public var meanKm: Double?
    public var medianKm: Double?
    public var p95Km: Double?
    public var beyondWalkingDistance: Int
    public var outOfArea: Int
    public var independentSector: Int
    public var placedInHypothetical: Int
    public var placedWherePlacesUnknown: Int
    public var placedWhereTypeUnknown: Int

    /// Computes the figures from per-child outcomes (pure).
    public static func of(_ c: [ChildOutcome]) -> ScenarioMetrics {
        let d = c.compactMap(\.distanceKm).sorted()
        return ScenarioMetrics(
            children: c.count, noSuitablePlace: c.filter { $0.eligible == 0 }.count,
            unplaced: c.filter { !$0.placed }.count, placed: c.filter(\.placed).count,
            meanKm: d.isEmpty ? nil : d.reduce(0, +) / Double(d.count),
            medianKm: percentile(d, 50), p95Km: percentile(d, 95),
            beyondWalkingDistance: c.filter { $0.placed && $0.beyondWalkingDistance }.count,
            outOfArea: c.filter { $0.placed && $0.outOfArea }.count,
            independentSector: c.filter { $0.placed && $0.independentSector }.count,
            placedInHypothetical: c.filter(\.placedInHypothetical).count,
            placedWherePlacesUnknown: c.filter { $0.placed && $0.placesUnknown }.count,
            placedWhereTypeUnknown: c.filter { $0.placed && $0.typeUnknown }.count)
    }

    /// Nearest-rank percentile of sorted values (median of an even count is the mean of the middle two).
    public static func percentile(_ sorted: [Double], _ p: Int) -> Double? {
        guard !sorted.isEmpty else { return nil }
        if p == 50 {
            let n = sorted.count
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
        }
        let rank = Int((Double(p) / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count, max(1, rank)) - 1]
    }
}

/// One setting's use in a run, for the map and utilisation tables.
public struct SettingUse: Sendable, Hashable {
    public var urn: Int
    public var name: String
    public var type: SettingType
    public var location: GridPoint?
    public var needs: NeedSet?
    /// Places available to the cohort (vacancies), nil when unknown.
    public var places: Int?
    public var placed: Int
    public var hypothetical: Bool
    public var closed: Bool
    /// Postcode district of the setting (its postcode, else the postcode nearest its coordinates).
    public var district: String?
    /// Places left after allocation (nil when places are unknown).
    public var spare: Int? { places.map { max(0, $0 - placed) } }
}

/// Demand and places for one primary need.
public struct NeedUse: Sendable, Hashable {
    public var need: NeedCode
    /// Children in the cohort with this primary need.
    public var children: Int
    public var placed: Int
    public var noSuitablePlace: Int
    /// Known vacancies in settings designated for this need (a setting designated for several needs counts
    /// in each); `settingsWithUnknownPlaces` designated settings have no known figure.
    public var designatedPlaces: Int
    public var settingsWithUnknownPlaces: Int
    /// Children of this need placed in provision designated for it (not in the general places of its school).
    public var placedInDesignated: Int
    public var unplaced: Int { children - placed }
}

/// Demand and outcomes for one home district.
public struct DistrictUse: Sendable, Hashable {
    /// Postcode district (e.g. "TF3"), or "(no postcode district)" for homes given as coordinates.
    public var district: String
    /// A public centre for the district (outward-code centroid), never a child's home.
    public var centre: GridPoint?
    public var children: Int
    public var placed: Int
    public var noSuitablePlace: Int
    public var meanKm: Double?
    public var unplaced: Int { children - placed }
}

/// Place utilisation in the settings of one postcode district.
public struct SettingDistrictUse: Sendable, Hashable {
    public var district: String
    /// Open settings in the district (in the cohort's area).
    public var settings: Int
    /// Known places (vacancies) in those settings.
    public var places: Int
    public var settingsWithUnknownPlaces: Int
    public var placed: Int
    /// Children placed at settings whose places are unknown.
    public var placedWherePlacesUnknown: Int

    /// Groups setting uses by district (settings without one under "(district not known)"), in district order.
    public static func of(_ settings: [SettingUse]) -> [SettingDistrictUse] {
        var by: [String: [SettingUse]] = [:]
        for s in settings where !s.closed { by[s.district ?? "(district not known)", default: []].append(s) }
        return by.keys.sorted(by: DistrictOrder.less).map { k in
            let ss = by[k]!
            return SettingDistrictUse(district: k, settings: ss.count, places: ss.compactMap(\.places).reduce(0, +),
                                      settingsWithUnknownPlaces: ss.filter { $0.places == nil }.count,
                                      placed: ss.map(\.placed).reduce(0, +),
                                      placedWherePlacesUnknown: ss.filter { $0.places == nil }.map(\.placed).reduce(0, +))
        }
    }
}

/// Natural order of postcode districts: area letters, then the district number as a number (SY2 before SY10),
/// then the rest as text; a total order, so reports are stable.
public enum DistrictOrder {
    static func key(_ d: String) -> (String, Int, String) {
        let letters = d.prefix { $0.isLetter }
        let rest = d.dropFirst(letters.count)
        let digits = rest.prefix { $0.isASCII && $0.isWholeNumber }
        return (String(letters), digits.isEmpty || digits.count > 6 ? -1 : Int(digits)!, String(rest.dropFirst(digits.count)))
    }

    public static func less(_ a: String, _ b: String) -> Bool {
        let ka = key(a), kb = key(b)
        return ka != kb ? ka < kb : a < b
    }
}

/// Journey distance bands for histograms (km, lower bound inclusive).
public enum JourneyBands {
    public static let edges: [Double] = [0, 2, 5, 10, 15, 20, 25, 35]
    public static var labels: [String] {
        (0..<edges.count).map { i in
            i + 1 < edges.count ? "\(Int(edges[i]))–\(Int(edges[i + 1])) km" : "\(Int(edges[i]))+ km"
        }
    }
    public static func counts(_ c: [ChildOutcome]) -> [Int] {
        var out = [Int](repeating: 0, count: edges.count)
        for d in c.compactMap(\.distanceKm) {
            let i = (edges.lastIndex { d >= $0 }) ?? 0
            out[i] += 1
        }
        return out
    }
}
