import ATLModel
import ATLData
import Foundation

/// A compiled index saved to one binary file (`atl index`), so `list`, `why` and `batch` start from it instead
/// of re-parsing thousands of setting files. It holds the struct-of-arrays ``CompiledIndex`` (with the BM25
/// evidence scores) and the catalogue's settings in a compact encoding, so a loaded snapshot gives exactly the
/// ``Catalogue`` and ``CompiledIndex`` a text load would.
///
/// Layout (little-endian): an 8-byte magic `ATLINDEX`, format version (UInt32), header length (UInt32), header
/// (engine version, catalogue content hash, settings count, payload length, reports length, checksum), the
/// payload, then the settings' reports. A snapshot is rejected, with a message naming the file, when the magic,
/// version, length or checksum is wrong (corrupt or truncated), when it was written by another engine version,
/// or when the catalogue folder it was built from has changed since (stale; see ``CatalogueFingerprint``).
///
/// The checksum covers the header and the payload (the index columns, the settings' facts, the reports'
/// offsets and checksums), not the reports: they are most of the file, and a list quotes a few of them. Each
/// report is decoded when first read (``SnapshotReports``), after its own checksum is checked; a report
/// that fails it reads as empty and is a fault that ``Catalogue/checkReports()`` turns into an error.
public struct IndexSnapshot: Sendable {
    public static let magic: [UInt8] = Array("ATLINDEX".utf8)
    public static let formatVersion: UInt32 = 7  // 7: reports after the payload, each with its own checksum, decoded on demand; 6: partial designations and the fit preferences' size facts; 2: each setting carries its synthetic flag; 3: settings coded through the catalogue's field table; 4: facts with provenance (atl-setting/2); 5: matching policy (single-storey concept, ofsted-date field, effective facilities)
    public static let fileSuffix = ".atlidx"

    public let catalogue: Catalogue
    public let index: CompiledIndex
    public let engineVersion: String
    /// The catalogue files the index was built from (path, size, modification time, SHA-256).
    public let fingerprint: CatalogueFingerprint
    /// Their digest (``CatalogueFingerprint/StatDigest``): a folder scanned to the same digest is fresh.
    public let statDigest: CatalogueFingerprint.StatDigest

    public init(catalogue: Catalogue, index: CompiledIndex, engineVersion: String, fingerprint: CatalogueFingerprint) {
        self.catalogue = catalogue
        self.index = index
        self.engineVersion = engineVersion
        self.fingerprint = fingerprint
        statDigest = fingerprint.statDigest
    }

    // MARK: Writing

