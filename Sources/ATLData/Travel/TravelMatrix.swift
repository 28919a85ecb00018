import ATLModel
import Foundation

/// Road distances and times imported from a routing engine (for example an OSRM `table` result converted to
/// CSV), used instead of the straight line × circuity estimate where present.
///
/// CSV columns (header required): `origin,urn,distance_km,duration_min` — `origin` a home postcode (or an
/// outward code), `urn` a setting, distance in km, duration in minutes (may be blank). Documented in
/// `docs/travel-matrix.md`.
public struct TravelMatrix: Sendable {
    public struct Leg: Sendable, Hashable {
        public var km: Double
        public var minutes: Double?
    }

    private var legs: [String: [Int: Leg]] = [:]
    public let hash: String
    public var origins: Int { legs.count }

    public init(legs: [String: [Int: Leg]], hash: String) {
        self.legs = legs
        self.hash = hash
    }

    public func legs(from origin: String) -> [Int: Leg]? { legs[origin.uppercased()] }

    /// Reads the matrix at `path`. Every malformed row is an error naming its line and field; so is a URN not in
    /// `catalogue` and an origin `postcodes` cannot locate, when those are given (a row for a setting or a home
    /// the engine can never ask about is a mistake in the file, not something to ignore quietly).
    public static func load(path: String, catalogue: Catalogue? = nil,
                            postcodes: PostcodeLookup? = nil) throws(ATLError) -> TravelMatrix {
        try parse(InputFile.read(path, what: "travel matrix", limit: InputFile.Limit.travelMatrix), file: path,
                  catalogue: catalogue, postcodes: postcodes)
    }

    /// Parses a travel matrix's bytes (`file` names it in messages).
    public static func parse(_ data: [UInt8], file path: String, catalogue: Catalogue? = nil,
                             postcodes: PostcodeLookup? = nil) throws(ATLError) -> TravelMatrix {
        var r = CSVReader(bytes: data, file: path)
        var diags: [Diagnostic] = []
        var legs: [String: [Int: Leg]] = [:]
        do throws(ATLError) {
            guard let h = try r.next() else { throw ATLError(Diagnostic(code: "travel-matrix.file-empty", file: path, line: 1, "the file is empty")) }
            let header = CSVHeader(h, file: path)
            let missing = header.missing(["origin", "urn", "distance_km", "duration_min"])
            if !missing.isEmpty { throw ATLError(missing) }
            while let rec = try r.next() {
                if let d = header.checkWidth(rec) { diags.append(d); continue }
                let rawOrigin = header.value("origin", in: rec) ?? ""
                guard let origin = Postcode.normalise(rawOrigin) ?? (Postcode.isOutcode(rawOrigin) ? rawOrigin.uppercased() : nil) else {
                    // The value is not repeated: an origin is a child's home postcode.
                    diags.append(Diagnostic(code: "travel-matrix.bad-origin", file: path, line: rec.line, field: "origin", "is not a postcode or outward code"))
                    continue
                }
                guard let urn = header.value("urn", in: rec).flatMap({ Int($0) }) else {
                    diags.append(Diagnostic(code: "travel-matrix.bad-urn", file: path, line: rec.line, field: "urn", "expected a URN"))
                    continue
                }
                guard let km = header.value("distance_km", in: rec).flatMap({ Double($0) }), km.isFinite, km >= 0, km < 1000 else {
                    diags.append(Diagnostic(code: "travel-matrix.bad-distance", file: path, line: rec.line, field: "distance_km", "expected a distance in km (0-1000)"))
                    continue
                }
                var minutes: Double?
                if let m = header.value("duration_min", in: rec) {
                    guard let v = Double(m), v.isFinite, v >= 0, v < 1440 else {
                        diags.append(Diagnostic(code: "travel-matrix.bad-duration", file: path, line: rec.line, field: "duration_min", "expected minutes (0-1440) or blank"))
                        continue
                    }
                    minutes = v
                }
                if let postcodes, postcodes.locate(origin) == nil {
                    diags.append(Diagnostic(code: "travel-matrix.origin-not-in-lookup", file: path, line: rec.line, field: "origin",
                        "this postcode (district \(Postcode.outcode(of: origin))) is not in the postcode lookup (it holds \(postcodes.coverage))"))
                    continue
                }
                if let catalogue, catalogue.setting(urn: urn) == nil {
                    let from = catalogue.root.isEmpty ? "" : " \(catalogue.root)"
                    diags.append(Diagnostic(code: "travel-matrix.urn-not-in-catalogue", file: path, line: rec.line, field: "urn", "URN \(urn) is not in the catalogue\(from)"))
                    continue
                }
                if legs[origin]?[urn] != nil {
                    diags.append(Diagnostic(code: "travel-matrix.journey-given-twice", file: path, line: rec.line, field: "urn", "origin district \(Postcode.outcode(of: origin)) to URN \(urn) given twice"))
                    continue
                }
                legs[origin, default: [:]][urn] = Leg(km: km, minutes: minutes)
            }
        } catch {
            diags += error.diagnostics
        }
        if !diags.isEmpty { throw ATLError(diags) }
        return TravelMatrix(legs: legs, hash: SHA256.hex(data))
    }
}
