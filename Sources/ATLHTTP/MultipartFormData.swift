/// Limits on a `multipart/form-data` body (the body as a whole is already capped by the route's body limit).
public struct MultipartLimits: Sendable, Hashable {
    public var maxParts: Int = 100
    /// Header block of one part.
    public var maxPartHeaderBytes: Int = 8 * 1024
    /// A part without a filename (an ordinary form field).
    public var maxFieldBytes: Int = 256 * 1024
    /// A part with a filename (an uploaded file).
    public var maxFileBytes: Int = 16 * 1024 * 1024

    public init(maxParts: Int = 100, maxPartHeaderBytes: Int = 8 * 1024, maxFieldBytes: Int = 256 * 1024,
                maxFileBytes: Int = 16 * 1024 * 1024) {
        self.maxParts = maxParts
        self.maxPartHeaderBytes = maxPartHeaderBytes
        self.maxFieldBytes = maxFieldBytes
        self.maxFileBytes = maxFileBytes
    }
}

/// One part of a `multipart/form-data` body, held in memory.
public struct MultipartPart: Sendable, Hashable {
    /// The form field name (`Content-Disposition: form-data; name="…"`).
    public var name: String
    /// The client's file name reduced to a display-only basename (see `sanitisedFilename`), or nil for an
    /// ordinary field. **Never use it as a path**: store uploads under names the server chooses.
    public var filename: String?
    /// The part's declared media type, if any (a claim by the client, not a fact about the bytes).
    public var contentType: String?
    public var headers: HTTPHeaders
    public var body: [UInt8]

    /// The body as UTF-8 text, nil if it is not valid UTF-8.
    public var text: String? { String(validating: body, as: UTF8.self) }
    public var isFile: Bool { filename != nil }
}

