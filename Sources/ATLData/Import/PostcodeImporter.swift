import ATLModel
/// Reads a postcode CSV with columns `postcode, easting, northing, admin_district_code` (others ignored), such as
/// the ONS Postcode Directory / OS Code-Point Open extract in the shared data, for
/// ``PostcodeLookup/render(_:header:)``.
///
/// A postcode given twice with the same coordinates and district is kept once and counted in `duplicates`;
/// given twice with different ones, it is an error naming both lines (the lookup must not pick one).
public enum PostcodeImporter {
    public static func read(_ reader: inout CSVReader) -> (rows: [(postcode: String, point: GridPoint, district: String)], diagnostics: [Diagnostic], duplicates: Int) {
        var rows: [(String, GridPoint, String)] = []
        var diags: [Diagnostic] = []
        var firstSeen: [UInt64: (row: Int, line: Int)] = [:]
        var duplicates = 0
        let file = reader.file
        do {
            guard let h = try reader.next() else { return ([], [Diagnostic(code: "postcode-import.file-empty", file: file, line: 1, "the file is empty")], 0) }
            let header = CSVHeader(h, file: file)
            let missing = header.missing(["postcode", "easting", "northing", "admin_district_code"])
            if !missing.isEmpty { return ([], missing, 0) }
            while let r = try reader.next() {
                if let d = header.checkWidth(r) { diags.append(d); continue }
                let raw = header.value("postcode", in: r) ?? ""
                guard let pc = Postcode.normalise(raw) else {
                    diags.append(Diagnostic(code: "postcode-import.bad-postcode", file: file, line: r.line, field: "postcode", "\"\(raw)\" is not a UK postcode"))
                    continue
                }
                guard let e = header.value("easting", in: r).flatMap({ Int($0) }),
                      let n = header.value("northing", in: r).flatMap({ Int($0) }) else {
                    diags.append(Diagnostic(code: "postcode-import.bad-coordinates", file: file, line: r.line, field: "easting", "expected whole metres"))
                    continue
                }
                let p = GridPoint(easting: e, northing: n)
                guard p.isInGreatBritain else {
                    diags.append(Diagnostic(code: "postcode-import.outside-great-britain", file: file, line: r.line, field: "easting", "coordinates \(e), \(n) are outside Great Britain"))
                    continue
                }
                guard let d = header.value("admin_district_code", in: r), d.count == 9 else {
                    diags.append(Diagnostic(code: "postcode-import.bad-district-code", file: file, line: r.line, field: "admin_district_code", "expected a 9-character GSS code"))
                    continue
                }
                if let key = PostcodeLookup.pack(pc) {
                    if let first = firstSeen[key] {
                        let (_, fp, fd) = rows[first.row]
                        if fp == p && fd == d {
                            duplicates += 1
                        } else {
                            diags.append(Diagnostic(code: "postcode-import.conflicting-duplicate", file: file, line: r.line, field: "postcode",
                                "\(pc) is also on line \(first.line) with different coordinates or district (\(fp.easting), \(fp.northing), \(fd) there; \(e), \(n), \(d) here); keep one"))
                        }
                        continue
                    }
                    firstSeen[key] = (rows.count, r.line)
                }
                rows.append((pc, p, d))
            }
        } catch {
            diags += error.diagnostics
        }
        return (rows, diags, duplicates)
    }
}
