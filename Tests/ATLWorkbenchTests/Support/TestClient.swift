import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A response as read off the wire.
struct Reply: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    func headers(_ name: String) -> [String] { headers.filter { $0.0.lowercased() == name.lowercased() }.map(\.1) }

    /// The page's first CSRF token.
    var csrf: String? { firstMatch(#"name="_csrf" value="([^"]+)""#) }

    func firstMatch(_ pattern: String) -> String? {
        guard let re = try? NSRegularExpression(pattern: pattern),
              let m = re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)), m.numberOfRanges > 1,
              let r = Range(m.range(at: 1), in: text) else { return nil }
        return String(text[r])
    }

    /// Every value of an attribute pattern, e.g. the hidden profile fields.
    func allMatches(_ pattern: String) -> [String] {
        guard let re = try? NSRegularExpression(pattern: pattern) else { return [] }
        return re.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { m in
            Range(m.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}

/// A browser-like client over raw loopback sockets: one request per connection (`Connection: close`), a cookie
/// jar, and helpers for urlencoded and multipart forms. Raw sockets, so tests choose every header (Host,
/// Origin) and see exactly what the server sends. Every read has a 20 s timeout.
final class TestClient: @unchecked Sendable {
    let port: Int
    var host: String
    var cookies: [String: String] = [:]
    private let lock = NSLock()

    init(port: Int, host: String? = nil) {
        self.port = port
        self.host = host ?? "127.0.0.1:\(port)"
    }

    func get(_ path: String, headers: [(String, String)] = []) throws -> Reply {
        try send("GET", path, headers: headers, body: [])
    }

    func post(_ path: String, form: [(String, String)], headers: [(String, String)] = []) throws -> Reply {
        let body = form.map { "\(TestClient.encode($0.0))=\(TestClient.encode($0.1))" }.joined(separator: "&")
        return try send("POST", path, headers: [("Content-Type", "application/x-www-form-urlencoded")] + headers, body: Array(body.utf8))
    }

    /// A multipart form: text fields, then files (field name, file name, bytes).
    func post(_ path: String, multipart fields: [(String, String)], files: [(String, String, [UInt8])], headers: [(String, String)] = []) throws -> Reply {
        let boundary = "----atltest\(UUID().uuidString.prefix(8))"
        var body: [UInt8] = []
        for (n, v) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(n)\"\r\n\r\n\(v)\r\n".utf8)
        }
        for (n, filename, bytes) in files {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(n)\"; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            body += bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return try send("POST", path, headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")] + headers, body: body)
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        return (s.addingPercentEncoding(withAllowedCharacters: allowed) ?? "").replacingOccurrences(of: "%20", with: "+")
    }

    /// Sends one request and reads the whole response; stores cookies it sets.
    func send(_ method: String, _ target: String, headers: [(String, String)], body: [UInt8]) throws -> Reply {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n"
        let jar = lock.withLock { cookies }
        if !jar.isEmpty { head += "Cookie: " + jar.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") + "\r\n" }
        for (n, v) in headers { head += "\(n): \(v)\r\n" }
        if method != "GET" || !body.isEmpty { head += "Content-Length: \(body.count)\r\n" }
        let raw = try TestClient.exchange(port: port, Array((head + "\r\n").utf8) + body)
        let reply = try TestClient.parse(raw)
        for c in reply.headers("Set-Cookie") {
            let pair = c.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            lock.withLock { cookies[String(pair[0])] = String(pair[1]) }
        }
        return reply
    }

    /// Writes bytes to a new loopback connection and reads until the server closes it.
    static func exchange(port: Int, _ bytes: [UInt8]) throws -> [UInt8] {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ClientError.socket }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw ClientError.connect(errno) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { break }      // the server may answer (413) and close before reading everything
            offset += n
        }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
            if n <= 0 { break }
            out += chunk[0..<n]
        }
        return out
    }

    static func parse(_ raw: [UInt8]) throws -> Reply {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0..<max(0, raw.count - 3)).first(where: { Array(raw[$0..<$0 + 4]) == separator }) else { throw ClientError.malformed }
        let headText = String(decoding: raw[0..<end], as: UTF8.self)
        var lines = headText.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw ClientError.malformed }
        let headers = lines.compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Array(raw[(end + 4)...])
        if let length = headers.first(where: { $0.0.lowercased() == "content-length" }).flatMap({ Int($0.1) }), body.count > length {
            body = Array(body.prefix(length))
        }
        return Reply(status: status, headers: headers, body: body)
    }

    enum ClientError: Error { case socket, connect(Int32), malformed }
}
