import ATLModel
import ATLData
import Foundation

/// Finding settings in a loaded catalogue: by name, URN, postcode district, designated need or type (the
/// workbench's settings search, and the "name or URN" fields of its forms).
public enum SettingSearchService {
    public struct Query: Sendable, Hashable {
        /// Part of a name (any case, accents ignored), a URN, or a postcode district such as `TF3`.
        public var text: String
        public var need: NeedCode?
        public var type: SettingType?

        public init(text: String = "", need: NeedCode? = nil, type: SettingType? = nil) {
            self.text = text
            self.need = need
            self.type = type
        }

        public var isEmpty: Bool { TextDecoding.trimSpaces(text).isEmpty && need == nil && type == nil }
    }

    /// Most results returned (the page says when there are more).
    public static let resultLimit = 200

    /// Settings matching every part of the query, by name then URN; `total` counts all matches.
    public static func search(_ q: Query, in catalogue: Catalogue, limit: Int = resultLimit) -> (settings: [Setting], total: Int) {
        let text = TextDecoding.trimSpaces(q.text)
        let urn = Int(text)
        let district = Postcode.isOutcode(text) ? text.uppercased() : nil
        let folded = fold(text)
        var found: [Setting] = []
        for s in catalogue.settings {
            if let need = q.need, !(s.needs?.contains(NeedSet(need)) ?? false) { continue }
            if let type = q.type, s.type != type { continue }
            if !text.isEmpty {
                let byURN = urn.map { $0 == s.urn } ?? false
                let byDistrict = district.map { d in
                    [s.postcode, s.nearestPostcode].compactMap { $0 }.contains { String(Postcode.outcode(of: $0)).uppercased() == d }
                } ?? false
                guard byURN || byDistrict || fold(s.name).contains(folded) else { continue }
            }
            found.append(s)
        }
        found.sort { ($0.name, $0.urn) < ($1.name, $1.urn) }
        return (Array(found.prefix(limit)), found.count)
    }

    /// What a "setting name or URN" answer names.
    public enum Resolution: Sendable, Hashable {
        case found(Setting)
        case none
        /// Several settings match: the first few, for the message.
        case several([Setting], total: Int)
    }

    /// Resolves an answer to one setting: a URN in the catalogue, a name matched exactly (any case), or the only
    /// setting whose name contains the text.
    public static func resolve(_ answer: String, in catalogue: Catalogue) -> Resolution {
        let text = TextDecoding.trimSpaces(answer)
        guard !text.isEmpty else { return .none }
        if let urn = Int(text) { return catalogue.setting(urn: urn).map(Resolution.found) ?? .none }
        let folded = fold(text)
        let exact = catalogue.settings.filter { fold($0.name) == folded }
        if exact.count == 1 { return .found(exact[0]) }
        let (matches, total) = search(Query(text: text), in: catalogue, limit: 5)
        switch total {
        case 0: return .none
        case 1: return .found(matches[0])
        default: return .several(matches, total: total)
        }
    }

    /// Lower case without accents or punctuation runs, so "St. Mary's" finds "St Marys".
    static func fold(_ s: String) -> String {
        let lowered = s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var out = ""
        var space = false
        for ch in lowered {
            if ch.isLetter || ch.isNumber {
                if space && !out.isEmpty { out.append(" ") }
                out.append(ch)
                space = false
            } else if ch != "'" && ch != "’" {
                space = true
            }
        }
        return out
    }
}
