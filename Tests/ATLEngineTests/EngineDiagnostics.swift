import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
import Foundation
import Testing

/// Every diagnostic of the weights file, the index snapshot and the engine's own checks, one row per site.
@Suite struct EngineDiagnostics {
    func check<T>(_ row: DiagnosticRow, _ r: Result<T, ATLError>, file: String) {
        #expect(row.mismatch(in: r, file: file) == nil, "\(row.mismatch(in: r, file: file) ?? "")")
    }

    // MARK: Weights

    static let weightsRows: [DiagnosticRow] = [
        .init("weights.wrong-format", line: 1, field: "format", "format: atl-weights/9"),
        .init("weights.format-missing", line: 1, field: "format", "points.travel: 20"),
        .init("weights.given-twice", line: 3, field: "points.travel", "format: atl-weights/1\npoints.travel: 20\npoints.travel: 21"),
        .init("weights.not-a-whole-number", line: 2, field: "list.size", "format: atl-weights/1\nlist.size: 10.5"),
        .init("weights.retired-weight", line: 2, field: "list.pool", "format: atl-weights/1\nlist.pool: 30"),
        .init("weights.max-credit-above-walking-credit", line: 2, field: "travel.max-credit", "format: atl-weights/1\ntravel.max-credit: 0.95"),
        .init("weights.unknown-weight", line: 2, field: "points.colour", "format: atl-weights/1\npoints.colour: 3"),
        .init("text.not-a-number", line: 2, field: "points.travel", says: "got \"lots\"", "format: atl-weights/1\npoints.travel: lots"),
        .init("text.above-maximum", line: 2, field: "travel.circuity", "format: atl-weights/1\ntravel.circuity: 4"),
    ]

    @Test(arguments: weightsRows)
    func everyWeightsDiagnostic(_ row: DiagnosticRow) {
        check(row, attempt { try Weights.parse(text: row.input + "\n", file: "w.conf") }, file: "w.conf")
    }

    // MARK: Snapshot

    static func snapshotBytes() -> [UInt8] {
        let settings = MatchFixture.mixed
        let c = Catalogue(settings: settings, files: Dictionary(uniqueKeysWithValues: settings.map { ($0.urn, "\($0.urn).setting.md") }), root: "fixture")
        let fp = CatalogueFingerprint(files: [.init(path: "a.setting.md", size: 10, modified: 5, sha256: "abc")])
        return IndexSnapshot(catalogue: c, index: CompiledIndex(c, threads: 1), engineVersion: "test", fingerprint: fp).encode()
    }

    static func decode(_ bytes: [UInt8], engine: String? = "test") -> Result<IndexSnapshot, ATLError> {
        bytes.withUnsafeBytes { b in attempt { try IndexSnapshot.decode(b, file: "t.atlidx", engineVersion: engine) } }
    }

    /// Recomputes a snapshot's checksum after a change, so the change reaches the decoder behind the checksum.
    /// The checksum covers the payload, whose length the header holds before the reports' length and the
    /// checksum; the reports after it carry their own checksums.
    static func reseal(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        let hlen = Int(bytes[12]) | Int(bytes[13]) << 8 | Int(bytes[14]) << 16 | Int(bytes[15]) << 24
        var payloadLength = 0
        if hlen >= 24 { for i in 0..<8 { payloadLength |= Int(bytes[16 + hlen - 24 + i]) << (8 * i) } }
        let payloadEnd = payloadLength >= 0 && payloadLength <= bytes.count - 16 - hlen ? 16 + hlen + payloadLength : bytes.count
        let sum = out[16..<(16 + hlen - 8)].withUnsafeBytes { h in
            out[(16 + hlen)..<payloadEnd].withUnsafeBytes { p in IndexSnapshot.checksum(header: h, payload: p) }
        }
        for i in 0..<8 { out[16 + hlen - 8 + i] = UInt8(truncatingIfNeeded: sum >> (8 * UInt64(i))) }
        return out
    }

    /// The byte offset of the settings count in the header (after magic, version, length, engine and hash).
    static func settingsCountOffset(_ bytes: [UInt8]) -> Int {
        let engine = Int(bytes[16])
        let hashAt = 16 + 4 + engine
        return hashAt + 4 + Int(bytes[hashAt])
    }

