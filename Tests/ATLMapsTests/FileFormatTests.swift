import Testing
@testable import ATLMaps
import ATLModel

@Suite("Boundary and town files: writing, reading, and every malformed line named")
struct FileFormatTests {
    static let header = "atl-lad-boundaries/1\tEPSG:27700\ttest data"
    static let square = "\touter\t0,0 1000,0 1000,1000 0,1000"

    static func parseError(_ text: String) -> MapFileError? {
        do {
            _ = try BoundaryFile.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test("a written file reads back to the same districts, rings normalised anticlockwise")
    func roundTrip() throws {
        let clockwise = [GridPoint(easting: 0, northing: 0), GridPoint(easting: 0, northing: 10), GridPoint(easting: 10, northing: 10), GridPoint(easting: 10, northing: 0)]
        let hole = [GridPoint(easting: 2, northing: 2), GridPoint(easting: 4, northing: 2), GridPoint(easting: 4, northing: 4)]
        let b = DistrictBoundaries(provenance: "test", districts: [
            DistrictBoundary(code: "E06000020", name: "Telford and Wrekin", laCode: "894",
                             polygons: [BoundaryPolygon(outer: clockwise, holes: [hole])]),
        ])
        let text = BoundaryFile.write(b)
        #expect(text.hasPrefix("atl-lad-boundaries/1\tEPSG:27700\ttest\nE06000020\tTelford and Wrekin\t894\n\touter\t"))
        let read = try BoundaryFile.parse(text)
        #expect(read.districts.count == 1)
        let p = read.districts[0].polygons[0]
        #expect(Rings.doubleSignedArea(p.outer) > 0)
        #expect(Rings.doubleSignedArea(p.holes[0]) < 0)
        #expect(Set(p.outer) == Set(clockwise) && Set(p.holes[0]) == Set(hole))
        #expect(BoundaryFile.write(read) == text)
    }

    @Test("each malformed line is an error naming that line", arguments: [
        // (file text, expected line, words the message must contain)
        ("", 1, "empty"),
        ("atl-lad-boundaries/2\tEPSG:27700\tx\n", 1, "header"),
        ("atl-lad-boundaries/1\tEPSG:4326\tx\n", 1, "EPSG:27700"),
        ("atl-lad-boundaries/1\tEPSG:27700\t \n", 1, "provenance"),
        ("atl-lad-boundaries/1\tEPSG:27700\n", 1, "3 tab-separated"),
        ("\(header)\n", 1, "no districts"),
        ("\(header)\n\(square)\n", 2, "before any district"),
        ("\(header)\nE06000020\tTelford\t894\n\touter\t0,0 10,0\n", 3, "at least 3"),
        ("\(header)\nE06000020\tTelford\t894\n\touter\t0,0 10,0 10,10 0,0\n", 3, "repeats the first"),
        ("\(header)\nE06000020\tTelford\t894\n\touter\t0,0 10,0 10,0 0,10\n", 3, "point 3 repeats"),
        ("\(header)\nE06000020\tTelford\t894\n\touter\t0,0 10,0 20,0\n", 3, "no area"),
        ("\(header)\nE06000020\tTelford\t894\n\touter\t0,0 10,x 10,10\n", 3, "point 2"),
        ("\(header)\nE06000020\tTelford\t894\n\touter\t0,0 -10,0 10,10\n", 3, "point 2"),
        ("\(header)\nE06000020\tTelford\t894\n\touter\t0,0 900000,0 10,10\n", 3, "outside Great Britain"),
        ("\(header)\nE06000020\tTelford\t894\n\touter\t0,0  10,0 10,10\n", 3, "point 2"),
        ("\(header)\nE06000020\tTelford\t894\n\tisland\t0,0 10,0 10,10\n", 3, "outer or hole"),
        ("\(header)\nE06000020\tTelford\t894\n\thole\t0,0 10,0 10,10\n", 3, "hole before any outer"),
        ("\(header)\nE06000020\tTelford\t894\n\touter\n", 3, "fields"),
        ("\(header)\nE06000020\tTelford\t894\nE06000021\tStoke\t861\n\(square)\n", 2, "E06000020 has no rings"),
        ("\(header)\nE06000020\tTelford\t894\n", 2, "no rings"),
        ("\(header)\nX06000020\tTelford\t894\n\(square)\n", 2, "ONS district code"),
        ("\(header)\nE0600002\tTelford\t894\n\(square)\n", 2, "ONS district code"),
        ("\(header)\nE06000020\t\t894\n\(square)\n", 2, "name"),
        ("\(header)\nE06000020\tTelford \t894\n\(square)\n", 2, "spaces"),
        ("\(header)\nE06000020\tTelford\t89\n\(square)\n", 2, "three-digit"),
        ("\(header)\nE06000020\tTelford\n\(square)\n", 2, "found 2 fields"),
        ("\(header)\nE06000020\tTelford\t894\n\(square)\nE06000020\tTelford\t894\n\(square)\n", 4, "appears twice"),
        ("\(header)\nE06000020\tTelford\t894\r\n\(square)\n", 2, "carriage return"),
        ("\(header)\n\nE06000020\tTelford\t894\n\(square)\n", 2, "empty line"),
    ])
    func malformed(_ text: String, line: Int, words: String) {
        let e = Self.parseError(text)
        #expect(e?.line == line, "\(String(describing: e))")
        #expect(e?.message.contains(words) == true, "\(String(describing: e))")
        #expect(e?.description.hasPrefix("atl-lad-boundaries/1, line \(line): ") == true)
    }

    @Test("error messages quote at most 40 characters of a bad field")
    func shortQuotes() {
        let long = String(repeating: "Z", count: 200)
        let e = Self.parseError("\(Self.header)\nE06000020\tTelford\t894\n\touter\t0,0 \(long) 10,10\n")
        #expect(e != nil && e!.message.count < 120)
    }

    static let townHeader = "atl-towns/1\tEPSG:27700\tpostcode centroids"

    @Test("the town file round-trips")
    func townRoundTrip() throws {
        let towns = [Town(name: "Shrewsbury", laCode: "893", point: GridPoint(easting: 349337, northing: 312730), postcodeDistricts: ["SY1", "SY2", "SY3"], rank: 1),
                     Town(name: "Ross-on-Wye", laCode: "884", point: GridPoint(easting: 360101, northing: 224155), postcodeDistricts: ["HR9"], rank: 2)]
        let text = TownFile.write(provenance: "postcode centroids", towns: towns)
        #expect(text == "\(Self.townHeader)\nShrewsbury\t893\t349337\t312730\tSY1 SY2 SY3\t1\nRoss-on-Wye\t884\t360101\t224155\tHR9\t2\n")
        let read = try TownFile.parse(text)
        #expect(read.towns == towns && read.provenance == "postcode centroids")
    }

    @Test("each malformed town line is an error naming that line", arguments: [
        ("Shrewsbury\t893\t349337\t312730\tSY1 SY2\n", "6 tab-separated"),
        ("Shrewsbury\t89\t349337\t312730\tSY1\t1\n", "three-digit"),
        ("Shrewsbury\t893\t349x37\t312730\tSY1\t1\n", "easting and northing"),
        ("Shrewsbury\t893\t349337\t1312730\tSY1\t1\n", "easting and northing"),
        ("Shrewsbury\t893\t349337\t312730\tSY1,SY2\t1\n", "postcode districts"),
        ("Shrewsbury\t893\t349337\t312730\tsy1\t1\n", "postcode districts"),
        ("Shrewsbury\t893\t349337\t312730\t\t1\n", "postcode districts"),
        ("Shrewsbury\t893\t349337\t312730\tSY1\t3\n", "rank 1 or 2"),
        ("\t893\t349337\t312730\tSY1\t1\n", "name"),
        ("Shrewsbury\t893\t349337\t312730\tSY1\t1\nShrewsbury\t893\t349337\t312730\tSY1\t1\n", "appears twice"),
    ])
    func townMalformed(_ body: String, words: String) {
        var caught: MapFileError?
        do { _ = try TownFile.parse(Self.townHeader + "\n" + body) } catch { caught = error }
        #expect(caught?.message.contains(words) == true, "\(String(describing: caught))")
        #expect(caught?.line == (words == "appears twice" ? 3 : 2))
    }

    @Test("outward codes", arguments: [("B1", true), ("SY13", true), ("WR11", true), ("EC1A", true), ("B", false), ("1SY", false), ("SY1 3", false), ("ABC1", false), ("SY134", false)])
    func outwardCodes(_ code: String, valid: Bool) {
        #expect(TownFile.isOutwardCode(Substring(code)) == valid)
    }
}
