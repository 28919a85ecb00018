import ATLModel
import ATLData
import ATLPlanning
/// Invented, realistic-sounding names for the example LA's settings ("Osierford Primary School",
/// "Marram Vale College", "St Walstan's Catholic Primary School").
///
/// Names are built from a *stem*: a plant, bird or country word joined to a place-name ending
/// ("Linnet" + "dene"), or followed by a second word ("Marram" + "Vale"). The word lists were checked by a
/// one-off script against the names of every open school in England (GIAS, 26,509 names): a stem is
/// left out (``excludedStems``) when it equals a word or word pair of a real school's name, or differs from
/// one by a single letter ("Sallowfield" / "Swallowfield"). The saints are ones no open school in England
/// is named after. Nothing here reads that file: the lists and the exclusions are fixed in the code.
public struct FictionalNames: Sendable {
    /// First parts of stems: plants, birds and country words.
    public static let prefixes: [String] = [
        "Osier", "Linnet", "Marram", "Teasel", "Burdock", "Campion", "Sorrel", "Tansy", "Vetch", "Bittern",
        "Plover", "Curlew", "Merlin", "Withy", "Sallow", "Quince", "Medlar", "Thrift", "Samphire", "Lovage",
        "Betony", "Comfrey", "Mallow", "Dunnock", "Wagtail", "Siskin", "Redpoll", "Whinchat", "Stonechat",
        "Fieldfare", "Ouzel", "Lapwing", "Nightjar", "Woodlark", "Dipper", "Grebe", "Cobble", "Aspen",
        "Hornbeam", "Spindle", "Guelder", "Sloe", "Damson", "Bullace", "Whitebeam", "Juniper", "Tormentil",
        "Sainfoin", "Eyebright", "Cowslip", "Oxlip", "Knapweed", "Scabious", "Woodruff", "Goldcrest",
        "Nuthatch", "Pipit", "Tamarisk", "Ramsons", "Coppice", "Tithe", "Wych", "Russet", "Tawny", "Ochre",
        "Yarrow", "Wigeon", "Pochard", "Shelduck", "Catkin", "Mistle", "Harebell", "Bryony", "Fescue",
        "Dogwood", "Burnet", "Greylag", "Garganey", "Avocet", "Godwit", "Petrel", "Jackdaw", "Chough",
        "Reedling", "Bramling", "Marjoram", "Sundew", "Bilberry", "Crowberry", "Dewberry", "Kingcup",
        "Moorhen", "Valerian", "Bistort", "Chicory", "Dittany", "Feverfew", "Groundsel", "Hyssop", "Lungwort",
        "Orpine", "Purslane", "Vervain", "Tutsan", "Bedstraw", "Bugloss", "Dropwort", "Melilot", "Milkwort",
        "Rampion", "Sanicle", "Trefoil", "Blackcap", "Bullfinch", "Firecrest", "Gadwall", "Goldeneye",
        "Goosander", "Hobby", "Oriole", "Pintail", "Shoveler", "Twite", "Wheatear", "Whimbrel", "Staithe",
        "Ashlar", "Orache", "Agrimony", "Lichen", "Sedum", "Thyme", "Swift", "Quail",
    ]

    /// Place-name endings joined to a prefix ("Linnet" + "dene" → "Linnetdene").
    public static let endings: [String] = [
        "mere", "ford", "dene", "brook", "ley", "wick", "hurst", "combe", "field", "stead", "holme", "worth",
        "cote", "den", "well", "wood", "gate", "croft", "moor", "lea", "dale", "ton",
    ]

    /// Second words after a prefix ("Marram" + "Vale" → "Marram Vale").
    public static let secondWords: [String] = [
        "Vale", "Green", "Cross", "Hill", "Meadow", "Heath", "Park", "Fields", "Common", "Dell", "Rise",
        "Hollow", "Edge", "End", "Lane", "Grange",
    ]

    /// Saints no open school in England is named after (checked against GIAS names), for faith schools.
    public static let saints: [String] = [
        "Milburga", "Etheldreda", "Erkenwald", "Osith", "Walstan", "Wendreda", "Rumwold", "Decuman", "Urith",
        "Nectan", "Cuthman", "Melangell", "Beuno", "Tysilio", "Edwold", "Juthwara", "Eadburh", "Hybald",
    ]

    /// Stems that equal or nearly equal (one letter apart) a word or word pair of a real school's name.
    public static let excludedStems: Set<String> = [
        "Tansyley", "Bitternley", "Bittern Park", "Ploverlea", "Plover Hill", "Plover Fields", "Merlinton",
        "Withyford", "Withycombe", "Withymoor", "Sallowfield", "Sallowdale", "Sallow Dell", "Sallow End",
        "Thriftwood", "Mallow End", "Dipperholme", "Grebedale", "Grebe Fields", "Aspenbrook", "Aspen Park",
        "Damsonwood", "Juniper Hill", "Wychwood", "Yarrowford", "Yarrowden", "Yarrowgate", "Yarrowdale",
        "Yarrow Vale", "Yarrow Cross", "Yarrow Hill", "Wigeonmoor", "Burnetwood", "Burnet Hill", "Choughwood",
        "Choughton", "Bramlington", "Orpineton", "Hobby Hill", "Orioleden", "Quailton",
    ]