/// `multipart/form-data` (RFC 7578, framing from RFC 2046 §5.1): a boundary from the Content-Type,
/// then parts each with a small header block and a body. Everything stays in memory; nothing is written
/// to disk, and client file names never become paths.
public enum MultipartFormData {
    /// The `boundary` parameter of a Content-Type, validated: 1–70 characters from RFC 2046's `bchars`.
    public static func boundary(fromContentType contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, asciiCaseInsensitiveEquals(trimmingWhitespace(pair[0]), "boundary") else {
                continue
            }
            var value = trimmingWhitespace(pair[1])
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            let allowed = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? ".utf8)
            guard (1...70).contains(value.utf8.count), value.utf8.allSatisfy(allowed.contains),
                  value.last != " " else { return nil }
            return value
        }
        return nil
    }

    public static func parse(_ body: [UInt8], contentType: String, limits: MultipartLimits = MultipartLimits())
        throws(FormDecodingError) -> [MultipartPart]
    {
        guard let boundary = boundary(fromContentType: contentType) else { throw .missingBoundary }
        let dashBoundary = Array("--\(boundary)".utf8)
        let delimiter = Array("\r\n--\(boundary)".utf8)

        // The first boundary may open the body or follow a preamble (which is ignored).
        var position: Int
        if body.starts(with: dashBoundary) {
            position = dashBoundary.count
        } else if let found = firstIndex(of: delimiter, in: body, from: 0) {
            position = found + delimiter.count
        } else {
            throw .malformedMultipart
        }

        var parts: [MultipartPart] = []
        while true {
            // After a boundary: "--" closes the body (the epilogue is ignored); otherwise optional
            // transport padding, then CRLF, then the part.
            if body.count - position >= 2, body[position] == 0x2D, body[position + 1] == 0x2D { break }
            while position < body.count, body[position].isWhitespace { position += 1 }
            guard body.count - position >= 2, body[position] == .cr, body[position + 1] == .lf else {
                throw .malformedMultipart
            }
            position += 2
            if parts.count >= limits.maxParts { throw .tooManyParts }

            let headers: HTTPHeaders
            let contentStart: Int
            if body.count - position >= 2, body[position] == .cr, body[position + 1] == .lf {
                headers = HTTPHeaders()
                contentStart = position + 2
            } else {
                let searchEnd = min(body.count, position + limits.maxPartHeaderBytes + 4)
                guard let headerEnd = firstIndex(of: [.cr, .lf, .cr, .lf], in: body[..<searchEnd], from: position)
                else {
                    throw searchEnd < body.count ? .partHeadersTooLarge : .malformedMultipart
                }
                headers = try parsePartHeaders(body[position..<headerEnd])
                contentStart = headerEnd + 4
            }
            guard let contentEnd = firstIndex(of: delimiter, in: body, from: contentStart) else {
                throw .malformedMultipart
            }
            let part = try makePart(headers: headers, body: Array(body[contentStart..<contentEnd]), limits: limits)
            parts.append(part)
            position = contentEnd + delimiter.count
        }
        return parts
    }

    /// The parts without a filename as form fields (for CSRF tokens and ordinary inputs next to a file).
    public static func formFields(of parts: [MultipartPart]) -> HTTPFormFields {
        var fields = HTTPFormFields()
        for part in parts where !part.isFile {
            if let text = part.text { fields.append(part.name, text) }
        }
        return fields
    }

    private static func makePart(headers: HTTPHeaders, body: [UInt8], limits: MultipartLimits)
        throws(FormDecodingError) -> MultipartPart
    {
        guard let disposition = headers["Content-Disposition"] else { throw .malformedMultipart }
        let (type, parameters) = try parseDisposition(Array(disposition.utf8))
        guard type == "form-data", let name = parameters["name"] else { throw .malformedMultipart }
        let rawFilename = parameters["filename"]
        if body.count > (rawFilename == nil ? limits.maxFieldBytes : limits.maxFileBytes) { throw .partTooLarge }
        return MultipartPart(
            name: name,
            filename: rawFilename.map { sanitisedFilename($0) ?? "upload" },
            contentType: headers["Content-Type"],
            headers: headers,
            body: body)
    }

    private static func parsePartHeaders(_ block: ArraySlice<UInt8>) throws(FormDecodingError) -> HTTPHeaders {
        var headers = HTTPHeaders()
        var lineStart = block.startIndex
        while lineStart < block.endIndex {
            let lineEnd = firstIndex(of: [.cr, .lf], in: block, from: lineStart) ?? block.endIndex
            let line = block[lineStart..<lineEnd]
            guard let colon = line.firstIndex(of: .colon), colon > line.startIndex,
                  line[line.startIndex..<colon].allSatisfy(\.isTokenCharacter) else { throw .malformedMultipart }
            let value = line[(colon + 1)...]
            guard value.allSatisfy({ ByteClass.fieldValue[Int($0)] }) else { throw .malformedMultipart }
            guard let text = String(validating: value, as: UTF8.self) else { throw .invalidUTF8 }
            headers.add(String(decoding: line[line.startIndex..<colon], as: UTF8.self), trimmingWhitespace(text))
            lineStart = lineEnd + 2
        }
        return headers
    }

    /// `type *( ";" name "=" ( token / quoted-string ) )` with parameter names lowercased.
    /// Quoted values are read as browsers write them (WHATWG HTML, multipart/form-data encoding): a quote
    /// inside is sent as %22 and a backslash is literal, so backslash is not an escape here (a Windows path
    /// such as `C:\Users\x.csv` keeps its separators and is then reduced to `x.csv`).
    static func parseDisposition(_ bytes: [UInt8]) throws(FormDecodingError) -> (String, [String: String]) {
        var index = 0
        func skipWhitespace() { while index < bytes.count, bytes[index].isWhitespace { index += 1 } }
        func readToken() -> String {
            let begin = index
            while index < bytes.count, bytes[index].isTokenCharacter { index += 1 }
            return String(decoding: bytes[begin..<index], as: UTF8.self).lowercased()
        }
        skipWhitespace()
        let type = readToken()
        guard !type.isEmpty else { throw .malformedMultipart }
        var parameters: [String: String] = [:]
        while true {
            skipWhitespace()
            if index == bytes.count { break }
            guard bytes[index] == .semicolon else { throw .malformedMultipart }
            index += 1
            skipWhitespace()
            if index == bytes.count { break }
            let name = readToken()
            skipWhitespace()
            guard !name.isEmpty, index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                throw .malformedMultipart
            }
            index += 1
            skipWhitespace()
            var value: [UInt8] = []
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                index += 1
                var closed = false
                while index < bytes.count {
                    let byte = bytes[index]
                    index += 1
                    if byte == UInt8(ascii: "\"") { closed = true; break }
                    value.append(byte)
                }
                guard closed else { throw .malformedMultipart }
            } else {
                let begin = index
                while index < bytes.count, bytes[index] != .semicolon, !bytes[index].isWhitespace { index += 1 }
                value = Array(bytes[begin..<index])
            }
            guard let text = String(validating: value, as: UTF8.self) else { throw .invalidUTF8 }
            if parameters[name] != nil { throw .malformedMultipart }
            parameters[name] = text
        }
        return (type, parameters)
    }

    /// First occurrence of `pattern` in `bytes` at or after `from`. O(n·m) worst case with a first-byte
    /// skip; boundaries are at most 74 bytes and bodies are capped, so this stays cheap.
    static func firstIndex<Bytes: RandomAccessCollection>(of pattern: [UInt8], in bytes: Bytes, from: Int) -> Int?
        where Bytes.Element == UInt8, Bytes.Index == Int
    {
        guard let first = pattern.first, bytes.endIndex - from >= pattern.count else { return nil }
        var index = from
        let last = bytes.endIndex - pattern.count
        while index <= last {
            if bytes[index] == first {
                var matched = true
                for offset in 1..<pattern.count where bytes[index + offset] != pattern[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }
}
