/// A sentence-case helper pair for words the engine and the renderers join into sentences ("special school" at
/// the start of a sentence, "Autism" in the middle of one). Only the first character changes.
extension String {
    /// "special school" → "Special school".
    public var capitalisedFirstLetter: String { prefix(1).uppercased() + dropFirst() }
    /// "Autism" → "autism".
    public var lowercasedFirstLetter: String { prefix(1).lowercased() + dropFirst() }
}
