/// One decoded form or query field.
public struct HTTPFormField: Sendable, Hashable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// Form or query fields in the order sent. Repeated names are kept (checkbox groups send one field per tick).
public struct HTTPFormFields: Sendable, Hashable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
    public private(set) var fields: [HTTPFormField]

    public init(_ fields: [HTTPFormField] = []) { self.fields = fields }
    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { HTTPFormField(name: $0.0, value: $0.1) }
    }

    public var startIndex: Int { fields.startIndex }
    public var endIndex: Int { fields.endIndex }
    public subscript(position: Int) -> HTTPFormField { fields[position] }

    /// The first value sent for `name` (names compare exactly: forms are case-sensitive).
    public subscript(name: String) -> String? { fields.first { $0.name == name }?.value }

    /// Every value sent for `name`, in order.
    public func values(for name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    public mutating func append(_ name: String, _ value: String) {
        fields.append(HTTPFormField(name: name, value: value))
    }
}

/// Why form data (urlencoded or multipart) could not be read. Messages never quote the data.
public enum FormDecodingError: Error, Sendable, Hashable {
    case invalidPercentEncoding
    case invalidUTF8
    /// NUL in a decoded name or value: refused so no C-string boundary can ever be smuggled in.
    case forbiddenCharacter
    case tooManyFields
    /// The request's Content-Type is not the one the parser reads.
    case unsupportedContentType
    case missingBoundary
    case malformedMultipart
    case tooManyParts
    case partTooLarge
    case partHeadersTooLarge
}

/// `application/x-www-form-urlencoded` (WHATWG URL §5), also used for query strings: `&`-separated
/// `name=value` pairs, `+` for space, strict `%XX` escapes, UTF-8 after decoding.
public enum FormURLEncoded {
    /// Decodes `bytes`. Empty pairs (`a=1&&b=2`) are skipped; a pair without `=` has an empty value.
    /// Strict where browsers are lenient: a `%` not followed by two hex digits, invalid UTF-8 or NUL is an error.
    public static func parse(_ bytes: some Collection<UInt8>, maxFields: Int = 1000) throws(FormDecodingError)
        -> HTTPFormFields
    {
        var fields = HTTPFormFields()
        for pair in Array(bytes).split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            if fields.count >= maxFields { throw .tooManyFields }
            let equals = pair.firstIndex(of: UInt8(ascii: "="))
            let rawName = equals.map { pair[pair.startIndex..<$0] } ?? pair[...]
            let rawValue = equals.map { pair[($0 + 1)...] } ?? []
            fields.append(try decodeComponent(rawName), try decodeComponent(rawValue))
        }
        return fields
    }

    public static func parse(_ text: String, maxFields: Int = 1000) throws(FormDecodingError) -> HTTPFormFields {
        try parse(Array(text.utf8), maxFields: maxFields)
    }

    /// Encodes fields the way browsers do: unreserved characters as is, space as `+`, the rest `%XX`.
    public static func encode(_ fields: [(String, String)]) -> String {
        fields.map { "\(encodeComponent($0.0))=\(encodeComponent($0.1))" }.joined(separator: "&")
    }

    public static func encodeComponent(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "*"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case .space:
                out += "+"
            default:
                out += "%" + hexByte(byte)
            }
        }
        return out
    }

    static func decodeComponent(_ raw: ArraySlice<UInt8>) throws(FormDecodingError) -> String {
        guard let bytes = percentDecode(raw, plusAsSpace: true) else { throw .invalidPercentEncoding }
        if bytes.contains(0) { throw .forbiddenCharacter }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .invalidUTF8 }
        return text
    }
}

/// Strict percent-decoding: every `%` must begin a two-hex-digit escape, else nil.
func percentDecode(_ raw: ArraySlice<UInt8>, plusAsSpace: Bool) -> [UInt8]? {
    var out: [UInt8] = []
    out.reserveCapacity(raw.count)
    var index = raw.startIndex
    while index < raw.endIndex {
        let byte = raw[index]
        if byte == .percent {
            guard raw.endIndex - index >= 3 else { return nil }
            let high = ByteClass.hexValue[Int(raw[index + 1])]
            let low = ByteClass.hexValue[Int(raw[index + 2])]
            guard high >= 0, low >= 0 else { return nil }
            out.append(UInt8(high) << 4 | UInt8(low))
            index += 3
        } else {
            out.append(plusAsSpace && byte == UInt8(ascii: "+") ? .space : byte)
            index += 1
        }
    }
    return out
}

func hexByte(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF".utf8)
    return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]], as: UTF8.self)
}
