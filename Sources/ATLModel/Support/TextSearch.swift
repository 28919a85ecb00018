/// Substring search on a string's UTF-8 bytes, with Foundation's answer and without its cost.
///
/// `String.contains(_:)` and `range(of:)` from Foundation bridge the whole string to UTF-16 on every call (on
/// Linux through `CFStringFindWithOptionsAndLocale`), which made one glossary check over a family page cost more
/// than composing the list. This finds the needle's bytes directly. A match counts, as in Foundation's default
/// (non-literal) search, only when it does not end inside a character: the scalar after it must not extend the
/// last matched character (a combining accent, a variation selector, an emoji skin-tone modifier). Needles are
/// expected to begin with a character of their own (the glossary's triggers are plain words); an empty needle is
/// never found, as in Foundation. `TextSearchTests` holds it to Foundation's answers.
public enum TextSearch {
    public static func contains(_ text: String, _ needle: String) -> Bool {
        guard !needle.isEmpty else { return false }
        var text = text, needle = needle
        return text.withUTF8 { hay in
            needle.withUTF8 { nd in
                let n = nd.count, h = hay.count
                guard n <= h else { return false }
                let first = nd[0]
                var i = 0
                while i <= h - n {
                    if hay[i] == first {
                        var k = 1
                        while k < n && hay[i + k] == nd[k] { k += 1 }
                        if k == n && endsOnCharacterBoundary(hay, at: i + n) { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// True when the scalar starting at byte `j` (if any) does not extend the character before it.
    static func endsOnCharacterBoundary(_ b: UnsafeBufferPointer<UInt8>, at j: Int) -> Bool {
        guard j < b.count else { return true }
        let lead = b[j]
        if lead < 0x80 { return true }
        // Decode one scalar (the text is valid UTF-8: it is a Swift String).
        var value: UInt32
        var len: Int
        switch lead {
        case 0xC0..<0xE0: value = UInt32(lead & 0x1F); len = 2
        case 0xE0..<0xF0: value = UInt32(lead & 0x0F); len = 3
        default: value = UInt32(lead & 0x07); len = 4
        }
        guard j + len <= b.count else { return true }
        for k in 1..<len { value = value << 6 | UInt32(b[j + k] & 0x3F) }
        guard let s = Unicode.Scalar(value) else { return true }
        return !(s.properties.isGraphemeExtend || s.properties.isEmojiModifier)
    }
}
