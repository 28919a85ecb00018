import ATLModel
import ATLData
/// The catalogue compiled for scoring: struct-of-arrays over settings, no Strings, Sets or Dictionaries,
/// so the pair loop reads a few contiguous arrays per setting.
///
/// Settings are stored in *grid order* — bucketed into square cells of ``cellSize`` metres, row by row, URN
/// within a cell — so a child's reachable settings are a few contiguous ranges (spatial pruning). Settings
/// whose location is unknown come last and are always scanned. `catalogueIndex[i]` maps back to
/// `Catalogue.settings`. Ties in scores are always broken by URN, never by storage order.
public struct CompiledIndex: Sendable {
    /// Bits of ``flags``.
    public enum Flag {
        public static let open: UInt16 = 1 << 0
        public static let hasLocation: UInt16 = 1 << 1
        public static let needsKnown: UInt16 = 1 << 2
        public static let facilitiesKnown: UInt16 = 1 << 3
        public static let yearsKnown: UInt16 = 1 << 4
        public static let yearsApproximate: UInt16 = 1 << 5
        public static let boys: UInt16 = 1 << 6
        public static let girls: UInt16 = 1 << 7
        public static let genderKnown: UInt16 = 1 << 8
        /// A special school or special post-16 institution (``Setting/isSpecialistProvider``).
        public static let specialistType: UInt16 = 1 << 9
        /// Provides through mainstream provision (``CompiledIndex/providesThroughMainstream(_:)``).
        public static let mainstreamLike: UInt16 = 1 << 10
        public static let independentSector: UInt16 = 1 << 11
        public static let hasReport: UInt16 = 1 << 12
        /// A mainstream school or post-16 institution, or nursery school, in law (``Setting/isMainstreamInLaw``).
        public static let mainstreamType: UInt16 = 1 << 13
        public static let fictional: UInt16 = 1 << 14
        /// A kind of establishment the LA does not place children in (``Setting/isOutsidePlacement``).
        public static let outsidePlacement: UInt16 = 1 << 15
    }

    public static let cellSize = 10_000.0

    public let count: Int
    public let urn: [Int32]
    public let easting: [Double]
    public let northing: [Double]
    public let flags: [UInt16]
    public let typeIndex: [UInt8]
    public let needs: [UInt16]
    /// Designated needs commissioned with 0 places (places-by-need lists them at 0).
    public let zeroPlaceNeeds: [UInt16]
    /// Need codes a partial designation names (`needs: … (partial)`): partial credit, never exclusion.
    public let partialNeeds: [UInt16]
    /// Newest known pupil total (``FitFacts/pupilTotal(_:)``), −1 when unknown: the "small setting" preference.
    public let pupils: [Int32]
    /// Largest class published, 0 when the setting lists small classes, −1 when neither is known.
    public let classSize: [Int16]
    /// ``FitFacts/SizeGroup`` raw value.
    public let sizeGroup: [UInt8]
    /// Effective facilities (``FacilityEquivalence/effective(_:)``); 0 when not known (see `Flag.facilitiesKnown`).
    public let facilities: [UInt32]
    public let minYear: [Int8]
    public let maxYear: [Int8]
    /// −1 when unknown.
    public let specialistVacancies: [Int32]
    public let generalVacancies: [Int32]
    /// 0 unknown, 1 Outstanding, 2 Good, 3 Requires improvement, 4 Inadequate.
    public let ofsted: [UInt8]
    /// Interned lower-cased religious character, −1 when none or unknown.
    public let religion: [Int16]
    public let religions: [String]
    public let laCode: [Int16]
    /// Position of each setting in `Catalogue.settings` (URN order).
    public let catalogueIndex: [Int32]
    /// Grid: for each cell (row-major over the bounding box), the range of settings in it.
    public let gridOrigin: (east: Double, north: Double)
    public let gridColumns: Int
    public let gridRows: Int
    public let cellStart: [Int32]
    /// Settings from here on have no location.
    public let locatedCount: Int
    public let evidence: EvidenceIndex
    public let catalogueHash: String
    public let isFictional: Bool

