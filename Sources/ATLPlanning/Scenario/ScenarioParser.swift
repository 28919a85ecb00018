import ATLModel
import ATLData
import ATLEngine
import Foundation

/// Reads `.scenario` files (docs/scenario-format.md): a header (`format`, `name`, `description`) then one
/// block per change, each opened by `change: <operation>` and followed by that operation's fields.
/// Every problem is reported with file, line and field; nothing is skipped or guessed.
public enum ScenarioParser {
    /// Fields each operation accepts, and which are required.
    static let fields: [String: (required: [String], optional: [String])] = [
        "open": (["name", "type", "needs", "places"],
                 ["host", "easting", "northing", "age-range", "phase", "la", "facilities"]),
        "close": (["setting"], []),
        "places": (["setting", "places"], []),
        "vacancies": (["setting", "vacancies"], []),
        "needs": (["setting", "needs"], []),
        "demand": (["need", "growth"], ["la"]),
        "weight": (["key", "value"], []),
        "max-journey": (["distance"], []),
    ]

    public static func load(path: String) throws(ATLError) -> Scenario {
        try parse(InputFile.read(path, what: "scenario file", limit: InputFile.Limit.smallText), file: path)
    }

    /// One diagnostic per scenario whose name an earlier one already uses: their report columns would be
    /// indistinguishable (the same file given twice is caught the same way).
    public static func duplicateNames(_ scenarios: [Scenario]) -> [Diagnostic] {
        var first: [String: String] = [:]
        var out: [Diagnostic] = []
        for sc in scenarios {
            if let f = first[sc.name] {
                out.append(Diagnostic(code: "scenario.duplicate-name", file: sc.file, field: "name",
                                      "scenario name \"\(sc.name)\" given twice (first in \(f)); give each scenario its own name"))
            } else {
                first[sc.name] = sc.file
            }
        }
        return out
    }

    /// Settings named by URN (`setting:` and `host:` with a whole-number value) that `catalogue` does not hold,
    /// as the diagnostics applying the scenario would give. Lets a file with other errors be checked against the
    /// catalogue too, so every problem is reported at once.
    public static func unknownSettings(_ bytes: [UInt8], file: String, catalogue: Catalogue) -> [Diagnostic] {
        guard let text = try? TextDecoding.decodeUTF8(bytes, file: file) else { return [] }
        var out: [Diagnostic] = []
        for (i, raw) in TextDecoding.lines(text).enumerated() {
            guard let kv = try? KeyValueLine.parse(raw, line: i + 1, file: file), kv.key == "setting" || kv.key == "host",
                  let urn = Int(kv.value), urn > 0, catalogue.setting(urn: urn) == nil else { continue }
            out.append(Diagnostic(code: "scenario.unknown-urn", file: file, line: kv.line, field: kv.key,
                "no setting with URN \(urn) in the catalogue\(catalogue.root.isEmpty ? "" : " \(catalogue.root)")"))
        }
        return out
    }

