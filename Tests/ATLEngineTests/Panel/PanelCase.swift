import ATLTestSupport
import ATLModel
import ATLData
import ATLEngine
import Foundation
import Testing

/// One case of the evaluation panel (docs/matching-policy.md, "The evaluation panel"): a synthetic child and the
/// properties an officer would require of its list before showing it to a family, each with why it matters.
/// The panel is how a policy change is judged: every change to weights or rules must keep every case passing, or
/// change a case in the same commit with the reason.
struct PanelCase: Sendable, CustomTestStringConvertible {
    let id: String
    /// File name in `Tests/ATLEngineTests/Panel/cases/`.
    let profile: String
    let summary: String
    let properties: [PanelProperty]

    init(_ id: String, _ profile: String, _ summary: String, _ properties: [PanelProperty]) {
        self.id = id
        self.profile = profile
        self.summary = summary
        self.properties = properties
    }

    var testDescription: String { "\(id) \(summary)" }
}

/// A property of a list. Semantics as the research's `check.py` (atl-panel/1), plus `lastIs` and `noteContains`.
/// URNs in `leaderIn` may be setting types instead (`mainstream`): the first entry's URN or type must be one of them.
enum PanelProperty: Sendable {
    /// The URN is an entry.
    case mustInclude(Int, why: String)
    /// At least one of the URNs is an entry.
    case mustIncludeAny([Int], why: String)
    /// The URN is not an entry.
    case mustExclude(Int, why: String)
    /// The first entry's URN or setting type is one of these.
    case leaderIn([String], why: String)
    /// When the URN is listed: each flag is one of its labels, caution keys (each caution with a question), or
    /// `missing-<fact>` for a fact the catalogue does not hold. Not listed: not applicable.
    case mustFlag(Int, [String], why: String)
    /// When `below` is listed: at least one of `above` is listed before it. Not listed: not applicable.
    case notBefore(above: [Int], below: Int, why: String)
    case maxLength(Int, why: String)
    case minLength(Int, why: String)
    /// The URN is the last entry.
    case lastIs(Int, why: String)
    /// One of the list's notes contains the text.
    case noteContains(String, why: String)

    enum Outcome: Equatable { case pass, fail(String), notApplicable(String) }

    var why: String {
        switch self {
        case .mustInclude(_, let w), .mustIncludeAny(_, let w), .mustExclude(_, let w), .leaderIn(_, let w),
             .mustFlag(_, _, let w), .notBefore(_, _, let w), .maxLength(_, let w), .minLength(_, let w),
             .lastIs(_, let w), .noteContains(_, let w): w
        }
    }

    /// The property as the panel writes it, e.g. `mustFlag 9000277 inadequate,full`.
    var name: String {
        switch self {
        case .mustInclude(let u, _): "mustInclude \(u)"
        case .mustIncludeAny(let us, _): "mustIncludeAny \(us.map(String.init).joined(separator: "/"))"
        case .mustExclude(let u, _): "mustExclude \(u)"
        case .leaderIn(let any, _): "leaderIn \(any.joined(separator: "/"))"
        case .mustFlag(let u, let flags, _): "mustFlag \(u) \(flags.joined(separator: ","))"
        case .notBefore(let above, let below, _): "notBefore \(above.map(String.init).joined(separator: "/")) > \(below)"
        case .maxLength(let n, _): "maxLength \(n)"
        case .minLength(let n, _): "minLength \(n)"
        case .lastIs(let u, _): "lastIs \(u)"
        case .noteContains(let t, _): "noteContains \"\(t)\""
        }
    }

    /// Every flag an entry carries: labels, caution keys, and `missing-<fact>` for each fact not known.
    static func flags(_ e: ListEntry) -> Set<String> {
        Set(e.labels.map(\.rawValue) + e.cautions.map(\.key.rawValue) + e.unknown.map { "missing-" + $0.key })
    }

    func evaluate(_ l: AdvisoryList) -> Outcome {
        let entries = l.entries
        func rank(_ u: Int) -> Int? { entries.first { $0.setting.urn == u }?.rank }
        switch self {
        case .mustInclude(let u, _):
            return rank(u) != nil ? .pass : .fail("\(u) is not on the list")
        case .mustIncludeAny(let us, _):
            return us.contains { rank($0) != nil } ? .pass : .fail("none of them is on the list")
        case .mustExclude(let u, _):
            return rank(u).map { .fail("\(u) is listed at rank \($0)") } ?? .pass
        case .leaderIn(let any, _):
            guard let first = entries.first else { return .fail("the list is empty") }
            return any.contains(String(first.setting.urn)) || any.contains(first.setting.type.rawValue) ? .pass
                : .fail("first is \(first.setting.urn) (\(first.setting.type.rawValue), \(first.setting.name))")
        case .mustFlag(let u, let flags, _):
            guard let e = entries.first(where: { $0.setting.urn == u }) else { return .notApplicable("\(u) not on the list") }
            let have = PanelProperty.flags(e)
            let missing = flags.filter { !have.contains($0) }
            let mute = e.cautions.filter { flags.contains($0.key.rawValue) && $0.question.isEmpty }.map(\.key.rawValue)
            if missing.isEmpty && mute.isEmpty { return .pass }
            return .fail((missing.isEmpty ? "" : "missing \(missing.joined(separator: ", ")); it has \(have.sorted().joined(separator: ", "))")
                         + (mute.isEmpty ? "" : " no question for \(mute.joined(separator: ", "))"))
        case .notBefore(let above, let below, _):
            guard let b = rank(below) else { return .notApplicable("\(below) not on the list") }
            return above.contains { (rank($0) ?? .max) < b } ? .pass : .fail("\(below) at rank \(b) has none of them above it")
        case .maxLength(let n, _):
            return entries.count <= n ? .pass : .fail("\(entries.count) entries")
        case .minLength(let n, _):
            return entries.count >= n ? .pass : .fail("\(entries.count) entries")
        case .lastIs(let u, _):
            return entries.last?.setting.urn == u ? .pass : .fail("last is \(entries.last.map { String($0.setting.urn) } ?? "nothing")")
        case .noteContains(let t, _):
            return l.notes.contains { $0.contains(t) } ? .pass : .fail("no note contains it; notes: \(l.notes)")
        }
    }
}

/// The shipped example LA, weights and postcode lookup, loaded once for every case.
enum PanelFixture {
    static let date = "2026-11-23"

    static let engine: MatchingEngine = {
        let loaded = try! CatalogueLoader.load(root: Repository.path("provision-catalogue/example-la"))
        let postcodes = try! PostcodeLookup.load(path: Repository.path("provision-catalogue/geography/postcodes-west-midlands.txt"))
        let weights = try! Weights.load(path: Repository.path("provision-catalogue/weights.conf"))
        return MatchingEngine(catalogue: loaded.catalogue, weights: weights, postcodes: postcodes, engineVersion: "panel")
    }()

    static func list(_ c: PanelCase) throws -> AdvisoryList {
        let path = Repository.path("Tests/ATLEngineTests/Panel/cases/" + c.profile)
        let profile = try ProfileParser.load(path: path, academicYear: CalendarDate.academicYear(of: date)!)
        return try engine.advisoryList(for: profile, file: path, profileHash: "", date: date, threads: 1)
    }
}