    /// Compiles a catalogue. O(n log n) for the grid sort plus the evidence index build.
    public init(_ catalogue: Catalogue, threads: Int = Parallel.defaultThreads) {
        let settings = catalogue.settings
        let n = settings.count
        // Grid extent.
        let located = settings.indices.filter { settings[$0].location != nil }
        let minE = located.map { Double(settings[$0].location!.easting) }.min() ?? 0
        let minN = located.map { Double(settings[$0].location!.northing) }.min() ?? 0
        let maxE = located.map { Double(settings[$0].location!.easting) }.max() ?? 0
        let maxN = located.map { Double(settings[$0].location!.northing) }.max() ?? 0
        let cols = Int((maxE - minE) / CompiledIndex.cellSize) + 1
        let rows = Int((maxN - minN) / CompiledIndex.cellSize) + 1
        func cell(_ s: Setting) -> Int {
            guard let l = s.location else { return Int.max }
            let c = Int((Double(l.easting) - minE) / CompiledIndex.cellSize)
            let r = Int((Double(l.northing) - minN) / CompiledIndex.cellSize)
            return r * cols + c
        }
        let cells = settings.map(cell)
        let order = settings.indices.sorted { a, b in
            cells[a] != cells[b] ? cells[a] < cells[b] : settings[a].urn < settings[b].urn
        }
        var cellStart = [Int32](repeating: 0, count: cols * rows + 1)
        for i in order where cells[i] != Int.max { cellStart[cells[i] + 1] += 1 }
        for c in 0..<(cols * rows) { cellStart[c + 1] += cellStart[c] }

        var religions: [String] = []
        var religionId: [String: Int16] = [:]
        func relId(_ s: Setting) -> Int16 {
            guard let r = s.religiousCharacter?.lowercased(), !["none", "does not apply", "not applicable"].contains(r) else { return -1 }
            if let id = religionId[r] { return id }
            let id = Int16(religions.count)
            religions.append(r)
            religionId[r] = id
            return id
        }
        var urn = [Int32](), e = [Double](), no = [Double](), flags = [UInt16](), type = [UInt8](), needs = [UInt16]()
        var zero = [UInt16](), fac = [UInt32](), minY = [Int8](), maxY = [Int8](), sv = [Int32](), gv = [Int32]()
        var of = [UInt8](), rel = [Int16](), la = [Int16](), back = [Int32]()
        var partial = [UInt16](), pupils = [Int32](), classSize = [Int16](), sizeGroup = [UInt8]()
        for i in order {
            let s = settings[i]
            urn.append(Int32(s.urn))
            e.append(Double(s.location?.easting ?? 0))
            no.append(Double(s.location?.northing ?? 0))
            var f: UInt16 = 0
            if s.status == .open { f |= Flag.open }
            if s.location != nil { f |= Flag.hasLocation }
            if s.needs != nil { f |= Flag.needsKnown }
            if s.facilities != nil { f |= Flag.facilitiesKnown }
            if let y = s.admittedYears {
                f |= Flag.yearsKnown
                if y.approximate { f |= Flag.yearsApproximate }
                minY.append(Int8(clamping: y.years.lowerBound))
                maxY.append(Int8(clamping: y.years.upperBound))
            } else {
                minY.append(0)
                maxY.append(0)
            }
            switch s.gender {
            case .boys?: f |= Flag.boys | Flag.genderKnown
            case .girls?: f |= Flag.girls | Flag.genderKnown
            case .mixed?: f |= Flag.genderKnown
            case nil: break
            }
            if s.isSpecialistProvider { f |= Flag.specialistType }
            if CompiledIndex.providesThroughMainstream(s) { f |= Flag.mainstreamLike }
            if s.isMainstreamInLaw { f |= Flag.mainstreamType }
            if s.isIndependentSector { f |= Flag.independentSector }
            if s.report.values.contains(where: { !$0.isEmpty }) { f |= Flag.hasReport }
            if s.fictional { f |= Flag.fictional }
            if s.isOutsidePlacement { f |= Flag.outsidePlacement }
            flags.append(f)
            type.append(UInt8(s.type.bit))
            needs.append(s.needs?.rawValue ?? 0)
            zero.append(NeedSet((s.placesByNeed ?? [:]).filter { $0.value == 0 }.map(\.key)).rawValue)
            // Effective facilities (policy R15): listed ones plus those met by a declared equivalence, once here so
            // the pair loop compares plain bitmasks.
            fac.append(s.facilities.map { FacilityEquivalence.effective($0).rawValue } ?? 0)
            sv.append(Int32(s.specialistVacancies ?? -1))
            gv.append(Int32(s.generalVacancies ?? -1))
            of.append(s.ofsted.map { UInt8(OfstedJudgement.allCases.firstIndex(of: $0)! + 1) } ?? 0)
            rel.append(relId(s))
            la.append(Int16(s.localAuthority?.code ?? -1))
            back.append(Int32(i))
            partial.append(s.partialNeeds?.rawValue ?? 0)
            pupils.append(Int32(clamping: FitFacts.pupilTotal(s)?.count ?? -1))
            classSize.append(s.facilities?.contains(.smallClasses) == true ? 0 : Int16(clamping: s.largestClass ?? -1))
            sizeGroup.append(FitFacts.sizeGroup(s).rawValue)
        }
        self.count = n
        self.urn = urn
        self.easting = e
        self.northing = no
        self.flags = flags
        self.typeIndex = type
        self.needs = needs
        self.zeroPlaceNeeds = zero
        self.partialNeeds = partial
        self.pupils = pupils
        self.classSize = classSize
        self.sizeGroup = sizeGroup
        self.facilities = fac
        self.minYear = minY
        self.maxYear = maxY
        self.specialistVacancies = sv
        self.generalVacancies = gv
        self.ofsted = of
        self.religion = rel
        self.religions = religions
        self.laCode = la
        self.catalogueIndex = back
        self.gridOrigin = (minE, minN)
        self.gridColumns = cols
        self.gridRows = rows
        self.cellStart = cellStart
        self.locatedCount = located.count
        self.evidence = EvidenceIndex.build(order.map { settings[$0] }, threads: threads)
        self.catalogueHash = catalogue.contentHash
        self.isFictional = catalogue.isFictional
    }


