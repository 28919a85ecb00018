import Testing
@testable import ATLHTTP

/// What a parser made of a byte stream: the requests in order, then the error that stopped it (if any).
struct ParseOutcome: Equatable {
    var requests: [HTTPRequest]
    var error: HTTPParseError?

    static func == (lhs: ParseOutcome, rhs: ParseOutcome) -> Bool {
        lhs.error == rhs.error && lhs.requests.count == rhs.requests.count
            && zip(lhs.requests, rhs.requests).allSatisfy { a, b in
                a.method == b.method && a.target == b.target && a.path == b.path && a.body == b.body
                    && a.headers == b.headers && a.keepAlive == b.keepAlive && a.queryItems == b.queryItems
            }
    }

    var statusCode: Int? { error?.status.code }
}

/// Feeds `bytes` to a fresh parser in chunks of `chunkSize` bytes (0 = all at once), draining requests
/// after every chunk, as the server does.
func parse(_ bytes: [UInt8], chunkSize: Int = 0, limits: HTTPLimits = HTTPLimits(),
           bodyLimit: (@Sendable (HTTPRequest) -> Int?)? = nil) -> ParseOutcome {
    var parser = HTTPRequestParser(limits: limits, remoteAddress: "127.0.0.1:5000", bodyLimit: bodyLimit)
    var outcome = ParseOutcome(requests: [], error: nil)
    let step = chunkSize > 0 ? chunkSize : max(bytes.count, 1)
    var offset = 0
    repeat {
        let end = min(bytes.count, offset + step)
        parser.append(bytes[offset..<end])
        offset = end
        do {
            while let request = try parser.nextRequest() { outcome.requests.append(request) }
        } catch {
            outcome.error = error
            return outcome
        }
    } while offset < bytes.count
    return outcome
}

func parse(_ text: String, chunkSize: Int = 0, limits: HTTPLimits = HTTPLimits()) -> ParseOutcome {
    parse(Array(text.utf8), chunkSize: chunkSize, limits: limits)
}

/// A raw request given as text with `\r\n` written out, plus optional raw bytes appended.
struct RawRequest: CustomTestStringConvertible, Sendable {
    let name: String
    let bytes: [UInt8]
    let expectedStatus: Int
    var testDescription: String { "\(name) → \(expectedStatus)" }

    init(_ name: String, _ text: String, _ expectedStatus: Int) {
        self.name = name
        self.bytes = Array(text.utf8)
        self.expectedStatus = expectedStatus
    }

    init(_ name: String, bytes: [UInt8], _ expectedStatus: Int) {
        self.name = name
        self.bytes = bytes
        self.expectedStatus = expectedStatus
    }
}