    public static func parse(_ bytes: [UInt8], file: String) throws(ATLError) -> Scenario {
        let text = try TextDecoding.decodeUTF8(bytes, file: file)
        var diags: [Diagnostic] = []
        var header: [String: KeyValueLine] = [:]
        var blocks: [(op: KeyValueLine, fields: [String: KeyValueLine])] = []
        for (i, raw) in TextDecoding.lines(text).enumerated() {
            let kv: KeyValueLine?
            do { kv = try KeyValueLine.parse(raw, line: i + 1, file: file) } catch { diags += error.diagnostics; continue }
            guard let kv else { continue }
            if kv.key == "change" {
                blocks.append((kv, [:]))
                continue
            }
            if blocks.isEmpty {
                guard ["format", "name", "description"].contains(kv.key) else {
                    diags.append(Diagnostic(code: "scenario.unknown-header-field", file: file, line: kv.line, field: kv.key,
                        "unknown header field; before the first 'change:' only format, name and description are allowed"))
                    continue
                }
                if let prev = header[kv.key] {
                    diags.append(Diagnostic(code: "scenario.header-field-given-twice", file: file, line: kv.line, field: kv.key, "given twice (first on line \(prev.line))"))
                    continue
                }
                header[kv.key] = kv
            } else {
                let b = blocks.count - 1
                if let prev = blocks[b].fields[kv.key] {
                    diags.append(Diagnostic(code: "scenario.change-field-given-twice", file: file, line: kv.line, field: kv.key, "given twice in this change (first on line \(prev.line))"))
                    continue
                }
                blocks[b].fields[kv.key] = kv
            }
        }
        if let f = header["format"] {
            if f.value != Scenario.formatTag {
                diags.append(Diagnostic(code: "scenario.wrong-format", file: file, line: f.line, field: "format", "expected \(Scenario.formatTag), got \"\(f.value)\""))
            }
        } else {
            diags.append(Diagnostic(code: "scenario.format-missing", file: file, line: 1, field: "format", "missing; the first field must be 'format: \(Scenario.formatTag)'"))
        }
        var name = ""
        if let n = header["name"] {
            if n.value.isEmpty || n.value.count > 120 {
                diags.append(Diagnostic(code: "scenario.bad-name", file: file, line: n.line, field: "name", "must be 1 to 120 characters"))
            } else if let d = controlCharacter(n, file: file) {
                diags.append(d)
            }
            name = n.value
        } else {
            diags.append(Diagnostic(code: "scenario.name-missing", file: file, line: 1, field: "name", "missing; give the scenario a short name"))
        }
        if let d = header["description"], let bad = controlCharacter(d, file: file) { diags.append(bad) }
        var changes: [Scenario.Entry] = []
        for b in blocks {
            do { changes.append(Scenario.Entry(try change(b.op, b.fields, file: file), line: b.op.line)) } catch {
                diags.append(contentsOf: error.diagnostics)
            }
        }
        guard diags.isEmpty else { throw ATLError(diags) }
        return Scenario(name: name, description: header["description"]?.value, changes: changes, file: file,
                        hash: SHA256.hex(bytes))
    }

