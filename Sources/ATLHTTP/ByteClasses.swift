/// Byte classes from the HTTP and URI grammars, as 256-entry tables so the parser's inner loops are a load.
enum ByteClass {
    /// `tchar` (RFC 9110 §5.6.2): the characters of methods, field names and other tokens.
    static let token: [Bool] = table { byte in
        isAlphaNumeric(byte) || Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
    }

    /// Bytes allowed in a request-target (RFC 3986 §2: unreserved, sub-delims, ":", "@", "/", "?", and "%"
    /// for escapes). Everything else, including "#", spaces, quotes, "<>", "\", "{}" and non-ASCII, is refused.
    static let target: [Bool] = table { byte in
        isAlphaNumeric(byte) || Array("-._~!$&'()*+,;=:@/?%".utf8).contains(byte)
    }

    /// Bytes allowed inside a field value: VCHAR, obs-text, SP and HTAB (RFC 9110 §5.5). No controls:
    /// NUL, bare CR, LF and DEL are refused, which defeats header injection and CR-based smuggling.
    static let fieldValue: [Bool] = table { byte in
        byte == 0x09 || byte == 0x20 || (byte >= 0x21 && byte <= 0x7E) || byte >= 0x80
    }

    /// Hex digit values, or -1.
    static let hexValue: [Int8] = (0...255).map { value -> Int8 in
        let byte = UInt8(value)
        switch byte {
        case 0x30...0x39: return Int8(byte - 0x30)
        case 0x41...0x46: return Int8(byte - 0x41 + 10)
        case 0x61...0x66: return Int8(byte - 0x61 + 10)
        default: return -1
        }
    }

    private static func isAlphaNumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func table(_ member: (UInt8) -> Bool) -> [Bool] {
        (0...255).map { member(UInt8($0)) }
    }
}

extension UInt8 {
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let colon: UInt8 = 0x3A
    static let slash: UInt8 = 0x2F
    static let percent: UInt8 = 0x25
    static let question: UInt8 = 0x3F
    static let semicolon: UInt8 = 0x3B

    var isTokenCharacter: Bool { ByteClass.token[Int(self)] }
    var isWhitespace: Bool { self == .space || self == .tab }
    /// C0 controls and DEL.
    var isControl: Bool { self < 0x20 || self == 0x7F }
}

/// Whether `text` is a non-empty token (RFC 9110 §5.6.2).
func isToken(_ text: some StringProtocol) -> Bool {
    !text.isEmpty && text.utf8.allSatisfy(\.isTokenCharacter)
}
