import ATLTestSupport
@testable import ATLModel
@testable import ATLData
@testable import ATLEngine
import Foundation
import Testing

/// The compiled-index snapshot: round trip, determinism, corruption, truncation and staleness.
@Suite struct IndexSnapshotTests {
    typealias F = MatchFixture

    /// The mixed fixture plus settings with every optional fact, report text and no location.
    static var settings: [Setting] {
        var full = F.setting(9000201, "Full Facts School", type: .special, km: 8, ages: (4, 19), needs: [.ASD, .PMLD],
                             facilities: [.hoist, .sensoryRoom], places: 30, onRoll: 29, religion: "Church of England",
                             report: [.kindsOfSEN: "We provide for autistic pupils.\n\nSpeech and language therapy on site.",
                                      .staffExpertise: "Staff are trained in PECS and Makaton. Ünïcødé “quotes”."])
        full.giasType = "Community special school"
        full.phase = .allThrough
        full.postcode = "ZZ1 1ZZ"
        full.nearestPostcode = "ZZ1 1ZY"
        full.placesByNeed = [.ASD: 20, .PMLD: 0]
        full.costBand = .C
        full.specialistVacanciesStated = 2
        full.sources = ["fictional example", "second source line"]
        var nowhere = F.setting(9000202, type: .unknown, report: [.senco: ""])
        nowhere.location = nil
        nowhere.status = .proposed
        return F.mixed + [full, nowhere]
    }

    func snapshot(_ settings: [Setting] = settings, engine: String = "test") -> IndexSnapshot {
        let c = Catalogue(settings: settings, files: Dictionary(uniqueKeysWithValues: settings.map { ($0.urn, "\($0.urn).setting.md") }),
                          root: "fixture")
        let fp = CatalogueFingerprint(files: [.init(path: "a.setting.md", size: 10, modified: 5, sha256: "abc")])
        return IndexSnapshot(catalogue: c, index: CompiledIndex(c, threads: 1), engineVersion: engine, fingerprint: fp)
    }

    func decode(_ bytes: [UInt8], engine: String? = "test") throws(ATLError) -> IndexSnapshot {
        let r = bytes.withUnsafeBytes { b -> Result<IndexSnapshot, ATLError> in
            do throws(ATLError) { return .success(try IndexSnapshot.decode(b, file: "t.atlidx", engineVersion: engine)) }
            catch { return .failure(error) }
        }
        return try r.get()
    }

    func expectSameIndex(_ a: CompiledIndex, _ b: CompiledIndex) {
        #expect(a.count == b.count)
        #expect(a.urn == b.urn && a.easting == b.easting && a.northing == b.northing && a.flags == b.flags)
        #expect(a.typeIndex == b.typeIndex && a.needs == b.needs && a.zeroPlaceNeeds == b.zeroPlaceNeeds)
        #expect(a.facilities == b.facilities && a.minYear == b.minYear && a.maxYear == b.maxYear)
        #expect(a.specialistVacancies == b.specialistVacancies && a.generalVacancies == b.generalVacancies)
        #expect(a.ofsted == b.ofsted && a.religion == b.religion && a.religions == b.religions && a.laCode == b.laCode)
        #expect(a.catalogueIndex == b.catalogueIndex && a.cellStart == b.cellStart && a.locatedCount == b.locatedCount)
        #expect(a.gridOrigin == b.gridOrigin && a.gridColumns == b.gridColumns && a.gridRows == b.gridRows)
        #expect(a.evidence.scores == b.evidence.scores && a.evidence.medians == b.evidence.medians)
        #expect(a.evidence.hasReport == b.evidence.hasReport && a.catalogueHash == b.catalogueHash && a.isFictional == b.isFictional)
    }

