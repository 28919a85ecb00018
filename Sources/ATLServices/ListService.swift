import ATLModel
import ATLData
import ATLEngine
import Foundation

/// A child's needs profile as read from a file or a form, with the SHA-256 of its bytes for the stamp.
public struct ProfileInput: Sendable {
    public var profile: NeedsProfile
    /// Where it came from, for messages (a file path, or a name such as "form").
    public var source: String
    public var hash: String

    /// Reads and parses a `.profile` file.
    public static func read(path: String, date: RunDate) throws(ATLError) -> ProfileInput {
        try parse(InputFile.read(path, what: "profile", limit: InputFile.Limit.profile), source: path, date: date)
    }

    /// Parses profile text (a form turned into profile text, an upload).
    public static func parse(_ bytes: [UInt8], source: String, date: RunDate) throws(ATLError) -> ProfileInput {
        let p = try ProfileParser.parse(bytes, file: source, academicYear: date.academicYear)
        return ProfileInput(profile: p, source: source, hash: SHA256.hex(bytes))
    }
}

/// One child's advisory list, and why a setting is or is not on it.
public enum ListService {
    /// A list whose entries' reports are corrupt in the snapshot the catalogue came from is refused
    /// (``Catalogue/checkReports(urns:)``): it would lack quotes it should have.
    public static func list(_ input: ProfileInput, engine: MatchingEngine, date: RunDate) throws(ATLError) -> AdvisoryList {
        let list = try engine.advisoryList(for: input.profile, file: input.source, profileHash: input.hash, date: date.text)
        try engine.catalogue.checkReports(urns: list.entries.map(\.setting.urn))
        return list
    }

    /// The list with an officer's review applied: removed settings leave it (the next suitable one takes the
    /// place), added ones join it, each change noted with its reason (``OfficerReview``).
    public static func list(_ input: ProfileInput, review: OfficerReview, engine: MatchingEngine, date: RunDate) throws(ATLError) -> AdvisoryList {
        let list = try engine.advisoryList(for: input.profile, file: input.source, profileHash: input.hash, date: date.text, review: review)
        try engine.catalogue.checkReports(urns: list.entries.map(\.setting.urn))
        return list
    }

    /// Need codes and facility tags suggested by the text of an EHCP's sections B and F, each with the sentence
    /// that triggered it (``EHCPSuggester``). Nothing is kept.
    public static func suggestions(sectionB: String, sectionF: String) -> [EHCPSuggester.Suggestion] {
        EHCPSuggester.suggest(needsText: sectionB, provisionText: sectionF)
    }

    /// `date` dates Ofsted judgements and composes the list as `list` does for that date.
    public static func why(_ input: ProfileInput, urn: Int, engine: MatchingEngine, date: RunDate? = nil) throws(ATLError) -> MatchingEngine.WhyAnswer {
        let answer = try engine.why(input.profile, file: input.source, urn: urn, date: date?.text ?? "")
        try engine.catalogue.checkReports(urns: [urn])
        return answer
    }
}