    static func change(_ op: KeyValueLine, _ f: [String: KeyValueLine], file: String) throws(ATLError) -> ScenarioChange {
        let p = FieldParser(file: file)
        let operation = op.value.lowercased()
        guard let spec = fields[operation] else {
            throw ATLError(Diagnostic(code: "scenario.unknown-operation", file: file, line: op.line, field: "change",
                "unknown operation \"\(op.value)\"; expected one of: \(fields.keys.sorted().joined(separator: ", "))"))
        }
        var diags: [Diagnostic] = []
        for k in spec.required where f[k] == nil {
            diags.append(Diagnostic(code: "scenario.change-field-missing", file: file, line: op.line, field: k, "missing; a '\(operation)' change needs \(spec.required.joined(separator: ", "))"))
        }
        for (k, kv) in f where !spec.required.contains(k) && !spec.optional.contains(k) {
            diags.append(Diagnostic(code: "scenario.unknown-change-field", file: file, line: kv.line, field: k,
                "not a field of a '\(operation)' change; it takes \((spec.required + spec.optional).joined(separator: ", "))"))
        }
        guard diags.isEmpty else { throw ATLError(diags) }
        do throws(ATLError) {
            switch operation {
            case "open":
                return .open(try open(f, p))
            case "close":
                return .close(urn: try p.int(f["setting"]!, min: 1))
            case "places":
                return .places(urn: try p.int(f["setting"]!, min: 1), places: try p.int(f["places"]!, min: 1, max: 10_000))
            case "vacancies":
                return .vacancies(urn: try p.int(f["setting"]!, min: 1), vacancies: try p.int(f["vacancies"]!, min: 0, max: 100_000))
            case "needs":
                let n = try p.needCodes(f["needs"]!)
                try noRepeatedNeed(f["needs"]!, n, file: file)
                if n.count == 0 { throw ATLError(code: "scenario.no-needs", file: file, line: f["needs"]!.line, field: "needs", "give at least one need code") }
                return .needs(urn: try p.int(f["setting"]!, min: 1), needs: n)
            case "demand":
                let nk = f["need"]!
                guard let need = NeedCode(parsing: nk.value) else {
                    throw ATLError(code: "scenario.unknown-need-code", file: file, line: nk.line, field: "need",
                        "unknown need code \"\(nk.value)\"; expected one of: \(NeedCode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return .demand(need: need, percent: try percent(f["growth"]!, file: file),
                               la: try f["la"].map { kv throws(ATLError) in try p.int(kv, min: 100, max: 999) })
            case "weight":
                let k = f["key"]!
                guard let param = Weights.parameters.first(where: { $0.key == k.value }) else {
                    throw ATLError(code: "scenario.unknown-weight", file: file, line: k.line, field: "key",
                        "unknown weights key \"\(k.value)\"; see 'atl weights' for the keys")
                }
                let v = try p.double(f["value"]!, min: param.range.lowerBound, max: param.range.upperBound)
                return .weight(key: param.key, value: v)
            case "max-journey":
                return .maxJourney(km: try distanceKm(f["distance"]!, file: file))
            default:
                preconditionFailure("operation table and switch disagree")
            }
        } catch {
            throw error
        }
    }

    static func open(_ f: [String: KeyValueLine], _ p: FieldParser) throws(ATLError) -> HypotheticalSetting {
        let file = p.file
        let nameKV = f["name"]!
        guard !nameKV.value.isEmpty, nameKV.value.count <= 120 else {
            throw ATLError(code: "scenario.bad-name", file: file, line: nameKV.line, field: "name", "must be 1 to 120 characters")
        }
        if let d = controlCharacter(nameKV, file: file) { throw ATLError(d) }
        let type = try p.enumValue(f["type"]!, SettingType.self) { SettingType(rawValue: $0.lowercased()) }
        guard type != .unknown else {
            throw ATLError(code: "scenario.type-unknown", file: file, line: f["type"]!.line, field: "type", "a hypothetical setting must have a known type")
        }
        guard type.isSpecialist || type == .mainstreamResourced else {
            throw ATLError(code: "scenario.type-not-specialist", file: file, line: f["type"]!.line, field: "type",
                "a scenario opens specialist provision: mainstream-resourced, special, non-maintained-special, independent-special or alternative-provision")
        }
        let needs = try p.needCodes(f["needs"]!)
        try noRepeatedNeed(f["needs"]!, needs, file: file)
        if needs.count == 0 { throw ATLError(code: "scenario.no-needs", file: file, line: f["needs"]!.line, field: "needs", "give at least one need code") }
        let places = try p.int(f["places"]!, min: 1, max: 10_000)
        var h = HypotheticalSetting(name: nameKV.value, type: type, needs: needs, places: places)
        h.host = try f["host"].map { kv throws(ATLError) in try p.int(kv, min: 1) }
        switch (f["easting"], f["northing"]) {
        case (let e?, let n?):
            let pt = GridPoint(easting: try p.int(e, min: 0, max: 700_000), northing: try p.int(n, min: 0, max: 1_300_000))
            h.location = pt
        case (let e?, nil): throw ATLError(code: "scenario.location-incomplete", file: file, line: e.line, field: "northing", "missing; easting and northing go together")
        case (nil, let n?): throw ATLError(code: "scenario.location-incomplete", file: file, line: n.line, field: "easting", "missing; easting and northing go together")
        case (nil, nil): break
        }
        if h.host == nil && h.location == nil {
            throw ATLError(code: "scenario.no-place", file: file, line: nameKV.line - 1, field: "host",
                "a new setting needs a place: give 'host' (URN of the school it opens in) or 'easting' and 'northing'")
        }
        if h.host != nil, let e = f["easting"] {
            throw ATLError(code: "scenario.host-and-location", file: file, line: e.line, field: "easting", "give either 'host' or coordinates, not both")
        }
        if let a = f["age-range"] {
            let parts = a.value.split(separator: "-").map { Int($0.trimmedSpaces) }
            guard parts.count == 2, let lo = parts[0], let hi = parts[1], (2...25).contains(lo), (lo...25).contains(hi) else {
                throw ATLError(code: "scenario.bad-age-range", file: file, line: a.line, field: "age-range", "expected LOW-HIGH statutory ages, e.g. 11-16; got \"\(a.value)\"")
            }
            h.ageRange = AgeRange(low: lo, high: hi)
        }
        if let ph = f["phase"] {
            h.phase = try p.enumValue(ph, Phase.self) { Phase(parsing: $0) }
        }
        h.localAuthority = try f["la"].map { kv throws(ATLError) in try p.int(kv, min: 100, max: 999) }
        h.facilities = try f["facilities"].map { kv throws(ATLError) in try p.facilities(kv) }
        if h.host == nil && h.ageRange == nil && h.phase == nil {
            throw ATLError(code: "scenario.no-age-range", file: file, line: nameKV.line, field: "age-range",
                "a new setting without a host needs 'age-range' or 'phase', so the children it admits are known")
        }
        return h
    }

    /// "+20%", "-5%", "15%", "15".
    static func percent(_ kv: KeyValueLine, file: String) throws(ATLError) -> Double {
        var s = kv.value.replacingOccurrences(of: " ", with: "")
        if s.hasSuffix("%") { s.removeLast() }
        if s.hasPrefix("+") { s.removeFirst() }
        guard isPlainDecimal(s), let v = Double(s), v.isFinite, v >= -100, v <= 1000 else {
            throw ATLError(code: "scenario.bad-growth", file: file, line: kv.line, field: kv.key, "expected a percentage from -100% to +1000%, e.g. +20%; got \"\(kv.value)\"")
        }
        return v
    }

    /// A need code listed twice (`ASD, ASD`) is a slip, not a second designation.
    static func noRepeatedNeed(_ kv: KeyValueLine, _ set: NeedSet, file: String) throws(ATLError) {
        let items = kv.value.split(separator: ",").filter { !$0.trimmedSpaces.isEmpty }
        if set.count > 0 && items.count > set.count {
            throw ATLError(code: "scenario.need-given-twice", file: file, line: kv.line, field: kv.key, "a need code is given twice in \"\(kv.value)\"")
        }
    }

    /// A plain decimal number: an optional minus sign, digits and at most one point (no hex, exponent, nan or inf).
    static func isPlainDecimal<S: StringProtocol>(_ s: S) -> Bool {
        var t = Substring(s)
        if t.hasPrefix("-") { t = t.dropFirst() }
        return !t.isEmpty && t.filter { $0 == "." }.count <= 1 && t.contains(where: \.isASCIIDigitChar)
            && t.allSatisfy { $0 == "." || $0.isASCIIDigitChar }
    }

    /// A text field holding a control character (NUL, escape, …): it would be written into every output.
    static func controlCharacter(_ kv: KeyValueLine, file: String) -> Diagnostic? {
        guard let c = kv.value.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) else { return nil }
        return Diagnostic(code: "scenario.control-character", file: file, line: kv.line, field: kv.key,
                          "contains the control character U+\(String(c.value, radix: 16, uppercase: true).leftPadded(4)); use plain text")
    }

    /// "12 miles", "20 km".
    static func distanceKm(_ kv: KeyValueLine, file: String) throws(ATLError) -> Double {
        let parts = kv.value.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, isPlainDecimal(parts[0]), let v = Double(parts[0]), v.isFinite, v > 0 else {
            throw ATLError(code: "scenario.bad-distance", file: file, line: kv.line, field: kv.key, "expected a distance such as '12 miles' or '20 km', got \"\(kv.value)\"")
        }
        let km: Double
        switch parts[1].lowercased() {
        case "km": km = v
        case "mi", "mile", "miles": km = v * 1.609344
        default:
            throw ATLError(code: "scenario.bad-distance-unit", file: file, line: kv.line, field: kv.key, "unit must be km or miles, got \"\(parts[1])\"")
        }
        guard km <= 200 else { throw ATLError(code: "scenario.distance-too-long", file: file, line: kv.line, field: kv.key, "must be at most 200 km") }
        return km
    }
}

extension Character {
    fileprivate var isASCIIDigitChar: Bool { isASCII && isWholeNumber }
}

extension String {
    fileprivate func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
