import ATLModel
import ATLEngine

/// The per-entry fact lines every list page shows under a setting (issue 13): each SEN fact the entry relies on
/// with its source and date ("Special school (Academy special sponsor led) — DfE SEN in England, Jan 2025"),
/// a "(check)" label on public facts older than `facts.check-after-months` or undated, the designation "as
/// published", recent experience (pupils with an EHC plan, on SEN support), s41 status, the SEN information
/// report link, where the journey stands against the statutory walking distance, a sibling at the setting, and
/// the family's fit preferences.
///
/// Pure: a function of the entry (and, for the officer note, of the list). The HTML and Markdown pages print
/// these lines in order, linking a line's ``Line/url`` when it has one; the CSV counts the checks; JSON carries
/// the same facts as fields (`docs/list-output.md`).
public enum EntryFacts {
    /// One line for a reader, with the page it links to when there is one.
    public struct Line: Sendable, Hashable {
        /// What kind of line it is: a catalogue field (`type`, `needs`, `sen-report-link`, …), `walking-distance`,
        /// `sibling`, `fit.<preference>` or `officer-check`.
        public var key: String
        public var text: String
        public var url: String?

        public init(key: String, text: String, url: String? = nil) {
            self.key = key
            self.text = text
            self.url = url
        }
    }

    /// Every line for an entry, in a fixed order: the dated facts, then the officer's note when any fact needs
    /// checking, then the journey, the sibling and the fit preferences.
    public static func lines(_ e: ListEntry) -> [Line] {
        var out = e.facts.map { Line(key: $0.field, text: $0.line, url: $0.url) }
        let toCheck = e.facts.filter(\.check)
        if !toCheck.isEmpty {
            out.append(Line(key: "officer-check", text: officerNote(toCheck)))
        }
        if let w = e.walking { out.append(Line(key: "walking-distance", text: w.text)) }
        if e.siblingAttends { out.append(Line(key: "sibling", text: "A brother or sister attends this setting (the family told us).")) }
        for f in e.fit {
            let prefix: String
            switch f.outcome {
            case .met: prefix = "Fit preference met"
            case .notMet: prefix = "Fit preference not met"
            case .unknown: prefix = "Fit preference not known"
            }
            out.append(Line(key: "fit.\(f.preference.rawValue)", text: "\(prefix) (\(f.preference.title)): \(f.reason)"))
        }
        return out
    }

    /// The lines a list page shows under "Facts, with where they come from and when": every line but the
    /// walking-distance one, which the page already gives with the setting's journey.
    public static func besideTheJourney(_ e: ListEntry) -> [Line] {
        lines(e).filter { $0.key != "walking-distance" }
    }

    /// "For the officer: 3 facts are older than the check threshold or undated (type, needs, pupils-with-ehcp):
    /// check them before relying on them."
    public static func officerNote(_ facts: [DatedFact]) -> String {
        let n = facts.count
        return "For the officer: \(n) fact\(n == 1 ? " is" : "s are") old or undated (\(facts.map(\.field).joined(separator: ", "))): check \(n == 1 ? "it" : "them") with the setting or the LA before relying on \(n == 1 ? "it" : "them")."
    }

    /// The lines as plain text, one per line, each link after its text ("SEN information report — … <URL>").
    public static func text(_ e: ListEntry) -> [String] {
        lines(e).map { l in l.url.map { "\(l.text) <\($0)>" } ?? l.text }
    }
}