    /// An `atl-setting/2` setting keeps every fact's provenance, its declarations and reviewed rows through the
    /// snapshot, and its effective type (mainstream + resourced provision).
    @Test func roundTripKeepsProvenance() throws {
        var v2 = F.setting(9000203, "Dated Facts School", type: .mainstreamResourced, km: 3, needs: [.ASD])
        v2.specialistProvision = .resourcedProvision
        v2.partialNeeds = nil
        v2.pupilsWithEHCP = PupilCount(count: 12, total: 300)
        v2.sources = ["census-2019 | public | DfE school census | census", "local-offer | public | example.gov.uk | Local Offer | https://example.gov.uk/lo"]
        v2.provenance = ["name": FactProvenance(source: "census-2019", asOf: .month(2019, 1)),
                         "type": FactProvenance(source: "census-2019", asOf: .month(2019, 1)),
                         "specialist-provision": FactProvenance(source: "local-offer", asOf: .undated),
                         "needs": FactProvenance(source: "local-offer", asOf: .undated, confirmedOn: "2026-11-23", confirmedBy: "SENDO-07"),
                         "pupils-with-ehcp": FactProvenance(source: "census-2019", asOf: .month(2019, 1))]
        v2.rejectedRows = [ReviewedRow(rowID: "sen-2023:0123abcd", provenance: .officer(day: "2026-11-23", by: "SENDO-07"))]
        for spec in SettingFile.fields where spec.field.isAttributed && !spec.field.isRepeatable && v2.provenance[spec.field.rawValue] == nil {
            if !spec.write(v2).isEmpty { v2.provenance[spec.field.rawValue] = FactProvenance(source: "census-2019", asOf: .month(2019, 1)) }
        }
        let s = snapshot([v2])
        let back = try decode(s.encode())
        #expect(back.catalogue.settings == [v2])
        #expect(back.catalogue.settings[0].type == .mainstreamResourced)
    }

    @Test func roundTripGivesTheSameCatalogueIndexAndLists() throws {
        let s = snapshot()
        let bytes = s.encode()
        let back = try decode(bytes)
        #expect(back.catalogue.settings == s.catalogue.settings)
        #expect(back.catalogue.files == s.catalogue.files)
        #expect(back.catalogue.contentHash == s.catalogue.contentHash)
        #expect(back.catalogue.root == "fixture")
        #expect(back.fingerprint == s.fingerprint)
        expectSameIndex(back.index, s.index)
        // Lists from both engines are identical, entry for entry.
        let e1 = MatchingEngine(catalogue: s.catalogue, index: s.index, engineVersion: "test")
        let e2 = MatchingEngine(catalogue: back.catalogue, index: back.index, engineVersion: "test")
        for p in [F.profile(), F.profile(.SEMH, year: 9), F.profile(.HI, desirable: [.signing], maxKm: 40)] {
            let a = F.list(e1, p), b = F.list(e2, p)
            #expect(a.entries.map(\.setting.urn) == b.entries.map(\.setting.urn))
            #expect(a.entries.map(\.milli) == b.entries.map(\.milli))
            #expect(a.stamp == b.stamp)
        }
    }

    @Test func encodingIsDeterministic() throws {
        let bytes = snapshot().encode()
        #expect(snapshot().encode() == bytes)
        #expect(try decode(bytes).encode() == bytes)
    }

    /// Every byte of a (small) snapshot, flipped one at a time, is caught: none is left out of the checksum or
    /// the header checks. (The fuzz tests flip bytes of a larger one at random, and behind the checksum.)
    @Test func everyFlippedByteIsRejected() {
        let small = [F.setting(9000301, "One", type: .special, needs: [.ASD], report: [.kindsOfSEN: "Autism and speech therapy."]),
                     F.setting(9000302, "Two", type: .mainstream, km: 5)]
        let bytes = snapshot(small).encode()
        var accepted: [Int] = [], faulted = 0
        for pos in bytes.indices {
            for mask: UInt8 in [0x01, 0x80] {
                var bad = bytes
                bad[pos] ^= mask
                guard let back = try? decode(bad) else { continue }
                // A report's bytes are checked when it is read: the setting then has a fault, never wrong text.
                let urns = back.catalogue.settings.map(\.urn)
                do { try back.catalogue.checkReports(urns: urns); accepted.append(pos) } catch {
                    #expect(error.diagnostics.allSatisfy { $0.code == "snapshot.bad-checksum" && $0.file == "t.atlidx" })
                    #expect(back.catalogue.settings.contains { $0.report.isEmpty })
                    faulted += 1
                }
            }
        }
        #expect(accepted.isEmpty, "flipped bytes accepted at \(accepted.prefix(10)) of \(bytes.count)")
        #expect(faulted > 0, "some flips land in a report")
        print("snapshot: all \(bytes.count) bytes flipped (two bit patterns each), every one rejected (\(faulted) as a report fault)")
    }