    /// Every usable stem, in a fixed order: compounds (no letter tripled, no doubled join such as
    /// "Marrammere", at most 13 letters) and two-word stems, minus ``excludedStems``.
    public static let allStems: [String] = {
        var out: [String] = []
        for p in prefixes {
            for e in endings {
                guard p.last!.lowercased() != String(e.first!) else { continue }
                let stem = p + e
                guard stem.count <= 13, !hasTripledLetter(stem), !excludedStems.contains(stem) else { continue }
                out.append(stem)
            }
            for w in secondWords {
                let stem = p + " " + w
                if !excludedStems.contains(stem) { out.append(stem) }
            }
        }
        return out
    }()

    static func hasTripledLetter(_ s: String) -> Bool {
        let a = Array(s.lowercased())
        guard a.count >= 3 else { return false }
        for i in 0..<(a.count - 2) where a[i] == a[i + 1] && a[i + 1] == a[i + 2] { return true }
        return false
    }

    private var order: [String]
    /// For each stem in `order`: its prefix, and whether it resembles a reserved name (worked out once).
    private var orderPrefix: [String]
    private var orderBlocked: [Bool]
    private var next = 0
    private var prefixUses: [String: Int] = [:]
    private var saintOrder: [String]
    private var nextSaint = 0
    private var usedNames: Set<String>
    private let reservedKeys: [String]

    /// A name source drawing stems in a seeded order. `reservedNames` (the hand-written settings) are never
    /// produced, nor stems that resemble their distinctive words ("Quillfield", "Kestrel Brook").
    public init(rng: inout SeededRandom, reservedNames: Set<String>) {
        order = FictionalNames.allStems
        rng.shuffle(&order)
        saintOrder = FictionalNames.saints
        rng.shuffle(&saintOrder)
        usedNames = Set(reservedNames.map { $0.lowercased() })
        reservedKeys = reservedNames.sorted().map(FictionalNames.distinctiveKey).filter { $0.count >= 4 }
        orderPrefix = order.map(FictionalNames.prefix(of:))
        orderBlocked = []
        orderBlocked = order.map(resemblesReserved)
    }

    /// Letters of a name without generic school words: "Kestrel Brook Church of England Primary School" →
    /// "kestrelbrook".
    static func distinctiveKey(_ name: String) -> String {
        let generic: Set<String> = [
            "the", "school", "primary", "academy", "church", "of", "england", "catholic", "college", "community",
            "nursery", "house", "hall", "learning", "centre", "st", "c", "e", "ce", "cofe", "high", "sixth", "form",
            "infant", "junior", "and", "for", "girls", "boys", "special", "free", "specialist", "preparatory",
        ]
        var words: [String] = []
        var cur = ""
        for ch in name.lowercased() {
            if ch.isLetter { cur.append(ch) } else if ch != "'" && ch != "\u{2019}" {
                if !cur.isEmpty { words.append(cur) }
                cur = ""
            }
        }
        if !cur.isEmpty { words.append(cur) }
        return words.filter { !generic.contains($0) }.joined()
    }

    /// True when a stem is too close to a reserved name: same first five letters, one contains the other, or
    /// at most two edits apart.
    func resemblesReserved(_ stem: String) -> Bool {
        let key = FictionalNames.distinctiveKey(stem)
        for r in reservedKeys {
            if key.prefix(5) == r.prefix(5) || key.contains(r) || r.contains(key) { return true }
            if FictionalNames.editDistance(key, r, limit: 2) <= 2 { return true }
        }
        return false
    }

    /// Levenshtein distance, stopping early once it exceeds `limit` (returns `limit + 1` then).
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let x = Array(a.utf8), y = Array(b.utf8)
        if abs(x.count - y.count) > limit { return limit + 1 }
        var prev = Array(0...y.count), cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...max(1, x.count) where !x.isEmpty {
            cur[0] = i
            var rowMin = cur[0]
            for j in 1...max(1, y.count) where !y.isEmpty {
                cur[j] = Swift.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                rowMin = Swift.min(rowMin, cur[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&prev, &cur)
        }
        return x.isEmpty ? y.count : prev[y.count]
    }

    /// The next unused stem. A prefix is used a second time only when every prefix has been used once (and
    /// so on), so names stay distinct.
    public mutating func stem() -> String {
        for pass in 1...3 {
            var i = next
            while i < order.count {
                let s = order[i]
                let p = orderPrefix[i]
                if prefixUses[p, default: 0] < pass, !orderBlocked[i] {
                    order.swapAt(i, next)
                    orderPrefix.swapAt(i, next)
                    orderBlocked.swapAt(i, next)
                    next += 1
                    prefixUses[p, default: 0] += 1
                    return s
                }
                i += 1
            }
        }
        // Every stem used (only for very large catalogues): number them so names stay distinct.
        next += 1
        return order[next % order.count] + " \(next / order.count + 1)"
    }

    /// The prefix a stem was built from ("Linnetdene" → "Linnet").
    static func prefix(of stem: String) -> String {
        if let sp = stem.firstIndex(of: " ") { return String(stem[..<sp]) }
        for p in prefixes where stem.hasPrefix(p) && endings.contains(String(stem.dropFirst(p.count))) { return p }
        return stem
    }

    /// The next unused saint, or nil when all are used.
    public mutating func saint() -> String? {
        guard nextSaint < saintOrder.count else { return nil }
        defer { nextSaint += 1 }
        return saintOrder[nextSaint]
    }

    /// Claims a full name: false if it (or its case-insensitive twin) is taken or reserved.
    public mutating func claim(_ name: String) -> Bool {
        usedNames.insert(name.lowercased()).inserted
    }
}