    /// Index position of a URN, or nil. O(n); for explanations and `atl why`, not the pair loop.
    public func position(ofURN u: Int) -> Int? { urn.firstIndex(of: Int32(u)) }

    /// Calls `body` with each contiguous range of settings that may lie within `radius` metres of a point
    /// (whole grid cells overlapping the square around it), then the range of settings without a location.
    @inline(__always)
    public func forEachCandidateRange(east: Double, north: Double, radius: Double, _ body: (Range<Int>) -> Void) {
        if locatedCount > 0 {
            let c0 = max(0, Int(((east - radius) - gridOrigin.east) / CompiledIndex.cellSize))
            let c1 = min(gridColumns - 1, Int(((east + radius) - gridOrigin.east) / CompiledIndex.cellSize))
            let r0 = max(0, Int(((north - radius) - gridOrigin.north) / CompiledIndex.cellSize))
            let r1 = min(gridRows - 1, Int(((north + radius) - gridOrigin.north) / CompiledIndex.cellSize))
            if c0 <= c1 && r0 <= r1 && east + radius >= gridOrigin.east && north + radius >= gridOrigin.north {
                for r in r0...r1 {
                    let lo = Int(cellStart[r * gridColumns + c0]), hi = Int(cellStart[r * gridColumns + c1 + 1])
                    if lo < hi { body(lo..<hi) }
                }
            }
        }
        if locatedCount < count { body(locatedCount..<count) }
    }
}
