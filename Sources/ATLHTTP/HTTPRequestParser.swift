/// A strict, incremental HTTP/1.1 request parser (RFC 9112). Pure: no sockets, no clocks.
///
/// Feed it bytes in any chunking with `append(_:)`, then call `nextRequest()` until it returns nil
/// (needs more bytes). Pipelined requests come out in order from one buffer. The first error poisons
/// the parser (every later call throws it again): after a framing error nothing that follows can be
/// trusted, so the server answers the error and closes the connection.
///
/// Cost: each byte is examined a constant number of times however the input is split, so feeding a
/// request one byte at a time is linear, not quadratic. Limits are enforced as bytes arrive, before a
/// line is complete, so an endless header line is refused after `limits.maxHeaderBytes` bytes.
public struct HTTPRequestParser: Sendable {
    /// Where the parser is in the current request, for the server's timeouts.
    public enum Phase: Sendable, Hashable {
        /// Between requests: no byte of the next one buffered (idle timeout applies).
        case idle
        /// Reading the request line and header fields (header timeout applies).
        case head
        /// Reading the body (body timeout applies).
        case body
    }

    public let limits: HTTPLimits
    /// Decides the body limit of a request from its head (method, path, headers). The router uses it for
    /// per-route limits; nil or a nil answer means `limits.maxBodyBytes`.
    public let bodyLimit: (@Sendable (HTTPRequest) -> Int?)?
    /// Copied into each request.
    public var remoteAddress: String

    private enum State: Sendable {
        case requestLine
        case headers
        case fixedBody(Int)
        case chunkSize
        case chunkData(Int)
        case chunkDataEnd
        case trailers
    }

    private enum LineKind { case requestLine, field, chunkSize }

    private var buffer: [UInt8] = []
    /// First unconsumed byte in `buffer`.
    private var start = 0
    /// Where the search for the current line's LF resumes, so bytes are not rescanned.
    private var scanFrom = 0
    private var state: State = .requestLine
    private var failure: HTTPParseError?

    // The request being assembled.
    private var emptyLinesSkipped = 0
    private var method = HTTPMethod.get
    private var version = HTTPVersion.http1_1
    private var rawTarget: [UInt8] = []
    private var headers = HTTPHeaders()
    private var headerBytes = 0
    private var headerCount = 0
    private var pending: HTTPRequest?
    private var body: [UInt8] = []
    private var bodyLimitOfPending = 0
    private var continueWanted = false

    public init(limits: HTTPLimits = HTTPLimits(), remoteAddress: String = "",
                bodyLimit: (@Sendable (HTTPRequest) -> Int?)? = nil) {
        self.limits = limits
        self.remoteAddress = remoteAddress
        self.bodyLimit = bodyLimit
    }

    /// Adds received bytes.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete request, nil if more bytes are needed, or the reason the stream is refused.
    public mutating func nextRequest() throws(HTTPParseError) -> HTTPRequest? {
        if let failure { throw failure }
        do {
            return try step()
        } catch {
            failure = error
            throw error
        }
    }

    public var phase: Phase {
        switch state {
        case .requestLine: start < buffer.count ? .head : .idle
        case .headers: .head
        case .fixedBody, .chunkSize, .chunkData, .chunkDataEnd, .trailers: .body
        }
    }

    /// Bytes received but not yet consumed by a returned request.
    public var bufferedByteCount: Int { buffer.count - start }

    /// True when the client sent `Expect: 100-continue` and waits for the interim response before
    /// sending the body. The server sends "100 Continue" once and calls `continueSent()`.
    public var expectsContinue: Bool { continueWanted && phase == .body }

    public mutating func continueSent() { continueWanted = false }

    // MARK: - The state machine

