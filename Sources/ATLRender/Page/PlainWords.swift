import ATLModel

/// Words for readers who do not know the codes: a need code spelled out with the code in brackets, once,
/// as a commissioner's or governor's page shows it ("Autism (ASD)"), never the code alone.
public enum PlainWords {
    /// A need's name with its code: "Autism (ASD)", "Speech, language and communication needs (SLCN)".
    public static func need(_ n: NeedCode) -> String { n.plainLabel }

    /// Several needs, each spelled out, joined with semicolons (names contain commas).
    public static func needs(_ set: NeedSet) -> String { set.codes.map(need).joined(separator: "; ") }

    /// "1 child", "2 children" — a count with the noun in the right number.
    public static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
}