    /// The snapshot's bytes. Deterministic: the same catalogue, index and fingerprint give the same bytes.
    public func encode() -> [UInt8] {
        var p = SnapshotWriter(reserve: 1 << 20)
        IndexSnapshot.encode(index, into: &p)
        p.string(catalogue.root)
        // Settings: an offset table, then each setting's record, so a load decodes them in parallel.
        var blob = SnapshotWriter(reserve: 1 << 20)
        var offsets: [UInt64] = []
        offsets.reserveCapacity(catalogue.settings.count)
        // Reports: each setting's, after the payload, found through offsets and checked by its own checksum.
        var reports = SnapshotWriter(reserve: 1 << 20)
        var reportEnds: [UInt64] = [], reportSums: [UInt64] = []
        for s in catalogue.settings {
            offsets.append(UInt64(blob.bytes.count))
            IndexSnapshot.encode(s, into: &blob)
            blob.string(catalogue.files[s.urn] ?? "")
            let start = reports.bytes.count
            IndexSnapshot.encode(report: s.report, into: &reports)
            reportEnds.append(UInt64(reports.bytes.count))
            reportSums.append(reports.bytes.withUnsafeBytes { SnapshotChecksum.of(UnsafeRawBufferPointer(rebasing: $0[start...])) })
        }
        p.u64(UInt64(catalogue.settings.count))
        p.array(offsets)
        p.u64(UInt64(blob.bytes.count))
        p.bytes.append(contentsOf: blob.bytes)
        p.array(reportEnds)
        p.array(reportSums)
        p.u64(UInt64(fingerprint.files.count))
        for f in fingerprint.files {
            p.string(f.path); p.int(f.size); p.int(f.modified); p.string(f.sha256)
        }
        p.int(statDigest.count); p.u64(statDigest.a); p.u64(statDigest.b)
        var h = SnapshotWriter()
        h.string(engineVersion)
        h.string(catalogue.contentHash)
        h.u64(UInt64(catalogue.settings.count))
        h.u64(UInt64(p.bytes.count))
        h.u64(UInt64(reports.bytes.count))
        let checksum = h.bytes.withUnsafeBytes { hb in
            p.bytes.withUnsafeBytes { pb in IndexSnapshot.checksum(header: hb, payload: pb) }
        }
        h.u64(checksum)
        var out = SnapshotWriter(reserve: p.bytes.count + reports.bytes.count + h.bytes.count + 16)
        out.bytes.append(contentsOf: IndexSnapshot.magic)
        out.u32(IndexSnapshot.formatVersion)
        out.u32(UInt32(h.bytes.count))
        out.bytes.append(contentsOf: h.bytes)
        out.bytes.append(contentsOf: p.bytes)
        out.bytes.append(contentsOf: reports.bytes)
        return out.bytes
    }

    public func write(to path: String) throws(ATLError) {
        try OutputFile.write(encode(), to: path)
    }

    // MARK: Reading

    /// The header of a snapshot, readable without decoding the payload.
    public struct Header: Sendable, Hashable {
        public var formatVersion: UInt32
        public var engineVersion: String
        public var catalogueHash: String
        public var settings: Int
        public var payloadLength: Int
        public var reportsLength: Int
        public var checksum: UInt64
    }

    /// Decodes a snapshot. `file` names it in errors. `engineVersion`, when given, must match the one that wrote
    /// it (a different engine may compile the index differently). The reports are copied out of `bytes`, to be
    /// decoded when first read.
    public static func decode(_ bytes: UnsafeRawBufferPointer, file: String, engineVersion: String?) throws(ATLError) -> IndexSnapshot {
        try decode(bytes, file: file, engineVersion: engineVersion, owner: nil)
    }