    /// Cut anywhere (every length short of the whole, so every section boundary), a snapshot is refused with
    /// a clear error naming it; it never traps or decodes to something smaller.
    @Test func everyTruncationIsRejected() {
        let bytes = snapshot().encode()
        var accepted: [Int] = []
        for n in 0..<bytes.count {
            do { _ = try decode(Array(bytes.prefix(n))); accepted.append(n) } catch {
                if error.file != "t.atlidx" || !error.message.contains("rebuild it with 'atl index'") { accepted.append(n) }
            }
        }
        #expect(accepted.isEmpty, "truncations accepted or unclear at \(accepted.prefix(10)) of \(bytes.count)")
    }

    /// A snapshot of the previous format (reports inside the checked payload) is refused with a message telling
    /// the user to re-run `atl index`.
    @Test func previousFormatVersionIsRefused() {
        var bytes = snapshot().encode()
        bytes[8] = UInt8(IndexSnapshot.formatVersion - 1)
        do { _ = try decode(bytes); Issue.record("accepted") } catch {
            #expect(error.contains("snapshot.wrong-format-version"))
            #expect(error.message.contains("snapshot format version \(IndexSnapshot.formatVersion - 1)"))
            #expect(error.message.contains("rebuild it with 'atl index'"))
        }
    }

    /// Each report read lazily from the snapshot equals the report held in memory, for every setting, read in
    /// any order and from several threads at once; equality and hashing see the text, not where it is held.
    @Test func lazyReportsEqualEagerOnes() throws {
        var settings = Self.settings
        for i in settings.indices where settings[i].report.isEmpty && i % 2 == 0 {
            settings[i].report = [.senco: "Ms \(i)", .consultingParents: String(repeating: "Ünïcødé \(i). ", count: i + 1)]
        }
        let s = snapshot(settings)
        let back = try decode(s.encode())
        let eager = s.catalogue.settings
        let lazy = back.catalogue.settings
        #expect(lazy.count == eager.count)
        #expect(lazy.allSatisfy { $0.reportStorage.source != nil })
        let n = lazy.count
        let same = Parallel.map(4 * n, threads: 4) { k in lazy[(k * 7) % n].report == eager[(k * 7) % n].report }
        #expect(same.allSatisfy { $0 })
        #expect(Set(lazy) == Set(eager))
        #expect(lazy.map(\.hashValue) == eager.map(\.hashValue))
        try back.catalogue.checkReports()
        // Setting a report replaces the lazy one.
        var edited = lazy[0]
        edited.report[.senco] = "changed"
        #expect(edited.reportStorage.source == nil && edited.report[.senco] == "changed")
        #expect(lazy[0].report == eager[0].report)
    }

