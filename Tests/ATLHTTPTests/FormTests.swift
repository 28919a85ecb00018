import Testing
@testable import ATLHTTP

@Suite("Forms, multipart, cookies, HTML")
struct FormTests {
    @Test("urlencoded: order and repeats kept, + is space, strict escapes")
    func urlencoded() throws {
        let fields = try FormURLEncoded.parse("a=1&b=two+words&a=%C3%A9&empty=&bare&&c=%2B%26%3D")
        #expect(fields.map(\.name) == ["a", "b", "a", "empty", "bare", "c"])
        #expect(fields.values(for: "a") == ["1", "é"])
        #expect(fields["b"] == "two words")
        #expect(fields["empty"] == "")
        #expect(fields["bare"] == "")
        #expect(fields["c"] == "+&=")
        #expect(fields["missing"] == nil)
    }

    @Test("urlencoded: bad escapes, invalid UTF-8, NUL and too many fields are errors", arguments: [
        ("a=%", FormDecodingError.invalidPercentEncoding), ("a=%4", .invalidPercentEncoding),
        ("a=%G1", .invalidPercentEncoding), ("%zz=1", .invalidPercentEncoding),
        ("a=%FF", .invalidUTF8), ("a=%C3", .invalidUTF8), ("a=%ED%A0%80", .invalidUTF8),
        ("a=%00", .forbiddenCharacter),
    ])
    func urlencodedErrors(text: String, error: FormDecodingError) {
        #expect(throws: error) { try FormURLEncoded.parse(text) }
    }

    @Test("urlencoded: field count limit")
    func fieldLimit() {
        #expect(throws: FormDecodingError.tooManyFields) { try FormURLEncoded.parse("a=1&b=2&c=3", maxFields: 2) }
    }

    @Test("urlencoded: encode then parse round-trips")
    func roundTrip() throws {
        let pairs = [("name", "Ann & Bob"), ("q", "50% off? yes/no"), ("é", "ü+")]
        let fields = try FormURLEncoded.parse(FormURLEncoded.encode(pairs))
        #expect(fields.map { [$0.name, $0.value] } == pairs.map { [$0.0, $0.1] })
    }

    @Test("request.formFields reads only urlencoded bodies")
    func requestFormFields() throws {
        let request = try HTTPRequest(method: .post, target: "/",
                                      headers: ["Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"],
                                      body: Array("x=1".utf8))
        #expect(try request.formFields()["x"] == "1")
        let json = try HTTPRequest(method: .post, target: "/", headers: ["Content-Type": "application/json"])
        #expect(throws: FormDecodingError.unsupportedContentType) { try json.formFields() }
    }

    static let boundary = "----formboundary7MA4YWxk"
    static func multipart(_ parts: [String], preamble: String = "", epilogue: String = "") -> [UInt8] {
        var text = preamble
        for part in parts { text += "--\(boundary)\r\n\(part)\r\n" }
        text += "--\(boundary)--\r\n\(epilogue)"
        return Array(text.utf8)
    }

    @Test("multipart: fields and a file, names and types kept, file name reduced to a basename")
    func multipart() throws {
        let body = Self.multipart([
            "Content-Disposition: form-data; name=\"_csrf\"\r\n\r\ntoken123",
            "Content-Disposition: form-data; name=\"upload\"; filename=\"C:\\Users\\x\\..\\list.csv\"\r\nContent-Type: text/csv\r\n\r\na,b\r\n1,2",
            "Content-Disposition: form-data; name=\"note\"\r\n\r\nline one\r\nline two",
        ], preamble: "ignored preamble\r\n", epilogue: "ignored epilogue")
        let parts = try MultipartFormData.parse(body, contentType: "multipart/form-data; boundary=\(Self.boundary)")
        #expect(parts.count == 3)
        #expect(parts[0].name == "_csrf")
        #expect(parts[0].text == "token123")
        #expect(parts[0].filename == nil)
        #expect(parts[1].name == "upload")
        #expect(parts[1].filename == "list.csv")
        #expect(parts[1].contentType == "text/csv")
        #expect(parts[1].text == "a,b\r\n1,2")
        #expect(parts[2].text == "line one\r\nline two")
        let fields = MultipartFormData.formFields(of: parts)
        #expect(fields.map(\.name) == ["_csrf", "note"])
    }