    /// `owner`, when given, keeps `bytes` valid for as long as it lives (a mapping of the file): the reports are
    /// then read in place. Without one they are copied.
    static func decode(_ bytes: UnsafeRawBufferPointer, file: String, engineVersion: String?, owner: SnapshotMemory?) throws(ATLError) -> IndexSnapshot {
        let rebuild = "rebuild it with 'atl index'"
        var r = SnapshotReader(bytes)
        let header: Header
        let payloadStart: Int
        var headerPrefix = UnsafeRawBufferPointer(start: nil, count: 0)
        do {
            let m = try r.take(magic.count)
            guard Array(m) == magic else {
                throw ATLError(code: "snapshot.wrong-magic", file: file, "not an ATL index snapshot (wrong magic bytes); \(rebuild)")
            }
            let version = try r.u32()
            guard version == formatVersion else {
                throw ATLError(code: "snapshot.wrong-format-version", file: file, field: "format-version",
                                 "snapshot format version \(version), this engine reads version \(formatVersion); \(rebuild)")
            }
            let hlen = Int(try r.u32())
            let headerBytes = try r.take(hlen)
            guard hlen >= 8 else { throw SnapshotReader.Truncated() }
            headerPrefix = UnsafeRawBufferPointer(rebasing: headerBytes[..<(hlen - 8)])
            var h = SnapshotReader(headerBytes)
            header = Header(formatVersion: version, engineVersion: try h.string(), catalogueHash: try h.string(),
                            settings: Int(clamping: try h.u64()), payloadLength: Int(clamping: try h.u64()),
                            reportsLength: Int(clamping: try h.u64()), checksum: try h.u64())
            guard h.offset == hlen else { throw SnapshotReader.Truncated() }
            payloadStart = r.offset
        } catch let e as SnapshotReader.Truncated {
            _ = e
            throw ATLError(code: "snapshot.truncated-header", file: file, "the snapshot is truncated (its header is incomplete); \(rebuild)")
        } catch let e as ATLError {
            throw e
        } catch {
            throw ATLError(code: "snapshot.unreadable", file: file, "\(error)")
        }
        let available = bytes.count - payloadStart
        let (expected, overflow) = header.payloadLength.addingReportingOverflow(header.reportsLength)
        guard !overflow, available == expected else {
            throw ATLError(code: overflow || available < expected ? "snapshot.truncated-payload" : "snapshot.trailing-bytes", file: file, overflow || available < expected
                ? "the snapshot is truncated (\(available) of \(overflow ? "more than \(Int.max)" : String(expected)) payload and report bytes); \(rebuild)"
                : "the snapshot has \(available - expected) unexpected trailing bytes; \(rebuild)")
        }
        let payload = UnsafeRawBufferPointer(rebasing: bytes[payloadStart..<(payloadStart + header.payloadLength)])
        let reportBytes = UnsafeRawBufferPointer(rebasing: bytes[(payloadStart + header.payloadLength)...])
        let sum = checksum(header: headerPrefix, payload: payload)
        guard sum == header.checksum else {
            throw ATLError(code: "snapshot.bad-checksum", file: file, field: "checksum",
                "the snapshot is corrupt (checksum \(hex(sum)), header says \(hex(header.checksum))); \(rebuild)")
        }
        if let engineVersion, header.engineVersion != engineVersion {
            throw ATLError(code: "snapshot.stale-engine", file: file, field: "engine-version",
                "stale: written by engine \(header.engineVersion), this is engine \(engineVersion); \(rebuild)")
        }
        do {
            var q = SnapshotReader(payload)
            let index = try decodeIndex(&q, catalogueHash: header.catalogueHash)
            let catalogueRoot = try q.string()
            let n = Int(clamping: try q.u64())
            guard n == header.settings, n == index.count else { throw SnapshotReader.Truncated() }
            let offsets = try q.array(UInt64.self)
            let blobLength = Int(clamping: try q.u64())
            let blob = try q.take(blobLength)
            guard offsets.count == n, zip(offsets, offsets.dropFirst()).allSatisfy({ $0 < $1 }),
                  offsets.last.map({ $0 < UInt64(blobLength) }) ?? true else { throw SnapshotReader.Truncated() }
            let reportEnds = try q.array(UInt64.self), reportSums = try q.array(UInt64.self)
            guard reportEnds.count == n, reportSums.count == n, zip(reportEnds, reportEnds.dropFirst()).allSatisfy({ $0 <= $1 }),
                  (reportEnds.last ?? 0) == UInt64(reportBytes.count) else { throw SnapshotReader.Truncated() }
            let memory = owner ?? SnapshotMemory(copying: reportBytes)
            let reportBase = owner == nil ? memory.bytes : reportBytes
            let reports = SnapshotReports(memory: memory, bytes: reportBase, ends: reportEnds, checksums: reportSums, file: file)
            let shared = UnsafeSendable(blob)
            var decoded = Parallel.map(n) { i -> (Setting, String)? in
                let end = i + 1 < n ? Int(offsets[i + 1]) : shared.value.count
                var r = SnapshotReader(UnsafeRawBufferPointer(rebasing: shared.value[..<end]), offset: Int(offsets[i]))
                guard var s = try? decodeSetting(&r), let path = try? r.string(), r.offset == end else { return nil }
                s.reportStorage = ReportStorage(source: reports, slot: i)
                return (s, path)
            }
            var settings: [Setting] = []
            settings.reserveCapacity(n)
            var files: [Int: String] = [:]
            files.reserveCapacity(n)
            for i in 0..<n {
                // Moved out, not copied (a copy retains and releases every field of a setting).
                guard let (s, path) = decoded[i].take() else { throw SnapshotReader.Truncated() }
                if !path.isEmpty { files[s.urn] = path }
                settings.append(s)
            }
            let fc = Int(clamping: try q.u64())
            guard fc <= payload.count else { throw SnapshotReader.Truncated() }
            var fp: [CatalogueFingerprint.File] = []
            fp.reserveCapacity(fc)
            for _ in 0..<fc {
                fp.append(.init(path: try q.string(), size: try q.int(), modified: try q.int(), sha256: try q.string()))
            }
            let digest = CatalogueFingerprint.StatDigest(count: try q.int(), a: try q.u64(), b: try q.u64())
            guard q.offset == payload.count else { throw SnapshotReader.Truncated() }
            guard settings.indices.dropFirst().allSatisfy({ settings[$0 - 1].urn < settings[$0].urn }) else { throw SnapshotReader.Truncated() }
            reports.urns = settings.map(\.urn)
            let catalogue = Catalogue(settings: settings, files: files, contentHash: header.catalogueHash, root: catalogueRoot,
                                      reportSource: reports)
            let snapshot = IndexSnapshot(catalogue: catalogue, index: index, engineVersion: header.engineVersion,
                                         fingerprint: CatalogueFingerprint(files: fp))
            guard snapshot.statDigest == digest else { throw SnapshotReader.Truncated() }
            return snapshot
        } catch {
            throw ATLError(code: "snapshot.contents-corrupt", file: file, "the snapshot's contents do not decode (corrupt or written by another build); \(rebuild)")
        }
    }