    /// The example LA through a snapshot file (mapped, reports read in place): every setting, report included,
    /// equals its text load, and so do the lists.
    @Test func exampleLAThroughAMappedSnapshotEqualsTheTextLoad() throws {
        let text = try CatalogueLoader.load(root: Repository.path("provision-catalogue/example-la")).catalogue
        let s = IndexSnapshot(catalogue: text, index: CompiledIndex(text), engineVersion: "test",
                              fingerprint: CatalogueFingerprint(files: []))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("atl-lazy-\(UUID().uuidString).atlidx").path
        try s.write(to: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let back = try IndexSnapshot.load(path: path, engineVersion: "test")
        #expect(back.catalogue.settings.count == text.settings.count)
        for (a, b) in zip(back.catalogue.settings, text.settings) {
            #expect(a.report == b.report, "URN \(a.urn)")
            #expect(a == b, "URN \(a.urn)")
        }
        try back.catalogue.checkReports()
        let e1 = MatchingEngine(catalogue: text, index: s.index, engineVersion: "test")
        let e2 = MatchingEngine(catalogue: back.catalogue, index: back.index, engineVersion: "test")
        for p in [F.profile(), F.profile(.SEMH, year: 9), F.profile(.HI, desirable: [.signing], maxKm: 40)] {
            let a = F.list(e1, p), b = F.list(e2, p)
            #expect(a.entries.map(\.setting) == b.entries.map(\.setting))
            #expect(a.entries.map(\.milli) == b.entries.map(\.milli))
            #expect(String(describing: a.entries.map(\.quotes)) == String(describing: b.entries.map(\.quotes)))
            #expect(a.entries.map(\.reasons) == b.entries.map(\.reasons) && a.entries.map(\.toAsk) == b.entries.map(\.toAsk))
        }
        #expect(try IndexSnapshot.load(path: path, engineVersion: "test").encode() == s.encode())
    }

    /// A corrupt report is a fault on its setting, found whichever thread reads it first: the report reads
    /// empty and ``Catalogue/checkReports(urns:)`` names the setting and the snapshot.
    @Test func aCorruptReportIsAFaultOnItsSetting() throws {
        let small = [F.setting(9000301, "One", type: .special, needs: [.ASD], report: [.kindsOfSEN: "Autism and speech therapy."]),
                     F.setting(9000302, "Two", type: .mainstream, km: 5, report: [.senco: "Mr Two"])]
        var bytes = snapshot(small).encode()
        // The last byte is the second setting's report text.
        bytes[bytes.count - 1] ^= 0x20
        let back = try decode(bytes)
        try back.catalogue.checkReports(urns: [9000301])
        #expect(back.catalogue.settings[0].report == small[0].report)
        do { try back.catalogue.checkReports(urns: [9000302, 9000301]); Issue.record("accepted") } catch {
            #expect(error.diagnostics.count == 1)
            #expect(error.contains("snapshot.bad-checksum"))
            #expect(error.diagnostics[0].file == "t.atlidx" && error.diagnostics[0].subject == "URN 9000302")
            #expect(error.message.contains("rebuild it with 'atl index'"))
        }
        #expect(back.catalogue.settings[1].report.isEmpty)
        #expect(throws: ATLError.self) { try back.catalogue.checkReports() }
    }

    @Test func truncationAndTrailingBytesAreRejected() {
        let bytes = snapshot().encode()
        for n in [0, 4, 8, 12, 20, 60, bytes.count / 2, bytes.count - 1] {
            do {
                _ = try decode(Array(bytes.prefix(n)))
                Issue.record("truncated to \(n) bytes was accepted")
            } catch {
                #expect(error.file == "t.atlidx")
                #expect(error.message.contains("rebuild it with 'atl index'"))
            }
        }
        #expect(throws: ATLError.self) { try decode(bytes + [0]) }
    }

    @Test func wrongMagicAndVersionAreNamed() {
        var bytes = snapshot().encode()
        bytes[0] = UInt8(ascii: "X")
        #expect(throws: ATLError.self) { try decode(bytes) }
        do { _ = try decode(bytes) } catch { #expect(error.message.contains("not an ATL index snapshot")) }
        bytes = snapshot().encode()
        bytes[8] = 9
        do { _ = try decode(bytes); Issue.record("accepted") } catch { #expect(error.field == "format-version") }
    }

    @Test func otherEngineVersionIsStale() throws {
        let bytes = snapshot(engine: "0.0.9").encode()
        do { _ = try decode(bytes, engine: "test"); Issue.record("accepted") } catch {
            #expect(error.field == "engine-version")
            #expect(error.message.hasPrefix("stale"))
        }
        #expect(try decode(bytes, engine: nil).engineVersion == "0.0.9")
    }

    @Test func changedCatalogueFolderIsStale() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("atl-snap-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func put(_ rel: String, _ text: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/" + rel)) }
        try put("a.setting.md", "alpha")
        try put("sub/b.setting.md", "beta")
        try put("README.md", "not a setting")
        try FileManager.default.createDirectory(atPath: dir + "/sub/deeper", withIntermediateDirectories: true)
        try put("sub/deeper/x.setting.md.bak", "not a setting")
        #expect(try CatalogueFingerprint.settingFiles(root: dir) == CatalogueLoader.settingFiles(root: dir))
        let built = try CatalogueFingerprint.scan(root: dir, hashing: true, threads: 1)
        #expect(built.files.map(\.path) == ["a.setting.md", "sub/b.setting.md"])
        #expect(built.difference(from: try CatalogueFingerprint.scan(root: dir, hashing: false), root: dir) == nil)
        // Same content rewritten (a new modification time, as after a checkout): still fresh.
        try put("a.setting.md", "alpha")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: dir + "/a.setting.md")
        #expect(built.difference(from: try CatalogueFingerprint.scan(root: dir, hashing: false), root: dir) == nil)
        // Same size, different content.
        try put("a.setting.md", "alphA")
        #expect(built.difference(from: try CatalogueFingerprint.scan(root: dir, hashing: false), root: dir) == "\(dir)/a.setting.md has changed")
        try put("a.setting.md", "alpha")
        try put("c.setting.md", "gamma")
        #expect(built.difference(from: try CatalogueFingerprint.scan(root: dir, hashing: false), root: dir) == "\(dir)/c.setting.md was added")
        try FileManager.default.removeItem(atPath: dir + "/c.setting.md")
        try FileManager.default.removeItem(atPath: dir + "/sub/b.setting.md")
        #expect(built.difference(from: try CatalogueFingerprint.scan(root: dir, hashing: false), root: dir) == "\(dir)/sub/b.setting.md was removed")
        // Through the snapshot: a clear 'stale' error naming the snapshot file.
        let s = IndexSnapshot(catalogue: snapshot().catalogue, index: snapshot().index, engineVersion: "test", fingerprint: built)
        do { try s.checkFresh(catalogueRoot: dir, file: "x.atlidx"); Issue.record("accepted") } catch {
            #expect(error.file == "x.atlidx")
            #expect(error.message.hasPrefix("stale: \(dir)/sub/b.setting.md was removed"))
        }
    }

    /// The cheap freshness check's digest equals the digest of the full scan's list, for the example LA and for
    /// a folder with subfolders, other files, a link and an unreadable entry; it changes with any path, size
    /// or time, and a snapshot whose digest matches the folder is fresh without the full check.
    @Test func quickDigestEqualsTheFullScan() throws {
        let la = Repository.path("provision-catalogue/example-la")
        let full = try CatalogueFingerprint.scan(root: la, hashing: false)
        #expect(full.files.count > 50)
        #expect(CatalogueFingerprint.quickDigest(root: la) == full.statDigest)
        #expect(CatalogueFingerprint.quickDigest(root: la + "/") == full.statDigest)

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("atl-digest-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/sub/deeper", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func put(_ rel: String, _ text: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/" + rel)) }
        func same() throws -> Bool {
            CatalogueFingerprint.quickDigest(root: dir) == (try CatalogueFingerprint.scan(root: dir, hashing: false)).statDigest
        }
        try put("a.setting.md", "alpha")
        try put("sub/b.setting.md", "beta")
        try put("sub/deeper/ünï cødé.setting.md", "gamma")
        try put("README.md", "not a setting")
        try put("sub/x.setting.md.bak", "not a setting")
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.setting.md", withDestinationPath: dir + "/a.setting.md")
        try FileManager.default.createSymbolicLink(atPath: dir + "/dangling.setting.md", withDestinationPath: dir + "/none")
        #expect(try same())
        let built = try CatalogueFingerprint.scan(root: dir, hashing: true)
        let before = CatalogueFingerprint.quickDigest(root: dir)
        #expect(before == built.statDigest)
        try put("sub/b.setting.md", "betA")   // same size, new time
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 2_000_000)], ofItemAtPath: dir + "/sub/b.setting.md")
        #expect(try same())
        #expect(CatalogueFingerprint.quickDigest(root: dir) != before)
        try FileManager.default.moveItem(atPath: dir + "/sub/b.setting.md", toPath: dir + "/sub/c.setting.md")
        #expect(try same())
        #expect(CatalogueFingerprint.quickDigest(root: dir + "/missing") == nil)

        // Through the snapshot: a matching digest is fresh; a changed folder is still named by the full check.
        let fresh = try CatalogueFingerprint.scan(root: dir, hashing: true)
        let s = IndexSnapshot(catalogue: snapshot().catalogue, index: snapshot().index, engineVersion: "test", fingerprint: fresh)
        try s.checkFresh(catalogueRoot: dir, file: "x.atlidx")
        let back = try decode(s.encode())
        #expect(back.statDigest == s.statDigest && back.fingerprint == fresh)
        try back.checkFresh(catalogueRoot: dir, file: "x.atlidx")
        try put("d.setting.md", "delta")
        do { try back.checkFresh(catalogueRoot: dir, file: "x.atlidx"); Issue.record("accepted") } catch {
            #expect(error.message.hasPrefix("stale: \(dir)/d.setting.md was added"))
        }
    }

    @Test func checksumSeesEverySingleWordChange() {
        var data = [UInt8](repeating: 7, count: 100)
        let base = data.withUnsafeBytes { SnapshotChecksum.of($0) }
        for i in 0..<data.count {
            data[i] ^= 1
            #expect(data.withUnsafeBytes { SnapshotChecksum.of($0) } != base)
            data[i] ^= 1
        }
        #expect(data.prefix(99).withUnsafeBytes { SnapshotChecksum.of(UnsafeRawBufferPointer($0)) } != base)
    }
}