    private mutating func step() throws(HTTPParseError) -> HTTPRequest? {
        while true {
            switch state {
            case .requestLine:
                guard let line = try nextLine(.requestLine, limit: limits.maxRequestLineBytes) else { return nil }
                if line.isEmpty {
                    emptyLinesSkipped += 1
                    if emptyLinesSkipped > limits.maxLeadingEmptyLines { throw .tooManyEmptyLines }
                    continue
                }
                try parseRequestLine(line)
                state = .headers

            case .headers:
                guard let line = try nextLine(.field, limit: limits.maxHeaderBytes - headerBytes + 2) else {
                    return nil
                }
                if line.isEmpty {
                    if let request = try finishHead() { return request }
                    continue
                }
                try countFieldLine(line)
                try parseFieldLine(line, into: &headers)

            case .fixedBody(let length):
                guard buffer.count - start >= length else { return nil }
                body = Array(buffer[start..<(start + length)])
                consume(length)
                return completeRequest()

            case .chunkSize:
                guard let line = try nextLine(.chunkSize, limit: limits.maxChunkLineBytes) else { return nil }
                let size = try parseChunkSize(line)
                if size == 0 {
                    state = .trailers
                } else {
                    if size > bodyLimitOfPending - body.count { throw .bodyTooLarge }
                    state = .chunkData(size)
                }

            case .chunkData(let remaining):
                let available = buffer.count - start
                guard available > 0 else { return nil }
                let take = min(available, remaining)
                body.append(contentsOf: buffer[start..<(start + take)])
                consume(take)
                state = take == remaining ? .chunkDataEnd : .chunkData(remaining - take)

            case .chunkDataEnd:
                guard buffer.count - start >= 2 else {
                    if buffer.count - start == 1, buffer[start] != .cr { throw .malformedChunk }
                    return nil
                }
                guard buffer[start] == .cr, buffer[start + 1] == .lf else { throw .malformedChunk }
                consume(2)
                state = .chunkSize

            case .trailers:
                // Trailer fields are validated like header fields, count against the same limits, and are
                // then dropped: nothing here needs them, and merging them would be a smuggling vector.
                guard let line = try nextLine(.field, limit: limits.maxHeaderBytes - headerBytes + 2) else {
                    return nil
                }
                if line.isEmpty { return completeRequest() }
                try countFieldLine(line)
                var ignored = HTTPHeaders()
                try parseFieldLine(line, into: &ignored)
            }
        }
    }

    /// The next CRLF-terminated line without its CRLF, or nil when incomplete. `limit` counts the CRLF.
    /// Bare LF is refused (RFC 9112 §2.2 allows accepting it; refusing removes a parser-disagreement
    /// vector), and a bare CR inside the line is refused by the callers' byte checks.
    private mutating func nextLine(_ kind: LineKind, limit: Int) throws(HTTPParseError) -> [UInt8]? {
        var index = max(scanFrom, start)
        let end = buffer.count
        while index < end, buffer[index] != .lf { index += 1 }
        if index == end {
            scanFrom = end
            if end - start >= limit { throw overflowError(kind) }
            return nil
        }
        let lineLength = index - start + 1
        if lineLength > limit { throw overflowError(kind) }
        guard index > start, buffer[index - 1] == .cr else { throw .bareLineFeed }
        let line = Array(buffer[start..<(index - 1)])
        consume(lineLength)
        return line
    }

    /// An over-long request line is 414 once the target has begun (a method token then a space), and
    /// 400 otherwise (the "method" is not a method). Over-long fields are 431; chunk lines 400.
    private func overflowError(_ kind: LineKind) -> HTTPParseError {
        switch kind {
        case .requestLine:
            // Look only at the first `limit` bytes, so the answer is the same however the bytes arrived.
            let pending = buffer[start..<min(buffer.count, start + limits.maxRequestLineBytes)]
            if let space = pending.firstIndex(of: .space), space > start,
               pending[start..<space].allSatisfy(\.isTokenCharacter) {
                return .targetTooLong
            }
            return .malformedRequestLine
        case .field: return .headerSectionTooLarge
        case .chunkSize: return .malformedChunk
        }
    }

