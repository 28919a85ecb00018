import ATLModel

/// A town to name on a map, placed at the centroid of the postcodes of the postcode districts that form it.
public struct Town: Sendable, Hashable {
    public var name: String
    /// DfE code of the education LA the town is in.
    public var laCode: String
    public var point: GridPoint
    /// The postcode districts (outward codes) whose postcodes' centroid places the town, e.g. SY1 SY2 SY3.
    public var postcodeDistricts: [String]
    /// 1 for the LA's principal town or towns (always worth a label), 2 for the others.
    public var rank: Int

    public init(name: String, laCode: String, point: GridPoint, postcodeDistricts: [String], rank: Int) {
        self.name = name
        self.laCode = laCode
        self.point = point
        self.postcodeDistricts = postcodeDistricts
        self.rank = rank
    }
}

/// The shipped town file, `towns-bng.txt`:
///
/// ```
/// atl-towns/1<TAB>EPSG:27700<TAB><provenance>
/// Shrewsbury<TAB>893<TAB>349559<TAB>312741<TAB>SY1 SY2 SY3<TAB>1
/// ```
/// Fields: name, DfE LA code, easting, northing (whole metres), postcode districts (single spaces), rank.
public enum TownFile {
    public static let format = "atl-towns/1"

    public static func parse(_ text: String) throws(MapFileError) -> (provenance: String, towns: [Town]) {
        func fail(_ line: Int, _ message: String) -> MapFileError { MapFileError(format: format, line: line, message: message) }
        let lines = try MapFileLines.split(text, format: format)
        let provenance = try MapFileLines.header(lines[0].text, format: format)
        var towns: [Town] = []
        var seen: Set<String> = []
        for (number, line) in lines.dropFirst() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count == 6 else { throw fail(number, "expected 6 tab-separated fields (name, LA code, easting, northing, postcode districts, rank), found \(f.count)") }
            guard !f[0].isEmpty, f[0].trimmingCharacters(in: .whitespaces) == f[0] else { throw fail(number, "the town name is empty or has spaces at either end") }
            guard f[1].count == 3, f[1].utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
                throw fail(number, "expected a three-digit DfE LA code, found \(MapFileLines.quote(f[1]))")
            }
            guard let e = MapFileLines.metres(f[2]), let n = MapFileLines.metres(f[3]),
                  MapFileLines.inGreatBritain(GridPoint(easting: e, northing: n)) else {
                throw fail(number, "expected easting and northing in whole metres inside Great Britain, found \(MapFileLines.quote(f[2] + "," + f[3]))")
            }
            let districts = f[4].split(separator: " ", omittingEmptySubsequences: false)
            guard districts.allSatisfy(isOutwardCode) else {
                throw fail(number, "expected postcode districts such as SY1 SY2, found \(MapFileLines.quote(f[4]))")
            }
            guard f[5] == "1" || f[5] == "2" else { throw fail(number, "expected rank 1 or 2, found \(MapFileLines.quote(f[5]))") }
            guard seen.insert("\(f[1])/\(f[0])").inserted else { throw fail(number, "town \(f[0]) appears twice in LA \(f[1])") }
            towns.append(Town(name: String(f[0]), laCode: String(f[1]), point: GridPoint(easting: e, northing: n),
                              postcodeDistricts: districts.map(String.init), rank: Int(f[5])!))
        }
        guard !towns.isEmpty else { throw fail(lines.count, "the file has no towns") }
        return (provenance, towns)
    }

    /// An outward code: one or two letters, a digit, then an optional digit or letter (B1, SY13, WR11, EC1A).
    static func isOutwardCode(_ s: Substring) -> Bool {
        let u = Array(s.utf8)
        let letters = u.prefix { $0 >= 65 && $0 <= 90 }.count
        guard (1...2).contains(letters), u.count > letters, u.count <= letters + 2 else { return false }
        let rest = u[letters...]
        guard let d = rest.first, d >= 48 && d <= 57 else { return false }
        return rest.dropFirst().allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) }
    }

    public static func write(provenance: String, towns: [Town]) -> String {
        var out = "\(format)\tEPSG:27700\t\(provenance)\n"
        for t in towns {
            out += "\(t.name)\t\(t.laCode)\t\(t.point.easting)\t\(t.point.northing)\t\(t.postcodeDistricts.joined(separator: " "))\t\(t.rank)\n"
        }
        return out
    }
}
