import Testing
@testable import ATLHTTP

@Suite("Parser: valid requests")
struct ParserValidRequestTests {
    @Test("a simple GET: method, target, path, headers in order, keep-alive")
    func simpleGet() throws {
        let outcome = parse("GET /settings?x=1 HTTP/1.1\r\nHost: example.test\r\nAccept: text/html\r\nX-A:  padded \t\r\n\r\n")
        let request = try #require(outcome.requests.first)
        #expect(outcome.error == nil)
        #expect(request.method == .get)
        #expect(request.target == "/settings?x=1")
        #expect(request.path == "/settings")
        #expect(request.queryItems["x"] == "1")
        #expect(request.version == .http1_1)
        #expect(request.headers.fields.map(\.name) == ["Host", "Accept", "X-A"])
        #expect(request.headers["host"] == "example.test")
        #expect(request.headers["x-a"] == "padded")
        #expect(request.keepAlive)
        #expect(request.body.isEmpty)
        #expect(request.remoteAddress == "127.0.0.1:5000")
    }

    @Test("keep-alive: HTTP/1.1 unless close; HTTP/1.0 only when asked")
    func keepAliveRules() {
        #expect(parse("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n").requests.first?.keepAlive == false)
        #expect(parse("GET / HTTP/1.1\r\nHost: a\r\nConnection: Upgrade, CLOSE\r\n\r\n").requests.first?.keepAlive == false)
        #expect(parse("GET / HTTP/1.0\r\n\r\n").requests.first?.keepAlive == false)
        #expect(parse("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").requests.first?.keepAlive == true)
    }

    @Test("HTTP/1.0 without Host is accepted")
    func http10WithoutHost() {
        let outcome = parse("GET / HTTP/1.0\r\n\r\n")
        #expect(outcome.error == nil)
        #expect(outcome.requests.first?.version == .http1_0)
    }

    @Test("a body framed by Content-Length, including equal repeated lengths")
    func contentLengthBody() {
        let one = parse("POST /f HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello")
        #expect(one.requests.first?.body == Array("hello".utf8))
        let repeated = parse("POST /f HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 5, 005\r\n\r\nhello")
        #expect(repeated.requests.first?.body == Array("hello".utf8))
        let empty = parse("POST /f HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n")
        #expect(empty.requests.first?.body == [])
    }

    @Test("a chunked body with extensions and trailers is reassembled; trailers are dropped")
    func chunkedBody() throws {
        let text = "POST /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\n"
            + "5;name=value\r\nhello\r\n1 ; x\r\n,\r\n06\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n"
        let outcome = parse(text)
        let request = try #require(outcome.requests.first)
        #expect(outcome.error == nil)
        #expect(String(decoding: request.body, as: UTF8.self) == "hello, world")
        #expect(request.headers["X-Trailer"] == nil)
        #expect(parse(text, chunkSize: 1) == outcome)
        #expect(parse(text, chunkSize: 7) == outcome)
    }

    @Test("paths are decoded once and normalised", arguments: [
        ("/", "/"), ("//a///b", "/a/b"), ("/a/./b/.", "/a/b"), ("/a/b/", "/a/b/"), ("/a%20b", "/a b"),
        ("/caf%C3%A9", "/café"), ("/%2e/x", "/x"), ("/a%252Fb", "/a%2Fb"), ("/a+b", "/a+b"),
        ("/a;b=c,d", "/a;b=c,d"), ("/~user/", "/~user/"),
    ])
    func pathNormalisation(target: String, path: String) throws {
        let request = try #require(parse("GET \(target) HTTP/1.1\r\nHost: a\r\n\r\n").requests.first)
        #expect(request.path == path)
    }

    @Test("query items keep order and repeats, with + as space")
    func queryItems() throws {
        let request = try #require(parse("GET /s?a=1&b=x+y%21&a=2&&flag HTTP/1.1\r\nHost: a\r\n\r\n").requests.first)
        #expect(request.queryItems.map(\.name) == ["a", "b", "a", "flag"])
        #expect(request.queryItems.values(for: "a") == ["1", "2"])
        #expect(request.queryItems["b"] == "x y!")
        #expect(request.queryItems["flag"] == "")
    }

