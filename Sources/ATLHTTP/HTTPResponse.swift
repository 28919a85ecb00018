/// A response from a handler: status, header fields and the whole body in memory.
///
/// The server owns framing: it writes `Date`, `Content-Length` and `Connection` itself and ignores
/// any a handler sets (a handler may still set `Connection: close` to ask for the connection to end).
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// An HTML page in UTF-8. Escape every interpolated value with `HTML.escape`.
    public static func html(_ html: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: Array(html.utf8))
    }

    /// Plain UTF-8 text.
    public static func text(_ text: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Array(text.utf8))
    }

    /// A short plain-text page naming the status, e.g. "404 Not Found". Says nothing about the request.
    public static func status(_ status: HTTPStatus) -> HTTPResponse {
        text("\(status.code) \(status.reasonPhrase)\n", status: status)
    }

    /// 303 See Other to a local path (the answer to a successful form post: the browser follows with a GET,
    /// so reloading never re-posts). Only local paths are accepted, so no handler can be turned into an open
    /// redirect: anything not starting with a single "/" (e.g. "//evil.example", "https://…") goes to "/".
    public static func redirect(to location: String) -> HTTPResponse {
        let bytes = Array(location.utf8)
        let isLocal = bytes.first == .slash && (bytes.count == 1 || (bytes[1] != .slash && bytes[1] != UInt8(ascii: "\\")))
            && bytes.allSatisfy { !$0.isControl }
        var response = HTTPResponse(status: .seeOther, headers: ["Location": isLocal ? location : "/"])
        response.headers.add("Content-Type", "text/plain; charset=utf-8")
        response.body = Array("See Other\n".utf8)
        return response
    }

    /// A file download. `filename` is only a suggestion shown to the user; it is reduced to a safe
    /// basename and sent both as an ASCII fallback and RFC 8187 UTF-8 (`filename*`).
    public static func download(_ bytes: [UInt8], filename: String, contentType: String) -> HTTPResponse {
        var response = HTTPResponse(status: .ok, body: bytes)
        response.headers.add("Content-Type", contentType)
        response.headers.add("Content-Disposition", contentDisposition(filename: filename))
        response.headers.add("Cache-Control", "no-store")
        return response
    }

    /// Marks the response `Cache-Control: no-store` (pages that show personal data).
    public func noStore() -> HTTPResponse {
        var copy = self
        copy.headers.set("Cache-Control", "no-store")
        return copy
    }

    /// Adds a `Set-Cookie` line.
    public mutating func setCookie(_ cookie: SetCookie) {
        headers.add("Set-Cookie", cookie.headerValue)
    }

    /// `attachment; filename="ascii"; filename*=UTF-8''percent-encoded`, with path separators, quotes,
    /// control characters and leading dots removed so the name can never steer where a browser saves.
    static func contentDisposition(filename: String) -> String {
        let safe = sanitisedFilename(filename) ?? "download"
        let ascii = String(safe.unicodeScalars.map { $0.isASCII ? Character($0) : "_" })
        var encoded = ""
        for byte in safe.utf8 {
            let plain = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || Array("!#$&+-.^_`|~".utf8).contains(byte)
            encoded += plain ? String(UnicodeScalar(byte)) : "%" + hexByte(byte)
        }
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}

/// Reduces a client- or caller-supplied file name to a display-only basename: the text after the last
/// "/" or "\", without control characters, quotes or leading dots, at most 255 bytes. Nil when nothing is left.
/// The result is still never to be used as a path on this machine.
func sanitisedFilename(_ name: String) -> String? {
    let base = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
    var scalars = base.unicodeScalars.filter { scalar in
        scalar.value >= 0x20 && scalar.value != 0x7F && !(0x80...0x9F).contains(scalar.value)
            && scalar != "\"" && scalar != ";" && scalar != ":" && scalar != "*" && scalar != "?"
            && scalar != "<" && scalar != ">" && scalar != "|"
    }
    while let first = scalars.first, first == "." || first == " " { scalars.removeFirst() }
    while let last = scalars.last, last == " " { scalars.removeLast() }
    var result = String(String.UnicodeScalarView(scalars))
    while result.utf8.count > 255 { result.removeLast() }
    return result.isEmpty ? nil : result
}
