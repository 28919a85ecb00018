/// Turns a response into bytes for the wire. The server owns message framing, so handler-set
/// `Content-Length`, `Transfer-Encoding`, `Date`, `Connection` and `Keep-Alive` are replaced.
enum ResponseSerializer {
    static let serverOwnedFields = ["Content-Length", "Transfer-Encoding", "Date", "Connection", "Keep-Alive"]

    /// - Parameters:
    ///   - headOnly: answering HEAD: same fields (including the GET body's Content-Length), no body.
    ///   - close: the server will close after this response; says `Connection: close`.
    ///   - announceKeepAlive: an HTTP/1.0 client asked for keep-alive and gets it.
    static func serialize(_ response: HTTPResponse, headOnly: Bool, close: Bool, announceKeepAlive: Bool = false,
                          date: String) -> [UInt8] {
        let status = response.status
        var out: [UInt8] = []
        out.reserveCapacity(256 + (headOnly ? 0 : response.body.count))
        let reason = status.reasonPhrase.unicodeScalars.allSatisfy { $0.isASCII && !($0.value < 0x20 || $0.value == 0x7F) }
            ? status.reasonPhrase : ""
        append("HTTP/1.1 \(status.code) \(reason)\r\n", to: &out)
        for field in response.headers.fields where isSendable(field) {
            if serverOwnedFields.contains(where: { asciiCaseInsensitiveEquals($0, field.name) }) { continue }
            append("\(field.name): \(field.value)\r\n", to: &out)
        }
        append("Date: \(date)\r\n", to: &out)
        if status.allowsBody {
            append("Content-Length: \(response.body.count)\r\n", to: &out)
        }
        if close {
            append("Connection: close\r\n", to: &out)
        } else if announceKeepAlive {
            append("Connection: keep-alive\r\n", to: &out)
        }
        append("\r\n", to: &out)
        if status.allowsBody && !headOnly { out.append(contentsOf: response.body) }
        return out
    }

    /// A field is written only if its name is a token and its value has no control characters other than
    /// HTAB: a value holding CR or LF would split the response (header injection), so it is dropped.
    static func isSendable(_ field: HTTPField) -> Bool {
        isToken(field.name) && field.value.utf8.allSatisfy { ByteClass.fieldValue[Int($0)] }
    }

    /// Whether a handler asked to close the connection after this response.
    static func asksToClose(_ response: HTTPResponse) -> Bool {
        response.headers.containsToken("close", in: "Connection")
    }

    private static func append(_ text: String, to out: inout [UInt8]) {
        out.append(contentsOf: text.utf8)
    }
}