    @Test func everySnapshotDiagnostic() {
        let good = Self.snapshotBytes()
        var magic = good; magic[0] = UInt8(ascii: "X")
        check(DiagnosticRow("snapshot.wrong-magic", line: nil), Self.decode(magic), file: "t.atlidx")
        var version = good; version[8] = 9
        check(DiagnosticRow("snapshot.wrong-format-version", line: nil, field: "format-version"), Self.decode(version), file: "t.atlidx")
        check(DiagnosticRow("snapshot.truncated-header", line: nil), Self.decode(Array(good.prefix(20))), file: "t.atlidx")
        check(DiagnosticRow("snapshot.truncated-payload", line: nil), Self.decode(Array(good.dropLast(5))), file: "t.atlidx")
        check(DiagnosticRow("snapshot.trailing-bytes", line: nil), Self.decode(good + [0]), file: "t.atlidx")
        var flipped = good; flipped[good.count / 2] ^= 1
        check(DiagnosticRow("snapshot.bad-checksum", line: nil, field: "checksum"), Self.decode(flipped), file: "t.atlidx")
        check(DiagnosticRow("snapshot.stale-engine", line: nil, field: "engine-version"), Self.decode(good, engine: "other"), file: "t.atlidx")
        var count = good; count[Self.settingsCountOffset(good)] ^= 1
        check(DiagnosticRow("snapshot.contents-corrupt", line: nil), Self.decode(Self.reseal(count)), file: "t.atlidx")
    }

    /// The adversarial run's trap: a settings count with its top bit set was converted to Int before the checksum
    /// was checked (SIGILL). Now it is a corrupt snapshot, and behind a valid checksum a corrupt content.
    @Test func aSettingsCountWithItsTopBitSetIsCorruptNotATrap() {
        let good = Self.snapshotBytes()
        var bad = good
        bad[Self.settingsCountOffset(good) + 7] |= 0x80
        check(DiagnosticRow("snapshot.bad-checksum", line: nil, field: "checksum"), Self.decode(bad), file: "t.atlidx")
        check(DiagnosticRow("snapshot.contents-corrupt", line: nil), Self.decode(Self.reseal(bad)), file: "t.atlidx")
    }

    @Test func staleCatalogue() throws {
        let t = try TemporaryFolder("snap")
        try t.write("cat/a.setting.md", "---\nformat: atl-setting/1\nurn: 123456\nname: A\ntype: special\n---\n")
        let snap = try Self.decode(Self.snapshotBytes()).get()
        check(DiagnosticRow("snapshot.stale-catalogue", line: nil, field: "catalogue"),
              attempt { try snap.checkFresh(catalogueRoot: t.path("cat"), file: "t.atlidx") }, file: "t.atlidx")
    }

    // MARK: Engine

    @Test func homesTheEngineCannotPlace() throws {
        var far = MatchFixture.profile()
        far.home = .grid(GridPoint(easting: 900_000, northing: 100))
        far.lineOf["home-easting"] = 9
        let engine = MatchFixture.engine(MatchFixture.mixed)
        check(DiagnosticRow("engine.home-outside-great-britain", line: 9, field: "home-easting"),
              attempt { try engine.resolveHome(far, file: "p.profile") }, file: "p.profile")
        let text = "format: atl-profile/1\nreference: R-1\nprimary-need: ASD\nnc-year: 6\nhome-postcode: ZZ9 9ZZ\n"
        let p = try ProfileParser.parse(text: text, file: "p.profile", academicYear: 2026)
        check(DiagnosticRow("engine.no-postcode-lookup", line: 5, field: "home-postcode"),
              attempt { try engine.resolveHome(p, file: "p.profile") }, file: "p.profile")
        let withLookup = MatchingEngine(catalogue: Catalogue(settings: MatchFixture.mixed), postcodes: TestPostcodes.lookup, engineVersion: "test")
        check(DiagnosticRow("engine.postcode-not-in-lookup", line: 5, field: "home-postcode", says: "district ZZ9"),
              attempt { try withLookup.resolveHome(p, file: "p.profile") }, file: "p.profile")
        check(DiagnosticRow("engine.unknown-urn", line: nil, field: "urn"),
              attempt { try engine.why(MatchFixture.profile(), file: "p.profile", urn: 123) }, file: "")
    }
}
