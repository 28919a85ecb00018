import Testing
@testable import ATLHTTP

/// Malformed and hostile requests, each with the status the server must answer.
@Suite("Parser: hostile and malformed requests")
struct ParserHostileRequestTests {
    static let host = "Host: example.test\r\n"
    static let longTarget = "/" + String(repeating: "a", count: 9000)

    static let cases: [RawRequest] = [
        // Request line
        RawRequest("two spaces after method", "GET  / HTTP/1.1\r\n\(host)\r\n", 400),
        RawRequest("no version (HTTP/0.9 style)", "GET /\r\n\r\n", 400),
        RawRequest("extra word after version", "GET / HTTP/1.1 x\r\n\(host)\r\n", 400),
        RawRequest("tab as separator", "GET\t/ HTTP/1.1\r\n\(host)\r\n", 400),
        RawRequest("method with separator character", "G(T / HTTP/1.1\r\n\(host)\r\n", 400),
        RawRequest("lowercase method is another method", "get / HTTP/1.1\r\n\(host)\r\n", 501),
        RawRequest("unknown method", "BREW / HTTP/1.1\r\n\(host)\r\n", 501),
        RawRequest("CONNECT is not implemented", "CONNECT example.test:443 HTTP/1.1\r\n\(host)\r\n", 501),
        RawRequest("TRACE is not implemented", "TRACE / HTTP/1.1\r\n\(host)\r\n", 501),
        RawRequest("lowercase version", "GET / http/1.1\r\n\(host)\r\n", 400),
        RawRequest("two-digit minor version", "GET / HTTP/1.10\r\n\(host)\r\n", 400),
        RawRequest("version without minor", "GET / HTTP/1\r\n\(host)\r\n", 400),
        RawRequest("HTTP/2.0 over HTTP/1 framing", "GET / HTTP/2.0\r\n\(host)\r\n", 505),
        RawRequest("HTTP/0.9", "GET / HTTP/0.9\r\n\(host)\r\n", 505),
        RawRequest("HTTP/1.2", "GET / HTTP/1.2\r\n\(host)\r\n", 505),
        RawRequest("request line too long", "GET \(longTarget) HTTP/1.1\r\n\(host)\r\n", 414),
        RawRequest("request line too long, still in method",
                   String(repeating: "G", count: 9000) + " / HTTP/1.1\r\n\r\n", 400),
        RawRequest("bare LF line ends", "GET / HTTP/1.1\nHost: example.test\n\n", 400),
        RawRequest("bare CR in request line", "GET /\r HTTP/1.1\r\n\(host)\r\n", 400),
        RawRequest("too many empty lines first", String(repeating: "\r\n", count: 20) + "GET / HTTP/1.1\r\n\(host)\r\n", 400),
        // Target
        RawRequest("asterisk form", "OPTIONS * HTTP/1.1\r\n\(host)\r\n", 400),
        RawRequest("authority form with GET", "GET example.test:80 HTTP/1.1\r\n\(host)\r\n", 400),
        RawRequest("fragment in target", "GET /a#b HTTP/1.1\r\n\(host)\r\n", 400),
        RawRequest("raw non-ASCII in target", "GET /caf\u{E9} HTTP/1.1\r\n\(host)\r\n", 400),
        RawRequest("quote in target", "GET /a\"b HTTP/1.1\r\n\(host)\r\n", 400),
        RawRequest("backslash in target", "GET /a\\b HTTP/1.1\r\n\(host)\r\n", 400),
        RawRequest("dot-dot segment", "GET /a/../b HTTP/1.1\r\n\(host)\r\n", 400),
        RawRequest("leading dot-dot", "GET /../etc/passwd HTTP/1.1\r\n\(host)\r\n", 400),
        RawRequest("encoded dot-dot", "GET /a/%2e%2e/b HTTP/1.1\r\n\(host)\r\n", 400),
        RawRequest("encoded dot-dot upper case", "GET /%2E%2E HTTP/1.1\r\n\(host)\r\n", 400),
        RawRequest("half-encoded dot-dot", "GET /.%2e/x HTTP/1.1\r\n\(host)\r\n", 400),
        RawRequest("encoded slash", "GET /a%2Fb HTTP/1.1\r\n\(host)\r\n", 400),
        RawRequest("encoded slash lower case", "GET /a%2fb HTTP/1.1\r\n\(host)\r\n", 400),
        RawRequest("encoded backslash", "GET /a%5Cb HTTP/1.1\r\n\(host)\r\n", 400),
        RawRequest("encoded NUL", "GET /a%00b HTTP/1.1\r\n\(host)\r\n", 400),
        RawRequest("encoded newline", "GET /a%0D%0ASet-Cookie:x HTTP/1.1\r\n\(host)\r\n", 400),
        RawRequest("invalid UTF-8 after decoding", "GET /%C3%28 HTTP/1.1\r\n\(host)\r\n", 400),
        RawRequest("lone continuation byte", "GET /%80 HTTP/1.1\r\n\(host)\r\n", 400),
        RawRequest("overlong UTF-8 slash", "GET /%C0%AF HTTP/1.1\r\n\(host)\r\n", 400),
        RawRequest("truncated escape", "GET /a% HTTP/1.1\r\n\(host)\r\n", 400),
        RawRequest("non-hex escape", "GET /a%zz HTTP/1.1\r\n\(host)\r\n", 400),
        RawRequest("bad escape in query", "GET /?q=%zz HTTP/1.1\r\n\(host)\r\n", 400),
        RawRequest("invalid UTF-8 in query", "GET /?q=%FF HTTP/1.1\r\n\(host)\r\n", 400),
        RawRequest("NUL in query", "GET /?q=%00 HTTP/1.1\r\n\(host)\r\n", 400),
        RawRequest("absolute form with userinfo", "GET http://u@example.test/ HTTP/1.1\r\n\(host)\r\n", 400),
        RawRequest("absolute form with other scheme", "GET ftp://example.test/ HTTP/1.1\r\n\(host)\r\n", 400),
        // Host
        RawRequest("missing Host in HTTP/1.1", "GET / HTTP/1.1\r\n\r\n", 400),
        RawRequest("duplicate Host", "GET / HTTP/1.1\r\n\(host)\(host)\r\n", 400),
        RawRequest("duplicate Host differing", "GET / HTTP/1.1\r\nHost: a\r\nhost: b\r\n\r\n", 400),
        RawRequest("empty Host", "GET / HTTP/1.1\r\nHost:\r\n\r\n", 400),
        RawRequest("Host with path", "GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", 400),
        RawRequest("Host with userinfo", "GET / HTTP/1.1\r\nHost: u@a\r\n\r\n", 400),
        RawRequest("Host with bad port", "GET / HTTP/1.1\r\nHost: a:8x\r\n\r\n", 400),
        RawRequest("Host with space", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", 400),
        // Field syntax
        RawRequest("whitespace before colon", "GET / HTTP/1.1\r\n\(host)X-A : 1\r\n\r\n", 400),
        RawRequest("tab before colon", "GET / HTTP/1.1\r\n\(host)X-A\t: 1\r\n\r\n", 400),
        RawRequest("Host with space before colon", "GET / HTTP/1.1\r\nHost : example.test\r\n\r\n", 400),
        RawRequest("obsolete line folding", "GET / HTTP/1.1\r\n\(host)X-A: 1\r\n  continued\r\n\r\n", 400),
        RawRequest("whitespace before first field", "GET / HTTP/1.1\r\n \(host)\r\n", 400),
        RawRequest("field without colon", "GET / HTTP/1.1\r\n\(host)X-A\r\n\r\n", 400),
        RawRequest("empty field name", "GET / HTTP/1.1\r\n\(host): x\r\n\r\n", 400),
        RawRequest("non-token field name", "GET / HTTP/1.1\r\n\(host)X(A): 1\r\n\r\n", 400),
        RawRequest("bare CR in field value", "GET / HTTP/1.1\r\n\(host)X-A: 1\r2\r\n\r\n", 400),
        RawRequest("bare CR before CRLF", "GET / HTTP/1.1\r\n\(host)X-A: 1\r\r\n\r\n", 400),
        RawRequest("bare LF inside fields", "GET / HTTP/1.1\r\n\(host)X-A: 1\nX-B: 2\r\n\r\n", 400),
        RawRequest("NUL in field value", "GET / HTTP/1.1\r\n\(host)X-A: 1\u{0}2\r\n\r\n", 400),
        RawRequest("NUL in field name", "GET / HTTP/1.1\r\n\(host)X-\u{0}A: 1\r\n\r\n", 400),
        RawRequest("DEL in field value", "GET / HTTP/1.1\r\n\(host)X-A: 1\u{7F}\r\n\r\n", 400),
        RawRequest("escape character in field value", "GET / HTTP/1.1\r\n\(host)X-A: \u{1B}[31m\r\n\r\n", 400),
        RawRequest("header section too large",
                   "GET / HTTP/1.1\r\n\(host)X-Big: \(String(repeating: "b", count: 17000))\r\n\r\n", 431),
        RawRequest("too many header fields",
                   "GET / HTTP/1.1\r\n\(host)" + (0..<101).map { "X-\($0): 1\r\n" }.joined() + "\r\n", 431),
        RawRequest("endless field line without CRLF",
                   "GET / HTTP/1.1\r\n\(host)X-Big: " + String(repeating: "b", count: 20000), 431),
        // Framing
        RawRequest("Content-Length with Transfer-Encoding",
                   "POST / HTTP/1.1\r\n\(host)Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
        RawRequest("Transfer-Encoding with Content-Length",
                   "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\nabc", 400),
        RawRequest("differing Content-Length fields",
                   "POST / HTTP/1.1\r\n\(host)Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", 400),
        RawRequest("differing Content-Length list", "POST / HTTP/1.1\r\n\(host)Content-Length: 3, 4\r\n\r\nabcd", 400),
        RawRequest("non-numeric Content-Length", "POST / HTTP/1.1\r\n\(host)Content-Length: abc\r\n\r\n", 400),
        RawRequest("negative Content-Length", "POST / HTTP/1.1\r\n\(host)Content-Length: -1\r\n\r\n", 400),
        RawRequest("signed Content-Length", "POST / HTTP/1.1\r\n\(host)Content-Length: +3\r\n\r\nabc", 400),
        RawRequest("hex Content-Length", "POST / HTTP/1.1\r\n\(host)Content-Length: 0x3\r\n\r\nabc", 400),
        RawRequest("Content-Length with inner space", "POST / HTTP/1.1\r\n\(host)Content-Length: 1 2\r\n\r\n", 400),
        RawRequest("empty Content-Length", "POST / HTTP/1.1\r\n\(host)Content-Length:\r\n\r\n", 400),
        RawRequest("Content-Length list with empty element", "POST / HTTP/1.1\r\n\(host)Content-Length: 3,\r\n\r\nabc", 400),
        RawRequest("huge Content-Length", "POST / HTTP/1.1\r\n\(host)Content-Length: 99999999999999999999999\r\n\r\n", 413),
        RawRequest("Content-Length over the body limit",
                   "POST / HTTP/1.1\r\n\(host)Content-Length: \(1024 * 1024 + 1)\r\n\r\n", 413),
        RawRequest("POST without length", "POST / HTTP/1.1\r\n\(host)\r\nabc", 411),
        RawRequest("PUT without length", "PUT / HTTP/1.1\r\n\(host)\r\n", 411),
        RawRequest("unknown transfer coding", "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: gzip\r\n\r\n", 501),
        RawRequest("identity transfer coding", "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: identity\r\n\r\n", 501),
        RawRequest("gzip then chunked", "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: gzip, chunked\r\n\r\n", 501),
        RawRequest("chunked twice", "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked, chunked\r\n\r\n", 400),
        RawRequest("chunked not last", "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked, gzip\r\n\r\n", 400),
        RawRequest("chunked in two fields", "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
        RawRequest("empty Transfer-Encoding", "POST / HTTP/1.1\r\n\(host)Transfer-Encoding:\r\n\r\n", 400),
        RawRequest("Transfer-Encoding in HTTP/1.0", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
        RawRequest("chunk size not hex", "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\nzz\r\n\r\n", 400),
        RawRequest("chunk size empty", "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n\r\n", 400),
        RawRequest("negative chunk size", "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n-1\r\n", 400),
        RawRequest("chunk data longer than size",
                   "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n3\r\nabcd\r\n0\r\n\r\n", 400),
        RawRequest("chunk size with bare LF", "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n3\nabc\r\n0\r\n\r\n", 400),
        RawRequest("chunk extension with control",
                   "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n3;x=\u{1}\r\nabc\r\n0\r\n\r\n", 400),
        RawRequest("chunk size too big", "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n", 413),
        RawRequest("chunked body over the limit",
                   "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n100001\r\n" + "x", 413),
        RawRequest("trailer with obs-fold",
                   "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n0\r\nX-T: 1\r\n folded\r\n\r\n", 400),
        RawRequest("unsupported expectation", "GET / HTTP/1.1\r\n\(host)Expect: 200-ok\r\n\r\n", 417),
    ]

    @Test("refused with the expected status", arguments: cases)
    func refusesHostileRequest(_ request: RawRequest) {
        let outcome = parse(request.bytes)
        #expect(outcome.requests.isEmpty)
        #expect(outcome.statusCode == request.expectedStatus)
    }

    @Test("byte-at-a-time feeding refuses with the same status", arguments: cases)
    func byteAtATimeGivesSameStatus(_ request: RawRequest) {
        let whole = parse(request.bytes)
        let byByte = parse(request.bytes, chunkSize: 1)
        #expect(byByte == whole)
    }

    @Test("every refusal poisons the parser: later bytes change nothing")
    func errorIsSticky() throws {
        var parser = HTTPRequestParser()
        parser.append(Array("GET / HTTP/1.1\r\n\r\n".utf8))
        #expect(throws: HTTPParseError.missingHost) { try parser.nextRequest() }
        parser.append(Array("GET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
        #expect(throws: HTTPParseError.missingHost) { try parser.nextRequest() }
    }

    @Test("a per-route body limit refuses before the body is read")
    func perRouteBodyLimit() {
        let bytes = Array("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 2000\r\n\r\n".utf8)
        let limited = parse(bytes, bodyLimit: { $0.path == "/upload" ? 1000 : nil })
        #expect(limited.statusCode == 413)
        let raised = Array("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 2000000\r\n\r\n".utf8)
            + Array(repeating: UInt8(ascii: "x"), count: 2_000_000)
        let outcome = parse(raised, bodyLimit: { $0.path == "/upload" ? 4_000_000 : nil })
        #expect(outcome.error == nil)
        #expect(outcome.requests.first?.body.count == 2_000_000)
    }
}