    @Test("multipart: boundary quoted or bare, validated")
    func boundaries() {
        #expect(MultipartFormData.boundary(fromContentType: "multipart/form-data; boundary=abc") == "abc")
        #expect(MultipartFormData.boundary(fromContentType: "multipart/form-data; charset=x; Boundary=\"a b\"") == "a b")
        #expect(MultipartFormData.boundary(fromContentType: "multipart/form-data") == nil)
        #expect(MultipartFormData.boundary(fromContentType: "multipart/form-data; boundary=") == nil)
        #expect(MultipartFormData.boundary(fromContentType: "multipart/form-data; boundary=\(String(repeating: "x", count: 71))") == nil)
        #expect(MultipartFormData.boundary(fromContentType: "multipart/form-data; boundary=a\u{1}b") == nil)
    }

    @Test("multipart: hostile file names never keep a path", arguments: [
        ("../../etc/passwd", "passwd"), ("..", "upload"), ("/", "upload"), (".htaccess", "htaccess"),
        ("a\u{0}b.txt", "ab.txt"), ("report\u{202E}fdp.exe", "report\u{202E}fdp.exe"), ("x/y\\z.txt", "z.txt"),
    ])
    func hostileFilenames(raw: String, expected: String) throws {
        let body = Self.multipart(["Content-Disposition: form-data; name=\"f\"; filename=\"\(raw)\"\r\n\r\ndata"])
        let result = Result { () throws(FormDecodingError) in
            try MultipartFormData.parse(body, contentType: "multipart/form-data; boundary=\(Self.boundary)")
        }
        switch result {
        case .success(let parts):
            #expect(parts.first?.filename == expected)
            #expect(!(parts.first?.filename?.contains("/") ?? true))
        case .failure(let error):
            // A NUL inside the header block is a malformed header: refusing it is fine too.
            #expect(raw.contains("\u{0}"), "unexpected \(error)")
        }
    }

    @Test("multipart: malformed bodies and limits", arguments: [
        ("no closing boundary", "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx", FormDecodingError.malformedMultipart),
        ("no boundary at all", "just text", .malformedMultipart),
        ("missing disposition", "--B\r\nContent-Type: text/plain\r\n\r\nx\r\n--B--", .malformedMultipart),
        ("not form-data", "--B\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--B--", .malformedMultipart),
        ("no name", "--B\r\nContent-Disposition: form-data\r\n\r\nx\r\n--B--", .malformedMultipart),
        ("unclosed quote", "--B\r\nContent-Disposition: form-data; name=\"a\r\n\r\nx\r\n--B--", .malformedMultipart),
        ("duplicate parameter", "--B\r\nContent-Disposition: form-data; name=a; name=b\r\n\r\nx\r\n--B--", .malformedMultipart),
        ("header without colon", "--B\r\nContent-Disposition form-data\r\n\r\nx\r\n--B--", .malformedMultipart),
        ("garbage after boundary", "--Bxyz\r\nContent-Disposition: form-data; name=a\r\n\r\nx\r\n--B--", .malformedMultipart),
    ])
    func malformedMultipart(name: String, text: String, error: FormDecodingError) {
        #expect(throws: error) { try MultipartFormData.parse(Array(text.utf8), contentType: "multipart/form-data; boundary=B") }
    }