    /// Reads and decodes a snapshot file (see ``decode(_:file:engineVersion:)``).
    public static func load(path: String, engineVersion: String?) throws(ATLError) -> IndexSnapshot {
        // Map the file read-only (no copy into an anonymous buffer: the page cache is read in place). Every
        // decoded value is copied out except the reports, read in place when first needed: the mapping lives
        // as long as a setting from it does.
        // A regular file only: a pipe or device given as --index would block or never end.
        let fd = try InputFile.openRegular(path, what: "index snapshot", limit: nil)
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw ATLError(code: "snapshot.unreadable", file: path, "cannot read the index snapshot") }
        let size = Int(st.st_size)
        if size == 0 { return try decode(UnsafeRawBufferPointer(start: nil, count: 0), file: path, engineVersion: engineVersion) }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            throw ATLError(code: "snapshot.unreadable", file: path, "cannot read the index snapshot")
        }
        let mapping = SnapshotMemory(mapped: UnsafeRawBufferPointer(start: base, count: size))
        return try decode(mapping.bytes, file: path, engineVersion: engineVersion, owner: mapping)
    }

    /// Checks that the catalogue folder still holds exactly the files the snapshot was built from (same paths;
    /// files whose size or modification time changed are re-hashed and must have the same SHA-256).
    /// First the cheap check: the folder's digest as it is now (one listing, a `stat` per file, no list built)
    /// against the one built; only when they differ (or the folder cannot be listed) the full check, which
    /// re-hashes files whose time changed and names the first difference.
    public func checkFresh(catalogueRoot: String, file: String) throws(ATLError) {
        if let quick = CatalogueFingerprint.quickDigest(root: catalogueRoot), quick == statDigest { return }
        try checkFreshFully(catalogueRoot: catalogueRoot, file: file)
    }

    /// The full check alone (``checkFresh(catalogueRoot:file:)`` without its cheap first step).
    func checkFreshFully(catalogueRoot: String, file: String) throws(ATLError) {
        let now = try CatalogueFingerprint.scan(root: catalogueRoot, hashing: false)
        if let problem = fingerprint.difference(from: now, root: catalogueRoot) {
            throw ATLError(code: "snapshot.stale-catalogue", file: file, field: "catalogue",
                "stale: \(problem) since the index was built; rebuild it with 'atl index --catalogue \(catalogueRoot)'")
        }
    }

    /// Checksum of the header fields before it and of the payload, so a flipped byte anywhere is caught.
    static func checksum(header: UnsafeRawBufferPointer, payload: UnsafeRawBufferPointer) -> UInt64 {
        let a = SnapshotChecksum.of(header), b = SnapshotChecksum.of(payload)
        return (a &* 0x9E37_79B1_85EB_CA87) ^ b
    }

    static func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    // MARK: Index encoding

    static func encode(_ x: CompiledIndex, into w: inout SnapshotWriter) {
        w.int(x.count)
        w.array(x.urn)
        w.array(x.easting)
        w.array(x.northing)
        w.array(x.flags)
        w.array(x.typeIndex)
        w.array(x.needs)
        w.array(x.zeroPlaceNeeds)
        w.array(x.partialNeeds)
        w.array(x.pupils)
        w.array(x.classSize)
        w.array(x.sizeGroup)
        w.array(x.facilities)
        w.array(x.minYear)
        w.array(x.maxYear)
        w.array(x.specialistVacancies)
        w.array(x.generalVacancies)
        w.array(x.ofsted)
        w.array(x.religion)
        w.u64(UInt64(x.religions.count))
        for r in x.religions { w.string(r) }
        w.array(x.laCode)
        w.array(x.catalogueIndex)
        w.f64(x.gridOrigin.east)
        w.f64(x.gridOrigin.north)
        w.int(x.gridColumns)
        w.int(x.gridRows)
        w.array(x.cellStart)
        w.int(x.locatedCount)
        w.int(x.evidence.count)
        w.array(x.evidence.scores)
        w.array(x.evidence.hasReport.map { $0 ? UInt8(1) : 0 })
        w.array(x.evidence.medians)
        w.bool(x.isFictional)
    }

    static func decodeIndex(_ r: inout SnapshotReader, catalogueHash: String) throws(SnapshotReader.Truncated) -> CompiledIndex {
        let count = try r.int()
        let urn = try r.array(Int32.self)
        let easting = try r.doubles(), northing = try r.doubles()
        let flags = try r.array(UInt16.self), typeIndex = try r.array(UInt8.self)
        let needs = try r.array(UInt16.self), zero = try r.array(UInt16.self)
        let partial = try r.array(UInt16.self), pupils = try r.array(Int32.self)
        let classSize = try r.array(Int16.self), sizeGroup = try r.array(UInt8.self)
        let facilities = try r.array(UInt32.self)
        let minYear = try r.array(Int8.self), maxYear = try r.array(Int8.self)
        let sv = try r.array(Int32.self), gv = try r.array(Int32.self)
        let ofsted = try r.array(UInt8.self), religion = try r.array(Int16.self)
        let rc = Int(clamping: try r.u64())
        guard rc <= 1 << 16 else { throw SnapshotReader.Truncated() }
        var religions: [String] = []
        for _ in 0..<rc { religions.append(try r.string()) }
        let la = try r.array(Int16.self), back = try r.array(Int32.self)
        let origin = (try r.f64(), try r.f64())
        let cols = try r.int(), rows = try r.int()
        let cellStart = try r.array(Int32.self)
        let located = try r.int()
        let evCount = try r.int()
        let scores = try r.floats()
        let hasReport = try r.array(UInt8.self).map { $0 != 0 }
        let medians = try r.floats()
        let fictional = try r.bool()
        // Structural checks, so a decoded index can never index out of bounds.
        var perSetting: [Int] = [urn.count, easting.count, northing.count, flags.count, typeIndex.count, needs.count]
        perSetting += [zero.count, facilities.count, minYear.count, maxYear.count, sv.count, gv.count, ofsted.count]
        perSetting += [religion.count, la.count, back.count, hasReport.count, evCount]
        perSetting += [partial.count, pupils.count, classSize.count, sizeGroup.count]
        let concepts = Vocabulary.Concept.count, types = SettingType.allCases.count
        guard count >= 0, perSetting.allSatisfy({ $0 == count }) else { throw SnapshotReader.Truncated() }
        guard cols >= 1, rows >= 1, cols <= 1 << 24, rows <= 1 << 24, cols * rows + 1 == cellStart.count, located >= 0, located <= count else { throw SnapshotReader.Truncated() }
        guard scores.count == concepts * count, medians.count == concepts else { throw SnapshotReader.Truncated() }
        guard sizeGroup.allSatisfy({ $0 <= FitFacts.SizeGroup.other.rawValue }) else { throw SnapshotReader.Truncated() }
        guard typeIndex.allSatisfy({ Int($0) < types }), back.allSatisfy({ $0 >= 0 && Int($0) < count }) else { throw SnapshotReader.Truncated() }
        guard cellStart.allSatisfy({ $0 >= 0 && Int($0) <= located }), religion.allSatisfy({ Int($0) < rc }) else { throw SnapshotReader.Truncated() }
        let evidence = EvidenceIndex(scores: scores, count: count, hasReport: hasReport, medians: medians)
        return CompiledIndex(count: count, urn: urn, easting: easting, northing: northing, flags: flags,
                             typeIndex: typeIndex, needs: needs, zeroPlaceNeeds: zero, partialNeeds: partial, pupils: pupils,
                             classSize: classSize, sizeGroup: sizeGroup, facilities: facilities,
                             minYear: minYear, maxYear: maxYear, specialistVacancies: sv, generalVacancies: gv,
                             ofsted: ofsted, religion: religion, religions: religions, laCode: la, catalogueIndex: back,
                             gridOrigin: origin, gridColumns: cols, gridRows: rows, cellStart: cellStart,
                             locatedCount: located, evidence: evidence, catalogueHash: catalogueHash, isFictional: fictional)
    }

    // MARK: Setting encoding

    static func encode<E: CaseIterable & Equatable>(_ v: E?, into w: inout SnapshotWriter) where E.AllCases: Collection {
        guard let v else { w.u8(0); return }
        w.u8(UInt8(E.allCases.distance(from: E.allCases.startIndex, to: E.allCases.firstIndex(of: v)!) + 1))
    }

    static func decode<E: CaseIterable>(_: E.Type, _ r: inout SnapshotReader) throws(SnapshotReader.Truncated) -> E? where E.AllCases: Collection {
        let b = Int(try r.u8())
        if b == 0 { return nil }
        guard b <= E.allCases.count else { throw SnapshotReader.Truncated() }
        return E.allCases[E.allCases.index(E.allCases.startIndex, offsetBy: b - 1)]
    }

    /// A setting as its header fields, each written as the value lines the catalogue format writes (field
    /// number, then text) through ``SettingFile/fields``, then its report sections. One codec for a setting's
    /// facts, shared with the setting files: a field added to the catalogue format is in the snapshot too.
    static func encode(_ s: Setting, into w: inout SnapshotWriter) {
        var lines: [(UInt8, String)] = []
        for (i, spec) in SettingFile.fields.enumerated() {
            for (v, prov) in SettingFile.lineValues(spec, s) { lines.append((UInt8(i), prov.map { "\(v)  [\($0)]" } ?? v)) }
        }
        w.u32(UInt32(lines.count))
        for (i, v) in lines { w.u8(i); w.string(v) }
    }

    /// A report: its section count, then each section (in ``ReportSection`` order) and its text.
    static func encode(report: [ReportSection: String], into w: inout SnapshotWriter) {
        w.u32(UInt32(report.count))
        for section in ReportSection.allCases {
            if let t = report[section] { encode(Optional(section), into: &w); w.string(t) }
        }
    }

    static func decodeReport(_ r: inout SnapshotReader) throws(SnapshotReader.Truncated) -> [ReportSection: String] {
        let rc = Int(try r.u32())
        guard rc <= ReportSection.allCases.count else { throw SnapshotReader.Truncated() }
        var report: [ReportSection: String] = [:]
        report.reserveCapacity(rc)
        for _ in 0..<rc {
            guard let section = try decode(ReportSection.self, &r), report[section] == nil else { throw SnapshotReader.Truncated() }
            report[section] = try r.string()
        }
        return report
    }

    static func decodeSetting(_ r: inout SnapshotReader) throws(SnapshotReader.Truncated) -> Setting {
        let n = Int(try r.u32())
        guard n <= r.base.count else { throw SnapshotReader.Truncated() }
        let parser = FieldParser(file: "snapshot")
        var draft = SettingDraft()
        var values: [SettingFile.Field: KeyValueLine] = [:]
        var sourceLines: [KeyValueLine] = []
        for _ in 0..<n {
            let i = Int(try r.u8())
            guard i < SettingFile.fields.count else { throw SnapshotReader.Truncated() }
            let spec = SettingFile.fields[i]
            var kv = KeyValueLine(key: spec.field.rawValue, value: try r.string(), line: 0)
            do {
                if let value = try SettingFile.readLine(spec, kv, parser, &draft) { kv.value = value }
            } catch { throw SnapshotReader.Truncated() }
            if spec.field == .source { sourceLines.append(kv) } else { values[spec.field] = kv }
        }
        var diags: [Diagnostic] = []
        guard let setting = SettingFile.check(draft, values: values, sourceLines: sourceLines, file: "snapshot", headerLine: 0, diags: &diags),
              !diags.contains(where: { $0.level == .error }) else { throw SnapshotReader.Truncated() }
        return setting
    }
}