    @Test("an absolute-form target is accepted and its authority replaces Host")
    func absoluteForm() throws {
        let request = try #require(parse("GET http://Example.test:8080/x?y=1 HTTP/1.1\r\nHost: other\r\n\r\n").requests.first)
        #expect(request.path == "/x")
        #expect(request.host == "Example.test:8080")
        #expect(request.queryItems["y"] == "1")
        let bare = try #require(parse("GET https://example.test HTTP/1.1\r\nHost: example.test\r\n\r\n").requests.first)
        #expect(bare.path == "/")
        let v6 = try #require(parse("GET http://[::1]:8080/a HTTP/1.1\r\nHost: x\r\n\r\n").requests.first)
        #expect(v6.host == "[::1]:8080")
        #expect(parse("GET http://[::1]:8080/[x] HTTP/1.1\r\nHost: x\r\n\r\n").statusCode == 400)
    }

    @Test("IPv6 literal hosts are valid")
    func ipv6Host() {
        #expect(parse("GET / HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n").error == nil)
        #expect(parse("GET / HTTP/1.1\r\nHost: [::1\r\n\r\n").statusCode == 400)
    }

    @Test("empty lines before a request line are skipped")
    func leadingEmptyLines() {
        let outcome = parse("\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(outcome.requests.count == 1)
    }

    @Test("pipelined requests come out in order from one buffer, however it is split")
    func pipelining() {
        let text = "GET /one HTTP/1.1\r\nHost: a\r\n\r\n"
            + "POST /two HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc"
            + "PUT /three HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nxy\r\n0\r\n\r\n"
        let whole = parse(text)
        #expect(whole.error == nil)
        #expect(whole.requests.map(\.path) == ["/one", "/two", "/three"])
        #expect(whole.requests.map { String(decoding: $0.body, as: UTF8.self) } == ["", "abc", "xy"])
        for size in [1, 2, 3, 5, 13, 64] {
            #expect(parse(text, chunkSize: size) == whole)
        }
    }

    @Test("phase follows the request: idle, head, body, idle")
    func phases() throws {
        var parser = HTTPRequestParser()
        #expect(parser.phase == .idle)
        parser.append(Array("POST / HTTP/1.1\r\nHost: a\r\n".utf8))
        #expect(try parser.nextRequest() == nil)
        #expect(parser.phase == .head)
        parser.append(Array("Content-Length: 4\r\nExpect: 100-continue\r\n\r\n".utf8))
        #expect(try parser.nextRequest() == nil)
        #expect(parser.phase == .body)
        #expect(parser.expectsContinue)
        parser.continueSent()
        #expect(!parser.expectsContinue)
        parser.append(Array("body".utf8))
        let request = try #require(try parser.nextRequest())
        #expect(request.body == Array("body".utf8))
        #expect(parser.phase == .idle)
    }

    @Test("no 100-continue is wanted without a body or in HTTP/1.0")
    func continueOnlyWithBody() throws {
        var parser = HTTPRequestParser()
        parser.append(Array("GET / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n\r\n".utf8))
        #expect(try parser.nextRequest() != nil)
        #expect(!parser.expectsContinue)
        var old = HTTPRequestParser()
        old.append(Array("POST / HTTP/1.0\r\nContent-Length: 2\r\nExpect: whatever\r\n\r\n".utf8))
        #expect(try old.nextRequest() == nil)
        #expect(!old.expectsContinue)
    }

    @Test("limits are configurable")
    func configurableLimits() {
        var limits = HTTPLimits()
        limits.maxHeaderCount = 2
        #expect(parse("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\n\r\n", limits: limits).error == nil)
        #expect(parse("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\n\r\n", limits: limits).statusCode == 431)
        limits = HTTPLimits(maxRequestLineBytes: 20)
        #expect(parse("GET /0123456789 HTTP/1.1\r\nHost: a\r\n\r\n", limits: limits).statusCode == 414)
    }

    @Test("a request line exactly at the limit is accepted")
    func requestLineAtLimit() {
        let line = "GET /" + String(repeating: "a", count: 8192 - 16) + " HTTP/1.1\r\n"
        #expect(line.utf8.count == 8192)
        #expect(parse(line + "Host: a\r\n\r\n").error == nil)
        let over = "GET /" + String(repeating: "a", count: 8192 - 15) + " HTTP/1.1\r\n"
        #expect(parse(over + "Host: a\r\n\r\n").statusCode == 414)
    }

    @Test("HTTPRequest built from parts decodes its target like the parser")
    func requestFromParts() throws {
        let request = try HTTPRequest(method: .post, target: "/a/./b?q=%C3%A9", headers: ["Host": "x"])
        #expect(request.path == "/a/b")
        #expect(request.queryItems["q"] == "é")
        #expect(throws: HTTPParseError.invalidPath) { try HTTPRequest(target: "/a/%2e%2e") }
    }
}