    private mutating func consume(_ count: Int) {
        start += count
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= 64 * 1024)
            start = 0
        } else if start >= 16 * 1024 && start * 2 >= buffer.count {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        scanFrom = start
    }

    // MARK: - Request line

    /// `method SP request-target SP HTTP-version` with exactly one space between parts (RFC 9112 §3).
    private mutating func parseRequestLine(_ line: [UInt8]) throws(HTTPParseError) {
        guard let firstSpace = line.firstIndex(of: .space), firstSpace > 0 else { throw .malformedRequestLine }
        let methodBytes = line[..<firstSpace]
        guard methodBytes.allSatisfy(\.isTokenCharacter) else { throw .malformedRequestLine }
        let afterMethod = line[(firstSpace + 1)...]
        guard let secondSpace = afterMethod.firstIndex(of: .space), secondSpace > afterMethod.startIndex else {
            throw .malformedRequestLine
        }
        let versionBytes = line[(secondSpace + 1)...]
        guard !versionBytes.contains(.space) else { throw .malformedRequestLine }
        version = try parseVersion(versionBytes)
        method = HTTPMethod(String(decoding: methodBytes, as: UTF8.self))
        guard HTTPMethod.implemented.contains(method) else { throw .methodNotImplemented }
        rawTarget = Array(line[afterMethod.startIndex..<secondSpace])
        // Validate the target now, so a bad one is refused before any header is read.
        _ = try RequestTarget.parse(rawTarget[...])
    }

    /// `HTTP/DIGIT.DIGIT`, case-sensitive (RFC 9112 §2.3). 1.0 and 1.1 are served; any other
    /// well-formed version gets 505.
    private func parseVersion(_ bytes: ArraySlice<UInt8>) throws(HTTPParseError) -> HTTPVersion {
        let text = Array(bytes)
        guard text.count == 8, Array(text[0..<5]) == Array("HTTP/".utf8), text[6] == UInt8(ascii: "."),
              (0x30...0x39).contains(text[5]), (0x30...0x39).contains(text[7]) else { throw .malformedVersion }
        switch (text[5], text[7]) {
        case (UInt8(ascii: "1"), UInt8(ascii: "1")): return .http1_1
        case (UInt8(ascii: "1"), UInt8(ascii: "0")): return .http1_0
        default: throw .versionNotSupported
        }
    }

    // MARK: - Header fields

    private mutating func countFieldLine(_ line: [UInt8]) throws(HTTPParseError) {
        headerBytes += line.count + 2
        headerCount += 1
        if headerBytes > limits.maxHeaderBytes { throw .headerSectionTooLarge }
        if headerCount > limits.maxHeaderCount { throw .tooManyHeaderFields }
    }

    /// `field-name ":" OWS field-value OWS` (RFC 9112 §5). Refused: a line starting with whitespace
    /// (obsolete folding, §5.2), whitespace before the colon (§5.1 MUST), a name that is not a token, and
    /// control characters in the value (NUL, bare CR, DEL...).
    private func parseFieldLine(_ line: [UInt8], into fields: inout HTTPHeaders) throws(HTTPParseError) {
        if line[0].isWhitespace {
            throw headerCount > 1 ? .obsoleteLineFolding : .malformedHeaderField
        }
        guard let colon = line.firstIndex(of: .colon), colon > 0 else { throw .malformedHeaderField }
        if line[colon - 1].isWhitespace { throw .whitespaceBeforeColon }
        let name = line[..<colon]
        guard name.allSatisfy(\.isTokenCharacter) else { throw .malformedHeaderField }
        var valueStart = colon + 1
        var valueEnd = line.count
        while valueStart < valueEnd, line[valueStart].isWhitespace { valueStart += 1 }
        while valueEnd > valueStart, line[valueEnd - 1].isWhitespace { valueEnd -= 1 }
        let value = line[valueStart..<valueEnd]
        guard value.allSatisfy({ ByteClass.fieldValue[Int($0)] }) else { throw .malformedHeaderField }
        fields.add(String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
    }

    // MARK: - End of head: Host, framing, expectations

    private mutating func finishHead() throws(HTTPParseError) -> HTTPRequest? {
        let hosts = headers.values(for: "Host")
        if hosts.count > 1 { throw .duplicateHost }
        if hosts.isEmpty && version == .http1_1 { throw .missingHost }
        if let host = hosts.first, !RequestTarget.isValidHost(host.utf8) { throw .malformedHost }

        let target = try RequestTarget.parse(rawTarget[...])
        if let authority = target.authority {
            // RFC 9112 §3.2.2: with an absolute-form target the Host field is replaced by its authority.
            headers.set("Host", authority)
        }

        var chunked = false
        var length = 0
        let transferEncodings = headers.values(for: "Transfer-Encoding")
        let contentLengths = headers.values(for: "Content-Length")
        if !transferEncodings.isEmpty {
            if version == .http1_0 { throw .transferEncodingInHTTP10 }
            if !contentLengths.isEmpty { throw .contentLengthWithTransferEncoding }
            try checkTransferCodings(headers.listValues(for: "Transfer-Encoding"))
            chunked = true
        } else if !contentLengths.isEmpty {
            length = try parseContentLength(contentLengths)
        } else if method.requiresLength {
            throw .lengthRequired
        }

        let request = HTTPRequest(
            method: method, target: String(decoding: rawTarget, as: UTF8.self), path: target.path,
            queryItems: target.queryItems, version: version, headers: headers, body: [],
            remoteAddress: remoteAddress, keepAlive: HTTPRequest.keepAlive(version: version, headers: headers))
        bodyLimitOfPending = bodyLimit?(request) ?? limits.maxBodyBytes
        if length > bodyLimitOfPending { throw .bodyTooLarge }

        // RFC 9110 §10.1.1: 100-continue is the only expectation; HTTP/1.0 expectations are ignored.
        let expectations = headers.listValues(for: "Expect")
        if version == .http1_1 && !expectations.isEmpty {
            guard expectations.allSatisfy({ asciiCaseInsensitiveEquals($0, "100-continue") }) else {
                throw .expectationNotSupported
            }
            continueWanted = chunked || length > 0
        }

        if chunked {
            pending = request
            state = .chunkSize
            return nil
        }
        if length > 0 {
            pending = request
            state = .fixedBody(length)
            return nil
        }
        pending = request
        return completeRequest()
    }

    /// Only `chunked`, once and last, is supported. Chunked not last, or twice, is a framing error
    /// (400, RFC 9112 §6.3); any other coding (gzip, deflate...) is not implemented (501, §6.1).
    private func checkTransferCodings(_ codings: [String]) throws(HTTPParseError) {
        guard let last = codings.last else { throw .malformedTransferEncoding }
        let chunkedCount = codings.filter { asciiCaseInsensitiveEquals($0, "chunked") }.count
        if asciiCaseInsensitiveEquals(last, "chunked") {
            if chunkedCount > 1 { throw .malformedTransferEncoding }
            if codings.count > 1 { throw .transferCodingNotImplemented }
            return
        }
        if chunkedCount > 0 { throw .malformedTransferEncoding }
        guard codings.allSatisfy({ isToken($0) }) else { throw .malformedTransferEncoding }
        throw .transferCodingNotImplemented
    }

    /// `1*DIGIT`; repeated fields or list elements must all agree (RFC 9110 §8.6). Signs, spaces inside,
    /// hex and empty elements are refused. A value too big for the limit (however many digits) is 413.
    private func parseContentLength(_ values: [String]) throws(HTTPParseError) -> Int {
        var agreed: Int?
        for value in values {
            for element in value.split(separator: ",", omittingEmptySubsequences: false) {
                let digits = Array(trimmingWhitespace(element).utf8)
                guard !digits.isEmpty, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                    throw .malformedContentLength
                }
                let significant = digits.drop { $0 == 0x30 }
                let number = significant.count > 18 ? Int.max
                    : significant.reduce(0) { $0 * 10 + Int($1 - 0x30) }
                if let agreed, agreed != number { throw .malformedContentLength }
                agreed = number
            }
        }
        return agreed ?? 0
    }

    /// `chunk-size [ chunk-ext ]` (RFC 9112 §7.1): hex digits, then optional `;`-introduced extensions,
    /// which are checked for control characters and ignored.
    private func parseChunkSize(_ line: [UInt8]) throws(HTTPParseError) -> Int {
        var index = 0
        var size = 0
        var significantDigits = 0
        while index < line.count, ByteClass.hexValue[Int(line[index])] >= 0 {
            let digit = Int(ByteClass.hexValue[Int(line[index])])
            if significantDigits > 0 || digit > 0 { significantDigits += 1 }
            if significantDigits > 15 { throw .bodyTooLarge }
            size = size * 16 + digit
            index += 1
        }
        guard index > 0 else { throw .malformedChunk }
        while index < line.count, line[index].isWhitespace { index += 1 }
        if index < line.count {
            guard line[index] == .semicolon,
                  line[index...].allSatisfy({ ByteClass.fieldValue[Int($0)] }) else { throw .malformedChunk }
        }
        return size
    }

    private mutating func completeRequest() -> HTTPRequest? {
        guard var request = pending else { return nil }
        request.body = body
        pending = nil
        body = []
        headers = HTTPHeaders()
        headerBytes = 0
        headerCount = 0
        emptyLinesSkipped = 0
        rawTarget = []
        continueWanted = false
        state = .requestLine
        return request
    }
}
