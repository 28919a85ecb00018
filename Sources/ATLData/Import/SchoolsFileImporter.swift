/// Imports the schools files in the shared data (`schools-west-midlands.csv`, `schools-england.csv`): real
/// GIAS facts for open schools — URN, name, LA, phase, religion group, latest Ofsted judgement and location.
///
/// These files do **not** carry the type of establishment, age range, gender, capacity or any SEN column
/// (see their PROVENANCE). Those fields stay absent — the setting's type is `unknown` — and the gap
/// analysis reports them; nothing is guessed.
public enum SchoolsFileImporter {
    /// Header fields this importer's source publishes; on re-import only these are replaced.
    public static let ownedFields: Set<SettingFile.Field> = [
        .urn, .name, .laCode, .laName, .phase, .religiousCharacter, .ofsted, .easting, .northing, .nearestPostcode,
    ]
    public static let sourcePrefix = "Schools file "

    public static func isOwnSource(_ s: String) -> Bool { s.hasPrefix(sourcePrefix) }

    public struct Result: Sendable {
        public var settings: [Setting]
        public var diagnostics: [Diagnostic]
        public var rowsRead: Int
    }

    static let required = ["URN", "EstablishmentName", "PhaseOfEducation", "ReligionGroup", "OfstedOverallLatest",
                           "Easting", "Northing"]

    /// Reads the CSV. `sourceNote` describes the file's origin for each setting's `source:` line.
    public static func read(_ reader: inout CSVReader, sourceNote: String) -> Result {
        let file = reader.file
        var diags: [Diagnostic] = []
        var settings: [Setting] = []
        var rows = 0
        var seen: [Int: Int] = [:]
        do {
            guard let h = try reader.next() else {
                return Result(settings: [], diagnostics: [Diagnostic(code: "schools.file-empty", file: file, line: 1, "the file is empty")], rowsRead: 0)
            }
            let header = CSVHeader(h, file: file)
            let missing = header.missing(required)
            if !missing.isEmpty { return Result(settings: [], diagnostics: missing, rowsRead: 0) }
            while let r = try reader.next() {
                rows += 1
                if let d = header.checkWidth(r) { diags.append(d); continue }
                do throws(ATLError) {
                    let s = try row(r, header: header, sourceNote: sourceNote)
                    if let first = seen[s.urn] {
                        diags.append(Diagnostic(code: "schools.duplicate-urn", file: file, line: r.line, field: "URN", "duplicate URN \(s.urn) (first on line \(first))"))
                    } else {
                        seen[s.urn] = r.line
                        settings.append(s)
                    }
                } catch {
                    diags.append(contentsOf: error.diagnostics)
                }
            }
        } catch {
            diags += error.diagnostics
        }
        return Result(settings: settings.sorted { $0.urn < $1.urn }, diagnostics: diags.sorted(), rowsRead: rows)
    }

    static func row(_ r: CSVRecord, header h: CSVHeader, sourceNote: String) throws(ATLError) -> Setting {
        var diags: [Diagnostic] = []
        let file = h.file
        func bad(_ code: DiagnosticCode, _ field: String, _ msg: String) { diags.append(Diagnostic(code: code, file: file, line: r.line, field: field, msg)) }
        let urn = h.value("URN", in: r).flatMap { Int($0) }
        if urn == nil { bad("schools.bad-urn", "URN", "expected a whole number, got \"\(h.value("URN", in: r) ?? "")\"") }
        let name = h.value("EstablishmentName", in: r)
        if name == nil { bad("schools.name-missing", "EstablishmentName", "missing") }
        var la: LocalAuthority?
        if let codeText = h.value("LA (code)", in: r) {
            if let code = Int(codeText), let laName = h.value("LA (name)", in: r) {
                la = LocalAuthority(code: code, name: laName)
            } else {
                bad("schools.bad-la", "LA (code)", "expected a three-digit code with an LA name, got \"\(codeText)\"")
            }
        }
        var phase: Phase?
        if let p = h.value("PhaseOfEducation", in: r) {
            phase = Phase(parsing: p)
            if phase == nil { bad("schools.unknown-phase", "PhaseOfEducation", "unknown phase \"\(p)\"") }
        }
        var religion: String?
        switch h.value("ReligionGroup", in: r) {
        case nil, "Unknown/does not apply": religion = nil
        case "None (secular)": religion = "None"
        case let v?: religion = v
        }
        var ofsted: OfstedJudgement?
        if let o = h.value("OfstedOverallLatest", in: r) {
            ofsted = OfstedJudgement(parsing: o)
            if ofsted == nil { bad("schools.unknown-ofsted", "OfstedOverallLatest", "unknown judgement \"\(o)\"") }
        }
        var location: GridPoint?
        let e = h.value("Easting", in: r), n = h.value("Northing", in: r)
        if let e, let n {
            if let ei = Int(e), let ni = Int(n) {
                let g = GridPoint(easting: ei, northing: ni)
                if g.isInGreatBritain { location = g } else { bad("schools.outside-great-britain", "Easting", "coordinates \(ei), \(ni) are outside Great Britain") }
            } else {
                bad("schools.bad-coordinates", "Easting", "expected whole metres, got \"\(e)\", \"\(n)\"")
            }
        } else if e != nil || n != nil {
            bad("schools.location-incomplete", e == nil ? "Easting" : "Northing", "easting and northing go together")
        }
        var nearest: String?
        if let pc = h.value("NearestPostcode", in: r) {
            nearest = Postcode.normalise(pc)
            if nearest == nil { bad("schools.bad-postcode", "NearestPostcode", "\"\(pc)\" is not a UK postcode") }
        }
        guard diags.isEmpty, let urn, let name else { throw ATLError(diags) }
        if urn >= SettingFile.firstFictionalURN {
            throw ATLError(Diagnostic(code: "schools.urn-in-fictional-range", file: file, line: r.line, field: "URN", "URN \(urn) is in the range reserved for fictional settings"))
        }
        return Setting(urn: urn, name: name, localAuthority: la, type: .unknown, phase: phase,
                                religiousCharacter: religion, ofsted: ofsted, location: location,
                       nearestPostcode: nearest, sources: [sourcePrefix + sourceNote])
    }
}

import ATLModel
import Foundation
