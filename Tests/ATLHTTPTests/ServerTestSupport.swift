import Foundation
import Testing
@testable import ATLHTTP
#if canImport(Glibc)
import Glibc
#endif

/// A response as read off the wire by `RawClient`.
struct WireResponse {
    var status: Int
    var headers: HTTPHeaders
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
}

enum RawClientError: Error { case connectFailed(Int32), closed, malformed(String) }

/// A blocking loopback client on raw sockets, so the tests see exactly the bytes the server sends.
/// Every read has a 5 s timeout, so a server bug fails a test instead of hanging the suite.
final class RawClient {
    let descriptor: Int32
    private var pending: [UInt8] = []

    init(port: Int, host: String = "127.0.0.1") throws {
        let v6 = host.contains(":")
        descriptor = socket(v6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let result: Int32
        if v6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = in_port_t(UInt16(port).bigEndian)
            inet_pton(AF_INET6, host, &address.sin6_addr)
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            inet_pton(AF_INET, host, &address.sin_addr)
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        guard result == 0 else {
            let code = errno
            close(descriptor)
            throw RawClientError.connectFailed(code)
        }
    }

    deinit { close(descriptor) }

    func send(_ text: String) { send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return }
            offset += sent
        }
    }

    /// Reads more bytes into the pending buffer; false on EOF, error or timeout.
    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress!, $0.count, 0) }
        guard count > 0 else { return false }
        pending.append(contentsOf: chunk[0..<count])
        return true
    }

    /// Reads one response (skipping 1xx unless `keepInterim`). `head`: the response has no body.
    func readResponse(head: Bool = false, keepInterim: Bool = false) throws -> WireResponse {
        while true {
            let separator = Array("\r\n\r\n".utf8)
            var headEnd: Int?
            while headEnd == nil {
                headEnd = MultipartFormData.firstIndex(of: separator, in: pending, from: 0)
                if headEnd == nil && !fill() { throw RawClientError.closed }
            }
            let headText = String(decoding: pending[0..<headEnd!], as: UTF8.self)
            pending.removeFirst(headEnd! + 4)
            var lines = headText.components(separatedBy: "\r\n")
            let statusLine = lines.removeFirst().split(separator: " ", maxSplits: 2)
            guard statusLine.count >= 2, statusLine[0] == "HTTP/1.1", let status = Int(statusLine[1]) else {
                throw RawClientError.malformed(headText)
            }
            var headers = HTTPHeaders()
            for line in lines {
                guard let colon = line.firstIndex(of: ":") else { throw RawClientError.malformed(line) }
                headers.add(String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
            }
            if status < 200 && !keepInterim { continue }
            let length = head || status < 200 || status == 204 || status == 304 ? 0 : Int(headers["Content-Length"] ?? "0") ?? 0
            while pending.count < length { if !fill() { throw RawClientError.closed } }
            let body = Array(pending[0..<length])
            pending.removeFirst(length)
            return WireResponse(status: status, headers: headers, body: body)
        }
    }

    /// True when the server has closed the connection (EOF) with no further bytes.
    func isClosedByServer() -> Bool {
        pending.isEmpty && !fill()
    }
}

/// Runs `body` with a started server on an ephemeral loopback port, then shuts it down.
func withServer(_ configure: (inout HTTPServerConfiguration) -> Void = { _ in }, router: Router,
                _ body: (HTTPServer) throws -> Void) throws {
    var configuration = HTTPServerConfiguration()
    configure(&configuration)
    let server = HTTPServer(configuration: configuration, router: router)
    try server.start()
    defer { server.shutdown(gracePeriod: .seconds(2)) }
    try body(server)
}

/// A router with the routes the end-to-end tests use.
func testRouter() -> Router {
    var router = Router()
    router.get("/hello") { _ in .text("hello") }
    router.get("/echo/{word}") { request in .text(request.pathParameters["word"] ?? "") }
    router.post("/echo", bodyLimit: 64 * 1024) { request in
        HTTPResponse(status: .ok, headers: ["Content-Type": "application/octet-stream"], body: request.body)
    }
    router.get("/slow") { _ in
        usleep(300_000)
        return .text("slow done")
    }
    return router
}

/// Raw HTTP/1.1 request text; a Content-Length is added for bodies and non-GET methods.
func wireRequest(_ method: String = "GET", _ target: String, host: String = "127.0.0.1", extra: String = "", body: String = "") -> String {
    let length = body.isEmpty && method == "GET" ? "" : "Content-Length: \(body.utf8.count)\r\n"
    return "\(method) \(target) HTTP/1.1\r\nHost: \(host)\r\n\(length)\(extra)\r\n\(body)"
}
