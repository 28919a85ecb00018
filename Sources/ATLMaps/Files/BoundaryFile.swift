import ATLModel

/// The shipped district boundary file, `lad-boundaries-bng.txt`: plain text, one record per line, tabs
/// between fields, UTF-8, Unix line endings.
///
/// ```
/// atl-lad-boundaries/1<TAB>EPSG:27700<TAB><provenance>
/// E06000020<TAB>Telford and Wrekin<TAB>894           a district: ONS code, ONS name, DfE LA code
/// <TAB>outer<TAB>367013,322104 367211,321981 …       its rings: "outer" starts a polygon, "hole" cuts it
/// ```
/// Points are whole metres `easting,northing`, separated by single spaces; a ring lists each vertex once
/// (at least three, no two consecutive the same); outer rings run anticlockwise and holes clockwise when
/// written here (the reader accepts either). Shared borders are identical vertex for vertex.
public enum BoundaryFile {
    public static let format = "atl-lad-boundaries/1"

    /// Reads the file; every malformed line is an error naming the line.
    public static func parse(_ text: String) throws(MapFileError) -> DistrictBoundaries {
        func fail(_ line: Int, _ message: String) -> MapFileError { MapFileError(format: format, line: line, message: message) }
        let lines = try MapFileLines.split(text, format: format)
        let provenance = try MapFileLines.header(lines[0].text, format: format)
        var districts: [DistrictBoundary] = []
        var districtLine = 0
        var seen: Set<String> = []
        for (number, line) in lines.dropFirst() {
            if line.hasPrefix("\t") {
                let f = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard !districts.isEmpty else { throw fail(number, "a ring before any district line") }
                guard f.count == 3 else { throw fail(number, "expected a ring as <tab>outer|hole<tab>points, found \(f.count - 1) fields") }
                let ring = try points(f[2], line: number)
                switch f[1] {
                case "outer": districts[districts.count - 1].polygons.append(BoundaryPolygon(outer: ring))
                case "hole":
                    guard !districts[districts.count - 1].polygons.isEmpty else { throw fail(number, "a hole before any outer ring of its district") }
                    districts[districts.count - 1].polygons[districts[districts.count - 1].polygons.count - 1].holes.append(ring)
                default: throw fail(number, "expected ring kind outer or hole, found \(MapFileLines.quote(f[1]))")
                }
                continue
            }
            if let last = districts.last, last.polygons.isEmpty {
                throw fail(districtLine, "district \(last.code) has no rings")
            }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count == 3 else { throw fail(number, "expected a district as code<tab>name<tab>LA code, found \(f.count) fields") }
            guard isONSCode(f[0]) else { throw fail(number, "expected an ONS district code such as E06000020, found \(MapFileLines.quote(f[0]))") }
            guard !f[1].isEmpty, f[1].trimmingCharacters(in: .whitespaces) == f[1] else {
                throw fail(number, "the district name is empty or has spaces at either end")
            }
            guard f[2].count == 3, f[2].utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
                throw fail(number, "expected a three-digit DfE LA code, found \(MapFileLines.quote(f[2]))")
            }
            guard seen.insert(String(f[0])).inserted else { throw fail(number, "district \(f[0]) appears twice") }
            districts.append(DistrictBoundary(code: String(f[0]), name: String(f[1]), laCode: String(f[2]), polygons: []))
            districtLine = number
        }
        if let last = districts.last, last.polygons.isEmpty { throw fail(districtLine, "district \(last.code) has no rings") }
        guard !districts.isEmpty else { throw fail(lines.count, "the file has no districts") }
        return DistrictBoundaries(provenance: provenance, districts: districts)
    }

    /// A ring's points field.
    static func points(_ field: Substring, line: Int) throws(MapFileError) -> [GridPoint] {
        func fail(_ message: String) -> MapFileError { MapFileError(format: format, line: line, message: message) }
        var ring: [GridPoint] = []
        for (i, pair) in field.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            let c = pair.split(separator: ",", omittingEmptySubsequences: false)
            guard c.count == 2, let e = MapFileLines.metres(c[0]), let n = MapFileLines.metres(c[1]) else {
                throw fail("point \(i + 1): expected easting,northing in whole metres, found \(MapFileLines.quote(pair))")
            }
            let p = GridPoint(easting: e, northing: n)
            guard MapFileLines.inGreatBritain(p) else { throw fail("point \(i + 1) (\(e),\(n)) is outside Great Britain's grid") }
            guard ring.last != p else { throw fail("point \(i + 1) repeats the point before it") }
            ring.append(p)
        }
        guard ring.count >= 3 else { throw fail("a ring needs at least 3 points, found \(ring.count)") }
        guard ring.first != ring.last else { throw fail("the last point repeats the first (the closing edge is implied)") }
        guard Rings.doubleSignedArea(ring) != 0 else { throw fail("the ring has no area") }
        return ring
    }

    static func isONSCode(_ s: Substring) -> Bool {
        let u = Array(s.utf8)
        return u.count == 9 && [69, 87, 83, 78].contains(u[0]) && u.dropFirst().allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// Writes districts in the given order, rings normalised (outer anticlockwise, holes clockwise).
    public static func write(_ b: DistrictBoundaries) -> String {
        var out = "\(format)\tEPSG:27700\t\(b.provenance)\n"
        func ring(_ r: [GridPoint]) -> String {
            r.map { "\($0.easting),\($0.northing)" }.joined(separator: " ")
        }
        for d in b.districts {
            out += "\(d.code)\t\(d.name)\t\(d.laCode)\n"
            for p in d.polygons {
                out += "\touter\t" + ring(Rings.oriented(p.outer, anticlockwise: true)) + "\n"
                for h in p.holes { out += "\thole\t" + ring(Rings.oriented(h, anticlockwise: false)) + "\n" }
            }
        }
        return out
    }
}