    @Test("multipart: part count and size limits")
    func multipartLimits() {
        let many = Self.multipart((0..<5).map { "Content-Disposition: form-data; name=\"f\($0)\"\r\n\r\nx" })
        let type = "multipart/form-data; boundary=\(Self.boundary)"
        #expect(throws: FormDecodingError.tooManyParts) {
            try MultipartFormData.parse(many, contentType: type, limits: MultipartLimits(maxParts: 4))
        }
        let big = Self.multipart(["Content-Disposition: form-data; name=\"f\"\r\n\r\n" + String(repeating: "x", count: 100)])
        #expect(throws: FormDecodingError.partTooLarge) {
            try MultipartFormData.parse(big, contentType: type, limits: MultipartLimits(maxFieldBytes: 99))
        }
        let file = Self.multipart(["Content-Disposition: form-data; name=\"f\"; filename=\"a\"\r\n\r\n" + String(repeating: "x", count: 100)])
        #expect(throws: FormDecodingError.partTooLarge) {
            try MultipartFormData.parse(file, contentType: type, limits: MultipartLimits(maxFileBytes: 50))
        }
        let headers = Self.multipart(["Content-Disposition: form-data; name=\"f\"\r\nX: " + String(repeating: "h", count: 200) + "\r\n\r\nx"])
        #expect(throws: FormDecodingError.partHeadersTooLarge) {
            try MultipartFormData.parse(headers, contentType: type, limits: MultipartLimits(maxPartHeaderBytes: 100))
        }
        #expect(throws: FormDecodingError.missingBoundary) { try MultipartFormData.parse(many, contentType: "multipart/form-data") }
    }

    @Test("multipart: an empty part and a body that contains boundary-like text")
    func multipartEdges() throws {
        let body = Self.multipart([
            "Content-Disposition: form-data; name=\"empty\"\r\n\r\n",
            "Content-Disposition: form-data; name=\"tricky\"\r\n\r\n--\(Self.boundary)x is not a delimiter without CRLF",
        ])
        let parts = try MultipartFormData.parse(body, contentType: "multipart/form-data; boundary=\(Self.boundary)")
        #expect(parts.map(\.name) == ["empty", "tricky"])
        #expect(parts[0].body.isEmpty)
        #expect(parts[1].text?.hasPrefix("--\(Self.boundary)x") == true)
    }

    @Test("cookies: pairs from every Cookie field, invalid names skipped, quotes removed")
    func cookies() {
        let headers: HTTPHeaders = ["Cookie": "sid=abc; theme=\"dark\"; bad name=x; novalue", "cookie": "b=2"]
        let cookies = Cookies.parse(headers)
        #expect(cookies.map(\.name) == ["sid", "theme", "b"])
        #expect(cookies[1].value == "dark")
        #expect(Cookies.value(named: "b", in: headers) == "2")
    }

    @Test("Set-Cookie: safe defaults and no header splitting")
    func setCookie() {
        #expect(SetCookie(name: "sid", value: "abc").headerValue == "sid=abc; Path=/; HttpOnly; SameSite=Strict")
        #expect(SetCookie(name: "sid", value: "a;b\r\nX: y", secure: true, maxAge: 60).headerValue
            == "sid=abX:y; Path=/; Max-Age=60; HttpOnly; Secure; SameSite=Strict")
        #expect(SetCookie.expired(name: "sid").headerValue == "sid=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict")
    }

    @Test("HTML escaping")
    func htmlEscape() {
        #expect(HTML.escape("<a href=\"x\">Tom & 'Jerry'</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
        #expect(HTML.escape("plain café") == "plain café")
    }

    @Test("downloads: Content-Disposition is an attachment with a safe name in ASCII and UTF-8")
    func downloads() {
        let response = HTTPResponse.download(Array("a,b".utf8), filename: "../résumé \"final\".csv", contentType: "text/csv")
        #expect(response.headers["Content-Disposition"]
            == "attachment; filename=\"r_sum_ final.csv\"; filename*=UTF-8''r%C3%A9sum%C3%A9%20final.csv")
        #expect(response.headers["Cache-Control"] == "no-store")
        #expect(HTTPResponse.download([], filename: "/", contentType: "text/plain").headers["Content-Disposition"]
            == "attachment; filename=\"download\"; filename*=UTF-8''download")
    }

    @Test("redirects: 303 to local paths only")
    func redirects() {
        #expect(HTTPResponse.redirect(to: "/done?id=3").headers["Location"] == "/done?id=3")
        #expect(HTTPResponse.redirect(to: "/done").status == .seeOther)
        for hostile in ["//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)", "/a\r\nSet-Cookie: x"] {
            #expect(HTTPResponse.redirect(to: hostile).headers["Location"] == "/")
        }
    }

    @Test("HTTP dates are IMF-fixdate")
    func dates() {
        #expect(HTTPDate.format(secondsSince1970: 784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.format(secondsSince1970: 0) == "Thu, 01 Jan 1970 00:00:00 GMT")
    }
}
