import ATLModel
import ATLData
import ATLEngine
import ATLPlanning

/// Shared wording and formatting for the allocation renderers.
public enum AllocationText {
    public static let notice = "A sufficiency simulation, not a decision: it asks whether the places known in the catalogue are enough for these children's advisory lists. No child is placed by it; the LA consults settings and families name their preference."

    public static let placesRule = "Specialist places (resourced provision, unit or special school vacancies) for a child whose primary need the setting is designated for, or at a specialist setting, when those vacancies are known; otherwise general vacancies (capacity - on roll). Places by need, where stated, cap each need. Unknown vacancies: not capacity-limited, and every placement there rests on unknown capacity."

    public static let priorityRule = "Children propose in list order. Each setting ranks children by suitability score, then distance (nearer first), then one seeded lottery number per child."

    /// "fictional settings, synthetic children" etc.
    public static func label(_ p: AllocationProblem) -> String {
        (p.fictionalSettings ? "fictional settings" : p.syntheticSettings ? "SYNTHETIC settings (real schools, invented SEN data)" : "real settings") + ", " + (p.syntheticChildren ? "synthetic children" : "real children")
    }

    static func km(_ d: Double?) -> String { d.map { Fixed.format($0, places: 2) } ?? "" }
    static func ratio(_ d: Double?) -> String { d.map { Fixed.format($0, places: 2) } ?? "" }
}
