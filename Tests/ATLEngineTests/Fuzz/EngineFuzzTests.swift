import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
import Foundation
import Testing

/// Seeded fuzzing of the weights file and the index snapshot (``Fuzz``). The snapshot is fuzzed twice per case:
/// as mutated (the checksum must catch it), and with its checksum recomputed, so the mutation reaches the
/// decoder behind the checksum, which must reject it without trapping.
@Suite struct EngineFuzzTests {
    @Test func weightsFiles() {
        let seeds = [Array(FileManager.default.contents(atPath: Repository.path("provision-catalogue/weights.conf")) ?? Data()),
                     Array("format: atl-weights/1\npoints.travel: 25\nlist.size: 8\ntravel.max-credit: 0.1\n".utf8)]
        let report = Fuzz.run("weights", seeds: seeds, cases: Fuzz.cases(3000), needsLines: true) { input in
            FuzzOutcome.of({ () throws(ATLError) in try Weights.parse(text: TextDecoding.decodeUTF8(input, file: "w.conf"), file: "w.conf") }, roundTrip: { w in
                // Written with 4 decimals: writing, reading and writing again gives the same text.
                let text = w.render()
                guard let back = try? Weights.parse(text: text, file: "w.conf") else { return "the written weights do not parse" }
                return back.render() == text ? nil : "the weights changed"
            })
        }
        #expect(report.failures.isEmpty, "\(report.failures.joined(separator: "\n"))")
    }

    static let snapshotSeed: [UInt8] = {
        let settings = IndexSnapshotTests.settings
        let c = Catalogue(settings: settings, files: Dictionary(uniqueKeysWithValues: settings.map { ($0.urn, "\($0.urn).setting.md") }), root: "fixture")
        let fp = CatalogueFingerprint(files: [.init(path: "a.setting.md", size: 10, modified: 5, sha256: "abc")])
        return IndexSnapshot(catalogue: c, index: CompiledIndex(c, threads: 1), engineVersion: "test", fingerprint: fp).encode()
    }()

    static func decode(_ bytes: [UInt8]) -> FuzzOutcome {
        bytes.withUnsafeBytes { b in
            FuzzOutcome.of({ () throws(ATLError) in try IndexSnapshot.decode(b, file: "f.atlidx", engineVersion: "test") }, roundTrip: { s in
                // An accepted snapshot must be safe to match against: one list and one explanation, no trap.
                let engine = MatchingEngine(catalogue: s.catalogue, index: s.index, engineVersion: "test")
                _ = try? engine.advisoryList(for: MatchFixture.profile(), file: "p", profileHash: "h", date: "2026-11-23", threads: 1)
                let once = s.encode()
                let twice = once.withUnsafeBytes { try? IndexSnapshot.decode($0, file: "f.atlidx", engineVersion: "test").encode() }
                return twice == once ? nil : "decode → encode → decode → encode differs"
            })
        }
    }

    @Test func indexSnapshots() {
        let report = Fuzz.run("index snapshot", seeds: [Self.snapshotSeed], cases: Fuzz.cases(3000), needsLines: false) { input in
            let plain = Self.decode(input)
            if !plain.accepted, plain.diagnostics.contains(where: { !$0.code.rawValue.hasPrefix("snapshot.") }) {
                return FuzzOutcome(accepted: false, diagnostics: [], roundTripProblem: nil)
            }
            // Behind the checksum: recompute it when the header is long enough to hold one.
            guard input.count >= 16 else { return plain }
            let hlen = Int(input[12]) | Int(input[13]) << 8 | Int(input[14]) << 16 | Int(input[15]) << 24
            guard hlen >= 8, 16 + hlen <= input.count else { return plain }
            let resealed = EngineDiagnostics.reseal(input)
            let deep = Self.decode(resealed)
            if !deep.accepted, deep.diagnostics.isEmpty || deep.diagnostics.contains(where: { !$0.code.rawValue.hasPrefix("snapshot.") }) {
                return FuzzOutcome(accepted: false, diagnostics: [])
            }
            return deep.roundTripProblem != nil ? deep : plain
        }
        #expect(report.failures.isEmpty, "\(report.failures.joined(separator: "\n"))")
    }
}
