import Testing
@testable import ATLHTTP

/// SplitMix64: a tiny, fast, seedable generator, so every fuzz run is the same run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Parser: seeded fuzzing")
struct ParserFuzzTests {
    static let seeds: [String] = [
        "GET /settings/42?tab=travel&x=%C3%A9 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: text/html\r\nCookie: sid=abc\r\n\r\n",
        "POST /form HTTP/1.1\r\nHost: localhost:8080\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 19\r\n\r\nname=a+b&csrf=token",
        "PUT /upload HTTP/1.1\r\nHost: [::1]:8080\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\nabcd\r\n3\r\nefg\r\n0\r\nX-T: y\r\n\r\n",
        "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\nHEAD /healthz HTTP/1.1\r\nHost: a\r\n\r\n",
        "DELETE /items/7 HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\nExpect: 100-continue\r\n\r\n",
    ]

    static func mutate(_ input: [UInt8], using rng: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        let mutations = Int.random(in: 1...4, using: &rng)
        for _ in 0..<mutations {
            guard !bytes.isEmpty else { break }
            let at = Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<10, using: &rng) {
            case 0: // flip a byte to anything
                bytes[at] = UInt8.random(in: 0...255, using: &rng)
            case 1: // flip one bit
                bytes[at] ^= 1 << UInt8.random(in: 0..<8, using: &rng)
            case 2: // truncate
                bytes.removeSubrange(at...)
            case 3: // duplicate a chunk somewhere else
                let length = Int.random(in: 1...min(64, bytes.count - at), using: &rng)
                let chunk = Array(bytes[at..<(at + length)])
                bytes.insert(contentsOf: chunk, at: Int.random(in: 0...bytes.count, using: &rng))
            case 4: // CRLF to LF
                if let index = bytes[at...].firstIndex(of: .cr) { bytes.remove(at: index) }
            case 5: // LF to CRLF, or a stray CR
                bytes.insert(.cr, at: at)
            case 6: // a long field
                let field = "X-Long: " + String(repeating: "v", count: Int.random(in: 100...20_000, using: &rng)) + "\r\n"
                let lineStart = (bytes[..<at].lastIndex(of: .lf).map { $0 + 1 }) ?? 0
                bytes.insert(contentsOf: Array(field.utf8), at: lineStart)
            case 7: // delete a range
                let length = Int.random(in: 1...min(16, bytes.count - at), using: &rng)
                bytes.removeSubrange(at..<(at + length))
            case 8: // insert a control character or a separator
                let specials: [UInt8] = [0, 0x0D, 0x0A, 0x09, 0x20, 0x7F, 0x3A, 0x25, 0x2F, 0x2E, 0xFF]
                bytes.insert(specials[Int.random(in: 0..<specials.count, using: &rng)], at: at)
            default: // many copies of a header line (count limits)
                let line = Array("X-R: 1\r\n".utf8)
                let lineStart = (bytes[..<at].lastIndex(of: .lf).map { $0 + 1 }) ?? 0
                for _ in 0..<Int.random(in: 1...150, using: &rng) { bytes.insert(contentsOf: line, at: lineStart) }
            }
        }
        return bytes
    }

    /// What must hold for anything the parser accepts.
    static func checkInvariants(_ request: HTTPRequest, limits: HTTPLimits) {
        #expect(request.path.hasPrefix("/"))
        #expect(!request.path.split(separator: "/").contains(".."))
        #expect(!request.path.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        #expect(HTTPMethod.implemented.contains(request.method))
        #expect(request.body.count <= limits.maxBodyBytes)
        for field in request.headers {
            #expect(isToken(field.name))
            #expect(!field.value.utf8.contains { $0 == .cr || $0 == .lf || $0 == 0 })
        }
        if request.version == .http1_1 { #expect(request.headers.values(for: "Host").count == 1) }
    }

    @Test("5,000 mutations of valid requests: a request or a 4xx/5xx, never a crash or hang",
          .timeLimit(.minutes(1)))
    func mutations() {
        var rng = SeededGenerator(seed: 0xA71_5EED)
        let limits = HTTPLimits()
        var refused = 0
        var accepted = 0
        for iteration in 0..<5000 {
            let seed = Array(Self.seeds[iteration % Self.seeds.count].utf8)
            let input = Self.mutate(seed, using: &rng)
            let outcome = parse(input, limits: limits)
            if let status = outcome.statusCode {
                #expect((400..<600).contains(status))
                refused += 1
            }
            accepted += outcome.requests.count
            for request in outcome.requests { Self.checkInvariants(request, limits: limits) }
            // Any split of the same bytes must give the same outcome.
            if iteration % 10 == 0 {
                #expect(parse(input, chunkSize: 1) == outcome)
            } else if iteration % 10 == 5 {
                #expect(parse(input, chunkSize: Int.random(in: 2...40, using: &rng)) == outcome)
            }
        }
        // The mutations must exercise both sides, or the test proves nothing.
        #expect(refused > 1000)
        #expect(accepted > 500)
    }

    @Test("random bytes: a 4xx/5xx or a wait for more, never a crash", .timeLimit(.minutes(1)))
    func randomBytes() {
        var rng = SeededGenerator(seed: 42)
        for _ in 0..<2000 {
            let length = Int.random(in: 0...300, using: &rng)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let outcome = parse(bytes)
            if let status = outcome.statusCode { #expect((400..<600).contains(status)) }
            for request in outcome.requests { Self.checkInvariants(request, limits: HTTPLimits()) }
        }
    }
}