extension EvidenceIndex {
    /// Rebuilds an evidence index from saved scores and medians (snapshot load), without recomputing medians.
    init(scores: [Float], count: Int, hasReport: [Bool], medians: [Float]) {
        self.scores = scores
        self.count = count
        self.hasReport = hasReport
        self.medians = medians
    }
}

extension CompiledIndex {
    /// Memberwise, for snapshot load.
    init(count: Int, urn: [Int32], easting: [Double], northing: [Double], flags: [UInt16], typeIndex: [UInt8],
         needs: [UInt16], zeroPlaceNeeds: [UInt16], partialNeeds: [UInt16], pupils: [Int32], classSize: [Int16],
         sizeGroup: [UInt8], facilities: [UInt32], minYear: [Int8], maxYear: [Int8],
         specialistVacancies: [Int32], generalVacancies: [Int32], ofsted: [UInt8], religion: [Int16],
         religions: [String], laCode: [Int16], catalogueIndex: [Int32], gridOrigin: (east: Double, north: Double),
         gridColumns: Int, gridRows: Int, cellStart: [Int32], locatedCount: Int, evidence: EvidenceIndex,
         catalogueHash: String, isFictional: Bool) {
        self.count = count
        self.urn = urn
        self.easting = easting
        self.northing = northing
        self.flags = flags
        self.typeIndex = typeIndex
        self.needs = needs
        self.zeroPlaceNeeds = zeroPlaceNeeds
        self.partialNeeds = partialNeeds
        self.pupils = pupils
        self.classSize = classSize
        self.sizeGroup = sizeGroup
        self.facilities = facilities
        self.minYear = minYear
        self.maxYear = maxYear
        self.specialistVacancies = specialistVacancies
        self.generalVacancies = generalVacancies
        self.ofsted = ofsted
        self.religion = religion
        self.religions = religions
        self.laCode = laCode
        self.catalogueIndex = catalogueIndex
        self.gridOrigin = gridOrigin
        self.gridColumns = gridColumns
        self.gridRows = gridRows
        self.cellStart = cellStart
        self.locatedCount = locatedCount
        self.evidence = evidence
        self.catalogueHash = catalogueHash
        self.isFictional = isFictional
    }
}
